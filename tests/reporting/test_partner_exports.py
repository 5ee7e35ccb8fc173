"""Employer partners' hires and purchase orders in the indicator exports (CSV and XLSX,
through ``semilla.exports``) and in the dashboard's period: exact rows, small-number
suppression at 4 and 5, the period's first and last day in the programme's time zone,
month-by-month suppression, constant queries, headers in the reader's language."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import load_workbook

from community.models import Hire
from semilla import hooks
from semilla.enums import City
from semilla.reporting.partners import build_partner_counts
from semilla.reporting.selectors import Filters
from tests.factories.community import bulk_results

pytestmark = pytest.mark.django_db

CSV_URL = "/admin/indicators/export.csv"
XLSX_URL = "/admin/indicators/export.xlsx"
MARCH = Filters(date_from=datetime.date(2026, 3, 1), date_to=datetime.date(2026, 3, 31))


def _csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def _period(start: datetime.date, end: datetime.date) -> dict:
    return {"date_from": start.isoformat(), "date_to": end.isoformat()}


def _this_month() -> dict:
    today = timezone.localdate()
    return _period(today.replace(day=1), today)


def _item(report, key):
    return next(i for i in report.items if i.key == key)


def _prefer(user, language: str) -> None:
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


def _partner_rows(rows, key):
    return [row for row in rows if row[0] == key]


# --- the CSV's rows -------------------------------------------------------------------------


def test_csv_export_partner_rows_exact(client_for, staff_user):
    bulk_results(6, city="cucuta")
    bulk_results(5, city="cucuta", amount_minor=200_000_00)
    month = timezone.localdate().strftime("%Y-%m")
    rows = _csv(client_for(staff_user).get(CSV_URL, _this_month()))
    label, unit = "Contrataciones de empresas aliadas", "Número"
    cities = [
        [
            "partner_hires",
            label,
            unit,
            "Ciudad",
            str(name),
            "6" if code == "cucuta" else "0",
        ]
        for code, name in City.choices
    ]
    assert _partner_rows(rows, "partner_hires") == [
        ["partner_hires", label, unit, "Total", "Total", "6"],
        *cities,
        ["partner_hires", label, unit, "Cohorte", "Sin dato", "6"],
        ["partner_hires", label, unit, "Mes", month, "6"],
    ]
    value = _partner_rows(rows, "partner_orders_value")
    assert (value[0][2:], value[-1][3:]) == (
        # five orders of 200,000 pesos: the export gives pesos, not the ledger's centavos
        ["Pesos colombianos (COP)", "Total", "Total", "1000000"],
        ["Mes", month, "1000000"],
    )


def test_csv_export_partner_headers_in_english(client_for, staff_user):
    bulk_results(5, city="bogota")
    _prefer(staff_user, "en")
    rows = _csv(client_for(staff_user).get(CSV_URL, _this_month()))
    assert rows[0] == ["Code", "Indicator", "Unit", "Breakdown", "Category", "Value"]
    assert _partner_rows(rows, "partner_hires")[0] == [
        "partner_hires",
        "Hires by employer partners",
        "Number",
        "Total",
        "Total",
        "5",
    ]
    assert ["City", "Bogotá", "5"] in [row[3:] for row in _partner_rows(rows, "partner_hires")]


# --- suppression: 4 hidden, 5 shown, never a 0 for a hidden figure --------------------------


def test_funder_csv_export_hides_four_partner_hires(client_for, funder_user):
    bulk_results(4, city="cucuta")
    rows = _partner_rows(_csv(client_for(funder_user).get(CSV_URL)), "partner_hires")
    assert rows[0][3:] == ["Total", "Total", "*"]
    assert ["Ciudad", "Cúcuta", "*"] in [row[3:] for row in rows]
    assert ["Ciudad", "Bogotá", "*"] in [row[3:] for row in rows]


def test_funder_csv_export_shows_five_partner_hires(client_for, funder_user):
    bulk_results(5, city="cucuta")
    rows = _partner_rows(_csv(client_for(funder_user).get(CSV_URL)), "partner_hires")
    assert rows[0][3:] == ["Total", "Total", "5"]
    assert ["Ciudad", "Cúcuta", "5"] in [row[3:] for row in rows]
    assert ["Ciudad", "Bogotá", "0"] in [row[3:] for row in rows]


def test_funder_csv_export_hides_order_value_with_four_orders(client_for, funder_user):
    bulk_results(4, city="cucuta", amount_minor=300_000_00)
    rows = _partner_rows(_csv(client_for(funder_user).get(CSV_URL)), "partner_orders_value")
    assert rows[0][3:] == ["Total", "Total", "*"]


def test_staff_csv_export_suppressed_on_request_hides_four(client_for, staff_user):
    bulk_results(4, city="cucuta")
    unsuppressed = _csv(client_for(staff_user).get(CSV_URL, _this_month()))
    suppressed = _csv(client_for(staff_user).get(CSV_URL, {**_this_month(), "suppress": "on"}))
    assert _partner_rows(unsuppressed, "partner_hires")[0][5] == "4"
    assert _partner_rows(suppressed, "partner_hires")[0][5] == "*"


# --- the XLSX -------------------------------------------------------------------------------


def test_xlsx_export_carries_partner_figures_on_every_sheet(client_for, staff_user):
    bulk_results(7, city="medellin")
    bulk_results(5, city="medellin", amount_minor=100_000_00)
    book = load_workbook(io.BytesIO(client_for(staff_user).get(XLSX_URL, _this_month()).content))
    summary = {row[0]: row[3] for row in book["Resumen"].iter_rows(min_row=2, values_only=True)}
    breakdown = {
        (row[3], row[4]): row[5]
        for row in book["Desagregación"].iter_rows(min_row=2, values_only=True)
        if row[0] == "partner_hires"
    }
    by_month = {row[0]: row[-1] for row in book["Por mes"].iter_rows(min_row=2, values_only=True)}
    definitions = {
        row[0]: row[3] for row in book["Definiciones"].iter_rows(min_row=2, values_only=True)
    }
    assert (
        summary["partner_hires"],
        summary["partner_orders"],
        summary["partner_orders_value"],
    ) == (7, 5, 500_000)  # pesos
    assert (breakdown[("Ciudad", "Medellín")], breakdown[("Cohorte", "Sin dato")]) == (7, 7)
    assert by_month["partner_orders"] == 5
    assert definitions["partner_hires"].startswith("Participants and alumni hired")


# --- the period ------------------------------------------------------------------------------


def test_partner_counts_count_first_and_last_day_of_the_period():
    bulk_results(3, city="cucuta", on=datetime.date(2026, 2, 28))
    bulk_results(5, city="cucuta", on=datetime.date(2026, 3, 1))
    bulk_results(6, city="cucuta", on=datetime.date(2026, 3, 31))
    bulk_results(4, city="cucuta", on=datetime.date(2026, 4, 1))
    bulk_results(5, city="cucuta", on=datetime.date(2026, 2, 28), amount_minor=10_000_00)
    bulk_results(7, city="cucuta", on=datetime.date(2026, 3, 31), amount_minor=10_000_00)
    report = build_partner_counts(MARCH, breakdown="city", suppress=False)
    assert [(i.key, i.total.value) for i in report.items] == [
        ("partner_hires", 11),
        ("partner_orders", 7),
        ("partner_orders_value", 70_000_00),
    ]


def test_partner_counts_use_the_hire_date_not_when_staff_recorded_it():
    """A hire on 31 March recorded at 22:00 in Bogotá (already 1 April in UTC) counts in
    March; one on 28 February recorded in March does not."""
    bulk_results(5, city="cucuta", on=datetime.date(2026, 3, 31))
    bulk_results(4, city="cucuta", on=datetime.date(2026, 2, 28))
    late = datetime.datetime(2026, 4, 1, 3, 0, tzinfo=datetime.UTC)
    Hire.objects.filter(on=datetime.date(2026, 3, 31)).update(created_at=late)
    Hire.objects.filter(on=datetime.date(2026, 2, 28)).update(
        created_at=datetime.datetime(2026, 3, 2, 15, 0, tzinfo=datetime.UTC)
    )
    march = build_partner_counts(MARCH, breakdown="city", suppress=False)
    april = build_partner_counts(
        Filters(date_from=datetime.date(2026, 4, 1), date_to=datetime.date(2026, 4, 30)),
        breakdown="city",
        suppress=False,
    )
    assert (_item(march, "partner_hires").total.value, april.has_data) == (5, False)


def test_outcome_counts_by_month_in_the_period():
    bulk_results(2, city="cucuta", on=datetime.date(2026, 3, 1))
    bulk_results(3, city="cucuta", on=datetime.date(2026, 4, 30))
    bulk_results(1, city="cucuta", on=datetime.date(2026, 5, 1))
    rows = hooks.outcome_counts(
        figure="employer_hires",
        date_from=datetime.date(2026, 3, 1),
        date_to=datetime.date(2026, 4, 30),
    )
    assert [(r.month, r.count) for r in rows] == [
        (datetime.date(2026, 3, 1), 2),
        (datetime.date(2026, 4, 1), 3),
    ]


def test_partner_period_total_hidden_when_one_of_its_months_is():
    """5 hires in March and 3 in April: the March–April total (8) would give April's 3
    back by subtraction from March's figure, so it is hidden like the other indicators'."""
    bulk_results(5, city="cucuta", on=datetime.date(2026, 3, 10))
    bulk_results(3, city="cucuta", on=datetime.date(2026, 4, 10))
    spring = Filters(date_from=datetime.date(2026, 3, 1), date_to=datetime.date(2026, 4, 30))
    hidden = build_partner_counts(spring, breakdown="city", suppress=True)
    shown = build_partner_counts(spring, breakdown="city", suppress=False)
    hires = _item(hidden, "partner_hires")
    assert (hires.total.suppressed, [c.suppressed for _m, c in hires.series]) == (
        True,
        [False, True],
    )
    assert _item(shown, "partner_hires").total.value == 8


def test_funder_page_partner_figures_follow_the_chosen_month(client_for, funder_user):
    first = timezone.localdate().replace(day=1)
    bulk_results(5, city="cucuta", on=first)
    bulk_results(3, city="cucuta", on=first - datetime.timedelta(days=1))
    with translation.override("es"):
        url = reverse("reporting:funder")
    html = client_for(funder_user).get(url, {"period": first.strftime("%Y-%m")}).content
    assert 'data-testid="partner_hires">5<' in html.decode()


def test_dashboard_partner_figures_follow_the_period(client_for, staff_user):
    bulk_results(6, city="cucuta", on=datetime.date(2026, 3, 31))
    bulk_results(9, city="cucuta", on=datetime.date(2026, 4, 1))
    response = client_for(staff_user).get(
        "/admin/indicators/", _period(datetime.date(2026, 3, 1), datetime.date(2026, 3, 31))
    )
    assert 'data-testid="partner_hires">6<' in response.content.decode()


# --- queries ---------------------------------------------------------------------------------


@pytest.mark.parametrize("url", [CSV_URL, XLSX_URL])
def test_export_query_count_same_with_more_partner_results(
    client_for, staff_user, url, django_assert_max_num_queries, django_assert_num_queries, settings
):
    settings.SEMILLA_TABLE_CACHE = False  # the export's own queries, computed every time
    client = client_for(staff_user)
    period = _period(timezone.localdate() - datetime.timedelta(days=90), timezone.localdate())
    bulk_results(2, city="cucuta")
    client.get(url, period)
    with django_assert_max_num_queries(40) as few:
        client.get(url, period)
    for days, city in ((10, "bogota"), (40, "medellin"), (70, "cali")):
        bulk_results(20, city=city, on=timezone.localdate() - datetime.timedelta(days=days))
        bulk_results(
            20,
            city=city,
            on=timezone.localdate() - datetime.timedelta(days=days),
            amount_minor=10_000_00,
        )
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(url, period)
