"""Every write that matters in cohorts, by topic: ``applications`` (status, drafts,
submission, withdrawal), ``documents``, ``reviews`` (rubric, conflicts, assignments,
scores), ``decisions`` (decisions, offers, the waitlist) and ``participants``;
``base`` holds what they share.

Top-level services are ``@transaction.atomic(durable=True)``; the helpers they share
(``application_lock``, ``application_move``, ``*_locked``) run inside them. Side effects
(e-mails) happen after commit. Callers import from ``cohorts.services``: every public
name is re-exported here by name."""

from semilla.errors import ServiceError

from .applications import (
    SavedStep,
    application_assert_editable,
    application_missing,
    application_problems,
    application_save_step,
    application_start,
    application_submit,
    application_transition,
    application_withdraw,
    application_withdraw_locked,
)
from .base import (
    S,
    SeatsFull,
    application_lock,
    application_move,
)
from .decisions import (
    DECIDABLE,
    applications_decide,
    applications_shortlist,
    decisions_release,
    offer_confirm,
    offer_decline,
    offers_expire,
    waitlist_promote,
    waitlist_promote_locked,
)
from .documents import (
    CheckedUpload,
    check_upload,
    document_add,
    document_remove,
    purge_identity_documents,
)
from .participants import (
    application_document_checked,
    attendance_record,
    participant_set_status,
)
from .reviews import (
    DISAGREEMENT_SPREAD,
    assignment_add,
    assignment_remove,
    assignments_auto,
    conflict_blocks,
    conflict_declare,
    conflict_save,
    review_abstain,
    review_submit,
    rubric_errors,
    weighted_score,
)

__all__ = [
    "CheckedUpload",
    "DECIDABLE",
    "DISAGREEMENT_SPREAD",
    "S",
    "SavedStep",
    "SeatsFull",
    "ServiceError",
    "application_assert_editable",
    "application_document_checked",
    "application_lock",
    "application_missing",
    "application_problems",
    "application_move",
    "application_save_step",
    "application_start",
    "application_submit",
    "application_transition",
    "application_withdraw",
    "application_withdraw_locked",
    "applications_decide",
    "applications_shortlist",
    "assignment_add",
    "assignment_remove",
    "assignments_auto",
    "attendance_record",
    "check_upload",
    "conflict_blocks",
    "conflict_declare",
    "conflict_save",
    "decisions_release",
    "document_add",
    "document_remove",
    "offer_confirm",
    "offer_decline",
    "offers_expire",
    "participant_set_status",
    "purge_identity_documents",
    "review_abstain",
    "review_submit",
    "rubric_errors",
    "waitlist_promote",
    "waitlist_promote_locked",
    "weighted_score",
]
