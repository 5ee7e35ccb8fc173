"""Every listing of the staff console (the Wagtail ModelViewSets of cohorts, mentors and
pitch day) runs the same number of queries with one row and with many (two pages), and at
most 15 (goal P3 of docs/performance.md)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from semilla.enums import Role
from tests.factories import make_user

pytestmark = pytest.mark.django_db
MANY = 30  # more than one page (Wagtail lists 20 a page)


def _programmes(n):
    from tests.factories.cohorts import ProgrammeFactory

    ProgrammeFactory.create_batch(n)


def _cohorts(n):
    from tests.factories.cohorts import CohortFactory

    CohortFactory.create_batch(n)


def _rubrics(n):
    from tests.factories.cohorts import RubricFactory

    RubricFactory.create_batch(n)


def _applications(n):
    from tests.factories.cohorts import ApplicationFactory

    ApplicationFactory.create_batch(n)


def _assignments(n):
    from tests.factories.cohorts import ReviewAssignmentFactory

    ReviewAssignmentFactory.create_batch(n)


def _conflicts(n):
    from cohorts.enums import ConflictKind
    from cohorts.models import ReviewerConflict

    for _ in range(n):
        ReviewerConflict.objects.create(
            reviewer=make_user(Role.REVIEWER, mfa=False),
            kind=ConflictKind.PERSON,
            applicant=make_user(Role.ENTREPRENEUR, mfa=False),
            reason="vecina",
        )


def _workshops(n):
    from cohorts.models import Workshop
    from tests.factories.cohorts import CohortFactory

    for i in range(n):
        Workshop.objects.create(
            cohort=CohortFactory(), title=f"Taller {i}", starts_at=timezone.now()
        )


def _participants(n):
    from tests.factories.cohorts import ParticipantFactory

    ParticipantFactory.create_batch(n)


def _mentors(n):
    from tests.factories.mentors import MentorProfileFactory

    MentorProfileFactory.create_batch(n)


def _weights(n):
    from mentors.models import MatchingWeights
    from tests.factories.cohorts import CohortFactory

    for _ in range(n):
        MatchingWeights.objects.create(cohort=CohortFactory())


def _matches(n):
    from tests.factories.mentors import MatchFactory

    MatchFactory.create_batch(n)


def _bookings(n):
    from tests.factories.mentors import MatchFactory, make_booking

    for i in range(n):
        make_booking(MatchFactory(), timezone.now() + datetime.timedelta(days=1, hours=i))


def _events(n):
    from tests.factories.pitchday import make_event

    for i in range(n):
        make_event(title=f"Pitch {i}")


def _pitches(n):
    from tests.factories.pitchday import make_event, make_pitch

    for _ in range(n):
        make_pitch(make_event())


def _tiers(n):
    from pitchday.models import AwardTier
    from tests.factories.pitchday import make_event

    for _ in range(n):
        AwardTier.objects.create(
            event=make_event(), name="Primer lugar", rank_from=1, rank_to=1, amount=100
        )


def _funds(n):
    from tests.factories.pitchday import make_fund

    for _ in range(n):
        make_fund()


def _grants(n):
    from tests.factories.pitchday import make_grant

    for _ in range(n):
        make_grant()


def _disbursements(n):
    from pitchday.enums import RailCode
    from pitchday.services import disbursements
    from tests.factories.pitchday import make_confirmed_details, make_grant

    staff = make_user(Role.STAFF)
    for _ in range(n):
        grantee = make_user(Role.ENTREPRENEUR, mfa=False)
        grant = make_grant(grantee=grantee, accept=True, amount=1_000_000_00)
        make_confirmed_details(grantee, rail=RailCode.NEQUI)
        disbursements.disbursement_request(tranche=grant.tranches.get(number=1), actor=staff)


LISTINGS = {
    "cohorts_programme": _programmes,
    "cohorts_cohort": _cohorts,
    "cohorts_rubric": _rubrics,
    "cohorts_application": _applications,
    "cohorts_assignment": _assignments,
    "cohorts_conflict": _conflicts,
    "cohorts_workshop": _workshops,
    "cohorts_participant": _participants,
    "mentorprofile": _mentors,
    "matchingweights": _weights,
    "match": _matches,
    "booking": _bookings,
    "pitchevent": _events,
    "pitch": _pitches,
    "awardtier": _tiers,
    "fund": _funds,
    "grant": _grants,
    "disbursement": _disbursements,
}


#: SQL statements of one listing page, the same with 1 row, a full page and the last page.
#: 11 are common to every console page: the session, the user, their role groups, their
#: TOTP, their permissions (user and groups: Wagtail's permission policy reads them once a
#: request, then every row's buttons are checked from memory), their Wagtail profile, the
#: locales, the page and collection permissions (the menu), the count; then the rows (one
#: query, their columns' relations joined) and one query per foreign-key filter's choices.
EXPECTED = {
    "cohorts_programme": 12,
    "cohorts_cohort": 13,  # + the programme filter
    "cohorts_rubric": 12,
    "cohorts_application": 13,  # + the cohort filter
    "cohorts_assignment": 14,  # + the cohort and reviewer filters
    "cohorts_conflict": 12,
    "cohorts_workshop": 13,  # + the cohort filter
    "cohorts_participant": 13,  # + the cohort filter
    "mentorprofile": 12,
    "matchingweights": 12,
    "match": 13,  # + the cohort filter
    "booking": 13,  # + the cohort filter
    "pitchevent": 12,
    "pitch": 13,  # + the event filter
    "awardtier": 12,
    "fund": 12,
    "grant": 13,  # + the fund filter
    "disbursement": 12,
}
#: The table alone (htmx, when a filter or the page changes): no menu, no filter choices.
EXPECTED_RESULTS = 9
LIMIT = 15  # goal P3


def _staff_for(name):
    """Programme staff; the payments list is for finance (as on the grants desk)."""
    return make_user(Role.FINANCE if name == "disbursement" else Role.STAFF)


def _get(client, url, expected, django_assert_num_queries, **params):
    with django_assert_num_queries(expected):
        response = client.get(url, params)
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("name", list(LISTINGS))
def test_console_listing_queries_do_not_grow_with_rows(client_for, django_assert_num_queries, name):
    assert EXPECTED[name] <= LIMIT
    client = client_for(_staff_for(name))
    url = reverse(f"{name}:index")
    results = reverse(f"{name}:index_results")
    LISTINGS[name](1)
    client.get(url)  # content types, translations: loaded once a process
    response = _get(client, url, EXPECTED[name], django_assert_num_queries)
    assert len(response.context["object_list"]) == 1
    _get(client, results, EXPECTED_RESULTS, django_assert_num_queries)

    LISTINGS[name](MANY - 1)
    response = _get(client, url, EXPECTED[name], django_assert_num_queries)
    assert len(response.context["object_list"]) == 20
    response = _get(client, url, EXPECTED[name], django_assert_num_queries, p=2)
    assert len(response.context["object_list"]) == MANY - 20
    _get(client, results, EXPECTED_RESULTS, django_assert_num_queries, p=2)


# --- filters, search and the audited columns of the application list -----------------------


def test_application_list_filtered_and_searched_queries_do_not_grow(
    client_for, django_assert_num_queries
):
    from tests.factories.cohorts import ApplicationFactory, CohortFactory

    cohort = CohortFactory()
    client = client_for(make_user(Role.STAFF))
    url = reverse("cohorts_application:index")
    filters = {"cohort": cohort.pk, "status": "submitted"}
    ApplicationFactory(cohort=cohort, business_name="Arepas 0")
    client.get(url, filters)
    # + the chosen cohort, read to validate the filter
    response = _get(client, url, 14, django_assert_num_queries, **filters)
    assert len(response.context["object_list"]) == 1
    _get(client, url, 13, django_assert_num_queries, q="Arepas")
    ApplicationFactory.create_batch(MANY - 1, cohort=cohort)
    ApplicationFactory.create_batch(3)  # another cohort: filtered out
    response = _get(client, url, 14, django_assert_num_queries, **filters, p=2)
    assert len(response.context["object_list"]) == MANY - 20
    response = _get(client, url, 13, django_assert_num_queries, q="Arepas")
    assert len(response.context["object_list"]) == 20


def test_application_list_with_sensitive_columns_audits_in_constant_queries(
    client_for, django_assert_num_queries
):
    """People allowed to see sensitive columns leave one audit row per person listed: 2
    statements more (the audit's one INSERT and the one check of the viewer's last hour),
    whatever the number of rows."""
    from django.contrib.auth.models import Permission

    from semilla.privacy.models import AccessAudit
    from tests.factories.cohorts import ApplicationFactory

    staff = make_user(Role.STAFF)
    staff.user_permissions.add(Permission.objects.get(codename="view_sensitive_data"))
    client = client_for(staff)
    url = reverse("cohorts_application:index")
    ApplicationFactory()
    client.get(url)
    before = AccessAudit.objects.count()
    response = _get(client, url, 15, django_assert_num_queries)
    assert "population_group" in response.content.decode()
    assert AccessAudit.objects.count() == before + 1
    ApplicationFactory.create_batch(MANY - 1)
    _get(client, url, 15, django_assert_num_queries)
    _get(client, url, 15, django_assert_num_queries, p=2)
    assert AccessAudit.objects.count() == before + 1 + 20 + MANY - 20


def test_reviewer_filter_offers_only_people_holding_assignments(client_for):
    from tests.factories.cohorts import ReviewAssignmentFactory

    mine, other = ReviewAssignmentFactory(), ReviewAssignmentFactory()
    bystander = make_user(Role.REVIEWER, full_name="Nadie Asignada")
    client = client_for(make_user(Role.STAFF))
    url = reverse("cohorts_assignment:index")
    response = client.get(url)
    choices = {pk for pk, _ in response.context["filters"].form.fields["reviewer"].choices if pk}
    assert {int(str(pk)) for pk in choices} == {mine.reviewer_id, other.reviewer_id}
    assert bystander.full_name not in response.content.decode()
    response = client.get(url, {"reviewer": mine.reviewer_id})
    assert [a.pk for a in response.context["object_list"]] == [mine.pk]


def test_workshop_list_links_to_attendance(client_for):
    from cohorts.models import Workshop
    from tests.factories.cohorts import CohortFactory

    workshop = Workshop.objects.create(
        cohort=CohortFactory(), title="Costos", starts_at=timezone.now()
    )
    response = client_for(make_user(Role.STAFF)).get(reverse("cohorts_workshop:index"))
    assert response.status_code == 200
    assert reverse("cohorts_attendance", args=[workshop.pk]) in response.content.decode()
