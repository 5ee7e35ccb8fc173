"""Data sources of the indicators: one entry per model that feeds the results framework.

A source says which rows count, which date places a row in a period, and how to reach the
application that describes the person (sex, age, population group, city, document status,
cohort) — either a path from the row to an ``Application`` or a path to the user, whose
latest submitted application is then used. Adding a source (session logs, pitch entries...)
is one ``Source(...)`` entry in ``SOURCES``; indicators then refer to it by key.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.apps import apps
from django.db.models import Count, Q, Sum


@dataclass(frozen=True)
class Source:
    key: str
    model: str
    #: date/datetime field that places a row in a period
    date: str
    #: path from the row to an Application ("" for the application itself)...
    application: str | None = None
    #: ...or to the user's id (then the person's latest submitted application describes them)
    user: str | None = None
    #: rows that count
    where: Q = field(default_factory=Q)
    #: up to two measures (name -> aggregate, or the dotted path of a function that returns
    #: one: money measures come from the money read model, ``pitchday.money``); "rows" (the
    #: number of rows) always exists
    measures: dict = field(default_factory=dict)

    def get_model(self):
        try:
            return apps.get_model(self.model)
        except LookupError:
            return None


SUBMITTED = ~Q(status="draft") & Q(submitted_at__isnull=False)

SOURCES: list[Source] = [
    Source(
        "applications", "cohorts.Application", date="submitted_at", application="", where=SUBMITTED
    ),
    Source(
        "participants",
        "cohorts.Participant",
        date="joined_at",
        application="application",
        measures={
            "completed": Count("pk", filter=Q(status="completed")),
            "finished": Count("pk", filter=Q(status__in=["completed", "withdrawn"])),
        },
    ),
    Source(
        "lessons",
        "curriculum.LessonProgress",
        date="completed_at",
        user="user",
        where=Q(completed_at__isnull=False),
    ),
    Source(
        "certificates",
        "curriculum.Certificate",
        date="issued_at",
        user="user",
        where=Q(status="valid"),
    ),
    Source(
        "matches",
        "mentors.Match",
        date="created_at",
        application="participant__application",
        where=Q(status__in=["accepted", "ended"]),
    ),
    Source(
        "sessions",
        "mentors.SessionLog",
        date="booking__starts_at",
        application="booking__participant__application",
        where=Q(outcome="held"),
        measures={"minutes": Sum("duration_minutes", filter=Q(confirmed_at__isnull=False))},
    ),
    Source(
        "pitches",
        "pitchday.Pitch",
        date="submitted_at",
        application="participant__application",
        where=Q(status="submitted"),
    ),
    # Money comes from the ledger through the money read model: a grant awarded is its
    # commitment entry (one per grant), money paid is the disbursements booked net of
    # reversals.
    Source(
        "grants",
        "pitchday.LedgerEntry",
        date="grant__accepted_at",
        user="grant__grantee",
        where=Q(kind="commitment", grant__status__in=["active", "completed"], currency="COP"),
        measures={"amount": "pitchday.money.ledger_awarded_measure"},
    ),
    Source(
        "disbursements",
        "pitchday.LedgerEntry",
        date="created_at",
        user="grant__grantee",
        where=Q(kind__in=["disbursement", "reversal"], currency="COP"),
        measures={"amount": "pitchday.money.ledger_paid_out_measure"},
    ),
]


def source(key: str) -> Source | None:
    return next((s for s in SOURCES if s.key == key), None)
