"""Scheduled work of the outcomes app (django-q2). Thin: each calls a service, and each is
idempotent (a task that runs twice does no harm)."""

from . import services


def open_waves() -> int:
    """Daily: waves exist for every cohort and open follow-ups have their pending answers."""
    return services.responses_open()


def send_reminders() -> int:
    """Daily: survey links to the people who have not answered an open wave yet."""
    return services.reminders_send()


def make_alumni() -> int:
    """Daily: participants of cohorts that ended become alumni."""
    return services.alumni_from_ended_cohorts()


def refresh_summaries() -> int:
    """Nightly: the dashboard's outcome sums of every cohort, recomputed."""
    return services.summaries_refresh()


def refresh_cohort(cohort_id: int) -> int:
    """After an answer (queued on commit): the cohort's dashboard sums."""
    return services.summary_refresh(cohort_id=cohort_id)
