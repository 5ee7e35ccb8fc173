import pytest

from cohorts.enums import ApplicationStatus, AssignmentStatus
from cohorts.models import Application, Cohort, Participant, ReviewAssignment

pytestmark = pytest.mark.django_db


def test_demo_seed_is_complete_and_idempotent():
    from cohorts import demo
    from semilla import demo as site_demo

    site_demo.seed_accounts()
    demo.seed()
    counts = (Cohort.objects.count(), Application.objects.count())
    demo.seed()
    assert (Cohort.objects.count(), Application.objects.count()) == counts
    assert counts[1] >= 190
    assert set(Cohort.objects.values_list("city", flat=True)) == {
        "barranquilla",
        "bogota",
        "bucaramanga",
        "cali",
        "cartagena",
        "cucuta",
        "medellin",
        "riohacha",
        "virtual",
    }
    assert set(Application.objects.values_list("status", flat=True)) == set(
        ApplicationStatus.values
    )
    participant = Participant.objects.get(user__email="emprendedora@demo.semilla.co")
    assert participant.cohort.starts_on <= participant.cohort.ends_on
    assert ReviewAssignment.objects.filter(
        reviewer__email="revisor@demo.semilla.co", status=AssignmentStatus.ASSIGNED
    ).exists()
    for cohort in Cohort.objects.all():
        cohort.full_clean()
        assert cohort.seats_confirmed == cohort.participants.count()
    staff = type(participant.user).objects.get(email="equipo@demo.semilla.co")
    assert staff.has_perm("cohorts.view_sensitive_data") is True


def test_dashboard_panel_query_count_constant(
    entrepreneur, client_for, django_assert_num_queries, settings
):
    """One application or many: the panel costs the same number of queries (computed, not
    served from the table cache: tests/perf/test_table_cache.py covers the cache)."""
    settings.SEMILLA_TABLE_CACHE = False
    from django.urls import reverse

    from tests.factories.cohorts import ApplicationFactory, ParticipantFactory

    client = client_for(entrepreneur)
    ParticipantFactory(user=entrepreneur)
    ApplicationFactory(user=entrepreneur)
    url = reverse("semilla:dashboard")
    client.get(url)
    with_one = len(_queries(client, url))
    assert with_one <= 15
    for _ in range(4):
        ApplicationFactory(user=entrepreneur)
    # new cohorts set a new page-cache generation: one page recomputes what it keeps
    client.get(url)
    with django_assert_num_queries(with_one):
        response = client.get(url)
    assert "Mi cohorte" in response.content.decode()


def _queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        client.get(url)
    return ctx.captured_queries


def test_dashboard_panel_lists_a_cohort_taken_part_in_once(entrepreneur, client_for, settings):
    settings.SEMILLA_TABLE_CACHE = False
    from django.urls import reverse

    from tests.factories.cohorts import ApplicationFactory, ParticipantFactory

    participant = ParticipantFactory(user=entrepreneur)
    other = ApplicationFactory(user=entrepreneur)

    html = client_for(entrepreneur).get(reverse("semilla:dashboard")).content.decode()

    assert html.count(f">{participant.cohort.name}</a>") == 1
    assert html.count(f">{other.cohort.name}</a>") == 1
