"""Matching reviewers' declared conflicts of interest against applications.

A conflict is declared against a person (their account), a business (its name, whoever
applies with it) or a free text (a full name, a business name or an e-mail address typed
by the reviewer, for someone who has not applied yet or whose application the reviewer
cannot see, e.g. under blind review). Free text is matched when reviews are assigned,
never shown to the reviewer as a search result."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from .enums import ConflictKind
from .models import ReviewerConflict

EMAIL_PREFIX = "email:"
NAME_PREFIX = "name:"


def tokens(value: str | None) -> list[str]:
    """Lower-case words without accents: "María José PÉREZ-Gómez" -> maria jose perez gomez."""
    decomposed = unicodedata.normalize("NFKD", value or "")
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return re.findall(r"\w+", plain)


def business_key(name: str | None) -> str:
    return " ".join(tokens(name))


def text_key(text: str | None) -> str:
    """How a free text is stored for matching: an e-mail as is (case-folded), anything else
    as its words. Empty when there is nothing to match."""
    text = (text or "").strip()
    if "@" in text and " " not in text:
        return EMAIL_PREFIX + text.casefold()
    words = tokens(text)
    return NAME_PREFIX + " ".join(words) if words else ""


def text_matches(key: str, *, email: str, full_name: str, business_name: str) -> bool:
    """An e-mail matches exactly; a name matches the person's full name or the business name
    exactly, or (two words or more) when each of its words is in the person's name."""
    if key.startswith(EMAIL_PREFIX):
        return bool(email) and key.removeprefix(EMAIL_PREFIX) == email.strip().casefold()
    words = key.removeprefix(NAME_PREFIX).split()
    if not words:
        return False
    joined = " ".join(words)
    name_words = tokens(full_name)
    if joined == " ".join(name_words) or joined == business_key(business_name):
        return True
    return len(words) >= 2 and set(words) <= set(name_words)


@dataclass
class ConflictMatcher:
    """Every conflict of a set of reviewers, loaded with one query."""

    people: set[tuple[int, int]] = field(default_factory=set)
    businesses: dict[int, set[str]] = field(default_factory=lambda: defaultdict(set))
    texts: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def for_reviewers(cls, reviewer_ids: Iterable[int]) -> ConflictMatcher:
        matcher = cls()
        rows = ReviewerConflict.objects.filter(reviewer_id__in=list(reviewer_ids)).values_list(
            "reviewer_id", "kind", "applicant_id", "match_key"
        )
        for reviewer_id, kind, applicant_id, key in rows:
            matcher.add(reviewer_id, kind, applicant_id, key)
        return matcher

    def add(self, reviewer_id: int, kind: str, applicant_id: int | None, key: str) -> None:
        if kind == ConflictKind.PERSON and applicant_id is not None:
            self.people.add((reviewer_id, applicant_id))
        elif kind == ConflictKind.BUSINESS and key:
            self.businesses[reviewer_id].add(key)
        elif kind == ConflictKind.TEXT and key:
            self.texts[reviewer_id].append(key)

    def blocks(self, reviewer_id: int, application) -> bool:
        """True when ``reviewer_id`` declared a conflict that covers ``application`` (its
        ``user`` should be loaded with it)."""
        if (reviewer_id, application.user_id) in self.people:
            return True
        if business_key(application.business_name) in self.businesses.get(reviewer_id, ()):
            return True
        texts = self.texts.get(reviewer_id)
        if not texts:
            return False
        user = application.user
        return any(
            text_matches(
                key,
                email=user.email,
                full_name=user.full_name,
                business_name=application.business_name,
            )
            for key in texts
        )
