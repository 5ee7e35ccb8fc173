"""The finance desk's payments queue and reconciliation list: one page at a time (bounded
rows, constant queries with a page's worth and with many more; the payments queue writes
its access-audit rows for the payees shown only), the status filter kept from page to
page."""

import pytest
from django.db import connection
from django.db.models.signals import post_init
from django.urls import reverse

from pitchday.enums import IssueKind
from pitchday.models import Disbursement, Grant, ReconciliationIssue, Tranche
from pitchday.selectors import grants as selectors
from pitchday.services import disbursements as svc
from semilla.privacy.models import AccessAudit
from tests.factories.pitchday import (
    make_confirmed_details,
    make_fund,
    make_grant,
    make_requested_payment,
)

pytestmark = pytest.mark.django_db

PAYMENTS = reverse("pitchday:desk_disbursements")
RECONCILIATION = reverse("pitchday:desk_reconciliation")


@pytest.fixture
def small_pages(monkeypatch):
    monkeypatch.setattr(selectors, "DESK_DISBURSEMENTS_PER_PAGE", 2)
    monkeypatch.setattr(selectors, "DESK_ISSUES_PER_PAGE", 2)


def _disbursements(n, staff):
    fund = make_fund()
    for _ in range(n):
        grant = make_grant(fund=fund, accept=True)
        make_confirmed_details(grant.grantee)
        svc.disbursement_request(tranche=grant.tranches.get(number=1), actor=staff)


def _shown(response) -> int:
    return response.content.decode().count('data-testid="disbursement-status"')


def test_payments_queue_shows_one_page_oldest_first(
    client_for, finance_user, staff_user, small_pages
):
    _disbursements(3, staff_user)
    client = client_for(finance_user)
    first = client.get(PAYMENTS)
    second = client.get(PAYMENTS, {"page": 2})
    assert (_shown(first), _shown(second)) == (2, 1)
    assert "Página 1 de 2" in first.content.decode()
    assert 'href="?page=2" rel="next"' in first.content.decode()


def test_payments_queue_keeps_the_status_filter_between_pages(
    client_for, finance_user, staff_user, small_pages
):
    _disbursements(3, staff_user)
    response = client_for(finance_user).get(PAYMENTS, {"status": "requested"})
    assert _shown(response) == 2
    assert 'href="?status=requested&amp;page=2" rel="next"' in response.content.decode()


def test_payments_queue_query_count_is_constant_beyond_a_page(
    client_for, finance_user, staff_user, small_pages, django_assert_num_queries
):
    client = client_for(finance_user)
    _disbursements(2, staff_user)
    client.get(PAYMENTS)  # warm: the bell's unread count is cached after a first page
    with django_assert_num_queries(6) as full:
        client.get(PAYMENTS)
    _disbursements(4, staff_user)
    with django_assert_num_queries(len(full.captured_queries)):
        response = client.get(PAYMENTS, {"page": 2})
    assert _shown(response) == 2


def _issues(n, start=0):
    ReconciliationIssue.objects.bulk_create(
        [
            ReconciliationIssue(kind=IssueKind.AMOUNT, external_id=f"tr_{start + i}")
            for i in range(n)
        ]
    )


def test_reconciliation_shows_one_page_of_open_differences(client_for, finance_user, small_pages):
    _issues(3)
    client = client_for(finance_user)
    first = client.get(RECONCILIATION).content.decode()
    last = client.get(RECONCILIATION, {"page": 2}).content.decode()
    assert (first.count('name="resolve"'), last.count('name="resolve"')) == (2, 1)
    assert 'href="?page=2" rel="next"' in first


def test_reconciliation_query_count_is_constant_beyond_a_page(
    client_for, finance_user, small_pages, django_assert_num_queries
):
    client = client_for(finance_user)
    _issues(2)
    client.get(RECONCILIATION)
    with django_assert_num_queries(7) as full:
        client.get(RECONCILIATION)
    _issues(5, start=2)
    with django_assert_num_queries(len(full.captured_queries)):
        response = client.get(RECONCILIATION, {"page": 3})
    assert response.content.decode().count('name="resolve"') == 2


def _issues_with_payments(n, staff) -> list[str]:
    """``n`` open differences, each about a requested payment; their grants' references."""
    _disbursements(n, staff)
    payments = list(Disbursement.objects.select_related("tranche__grant").order_by("pk"))
    ReconciliationIssue.objects.bulk_create(
        [
            ReconciliationIssue(kind=IssueKind.AMOUNT, external_id=f"po_{d.pk}", disbursement=d)
            for d in payments
        ]
    )
    return [d.tranche.grant.reference for d in payments]


def test_reconciliation_shows_the_grant_of_each_difference(client_for, finance_user, staff_user):
    references = _issues_with_payments(2, staff_user)
    html = client_for(finance_user).get(RECONCILIATION).content.decode()
    assert [html.count(f"<small>{reference}</small>") for reference in references] == [1, 1]


def test_reconciliation_page_builds_no_payment_tranche_or_grant_per_row(
    client_for, finance_user, staff_user
):
    """A full page costs little more than an empty one (issue 22): the grant's reference
    comes as a column, not through three more model instances per difference."""
    _issues_with_payments(3, staff_user)
    client = client_for(finance_user)
    client.get(RECONCILIATION)
    built: list[str] = []

    def count(sender, **kwargs):
        built.append(sender.__name__)

    for model in (Disbursement, Tranche, Grant):
        post_init.connect(count, sender=model, dispatch_uid=f"count-{model.__name__}")
    try:
        response = client.get(RECONCILIATION)
    finally:
        for model in (Disbursement, Tranche, Grant):
            post_init.disconnect(sender=model, dispatch_uid=f"count-{model.__name__}")
    assert response.content.decode().count('name="resolve"') == 3
    assert built == []


def test_payments_queue_audits_only_the_payees_shown(
    client_for, finance_user, staff_user, small_pages
):
    fund = make_fund()
    payments = [make_requested_payment(staff=staff_user, fund=fund) for _ in range(3)]
    payees = [p.payout_details.user_id for p in payments]
    client = client_for(finance_user)

    def audited(**params) -> list[int]:
        before = set(AccessAudit.objects.values_list("pk", flat=True))
        response = client.get(PAYMENTS, params)
        assert response.status_code == 200
        return sorted(
            AccessAudit.objects.exclude(pk__in=before)
            .filter(actor=finance_user, reason="payments desk")
            .values_list("subject_id", flat=True)
        )

    assert audited() == sorted(payees[:2])
    assert audited(page=2) == [payees[2]]


def test_reconciliation_resolve_marks_the_difference_with_the_note(client_for, finance_user):
    _issues(2)
    first, second = ReconciliationIssue.objects.order_by("pk")
    response = client_for(finance_user).post(
        RECONCILIATION, {"resolve": str(first.pk), "note": "Pagado en dos partes"}, follow=True
    )
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.resolved_by, first.resolution_note, second.resolved_at) == (
        finance_user,
        "Pagado en dos partes",
        None,
    )
    assert "Marcada como resuelta." in response.content.decode()
    assert response.content.decode().count('name="resolve"') == 1


@pytest.mark.parametrize("value", ["abc", "", "1.5", "99999"])
def test_reconciliation_resolve_of_no_such_difference_is_not_found(client_for, finance_user, value):
    _issues(1)
    response = client_for(finance_user).post(RECONCILIATION, {"resolve": value})
    assert response.status_code == 404
    assert ReconciliationIssue.objects.filter(resolved_at__isnull=False).count() == 0


# --- the queues at scale: which index each query reads (issue 22) -------------------------


def _statements(run) -> list[tuple[str, tuple]]:
    statements = []

    def keep(execute, sql, params, many, context):
        statements.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(keep):
        run()
    return statements


def _sqlite_plan(sql, params) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        return " | ".join(str(row[-1]) for row in cursor.fetchall())


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's query plan")
def test_payments_queue_page_sorts_keys_from_the_status_index_not_joined_rows(staff_user):
    """What waits is counted and sorted in the status index alone (its entries: status,
    time of request, key); only the page's rows are then read with their joins."""
    make_requested_payment(staff=staff_user)
    count, rows = _statements(lambda: list(selectors.disbursements_page_for_desk().object_list))
    assert _sqlite_plan(*count) == (
        "SEARCH pitchday_disbursement USING COVERING INDEX disbursement_queue_idx (status=?)"
    )
    assert _sqlite_plan(*rows).startswith(
        "SEARCH pitchday_disbursement USING INTEGER PRIMARY KEY (rowid=?) | LIST SUBQUERY 1"
        " | SEARCH U0 USING COVERING INDEX disbursement_queue_idx (status=?)"
    )


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's query plan")
def test_reconciliation_count_reads_the_open_index_alone():
    """The count of open differences has none of the page's joins (they made it grow with
    every open difference): it reads the index only."""
    _issues(1)
    count, rows = _statements(lambda: list(selectors.open_reconciliation_issues_page().object_list))
    assert "JOIN" not in count[0]
    assert _sqlite_plan(*count) == (
        "SEARCH pitchday_reconciliationissue USING COVERING INDEX recon_issue_open_idx"
        " (resolved_at=?)"
    )
    assert "TEMP B-TREE" not in _sqlite_plan(*rows)
