"""Every write of the mentors app that matters, by topic: ``profiles`` (applying, the
profile, vetting, the pause on new matches, the nudge of silent mentors), ``matching``
(matching runs of a cohort), ``matches`` (one mentee and one mentor: proposals, answers,
expiry, ending), ``availability`` (a mentor's bookable hours), ``bookings`` (sessions in the
calendar, feeds, reminders) and ``sessions`` (goals, logs, confirmations).

Top-level services are ``@transaction.atomic(durable=True)``; ``*_nested`` helpers run
inside another service's transaction. Side effects happen after commit. Callers import
from ``mentors.services``: every public name is re-exported here by name. Reads (free
slots, volunteer minutes, the staff to alert) are in ``mentors.selectors``."""

from semilla.errors import ServiceError

from .availability import (
    availability_add_override,
    availability_add_weekly,
    availability_remove_override,
    availability_remove_weekly,
    availability_update_settings,
)
from .bookings import (
    BookingError,
    booking_cancel,
    booking_create,
    booking_propose,
    booking_reschedule,
    booking_respond,
    calendar_feed_token,
    send_due_reminders,
)
from .matches import (
    match_accept,
    match_decline,
    match_end,
    match_expire,
    match_propose_nested,
    match_request_end,
    match_request_from_directory,
    mentee_availability_set,
    mentor_requests_release_nested,
    staff_alert,
)
from .matching import (
    matching_run_compute,
    matching_run_create,
    matching_run_exclude,
    matching_run_include,
    matching_run_pin,
    matching_run_publish,
    matching_run_rerun,
    matching_run_unpin,
    matching_weights_update,
)
from .profiles import (
    PROFILE_FIELDS,
    mentor_accept_code_of_conduct,
    mentor_apply,
    mentor_new_matches_pause,
    mentor_new_matches_resume,
    mentor_record_interview,
    mentor_transition,
    mentor_update_profile,
    mentors_nudge_and_pause,
)
from .sessions import (
    MAX_OPEN_GOALS,
    action_item_toggle,
    goal_add,
    goal_set_status,
    nudge_unlogged_sessions,
    session_confirm,
    session_log,
)

__all__ = [
    "ServiceError",
    "availability_add_weekly",
    "availability_add_override",
    "availability_remove_weekly",
    "availability_remove_override",
    "availability_update_settings",
    "BookingError",
    "booking_create",
    "booking_cancel",
    "booking_reschedule",
    "booking_propose",
    "booking_respond",
    "calendar_feed_token",
    "send_due_reminders",
    "staff_alert",
    "match_propose_nested",
    "match_accept",
    "match_decline",
    "mentor_requests_release_nested",
    "match_expire",
    "match_request_end",
    "match_end",
    "match_request_from_directory",
    "mentee_availability_set",
    "matching_weights_update",
    "matching_run_create",
    "matching_run_compute",
    "matching_run_pin",
    "matching_run_unpin",
    "matching_run_exclude",
    "matching_run_include",
    "matching_run_rerun",
    "matching_run_publish",
    "mentor_apply",
    "mentor_update_profile",
    "mentor_accept_code_of_conduct",
    "mentor_record_interview",
    "mentor_transition",
    "mentor_new_matches_pause",
    "mentor_new_matches_resume",
    "mentors_nudge_and_pause",
    "PROFILE_FIELDS",
    "goal_add",
    "goal_set_status",
    "session_log",
    "session_confirm",
    "action_item_toggle",
    "nudge_unlogged_sessions",
    "MAX_OPEN_GOALS",
]
