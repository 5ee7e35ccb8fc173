"""The results framework: each indicator with its definition (translated: Spanish and
English), the source it is computed from, and how.

Adding an indicator is one ``Indicator(...)`` entry; it appears on the dashboard, in both
exports and on the definitions sheet."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from semilla.enums import City, PopulationGroup, Sex


class Unit(models.TextChoices):
    COUNT = "count", pgettext_lazy("indicator unit", "Number")
    PERCENT = "percent", pgettext_lazy("indicator unit", "Percentage")
    COP = "cop", pgettext_lazy("indicator unit", "Colombian pesos (COP)")
    HOURS = "hours", pgettext_lazy("indicator unit", "Hours")


@dataclass(frozen=True)
class Indicator:
    key: str
    label: object
    definition: object
    source: str
    #: the measure of the source ("rows" or one of its named measures)
    measure: str = "rows"
    unit: str = Unit.COUNT
    #: for a rate: the measure that divides ``measure`` (result in %)
    denominator: str | None = None
    #: the measure is divided by this (e.g. minutes -> hours)
    divisor: int = 1


INDICATORS: list[Indicator] = [
    Indicator(
        "applicants",
        _("Applicants"),
        _(
            "Applications submitted to a cohort in the period (a person applying to two "
            "cohorts counts in each). Drafts are not counted."
        ),
        source="applications",
    ),
    Indicator(
        "participants",
        _("Participants"),
        _("People who confirmed their seat and joined a cohort in the period."),
        source="participants",
    ),
    Indicator(
        "completion_rate",
        _("Completion rate"),
        _(
            "Participants who completed their cohort, as a share of those whose "
            "participation ended (completed or withdrew), by the date they joined."
        ),
        source="participants",
        measure="completed",
        denominator="finished",
        unit=Unit.PERCENT,
    ),
    Indicator(
        "lessons_completed",
        _("Lessons completed"),
        _(
            "Lessons of the public curriculum marked complete in the period, by people "
            "who applied to a cohort (their latest application describes them)."
        ),
        source="lessons",
    ),
    Indicator(
        "courses_completed",
        _("Courses completed"),
        _("Valid course certificates issued in the period."),
        source="certificates",
    ),
    Indicator(
        "mentoring_pairs",
        _("Mentoring pairs"),
        _(
            "Mentor-participant matches the mentor accepted, by the date they were "
            "proposed (active and ended ones)."
        ),
        source="matches",
    ),
    Indicator(
        "mentoring_sessions",
        _("Mentoring sessions"),
        _("Mentoring sessions the mentor logged as held, by the date they took place."),
        source="sessions",
    ),
    Indicator(
        "volunteer_hours",
        _("Volunteer mentoring hours"),
        _(
            "Hours volunteer mentors gave in held sessions that the mentee confirmed "
            "(the duration the mentor logged)."
        ),
        source="sessions",
        measure="minutes",
        unit=Unit.HOURS,
        divisor=60,
    ),
    Indicator(
        "pitch_participants",
        _("Pitch participants"),
        _(
            "Pitches submitted to a pitch event in the period (one per participant and "
            "event; withdrawn and draft pitches are not counted)."
        ),
        source="pitches",
    ),
    Indicator(
        "grants_awarded",
        _("Seed grants awarded"),
        _(
            "Seed grants in pesos whose agreement the grantee accepted in the period "
            "(active or completed)."
        ),
        source="grants",
    ),
    Indicator(
        "grants_awarded_cop",
        _("Seed capital awarded (COP)"),
        _(
            "Total amount in pesos of the seed grants awarded in the period (the money "
            "committed to them in the ledger)."
        ),
        source="grants",
        measure="amount",
        unit=Unit.COP,
    ),
    Indicator(
        "grants_disbursed_cop",
        _("Seed capital disbursed (COP)"),
        _(
            "Total amount in pesos paid to grantees in the period, from the ledger: "
            "payments booked minus the payments the provider reversed."
        ),
        source="disbursements",
        measure="amount",
        unit=Unit.COP,
    ),
]


def indicator(key: str) -> Indicator | None:
    return next((i for i in INDICATORS if i.key == key), None)


# --- disaggregation -------------------------------------------------------------------------

#: age bands (lower bound inclusive, upper bound exclusive; None: open)
AGE_BANDS: list[tuple[str, int, int | None]] = [
    ("18-24", 18, 25),
    ("25-34", 25, 35),
    ("35-44", 35, 45),
    ("45-59", 45, 60),
    ("60+", 60, None),
]


class DocumentStatus(models.TextChoices):
    REGULAR = "regular", _("Regular document (cédula, PPT, PEP, passport)")
    IN_PROCESS = "in_process", _("Document in process")
    NONE = "none", _("No document")


UNKNOWN = "unknown"

#: The dimensions every indicator is disaggregated by: key -> (label, value labels)
DIMENSIONS: dict[str, tuple[object, dict[str, object]]] = {
    "sex": (_("Sex"), dict(Sex.choices)),
    "age": (_("Age band"), {band: band for band, _lo, _hi in AGE_BANDS}),
    "group": (_("Population group"), dict(PopulationGroup.choices)),
    "city": (_("City"), dict(City.choices)),
    "document": (_("Document status"), dict(DocumentStatus.choices)),
}


def value_label(dimension: str, value) -> str:
    if value in (None, "", UNKNOWN):
        return str(pgettext_lazy("disaggregation", "Not stated"))
    labels = DIMENSIONS[dimension][1]
    return str(labels.get(value, value))
