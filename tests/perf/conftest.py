"""The page-weight journeys use the browser set-up of tests/e2e."""

from tests.e2e.conftest import (  # noqa: F401  (fixtures)
    browser_context_args,
    browser_type_launch_args,
    site_data,
)
