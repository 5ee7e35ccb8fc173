"""What makes an application's answers complete and consistent, in one place.

The step forms run these checks at "continue" and the submit service runs them again over
the stored draft ("save and continue later" stores answers as they are, without them).
Plain functions over plain values: no forms, no database."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from semilla.enums import DocumentType, PopulationGroup

from .enums import ApplicationStep, Nationality

D = DocumentType

#: The identity documents each declared migration status can hold. A Venezuelan migrant
#: holds a PPT or PEP (or a cédula de extranjería, a passport); a Colombian returnee or a
#: member of the receptor community holds a Colombian cédula. "In process" is open to all.
DOCUMENTS_BY_GROUP: dict[str, tuple[str, ...]] = {
    PopulationGroup.VENEZUELAN_MIGRANT: (
        D.PPT,
        D.PEP,
        D.CEDULA_EXTRANJERIA,
        D.PASSPORT,
        D.IN_PROCESS,
        D.NONE,
    ),
    PopulationGroup.COLOMBIAN_RETURNEE: (D.CEDULA, D.PASSPORT, D.IN_PROCESS),
    PopulationGroup.RECEPTOR_COMMUNITY: (D.CEDULA, D.CEDULA_EXTRANJERIA, D.PASSPORT, D.IN_PROCESS),
}

#: The answers each step must have before submitting.
REQUIRED: dict[str, tuple[str, ...]] = {
    ApplicationStep.ABOUT: (
        "birth_date",
        "sex",
        "population_group",
        "nationality",
        "document_type",
        "municipality",
    ),
    ApplicationStep.BUSINESS: ("business_name", "business_stage", "sector", "description"),
    ApplicationStep.NEEDS: ("needs", "languages", "preferred_mode", "motivation"),
}

#: Every answer of each step (REQUIRED and the optional ones): where a field is shown.
STEP_FIELDS: dict[str, tuple[str, ...]] = {
    ApplicationStep.ABOUT: (*REQUIRED[ApplicationStep.ABOUT], "phone"),
    ApplicationStep.BUSINESS: (*REQUIRED[ApplicationStep.BUSINESS], "employees"),
    ApplicationStep.NEEDS: (
        *REQUIRED[ApplicationStep.NEEDS],
        "availability",
        "mentoring_preferences",
    ),
}

MAX_NEEDS = 3


def documents_for(*, population_group: str, nationality: str = "") -> tuple[str, ...]:
    """The documents that fit the declared status, in the order of DocumentType; every
    document when no status is declared yet. A person with both nationalities may also
    hold a Colombian cédula."""
    allowed = set(DOCUMENTS_BY_GROUP.get(population_group, DocumentType.values))
    if nationality == Nationality.DUAL:
        allowed.add(D.CEDULA)
    return tuple(d for d in DocumentType.values if d in allowed)


def document_problem(*, population_group: str, nationality: str, document_type: str) -> str:
    """Why the document does not fit the declared status, or "" when it fits."""
    if not population_group or not document_type:
        return ""
    allowed = documents_for(population_group=population_group, nationality=nationality)
    if document_type in allowed:
        return ""
    return _(
        "“%(document)s” does not go with “%(group)s”. Choose one of: %(allowed)s. "
        "If you are waiting for your document, choose “in process”."
    ) % {
        "document": DocumentType(document_type).label,
        "group": PopulationGroup(population_group).label,
        "allowed": ", ".join(str(DocumentType(d).label) for d in allowed),
    }


def birth_date_problem(value: datetime.date | None) -> str:
    if value is None:
        return ""
    today = timezone.localdate()
    if value > today:
        return _("The date of birth cannot be in the future.")
    if value.year < today.year - 100:
        return _("Check the year of your date of birth.")
    return ""


def phone_problem(value: str) -> str:
    value = (value or "").strip()
    digits = [c for c in value if c.isdigit()]
    if value and (
        len(digits) < 7 or len(digits) > 15 or any(c not in "0123456789+ -()" for c in value)
    ):
        return _("Write a phone number with digits only, e.g. +57 300 123 4567.")
    return ""


def needs_problem(value: list[str] | None) -> str:
    if value and len(value) > MAX_NEEDS:
        return _("Choose at most three.")
    return ""


def answer_problems(step: str, values: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(field, message) for each answer of ``step`` that is present but not acceptable.
    Missing answers are not problems here (the forms' required fields and
    :func:`application_problems` say so)."""
    problems: list[tuple[str, str]] = []
    if step == ApplicationStep.ABOUT:
        for name, message in (
            ("birth_date", birth_date_problem(values.get("birth_date"))),
            ("phone", phone_problem(values.get("phone", ""))),
            (
                "document_type",
                document_problem(
                    population_group=values.get("population_group", ""),
                    nationality=values.get("nationality", ""),
                    document_type=values.get("document_type", ""),
                ),
            ),
        ):
            if message:
                problems.append((name, message))
    elif step == ApplicationStep.NEEDS:
        message = needs_problem(values.get("needs"))
        if message:
            problems.append(("needs", message))
    return problems


@dataclass(frozen=True)
class Problem:
    """One thing to fix before submitting: on which step, which answer, and why."""

    step: str
    field: str
    label: str
    message: str

    @property
    def step_label(self) -> str:
        return str(ApplicationStep(self.step).label)


def _label(application, name: str) -> str:
    return str(capfirst(application._meta.get_field(name).verbose_name))


def application_problems(application) -> list[Problem]:
    """Everything that stops ``application`` from being submitted, step by step, in the
    order of the form: answers typed but not stored, missing answers, answers that are
    not acceptable. (Documents are checked by the service, which reads the files.)"""
    problems: list[Problem] = []
    raw = application.draft_raw or {}
    for step, fields in STEP_FIELDS.items():
        values = {name: getattr(application, name) for name in fields}
        for name in fields:
            if name in raw:
                typed = raw[name]
                shown = ", ".join(typed) if isinstance(typed, list) else str(typed)
                message = _("“%(typed)s” is not a valid answer: correct it.") % {"typed": shown}
            elif name in REQUIRED[step] and values[name] in (None, "", []):
                message = _("This answer is missing.")
            else:
                continue
            problems.append(Problem(step, name, _label(application, name), message))
        problems.extend(
            Problem(step, name, _label(application, name), message)
            for name, message in answer_problems(step, values)
            if name not in raw
        )
    return problems
