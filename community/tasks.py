"""Scheduled work of the community app (django-q2). Thin: call a service."""

from django.utils import timezone

from . import services


def remind_guides_due() -> int:
    return services.guides_review_remind(today=timezone.localdate())
