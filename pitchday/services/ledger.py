"""The append-only double-entry ledger. Each kind of entry has fixed accounts
(``ENTRY_ACCOUNTS``). Balances are never stored: they are read through
``pitchday.money``, the one read model of money."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..enums import ENTRY_ACCOUNTS, EntryKind
from ..models import Contribution, Disbursement, Fund, Grant, LedgerEntry

if TYPE_CHECKING:
    from semilla.models import User


def post_entry(
    *,
    fund: Fund,
    kind: EntryKind,
    amount: int,
    grant: Grant | None = None,
    disbursement: Disbursement | None = None,
    contribution: Contribution | None = None,
    external_id: str = "",
    memo: str = "",
    actor: User | None = None,
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
