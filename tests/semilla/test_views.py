import pytest
from django.urls import reverse

from semilla.enums import Role

pytestmark = pytest.mark.django_db


def test_home_page_spanish_renders(client):
    from semilla.demo import seed_home_page

    seed_home_page()
    response = client.get("/es/")
    assert response.status_code == 200
    assert "Tu negocio puede crecer aquí" in response.content.decode()


def test_home_page_english_renders(client):
    from semilla.demo import seed_home_page

    seed_home_page()
    response = client.get("/en/")
    assert response.status_code == 200
    assert "Your business can grow here" in response.content.decode()


def test_home_page_title_is_its_headline_not_the_site_name_twice(client):
    from semilla.demo import seed_home_page

    seed_home_page()
    html = client.get("/es/").content.decode()

    assert html.split("<title>")[1].split("</title>")[0] == "Tu negocio puede crecer aquí · Semilla"


def test_root_redirects_to_spanish(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/es/"


def test_dashboard_anonymous_redirects_to_login(client):
    response = client.get(reverse("semilla:dashboard"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_dashboard_signed_in_renders(client_for, entrepreneur):
    response = client_for(entrepreneur).get(reverse("semilla:dashboard"))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_healthz_ok(client):
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_set_language_keeps_the_page(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/es/mi-espacio/"})
    assert response.status_code == 302
    assert response["Location"] == "/en/mi-espacio/"


def test_set_language_refuses_foreign_next(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_set_language_saves_user_preference(client_for, entrepreneur):
    client_for(entrepreneur).post("/i18n/setlang/", {"language": "en", "next": "/es/"})
    entrepreneur.refresh_from_db()
    assert entrepreneur.language == "en"


def test_admin_requires_totp_for_staff(client_for, make_user):
    staff_without_totp = make_user(Role.STAFF, mfa=False)
    response = client_for(staff_without_totp).get("/admin/")
    assert response.status_code == 302
    assert "/accounts/2fa/totp/activate/" in response["Location"]


def test_admin_open_for_staff_with_totp(client_for, staff_user):
    response = client_for(staff_user).get("/admin/")
    assert response.status_code == 200


def test_admin_forbidden_for_entrepreneur(client_for, entrepreneur):
    response = client_for(entrepreneur).get("/admin/")
    assert response.status_code == 302
    assert response["Location"] != "/admin/"


def test_two_step_page_shows_its_panels_as_cards_with_buttons_not_bullets(client_for, entrepreneur):
    html = client_for(entrepreneur).get("/es/accounts/2fa/").content.decode()

    assert html.count('<section class="card">') == 2
    assert '<div class="actions">' in html
    assert "<li><a" not in html.split('<main id="main"')[1]


def test_visit_to_a_form_only_address_gets_our_page_in_the_persons_language(
    client_for, entrepreneur
):
    client = client_for(entrepreneur)

    spanish = client.get("/es/mensajes/canales/")
    english = client.get("/en/mensajes/canales/")

    assert (spanish.status_code, spanish["Allow"]) == (405, "POST")
    assert "Esta dirección solo recibe un formulario" in spanish.content.decode()
    assert "Ir a mi espacio" in spanish.content.decode()
    assert english.status_code == 405
    assert "This address only takes a form" in english.content.decode()


def test_visit_to_a_form_only_address_anonymous_gets_our_page(client):
    response = client.get("/es/aprende/lecciones/1/quiz/q1/")

    assert response.status_code == 405
    assert "Esta dirección solo recibe un formulario" in response.content.decode()
    assert "Ir a mi espacio" not in response.content.decode()


def test_contact_address_at_the_foot_of_pages_and_on_error_pages(
    client, client_for, entrepreneur, settings
):
    settings.SEMILLA_CONTACT_EMAIL = "equipo@semilla.example.org"
    line = (
        "¿Preguntas o un código que no llega? Escríbele al equipo del programa: "
        '<a href="mailto:equipo@semilla.example.org">equipo@semilla.example.org</a>'
    )

    assert line in client.get("/es/accounts/password/reset/").content.decode()
    refused = client_for(entrepreneur).get("/es/pitch/gestion/")
    assert refused.status_code == 403
    assert line in refused.content.decode()


def test_contact_line_left_out_when_no_address_is_set(client, settings):
    settings.SEMILLA_CONTACT_EMAIL = ""

    assert 'data-testid="contact"' not in client.get("/es/accounts/login/").content.decode()
