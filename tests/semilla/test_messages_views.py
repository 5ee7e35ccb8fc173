"""A person's number (added, confirmed by a code sent by SMS), their channel per kind of
message (with the consent and its text version), and the notification centre with its bell."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from semilla.models import (
    ConsentRecord,
    Notification,
    NotificationPreference,
    NotificationSettings,
    OutboxMessage,
)
from semilla.notification_selectors import notification_list_for_user
from tests.fakes.twilio_server import FakeTwilio

MESSAGES = "semilla:messages"


@pytest.fixture
def fake_twilio(settings):
    with FakeTwilio() as fake:
        fake.configure(settings)
        settings.SITE_URL = "http://testserver"
        yield fake
    assert fake.errors == []


def _start(client, phone, capture):
    with capture(execute=True):
        return client.post(reverse("semilla:phone_start"), {"phone": phone})


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("300 123 4567", "+573001234567"), ("0412-1234567", "+584121234567")],
)
def test_phone_start_stores_e164_and_sends_the_code_by_sms(
    typed, stored, fake_twilio, entrepreneur, client_for, django_capture_on_commit_callbacks
):
    response = _start(client_for(entrepreneur), typed, django_capture_on_commit_callbacks)
    prefs = NotificationSettings.objects.get(user=entrepreneur)
    assert (response.status_code, prefs.phone, prefs.phone_confirmed_at) == (302, stored, None)
    [sms] = fake_twilio.sent_to(stored)
    assert sms["channel"] == "sms"
    code = fake_twilio.last_code(stored)
    row = OutboxMessage.objects.get(recipient=stored)
    assert (row.kind, row.body, code in sms["body"]) == ("security", "", True)


def test_phone_start_refuses_a_landline_or_nonsense(entrepreneur, client_for):
    response = client_for(entrepreneur).post(
        reverse("semilla:phone_start"), {"phone": "601 1234567"}
    )
    assert (response.status_code, NotificationSettings.objects.count()) == (400, 0)
    assert "Colombian or Venezuelan" in response.content.decode() or "colombiano" in (
        response.content.decode()
    )


def test_phone_confirm_with_the_code_from_the_sms(
    fake_twilio, entrepreneur, client_for, django_capture_on_commit_callbacks
):
    client = client_for(entrepreneur)
    _start(client, "+57 300 123 4567", django_capture_on_commit_callbacks)
    code = fake_twilio.last_code("+573001234567")
    wrong = client.post(
        reverse("semilla:phone_confirm"), {"code": "000000" if code != "000000" else "111111"}
    )
    assert NotificationSettings.objects.get().code_attempts == 1
    right = client.post(reverse("semilla:phone_confirm"), {"code": code})
    prefs = NotificationSettings.objects.get()
    assert (wrong.status_code, right.status_code) == (400, 302)
    assert (prefs.phone_confirmed_at is not None, prefs.code_hash, prefs.code_attempts) == (
        True,
        "",
        0,
    )


@pytest.mark.parametrize("typed", ["{a} {b}", "{a}-{b}", " {a}{b} "])
def test_phone_confirm_takes_the_code_as_read_with_a_space(
    fake_twilio, entrepreneur, client_for, django_capture_on_commit_callbacks, typed
):
    """The SMS shows "123 456": typed so, it is the code (it was refused as too long)."""
    client = client_for(entrepreneur)
    _start(client, "+57 300 123 4567", django_capture_on_commit_callbacks)
    code = fake_twilio.last_code("+573001234567")
    response = client.post(
        reverse("semilla:phone_confirm"), {"code": typed.format(a=code[:3], b=code[3:])}
    )
    assert response.status_code == 302
    assert NotificationSettings.objects.get().phone_confirmed_at is not None


def test_phone_confirm_asks_for_six_digits(
    fake_twilio, entrepreneur, client_for, django_capture_on_commit_callbacks
):
    client = client_for(entrepreneur)
    _start(client, "+57 300 123 4567", django_capture_on_commit_callbacks)
    response = client.post(
        reverse("semilla:phone_confirm"), {"code": "12 34a"}, HTTP_ACCEPT_LANGUAGE="es"
    )
    assert response.status_code == 400
    assert "Escribe los seis dígitos del código." in response.content.decode()


def test_phone_confirm_stops_after_too_many_wrong_codes(
    fake_twilio, entrepreneur, client_for, django_capture_on_commit_callbacks
):
    client = client_for(entrepreneur)
    _start(client, "3001234567", django_capture_on_commit_callbacks)
    code = fake_twilio.last_code("+573001234567")
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(5):
        client.post(reverse("semilla:phone_confirm"), {"code": wrong})
    client.post(reverse("semilla:phone_confirm"), {"code": code})
    assert NotificationSettings.objects.get().phone_confirmed_at is None


def _confirmed(user):
    return NotificationSettings.objects.create(
        user=user, phone="+573001234567", phone_confirmed_at=timezone.now()
    )


def _choices(**overrides):
    data = {"reminder": "email", "application": "email", "mentoring": "email", "grant": "email"}
    return {**data, **overrides}


def test_preferences_whatsapp_for_reminders_records_consent_with_its_version(
    entrepreneur, client_for, settings
):
    _confirmed(entrepreneur)
    response = client_for(entrepreneur).post(
        reverse("semilla:message_preferences"), {**_choices(reminder="whatsapp"), "consent": "on"}
    )
    prefs = NotificationSettings.objects.get()
    consent = ConsentRecord.objects.get(user=entrepreneur)
    assert (response.status_code, prefs.whatsapp, prefs.sms) == (302, True, False)
    assert (consent.purpose, consent.policy_version) == (
        "whatsapp",
        settings.SEMILLA_MESSAGING_CONSENT_VERSION,
    )
    assert dict(NotificationPreference.objects.values_list("kind", "channel")) == _choices(
        reminder="whatsapp"
    )


def test_preferences_phone_channel_needs_the_consent_box(entrepreneur, client_for):
    _confirmed(entrepreneur)
    response = client_for(entrepreneur).post(
        reverse("semilla:message_preferences"), _choices(reminder="sms")
    )
    assert (response.status_code, NotificationPreference.objects.count()) == (400, 0)


def test_preferences_phone_channel_refused_without_a_confirmed_number(entrepreneur, client_for):
    NotificationSettings.objects.create(user=entrepreneur, phone="+573001234567")
    response = client_for(entrepreneur).post(
        reverse("semilla:message_preferences"), {**_choices(reminder="sms"), "consent": "on"}
    )
    assert (response.status_code, NotificationPreference.objects.count()) == (400, 0)


def test_preferences_turning_whatsapp_off_revokes_its_consent(entrepreneur, client_for):
    _confirmed(entrepreneur)
    client = client_for(entrepreneur)
    url = reverse("semilla:message_preferences")
    client.post(url, {**_choices(reminder="whatsapp"), "consent": "on"})
    client.post(url, _choices(reminder="centre"))
    consent = ConsentRecord.objects.get(user=entrepreneur)
    assert (NotificationSettings.objects.get().whatsapp, consent.revoked_at is not None) == (
        False,
        True,
    )


def test_messages_page_shows_both_forms(entrepreneur, client_for):
    response = client_for(entrepreneur).get(reverse(MESSAGES))
    body = response.content.decode()
    assert (response.status_code, 'name="phone"' in body, 'name="reminder"' in body) == (
        200,
        True,
        True,
    )
    assert 'value="whatsapp"' not in body  # no confirmed number yet


def _ticked(body: str) -> dict[str, str]:
    """The radio button ticked for each kind of message on the page."""
    return dict(
        (m["name"], m["value"])
        for m in re.finditer(
            r'<input type="radio" name="(?P<name>\w+)" value="(?P<value>\w+)"[^>]*checked', body
        )
    )


def test_messages_page_while_a_new_number_waits_for_its_code_ticks_email(entrepreneur, client_for):
    """She had WhatsApp reminders, then asked for a code for a new number: until it is
    confirmed WhatsApp is not offered and her reminders come by e-mail. The page ticks
    e-mail (not nothing) and says why, and saving it as it stands is accepted."""
    NotificationSettings.objects.create(user=entrepreneur, phone="+573001234567", whatsapp=True)
    NotificationPreference.objects.create(user=entrepreneur, kind="reminder", channel="whatsapp")
    client = client_for(entrepreneur)
    body = client.get(reverse(MESSAGES)).content.decode()
    assert (_ticked(body), 'data-testid="held-for-number"' in body) == (_choices(), True)
    assert "por WhatsApp o SMS llegan por correo" in body
    response = client.post(reverse("semilla:message_preferences"), _ticked(body))
    assert response.status_code == 302


def test_messages_page_with_a_confirmed_number_ticks_the_chosen_phone_channel(
    entrepreneur, client_for
):
    _confirmed(entrepreneur)
    NotificationPreference.objects.create(user=entrepreneur, kind="reminder", channel="whatsapp")
    body = client_for(entrepreneur).get(reverse(MESSAGES)).content.decode()
    assert (_ticked(body), 'data-testid="held-for-number"' in body) == (
        _choices(reminder="whatsapp"),
        False,
    )


def _phone_value(body: str) -> str:
    match = re.search(r'<input type="text" name="phone"[^>]*>', body)
    value = re.search(r'value="([^"]*)"', match[0]) if match else None
    return value[1] if value else ""


def test_send_a_new_code_while_one_is_pending_offers_the_same_number(entrepreneur, client_for):
    """While a code waits, the button under the number field says "Send a new code": the
    field holds the waiting number, so pressing it sends the code again (it was empty
    and the press was refused as incomplete)."""
    client = client_for(entrepreneur)
    prefs = NotificationSettings.objects.create(user=entrepreneur, phone="+573001234567")
    assert _phone_value(client.get(reverse(MESSAGES)).content.decode()) == ""
    prefs.code_hash = "pending"
    prefs.save()
    assert _phone_value(client.get(reverse(MESSAGES)).content.decode()) == "+57 300 1234567"


# --- the notification centre -------------------------------------------------------------------
def _notes(user, n):
    for i in range(n):
        Notification.objects.create(
            user=user, kind="reminder", template="t", title=f"Aviso {i}", url="/es/mi-espacio/"
        )


@pytest.mark.parametrize("rows", [1, 6])
def test_notification_list_runs_constant_queries(rows, entrepreneur, django_assert_num_queries):
    _notes(entrepreneur, rows)
    with django_assert_num_queries(1):
        items = list(notification_list_for_user(user=entrepreneur))
    assert len(items) == rows


def test_notification_centre_lists_only_mine_and_marks_read(
    entrepreneur, other_entrepreneur, client_for
):
    _notes(entrepreneur, 2)
    _notes(other_entrepreneur, 1)
    client = client_for(entrepreneur)
    page = client.get(reverse("semilla:notifications")).content.decode()
    assert (page.count("Aviso "), '<span class="bell-count">2</span>' in page) == (2, True)
    mine = Notification.objects.filter(user=entrepreneur).first()
    response = client.post(reverse("semilla:notification_read", args=[mine.pk]))
    assert response["Location"] == "/es/mi-espacio/"
    assert Notification.objects.filter(user=entrepreneur, read_at__isnull=True).count() == 1
    client.post(reverse("semilla:notifications_read_all"))
    assert Notification.objects.filter(read_at__isnull=True).count() == 1  # the other person's


def _queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return [q["sql"] for q in ctx.captured_queries], response.content.decode()


def test_bell_count_costs_one_query_then_follows_changes_from_the_cache(
    entrepreneur, client_for, django_capture_on_commit_callbacks, settings
):
    settings.SEMILLA_TABLE_CACHE = False  # the person loaded alike each time: counts the bell
    client = client_for(entrepreneur)
    url = reverse("semilla:preferences")
    first, _page = _queries(client, url)
    again, _page = _queries(client, url)
    with django_capture_on_commit_callbacks(execute=True):
        _notes(entrepreneur, 5)  # written: the cached number goes up, nothing is counted
    cached, page = _queries(client, url)
    bell = [q for q in first if "semilla_notification" in q]
    assert (len(bell), len(first) - len(again), len(cached)) == (1, 1, len(again))
    assert '<span class="bell-count">5</span>' in page
    item = Notification.objects.filter(user=entrepreneur).first()
    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post(reverse("semilla:notification_read", args=[item.pk]))
    assert (answer.status_code, answer.get("Location")) == (302, "/es/mi-espacio/")
    assert Notification.objects.filter(read_at__isnull=True).count() == 4
    _sql, page = _queries(client, url)
    import re

    assert re.findall(r"bell-count\">(\d+)<", page) == ["4"]


def test_demo_messages_are_seeded_once(db):
    from semilla.demo import DEMO_PHONE, seed_accounts, seed_messages
    from semilla.enums import Role

    person = seed_accounts()[Role.ENTREPRENEUR]
    seed_messages(person)
    seed_messages(person)
    prefs = NotificationSettings.objects.get(user=person)
    assert (prefs.phone, prefs.reachable_by("whatsapp")) == (DEMO_PHONE, True)
    assert (
        Notification.objects.filter(user=person, read_at__isnull=True).count(),
        Notification.objects.filter(user=person).count(),
        OutboxMessage.objects.filter(status="failed").count(),
    ) == (2, 3, 1)


def test_console_lists_failed_deliveries_for_programme_staff_only(make_user, client_for):
    from semilla.enums import Role

    OutboxMessage.objects.create(
        channel="whatsapp",
        kind="reminder",
        recipient="+573001234567",
        status="failed",
        attempts=5,
        error="Twilio 503: Unable to create record: Service unavailable",
    )
    url = reverse("outbox_messages:index") + "?status=failed"
    staff = client_for(make_user(Role.STAFF)).get(url)
    funder = client_for(make_user(Role.FUNDER)).get(url)
    assert (staff.status_code, funder.status_code) == (200, 302)
    assert "Twilio 503: Unable to create record" in staff.content.decode()
