"""Faults: the mail server fails, the database goes away."""

import ast
import smtplib

import pytest
from django.core import mail
from django.db import OperationalError
from django.test import override_settings

from semilla import tasks

pytestmark = pytest.mark.django_db


class FailingBackend:
    """An e-mail backend whose server refuses every message."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("connection unexpectedly closed")


@override_settings(EMAIL_BACKEND="tests.semilla.test_faults.FailingBackend")
def test_send_email_failure_schedules_retry_and_raises():
    from django_q.models import Schedule

    with pytest.raises(smtplib.SMTPServerDisconnected):
        tasks.send_email(
            to="a@example.org", template="semilla/welcome", context={"name": "Ana"}, language="es"
        )
    retry = Schedule.objects.get(func="semilla.tasks.send_email")
    kwargs = ast.literal_eval(retry.kwargs)
    assert kwargs["attempt"] == 2
    assert kwargs["to"] == "a@example.org"
    assert retry.schedule_type == Schedule.ONCE


def test_send_email_retry_succeeds_once_server_is_back():
    result = tasks.send_email(
        to="a@example.org",
        template="semilla/welcome",
        context={"name": "Ana"},
        language="es",
        attempt=2,
    )
    assert result == "sent semilla/welcome"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Bienvenida a Semilla"


@override_settings(EMAIL_BACKEND="tests.semilla.test_faults.FailingBackend")
def test_send_email_gives_up_after_last_attempt():
    from django_q.models import Schedule

    with pytest.raises(smtplib.SMTPServerDisconnected):
        tasks.send_email(
            to="a@example.org",
            template="semilla/welcome",
            context={"name": "Ana"},
            language="es",
            attempt=len(tasks.EMAIL_RETRY_DELAYS) + 1,
        )
    assert Schedule.objects.filter(func="semilla.tasks.send_email").count() == 0


def test_database_unavailable_answers_503(rf):
    from semilla.views import handler500

    request = rf.get("/es/")
    try:
        raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")
    except OperationalError:
        response = handler500(request)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Semilla no está disponible por un momento" in response.content.decode()


def test_unexpected_error_answers_friendly_500(rf):
    from semilla.views import handler500

    request = rf.get("/es/")
    try:
        raise ValueError("boom")
    except ValueError:
        response = handler500(request)
    assert response.status_code == 500
    assert "Traceback" not in response.content.decode()


def test_send_email_with_the_same_key_is_sent_once():
    """A task delivered again (its worker died after the server accepted the message)
    does not send the e-mail twice."""
    from semilla.models import SentEmail

    kwargs = {
        "to": "a@example.org",
        "template": "semilla/welcome",
        "context": {"name": "Ana"},
        "language": "es",
        "key": "k" * 32,
    }
    assert tasks.send_email(**kwargs) == "sent semilla/welcome"
    assert tasks.send_email(**kwargs) == "already sent semilla/welcome"
    assert len(mail.outbox) == 1
    assert SentEmail.objects.filter(key="k" * 32).count() == 1


@override_settings(EMAIL_BACKEND="tests.semilla.test_faults.FailingBackend")
def test_failed_send_records_nothing_and_the_retry_keeps_the_key():
    from django_q.models import Schedule

    from semilla.models import SentEmail

    with pytest.raises(smtplib.SMTPServerDisconnected):
        tasks.send_email(
            to="a@example.org",
            template="semilla/welcome",
            context={"name": "Ana"},
            language="es",
            key="r1",
        )
    assert not SentEmail.objects.exists()
    retry = Schedule.objects.get(func="semilla.tasks.send_email")
    assert ast.literal_eval(retry.kwargs)["key"] == "r1"


def test_queued_e_mails_carry_a_fresh_key_each(django_capture_on_commit_callbacks, make_user):
    """Two e-mails queued alike are two messages (each has its own key); tests run tasks
    inline, so both are sent and recorded."""
    from semilla.emails import queue_email_to_user
    from semilla.enums import Role
    from semilla.models import SentEmail

    user = make_user(Role.ENTREPRENEUR)
    with django_capture_on_commit_callbacks(execute=True):
        queue_email_to_user(user=user, template="semilla/welcome", context={"name": "A"})
        queue_email_to_user(user=user, template="semilla/welcome", context={"name": "A"})
    assert len(mail.outbox) == 2
    keys = set(SentEmail.objects.values_list("key", flat=True))
    assert len(keys) == 2
    assert all(len(k) == 32 for k in keys)
