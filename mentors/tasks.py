"""Background tasks (django-q2): ids in, call a service."""

from . import services


def compute_run(run_id: int) -> None:
    services.matching_run_compute(run_id=run_id)


def nudge_and_pause_inactive_mentors() -> dict[str, int]:
    return services.mentors_nudge_and_pause()


def send_session_reminders() -> int:
    return services.send_due_reminders() + services.nudge_unlogged_sessions()
