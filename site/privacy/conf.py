"""Privacy settings, each with a safe default (override in settings or the environment)."""

from pathlib import Path

from django.conf import settings


def _get(name: str, default):
    return getattr(settings, name, default)


def bulk_access_threshold() -> int:
    """More than this many people's records opened by one person within an hour raises an
    alert to data-protection staff."""
    return int(_get("PRIVACY_BULK_ACCESS_THRESHOLD", 50))


def inactive_days() -> int:
    """Accounts without a sign-in for this long are removed (after a warning)."""
    return int(_get("PRIVACY_INACTIVE_DAYS", 730))


def inactive_warning_days() -> int:
    """How long before removal the person is told."""
    return int(_get("PRIVACY_INACTIVE_WARNING_DAYS", 30))


def erasure_journal_path() -> Path:
    """The erasure journal: one JSON line per erasure (person id, time; no personal data),
    kept OUTSIDE the database so it survives restoring an older backup."""
    default = Path(settings.VAR_DIR) / "erasure-journal.jsonl"
    return Path(_get("PRIVACY_ERASURE_JOURNAL", default))


def export_inline_max_files() -> int:
    return int(_get("PRIVACY_EXPORT_INLINE_MAX_FILES", 10))


def export_inline_max_rows() -> int:
    return int(_get("PRIVACY_EXPORT_INLINE_MAX_ROWS", 2000))


def export_keep_days() -> int:
    return int(_get("PRIVACY_EXPORT_KEEP_DAYS", 7))


def request_reminder_days() -> int:
    """Staff are reminded of open requests due within this many business days."""
    return int(_get("PRIVACY_REQUEST_REMINDER_DAYS", 3))
