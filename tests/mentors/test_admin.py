import pytest
from django.urls import reverse

from mentors import services
from mentors.enums import MatchStatus, MentorStatus, RunStatus
from mentors.models import ExcludedPair, Match, MatchingRun, MentorProfile, RunPin
from semilla.enums import Role
from tests.factories import make_user
from tests.factories.cohorts import CohortFactory, ParticipantFactory
from tests.factories.mentors import MatchFactory, MentorProfileFactory


@pytest.fixture
def staff_client(client_for, staff_user):
    return client_for(staff_user)


@pytest.mark.parametrize(
    "name", ["mentors_admin:runs", "mentors_admin:vetting", "mentors_admin:end_requests"]
)
def test_admin_pages_permission_matrix(client_for, db, staff_client, name):
    url = reverse(name)
    assert client_for(None).get(url).status_code == 302
    assert client_for(make_user(Role.MENTOR)).get(url).status_code in (302, 403)
    refused = client_for(make_user(Role.FINANCE)).get(url)
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")
    assert staff_client.get(url).status_code == 200


def test_admin_viewsets_list_for_staff(staff_client, db):
    MentorProfileFactory()
    MatchFactory()
    assert staff_client.get("/admin/mentorprofile/").status_code == 200
    assert staff_client.get("/admin/match/").status_code == 200
    assert staff_client.get("/admin/mentorprofile/?status=active").status_code == 200


def test_vetting_actions_activate_mentor(staff_client, db):
    profile = MentorProfileFactory(status=MentorStatus.APPLIED, interview_done_at=None)
    staff_client.post(
        reverse("mentors_admin:interview", args=[profile.pk]), {"notes": "Buena disposición"}
    )
    staff_client.post(reverse("mentors_admin:transition", args=[profile.pk]), {"to": "vetted"})
    staff_client.post(reverse("mentors_admin:transition", args=[profile.pk]), {"to": "active"})
    profile.refresh_from_db()
    assert (profile.status, profile.interview_notes) == (MentorStatus.ACTIVE, "Buena disposición")
    assert (
        staff_client.get(reverse("mentors_admin:transition", args=[profile.pk])).status_code == 405
    )


def _cohort_with_pairs(n):
    cohort = CohortFactory()
    for _ in range(n):
        ParticipantFactory(cohort=cohort)
        MentorProfileFactory()
    return cohort


def test_new_run_computes_and_pins_rerun_publish(
    staff_client, db, django_capture_on_commit_callbacks
):
    cohort = _cohort_with_pairs(2)
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            reverse("mentors_admin:runs"), {"cohort": cohort.pk, "fairness": "on"}
        )
    run = MatchingRun.objects.get()
    assert response["Location"] == reverse("mentors_admin:run", args=[run.pk])
    run.refresh_from_db()
    assert (run.status, run.fairness) == (RunStatus.READY, True)
    proposal = run.proposals.first()
    staff_client.post(
        reverse("mentors_admin:run_pin", args=[run.pk]),
        {"participant": proposal.participant_id, "mentor": proposal.mentor_id},
    )
    assert RunPin.objects.filter(run=run).count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(reverse("mentors_admin:run_rerun", args=[run.pk]))
    assert run.proposals.get(participant_id=proposal.participant_id).pinned is True
    staff_client.post(reverse("mentors_admin:run_publish", args=[run.pk]))
    assert Match.objects.filter(run=run, status=MatchStatus.PROPOSED).count() == 2


def test_run_exclude_from_review(staff_client, db, django_capture_on_commit_callbacks):
    cohort = _cohort_with_pairs(1)
    with django_capture_on_commit_callbacks(execute=True):
        run = services.matching_run_create(cohort=cohort, actor=None)
    proposal = run.proposals.get()
    staff_client.post(
        reverse("mentors_admin:run_exclude", args=[run.pk]),
        {
            "participant": proposal.participant_id,
            "mentor": proposal.mentor_id,
            "reason": "Familiares",
        },
    )
    assert ExcludedPair.objects.get().reason == "Familiares"


def test_run_progress_fragment_polls_until_finished(staff_client, db):
    cohort = CohortFactory()
    run = MatchingRun.objects.create(cohort=cohort, status=RunStatus.RUNNING, progress=40)
    url = reverse("mentors_admin:run_progress", args=[run.pk])
    body = staff_client.get(url).content.decode()
    assert 'hx-trigger="every 2s"' in body
    assert "40 %" in body
    MatchingRun.objects.filter(pk=run.pk).update(status=RunStatus.READY, progress=100)
    response = staff_client.get(url + "?poll=1", HTTP_HX_REQUEST="true")
    assert response["HX-Redirect"] == reverse("mentors_admin:run", args=[run.pk])


@pytest.mark.parametrize("n", [1, 5])
def test_run_review_query_count_constant(
    staff_client, db, django_assert_num_queries, django_capture_on_commit_callbacks, n
):
    cohort = _cohort_with_pairs(n)
    english_only = ParticipantFactory(cohort=cohort).application
    english_only.languages = ["en"]
    english_only.save()
    with django_capture_on_commit_callbacks(execute=True):
        run = services.matching_run_create(cohort=cohort, actor=None)
    assert run.proposals.count() == n
    url = reverse("mentors_admin:run", args=[run.pk])
    staff_client.get(url)
    with django_assert_num_queries(15):
        response = staff_client.get(url)
    assert response.status_code == 200


def test_end_request_queue_and_end_with_rematch(staff_client, db):
    match = MatchFactory(status=MatchStatus.ACCEPTED)
    MentorProfileFactory()
    services.match_request_end(match=match, user=match.participant.user, reason="Horarios")
    assert "Horarios" in staff_client.get(reverse("mentors_admin:end_requests")).content.decode()
    staff_client.post(
        reverse("mentors_admin:match_end", args=[match.pk]), {"note": "", "rematch": "on"}
    )
    match.refresh_from_db()
    assert match.status == MatchStatus.ENDED
    assert MentorProfile.objects.get(pk=match.mentor_id).active_mentees == 0
    assert match.participant.mentor_matches.filter(status=MatchStatus.PROPOSED).count() == 1


@pytest.mark.parametrize(
    ("language", "error"),
    [
        ("es", "Escribe una nota de 500 caracteres o menos."),
        ("en", "Keep the note to 500 characters or fewer."),
    ],
)
def test_match_end_with_an_invalid_form_changes_nothing_and_shows_the_error(
    language, error, client_for, staff_user, db
):
    from wagtail.users.models import UserProfile

    from mentors.models import MatchEndRequest
    from semilla.models import Notification

    # the console speaks the person's Wagtail preference
    profile = UserProfile.get_for_user(staff_user)
    profile.preferred_language = language
    profile.save()
    match = MatchFactory(status=MatchStatus.ACCEPTED)
    MentorProfileFactory()
    services.match_request_end(match=match, user=match.participant.user, reason="Horarios")
    requests_before = list(MatchEndRequest.objects.values_list("pk", "status"))
    notes_before = Notification.objects.count()
    matches_before = list(Match.objects.order_by("pk").values_list("pk", "status"))
    response = client_for(staff_user).post(
        reverse("mentors_admin:match_end", args=[match.pk]),
        {"note": "x" * 501, "rematch": "on"},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert error in body
    assert 'data-testid="end-match-errors"' in body
    assert "Horarios" in body
    assert list(Match.objects.order_by("pk").values_list("pk", "status")) == matches_before
    assert list(MatchEndRequest.objects.values_list("pk", "status")) == requests_before
    assert Notification.objects.count() == notes_before
