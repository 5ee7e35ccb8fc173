"""Compatibility between a participant and a mentor: hard constraints and a transparent
score.

The score is a weighted sum: each component earns between 0 and its weight in whole
points (staff set the weights per cohort), and the explanation lists every component so
that the points always add up to the score. Integer arithmetic only, so the same input
gives the same score everywhere.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils import translation

from semilla.enums import MeetingMode, Sector, Skill

from .enums import Availability, Component

DEFAULT_WEIGHTS = {"needs": 40, "sector": 20, "location": 15, "availability": 15, "preferences": 10}

#: Constraint codes returned by :func:`hard_constraint`.
NO_SHARED_LANGUAGE = "no_shared_language"
CONFLICT_OF_INTEREST = "conflict_of_interest"
EXCLUDED_BY_STAFF = "excluded_by_staff"

_STOP_WORDS = frozenset(
    "para como ella ellos este esta estos estas porque pero sobre tiene tengo quiero "
    "necesito alguien mentor mentora persona negocio mucho mucha donde cuando with that "
    "this from have would like someone business about".split()
)


@dataclass(frozen=True)
class MentorFacts:
    """What scoring needs about a mentor (built from a MentorProfile)."""

    mentor_id: int
    user_id: int
    name: str
    expertise: frozenset[str]
    sectors: frozenset[str]
    languages: frozenset[str]
    city: str
    mode: str
    availability: frozenset[str]
    capacity_left: int
    conflicts: tuple[str, ...]
    keywords: frozenset[str]


@dataclass(frozen=True)
class ParticipantFacts:
    participant_id: int
    user_id: int
    name: str
    business_name: str
    city: str
    sector: str
    needs: tuple[str, ...]
    languages: frozenset[str]
    mode: str
    availability: frozenset[str]
    preference_words: frozenset[str]


def normalise_words(text: str) -> frozenset[str]:
    """Lower-case words of five letters or more, accents removed, stop words dropped."""
    plain = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    return frozenset(w for w in re.findall(r"[a-z]{5,}", plain.lower()) if w not in _STOP_WORDS)


def mentor_keywords(
    *, headline: str, bio: str, expertise: Iterable[str], sectors: Iterable[str]
) -> frozenset[str]:
    """Words a participant's stated preferences can meet: the headline, bio and the
    labels of the mentor's skills and sectors in both languages."""

    words = set(normalise_words(headline)) | set(normalise_words(bio))
    for language in ("es", "en"):
        with translation.override(language):
            for value in expertise:
                if value in Skill.values:
                    words |= normalise_words(str(Skill(value).label))
            for value in sectors:
                if value in Sector.values:
                    words |= normalise_words(str(Sector(value).label))
    return frozenset(words)


def hard_constraint(
    participant: ParticipantFacts, mentor: MentorFacts, excluded: frozenset[tuple[int, int]]
) -> str:
    """The first hard constraint the pair breaks, or "" when the pair is feasible."""
    if not participant.languages & mentor.languages:
        return NO_SHARED_LANGUAGE
    if (participant.participant_id, mentor.mentor_id) in excluded:
        return EXCLUDED_BY_STAFF
    names = {participant.name.strip().casefold(), participant.business_name.strip().casefold()}
    names.discard("")
    if any(line in names for line in mentor.conflicts):
        return CONFLICT_OF_INTEREST
    return ""


def _part(weight: int, numerator: int, denominator: int) -> int:
    """``weight * numerator / denominator`` rounded down, in whole points."""
    if denominator <= 0:
        return 0
    return (weight * min(numerator, denominator)) // denominator


def score_pair(
    participant: ParticipantFacts, mentor: MentorFacts, weights: dict[str, int]
) -> tuple[int, list[dict]]:
    """Score a feasible pair. Returns ``(score, components)`` where each component is
    ``{"code", "points", "max", "detail"}`` (detail: plain values for the template to
    label) and ``score == sum(points)``."""
    components = []

    needs = [n for n in participant.needs if n]
    covered = [n for n in needs if n in mentor.expertise]
    components.append(
        {
            "code": Component.NEEDS.value,
            "max": weights["needs"],
            "points": _part(weights["needs"], len(covered), len(needs)),
            "detail": {"covered": covered, "needed": len(needs)},
        }
    )

    sector_hit = bool(participant.sector) and participant.sector in mentor.sectors
    components.append(
        {
            "code": Component.SECTOR.value,
            "max": weights["sector"],
            "points": weights["sector"] if sector_hit else 0,
            "detail": {"sector": participant.sector, "hit": sector_hit},
        }
    )

    # City and mode: full points when they can meet the way the participant prefers.
    wants_in_person = participant.mode in (MeetingMode.IN_PERSON, "")
    mentor_in_person = mentor.mode in (MeetingMode.IN_PERSON, MeetingMode.EITHER)
    mentor_virtual = mentor.mode in (MeetingMode.VIRTUAL, MeetingMode.EITHER)
    same_city = bool(participant.city) and participant.city == mentor.city
    if same_city and mentor_in_person and participant.mode != MeetingMode.VIRTUAL:
        location, how = weights["location"], "same_city"
    elif mentor_virtual and participant.mode in (MeetingMode.VIRTUAL, MeetingMode.EITHER):
        location, how = weights["location"], "virtual"
    elif mentor_virtual and wants_in_person:
        location, how = weights["location"] // 3, "virtual_instead"
    else:
        location, how = 0, "none"
    components.append(
        {
            "code": Component.LOCATION.value,
            "max": weights["location"],
            "points": location,
            "detail": {"how": how},
        }
    )

    if participant.availability:
        overlap = sorted(participant.availability & mentor.availability)
        points = _part(weights["availability"], len(overlap), len(participant.availability))
        detail = {"overlap": overlap, "stated": True}
    else:
        overlap = sorted(mentor.availability)
        points = weights["availability"] // 2 if mentor.availability else 0
        detail = {"overlap": overlap, "stated": False}
    components.append(
        {
            "code": Component.AVAILABILITY.value,
            "max": weights["availability"],
            "points": points,
            "detail": detail,
        }
    )

    words = sorted(participant.preference_words & mentor.keywords)
    components.append(
        {
            "code": Component.PREFERENCES.value,
            "max": weights["preferences"],
            "points": _part(weights["preferences"], len(words), 2)
            if participant.preference_words
            else 0,
            "detail": {"words": words[:5]},
        }
    )
    return sum(c["points"] for c in components), components


AVAILABILITY_VALUES = frozenset(Availability.values)
