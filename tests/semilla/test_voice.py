"""One voice: every allauth page and e-mail we use speaks Spanish with "tú" (the site's
voice), with no English left over and no server host in the e-mails.

allauth's own Spanish mixes "usted" and "tú"; ours is in site/locale_overrides (pages) and
site/templates/account/email/ (e-mails, in our own words). These tests render each page and
each e-mail in Spanish and look for the formal forms and for English words.
"""

import re
from html.parser import HTMLParser

import pytest
from allauth.account.adapter import get_adapter
from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from allauth.account.utils import user_pk_to_url_str
from allauth.core.context import request_context
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.core import mail
from django.test import Client, RequestFactory
from django.utils import timezone, translation

from semilla.enums import Role
from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db

#: Formal ("usted") forms and wording we do not use. Whole words, any case.
FORMAL = [
    "usted",
    "su cuenta",
    "su contraseña",
    "su correo",
    "su dirección",
    "sus códigos",
    "por favor, confirme",
    "confirme",
    "introduzca",
    "introdúzcalo",
    "ingrese",
    "vete a",
    "haga clic",
    "verifique",
    "compruebe",
    "póngase",
    "contáctenos",
    "inténtelo",
    "ha olvidado",
    "olvidó",
    "le hemos",
    "le pedimos",
    "recibirá",
    "desea",
    "está seguro",
    "escriba",
    "utilice",
    "regístrese",
    "inicie sesión",
    "¿ya tiene",
    "solicite",
    "escanee",
    "elija",
    "emita",
    "siga el enlace",
]
FORMAL_RE = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, FORMAL)) + r")(?!\w)", re.I)

#: English words that never appear in our Spanish text.
ENGLISH = {
    "the", "your", "you", "and", "with", "please", "password", "email", "sign", "signed",
    "code", "account", "here", "enter", "confirm", "security", "send", "forgot", "change",
    "remove", "verified", "primary", "cancel", "request", "this", "have", "are", "is", "of",
    "to", "for", "not", "new", "add", "manage", "view", "download", "generate", "authenticator",
    "recovery", "codes", "hello", "thank", "thanks", "using", "been", "has", "was", "sure",
    "out", "in", "or", "key", "keys", "already", "again", "current", "remember", "me",
}  # fmt: skip
#: Names that are the same in Spanish.
ALLOWED = {"Semilla", "TOTP", "QR"}
ADDRESS = re.compile(r"\S+@\S+|https?://\S+|/\S+")


class _Text(HTMLParser):
    """What a person reads: text outside <script>/<style>, plus placeholders, labels
    for screen readers and titles."""

    def __init__(self):
        super().__init__()
        self.parts, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        for name, value in attrs:
            if name in ("placeholder", "aria-label", "title") and value:
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def _visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def _problems(text: str, *, names=()) -> list[str]:
    for name in (*ALLOWED, *names):
        text = text.replace(name, " ")
    text = ADDRESS.sub(" ", text)
    formal = [
        f"formal: {m.group(0)!r} in {text[max(m.start() - 30, 0) : m.end() + 30]!r}"
        for m in FORMAL_RE.finditer(text)
    ]
    english = [
        f"English: {m.group(0)!r} in {text[max(m.start() - 30, 0) : m.end() + 30]!r}"
        for m in re.finditer(r"[A-Za-z]+", text)
        if m.group(0).lower() in ENGLISH
    ]
    return [*formal, *english]


def test_checker_finds_formal_and_english_text():
    """The checker itself: it must see what the issue saw."""
    found = _problems("Por favor, confirme su dirección; vete a http://x/ Forgot your password?")
    assert [problem.split(" in ")[0] for problem in found] == [
        "formal: 'Por favor, confirme'",
        "formal: 'su dirección'",
        "formal: 'vete a'",
        "English: 'Forgot'",
        "English: 'your'",
        "English: 'password'",
    ]
    assert _problems("Confirma tu correo electrónico en Semilla (TOTP).") == []


# --- pages -----------------------------------------------------------------------------


def _page(client, path, *, names=(), method="get", data=None):
    response = getattr(client, method)(path, data or {})
    assert response.status_code == 200, (path, response.status_code)
    html = response.content.decode()
    assert '<html lang="es"' in html, path
    return _problems(_visible_text(html), names=names)


ANONYMOUS_PAGES = [
    "/es/accounts/login/",
    "/es/accounts/signup/",
    "/es/accounts/password/reset/",
    "/es/accounts/password/reset/done/",
    "/es/accounts/confirm-email/",
    "/es/accounts/login/code/",
    "/es/accounts/password/reset/key/0-bad-key/",
]


@pytest.mark.parametrize("path", ANONYMOUS_PAGES)
def test_account_page_for_visitors_speaks_spanish_with_tu(client, path):
    assert _page(client, path) == []


def test_account_pages_with_form_errors_speak_spanish_with_tu(client):
    """A wrong sign-in and a sign-up with mismatched passwords show allauth's and Django's
    error messages."""
    bad_login = {"login": "nadie@example.org", "password": "no-es-esta"}
    assert _page(client, "/es/accounts/login/", method="post", data=bad_login) == []
    bad_signup = {"email": "no-es-un-correo", "password1": "corta", "password2": "otra"}
    assert _page(client, "/es/accounts/signup/", method="post", data=bad_signup) == []


@pytest.fixture
def person():
    return make_user(Role.ENTREPRENEUR, mfa=False, full_name="Ana Ruiz", email="ana@example.org")


SIGNED_IN_PAGES = [
    "/es/accounts/logout/",
    "/es/accounts/email/",
    "/es/accounts/password/change/",
    "/es/accounts/reauthenticate/",
    "/es/accounts/2fa/",
    "/es/accounts/2fa/totp/activate/",
]


@pytest.mark.parametrize("path", SIGNED_IN_PAGES)
def test_account_page_for_a_person_speaks_spanish_with_tu(client, person, path):
    client.force_login(person)
    assert _page(client, path, names=[person.full_name]) == []


def test_email_page_with_an_unverified_address_speaks_spanish_with_tu(client, person):
    EmailAddress.objects.create(user=person, email="otra@example.org", verified=False)
    client.force_login(person)
    assert _page(client, "/es/accounts/email/", names=[person.full_name]) == []


MFA_PAGES = [
    "/es/accounts/2fa/",
    "/es/accounts/2fa/totp/deactivate/",
    "/es/accounts/2fa/recovery-codes/",
    "/es/accounts/2fa/recovery-codes/generate/",
    "/es/accounts/2fa/reauthenticate/",
]


@pytest.mark.parametrize("path", MFA_PAGES)
def test_second_factor_page_speaks_spanish_with_tu(client, path):
    user = make_user(Role.STAFF, full_name="Beto Paz")
    RecoveryCodes.activate(user)
    client.force_login(user)
    assert _page(client, path, names=[user.full_name]) == []


def test_second_factor_code_page_at_sign_in_speaks_spanish_with_tu():
    user = make_user(Role.STAFF, full_name="Beto Paz")
    client = Client()
    response = client.post("/es/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert _page(client, response.url) == []


def test_confirm_email_page_speaks_spanish_with_tu(client):
    user = make_user(Role.ENTREPRENEUR, mfa=False, verified=False, full_name="Ana Ruiz")
    address = EmailAddress.objects.create(user=user, email=user.email, primary=True)
    key = EmailConfirmationHMAC(address).key
    assert _page(client, f"/es/accounts/confirm-email/{key}/", names=[user.full_name]) == []
    assert _page(client, "/es/accounts/confirm-email/not-a-key/") == []


def test_password_reset_from_key_page_speaks_spanish_with_tu(client, person):
    key = default_token_generator.make_token(person)
    response = client.get(f"/es/accounts/password/reset/key/{user_pk_to_url_str(person)}-{key}/")
    assert response.status_code == 302  # allauth hides the key behind a session redirect
    assert _page(client, response.url) == []


def test_login_code_confirmation_page_speaks_spanish_with_tu(client, person):
    response = client.post("/es/accounts/login/code/", {"email": person.email})
    assert response.status_code == 302
    assert _page(client, response.url) == []


# --- e-mails ---------------------------------------------------------------------------


def _context(user):
    return {
        "user": user,
        "activate_url": "https://semilla.example.org/es/accounts/confirm-email/k/",
        "key": "k",
        "password_reset_url": "https://semilla.example.org/es/accounts/password/reset/key/k/",
        "signup_url": "https://semilla.example.org/es/accounts/signup/",
        "from_email": "vieja@example.org",
        "to_email": "nueva@example.org",
        "deleted_email": "vieja@example.org",
        "timestamp": timezone.now(),
        "ip": "203.0.113.7",
        "user_agent": "Mozilla/5.0 (Linux; Android 10)",
    }


EMAILS = [
    "account/email/email_confirmation_signup",
    "account/email/email_confirmation",
    "account/email/account_already_exists",
    "account/email/unknown_account",
    "account/email/login_code",
    "account/email/password_reset_key",
    "account/email/password_reset_code",
    "account/email/email_changed",
    "account/email/email_confirm",
    "account/email/email_deleted",
    "account/email/password_changed",
    "account/email/password_reset",
    "account/email/password_set",
    "mfa/email/totp_activated",
    "mfa/email/totp_deactivated",
    "mfa/email/recovery_codes_generated",
]


@pytest.mark.parametrize("with_code", [False, True], ids=["link", "code"])
@pytest.mark.parametrize("template", EMAILS)
def test_account_email_speaks_spanish_with_tu(
    person, template, with_code, django_capture_on_commit_callbacks
):
    request = RequestFactory().get("/es/", HTTP_HOST="127.0.0.1:8000")
    # the code e-mails always get their code from allauth (a missing variable fails: see
    # tests/template_guard.py)
    needs_code = with_code or template.endswith("_code")
    context = {**_context(person), **({"code": "ABC123"} if needs_code else {})}
    # the recipient's language wins over the request's
    with (
        django_capture_on_commit_callbacks(execute=True),
        request_context(request),
        translation.override("en"),
    ):
        get_adapter(request).send_mail(template, person.email, context)
    [message] = mail.outbox
    assert message.subject.startswith("Semilla: ")
    assert "127.0.0.1" not in message.subject
    assert message.body.startswith("Hola, Ana:") or message.body.startswith("Hola Ana,")
    problems = _problems(
        f"{message.subject}\n{message.body}", names=["Mozilla", "Linux", "Android"]
    )
    assert problems == []


def test_email_without_a_person_greets_without_a_name(person, django_capture_on_commit_callbacks):
    request = RequestFactory().get("/es/")
    context = {**_context(person), "user": None}
    with django_capture_on_commit_callbacks(execute=True), request_context(request):
        get_adapter(request).send_mail("account/email/unknown_account", "x@example.org", context)
    assert mail.outbox[0].body.startswith("Hola:") or mail.outbox[0].body.startswith("Hola,")


def test_signup_confirmation_email_subject_has_no_host_and_speaks_with_tu(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/es/accounts/signup/",
            {
                "email": "nueva@example.org",
                "full_name": "Nueva Persona",
                "password1": "un-buen-secreto-2026",
                "password2": "un-buen-secreto-2026",
            },
        )
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.subject == "Semilla: Confirma tu correo electrónico"
    assert message.body.startswith("Hola, Nueva:") or message.body.startswith("Hola Nueva,")
    assert _problems(message.body) == []


def test_account_notice_greets_the_person_by_name_in_their_language(
    client, person, django_capture_on_commit_callbacks
):
    """allauth's notices (here: a password change) carry no person in their context: the
    adapter adds them, so the notice greets by name in the person's language."""
    person.language = "en"
    person.save(update_fields=["language"])
    client.force_login(person)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/es/accounts/password/change/",
            {
                "oldpassword": PASSWORD,
                "password1": "otra-Clave-2026!",
                "password2": "otra-Clave-2026!",
            },
        )
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.subject == "Semilla: Your password changed"
    assert message.body.startswith("Hello Ana,")
