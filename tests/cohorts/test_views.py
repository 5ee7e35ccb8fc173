import pytest
from django.contrib.messages import get_messages
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.urls import reverse

from cohorts.enums import ApplicationStatus
from cohorts.models import ApplicationDocument
from tests.factories.cohorts import ApplicationFactory

pytestmark = pytest.mark.django_db

WHO = ["anonymous", "applicant", "other_applicant", "reviewer", "unassigned_reviewer", "staff"]


def _document(application):
    name = storages["private"].save("cohorts/test/x.pdf", ContentFile(b"%PDF-1.4 test"))
    return ApplicationDocument.objects.create(
        application=application,
        kind="identity",
        storage_name=name,
        display_name="documento.pdf",
        content_type="application/pdf",
        size=13,
    )


def _status(client_for, people, who, method, url, data=None):
    client = client_for(people[who])
    response = getattr(client, method)(url, data or {})
    return response.status_code


def _login_redirect(code):
    return code == 302


# (view, method, url builder, expected per role) — 302 for anonymous means log-in.
MATRIX = {
    "cohort_list": ("get", lambda p: reverse("cohorts:list"), dict.fromkeys(WHO, 200)),
    "cohort_detail": (
        "get",
        lambda p: p["application"].cohort.get_absolute_url(),
        dict.fromkeys(WHO, 200),
    ),
    "prescreen": (
        "get",
        lambda p: reverse("cohorts:prescreen", args=[p["application"].cohort.slug]),
        dict.fromkeys(WHO, 200),
    ),
    "my_applications": (
        "get",
        lambda p: reverse("cohorts:mine"),
        {**dict.fromkeys(WHO, 200), "anonymous": 302},
    ),
    "application_detail": (
        "get",
        lambda p: p["application"].get_absolute_url(),
        {**dict.fromkeys(WHO, 404), "anonymous": 302, "applicant": 200},
    ),
    "application_step": (
        "get",
        lambda p: reverse("cohorts:step", args=[p["draft"].pk, "about"]),
        {**dict.fromkeys(WHO, 404), "anonymous": 302, "applicant": 200},
    ),
    "withdraw": (
        "get",
        lambda p: reverse("cohorts:withdraw", args=[p["application"].pk]),
        {**dict.fromkeys(WHO, 404), "anonymous": 302, "applicant": 200},
    ),
    "review_queue": (
        "get",
        lambda p: reverse("cohorts:review_queue"),
        {**dict.fromkeys(WHO, 403), "anonymous": 302, "reviewer": 200, "unassigned_reviewer": 200},
    ),
    "review_detail": (
        "get",
        lambda p: reverse("cohorts:review", args=[p["assignment"].pk]),
        {**dict.fromkeys(WHO, 403), "anonymous": 302, "reviewer": 200, "unassigned_reviewer": 404},
    ),
    "review_conflicts": (
        "get",
        lambda p: reverse("cohorts:review_conflicts"),
        {**dict.fromkeys(WHO, 403), "anonymous": 302, "reviewer": 200, "unassigned_reviewer": 200},
    ),
    "selection": (
        "get",
        lambda p: reverse("cohorts_selection", args=[p["application"].cohort_id]),
        {**dict.fromkeys(WHO, 302), "staff": 200},
    ),
    "export": (
        "get",
        lambda p: reverse("cohorts_export", args=[p["application"].cohort_id]),
        {**dict.fromkeys(WHO, 302), "staff": 200},
    ),
}


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("view", list(MATRIX))
def test_permission_matrix(view, who, people, client_for):
    method, url, expected = MATRIX[view]
    assert _status(client_for, people, who, method, url(people)) == expected[who]


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("anonymous", 302),
        ("applicant", 200),
        ("other_applicant", 404),
        ("reviewer", 200),
        ("unassigned_reviewer", 404),
        ("staff", 200),
    ],
)
def test_document_download_permission_matrix(who, expected, people, client_for):
    document = _document(people["application"])
    response = client_for(people[who]).get(document.get_absolute_url())
    assert response.status_code == expected
    if expected == 200:
        assert response["Content-Disposition"] == 'attachment; filename="documento.pdf"'
        assert b"".join(response.streaming_content) == b"%PDF-1.4 test"


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("cohorts:offer", "application"),
        ("cohorts:start", "slug"),
        ("cohorts:review_abstain", "assignment"),
    ],
)
def test_post_only_views_refuse_get(name, args, people, client_for):
    arg = {
        "application": people["application"].pk,
        "assignment": people["assignment"].pk,
        "slug": people["application"].cohort.slug,
    }[args]
    response = client_for(people["applicant"]).get(reverse(name, args=[arg]))
    assert response.status_code == 405


def test_offer_respond_for_someone_elses_application_is_404(people, client_for):
    response = client_for(people["other_applicant"]).post(
        reverse("cohorts:offer", args=[people["application"].pk]), {"action": "confirm"}
    )
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("action", "status", "message"),
    [
        ("confirm", ApplicationStatus.CONFIRMED, "success"),
        ("decline", ApplicationStatus.DECLINED, "success"),
        ("maybe", ApplicationStatus.ACCEPTED, "error"),
    ],
)
def test_offer_respond_moves_the_offer_by_the_chosen_action(
    entrepreneur, client_for, action, status, message
):
    application = ApplicationFactory(user=entrepreneur, status=ApplicationStatus.ACCEPTED)
    response = client_for(entrepreneur).post(
        reverse("cohorts:offer", args=[application.pk]), {"action": action}
    )
    application.refresh_from_db()
    levels = [m.level_tag for m in get_messages(response.wsgi_request)]
    assert (response.status_code, application.status, levels) == (302, status, [message])


def test_unverified_email_cannot_start_an_application(make_user, cohort, client_for):
    from semilla.enums import Role
    from tests.factories import UserFactory

    user = UserFactory(verified=False, roles=[Role.ENTREPRENEUR])
    response = client_for(user).post(reverse("cohorts:start", args=[cohort.slug]))
    assert response.status_code == 403
    assert "correo" in response.content.decode() or "e-mail" in response.content.decode()
    assert make_user  # fixture keeps db


def test_staff_without_sensitive_permission_exports_no_personal_columns(people, client_for):
    response = client_for(people["staff"]).get(
        reverse("cohorts_export", args=[people["application"].cohort_id])
    )
    header = response.content.decode("utf-8-sig").splitlines()[0]
    assert header == (
        "id,status,submitted_at,business_name,business_stage,sector,city,"
        "municipality,needs,reviews,score_mean,score_median,shortlisted"
    )
    assert people["applicant"].email not in response.content.decode()


def test_staff_with_sensitive_permission_exports_personal_columns(people, client_for):
    from django.contrib.auth.models import Permission

    staff = people["staff"]
    staff.user_permissions.add(Permission.objects.get(codename="view_sensitive_data"))
    staff = type(staff).objects.get(pk=staff.pk)
    response = client_for(staff).get(
        reverse("cohorts_export", args=[people["application"].cohort_id])
    )
    lines = response.content.decode().splitlines()
    assert lines[0].endswith(
        "name,email,phone,birth_date,sex,population_group,nationality,"
        "document_type,document_in_process"
    )
    assert people["applicant"].email in lines[1]


def _doc_on_draft(people):
    return _document(people["draft"])


# POST views: who may act. 302 for the acting owner is the usual redirect after success;
# anonymous gets 302 to log-in; someone else's object answers 404; wrong role 403.
POST_MATRIX = {
    "document_delete": (
        lambda p: reverse("cohorts:document_delete", args=[p["draft"].pk, _doc_on_draft(p).pk]),
        {**dict.fromkeys(WHO, 404), "anonymous": 302, "applicant": 302},
    ),
    "offer": (
        lambda p: reverse("cohorts:offer", args=[p["application"].pk]),
        {**dict.fromkeys(WHO, 404), "anonymous": 302, "applicant": 302},
    ),
    "withdraw": (
        lambda p: reverse("cohorts:withdraw", args=[p["application"].pk]),
        {**dict.fromkeys(WHO, 404), "anonymous": 302, "applicant": 302},
    ),
    "review_abstain": (
        lambda p: reverse("cohorts:review_abstain", args=[p["assignment"].pk]),
        {**dict.fromkeys(WHO, 403), "anonymous": 302, "reviewer": 302, "unassigned_reviewer": 404},
    ),
    "review_submit": (
        lambda p: reverse("cohorts:review", args=[p["assignment"].pk]),
        {**dict.fromkeys(WHO, 403), "anonymous": 302, "reviewer": 200, "unassigned_reviewer": 404},
    ),
    "review_conflicts": (
        lambda p: reverse("cohorts:review_conflicts"),
        {**dict.fromkeys(WHO, 403), "anonymous": 302, "reviewer": 200, "unassigned_reviewer": 200},
    ),
    "document_checked": (
        lambda p: reverse("cohorts_document_checked", args=[p["application"].pk]),
        {**dict.fromkeys(WHO, 302), "staff": 302},
    ),
    "selection_post": (
        lambda p: reverse("cohorts_selection", args=[p["application"].cohort_id]),
        {**dict.fromkeys(WHO, 302), "staff": 302},
    ),
}


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("view", list(POST_MATRIX))
def test_post_permission_matrix(view, who, people, client_for):
    from cohorts.models import Application

    url, expected = POST_MATRIX[view]
    before = dict(Application.objects.values_list("pk", "status"))
    status = client_for(people[who]).post(url(people), {"action": "noop"}).status_code
    assert status == expected[who]
    if expected[who] in (403, 404) or who == "anonymous":
        assert dict(Application.objects.values_list("pk", "status")) == before


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("anonymous", 302),
        ("applicant", 404),
        ("other_applicant", 404),
        ("reviewer", 404),
        ("unassigned_reviewer", 404),
        ("staff", 404),
    ],
)
def test_participant_home_only_for_the_participant(who, expected, people, client_for):
    from tests.factories.cohorts import ParticipantFactory

    participant = ParticipantFactory()
    url = reverse("cohorts:participant", args=[participant.cohort.slug])
    assert client_for(people[who]).get(url).status_code == expected
    assert client_for(participant.user).get(url).status_code == 200


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("anonymous", 302),
        ("applicant", 302),
        ("other_applicant", 302),
        ("reviewer", 302),
        ("unassigned_reviewer", 302),
        ("staff", 200),
    ],
)
def test_attendance_screen_only_for_staff(who, expected, people, client_for):
    from django.utils import timezone

    from cohorts.models import Workshop

    workshop = Workshop.objects.create(
        cohort=people["application"].cohort, title="Costos", starts_at=timezone.now()
    )
    url = reverse("cohorts_attendance", args=[workshop.pk])
    assert client_for(people[who]).get(url).status_code == expected


def test_blind_reviewer_gets_business_evidence_but_not_identity(people, client_for):
    from cohorts.models import Cohort

    Cohort.objects.filter(pk=people["application"].cohort_id).update(blind_review=True)
    identity = _document(people["application"])
    business = _document(people["application"])
    ApplicationDocument.objects.filter(pk=business.pk).update(kind="business")
    client = client_for(people["reviewer"])
    assert client.get(identity.get_absolute_url()).status_code == 404
    statuses = []
    for viewer, doc in ((client, business), (client_for(people["applicant"]), identity)):
        response = viewer.get(doc.get_absolute_url())
        statuses.append(response.status_code)
        b"".join(response.streaming_content)  # consumed: the test client closes the file
    assert statuses == [200, 200]


def test_reviewer_who_abstained_loses_access_to_documents(people, client_for):
    from cohorts import services

    document = _document(people["application"])
    services.review_abstain(
        assignment=people["assignment"],
        reviewer=people["reviewer"],
        reason="Conflicto",
        conflict=True,
    )
    response = client_for(people["reviewer"]).get(document.get_absolute_url())
    assert response.status_code == 404


def test_application_start_refuses_ineligible_answers(cohort, entrepreneur):
    import datetime

    from cohorts import eligibility, services

    answers = eligibility.Answers(
        birth_date=datetime.date(2015, 1, 1),
        municipality="Cúcuta",
        business_stage="idea",
        population_group="venezuelan_migrant",
        document_type="ppt",
        sector="food",
    )
    with pytest.raises(services.ServiceError):
        services.application_start(user=entrepreneur, cohort=cohort, answers=answers)


@pytest.mark.django_db
def test_application_page_shows_its_timeline_only_when_it_has_one(client_for):
    """An application with no recorded change (one made before the history was kept, or
    imported) shows no empty "Historial" heading; one with changes lists them."""
    from cohorts.models import ApplicationStatusChange

    application = ApplicationFactory(status=ApplicationStatus.SUBMITTED)
    ApplicationStatusChange.objects.filter(application=application).delete()
    client = client_for(application.user)
    body = client.get(application.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert 'id="timeline-h"' not in body
    ApplicationStatusChange.objects.create(
        application=application, from_status="draft", to_status="submitted"
    )
    body = client.get(application.get_absolute_url()).content.decode()
    assert body.count('<h2 id="timeline-h">') == 1
    assert body.count("<li><time") == 1
