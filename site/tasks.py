"""Background tasks of the site package (django-q2). Thin: they take plain values and
call a service."""

import logging
import smtplib
from datetime import timedelta

from django.utils import timezone
from django_q.models import Schedule
from django_q.tasks import schedule

from .emails import send_templated_email
from .models import SentEmail

logger = logging.getLogger(__name__)

#: Delays before each new attempt when the mail server fails (then the failure stays
#: recorded in the task list for staff).
EMAIL_RETRY_DELAYS = [
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=8),
]


def send_email(
    *,
    to: str,
    template: str,
    context: dict,
    language: str,
    attachments: list | None = None,
    attempt: int = 1,
    key: str = "",
    zone: str = "",
) -> str:
    """Send one templated e-mail. When the mail server fails, a new attempt is scheduled
    (with growing delays) and the error is raised so the failure is visible; the message
    is never silently lost. With ``key`` (given by whoever queued it) a task delivered again
    after a worker died does not send the message a second time."""

    if key and SentEmail.objects.filter(key=key).exists():
        return f"already sent {template}"
    try:
        send_templated_email(
            to=to,
            template=template,
            context=context,
            language=language,
            attachments=[tuple(a) for a in attachments or []],
            zone=zone,
        )
    except (smtplib.SMTPException, OSError):
        if attempt <= len(EMAIL_RETRY_DELAYS):
            schedule_email_retry(
                to=to,
                template=template,
                context=context,
                language=language,
                attachments=attachments or [],
                attempt=attempt,
                key=key,
                zone=zone,
            )
        else:
            logger.error("e-mail %s to %s failed after %s attempts", template, to, attempt)
        raise
    if key:
        SentEmail.objects.get_or_create(key=key, defaults={"template": template})
    return f"sent {template}"


def schedule_email_retry(
    *, to, template, context, language, attachments, attempt, key: str = "", zone: str = ""
) -> None:
    schedule(
        "semilla.tasks.send_email",
        to=to,
        template=template,
        context=context,
        language=language,
        attachments=attachments,
        attempt=attempt + 1,
        key=key,
        zone=zone,
        schedule_type=Schedule.ONCE,
        next_run=timezone.now() + EMAIL_RETRY_DELAYS[attempt - 1],
    )


def ping(value: str) -> str:
    """Used by the integration test that starts a real task cluster."""
    return value
