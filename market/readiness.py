"""The loan-readiness checklist: what a lender will ask of a participant, read from her own
data (her latest survey answers on formalisation and finance, her identity documents on
file, her seed grants from the ledger's read model), each item with what to do next.

``build_checklist`` is pure (facts in, items out) and exactly tested; ``readiness_facts``
(in ``selectors``' style, a fixed number of queries) gathers the facts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cohorts.enums import DocumentKind
from cohorts.models import Application, ApplicationDocument
from outcomes.enums import ResponseStatus
from outcomes.models import Response
from pitchday import money
from pitchday.models import Grant
from pitchday.money import GrantBalance
from semilla import hooks
from semilla.enums import DocumentType

from .enums import Product
from .selectors import GRANTED

#: documents with which a lender in Colombia can identify a migrant or a Colombian
LENDER_DOCUMENTS = frozenset(
    {
        DocumentType.CEDULA,
        DocumentType.CEDULA_EXTRANJERIA,
        DocumentType.PPT,
        DocumentType.PEP,
        DocumentType.PASSPORT,
    }
)


@dataclass(frozen=True)
class Facts:
    """What Semilla knows about the person (None: never answered)."""

    document_type: str = ""
    identity_on_file: bool = False
    answered_survey: bool = False
    has_account: bool | None = None
    has_rut: bool | None = None
    has_chamber_registration: bool | None = None
    issues_invoices: bool | None = None
    pays_social_security: bool | None = None
    grants: list[GrantBalance] = field(default_factory=list)


@dataclass(frozen=True)
class Item:
    key: str
    title: Any
    done: bool
    next_step: Any
    link: str = ""
    link_label: Any = ""


def _providers(product: str = "", document: str = "") -> str:
    url = reverse("market:providers")
    params = "&".join(f"{k}={v}" for k, v in (("product", product), ("document", document)) if v)
    return f"{url}?{params}" if params else url


def _guides() -> str:
    return reverse("community:guides")


def build_checklist(facts: Facts) -> list[Item]:
    items: list[Item] = []
    has_document = facts.document_type in LENDER_DOCUMENTS or facts.identity_on_file
    help_link = hooks.help_link_for("document")
    items.append(
        Item(
            "document",
            _("An identity document a lender accepts"),
            has_document,
            _("Your cédula, PPT, PEP, passport or cédula de extranjería is what lenders ask first.")
            if has_document
            else _(
                "Apply for your PPT (it is free) or keep your passport at hand: see which "
                "providers accept each document."
            ),
            help_link.url if help_link and not has_document else _providers(),
            help_link.label if help_link and not has_document else _("Providers by document"),
        )
    )
    items.append(
        Item(
            "account",
            _("A bank account or digital wallet"),
            facts.has_account is True,
            _("Money moving through an account builds the record a lender reads.")
            if facts.has_account
            else _(
                "Open a savings account or a wallet with your document; several need only your PPT."
            ),
            _providers(Product.ACCOUNT),
            _("Providers with accounts and wallets"),
        )
    )
    for key, value, title, todo in (
        (
            "rut",
            facts.has_rut,
            _("RUT (tax registration)"),
            _("Get your RUT at the DIAN: it is free and you can do it with your PPT."),
        ),
        (
            "chamber",
            facts.has_chamber_registration,
            _("Registration with the chamber of commerce"),
            _("Register your business with the chamber of commerce of your city."),
        ),
        (
            "invoices",
            facts.issues_invoices,
            _("Sales records and invoices"),
            _(
                "Write down every sale and purchase, and issue invoices: they show what the "
                "business earns."
            ),
        ),
        (
            "social_security",
            facts.pays_social_security,
            _("Social security for your workers"),
            _("Affiliate yourself and your workers to health and pension."),
        ),
    ):
        items.append(
            Item(
                key,
                title,
                value is True,
                _("Done. Keep the certificate at hand for the lender.") if value else todo,
                _guides(),
                _("Read the guides"),
            )
        )
    received = [g for g in facts.grants if g.paid_out > 0]
    items.append(
        Item(
            "grant",
            _("A track record with money received"),
            bool(received),
            _("Your seed grant and its receipts show a lender how you use money.")
            if received
            else _("Keep the receipts of what you buy: they are your track record."),
            reverse("pitchday:grant_list"),
            _("My seed grants"),
        )
    )
    if not facts.answered_survey:
        items.append(
            Item(
                "survey",
                _("Your latest answers about the business"),
                False,
                _("Answer the programme's survey when it arrives: this list is built from it."),
            )
        )
    return items


def readiness_facts(*, user: Any) -> Facts:
    """The person's facts in at most five queries, whatever her history."""

    latest = (
        Response.objects.filter(participant__user=user, status=ResponseStatus.ANSWERED)
        .order_by("-answered_at", "-pk")
        .first()
    )
    document_type = latest.document_type if latest else ""
    if not document_type:
        document_type = (
            Application.objects.filter(user=user)
            .exclude(document_type="")
            .order_by("-pk")
            .values_list("document_type", flat=True)
            .first()
            or ""
        )
    identity = ApplicationDocument.objects.filter(
        Q(application__user=user), kind=DocumentKind.IDENTITY
    ).exists()
    grant_ids = list(
        Grant.objects.filter(grantee=user, status__in=GRANTED).values_list("pk", flat=True)
    )
    balances = money.grant_balances(grant_ids=grant_ids) if grant_ids else {}
    return Facts(
        document_type=document_type,
        identity_on_file=identity,
        answered_survey=latest is not None,
        has_account=latest.has_account if latest else None,
        has_rut=latest.has_rut if latest else None,
        has_chamber_registration=latest.has_chamber_registration if latest else None,
        issues_invoices=latest.issues_invoices if latest else None,
        pays_social_security=latest.pays_social_security if latest else None,
        grants=[balances[pk] for pk in grant_ids],
    )
