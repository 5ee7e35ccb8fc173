"""The one read model of money (issue 15, finding 9): every figure of money a page, an
export or a report shows equals the ledger's, computed here independently from the rows;
the desk and the grant pages run a constant number of queries; and no code outside
``pitchday/money.py`` sums an amount field around it."""

from __future__ import annotations

import ast
import csv
import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pitchday.enums import Currency, EntryKind, LedgerAccount, RailCode
from pitchday.models import Disbursement, Fund, Grant, LedgerEntry, Tranche
from pitchday.services import disbursements as pay
from pitchday.services import grants as grant_svc
from semilla.enums import Role
from semilla.reporting.charts import format_value
from semilla.reporting.indicators import Unit
from semilla.reporting.selectors import Cell
from semilla.templatetags.semilla_tags import money
from tests.factories.pitchday import make_confirmed_details, make_fund, make_grant

ROOT = Path(__file__).resolve().parents[2]

# --- the ledger, summed here without the read model ------------------------------------------


def _ledger_balances(entries) -> dict[str, int]:
    balances = dict.fromkeys(LedgerAccount.values, 0)
    for entry in entries:
        balances[entry.debit] += entry.amount
        balances[entry.credit] -= entry.amount
    return balances


def _expected_fund(fund: Fund) -> dict[str, int]:
    b = _ledger_balances(LedgerEntry.objects.filter(fund=fund))
    return {
        "total": -b[LedgerAccount.FUNDING],
        "available": b[LedgerAccount.AVAILABLE],
        "committed": b[LedgerAccount.COMMITTED],
        "paid_out": b[LedgerAccount.PAID_OUT],
    }


def _expected_grant(grant: Grant) -> dict[str, int]:
    b = _ledger_balances(LedgerEntry.objects.filter(grant=grant))
    return {"committed": b[LedgerAccount.COMMITTED], "paid_out": b[LedgerAccount.PAID_OUT]}


def _expected_tranche(tranche: Tranche) -> int:
    entries = LedgerEntry.objects.filter(disbursement__tranche=tranche)
    return _ledger_balances(entries)[LedgerAccount.PAID_OUT]


def _expected_cop_report() -> dict[str, int]:
    paid = awarded = 0
    for entry in LedgerEntry.objects.filter(currency=Currency.COP).select_related("grant"):
        if entry.kind == EntryKind.DISBURSEMENT:
            paid += entry.amount
        elif entry.kind == EntryKind.REVERSAL:
            paid -= entry.amount
        elif entry.kind == EntryKind.COMMITMENT and entry.grant.status in ("active", "completed"):
            awarded += entry.amount
    return {"grants_disbursed_cop": paid, "grants_awarded_cop": awarded}


def _shown(html: str, testid: str, key: str) -> str:
    """The text of the ``data-money="key"`` element inside the element ``testid``."""
    start = html.index(f'data-testid="{testid}"')
    match = re.compile(rf'data-money="{key}">([^<]*)<').search(html, start)
    assert match is not None, (testid, key)
    return match.group(1)


def _fmt(amount: int, currency: str) -> str:
    with translation.override("es"):
        return money(amount, currency)


# --- the pages and exports against the ledger --------------------------------------------------


def _check_fund_desk(client, fund: Fund) -> None:
    html = client.get(reverse("pitchday:desk_home")).content.decode()
    for key, value in _expected_fund(fund).items():
        assert _shown(html, f"fund-{fund.pk}", key) == _fmt(value, fund.currency)


def _check_grant_pages(staff_client, grantee_client, grant: Grant) -> None:
    expected = _expected_grant(grant)
    desk = staff_client.get(reverse("pitchday:desk_grant", args=[grant.reference])).content.decode()
    assert _shown(desk, "grant-money", "paid_out") == _fmt(expected["paid_out"], grant.currency)
    assert _shown(desk, "grant-money", "committed") == _fmt(expected["committed"], grant.currency)
    assert _shown(desk, "grant-money", "fund_available") == _fmt(
        _expected_fund(grant.fund)["available"], grant.currency
    )
    for tranche in grant.tranches.all():
        assert _shown(desk, f"desk-tranche-{tranche.number}", "tranche_paid") == _fmt(
            _expected_tranche(tranche), grant.currency
        )
    page = grantee_client.get(grant.get_absolute_url()).content.decode()
    paid_line = _fmt(expected["paid_out"], grant.currency)
    assert f"{paid_line} pagados de {_fmt(grant.amount, grant.currency)}" in page
    listing = grantee_client.get(reverse("pitchday:grant_list")).content.decode()
    assert f"{paid_line} pagados de {_fmt(grant.amount, grant.currency)}" in listing


def _check_use_of_funds_export(staff_client, grant: Grant) -> None:
    url = reverse("pitchday:use_of_funds_export", args=[grant.reference])
    body = staff_client.get(url).content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))[1:]
    tranche_rows = [r for r in rows if r[2].startswith("Tramo ")]
    paid = {int(re.sub(r"\D", "", r[2])): int(r[5]) for r in tranche_rows}
    assert paid == {t.number: _expected_tranche(t) for t in grant.tranches.all()}


def _check_indicators(staff_client) -> None:
    expected = _expected_cop_report()
    html = staff_client.get(reverse("reporting_dashboard")).content.decode()
    for key, value in expected.items():
        shown = re.search(rf'data-testid="total-{key}">([^<]*)<', html)
        assert shown is not None
        with translation.override("es"):
            assert shown.group(1) == format_value(Cell(value=value, base=1), Unit.COP)
    body = staff_client.get(reverse("reporting_export_csv")).content.decode("utf-8-sig")
    totals = {r[0]: r[5] for r in csv.reader(io.StringIO(body)) if r[3] == "Total"}
    # the export gives pesos (its unit column says so); the ledger keeps centavos
    assert {key: Decimal(totals[key]) * 100 for key in expected} == expected


# --- property-based: random funds, grants, tranches, payments and reversals ---------------------

GRANT = st.fixed_dictionaries(
    {
        # tranche amounts in whole units (COP is shown without cents)
        "parts": st.lists(st.integers(1, 40_000).map(lambda n: n * 100), min_size=1, max_size=3),
        "stage": st.sampled_from(["draft", "offered", "active", "cancelled"]),
        "pay": st.integers(0, 3),
        "reverse_percent": st.sampled_from([0, 0, 30, 100]),
    }
)
FUND = st.fixed_dictionaries(
    {
        "currency": st.sampled_from([Currency.COP, Currency.USD]),
        "spare": st.integers(0, 50_000).map(lambda n: n * 100),
        "grants": st.lists(GRANT, min_size=0, max_size=3),
    }
)


@pytest.fixture
def people(make_user):
    grantees = [make_user(Role.ENTREPRENEUR) for _ in range(2)]
    for grantee in grantees:
        make_confirmed_details(grantee, rail=RailCode.CASH)
    return {
        "staff": make_user(Role.STAFF),
        "approver": make_user(Role.FINANCE),
        "recorder": make_user(Role.FINANCE),
        "funder": make_user(Role.FUNDER),
        "grantees": grantees,
    }


def _pay(tranche: Tranche, people) -> Disbursement:
    disbursement = pay.disbursement_request(tranche=tranche, actor=people["staff"])
    pay.disbursement_approve(disbursement=disbursement, actor=people["approver"])
    pay.disbursement_execute(disbursement_id=disbursement.pk)
    return pay.disbursement_record_payment(
        disbursement=disbursement, actor=people["recorder"], reference=f"R-{disbursement.pk}"
    )


def _build(spec, people, number: int) -> tuple[Fund, list[Grant]]:
    staff = people["staff"]
    need = sum(sum(g["parts"]) for g in spec["grants"] if g["stage"] != "draft")
    fund = make_fund(
        budget=need + spec["spare"],
        currency=spec["currency"],
        actor=people["approver"],
        name=f"Fondo propiedad {number}",
    )
    grants = []
    for index, g in enumerate(spec["grants"]):
        grantee = people["grantees"][index % 2]
        grant = grant_svc.grant_create(
            fund=fund,
            grantee=grantee,
            business_name=f"Negocio {index}",
            amount=sum(g["parts"]),
            tranches=[grant_svc.TrancheSpec(amount, "Firma") for amount in g["parts"]],
            actor=staff,
        )
        if g["stage"] != "draft":
            grant = grant_svc.grant_offer(grant=grant, actor=staff)
        if g["stage"] in ("active", "cancelled"):
            grant = grant_svc.grant_accept_agreement(
                grant=grant, user=grantee, language="es", ip=None
            )
            paid = [_pay(t, people) for t in list(grant.tranches.order_by("number"))[: g["pay"]]]
            if paid and g["reverse_percent"]:
                first = paid[0]
                reversed_amount = first.amount // 100 * g["reverse_percent"] // 100 * 100
                if reversed_amount:
                    with transaction.atomic():
                        pay.settle_from_provider(
                            disbursement_id=first.pk,
                            reference=first.provider_reference,
                            amount=first.amount,
                            amount_reversed=reversed_amount,
                            reversal_ids=("rev-1",),
                            source="test",
                        )
        grant.refresh_from_db()
        if g["stage"] == "cancelled" and grant.status != "completed":
            grant = grant_svc.grant_cancel(grant=grant, actor=staff, note="prueba")
        grants.append(Grant.objects.select_related("fund").get(pk=grant.pk))
    return fund, grants


@pytest.mark.django_db
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(funds=st.lists(FUND, min_size=1, max_size=2))
# always tried: a partial reversal (a tranche marked paid whose money partly came back) and a
# grant cancelled after one of its tranches was paid, in a fund with several grants
@example(
    funds=[
        {
            "currency": Currency.COP,
            "spare": 500_00,
            "grants": [
                {"parts": [300_00, 200_00], "stage": "active", "pay": 2, "reverse_percent": 30},
                {"parts": [100_00, 100_00], "stage": "cancelled", "pay": 1, "reverse_percent": 0},
                {"parts": [700_00], "stage": "offered", "pay": 0, "reverse_percent": 0},
            ],
        }
    ]
)
def test_every_money_figure_shown_equals_the_ledger(funds, people, client_for):
    staff_client = client_for(people["staff"])
    funder_client = client_for(people["funder"])
    grantee_clients = {g.pk: client_for(g) for g in people["grantees"]}
    built = []
    for spec in funds:
        number = Fund.objects.count() + 1
        built.append(_build(spec, people, number))
    for fund, grants in built:
        _check_fund_desk(funder_client, fund)
        _check_fund_desk(staff_client, fund)
        for grant in grants:
            _check_grant_pages(staff_client, grantee_clients[grant.grantee_id], grant)
            _check_use_of_funds_export(staff_client, grant)
    _check_indicators(staff_client)


# --- the regression of finding 9 and constant queries -----------------------------------------


@pytest.mark.django_db
def test_fund_desk_shows_the_real_total_with_several_grants(client_for, funder_user):
    fund = make_fund(budget=300_000_000_00)
    for _ in range(3):
        make_grant(fund=fund, amount=10_000_000_00)
    html = client_for(funder_user).get(reverse("pitchday:desk_home")).content.decode()
    assert _shown(html, f"fund-{fund.pk}", "total") == "$ 300.000.000 COP"
    assert _shown(html, f"fund-{fund.pk}", "committed") == "$ 30.000.000 COP"
    assert _shown(html, f"fund-{fund.pk}", "available") == "$ 270.000.000 COP"


@pytest.mark.django_db
def test_desk_home_query_count_is_the_same_for_one_and_several_grants(
    client_for, staff_user, django_assert_num_queries, settings
):
    settings.SEMILLA_TABLE_CACHE = False  # the balances computed every time (not kept)
    c = client_for(staff_user)
    fund = make_fund()
    make_grant(fund=fund, amount=1_000_00)
    c.get(reverse("pitchday:desk_home"))
    with django_assert_num_queries(8):
        c.get(reverse("pitchday:desk_home"))
    for _ in range(3):
        make_grant(fund=fund, amount=1_000_00)
    make_grant(fund=make_fund(), amount=1_000_00)
    with django_assert_num_queries(8):
        c.get(reverse("pitchday:desk_home"))


@pytest.mark.django_db
def test_funder_desk_query_count_is_the_same_for_one_and_several_grants(
    client_for, funder_user, django_assert_num_queries, settings
):
    settings.SEMILLA_TABLE_CACHE = False  # the balances computed every time (not kept)
    c = client_for(funder_user)
    fund = make_fund()
    make_grant(fund=fund, amount=1_000_00)
    c.get(reverse("pitchday:desk_home"))
    with django_assert_num_queries(4) as one:
        c.get(reverse("pitchday:desk_home"))
    for _ in range(3):
        make_grant(fund=fund, amount=1_000_00)
    with django_assert_num_queries(len(one.captured_queries)):
        c.get(reverse("pitchday:desk_home"))


@pytest.mark.django_db
def test_desk_grant_query_count_is_the_same_for_one_and_several_tranches(
    client_for, staff_user, entrepreneur, django_assert_num_queries
):
    small = make_grant(grantee=entrepreneur, percentages=(100,))
    big = make_grant(grantee=entrepreneur, percentages=(40, 20, 20, 20))
    c = client_for(staff_user)
    c.get(reverse("pitchday:desk_grant", args=[small.reference]))
    with django_assert_num_queries(13) as one:
        c.get(reverse("pitchday:desk_grant", args=[small.reference]))
    with django_assert_num_queries(len(one.captured_queries)):
        c.get(reverse("pitchday:desk_grant", args=[big.reference]))


# --- the chokepoint: nobody sums money around the read model -----------------------------------

#: Folders of first-party code scanned (tests and migrations are not scanned).
SCANNED = ["pitchday", "cohorts", "mentors", "curriculum", "site"]
READ_MODEL = ROOT / "pitchday" / "money.py"
#: Sums of amounts that are plans checked before any money moves, not figures of money held
#: or paid: (file, function) -> why.
PLAN_CHECKS = {
    ("pitchday/services/grants.py", "grant_create_nested"): "tranches must add up to the grant",
    ("pitchday/services/events.py", "awards_save"): "awards must fit the event's budget",
    ("pitchday/services/events.py", "pitch_missing"): "items must add up to the ask",
    ("pitchday/views/events.py", "awards"): "awards allocated against the event's budget",
}
AGGREGATES = {"Sum", "Avg", "Max", "Min", "Aggregate"}


def _mentions_amount(node: ast.AST) -> bool:
    for child in ast.walk(node):
        if isinstance(child, ast.Constant) and isinstance(child.value, str):
            if "amount" in child.value:
                return True
        if isinstance(child, ast.Attribute) and "amount" in child.attr:
            return True
        if isinstance(child, ast.Name) and "amount" in child.id:
            return True
    return False


def _bypasses(source: str, relative: str) -> list[str]:
    tree = ast.parse(source)
    found = []

    def visit(node: ast.AST, function: str) -> None:
        for child in ast.iter_child_nodes(node):
            name = function
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                name = child.name
            if isinstance(child, ast.Call):
                func = child.func
                called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
                orm = called in AGGREGATES
                python = called == "sum" and (relative, function) not in PLAN_CHECKS
                if (orm or python) and any(_mentions_amount(a) for a in child.args):
                    found.append(f"{relative}:{child.lineno} {called}(...) in {function}")
            visit(child, name)

    visit(tree, "<module>")
    return found


def _first_party_files():
    for folder in SCANNED:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if "migrations" in path.parts or path == READ_MODEL:
                continue
            yield path


def test_no_money_is_summed_outside_the_read_model():
    bypasses = [
        b
        for path in _first_party_files()
        for b in _bypasses(path.read_text(encoding="utf-8"), path.relative_to(ROOT).as_posix())
    ]
    assert bypasses == []


def test_the_scan_catches_a_sum_of_amounts():
    """The scan itself works: the kinds of code that caused finding 9 are caught."""
    sample = (
        "from django.db.models import Sum\n"
        "def desk():\n"
        "    Fund.objects.annotate(paid=Sum('ledger_entries__amount'))\n"
        "    return sum(t.amount for t in tranches)\n"
    )
    assert _bypasses(sample, "pitchday/views/sample.py") == [
        "pitchday/views/sample.py:3 Sum(...) in desk",
        "pitchday/views/sample.py:4 sum(...) in desk",
    ]


def test_templates_show_money_only_from_the_read_model():
    """Templates format money with the ``money`` filter; a sum computed in a template
    (``|add`` on amounts) would go around the read model."""
    offenders = []
    for folder in SCANNED:
        for path in (ROOT / folder).rglob("*.html"):
            text = path.read_text(encoding="utf-8")
            offenders += [
                f"{path.relative_to(ROOT)}: {m.group(0)}"
                for m in re.finditer(r"\{\{[^}]*amount[^}]*\|add:[^}]*\}\}", text)
            ]
    assert offenders == []
