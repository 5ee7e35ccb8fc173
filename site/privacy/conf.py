"""Privacy settings, each with a safe default (override in settings or the environment)."""

from collections.abc import Callable
from pathlib import Path

from django.conf import settings


def _get(name: str, default):
    return getattr(settings, name, default)


def _whole_number(name: str, default: int) -> Callable[[], int]:
    """A reader of the setting ``name`` (read on each call, so tests may override it)."""

    def read() -> int:
        return int(_get(name, default))

    return read


#: More than this many people's records opened by one person within an hour raises an
#: alert to data-protection staff.
bulk_access_threshold = _whole_number("PRIVACY_BULK_ACCESS_THRESHOLD", 50)
#: Accounts without a sign-in for this long are removed (after a warning).
inactive_days = _whole_number("PRIVACY_INACTIVE_DAYS", 730)
#: How long before removal the person is told.
inactive_warning_days = _whole_number("PRIVACY_INACTIVE_WARNING_DAYS", 30)
export_inline_max_files = _whole_number("PRIVACY_EXPORT_INLINE_MAX_FILES", 10)
export_inline_max_rows = _whole_number("PRIVACY_EXPORT_INLINE_MAX_ROWS", 2000)
export_keep_days = _whole_number("PRIVACY_EXPORT_KEEP_DAYS", 7)
#: Staff are reminded of open requests due within this many business days.
request_reminder_days = _whole_number("PRIVACY_REQUEST_REMINDER_DAYS", 3)


def erasure_journal_path() -> Path:
    """The erasure journal: one JSON line per erasure (person id, time; no personal data),
    kept OUTSIDE the database so it survives restoring an older backup."""
    default = Path(settings.VAR_DIR) / "erasure-journal.jsonl"
    return Path(_get("PRIVACY_ERASURE_JOURNAL", default))
