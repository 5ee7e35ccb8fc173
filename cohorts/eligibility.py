"""Eligibility rules of a cohort, as pure functions (no database), so that every refusal
can be explained in plain words and the rules can be tested exhaustively."""

import datetime
import unicodedata
from dataclasses import dataclass, field, fields

from django.utils.translation import gettext_lazy as _

from semilla.enums import METRO_AREAS, DocumentType

from .enums import VIRTUAL


def age_on(birth_date: datetime.date, day: datetime.date) -> int:
    """Whole years between ``birth_date`` and ``day``."""
    years = day.year - birth_date.year
    if (day.month, day.day) < (birth_date.month, birth_date.day):
        years -= 1
    return years


def normalise_place(name: str) -> str:
    """Lower case, no accents, single spaces: "Cúcuta " == "cucuta"."""
    decomposed = unicodedata.normalize("NFKD", name or "")
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.lower().split())


def municipality_city(municipality: str) -> str | None:
    """The programme city whose metro area includes ``municipality`` (or None)."""
    wanted = normalise_place(municipality)
    for city, places in METRO_AREAS.items():
        if wanted in {normalise_place(p) for p in places}:
            return str(city)
    return None


@dataclass(frozen=True)
class Rules:
    city: str
    min_age: int = 18
    max_age: int | None = None
    require_local: bool = True
    allowed_stages: frozenset[str] = frozenset()
    allowed_groups: frozenset[str] = frozenset()
    accepted_documents: frozenset[str] = frozenset()
    excluded_sectors: frozenset[str] = frozenset()

    @classmethod
    def for_cohort(cls, cohort) -> "Rules":
        return cls(
            city=cohort.city,
            min_age=cohort.min_age,
            max_age=cohort.max_age,
            require_local=cohort.require_local,
            allowed_stages=frozenset(cohort.allowed_stages or ()),
            allowed_groups=frozenset(cohort.allowed_groups or ()),
            accepted_documents=frozenset(cohort.accepted_documents or ()),
            excluded_sectors=frozenset(cohort.excluded_sectors or ()),
        )


@dataclass(frozen=True)
class Answers:
    birth_date: datetime.date | None
    municipality: str
    business_stage: str
    population_group: str
    document_type: str
    sector: str

    @classmethod
    def from_application(cls, application) -> "Answers":
        return cls(**{f.name: getattr(application, f.name) for f in fields(cls)})


#: The application's fields the rules read: changing one of them re-runs the rules.
ANSWER_FIELDS: frozenset[str] = frozenset(f.name for f in fields(Answers))


@dataclass(frozen=True)
class Reason:
    code: str
    message: str


@dataclass(frozen=True)
class Result:
    reasons: tuple[Reason, ...] = ()
    flags: tuple[Reason, ...] = field(default=())

    @property
    def eligible(self) -> bool:
        return not self.reasons

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(r.code for r in self.reasons)


def evaluate(rules: Rules, answers: Answers, *, today: datetime.date) -> Result:
    """Check ``answers`` against ``rules``. Every refusal comes with a plain explanation;
    a document "in process" never refuses, it only raises a flag for staff."""
    reasons: list[Reason] = []
    flags: list[Reason] = []

    if answers.birth_date is None:
        reasons.append(Reason("age_missing", str(_("Tell us your date of birth."))))
    else:
        age = age_on(answers.birth_date, today)
        if age < rules.min_age:
            reasons.append(
                Reason(
                    "too_young",
                    str(
                        _(
                            "This cohort is for people aged %(min)s or older. You can start learning "
                            "with the free course now and apply when you turn %(min)s."
                        )
                        % {"min": rules.min_age}
                    ),
                )
            )
        elif rules.max_age is not None and age > rules.max_age:
            reasons.append(
                Reason(
                    "too_old",
                    str(
                        _(
                            "This cohort is for people up to %(max)s years old. Other cohorts have no "
                            "upper age limit."
                        )
                        % {"max": rules.max_age}
                    ),
                )
            )

    if rules.require_local and rules.city != VIRTUAL:
        if municipality_city(answers.municipality) != rules.city:
            reasons.append(
                Reason(
                    "not_local",
                    str(
                        _(
                            "The sessions of this cohort are in person, so it is for people who live in "
                            "the city or its metropolitan area. Look for a cohort in your city or a "
                            "virtual one."
                        )
                    ),
                )
            )

    if rules.allowed_stages and answers.business_stage not in rules.allowed_stages:
        reasons.append(
            Reason(
                "stage",
                str(
                    _(
                        "This cohort works with businesses at another stage than yours. The free course "
                        "helps you get there, and other cohorts may fit you now."
                    )
                ),
            )
        )

    if rules.allowed_groups and answers.population_group not in rules.allowed_groups:
        reasons.append(
            Reason(
                "group",
                str(
                    _(
                        "This cohort is funded for specific communities and yours is not among them. "
                        "Other cohorts are open to everyone."
                    )
                ),
            )
        )

    if answers.document_type == DocumentType.IN_PROCESS:
        flags.append(
            Reason(
                "document_in_process",
                str(
                    _(
                        "Your document is in process: you can apply, and our team will contact you "
                        "to check it."
                    )
                ),
            )
        )
    elif answers.document_type not in rules.accepted_documents:
        reasons.append(
            Reason(
                "document",
                str(
                    _(
                        "This cohort needs one of the identity documents listed. If you have requested "
                        'one (for example the PPT), choose "in process": it does not stop you '
                        "applying."
                    )
                ),
            )
        )

    if answers.sector in rules.excluded_sectors:
        reasons.append(
            Reason(
                "sector",
                str(
                    _(
                        "This cohort's funder cannot support businesses in your sector. Other cohorts "
                        "and the free course are open to you."
                    )
                ),
            )
        )

    return Result(reasons=tuple(reasons), flags=tuple(flags))
