"""Settings of the conversations app, each with a default (override in settings)."""

from django.conf import settings


def no_show_limit() -> int:
    """Confirmed no-shows by a mentor within the window that pause their new matches."""
    return int(getattr(settings, "CONVERSATIONS_NO_SHOW_LIMIT", 2))


def no_show_window_days() -> int:
    return int(getattr(settings, "CONVERSATIONS_NO_SHOW_WINDOW_DAYS", 90))


def page_size() -> int:
    """Messages per page of a thread (the newest page first)."""
    return int(getattr(settings, "CONVERSATIONS_PAGE_SIZE", 30))
