"""The dashboard and its exports: permissions (funders see aggregates only), constant
query count, exports that open with openpyxl and match the dashboard."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook

from semilla.reporting.selectors import Filters, build_report, cohort_choices
from tests.factories.reporting import bulk_applicants

pytestmark = pytest.mark.django_db

DASHBOARD = "/admin/indicators/"


def _period():
    """The last 30 days (staff; a funder's dates are ignored: the programme year)."""
    today = timezone.localdate()
    return {
        "date_from": (today - datetime.timedelta(days=30)).isoformat(),
        "date_to": today.isoformat(),
    }


@pytest.mark.parametrize(
    "url", [DASHBOARD, "/admin/indicators/export.xlsx", "/admin/indicators/export.csv"]
)
def test_indicators_anonymous_sent_to_log_in(client_for, url):
    response = client_for(None).get(url)
    assert response.status_code == 302
    assert "login" in response["Location"]


@pytest.mark.parametrize("fixture", ["entrepreneur", "mentor_user"])
def test_indicators_people_without_console_sent_to_log_in(client_for, request, fixture):
    user = request.getfixturevalue(fixture)
    for url in (DASHBOARD, "/admin/indicators/export.xlsx"):
        response = client_for(user).get(url)
        assert response.status_code == 302
        assert "login" in response["Location"]


def test_indicators_finance_refused(client_for, finance_user):
    """Wagtail answers a refused console page with a redirect to the console's home."""
    for url in (DASHBOARD, "/admin/indicators/export.xlsx"):
        response = client_for(finance_user).get(url)
        assert response.status_code == 302
        assert response["Location"] == "/admin/"


def test_indicators_staff_sees_dashboard_unsuppressed(client_for, staff_user):
    bulk_applicants(3, prefix="tres")
    response = client_for(staff_user).get(DASHBOARD, _period())
    assert response.status_code == 200
    assert response.context["report"].suppressed is False
    assert response.context["report"].get("applicants").total.display() == "3"
    assert b'data-testid="total-applicants">3<' in response.content


def test_indicators_funder_sees_only_suppressed_aggregates(client_for, funder_user):
    bulk_applicants(3, prefix="tres")
    response = client_for(funder_user).get(DASHBOARD, {**_period(), "suppress": ""})
    assert response.status_code == 200
    assert response.context["report"].suppressed is True
    assert "suppress" not in response.context["form"].fields
    assert b'data-testid="total-applicants">*<' in response.content
    assert b"tres0@example.org" not in response.content
    export = client_for(funder_user).get("/admin/indicators/export.csv", _period())
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))
    assert rows[1][:2] == ["applicants", "Postulantes"] or rows[1][0] == "applicants"
    assert rows[1][5] == "*"


def test_indicators_wrong_method_405(client_for, staff_user):
    assert client_for(staff_user).post(DASHBOARD).status_code == 405


def test_indicators_bad_dates_explained(client_for, staff_user):
    response = client_for(staff_user).get(
        DASHBOARD, {"date_from": "2026-05-01", "date_to": "2026-04-01"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["date_to"] == [
        "La fecha final no puede ser anterior a la inicial."
    ]


def test_dashboard_query_count_same_at_100_and_10000(
    client_for, staff_user, django_assert_num_queries
):
    client = client_for(staff_user)
    cohort = bulk_applicants(100, prefix="cien")
    client.get(DASHBOARD, _period())  # warm the per-process caches (menus, site)
    with CaptureQueriesContext(connection) as captured:
        client.get(DASHBOARD, _period())
    small = len(captured.captured_queries)
    assert small <= 15
    bulk_applicants(9_900, prefix="mil", cohort=cohort)
    with django_assert_num_queries(small):
        response = client.get(DASHBOARD, _period())
    assert response.context["report"].get("applicants").total.value == 10_000


def test_xlsx_export_matches_dashboard(client_for, staff_user):
    bulk_applicants(40, prefix="cuarenta")
    client = client_for(staff_user)
    dashboard = client.get(DASHBOARD, _period()).context["report"]
    response = client.get("/admin/indicators/export.xlsx", _period())
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == [
        "Resumen",
        "Desagregación",
        "Por mes",
        "Resultados",
        "Definiciones",
        "Filtros",
    ]
    summary = {row[0]: row[3] for row in book["Resumen"].iter_rows(min_row=2, values_only=True)}
    assert summary == {
        i.key: i.total.number if i.total.number is not None else None for i in dashboard.indicators
    } | {
        "completion_rate": float(dashboard.get("completion_rate").total.value),
        # the employer partners' figures (none recorded here: tests/reporting/test_partner_exports.py)
        "partner_hires": 0,
        "partner_orders": 0,
        "partner_orders_value": 0,
    }
    breakdown = [
        row
        for row in book["Desagregación"].iter_rows(min_row=2, values_only=True)
        if row[0] == "applicants" and row[3] == "Sexo"
    ]
    assert {row[4]: row[5] for row in breakdown} == {
        label: cell.value for _k, label, cell in dashboard.get("applicants").by["sex"]
    }
    definitions = list(book["Definiciones"].iter_rows(min_row=2, values_only=True))
    assert definitions[0][0] == "applicants"
    assert definitions[0][2].startswith("Postulaciones enviadas")
    assert definitions[0][3].startswith("Applications submitted")


def test_csv_export_matches_report(client_for, staff_user):
    bulk_applicants(12, prefix="doce")
    response = client_for(staff_user).get("/admin/indicators/export.csv", _period())
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    report = build_report(
        filters=Filters(**{k: datetime.date.fromisoformat(v) for k, v in _period().items()}),
        suppress=False,
        cohorts=cohort_choices(),
    )
    totals = {r[0]: r[5] for r in rows[1:] if r[3] == "Total"}
    assert totals["applicants"] == "12"
    assert totals["participants"] == str(report.get("participants").total.value)


def test_indicators_funder_picks_a_fixed_month_and_nothing_else(client_for, funder_user):
    bulk_applicants(6, prefix="seis")
    month = timezone.localdate().replace(day=1)
    end = (month + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
    response = client_for(funder_user).get(
        DASHBOARD, {"period": month.strftime("%Y-%m"), "city": "bogota", "date_from": "2020-01-01"}
    )
    assert response.status_code == 200
    # "after" picks the follow-up wave of the outcomes section: another survey wave, not a
    # narrower group of people
    assert list(response.context["form"].fields) == ["period", "breakdown", "after"]
    report = response.context["report"]
    assert report.filters == Filters(month, end)
    # six people in six cities: hiding each city still says "one each", so the total goes
    # too, and every other breakdown keeps its small cells hidden
    assert report.get("applicants").total.display() == "*"
    assert [c.display() for _k, _l, c in report.get("applicants").by["sex"]] == ["*"] * 4
    assert b'name="period"' in response.content and b'name="date_from"' not in response.content


def test_indicators_period_in_words(client_for, staff_user):
    response = client_for(staff_user).get(
        DASHBOARD, {"date_from": "2026-05-01", "date_to": "2026-05-31"}
    )
    period = response.content.decode().split('<p class="reporting-period">', 1)[1]
    assert period.split("\n", 1)[0] == "Periodo: del 1 de mayo de 2026 al 31 de mayo de 2026."
