"""notify(): kinds, the person's channel choice, the fallbacks and the notification centre."""

import pytest
from django.utils import timezone

from semilla.models import (
    Notification,
    NotificationPreference,
    NotificationSettings,
    OutboxMessage,
)
from semilla.notifications import kind_for_template, notify

PHONE = "+573001234567"


def _confirmed_phone(user, **flags):
    return NotificationSettings.objects.create(
        user=user, phone=PHONE, phone_confirmed_at=timezone.now(), **flags
    )


def _sent(capture, **kwargs):
    with capture(execute=True):
        return notify(**kwargs)


def test_notify_email_and_centre_by_default(
    entrepreneur, mailoutbox, django_capture_on_commit_callbacks
):
    channels = _sent(
        django_capture_on_commit_callbacks,
        user=entrepreneur,
        template="cohorts/confirmed",
        context={
            "cohort": "Cúcuta 2027",
            "cohort_format": "in_person",
            "cohort_city": "Cúcuta",
            "starts_on": "2027-02-01",
            "url": "/es/cohortes/",
        },
        key="c:1",
    )
    assert channels == ["email"]
    assert len(mailoutbox) == 1
    entry = Notification.objects.get(user=entrepreneur)
    assert (entry.kind, entry.title, entry.url, entry.read_at) == (
        "application",
        mailoutbox[0].subject,
        "/es/cohortes/",
        None,
    )


def test_notify_same_key_twice_writes_one_centre_entry_and_one_email(
    entrepreneur, mailoutbox, django_capture_on_commit_callbacks
):
    for _ in range(2):
        _sent(
            django_capture_on_commit_callbacks,
            user=entrepreneur,
            template="semilla/welcome",
            context={"name": "Ana"},
            key="w:1",
        )
    assert (Notification.objects.count(), len(mailoutbox)) == (1, 1)


def test_notify_centre_only_preference_sends_nothing(
    entrepreneur, mailoutbox, django_capture_on_commit_callbacks
):
    NotificationPreference.objects.create(user=entrepreneur, kind="mentoring", channel="centre")
    channels = _sent(
        django_capture_on_commit_callbacks,
        user=entrepreneur,
        template="mentors/nudge",
        context={"name": "Ana"},
    )
    assert (channels, len(mailoutbox), Notification.objects.count()) == ([], 0, 1)


def test_notify_whatsapp_preference_with_confirmed_phone(
    entrepreneur, mailoutbox, django_capture_on_commit_callbacks
):
    _confirmed_phone(entrepreneur, whatsapp=True)
    NotificationPreference.objects.create(user=entrepreneur, kind="mentoring", channel="whatsapp")
    channels = _sent(
        django_capture_on_commit_callbacks,
        user=entrepreneur,
        template="mentors/nudge",
        context={"name": "Ana"},
    )
    row = OutboxMessage.objects.get()
    assert (channels, len(mailoutbox), row.recipient, row.status) == (
        ["whatsapp"],
        0,
        PHONE,
        "kept",  # no provider configured: kept in the outbox
    )


@pytest.mark.parametrize(
    "state",
    [
        {"phone_confirmed_at": None},
        {"stopped_at": "now"},
        {"unreachable_at": "now"},
        {"whatsapp": False},
    ],
)
def test_notify_whatsapp_falls_back_to_email_when_the_phone_cannot_be_used(
    state, entrepreneur, mailoutbox, django_capture_on_commit_callbacks
):
    values = {"whatsapp": True, "phone_confirmed_at": timezone.now()}
    values.update({k: timezone.now() if v == "now" else v for k, v in state.items()})
    NotificationSettings.objects.create(user=entrepreneur, phone=PHONE, **values)
    NotificationPreference.objects.create(user=entrepreneur, kind="mentoring", channel="whatsapp")
    channels = _sent(
        django_capture_on_commit_callbacks,
        user=entrepreneur,
        template="mentors/nudge",
        context={"name": "Ana"},
    )
    assert (channels, len(mailoutbox)) == (["email"], 1)


def test_notify_security_is_email_only_never_in_centre_and_body_not_kept(
    entrepreneur, mailoutbox, django_capture_on_commit_callbacks
):
    _confirmed_phone(entrepreneur, whatsapp=True, sms=True)
    for kind in ("reminder", "application", "mentoring", "grant"):
        NotificationPreference.objects.create(user=entrepreneur, kind=kind, channel="centre")
    channels = _sent(
        django_capture_on_commit_callbacks,
        user=entrepreneur,
        template="pitchday/payout_code",
        context={"code": "482913", "minutes": 30, "destination": "Nequi"},
    )
    row = OutboxMessage.objects.get()
    assert (channels, Notification.objects.count(), row.kind, row.body) == (
        ["email"],
        0,
        "security",
        "",
    )
    assert "482913" in mailoutbox[0].body


def test_notify_security_to_another_address(
    entrepreneur, mailoutbox, django_capture_on_commit_callbacks
):
    _sent(
        django_capture_on_commit_callbacks,
        user=entrepreneur,
        kind="security",
        to="old@example.org",
        template="semilla/account_change_notice",
        context={"change": "x"},
    )
    assert [m.to for m in mailoutbox] == [["old@example.org"]]


def test_notify_refuses_another_address_for_other_kinds(entrepreneur):
    with pytest.raises(ValueError):
        notify(user=entrepreneur, template="semilla/welcome", to="x@example.org")


@pytest.mark.parametrize(
    ("template", "kind"),
    [
        ("mentors/booking_reminder_24h", "reminder"),
        ("mentors/nudge", "mentoring"),
        ("cohorts/submitted", "application"),
        ("pitchday/tranche_paid", "grant"),
        ("pitchday/payout_code", "security"),
        ("semilla/account_change_notice", "security"),
        ("privacy/export_ready", "account"),
        ("outcomes/survey_reminder", "reminder"),
        ("outcomes/alumni_invitation_event", "account"),
    ],
)
def test_kind_for_template(template, kind):
    assert kind_for_template(template) == kind


@pytest.mark.parametrize(
    ("language", "path"), [("es", "/es/mentores/sesiones/"), ("en", "/en/mentores/sesiones/")]
)
def test_a_notice_without_url_opens_the_page_its_email_links_to(entrepreneur, language, path):
    """The bell's "Open" is the e-mail's first link to our site when the caller gave no
    ``url`` (the mentoring notices had only "Mark as read")."""
    entrepreneur.language = language
    entrepreneur.save(update_fields=["language"])
    notify(
        user=entrepreneur,
        template="mentors/booking_proposed",
        context={
            "mentor_name": "Ana Mentora",
            "starts_at": "2027-02-01T15:00:00+00:00",
            "timezone": "America/Bogota",
        },
        key="p:1",
    )
    assert Notification.objects.get(user=entrepreneur).url == path


def test_a_notice_whose_email_links_nowhere_has_no_link(entrepreneur):
    context = {"kind": "query", "status": "completed", "response": "Tenemos tu nombre."}
    notify(user=entrepreneur, template="privacy/request_answered", context=context, key="r:1")
    assert Notification.objects.get(user=entrepreneur).url == ""
