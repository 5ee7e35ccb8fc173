"""The page-weight journeys use the browser set-up of tests/e2e; the performance tests run
with the signed-in person kept (``SEMILLA_PERSON_CACHE``, on in production, off for the
query-count tests of the other folders: site/settings/test.py)."""

import pytest

from tests.e2e.conftest import (  # noqa: F401  (fixtures)
    browser_context_args,
    browser_type_launch_args,
    site_data,
)


@pytest.fixture(autouse=True)
def _person_kept(settings):
    settings.SEMILLA_PERSON_CACHE = True
