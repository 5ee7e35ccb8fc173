"""The staff console speaks Spanish and shows people and values as staff read them: the
list of people in Spanish and searchable by name, reviewers picked by name and e-mail from
the people who may review, no Python values (True, None, ['es']) and plurals that agree."""

import html
import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from cohorts.enums import ApplicationStatus
from cohorts.models import ReviewAssignment, ReviewerConflict
from semilla.enums import Role
from tests.factories import make_user
from tests.factories.cohorts import ApplicationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(make_user(Role.STAFF, is_superuser=True, full_name="Equipo Semilla"))
    return client


@pytest.fixture
def staff_client(client):
    client.force_login(make_user(Role.STAFF, full_name="Equipo Semilla"))
    return client


def _text(response) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


# --- the list of people -----------------------------------------------------------------


def test_people_search_finds_a_person_by_name(admin_client):
    make_user(Role.ENTREPRENEUR, mfa=False, full_name="Yolanda Quintero", email="yq@example.org")
    make_user(Role.ENTREPRENEUR, mfa=False, full_name="Pedro Pérez", email="pp@example.org")
    response = admin_client.get("/admin/users/", {"q": "quintero"})
    assert response.status_code == 200
    assert [u.email for u in response.context["object_list"]] == ["yq@example.org"]


def test_people_search_finds_a_person_by_e_mail(admin_client):
    make_user(Role.ENTREPRENEUR, mfa=False, full_name="Yolanda Quintero", email="yq@example.org")
    response = admin_client.get("/admin/users/", {"q": "yq@example"})
    assert [u.email for u in response.context["object_list"]] == ["yq@example.org"]


def test_people_list_speaks_spanish(admin_client):
    text = _text(admin_client.get("/admin/users/"))
    assert "Nivel de acceso" in text
    assert "Último ingreso" in text
    assert "Access level" not in text
    assert "Last login" not in text
    nobody = _text(admin_client.get("/admin/users/", {"q": "nadie-se-llama-así"}))
    assert "Ninguna persona coincide con tu búsqueda" in nobody
    assert "Sorry" not in nobody


# --- reviewer picker --------------------------------------------------------------------


def _reviewer(name, email):
    return make_user(Role.REVIEWER, mfa=False, full_name=name, email=email)


def _datalist(response) -> list[str]:
    page = response.content.decode().split("<datalist", 1)[1]
    return [html.unescape(v) for v in re.findall(r'<option value="([^"]*)"></option>', page)]


def test_reviewer_picker_lists_each_reviewer_once_with_e_mail(staff_client):
    first = _reviewer("Ana Gómez", "ana.gomez@example.org")
    _reviewer("Ana Gómez", "otra.ana@example.org")  # same name, another person
    first.groups.add(*make_user(Role.MENTOR, mfa=False).groups.all())  # two roles: still once
    make_user(Role.ENTREPRENEUR, mfa=False, full_name="Ana Emprendedora")  # not a reviewer
    response = staff_client.get(reverse("cohorts_assignment:add"))
    assert response.status_code == 200
    assert _datalist(response) == [
        "Ana Gómez <ana.gomez@example.org>",
        "Ana Gómez <otra.ana@example.org>",
    ]


def test_reviewer_picker_assigns_the_person_named_by_e_mail(staff_client):
    _reviewer("Ana Gómez", "ana.gomez@example.org")
    other = _reviewer("Ana Gómez", "otra.ana@example.org")
    application = ApplicationFactory(status=ApplicationStatus.IN_REVIEW)
    response = staff_client.post(
        reverse("cohorts_assignment:add"),
        {"application": application.pk, "reviewer": "Ana Gómez <otra.ana@example.org>"},
    )
    assert response.status_code == 302
    assert list(ReviewAssignment.objects.values_list("reviewer", flat=True)) == [other.pk]


def test_reviewer_picker_refuses_someone_who_is_not_a_reviewer(staff_client):
    person = make_user(Role.ENTREPRENEUR, mfa=False, email="no.revisa@example.org")
    application = ApplicationFactory(status=ApplicationStatus.IN_REVIEW)
    response = staff_client.post(
        reverse("cohorts_assignment:add"), {"application": application.pk, "reviewer": person.email}
    )
    assert response.status_code == 200
    assert "Elige a una persona de la lista" in _text(response)
    assert ReviewAssignment.objects.count() == 0


def test_assignment_filter_names_reviewers_with_e_mail(staff_client):
    from tests.factories.cohorts import ReviewAssignmentFactory

    assignment = ReviewAssignmentFactory(reviewer=_reviewer("Ana Gómez", "ana.gomez@example.org"))
    ReviewAssignmentFactory(
        application=assignment.application, reviewer=_reviewer("Ana Gómez", "otra@example.org")
    )
    text = _text(staff_client.get(reverse("cohorts_assignment:index")))
    assert "Ana Gómez <ana.gomez@example.org>" in text
    assert "Ana Gómez <otra@example.org>" in text


def test_conflict_form_picks_reviewers_only(staff_client):
    _reviewer("Ana Gómez", "ana.gomez@example.org")
    make_user(Role.ENTREPRENEUR, mfa=False, full_name="Ana Emprendedora")
    response = staff_client.get(reverse("cohorts_conflict:add"))
    assert response.status_code == 200
    assert _datalist(response) == ["Ana Gómez <ana.gomez@example.org>"]
    assert ReviewerConflict.objects.count() == 0


# --- values and plurals -----------------------------------------------------------------


def test_application_view_shows_words_not_python_values(admin_client):
    application = ApplicationFactory(
        needs=["finance", "marketing"], languages=["es"], shortlisted=True, employees=None
    )
    text = _text(admin_client.get(reverse("cohorts_application:inspect", args=[application.pk])))
    for raw in ("True", "False", "None", "['", "finance"):
        assert raw not in text
    assert "Sí" in text
    assert "Español" in text


def test_mentor_list_shows_the_e_mail_address(staff_client):
    from tests.factories.mentors import MentorProfileFactory

    mentor = MentorProfileFactory()
    text = _text(staff_client.get(reverse("mentorprofile:index")))
    assert mentor.user.email in text


def test_mentor_view_shows_labels_not_python_lists(admin_client):
    from semilla.enums import Skill
    from tests.factories.mentors import MentorProfileFactory

    mentor = MentorProfileFactory(languages=["es", "en"])
    response = admin_client.get(reverse("mentorprofile:inspect", args=[mentor.pk]))
    assert response.status_code == 200
    text = _text(response)
    assert "['" not in text
    assert "Español, English" in text
    assert ", ".join(str(Skill(value).label) for value in mentor.expertise) in text


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (1, "Decisión registrada para 1 postulación."),
        (2, "Decisión registrada para 2 postulaciones."),
    ],
)
def test_decision_message_agrees_with_the_number(staff_client, count, expected):
    applications = ApplicationFactory.create_batch(count, status=ApplicationStatus.IN_REVIEW)
    cohort = applications[0].cohort
    for application in applications[1:]:
        application.cohort = cohort
        application.save(update_fields=["cohort"])
    response = staff_client.post(
        reverse("cohorts_selection", args=[cohort.pk]),
        {"action": "decide", "decision": "accept", "applications": [a.pk for a in applications]},
    )
    assert response.status_code == 302
    [message] = [str(m) for m in get_messages(response.wsgi_request)]
    assert message.startswith(expected)


# --- no Wagtail string left in English ---------------------------------------------------


def _untranslated_wagtail_phrases() -> set[str]:
    """Wagtail's msgids (phrases of two words or more, no placeholder) that have no Spanish
    anywhere: neither Wagtail's catalogue, nor ours, nor the overrides."""
    from pathlib import Path

    import polib
    import wagtail
    from django.utils import translation

    phrases = set()
    for path in Path(wagtail.__file__).parent.glob("**/locale/en/LC_MESSAGES/django.po"):
        for entry in polib.pofile(str(path)):
            text = entry.msgid
            if entry.msgid_plural or "%" in text or "{" in text or "<" in text:
                continue
            if " " in text.strip() and len(text) >= 8:
                phrases.add((entry.msgctxt, text))
    with translation.override("es"):
        return {
            text
            for context, text in phrases
            if (translation.pgettext(context, text) if context else translation.gettext(text))
            == text
        }


def test_console_pages_show_no_wagtail_string_in_english(admin_client):
    from tests.factories.mentors import MentorProfileFactory

    application = ApplicationFactory()
    MentorProfileFactory()
    pages = [
        "/admin/",
        "/admin/users/",
        "/admin/users/?q=nadie-se-llama-asi",
        reverse("cohorts_application:index"),
        reverse("cohorts_application:inspect", args=[application.pk]),
        reverse("cohorts_assignment:index"),
        reverse("cohorts_assignment:add"),
        reverse("mentorprofile:index"),
    ]
    english = _untranslated_wagtail_phrases()
    found = {}
    for page in pages:
        response = admin_client.get(page)
        assert response.status_code == 200, page
        text = _text(response)
        if shown := sorted(phrase for phrase in english if phrase in text):
            found[page] = shown
    assert found == {}


def test_console_asks_no_third_party_for_avatars(admin_client):
    """Wagtail would show each staff member's Gravatar: their e-mail hash to a third party,
    refused by the site's CSP anyway. The console uses its own default avatar."""
    from django.urls import reverse

    body = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "avatar" in body
    assert "gravatar.com" not in body


def test_translation_editor_publish_button_keeps_its_space(admin_client):
    """wagtail-localize's Spanish scripts say "Publicar en" + the locale's name:
    "Publicar enEnglish". Our override keeps the space."""
    import json
    import re

    from django.urls import reverse
    from django.utils import translation

    with translation.override("es"):
        body = admin_client.get(
            reverse("wagtail_localize:javascript_catalog"), HTTP_ACCEPT_LANGUAGE="es"
        ).content.decode()
    catalog = json.loads(re.search(r"const newcatalog = (\{.*?\});", body, re.S).group(1))
    assert catalog["Publish in "] == "Publicar en "
