"""The table cache (semilla.table_cache): "Mi espacio" served again from a personal value
until a table it read is written, by any kind of write, in any process; never another
person's value; a rolled-back transaction bumps nothing."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse

from cohorts.models import Application, Cohort
from semilla import table_cache
from semilla.enums import Role
from tests.factories import make_user
from tests.factories.cohorts import ApplicationFactory, CohortFactory

COHORT_TABLE = Cohort._meta.db_table
#: a hit: the session (the person is kept too: semilla.middleware.user_for); nothing of
#: the panels
HIT_QUERIES = 1


def _dashboard(client) -> tuple[str, list[str]]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("semilla:dashboard"))
    assert response.status_code == 200
    return response.content.decode(), [q["sql"] for q in ctx.captured_queries]


def _warm(client) -> str:
    """Two views: the first learns which tables the panels read, the second stores them."""
    _dashboard(client)
    body, _queries = _dashboard(client)
    return body


@pytest.fixture
def applicant(client_for, db):
    user = make_user(Role.ENTREPRENEUR)
    application = ApplicationFactory(user=user, cohort=CohortFactory(name="Cohorte Uno"))
    return user, application, client_for(user)


def test_dashboard_hit_runs_only_the_session_query(applicant):
    _user, _application, client = applicant
    warm = _warm(client)
    body, queries = _dashboard(client)
    assert len(queries) == HIT_QUERIES
    assert body.count("Cohorte Uno") == warm.count("Cohorte Uno") == 1


def _save(application):
    cohort = application.cohort
    cohort.name = "Cohorte Nueva"
    cohort.save()


def _update(application):
    Cohort.objects.filter(pk=application.cohort_id).update(name="Cohorte Nueva")


def _bulk_create(application):
    other = CohortFactory(name="Cohorte Nueva")
    Application.objects.bulk_create([ApplicationFactory.build(user=application.user, cohort=other)])


def _delete(application):
    application.delete()


def _raw_sql(application):
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {COHORT_TABLE} SET name = %s WHERE id = %s",  # noqa: S608
            ["Cohorte Nueva", application.cohort_id],
        )


@pytest.mark.parametrize(
    ("write", "uno", "nueva"),
    [
        (_save, 0, 1),
        (_update, 0, 1),
        (_bulk_create, 1, 1),
        (_delete, 0, 0),
        (_raw_sql, 0, 1),
    ],
)
def test_dashboard_is_fresh_after_every_kind_of_write(applicant, write, uno, nueva):
    _user, application, client = applicant
    _warm(client)
    write(application)
    body, queries = _dashboard(client)
    assert len(queries) > HIT_QUERIES
    assert (body.count("Cohorte Uno"), body.count("Cohorte Nueva")) == (uno, nueva)


def test_dashboard_is_fresh_after_a_write_inside_a_service_transaction(applicant):
    _user, application, client = applicant
    _warm(client)
    with transaction.atomic():
        with transaction.atomic():
            _update(application)
    body, _queries = _dashboard(client)
    assert body.count("Cohorte Nueva") == 1


def test_one_persons_dashboard_never_reaches_another(client_for, db):
    first, second = make_user(Role.ENTREPRENEUR), make_user(Role.ENTREPRENEUR)
    ApplicationFactory(user=first, cohort=CohortFactory(name="Cohorte de Ana"))
    ApplicationFactory(user=second, cohort=CohortFactory(name="Cohorte de Luis"))
    first_client, second_client = client_for(first), client_for(second)
    assert "Cohorte de Ana" in _warm(first_client)
    body, _queries = _dashboard(second_client)
    assert (body.count("Cohorte de Ana"), body.count("Cohorte de Luis")) == (0, 1)
    body, _queries = _dashboard(second_client)
    assert (body.count("Cohorte de Ana"), body.count("Cohorte de Luis")) == (0, 1)


def test_dashboard_in_another_language_is_its_own_value(applicant):
    _user, _application, client = applicant
    assert "Mis postulaciones" in _warm(client)
    response = client.get("/en/mi-espacio/")
    assert response.status_code == 200
    body = response.content.decode()
    assert ("My applications" in body, "Mis postulaciones" in body) == (True, False)


# --------------------------------------------------------------------------- the module


def _cohort_name(pk: int) -> str:
    return Cohort.objects.get(pk=pk).name


def test_a_write_that_commits_while_a_value_is_computed_is_never_stored_as_fresh(db):
    cohort = CohortFactory(name="Antes")
    read = lambda: _cohort_name(cohort.pk)  # noqa: E731
    assert table_cache.cached("race", [cohort.pk], read) == "Antes"  # learns its tables

    def read_then_another_process_commits():
        name = _cohort_name(cohort.pk)
        # another process writes and commits after this read (unseen by this connection's
        # wrapper), then bumps the generation in the shared cache
        table_cache._quiet(lambda: Cohort.objects.filter(pk=cohort.pk).update(name="Después"))
        table_cache.bump([COHORT_TABLE])
        return name

    assert table_cache.cached("race", [cohort.pk], read_then_another_process_commits) == "Antes"
    # stored under the generation read before computing: already old
    assert table_cache.cached("race", [cohort.pk], read) == "Después"


def test_a_value_computed_with_a_write_is_not_stored(db):
    cohort = CohortFactory(name="Uno")
    read = lambda: _cohort_name(cohort.pk)  # noqa: E731
    table_cache.cached("writes", [cohort.pk], read)

    def write_then_read():
        table_cache._quiet(lambda: Cohort.objects.filter(pk=cohort.pk).update(name="Dos"))
        make_user(Role.ENTREPRENEUR)
        return _cohort_name(cohort.pk)

    assert table_cache.cached("writes", [cohort.pk], write_then_read) == "Dos"
    table_cache._quiet(lambda: Cohort.objects.filter(pk=cohort.pk).update(name="Tres"))
    assert table_cache.cached("writes", [cohort.pk], read) == "Tres"


def test_a_value_is_served_until_a_table_it_read_is_written(db):
    cohort = CohortFactory(name="Uno")
    calls = []

    def compute():
        calls.append(1)
        return _cohort_name(cohort.pk)

    for _ in range(3):
        assert table_cache.cached("served", [cohort.pk], compute) == "Uno"
    assert len(calls) == 2
    make_user(Role.ENTREPRENEUR)  # another table: still served
    assert table_cache.cached("served", [cohort.pk], compute) == "Uno"
    assert len(calls) == 2
    cohort.name = "Dos"
    cohort.save()
    assert table_cache.cached("served", [cohort.pk], compute) == "Dos"
    assert len(calls) == 3


def test_tables_in_finds_raw_and_orm_tables():
    sql = str(Application.objects.select_related("cohort").all().query)
    assert table_cache.tables_in(sql) >= {Application._meta.db_table, COHORT_TABLE}
    assert table_cache.tables_in("update unknown_table set a = 1") == {"unknown_table"}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_rolled_back_transaction_bumps_nothing_and_a_commit_bumps_after_it():
    cohort = CohortFactory(name="Uno")
    key = table_cache.GEN_PREFIX + COHORT_TABLE
    before = cache.get(key)
    with pytest.raises(RuntimeError), transaction.atomic():
        Cohort.objects.filter(pk=cohort.pk).update(name="Dos")
        raise RuntimeError
    assert cache.get(key) == before
    with transaction.atomic():
        with pytest.raises(RuntimeError), transaction.atomic():
            Cohort.objects.filter(pk=cohort.pk).update(name="Dos")
            raise RuntimeError
        assert cache.get(key) == before
    assert cache.get(key) == before
    with transaction.atomic():
        Cohort.objects.filter(pk=cohort.pk).update(name="Tres")
        assert cache.get(key) == before
    assert cache.get(key) != before


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_write_in_another_process_makes_the_next_value_fresh(tmp_path):
    shared = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "cache"),
        }
    }
    cohort = CohortFactory(name="Uno")
    with override_settings(CACHES=shared):
        read = lambda: _cohort_name(cohort.pk)  # noqa: E731
        assert table_cache.cached("other", [cohort.pk], read) == "Uno"
        assert table_cache.cached("other", [cohort.pk], read) == "Uno"
        script = (
            "import os, django\n"
            "from django.conf import settings\n"
            f"settings.DATABASES['default']['NAME'] = {str(connection.settings_dict['NAME'])!r}\n"
            f"settings.CACHES = {shared!r}\n"
            "django.setup()\n"
            "from cohorts.models import Cohort\n"
            f"Cohort.objects.filter(pk={cohort.pk}).update(name='Otro proceso')\n"
        )
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "semilla.settings.test"}
        root = Path(__file__).resolve().parents[2]
        subprocess.run([sys.executable, "-c", script], check=True, env=env, cwd=root)  # noqa: S603
        assert table_cache.cached("other", [cohort.pk], read) == "Otro proceso"


def test_dashboard_after_logout_is_not_served(applicant):
    _user, _application, client = applicant
    _warm(client)
    client.logout()
    response = client.get(reverse("semilla:dashboard"))
    assert response.status_code == 302


def test_dashboard_after_a_password_change_elsewhere_is_not_served(applicant):
    user, _application, client = applicant
    _warm(client)
    user.set_password("otra-clave-larga-2026")
    user.save()
    response = client.get(reverse("semilla:dashboard"))
    assert response.status_code == 302


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_write_in_autocommit_is_kept_with_the_database_cache_on_the_same_connection():
    # the bump must not run between an INSERT ... RETURNING and the reading of its row
    # (SQLite): the cache's own transaction would end the statement and lose the row
    from django.core.management import call_command

    shared = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "perf_table_cache_test",
        }
    }
    with override_settings(CACHES=shared):
        call_command("createcachetable", verbosity=0)
        try:
            created = CohortFactory(name="Guardada")
            assert Cohort.objects.filter(pk=created.pk).count() == 1
            table_cache.flush()
            assert cache.get(table_cache.GEN_PREFIX + COHORT_TABLE) is not None
        finally:
            with connection.cursor() as cursor:
                cursor.execute("DROP TABLE perf_table_cache_test")


def test_a_value_stored_by_another_process_is_read_in_one_round_trip_from_the_second_hit(
    db, monkeypatch
):
    cohort = CohortFactory(name="Uno")

    def compute():
        return Cohort.objects.get(pk=cohort.pk).name

    for _ in range(2):  # learns its tables, stores
        table_cache.cached("elsewhere", [cohort.pk], compute)
    table_cache._hints.pop("elsewhere")  # as in a process that never computed it
    trips: list[int] = []
    real = table_cache._get_many

    def counted(keys):
        trips.append(len(keys))
        return real(keys)

    monkeypatch.setattr(table_cache, "_get_many", counted)
    assert table_cache.cached("elsewhere", [cohort.pk], compute) == "Uno"
    assert trips == [1, 1]  # the value, then its generations
    trips.clear()
    assert table_cache.cached("elsewhere", [cohort.pk], compute) == "Uno"
    assert trips == [2]  # the value and its generation together


def test_the_access_audit_is_a_log_whose_writes_bump_nothing(db, monkeypatch):
    from semilla.privacy.models import AccessAudit

    assert AccessAudit._meta.db_table in table_cache.LOG_TABLES
    staff, person = make_user(Role.STAFF), make_user(Role.ENTREPRENEUR)
    table_cache.flush()
    bumped: list[set[str]] = []
    set_many = table_cache.cache.set_many
    monkeypatch.setattr(
        table_cache.cache,
        "set_many",
        lambda values, **kw: (bumped.append(set(values)), set_many(values, **kw))[1],
    )
    AccessAudit.objects.create(
        actor=staff, subject=person, model="cohorts.application", reason="Revisión", fields=["x"]
    )
    table_cache.flush()
    assert bumped == []
    calls = []

    def count_audit_rows():  # a value that reads the log is never kept: always fresh
        calls.append(1)
        return AccessAudit.objects.count()

    for _ in range(3):
        assert table_cache.cached("audit rows", [], count_audit_rows) == 1
    assert len(calls) == 3


@pytest.mark.django_db(transaction=True)  # as in a migrate: each statement on its own
def test_before_the_cache_table_exists_a_bump_says_so_once_without_a_traceback(caplog):
    """A first migrate writes before `createcachetable` may have run: one line saying
    what to do, not a traceback for every migration."""
    import logging

    missing = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "perf_cache_not_created",
        }
    }
    table_cache._local.__dict__.pop("told_missing", None)
    with override_settings(CACHES=missing), caplog.at_level(logging.WARNING, table_cache.__name__):
        table_cache.bump([COHORT_TABLE])
        table_cache.bump([COHORT_TABLE])
    records = [r for r in caplog.records if r.name == table_cache.__name__]
    assert [(r.levelname, r.exc_info) for r in records] == [("WARNING", None)]
    assert "createcachetable" in records[0].getMessage()
