"""Fixtures shared by the whole suite."""

import os
import shutil

import pytest
from django.core.cache import cache

from semilla.enums import Role

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright + live_server

CHROMIUM = (
    os.environ.get("SEMILLA_CHROMIUM")
    or shutil.which("chromium")
    or shutil.which("chromium-browser")
)


#: The migrated data serialized when the test databases were made, by alias. Django keeps it
#: on the connection object, and a connection object lives in a context variable (asgiref's
#: Local): once Playwright's session fixtures have started, the tests run in another context,
#: get new connection objects without it, and a serialized test's teardown would flush the
#: database and restore nothing (a later test finds no root collection, no locales). Kept here,
#: it is put back on whichever connection object the test uses.
SERIALIZED_CONTENTS: dict[str, str] = {}


def _carry_serialized_contents(case) -> None:
    from django.db import connections

    for alias in case._databases_names(include_mirrors=False):
        connection = connections[alias]
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents:
            SERIALIZED_CONTENTS.setdefault(alias, contents)
        elif alias in SERIALIZED_CONTENTS:
            connection._test_serialized_contents = SERIALIZED_CONTENTS[alias]


def _restore_data_after_transactional_tests():
    """A transactional test ends with a flush of every table. With serialized rollback Django
    reloads the migrated data (content types, permissions, role groups, Wagtail's root page,
    root collection and locales) only when the *next* serialized test starts, so an ordinary
    test scheduled after it (pytest-xdist's --dist loadfile does that) would see an empty
    database and a content-type cache pointing at deleted rows. Reload the data right after
    the flush, and fail the test that flushed if there was nothing to reload from (rather
    than a later, innocent test)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connections
    from django.test import TransactionTestCase

    setup = TransactionTestCase._fixture_setup.__func__
    flush = TransactionTestCase._fixture_teardown

    def _fixture_setup(cls):
        if cls.serialized_rollback:
            _carry_serialized_contents(cls)
        setup(cls)

    def _fixture_teardown(self):
        if self.serialized_rollback:
            _carry_serialized_contents(self)
        flush(self)
        for alias in self._databases_names(include_mirrors=False):
            connection = connections[alias]
            contents = getattr(connection, "_test_serialized_contents", None)
            if self.serialized_rollback and not contents:
                raise RuntimeError(
                    f"serialized rollback without the serialized data of {alias!r}: the"
                    " database was flushed and cannot be restored"
                )
            if self.serialized_rollback:
                connection.creation.deserialize_db_from_string(contents)
        ContentType.objects.clear_cache()

    TransactionTestCase._fixture_setup = classmethod(_fixture_setup)
    TransactionTestCase._fixture_teardown = _fixture_teardown


def pytest_configure(config):
    _restore_data_after_transactional_tests()
    from django.contrib.auth.signals import user_logged_in

    from tests.factories import mark_test_client_login

    # A test client's force_login is a session that passed the second factor (the access
    # policy lets MFA roles through); tests.factories.password_only_client is one that did not.
    user_logged_in.connect(mark_test_client_login, dispatch_uid="tests-mark-client-login")


def _is_transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", ())
    return bool(
        (marker is not None and marker.kwargs.get("transaction"))
        or "transactional_db" in fixtures
        or "live_server" in fixtures
    )


def pytest_collection_modifyitems(config, items):
    """Every transactional test uses serialized rollback (see above), so no test depends on
    the order the workers run them in. Browser journeys need Chromium; without it they are
    skipped with one clear line."""
    for item in items:
        if _is_transactional(item):
            marker = item.get_closest_marker("django_db")
            kwargs = dict(marker.kwargs) if marker is not None else {}
            kwargs.update(transaction=True, serialized_rollback=True)
            item.add_marker(pytest.mark.django_db(**kwargs), append=False)
    if CHROMIUM:
        return
    skip = pytest.mark.skip(
        reason="Chromium not found: install it (apt-get install chromium)"
        " or set SEMILLA_CHROMIUM to run the browser journeys"
    )
    for item in items:
        if "e2e" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's test databases, and at the end of the run, before they are dropped,
    any other session still connected to one is named on stderr and ended (a process a
    test started that outlived it; the drop would fail with "being accessed by other
    users" and turn a green run red)."""
    from django.db import connections

    for alias in connections:
        contents = getattr(connections[alias], "_test_serialized_contents", None)
        if contents:
            SERIALIZED_CONTENTS[alias] = contents
    yield
    with django_db_blocker.unblock():
        _end_other_sessions()


def _end_other_sessions():
    import sys

    from django.db import connections

    for alias in connections:
        connection = connections[alias]
        if connection.vendor != "postgresql":
            continue
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pid, application_name, state, left(query, 120) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
            for pid, application, state, query in cursor.fetchall():
                sys.stderr.write(
                    f"test database {connection.settings_dict['NAME']} still in use at the end"
                    f" of the run (pid {pid}, {application!r}, {state}, {query!r}): ending it\n"
                )
                cursor.execute("SELECT pg_terminate_backend(%s)", [pid])


URL_COVERAGE = os.environ.get("SEMILLA_URL_COVERAGE") == "1"


def pytest_sessionstart(session):
    if URL_COVERAGE and not hasattr(session.config, "workerinput"):
        from tests import url_coverage

        url_coverage.reset_records()


def pytest_sessionfinish(session, exitstatus):
    """On a full run, fail when one of our URL patterns was never requested by a test."""
    if not URL_COVERAGE:
        return
    from tests import url_coverage

    worker = getattr(session.config, "workerinput", {}).get("workerid")
    if worker is not None:
        url_coverage.write_record(worker)
        return
    missing = url_coverage.missing_patterns()
    if missing:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        lines = ["URL patterns never exercised by a test:", *(f"  {m}" for m in missing)]
        if reporter is not None:
            reporter.write_line("\n".join(lines), red=True)
        session.exitstatus = 1


def pytest_report_header(config):
    if not CHROMIUM:
        return [
            "browser journeys: SKIPPED - Chromium not found (apt-get install chromium,"
            " or set SEMILLA_CHROMIUM=/path/to/chromium)"
        ]
    return [f"browser journeys: Chromium at {CHROMIUM}"]


@pytest.fixture(autouse=True)
def _spanish_by_default():
    """Every test starts in the site's default language. A request to an English page leaves
    English active in the thread (LocaleMiddleware activates a language and never resets
    it), so without this a test's ``reverse()`` could build /en/ URLs depending on which test
    ran before it on the same worker."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private"), "base_url": None},
        },
    }


@pytest.fixture
def make_user(db):
    from tests.factories import make_user as _make_user

    return _make_user


@pytest.fixture
def entrepreneur(make_user):
    return make_user(Role.ENTREPRENEUR)


@pytest.fixture
def other_entrepreneur(make_user):
    return make_user(Role.ENTREPRENEUR)


@pytest.fixture
def mentor_user(make_user):
    return make_user(Role.MENTOR)


@pytest.fixture
def reviewer_user(make_user):
    return make_user(Role.REVIEWER)


@pytest.fixture
def judge_user(make_user):
    return make_user(Role.JUDGE)


@pytest.fixture
def staff_user(make_user):
    return make_user(Role.STAFF)


@pytest.fixture
def finance_user(make_user):
    return make_user(Role.FINANCE)


@pytest.fixture
def funder_user(make_user):
    return make_user(Role.FUNDER)


@pytest.fixture
def client_for(client):
    """``client_for(user)`` -> a test client signed in as ``user`` (None: anonymous)."""
    from django.test import Client

    def _client(user=None):
        c = Client()
        if user is not None:
            c.force_login(user)
        return c

    return _client
