"""The one read model of money: every figure of money that a page, an export, a report or a
service decision shows or uses is computed here, from the append-only ledger.

Balances come from ``LedgerEntry`` rows only (debits minus credits of an account), never from
statuses (a "paid" tranche) nor from the agreed amounts of grants. Each function runs a fixed
number of queries whatever the number of funds, grants, tranches or entries: every balance
is a correlated subquery (``SELECT SUM(...) ... WHERE fund_id = outer.id``) and never a join
that multiplies rows (a join of grants and ledger entries counted each entry once per grant:
the desk showed every fund total multiplied by its number of grants).

Amounts are integers in minor units, always with their ISO 4217 currency.

tests/pitchday/test_money.py guards it: a scan fails when code outside this module sums an
amount field, and a property-based test compares every figure shown with the ledger."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import (
    BigIntegerField,
    Case,
    Count,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from semilla import table_cache

from .enums import EntryKind, LedgerAccount
from .models import Fund, Grant, LedgerEntry, Tranche

__all__ = [
    "DisbursementLedger",
    "FundBalance",
    "GrantBalance",
    "TrancheBalance",
    "UseOfFundsRow",
    "disbursement_ledger",
    "fund_balance",
    "fund_balances",
    "fund_balances_shown",
    "grant_balance",
    "grant_balances",
    "ledger_awarded_measure",
    "ledger_paid_out_measure",
    "tranche_balances",
    "use_of_funds",
]


@dataclass(frozen=True)
class FundBalance:
    """A fund's balances: ``total`` received (budget and contributions), ``available`` to
    commit, ``committed`` to grants and not yet paid, ``paid_out`` to grantees (net of
    reversals). ``total == available + committed + paid_out`` always."""

    fund: Fund
    currency: str
    total: int
    available: int
    committed: int
    paid_out: int
    grant_count: int


@dataclass(frozen=True)
class GrantBalance:
    """A grant's money: ``amount`` agreed, ``committed`` (not yet paid), ``paid_out`` (net
    of reversals) and ``released`` back to the fund when it was cancelled."""

    grant_id: int
    currency: str
    amount: int
    committed: int
    paid_out: int
    released: int

    @property
    def unpaid(self) -> int:
        return self.amount - self.paid_out


@dataclass(frozen=True)
class TrancheBalance:
    """What was paid for one tranche (disbursements booked minus reversals)."""

    tranche_id: int
    currency: str
    amount: int
    paid_out: int


@dataclass(frozen=True)
class DisbursementLedger:
    """What the ledger booked for one payment: ``booked`` (None when not booked) and the
    total ``reversed`` since."""

    disbursement_id: int
    booked: int | None
    reversed: int


@dataclass(frozen=True)
class UseOfFundsRow:
    """One planned use of a grant against the receipts the grantee uploaded for it
    (``item`` is None for receipts not assigned to a planned use)."""

    item: str | None
    planned: int
    spent: int


# --- expressions --------------------------------------------------------------------------------

_INT: BigIntegerField = BigIntegerField()


def _signed(account: LedgerAccount, prefix: str = "") -> Case:
    """+amount where the entry debits ``account``, -amount where it credits it, else 0."""
    return Case(
        When(Q(**{f"{prefix}debit": account}), then=F(f"{prefix}amount")),
        When(Q(**{f"{prefix}credit": account}), then=-F(f"{prefix}amount")),
        default=Value(0),
        output_field=_INT,
    )


def _balance(account: LedgerAccount, **link) -> Coalesce:
    """A correlated subquery: the balance of ``account`` over the entries matching ``link``
    (e.g. ``fund=OuterRef("pk")``). One row per outer row, whatever the number of entries."""
    (key,) = link
    entries = (
        LedgerEntry.objects.filter(**link)
        .order_by()
        .values(key)
        .annotate(balance=Sum(_signed(account)))
        .values("balance")
    )
    return Coalesce(Subquery(entries, output_field=_INT), Value(0), output_field=_INT)


def _released(**link) -> Coalesce:
    (key,) = link
    entries = (
        LedgerEntry.objects.filter(kind=EntryKind.RELEASE, **link)
        .order_by()
        .values(key)
        .annotate(total=Sum("amount"))
        .values("total")
    )
    return Coalesce(Subquery(entries, output_field=_INT), Value(0), output_field=_INT)


def ledger_paid_out_measure() -> Sum:
    """For reports over ledger entries: money paid to grantees, net of reversals."""
    return Sum(_signed(LedgerAccount.PAID_OUT))


def ledger_awarded_measure() -> Sum:
    """For reports over commitment entries: money committed to the grants awarded."""
    return Sum(_signed(LedgerAccount.COMMITTED))


# --- funds --------------------------------------------------------------------------------------


def _funds_annotated(funds: QuerySet[Fund]) -> QuerySet[Fund]:
    grants = (
        Grant.objects.filter(fund=OuterRef("pk"))
        .order_by()
        .values("fund")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return funds.annotate(
        m_funding=_balance(LedgerAccount.FUNDING, fund=OuterRef("pk")),
        m_available=_balance(LedgerAccount.AVAILABLE, fund=OuterRef("pk")),
        m_committed=_balance(LedgerAccount.COMMITTED, fund=OuterRef("pk")),
        m_paid_out=_balance(LedgerAccount.PAID_OUT, fund=OuterRef("pk")),
        m_grants=Coalesce(Subquery(grants, output_field=_INT), Value(0), output_field=_INT),
    )


def _fund_balance(fund: Fund) -> FundBalance:
    return FundBalance(
        fund=fund,
        currency=fund.currency,
        # the funding account is credited when money comes in: its balance is negative
        total=-int(fund.m_funding),  # type: ignore[attr-defined]
        available=int(fund.m_available),  # type: ignore[attr-defined]
        committed=int(fund.m_committed),  # type: ignore[attr-defined]
        paid_out=int(fund.m_paid_out),  # type: ignore[attr-defined]
        grant_count=int(fund.m_grants),  # type: ignore[attr-defined]
    )


def fund_balances(*, fund_ids: Iterable[int] | None = None) -> list[FundBalance]:
    """Every fund (or those of ``fund_ids``) with its balances, by name. One query."""
    funds = Fund.objects.all()
    if fund_ids is not None:
        funds = funds.filter(pk__in=list(fund_ids))
    return [_fund_balance(fund) for fund in _funds_annotated(funds).order_by("name", "pk")]


def fund_balances_shown(*, fund_ids: Iterable[int] | None = None) -> list[FundBalance]:
    """``fund_balances`` for a page to show (the finance desk's home), kept in the table
    cache (``semilla.table_cache``). Each balance sums every ledger row of its fund, linear
    in the ledger; kept, a repeat view reads no ledger row, so its cost does not grow with
    the ledger. It is exact, never stale: the value is stored under the generations of
    every table it read (funds, ledger entries, grants), and any write to one of them (a
    commitment, a payment, a reversal or a failed payment's entry, a new fund or grant)
    makes the next view compute it again; a value is never stored while the request has
    uncommitted writes. Only the first view after a write costs what the sums cost, and
    the ledger is written a few times a day against many views. Never for a decision: a
    service reads ``fund_balance`` after locking the fund."""
    ids = None if fund_ids is None else tuple(sorted(set(fund_ids)))
    return table_cache.cached("fund_balances", (ids,), lambda: fund_balances(fund_ids=ids))


def fund_balance(*, fund: Fund | int) -> FundBalance:
    """One fund's balances (one query). Read it after locking the fund when a decision
    depends on it (e.g. committing a grant)."""
    fund_id = fund if isinstance(fund, int) else fund.pk
    return _fund_balance(_funds_annotated(Fund.objects.filter(pk=fund_id)).get())


# --- grants and tranches ------------------------------------------------------------------------


def grant_balances(*, grant_ids: Iterable[int]) -> dict[int, GrantBalance]:
    """Balances of the given grants, by id (one query; a grant without entries has zeros)."""
    grants = Grant.objects.filter(pk__in=list(grant_ids)).annotate(
        m_committed=_balance(LedgerAccount.COMMITTED, grant=OuterRef("pk")),
        m_paid_out=_balance(LedgerAccount.PAID_OUT, grant=OuterRef("pk")),
        m_released=_released(grant=OuterRef("pk")),
    )
    return {
        pk: GrantBalance(
            grant_id=pk,
            currency=currency,
            amount=int(amount),
            committed=int(committed),
            paid_out=int(paid_out),
            released=int(released),
        )
        for pk, currency, amount, committed, paid_out, released in grants.values_list(
            "pk", "currency", "amount", "m_committed", "m_paid_out", "m_released"
        )
    }


def grant_balance(*, grant: Grant | int) -> GrantBalance:
    grant_id = grant if isinstance(grant, int) else grant.pk
    return grant_balances(grant_ids=[grant_id])[grant_id]


def tranche_balances(*, tranche_ids: Iterable[int]) -> dict[int, TrancheBalance]:
    """What was paid for each tranche, by id (one query)."""
    tranches = Tranche.objects.filter(pk__in=list(tranche_ids)).annotate(
        m_paid_out=_balance(LedgerAccount.PAID_OUT, disbursement__tranche=OuterRef("pk")),
    )
    return {
        pk: TrancheBalance(
            tranche_id=pk, currency=currency, amount=int(amount), paid_out=int(paid_out)
        )
        for pk, currency, amount, paid_out in tranches.values_list(
            "pk", "grant__currency", "amount", "m_paid_out"
        )
    }


def disbursement_ledger(*, disbursement_ids: Iterable[int]) -> dict[int, DisbursementLedger]:
    """What the ledger booked and reversed for each payment, by id (one query)."""
    ids = list(dict.fromkeys(disbursement_ids))
    rows = (
        LedgerEntry.objects.filter(
            disbursement__in=ids, kind__in=[EntryKind.DISBURSEMENT, EntryKind.REVERSAL]
        )
        .order_by()
        .values("disbursement_id")
        .annotate(
            booked=Sum("amount", filter=Q(kind=EntryKind.DISBURSEMENT)),
            reversed=Sum("amount", filter=Q(kind=EntryKind.REVERSAL)),
        )
        .values_list("disbursement_id", "booked", "reversed")
    )
    found = {
        pk: DisbursementLedger(
            disbursement_id=pk,
            booked=None if booked is None else int(booked),
            reversed=int(reversed_ or 0),
        )
        for pk, booked, reversed_ in rows
    }
    return {
        pk: found.get(pk, DisbursementLedger(disbursement_id=pk, booked=None, reversed=0))
        for pk in ids
    }


def use_of_funds(*, grant: Grant) -> list[UseOfFundsRow]:
    """Planned uses against the receipts uploaded for them. Reads the grant's tranches,
    milestones, evidence and budget lines, so a grant from ``_grant_queryset`` (prefetched)
    costs no query."""
    spent: dict[int | None, int] = {}
    for tranche in grant.tranches.all():
        for evidence in tranche.milestone.evidence.all():
            if evidence.amount_spent:
                key = evidence.budget_line_id
                spent[key] = spent.get(key, 0) + evidence.amount_spent
    rows = [
        UseOfFundsRow(item=line.description, planned=line.amount, spent=spent.get(line.pk, 0))
        for line in grant.budget_lines.all()
    ]
    if spent.get(None):
        rows.append(UseOfFundsRow(item=None, planned=0, spent=spent[None]))
    return rows
