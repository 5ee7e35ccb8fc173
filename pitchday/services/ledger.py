"""The append-only double-entry ledger. Each kind of entry has fixed accounts
(``ENTRY_ACCOUNTS``); balances are always derived by summing entries."""

from django.db.models import Q, Sum
from django.db.models.functions import Coalesce

from ..enums import ENTRY_ACCOUNTS, EntryKind, LedgerAccount
from ..models import LedgerEntry


def post_entry(
    *,
    fund,
    kind: EntryKind,
    amount: int,
    grant=None,
    disbursement=None,
    contribution=None,
    external_id: str = "",
    memo: str = "",
    actor=None,
) -> LedgerEntry:
    """Insert one balanced movement (call inside the caller's transaction).

    ``memo`` holds ids and references only (grant reference, tranche number, disbursement,
    contribution or provider ids), never a person's or sponsor's name nor any text a
    person typed: ledger rows can never be updated or deleted, so nothing in them could
    be erased (Law 1581; see docs/privacy-and-reporting.md)."""
    debit, credit = ENTRY_ACCOUNTS[EntryKind(kind)]
    return LedgerEntry.objects.create(
        fund=fund,
        kind=kind,
        debit=debit,
        credit=credit,
        amount=amount,
        currency=fund.currency,
        grant=grant,
        disbursement=disbursement,
        contribution=contribution,
        external_id=external_id,
        memo=memo[:200],
        created_by=actor,
    )


def _balance_aggregates(prefix: str = "") -> dict:
    """Sum expressions: for each account, debits minus credits."""
    exprs = {}
    for account in LedgerAccount:
        debit = Coalesce(Sum(f"{prefix}amount", filter=Q(**{f"{prefix}debit": account})), 0)
        credit = Coalesce(Sum(f"{prefix}amount", filter=Q(**{f"{prefix}credit": account})), 0)
        exprs[f"bal_{account.value}"] = debit - credit
    return exprs


def balances(*, fund=None, grant=None) -> dict[str, int]:
    """Balances of every account (debits minus credits) for a fund or one grant."""
    entries = LedgerEntry.objects.all()
    if fund is not None:
        entries = entries.filter(fund=fund)
    if grant is not None:
        entries = entries.filter(grant=grant)
    row = entries.aggregate(**_balance_aggregates())
    return {account.value: int(row[f"bal_{account.value}"]) for account in LedgerAccount}


def fund_summary(fund) -> dict[str, int]:
    """Budget (money in), available, committed and paid out for a fund."""
    b = balances(fund=fund)
    return {
        "total": -b[LedgerAccount.FUNDING],
        "available": b[LedgerAccount.AVAILABLE],
        "committed": b[LedgerAccount.COMMITTED],
        "paid_out": b[LedgerAccount.PAID_OUT],
    }


def annotate_fund_balances(queryset):
    """Funds with ``bal_<account>`` annotations (one query for any number of funds)."""
    return queryset.annotate(**_balance_aggregates("ledger_entries__"))


def grant_committed(grant) -> int:
    return balances(grant=grant)[LedgerAccount.COMMITTED]
