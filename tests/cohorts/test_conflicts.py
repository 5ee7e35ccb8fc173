"""Reviewers declare conflicts of interest in advance; assignment honours them; staff see
them."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation

from cohorts import conflicts, services
from cohorts.enums import ApplicationStatus, AssignmentStatus, ConflictKind
from cohorts.models import ReviewAssignment, ReviewerConflict
from semilla.enums import Role
from tests.factories import UserFactory
from tests.factories.cohorts import (
    ApplicationFactory,
    CohortFactory,
    DraftApplicationFactory,
    ReviewAssignmentFactory,
)

S = ApplicationStatus


def _applicant(full_name, email=None):
    kwargs = {"full_name": full_name, "roles": [Role.ENTREPRENEUR]}
    if email:
        kwargs["email"] = email
    return UserFactory(**kwargs)


# --- Matching -----------------------------------------------------------------------------


def test_tokens_and_keys_ignore_accents_case_and_punctuation():
    assert conflicts.tokens("María José PÉREZ-Gómez") == ["maria", "jose", "perez", "gomez"]
    assert conflicts.business_key("  Arepas  Doña Inés! ") == "arepas dona ines"
    assert conflicts.text_key(" Ana@Example.org ") == "email:ana@example.org"
    assert conflicts.text_key("Ana  Pérez") == "name:ana perez"
    assert conflicts.text_key("¡¿!") == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ana.perez@example.org", True),
        ("ANA.PEREZ@example.org", True),
        ("otra@example.org", False),
        ("Ana Pérez", True),  # every word in the person's name
        ("ana maria perez rojas", True),  # the full name, exactly
        ("Pérez", False),  # one word is not enough against a name
        ("Ana Gómez", False),
        ("Panadería La Esquina", True),  # the business name, exactly
        ("Panadería", False),
    ],
)
def test_free_text_matches_email_name_or_business(text, expected):
    key = conflicts.text_key(text)
    assert (
        conflicts.text_matches(
            key,
            email="ana.perez@example.org",
            full_name="Ana María Pérez Rojas",
            business_name="Panadería La Esquina",
        )
        is expected
    )


# --- Declaring and assigning ------------------------------------------------------------------

pytestmark = pytest.mark.django_db


def test_reviewer_finds_an_applicant_and_declares_a_conflict_before_assignment(
    make_user, client_for, cohort
):
    reviewer, other = make_user(Role.REVIEWER), make_user(Role.REVIEWER)
    app = ApplicationFactory(
        cohort=cohort, user=_applicant("Lucía Fernández Ortiz"), status=S.SUBMITTED
    )
    client = client_for(reviewer)
    url = reverse("cohorts:review_conflicts")
    for query in ("fernán", "FERNANDEZ", "lucia fernandez", "Lucía  Fernández-Ortiz"):
        assert [a.pk for a in client.get(url, {"q": query}).context["results"]] == [app.pk]
    assert client.get(url, {"q": "fernandes"}).context["results"] == []
    response = client.get(url, {"q": "fernández"})
    assert "Lucía Fernández Ortiz" in response.content.decode()
    assert app.user.email not in response.content.decode()  # no contact details
    response = client.post(url, {"kind": "person", "application": app.pk, "reason": "Es mi cuñada"})
    assert response.status_code == 302
    conflict = ReviewerConflict.objects.get(reviewer=reviewer)
    assert (conflict.kind, conflict.applicant_id, conflict.reason) == (
        ConflictKind.PERSON,
        app.user_id,
        "Es mi cuñada",
    )
    created = services.assignments_auto(cohort=cohort, actor=None, reviewers=[reviewer, other])
    assert created == 1
    assert list(ReviewAssignment.objects.values_list("reviewer_id", flat=True)) == [other.pk]
    # The same person applying to another cohort is covered too.
    later = CohortFactory()
    ApplicationFactory(cohort=later, user=app.user, status=S.SUBMITTED)
    assert services.assignments_auto(cohort=later, actor=None, reviewers=[reviewer]) == 0


def test_conflict_with_a_business_covers_anyone_applying_with_it(make_user, client_for, cohort):
    reviewer = make_user(Role.REVIEWER)
    app = ApplicationFactory(cohort=cohort, business_name="Arepas Doña Inés", status=S.SUBMITTED)
    partner = ApplicationFactory(
        cohort=cohort, business_name="AREPAS DOÑA INÉS", status=S.SUBMITTED
    )
    client_for(reviewer).post(
        reverse("cohorts:review_conflicts"), {"kind": "business", "application": app.pk}
    )
    conflict = ReviewerConflict.objects.get(reviewer=reviewer)
    assert (conflict.kind, conflict.business_name, conflict.match_key) == (
        ConflictKind.BUSINESS,
        "Arepas Doña Inés",
        "arepas dona ines",
    )
    assert services.assignments_auto(cohort=cohort, actor=None, reviewers=[reviewer]) == 0
    assert services.conflict_blocks(reviewer=reviewer, application=partner)


def test_free_text_conflict_is_matched_when_the_person_applies_later(make_user, client_for, cohort):
    reviewer, other = make_user(Role.REVIEWER), make_user(Role.REVIEWER)
    client = client_for(reviewer)
    response = client.post(
        reverse("cohorts:review_conflicts"),
        {"kind": "text", "text": "Carlos.Rivas@Example.org", "reason": "Mi socio"},
    )
    assert response.status_code == 302
    response = client.post(
        reverse("cohorts:review_conflicts"), {"kind": "text", "text": "Elena Soto"}
    )
    assert response.status_code == 302
    assert ReviewerConflict.objects.filter(reviewer=reviewer, kind=ConflictKind.TEXT).count() == 2
    by_mail = ApplicationFactory(
        cohort=cohort,
        user=_applicant("Carlos Rivas", email="carlos.rivas@example.org"),
        status=S.SUBMITTED,
    )
    by_name = ApplicationFactory(
        cohort=cohort, user=_applicant("Elena María Soto"), status=S.SUBMITTED
    )
    free = ApplicationFactory(cohort=cohort, user=_applicant("Jorge Soto"), status=S.SUBMITTED)
    services.assignments_auto(cohort=cohort, actor=None, reviewers=[reviewer, other])
    mine = set(
        ReviewAssignment.objects.filter(reviewer=reviewer).values_list("application_id", flat=True)
    )
    assert mine == {free.pk}
    assert set(
        ReviewAssignment.objects.filter(reviewer=other).values_list("application_id", flat=True)
    ) == {by_mail.pk, by_name.pk, free.pk}


def test_staff_cannot_assign_by_hand_what_a_conflict_covers(make_user, client_for, cohort):
    reviewer = make_user(Role.REVIEWER)
    app = ApplicationFactory(cohort=cohort, user=_applicant("Rosa Lema"), status=S.SUBMITTED)
    services.conflict_declare(reviewer=reviewer, kind=ConflictKind.TEXT, text="rosa lema")
    with pytest.raises(services.ServiceError):
        services.assignment_add(application=app, reviewer=reviewer, actor=None)
    response = client_for(make_user(Role.STAFF)).post(
        reverse("cohorts_assignment:add"), {"application": app.pk, "reviewer": reviewer.pk}
    )
    assert response.status_code == 200
    assert not ReviewAssignment.objects.exists()


def test_declaring_a_conflict_steps_aside_from_pending_reviews(make_user, client_for, cohort):
    assignment = ReviewAssignmentFactory(
        application=ApplicationFactory(cohort=cohort, status=S.IN_REVIEW)
    )
    reviewer = assignment.reviewer
    client = client_for(reviewer)
    response = client.post(
        reverse("cohorts:review_conflicts"),
        {"kind": "person", "application": assignment.application_id},
        follow=True,
    )
    assert "1 revisión" in response.content.decode()
    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.ABSTAINED
    assert client.get(reverse("cohorts:review", args=[assignment.pk])).status_code == 200
    # Declaring the same conflict twice keeps one row.
    services.conflict_declare(
        reviewer=reviewer, kind=ConflictKind.PERSON, application=assignment.application
    )
    assert ReviewerConflict.objects.filter(reviewer=reviewer).count() == 1


def test_search_scope_min_length_email_and_blind_cohorts(make_user, client_for, cohort):
    reviewer = make_user(Role.REVIEWER, full_name="Revisora Uno")
    person = _applicant("Marta Quintero", email="marta.q@example.org")
    visible = ApplicationFactory(cohort=cohort, user=person, status=S.IN_REVIEW)
    blind = ApplicationFactory(
        cohort=CohortFactory(blind_review=True), user=_applicant("Marta Blind"), status=S.SUBMITTED
    )
    draft = DraftApplicationFactory(cohort=cohort, user=_applicant("Marta Borrador"))
    released = CohortFactory()
    released.decisions_released_at = timezone.now()
    released.save()
    old = ApplicationFactory(cohort=released, user=_applicant("Marta Antigua"), status=S.SUBMITTED)
    own = ApplicationFactory(cohort=cohort, user=reviewer, status=S.SUBMITTED)
    client = client_for(reviewer)
    url = reverse("cohorts:review_conflicts")
    assert client.get(url, {"q": "ma"}).context["results"] is None  # too short
    found = [a.pk for a in client.get(url, {"q": "marta"}).context["results"]]
    assert found == [visible.pk]
    assert [a.pk for a in client.get(url, {"q": "MARTA.Q@example.org"}).context["results"]] == [
        visible.pk
    ]
    assert client.get(url, {"q": "marta.q@example"}).context["results"] == []  # e-mail: exact
    # Applications outside the search cannot be declared on by id either.
    for app in (blind, draft, old, own):
        response = client.post(url, {"kind": "person", "application": app.pk})
        assert response.status_code == 404
    assert not ReviewerConflict.objects.exists()


def test_incomplete_declarations_are_refused_with_a_message(make_user, client_for):
    reviewer = make_user(Role.REVIEWER)
    client = client_for(reviewer)
    url = reverse("cohorts:review_conflicts")
    response = client.post(url, {"kind": "text", "text": "ab"})
    assert response.status_code == 200
    assert response.context["declare"].errors["text"]
    response = client.post(url, {"kind": "person"})
    assert response.status_code == 200
    assert "Elige una solicitud" in response.content.decode()
    assert not ReviewerConflict.objects.exists()
    with pytest.raises(services.ServiceError):
        services.conflict_declare(reviewer=reviewer, kind=ConflictKind.TEXT, text="!!!")
    with pytest.raises(services.ServiceError):
        services.conflict_declare(
            reviewer=make_user(Role.ENTREPRENEUR), kind=ConflictKind.TEXT, text="Ana Pérez"
        )


def test_database_refuses_a_conflict_without_its_target(make_user):
    reviewer = make_user(Role.REVIEWER)
    with pytest.raises(IntegrityError), transaction.atomic():
        ReviewerConflict.objects.create(reviewer=reviewer, kind=ConflictKind.PERSON)
    with pytest.raises(IntegrityError), transaction.atomic():
        ReviewerConflict.objects.create(reviewer=reviewer, kind=ConflictKind.TEXT, text="x")


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("anonymous", 302),
        ("applicant", 403),
        ("other_applicant", 403),
        ("reviewer", 200),
        ("unassigned_reviewer", 200),
        ("staff", 403),
    ],
)
def test_conflicts_screen_permissions(who, expected, people, client_for):
    url = reverse("cohorts:review_conflicts")
    client = client_for(people[who])
    assert client.get(url).status_code == expected
    response = client.post(url, {"kind": "text", "text": "Nombre Apellido"})
    assert response.status_code == (302 if expected == 200 else expected)
    assert ReviewerConflict.objects.count() == (1 if expected == 200 else 0)


def test_reviewer_sees_only_own_conflicts(people, client_for):
    services.conflict_declare(
        reviewer=people["reviewer"], kind=ConflictKind.TEXT, text="Persona Secreta"
    )
    html = client_for(people["unassigned_reviewer"]).get(reverse("cohorts:review_conflicts"))
    assert "Persona Secreta" not in html.content.decode()
    html = client_for(people["reviewer"]).get(reverse("cohorts:review_queue")).content.decode()
    assert "Persona Secreta" in html


def test_conflicts_screen_in_both_languages(make_user, client_for):
    client = client_for(make_user(Role.REVIEWER))
    html = client.get(reverse("cohorts:review_conflicts")).content.decode()
    assert "Conflictos de interés" in html
    assert "Buscar" in html
    with translation.override("en"):
        url = reverse("cohorts:review_conflicts")
    html = client.get(url).content.decode()
    assert "Conflicts of interest" in html
    assert "Find an applicant or a business" in html


def test_staff_see_declared_conflicts(make_user, client_for, cohort):
    reviewer = make_user(Role.REVIEWER, full_name="Rebeca Revisora")
    app = ApplicationFactory(cohort=cohort, user=_applicant("Tomás Duarte"), status=S.SUBMITTED)
    services.conflict_declare(
        reviewer=reviewer, kind=ConflictKind.PERSON, application=app, reason="Vecino"
    )
    services.conflict_declare(reviewer=reviewer, kind=ConflictKind.TEXT, text="Tomás Duarte")
    unrelated = make_user(Role.REVIEWER, full_name="Otro Revisor")
    services.conflict_declare(reviewer=unrelated, kind=ConflictKind.TEXT, text="Nadie Más")
    staff = client_for(make_user(Role.STAFF))
    listing = staff.get(reverse("cohorts_conflict:index")).content.decode()
    assert "Rebeca Revisora" in listing and "Tomás Duarte" in listing and "Nadie Más" in listing
    inspect = staff.get(reverse("cohorts_application:inspect", args=[app.pk]))
    assert [c.reviewer_id for c in inspect.context["conflicts"]] == [reviewer.pk, reviewer.pk]
    assert "Vecino" in inspect.content.decode()


def test_staff_record_a_conflict_for_a_reviewer_in_the_console(make_user, client_for, cohort):
    reviewer = make_user(Role.REVIEWER)
    assignment = ReviewAssignmentFactory(
        reviewer=reviewer,
        application=ApplicationFactory(
            cohort=cohort, business_name="Taller El Tornillo", status=S.IN_REVIEW
        ),
    )
    client = client_for(make_user(Role.STAFF))
    url = reverse("cohorts_conflict:add")
    assert client.get(url).status_code == 200
    data = {"reviewer": reviewer.pk, "kind": "business", "business_name": "", "text": ""}
    assert client.post(url, {**data, "reason": ""}).status_code == 200  # incomplete
    response = client.post(url, {**data, "business_name": "taller el tornillo", "reason": "Dueña"})
    assert response.status_code == 302
    conflict = ReviewerConflict.objects.get()
    assert conflict.match_key == "taller el tornillo"
    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.ABSTAINED


def test_conflicts_screen_query_count_is_constant(make_user, client_for, cohort):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    reviewer = make_user(Role.REVIEWER)
    client = client_for(reviewer)
    url = reverse("cohorts:review_conflicts")

    def grow(n):
        for i in range(n):
            app = ApplicationFactory(
                cohort=cohort, user=_applicant(f"Valentina Prueba {i}"), status=S.SUBMITTED
            )
            ReviewerConflict.objects.create(reviewer=reviewer, applicant=app.user)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url, {"q": "valentina"})
        assert response.status_code == 200
        return len(ctx.captured_queries), len(response.context["results"])

    grow(1)
    client.get(url, {"q": "valentina"})
    few, found = count()
    grow(5)
    many, found_many = count()
    assert (many, found, found_many) == (few, 1, 6)
