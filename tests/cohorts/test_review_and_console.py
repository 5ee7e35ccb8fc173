from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse

from cohorts import services
from cohorts.enums import ApplicationStatus, AssignmentStatus
from cohorts.models import Application, ReviewAssignment, Rubric
from semilla.enums import Role
from tests.factories.cohorts import (
    ApplicationFactory,
    CohortFactory,
    ParticipantFactory,
    ReviewAssignmentFactory,
)

pytestmark = pytest.mark.django_db
S = ApplicationStatus


def _scores(assignment, value):
    return {
        f"criterion_{c.pk}": str(value) for c in assignment.application.cohort.rubric.criteria.all()
    }


def test_reviewer_sees_other_scores_only_after_submitting(make_user, client_for, cohort):
    app = ApplicationFactory(cohort=cohort, status=S.IN_REVIEW)
    mine = ReviewAssignmentFactory(application=app)
    theirs = ReviewAssignmentFactory(application=app)
    services.review_submit(
        assignment=theirs,
        reviewer=theirs.reviewer,
        values={c.pk: 2 for c in cohort.rubric.criteria.all()},
        comment="Comentario privado de la otra persona",
    )
    client = client_for(mine.reviewer)
    before = client.get(reverse("cohorts:review", args=[mine.pk])).content.decode()
    assert "Comentario privado de la otra persona" not in before
    response = client.post(
        reverse("cohorts:review", args=[mine.pk]),
        {**_scores(mine, 4), "comment": "", "feedback": "Sigue así"},
    )
    assert response.status_code == 302
    after = client.get(reverse("cohorts:review", args=[mine.pk])).content.decode()
    assert "Comentario privado de la otra persona" in after
    app.refresh_from_db()
    assert (app.review_count, app.score_mean) == (2, Decimal("60.00"))


def test_review_form_requires_every_criterion(client_for, cohort):
    a = ReviewAssignmentFactory(application=ApplicationFactory(cohort=cohort, status=S.IN_REVIEW))
    response = client_for(a.reviewer).post(reverse("cohorts:review", args=[a.pk]), {})
    assert response.status_code == 200
    assert len([k for k in response.context["form"].errors if k.startswith("criterion_")]) == 3
    a.refresh_from_db()
    assert a.status == AssignmentStatus.ASSIGNED


def test_blind_review_hides_name_and_contacts(client_for):
    cohort = CohortFactory(blind_review=True)
    app = ApplicationFactory(cohort=cohort, status=S.IN_REVIEW)
    a = ReviewAssignmentFactory(application=app)
    html = client_for(a.reviewer).get(reverse("cohorts:review", args=[a.pk])).content.decode()
    assert app.user.full_name not in html
    assert app.user.email not in html
    assert app.phone not in html
    assert app.business_name in html
    queue = client_for(a.reviewer).get(reverse("cohorts:review_queue")).content.decode()
    assert app.user.full_name not in queue


def test_abstain_with_conflict_via_view(client_for, cohort):
    a = ReviewAssignmentFactory(application=ApplicationFactory(cohort=cohort, status=S.IN_REVIEW))
    client_for(a.reviewer).post(
        reverse("cohorts:review_abstain", args=[a.pk]), {"reason": "Es mi prima", "conflict": "on"}
    )
    a.refresh_from_db()
    assert a.status == AssignmentStatus.ABSTAINED
    # Automatic assignment never brings this reviewer back to the person.
    assert services.assignments_auto(cohort=cohort, actor=None, reviewers=[a.reviewer]) == 0


def _review_rows(n, reviewer, cohort):
    for _ in range(n):
        ReviewAssignmentFactory(
            reviewer=reviewer, application=ApplicationFactory(cohort=cohort, status=S.IN_REVIEW)
        )


def test_review_queue_query_count_constant(
    make_user, client_for, cohort, django_assert_num_queries
):
    reviewer = make_user(Role.REVIEWER)
    client = client_for(reviewer)
    url = reverse("cohorts:review_queue")
    _review_rows(1, reviewer, cohort)
    client.get(url)
    with django_assert_num_queries(7):
        assert client.get(url).status_code == 200
    _review_rows(6, reviewer, cohort)
    with django_assert_num_queries(7):
        response = client.get(url)
    assert len(response.context["todo"]) == 7


def test_ranked_list_query_count_constant(
    make_user, client_for, cohort, django_assert_num_queries, settings
):
    settings.SEMILLA_TABLE_CACHE = (
        False  # every view counts (the kept counts: test_selection_scale)
    )
    staff = make_user(Role.STAFF)
    client = client_for(staff)
    url = reverse("cohorts_selection", args=[cohort.pk])
    _review_rows(1, make_user(Role.REVIEWER), cohort)
    client.get(url)
    with django_assert_num_queries(14):
        assert client.get(url).status_code == 200
    reviewer = make_user(Role.REVIEWER)
    _review_rows(8, reviewer, cohort)
    with django_assert_num_queries(14):
        response = client.get(url)
    assert len(response.context["ranked"]) == 9


def test_my_applications_and_dashboard_query_counts(
    entrepreneur, client_for, django_assert_num_queries
):
    client = client_for(entrepreneur)
    ApplicationFactory(user=entrepreneur)
    client.get(reverse("cohorts:mine"))
    client.get(reverse("semilla:dashboard"))
    with django_assert_num_queries(5):
        client.get(reverse("cohorts:mine"))
    for _ in range(4):
        ApplicationFactory(user=entrepreneur)
    with django_assert_num_queries(5):
        response = client.get(reverse("cohorts:mine"))
    assert len(response.context["applications"]) == 5


def test_selection_bulk_decide_and_release(
    make_user, client_for, django_capture_on_commit_callbacks
):
    staff = make_user(Role.STAFF)
    cohort = CohortFactory(seats=2)
    apps = [
        ApplicationFactory(cohort=cohort, status=S.IN_REVIEW, score_mean=Decimal(90 - i * 10))
        for i in range(4)
    ]
    a0 = ReviewAssignmentFactory(application=apps[3])
    services.review_submit(
        assignment=a0,
        reviewer=a0.reviewer,
        values={c.pk: 1 for c in cohort.rubric.criteria.all()},
        feedback="Te recomendamos el módulo de ventas.",
    )
    client = client_for(staff)
    url = reverse("cohorts_selection", args=[cohort.pk])
    client.post(
        url, {"action": "decide", "decision": "accept", "applications": [apps[0].pk, apps[1].pk]}
    )
    client.post(url, {"action": "decide", "decision": "waitlist", "applications": [apps[2].pk]})
    client.post(
        url,
        {
            "action": "decide",
            "decision": "reject",
            "with_reviewer_feedback": "1",
            "applications": [apps[3].pk],
        },
    )
    assert Application.objects.filter(status=S.IN_REVIEW).count() == 4
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"action": "release"})
    statuses = [Application.objects.get(pk=a.pk).status for a in apps]
    assert statuses == [S.ACCEPTED, S.ACCEPTED, S.WAITLISTED, S.REJECTED]
    rejected_mail = next(m for m in mail.outbox if m.to == [apps[3].user.email])
    assert "Te recomendamos el módulo de ventas." in rejected_mail.body
    assert "Gracias por postularte" in rejected_mail.body


def test_decline_via_view_promotes_waitlist(client_for):
    cohort = CohortFactory(seats=1)
    offered = ApplicationFactory(cohort=cohort, status=S.ACCEPTED)
    waiting = ApplicationFactory(cohort=cohort, status=S.WAITLISTED)
    client_for(offered.user).post(
        reverse("cohorts:offer", args=[offered.pk]), {"action": "decline"}
    )
    waiting.refresh_from_db()
    assert waiting.status == S.ACCEPTED


def test_confirm_via_view_opens_participant_home(client_for):
    app = ApplicationFactory(status=S.ACCEPTED)
    client = client_for(app.user)
    client.post(reverse("cohorts:offer", args=[app.pk]), {"action": "confirm"})
    response = client.get(reverse("cohorts:participant", args=[app.cohort.slug]))
    assert response.status_code == 200
    assert response.context["participant"].application == app


def test_participant_home_for_someone_else_is_404(client_for, other_entrepreneur):
    participant = ParticipantFactory()
    response = client_for(other_entrepreneur).get(
        reverse("cohorts:participant", args=[participant.cohort.slug])
    )
    assert response.status_code == 404


def test_attendance_recorded_by_staff(make_user, client_for):
    from cohorts.models import Attendance, Workshop

    staff = make_user(Role.STAFF)
    p1, p2 = ParticipantFactory(), None
    p2 = ParticipantFactory(cohort=p1.cohort)
    from django.utils import timezone

    workshop = Workshop.objects.create(cohort=p1.cohort, title="Costos", starts_at=timezone.now())
    response = client_for(staff).post(
        reverse("cohorts_attendance", args=[workshop.pk]), {"present": [str(p1.pk)]}
    )
    assert response.status_code == 302
    assert dict(Attendance.objects.values_list("participant_id", "present")) == {
        p1.pk: True,
        p2.pk: False,
    }


@pytest.mark.parametrize(
    "path",
    [
        "cohorts_cohort:index",
        "cohorts_application:index",
        "cohorts_assignment:index",
        "cohorts_rubric:index",
        "cohorts_participant:index",
        "cohorts_workshop:index",
        "cohorts_conflict:index",
        "cohorts_programme:index",
        "cohorts_cohort:add",
        "cohorts_rubric:add",
        "cohorts_assignment:add",
        "cohorts_conflict:add",
    ],
)
def test_console_screens_open_for_staff(path, make_user, client_for, cohort):
    ApplicationFactory(cohort=cohort)
    response = client_for(make_user(Role.STAFF)).get(reverse(path))
    assert response.status_code == 200


def test_console_application_filters(make_user, client_for, cohort):
    high = ApplicationFactory(cohort=cohort, score_mean=Decimal(80), city="cucuta")
    ApplicationFactory(cohort=cohort, score_mean=Decimal(40), city="cucuta")
    response = client_for(make_user(Role.STAFF)).get(
        reverse("cohorts_application:index"),
        {
            "cohort": cohort.pk,
            "status": "submitted",
            "city": "cucuta",
            "population_group": "venezuelan_migrant",
            "min_score": "70",
        },
    )
    assert [o.pk for o in response.context["object_list"]] == [high.pk]


def test_console_applications_are_read_only_for_staff(make_user, client_for, cohort):
    app = ApplicationFactory(cohort=cohort)
    client = client_for(make_user(Role.STAFF))
    assert client.get(reverse("cohorts_application:inspect", args=[app.pk])).status_code == 200
    assert client.get(reverse("cohorts_application:edit", args=[app.pk])).status_code == 302


def _rubric_post(name, weights, scale="5"):
    data = {
        "name": name,
        "scale_max": scale,
        "criteria-TOTAL_FORMS": str(len(weights)),
        "criteria-INITIAL_FORMS": "0",
        "criteria-MIN_NUM_FORMS": "1",
        "criteria-MAX_NUM_FORMS": "1000",
    }
    for i, w in enumerate(weights):
        data.update(
            {
                f"criteria-{i}-name": f"C{i}",
                f"criteria-{i}-weight": str(w),
                f"criteria-{i}-guidance": "",
                f"criteria-{i}-sort_order": str(i),
                f"criteria-{i}-ORDER": str(i),
                f"criteria-{i}-DELETE": "",
                f"criteria-{i}-id": "",
            }
        )
    return data


def test_console_rubric_weights_must_sum_to_100(make_user, client_for):
    client = client_for(make_user(Role.STAFF))
    response = client.post(reverse("cohorts_rubric:add"), _rubric_post("Mala", [50, 30]))
    assert response.status_code == 200
    assert Rubric.objects.filter(name="Mala").count() == 0
    response = client.post(reverse("cohorts_rubric:add"), _rubric_post("Buena", [50, 50]))
    assert response.status_code == 302
    assert list(Rubric.objects.get(name="Buena").criteria.values_list("weight", flat=True)) == [
        50,
        50,
    ]


def test_console_frozen_rubric_cannot_change(make_user, client_for, cohort):
    a = ReviewAssignmentFactory(application=ApplicationFactory(cohort=cohort, status=S.IN_REVIEW))
    services.review_submit(
        assignment=a, reviewer=a.reviewer, values={c.pk: 3 for c in cohort.rubric.criteria.all()}
    )
    rubric = Rubric.objects.get(pk=cohort.rubric_id)
    data = {
        "name": "Otro nombre",
        "scale_max": "5",
        "criteria-TOTAL_FORMS": "3",
        "criteria-INITIAL_FORMS": "3",
        "criteria-MIN_NUM_FORMS": "1",
        "criteria-MAX_NUM_FORMS": "1000",
    }
    for i, c in enumerate(rubric.criteria.all()):
        data.update(
            {
                f"criteria-{i}-id": str(c.pk),
                f"criteria-{i}-name": c.name,
                f"criteria-{i}-weight": str(c.weight),
                f"criteria-{i}-guidance": c.guidance,
                f"criteria-{i}-sort_order": str(c.sort_order),
                f"criteria-{i}-ORDER": str(i),
                f"criteria-{i}-DELETE": "",
            }
        )
    response = client_for(make_user(Role.STAFF)).post(
        reverse("cohorts_rubric:edit", args=[rubric.pk]), data
    )
    assert response.status_code == 200
    rubric.refresh_from_db()
    assert rubric.name != "Otro nombre"


def test_console_assignment_refuses_conflict(make_user, client_for, cohort):
    from cohorts.models import ReviewerConflict

    app = ApplicationFactory(cohort=cohort)
    reviewer = make_user(Role.REVIEWER)
    ReviewerConflict.objects.create(reviewer=reviewer, applicant=app.user)
    client = client_for(make_user(Role.STAFF))
    response = client.post(
        reverse("cohorts_assignment:add"), {"application": app.pk, "reviewer": reviewer.pk}
    )
    assert response.status_code == 200
    assert ReviewAssignment.objects.count() == 0
    other = make_user(Role.REVIEWER)
    response = client.post(
        reverse("cohorts_assignment:add"), {"application": app.pk, "reviewer": other.pk}
    )
    assert response.status_code == 302
    app.refresh_from_db()
    assert app.status == S.IN_REVIEW


def test_console_hides_sensitive_fields_without_permission(make_user, client_for, cohort):
    from django.contrib.auth.models import Permission

    app = ApplicationFactory(cohort=cohort, nationality="ve")
    staff = make_user(Role.STAFF)
    inspect = reverse("cohorts_application:inspect", args=[app.pk])
    html = client_for(staff).get(inspect).content.decode()
    assert "Venezolana" not in html
    listing = client_for(staff).get(reverse("cohorts_application:index"))
    assert "get_population_group_display" not in [
        c.name for c in listing.context["table"].columns.values()
    ]
    staff.user_permissions.add(Permission.objects.get(codename="view_sensitive_data"))
    staff = type(staff).objects.get(pk=staff.pk)
    assert "Venezolana" in client_for(staff).get(inspect).content.decode()
    listing = client_for(staff).get(reverse("cohorts_application:index"))
    assert "get_population_group_display" in [
        c.name for c in listing.context["table"].columns.values()
    ]


def test_console_creates_cohort_with_eligibility_rules(make_user, client_for):
    from cohorts.models import Cohort
    from tests.factories.cohorts import ProgrammeFactory, RubricFactory

    programme, rubric = ProgrammeFactory(), RubricFactory()
    data = {
        "programme": programme.pk,
        "name": "Cohorte 5 · Cali",
        "slug": "cohorte-5-cali",
        "description": "",
        "is_published": "on",
        "city": "cali",
        "format": "mixed",
        "language": "es",
        "starts_on": "2027-02-01",
        "ends_on": "2027-04-30",
        "opens_at": "2026-12-01 08:00",
        "closes_at": "2027-01-15 23:59",
        "seats": "25",
        "offer_days": "7",
        "target_mix": "{}",
        "min_age": "18",
        "max_age": "",
        "require_local": "on",
        "allowed_stages": ["early", "operating"],
        "accepted_documents": ["cedula", "ppt"],
        "excluded_sectors": ["transport"],
        "rubric": rubric.pk,
        "reviewers_per_application": "2",
        "document_retention_days": "30",
        "mentoring_hours_per_pair": "10",
        "max_upcoming_bookings": "2",
        "booking_cancel_cutoff_hours": "12",
    }
    response = client_for(make_user(Role.STAFF)).post(reverse("cohorts_cohort:add"), data)
    assert response.status_code == 302
    cohort = Cohort.objects.get(slug="cohorte-5-cali")
    assert (
        cohort.allowed_stages,
        cohort.allowed_groups,
        cohort.accepted_documents,
        cohort.excluded_sectors,
    ) == (["early", "operating"], [], ["cedula", "ppt", "in_process"], ["transport"])
    assert cohort.format == "mixed"


def test_review_queue_lists_declared_conflicts(client_for, cohort):
    from cohorts.models import ReviewerConflict

    a = ReviewAssignmentFactory(application=ApplicationFactory(cohort=cohort, status=S.IN_REVIEW))
    ReviewerConflict.objects.create(
        reviewer=a.reviewer, applicant=a.application.user, reason="Socia de mi hermana"
    )
    html = client_for(a.reviewer).get(reverse("cohorts:review_queue")).content.decode()
    assert "Socia de mi hermana" in html
