"""Background tasks of the site package (django-q2). Thin: they take plain values and
call a service; a failure raises, so django-q2 retries the task instead of losing it."""

from .emails import send_templated_email


def send_email(*, to: str, template: str, context: dict, language: str,
               attachments: list | None = None) -> None:
    send_templated_email(to=to, template=template, context=context, language=language,
                         attachments=[tuple(a) for a in attachments or []])


def ping(value: str) -> str:
    """Used by the integration test that starts a real task cluster."""
    from django.core.cache import cache

    cache.set(f"semilla:ping:{value}", "pong", 600)
    return value
