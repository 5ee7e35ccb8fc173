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


def repeat_window_seconds() -> int:
    """A message (or a concern) sent again with the same text within this many seconds is
    the same one (a double tap on a slow connection), not a second one."""
    return int(getattr(settings, "CONVERSATIONS_REPEAT_WINDOW_SECONDS", 120))
