"""The personal-data registry: every model that holds data about a person, how to find
that person's rows, which fields are personal free text, which are files, and what erasure
does with them. It drives "My data" (the export), erasure and the retention tasks.

Adding a model is one entry in ``REGISTRY``. A test fails when a model that looks personal
(a link to the user model, or a field named like a name, e-mail, phone, address, document,
birth date, note, comment, bio, reason...) is neither registered nor listed in
``NOT_PERSONAL`` with the reason.

Erasure modes:
- ``ANONYMISE`` (default): the row stays (it feeds indicators or a legal record such as
  the ledger), every ``text`` field is blanked, ``replace`` fields get a neutral value,
  ``coarsen`` fields are reduced (a birth date to its year), ``files`` are deleted.
- ``DELETE``: the rows go.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.db import models
from django.db.models import Q

ANONYMISE = "anonymise"
DELETE = "delete"


@dataclass(frozen=True)
class FileSpec:
    """A file of the person's: a FileField, or a CharField holding a name in a storage
    alias (``storage``)."""

    field: str
    storage: str | None = None
    #: the field that holds the name the person gave the file (used in the ZIP)
    display: str | None = None


@dataclass(frozen=True)
class Entry:
    model: str
    #: lookups from this model to the person's user id ("pk" for the user model itself)
    person: tuple[str, ...]
    #: lookups to staff who acted on the row (their own account row is erased; the row is
    #: not theirs to export or erase)
    actors: tuple[str, ...] = ()
    text: tuple[str, ...] = ()
    files: tuple[FileSpec, ...] = ()
    erase: str = ANONYMISE
    #: field -> value to set on erasure (callable receiving the row's pk for unique values)
    replace: dict[str, Any] = field(default_factory=dict)
    #: fields reduced on erasure: "year" keeps only the year of a date
    coarsen: tuple[str, ...] = ()
    #: never included in the export (secrets, hashes)
    secret: tuple[str, ...] = ()
    #: lookups to e-mail fields matched against the person's e-mail (people without a link)
    email: tuple[str, ...] = ()
    #: why the row is kept on erasure (shown in the console and the docs)
    kept_because: str = ""

    @property
    def label(self) -> str:
        return self.model.lower()

    def get_model(self) -> type[models.Model] | None:
        try:
            return apps.get_model(self.model)
        except LookupError:
            return None

    def person_q(self, user_id: int, email: str = "") -> Q:
        query = Q()
        for lookup in self.person:
            query |= Q(**{lookup: user_id})
        if email:
            for lookup in self.email:
                query |= Q(**{f"{lookup}__iexact": email})
        if not query:
            return Q(pk__in=[])  # no way to find the person here: match nothing
        return query


def _erased_email(pk: int) -> str:
    return f"erased-{pk}@erased.invalid"


REGISTRY: list[Entry] = [
    # --- accounts (site package, allauth) ----------------------------------------------
    Entry(
        "semilla.User",
        person=("pk",),
        text=("full_name", "preferred_name"),
        replace={"email": _erased_email, "is_active": False, "password": "!erased"},
        secret=("password",),
        kept_because="the account row keeps the links that indicators count",
    ),
    Entry("account.EmailAddress", person=("user",), erase=DELETE),
    Entry(
        "account.EmailConfirmation", person=("email_address__user",), erase=DELETE, secret=("key",)
    ),
    Entry("mfa.Authenticator", person=("user",), erase=DELETE, secret=("data",)),
    Entry("wagtailusers.UserProfile", person=("user",), files=(FileSpec("avatar"),), erase=DELETE),
    Entry(
        "semilla.ConsentRecord",
        person=("user",),
        actors=("recorded_by",),
        kept_because="proof of the authorisation (Law 1581, art. 9)",
    ),
    Entry("semilla.NotificationSettings", person=("user",), text=("phone",), erase=DELETE),
    Entry("semilla.OutboxMessage", person=("user",), email=("recipient",), erase=DELETE),
    Entry("semilla.NotificationPreference", person=("user",), erase=DELETE),
    Entry("semilla.Notification", person=("user",), text=("title", "text"), erase=DELETE),
    Entry("semilla.PrimaryEmailChange", person=("user",), erase=DELETE),
    # --- privacy ----------------------------------------------------------------------------
    Entry(
        "semilla.DataRequest",
        person=("user",),
        actors=("resolved_by",),
        text=("details", "response"),
        kept_because="proof that the request was answered in time",
    ),
    Entry("semilla.DataRequestEvent", person=("request__user",), actors=("actor",), text=("note",)),
    Entry(
        "semilla.AccessAudit",
        person=("subject",),
        actors=("actor",),
        kept_because="accountability for staff access (names only fields, never values)",
    ),
    Entry("semilla.BulkAccessAlert", person=(), actors=("actor", "acknowledged_by")),
    Entry(
        "semilla.ErasureLog",
        person=("subject_ref",),
        actors=("actor",),
        kept_because="lets a restored backup be erased again",
    ),
    Entry(
        "semilla.DataExport",
        person=("user",),
        files=(FileSpec("storage_name", storage="private"),),
        erase=DELETE,
    ),
    Entry("semilla.InactivityNotice", person=("user",)),
    # --- cohorts ------------------------------------------------------------------------------
    Entry(
        "cohorts.Application",
        person=("user",),
        actors=("decided_by",),
        text=(
            "municipality",
            "phone",
            "business_name",
            "description",
            "mentoring_preferences",
            "motivation",
            "decision_feedback",
        ),
        # draft_raw: answers typed into a draft that could not be stored in their field
        replace={"nationality": "", "draft_raw": {}},
        coarsen=("birth_date",),
        kept_because="sex, age band, population group, city and document status feed "
        "the indicators",
    ),
    Entry(
        "cohorts.ApplicationStatusChange",
        person=("application__user",),
        actors=("actor",),
        text=("note",),
    ),
    Entry(
        "cohorts.ApplicationDocument",
        person=("application__user",),
        text=("display_name",),
        files=(FileSpec("storage_name", storage="private", display="display_name"),),
        replace={"deleted_at": lambda pk: datetime.datetime.now(tz=datetime.UTC)},
    ),
    # A conflict may name someone by name, business or e-mail (``text``): erasing either
    # person deletes the row, since blanking those columns would break its database check.
    Entry(
        "cohorts.ReviewerConflict",
        person=("reviewer", "applicant"),
        text=("reason",),
        email=("text",),
        erase=DELETE,
    ),
    Entry(
        "cohorts.ReviewAssignment",
        person=("application__user", "reviewer"),
        actors=("assigned_by",),
        text=("comment", "feedback", "abstain_reason"),
    ),
    Entry("cohorts.Participant", person=("user",)),
    Entry("cohorts.Attendance", person=("participant__user",), actors=("recorded_by",)),
    # --- curriculum ---------------------------------------------------------------------------
    Entry("curriculum.LessonProgress", person=("user",)),
    Entry("curriculum.QuizAttempt", person=("user",)),
    Entry(
        "curriculum.Certificate",
        person=("user",),
        actors=("revoked_by",),
        text=("recipient_name", "revoked_reason"),
    ),
    # --- mentors ------------------------------------------------------------------------------
    Entry(
        "mentors.MentorProfile",
        person=("user",),
        actors=("interviewed_by",),
        text=("headline", "bio", "conflicts", "interview_notes", "new_matches_paused_reason"),
    ),
    Entry(
        "mentors.MentorStatusChange", person=("profile__user",), actors=("actor",), text=("note",)
    ),
    Entry("mentors.MenteeAvailability", person=("participant__user",)),
    Entry(
        "mentors.ExcludedPair",
        person=("participant__user", "mentor__user"),
        actors=("created_by",),
        text=("reason",),
    ),
    Entry("mentors.MatchingRun", person=(), actors=("created_by", "published_by")),
    Entry("mentors.RunPin", person=("participant__user", "mentor__user"), actors=("created_by",)),
    Entry("mentors.ProposedMatch", person=("participant__user", "mentor__user")),
    Entry("mentors.UnmatchedParticipant", person=("participant__user",)),
    Entry("mentors.Match", person=("participant__user", "mentor__user"), text=("decline_reason",)),
    Entry(
        "mentors.MatchStatusChange",
        person=("match__participant__user", "match__mentor__user"),
        actors=("actor",),
        text=("note",),
    ),
    Entry(
        "mentors.MatchEndRequest",
        person=("match__participant__user", "match__mentor__user"),
        actors=("requested_by", "resolved_by"),
        text=("reason",),
    ),
    Entry(
        "mentors.Booking",
        person=("participant__user", "mentor__user"),
        actors=("created_by", "cancelled_by"),
        text=("location", "topic", "note", "cancel_reason"),
        kept_because="sessions and volunteer hours feed the indicators",
    ),
    Entry("mentors.CalendarFeed", person=("user",), erase=DELETE, secret=("token",)),
    Entry(
        "mentors.SessionLog",
        person=("booking__participant__user", "booking__mentor__user"),
        text=("notes", "rating_comment"),
        kept_because="held sessions and their duration feed the indicators",
    ),
    Entry(
        "mentors.ActionItem",
        person=("log__booking__participant__user", "log__booking__mentor__user"),
        text=("text",),
    ),
    Entry(
        "mentors.MentorshipGoal",
        person=("match__participant__user", "match__mentor__user"),
        actors=("created_by",),
        text=("title",),
    ),
    # --- pitchday (grants and payments) -------------------------------------------------------
    Entry(
        "pitchday.Grant",
        person=("grantee",),
        actors=("created_by",),
        text=("business_name",),
        replace={"accepted_ip": None},
        kept_because="amounts stay in the grant and ledger records",
    ),
    Entry(
        "pitchday.Milestone",
        person=("tranche__grant__grantee",),
        actors=("reviewed_by",),
        text=("report", "review_note"),
    ),
    Entry("pitchday.BudgetLine", person=("grant__grantee",), text=("description",)),
    Entry(
        "pitchday.Evidence",
        person=("milestone__tranche__grant__grantee",),
        actors=("uploaded_by",),
        text=("original_name", "description"),
        files=(FileSpec("file", display="original_name"),),
    ),
    Entry(
        "pitchday.PayoutDetails",
        person=("user",),
        actors=("confirmed_by",),
        text=("holder_name", "document_number", "bank_name", "account_number", "phone"),
        secret=("code_hash",),
        kept_because="the disbursements that used them stay in the ledger",
    ),
    Entry(
        "pitchday.PayoutDetailsUpdateRequest",
        person=("user",),
        actors=("requested_by",),
        text=("reason",),
    ),
    Entry(
        "pitchday.Disbursement",
        person=("tranche__grant__grantee",),
        actors=("requested_by", "approved_by", "recorded_by"),
        files=(FileSpec("proof"),),
        kept_because="amounts and payment references are accounting records",
    ),
    Entry(
        "pitchday.DisbursementTransition",
        person=("disbursement__tranche__grant__grantee",),
        actors=("actor",),
        text=("note",),
    ),
    Entry("pitchday.GrantEvent", person=("grant__grantee",), actors=("actor",), text=("note",)),
    Entry(
        "pitchday.Contribution",
        person=(),
        email=("sponsor_email",),
        text=("sponsor_name",),
        replace={"sponsor_email": _erased_email},
        kept_because="the contributed amount stays in the ledger",
    ),
    Entry("pitchday.ReconciliationIssue", person=(), actors=("resolved_by",)),
    # --- pitchday (pitch events) --------------------------------------------------------------
    Entry(
        "pitchday.Pitch",
        person=("participant__user",),
        text=("business_name", "summary"),
        files=(FileSpec("deck"),),
        kept_because="the pitch counts in the indicators and its scores in the results",
    ),
    Entry("pitchday.UseOfFundsItem", person=("pitch__participant__user",), text=("description",)),
    Entry("pitchday.Judge", person=("user",)),
    Entry(
        "pitchday.JudgeConflict",
        person=("judge__user", "pitch__participant__user"),
        text=("reason",),
    ),
    Entry(
        "pitchday.PitchScore",
        person=("judge__user", "pitch__participant__user"),
        kept_because="scores make up the published results",
    ),
    Entry(
        "pitchday.JudgeComment", person=("judge__user", "pitch__participant__user"), text=("text",)
    ),
    Entry(
        "pitchday.AudienceVote",
        person=("user",),
        kept_because="vote counts make up the published results",
    ),
    Entry("pitchday.Award", person=("pitch__participant__user",), actors=("confirmed_by",)),
    Entry("pitchday.EventLog", person=(), actors=("actor",)),
    # --- outcomes (surveys and alumni) --------------------------------------------------------
    Entry(
        "outcomes.Response",
        person=("participant__user",),
        actors=("recorded_by",),
        text=("story",),
        replace={"story_consent": False, "story_consent_at": None},
        kept_because="answers without the story feed the outcome indicators, like the "
        "application's sex, age band and city",
    ),
    Entry("outcomes.ResponseEvent", person=("response__participant__user",), actors=("actor",)),
    Entry(
        "outcomes.AlumniStatusChange",
        person=("alumnus__user",),
        actors=("actor",),
        text=("note",),
        erase=DELETE,
    ),
    Entry(
        "outcomes.Alumnus",
        person=("user",),
        text=("business_name", "offers", "seeks"),
        erase=DELETE,
    ),
    Entry(
        "outcomes.StoryConsent",
        person=("user",),
        actors=("withdrawn_by",),
        kept_because="proof of the consent to publish a story and of its withdrawal "
        "(Law 1581, art. 9)",
    ),
    Entry(
        "outcomes.AlumniInvitation", person=("alumnus__user",), actors=("invited_by",), erase=DELETE
    ),
    Entry("outcomes.AlumniEvent", person=(), actors=("created_by",)),
    # --- conversations (mentor-mentee messages and reports) -------------------------------
    Entry(
        "conversations.Conversation",
        person=("match__participant__user", "match__mentor__user"),
        kept_because="the other person's messages stay in the thread",
    ),
    # Only the sender's own words are theirs: erasing them removes the text and leaves a
    # "message removed" marker; the other person's messages stay.
    Entry(
        "conversations.Message",
        person=("sender",),
        text=("body",),
        replace={"body_removed": True},
        kept_because="the thread stays readable for the other person",
    ),
    Entry("conversations.ReadMark", person=("user",), erase=DELETE),
    # A report is the reporter's; the reported person is not a "person" of the row here,
    # so their data download never names who reported them (safeguarding). Staff decide
    # whether to disclose it (Report.disclose_reporter).
    Entry(
        "conversations.Report",
        person=("reporter",),
        actors=("assignee",),
        text=("text",),
        kept_because="a safeguarding record and the count of a mentor's no-shows",
    ),
    Entry(
        "conversations.ReportEvent",
        person=("report__reporter",),
        actors=("actor",),
        text=("note",),
    ),
    # --- market (showcase, interest in a business, finance referrals) ----------------------------
    Entry(
        "market.ShowcaseProfile",
        person=("user",),
        text=("business_name", "summary", "needs"),
        files=(FileSpec("photo"),),
        erase=DELETE,
    ),
    Entry(
        "market.Interest",
        person=("profile__user",),
        actors=("introduced_by",),
        text=("name", "organisation", "message"),
        # the supporter's address is theirs, not the entrepreneur's: not in her download
        secret=("email",),
        erase=DELETE,
    ),
    Entry(
        "market.InterestStatusChange",
        person=("interest__profile__user",),
        actors=("actor",),
        text=("note",),
        erase=DELETE,
    ),
    Entry(
        "market.Referral",
        person=("user",),
        actors=("created_by",),
        text=("note",),
        erase=DELETE,
    ),
    Entry(
        "market.ReferralStatusChange",
        person=("referral__user",),
        actors=("actor",),
        text=("note",),
        erase=DELETE,
    ),
    # --- community (employer partners) ------------------------------------------------------
    Entry(
        "community.EmployerPartner",
        person=("applicant",),
        email=("contact_email",),
        text=("contact_name", "contact_phone", "motivation"),
        replace={"contact_email": lambda pk: f"erased-partner-{pk}@invalid.example"},
        kept_because="the organisation's partnership (its posts, commitments, hires and "
        "orders) outlives the person who registered it; only their contact details go",
    ),
    Entry("community.PartnerStatusChange", person=(), actors=("actor",)),
    Entry("community.EmployerMembership", person=("user",), erase=DELETE),
    Entry("community.PartnerPost", person=(), actors=("created_by",)),
    Entry("community.PostStatusChange", person=(), actors=("actor",)),
    Entry("community.PostAnswer", person=("user",), text=("message", "reply"), erase=DELETE),
    Entry("community.PartnerCommitment", person=(), actors=("recorded_by",)),
    Entry(
        "community.Hire",
        person=("user",),
        actors=("recorded_by",),
        kept_because="hires are counted in the outcome indicators by cohort and city",
    ),
    Entry(
        "community.PurchaseOrder",
        person=("user",),
        actors=("recorded_by",),
        kept_because="orders and their value are counted in the outcome indicators and "
        "are the partner's commercial record",
    ),
]


@dataclass(frozen=True)
class History:
    """A table of the staff console's history that points at any record through a content
    type and an object id (log entries, revisions). When a person is erased, the rows about
    each of their registered records lose what names them: ``text`` fields are blanked,
    ``data`` fields (JSON about the change) emptied, and ``snapshot`` fields (JSON copies of
    the record) anonymised with the record's own registry entry, so the non-personal
    history stays. Who made the change (``by``) stays: it points at an account that erasure
    anonymises itself."""

    model: str
    #: FKs to ContentType naming the record's type (any of them may match)
    content_types: tuple[str, ...]
    object_id: str
    text: tuple[str, ...] = ()
    data: tuple[str, ...] = ()
    snapshot: tuple[str, ...] = ()
    by: str = "user"

    def get_model(self) -> type[models.Model] | None:
        try:
            return apps.get_model(self.model)
        except LookupError:
            return None


#: The staff console's footprint. A test fails when an installed model points at records
#: generically (a ContentType FK plus an object id) and is neither here nor in
#: ``NOT_HISTORY``.
HISTORY: list[History] = [
    History(
        "wagtailcore.ModelLogEntry",
        content_types=("content_type",),
        object_id="object_id",
        text=("label",),
        data=("data",),
    ),
    History(
        "wagtailcore.PageLogEntry",
        content_types=("content_type",),
        object_id="page_id",
        text=("label",),
        data=("data",),
    ),
    History(
        "wagtailcore.Revision",
        content_types=("content_type", "base_content_type"),
        object_id="object_id",
        text=("object_str",),
        snapshot=("content",),
    ),
    History(
        "wagtailadmin.FormState",
        content_types=("content_type",),
        object_id="object_id",
        text=("data",),
    ),
    History(
        "admin.LogEntry",
        content_types=("content_type",),
        object_id="object_id",
        text=("object_repr", "change_message"),
    ),
]

#: Generic pointers that hold nothing about a person, with the reason.
NOT_HISTORY: dict[str, str] = {
    "wagtailcore.ReferenceIndex": "links between records: ids and field paths, no content",
    "wagtailcore.WorkflowState": "a page's moderation state: ids, a status and times",
    "wagtailadmin.EditingSession": "who has a record open in the console now: ids and a time",
    "wagtailsearch.IndexEntry": "the search index; no registered model is indexed (the "
    "registry test checks it)",
    "taggit.TaggedItem": "tags of curriculum content",
}


def history() -> list[tuple[History, type[models.Model]]]:
    """Registered console histories whose model is installed."""
    result = []
    for spec in HISTORY:
        model = spec.get_model()
        if model is not None:
            result.append((spec, model))
    return result


#: Models that look personal to the heuristic but are not about a person, with the reason.
NOT_PERSONAL: dict[str, str] = {
    "pitchday.LedgerEntry": "append-only accounting record: amounts and references; the "
    "only person link is the staff member who posted it",
    "cohorts.Programme": "'name' is the programme's name",
    "cohorts.Rubric": "'name' is the rubric's name",
    "cohorts.Criterion": "'name' is the criterion's name",
    "cohorts.Cohort": "'name' is the cohort's name",
    "pitchday.Fund": "'name' is the fund's name",
    "pitchday.PitchRubric": "'name' is the rubric's name",
    "pitchday.PitchCriterion": "'name_es'/'name_en' name a scoring criterion",
    "pitchday.AwardTier": "'name' is the prize tier's name",
    "curriculum.SyllabusItem": "'note' is a note to a whole cohort about a lesson",
    "market.FinancialProvider": "'name' is a bank's, cooperative's or wallet's name",
}


def entries() -> list[tuple[Entry, type[models.Model]]]:
    """Registered entries whose model is installed."""
    result = []
    for entry in REGISTRY:
        model = entry.get_model()
        if model is not None:
            result.append((entry, model))
    return result


def entry_for(model: type[models.Model]) -> Entry | None:
    label = model._meta.label_lower
    return next((e for e in REGISTRY if e.label == label), None)


#: Field names that suggest personal data (see the registry test).
PERSONAL_FIELD_WORDS = (
    "full_name",
    "first_name",
    "last_name",
    "holder_name",
    "recipient_name",
    "sponsor_name",
    "preferred_name",
    "email",
    "phone",
    "address",
    "document_number",
    "birth",
    "note",
    "notes",
    "comment",
    "bio",
    "reason",
    "feedback",
    "motivation",
    "name",
)
