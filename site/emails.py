"""Every message Semilla sends is a pair of templates (subject, text body, optional HTML
body) rendered in the recipient's language and sent through a background task."""

import secrets
from functools import partial

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_q.tasks import async_task

from .timezones import DEFAULT_ZONE, default_timezone, is_valid_zone


def render_email(
    template: str, context: dict, language: str, *, zone: str = ""
) -> tuple[str, str, str | None]:
    """Render ``emails/<template>_subject.txt``, ``_body.txt`` and optional ``_body.html``
    in the recipient's ``language`` and time ``zone`` (Bogotá's when not given)."""
    zone = zone if is_valid_zone(zone) else DEFAULT_ZONE
    # links name the recipient's language: {{ site_url }}/{{ LANGUAGE_CODE }}/...
    context = {**context, "LANGUAGE_CODE": language, "lang": language}
    with translation.override(language), timezone.override(zone):
        subject = render_to_string(f"emails/{template}_subject.txt", context).strip()
        subject = " ".join(subject.splitlines())
        text = render_to_string(f"emails/{template}_body.txt", context)
        try:
            html = render_to_string(f"emails/{template}_body.html", context)
        except TemplateDoesNotExist:
            html = None
    return subject, text, html


def send_templated_email(
    *,
    to: str,
    template: str,
    context: dict,
    language: str,
    attachments: list[tuple[str, bytes, str]] | None = None,
    zone: str = "",
) -> None:
    """Send now (call from tasks). Raises on failure so the task is retried."""
    context = {"site_url": settings.SITE_URL.rstrip("/"), **context}
    subject, text, html = render_email(template, context, language, zone=zone)
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [to])
    if html:
        message.attach_alternative(html, "text/html")
    for filename, content, mimetype in attachments or []:
        message.attach(filename, content, mimetype)
    message.send(fail_silently=False)


def queue_email_to_user(
    *,
    user,
    template: str,
    context: dict | None = None,
    attachments: list[tuple[str, bytes, str]] | None = None,
) -> None:
    """Queue an e-mail to ``user`` in their language, after the current transaction commits."""

    transaction.on_commit(
        partial(
            async_task,
            "semilla.tasks.send_email",
            to=user.email,
            template=template,
            context=context or {},
            language=user.language or settings.LANGUAGE_CODE,
            zone=default_timezone(user),
            attachments=attachments or [],
            key=new_email_key(),
        )
    )


def new_email_key() -> str:
    """A random idempotency key for one queued e-mail (see ``semilla.tasks.send_email``)."""
    return secrets.token_hex(16)
