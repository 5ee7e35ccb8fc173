"""The finance desk's home at scale (issue 22): the fund balances are kept in the table
cache (``money.fund_balances_shown``), so a repeat view reads no ledger row whatever the
ledger's size, and any write to the ledger (a commitment, a payment, a reversal) shows in
the very next view; the three counts are read over indexes of the open items."""

from __future__ import annotations

import re

import pytest
from django.db import connection, transaction
from django.urls import reverse
from django.utils import translation

from pitchday import money
from pitchday.enums import LedgerAccount
from pitchday.models import LedgerEntry
from pitchday.selectors import grants as selectors
from pitchday.services import disbursements as pay
from semilla.templatetags.semilla_tags import money as money_filter
from tests.factories.pitchday import make_confirmed_details, make_fund, make_grant

pytestmark = pytest.mark.django_db

DESK = reverse("pitchday:desk_home")


def _ledger(fund) -> dict[str, int]:
    """The fund's balances summed here, without the read model."""
    b = dict.fromkeys(LedgerAccount.values, 0)
    for entry in LedgerEntry.objects.filter(fund=fund):
        b[entry.debit] += entry.amount
        b[entry.credit] -= entry.amount
    return {
        "total": -b[LedgerAccount.FUNDING],
        "available": b[LedgerAccount.AVAILABLE],
        "committed": b[LedgerAccount.COMMITTED],
        "paid_out": b[LedgerAccount.PAID_OUT],
    }


def _shown(client, fund) -> dict[str, str]:
    html = client.get(DESK).content.decode()
    start = html.index(f'data-testid="fund-{fund.pk}"')
    found = {}
    for key in ("total", "available", "committed", "paid_out"):
        match = re.compile(rf'data-money="{key}">([^<]*)<').search(html, start)
        assert match is not None, key
        found[key] = match.group(1)
    return found


def _expected(fund) -> dict[str, str]:
    with translation.override("es"):
        return {k: money_filter(v, fund.currency) for k, v in _ledger(fund).items()}


def _warm(client) -> None:
    """Two views: the first learns the tables the balances read, the second stores them."""
    client.get(DESK)
    client.get(DESK)


def _paid(grant, staff, finance):
    make_confirmed_details(grant.grantee)
    tranche = grant.tranches.order_by("number").first()
    requested = pay.disbursement_request(tranche=tranche, actor=staff)
    pay.disbursement_approve(disbursement=requested, actor=finance)
    pay.disbursement_execute(disbursement_id=requested.pk)
    return pay.disbursement_record_payment(
        disbursement=requested, actor=finance, reference="NEQUI-1"
    )


@pytest.mark.parametrize("grants", [1, 12])
def test_desk_home_repeat_view_reads_no_ledger_row_whatever_the_ledger_size(
    grants, client_for, finance_user, django_assert_num_queries
):
    fund = make_fund()
    for _ in range(grants):
        make_grant(fund=fund, amount=1_000_00)
    c = client_for(finance_user)
    _warm(c)
    with django_assert_num_queries(7) as captured:
        c.get(DESK)
    assert [q["sql"] for q in captured.captured_queries if "pitchday_ledgerentry" in q["sql"]] == []
    assert _shown(c, fund) == _expected(fund)


def test_desk_home_shows_a_new_commitment_in_the_next_view(client_for, finance_user):
    fund = make_fund()
    make_grant(fund=fund, amount=1_000_00)
    c = client_for(finance_user)
    _warm(c)
    before = _shown(c, fund)
    make_grant(fund=fund, amount=2_500_00)
    after = _shown(c, fund)
    assert after == _expected(fund)
    assert after["committed"] != before["committed"]


def test_desk_home_shows_a_payment_in_the_next_view(client_for, staff_user, finance_user):
    fund = make_fund()
    grant = make_grant(fund=fund, amount=1_000_00, accept=True, percentages=(100,))
    c = client_for(finance_user)
    _warm(c)
    before = _shown(c, fund)
    _paid(grant, staff_user, finance_user)
    after = _shown(c, fund)
    assert after == _expected(fund)
    assert (before["paid_out"], after["paid_out"]) == (
        _expected_zero(fund),
        money_in_es(1_000_00, fund.currency),
    )


def test_desk_home_shows_a_reversal_in_the_next_view(client_for, staff_user, finance_user):
    fund = make_fund()
    grant = make_grant(fund=fund, amount=1_000_00, accept=True, percentages=(100,))
    paid = _paid(grant, staff_user, finance_user)
    c = client_for(finance_user)
    _warm(c)
    assert _shown(c, fund)["paid_out"] == money_in_es(1_000_00, fund.currency)
    with transaction.atomic():
        pay.settle_from_provider(
            disbursement_id=paid.pk,
            reference="NEQUI-1",
            amount=paid.amount,
            amount_reversed=paid.amount,
            reversal_ids=("rev_1",),
            source="test",
        )
    after = _shown(c, fund)
    assert after == _expected(fund)
    assert after["paid_out"] == _expected_zero(fund)


def test_fund_balances_shown_keeps_one_value_per_set_of_funds():
    first, second = make_fund(budget=1_000_00), make_fund(budget=2_000_00)
    for _ in range(2):  # learn, then store
        assert [b.total for b in money.fund_balances_shown(fund_ids=[first.pk])] == [1_000_00]
        assert [b.total for b in money.fund_balances_shown(fund_ids=[second.pk])] == [2_000_00]
    assert [b.total for b in money.fund_balances_shown(fund_ids=[first.pk])] == [1_000_00]


def test_fund_balances_shown_equals_the_uncached_balances():
    fund = make_fund()
    make_grant(fund=fund, amount=1_000_00)
    money.fund_balances_shown()
    assert money.fund_balances_shown() == money.fund_balances()


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's query plan")
def test_desk_counts_read_an_index_of_the_open_items():
    statements = []

    def keep(execute, sql, params, many, context):
        statements.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(keep):
        selectors.desk_counts()
    plans = []
    with connection.cursor() as cursor:
        for sql, params in statements:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            plans.append(" ".join(str(row[-1]) for row in cursor.fetchall()))
    # SEARCH: the index is looked up by the open statuses, not SCANned whole (a NOT IN
    # over every status reads every entry of the same index)
    assert [
        [name for name in INDEXES if name in plan and plan.startswith("SEARCH")] for plan in plans
    ] == [[name] for name in INDEXES]
    assert ["SCAN" in plan for plan in plans] == [False, False, False]


INDEXES = ("milestone_review_idx", "disbursement_queue_idx", "recon_issue_open_idx")


def test_desk_counts_count_only_what_waits(staff_user, finance_user):
    fund = make_fund()
    _paid(
        make_grant(fund=fund, amount=1_000_00, accept=True, percentages=(100,)),
        staff_user,
        finance_user,
    )
    waiting = make_grant(fund=fund, amount=1_000_00, accept=True, percentages=(100,))
    make_confirmed_details(waiting.grantee)
    pay.disbursement_request(tranche=waiting.tranches.get(), actor=staff_user)
    assert selectors.desk_counts() == selectors.DeskCounts(milestones=0, disbursements=1, issues=0)


def money_in_es(amount: int, currency: str) -> str:
    with translation.override("es"):
        return money_filter(amount, currency)


def _expected_zero(fund) -> str:
    return money_in_es(0, fund.currency)
