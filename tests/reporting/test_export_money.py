"""Money in the indicator exports is in pesos, as the unit column says: the ledger keeps
centavos (integer minor units), the dashboard shows pesos, and so must the CSV and XLSX."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from semilla.reporting.exports import _pesos
from tests.factories.reporting import add_grants, build_known_dataset

pytestmark = pytest.mark.django_db


def _period():
    today = timezone.localdate()
    return {
        "date_from": (today - datetime.timedelta(days=30)).isoformat(),
        "date_to": today.isoformat(),
    }


@pytest.fixture
def grants():
    # 20,000,000 pesos committed and 5,000,000 paid (tests/reporting/test_selectors.py)
    data = build_known_dataset()
    add_grants(data)
    return data


def test_csv_export_gives_seed_capital_in_pesos(grants, client_for, staff_user):
    response = client_for(staff_user).get("/admin/indicators/export.csv", _period())
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    totals = {r[0]: (r[2], r[5]) for r in rows[1:] if r[3] == "Total"}
    assert totals["grants_awarded_cop"] == ("Pesos colombianos (COP)", "20000000")
    assert totals["grants_disbursed_cop"] == ("Pesos colombianos (COP)", "5000000")
    assert totals["grants_awarded"] == ("Número", "2")


def test_xlsx_export_gives_seed_capital_in_pesos_on_every_sheet(grants, client_for, staff_user):
    client = client_for(staff_user)
    dashboard = client.get("/admin/indicators/", _period())
    assert "$ 20.000.000 COP" in dashboard.content.decode()
    book = load_workbook(io.BytesIO(client.get("/admin/indicators/export.xlsx", _period()).content))
    summary = {row[0]: row[3] for row in book["Resumen"].iter_rows(min_row=2, values_only=True)}
    by_month = {row[0]: row[2:] for row in book["Por mes"].iter_rows(min_row=2, values_only=True)}
    breakdown = {
        (row[3], row[4]): row[5]
        for row in book["Desagregación"].iter_rows(min_row=2, values_only=True)
        if row[0] == "grants_awarded_cop"
    }
    assert (summary["grants_awarded_cop"], summary["grants_disbursed_cop"]) == (
        20_000_000,
        5_000_000,
    )
    assert sum(v for v in by_month["grants_awarded_cop"] if v) == 20_000_000
    # every grant's grantee is a Venezuelan migrant in the known data set
    assert sorted(v for (dim, _c), v in breakdown.items() if dim == "Grupo poblacional") == [
        0,
        0,
        20_000_000,
    ]


def test_pesos_exact_to_the_centavo_never_a_float():
    assert _pesos(20_000_000_00) == 20_000_000
    assert type(_pesos(20_000_000_00)) is int
    assert _pesos(1_234_56) == Decimal("1234.56")
    assert _pesos(-50) == Decimal("-0.50")
    assert _pesos(Decimal("150.4")) == Decimal("1.50")
