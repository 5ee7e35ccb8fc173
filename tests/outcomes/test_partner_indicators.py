"""Employer partners' hires and purchase orders in the outcome indicators: read through
``semilla.hooks.outcome_counts`` (the site package does not import community), shown on
the console's dashboard and on the funders' page, with the dashboard's small-number
suppression, a constant number of queries."""

from dataclasses import replace

import pytest
from django.urls import reverse
from django.utils import translation

from semilla.reporting.partners import build_partner_counts
from semilla.reporting.selectors import Filters
from tests.factories.cohorts import CohortFactory
from tests.factories.community import bulk_results

pytestmark = pytest.mark.django_db

DASHBOARD = "/admin/indicators/"


def _funder_url(language="es"):
    with translation.override(language):
        return reverse("reporting:funder")


def _item(report, key):
    return next(i for i in report.items if i.key == key)


def _by(item, label):
    return next(cell for name, cell in item.by if name == label)


def test_partner_counts_add_hires_and_orders_per_city():
    bulk_results(6, city="cucuta")
    bulk_results(7, city="bogota")
    bulk_results(5, city="cucuta", amount_minor=200_000_00)
    report = build_partner_counts(Filters.default(), breakdown="city", suppress=False)
    hires, orders, value = (
        _item(report, k) for k in ("partner_hires", "partner_orders", "partner_orders_value")
    )
    assert (hires.total.value, _by(hires, "Cúcuta").value, _by(hires, "Bogotá").value) == (
        13,
        6,
        7,
    )
    assert (orders.total.value, value.total.value, _by(value, "Cúcuta").value) == (
        5,
        1_000_000_00,
        1_000_000_00,
    )


def test_partner_counts_follow_the_cohort_and_city_filters():
    cohort = CohortFactory()
    bulk_results(6, city="cucuta", cohort=cohort)
    bulk_results(8, city="cucuta")
    bulk_results(9, city="bogota", cohort=cohort)
    by_cohort = build_partner_counts(
        replace(Filters.default(), cohort=cohort.pk),
        breakdown="cohort",
        suppress=False,
        cohorts={cohort.pk: cohort.name},
    )
    by_city = build_partner_counts(
        replace(Filters.default(), city="cucuta"),
        breakdown="sex",
        suppress=False,
    )
    hires = _item(by_cohort, "partner_hires")
    assert (hires.total.value, _by(hires, cohort.name).value) == (15, 15)
    assert (by_city.breakdown, _item(by_city, "partner_hires").total.value) == ("city", 14)


def test_partner_counts_hide_a_small_city_and_the_one_that_would_give_it_away():
    bulk_results(3, city="cucuta")
    bulk_results(20, city="bogota")
    bulk_results(3, city="cucuta", amount_minor=100_000_00)
    bulk_results(20, city="bogota", amount_minor=100_000_00)
    report = build_partner_counts(Filters.default(), breakdown="city", suppress=True)
    hires = _item(report, "partner_hires")
    value = _item(report, "partner_orders_value")
    assert (hires.total.suppressed, hires.total.value) == (False, 23)
    assert (_by(hires, "Cúcuta").suppressed, _by(hires, "Bogotá").suppressed) == (True, True)
    assert (_by(value, "Cúcuta").suppressed, _by(value, "Bogotá").suppressed) == (True, True)


def test_partner_counts_hide_a_small_total():
    bulk_results(4, city="cucuta")
    report = build_partner_counts(Filters.default(), breakdown="city", suppress=True)
    assert _item(report, "partner_hires").total.suppressed is True


def test_partner_counts_unsuppressed_show_small_numbers():
    bulk_results(4, city="cucuta")
    report = build_partner_counts(Filters.default(), breakdown="city", suppress=False)
    total = _item(report, "partner_hires").total
    assert (total.suppressed, total.value) == (False, 4)


def test_funder_page_shows_partner_hires_and_orders(client_for, funder_user):
    bulk_results(12, city="cucuta")
    bulk_results(6, city="cucuta", amount_minor=250_000_00)
    html = client_for(funder_user).get(_funder_url()).content.decode()
    assert 'data-testid="partner_hires">12<' in html
    assert 'data-testid="partner_orders">6<' in html
    assert 'data-testid="partner_orders_value">$ 1.500.000 COP<' in html


def test_funder_page_hides_few_partner_hires_in_words(client_for, funder_user):
    bulk_results(3, city="cucuta")
    html = client_for(funder_user).get(_funder_url("en")).content.decode()
    assert 'data-testid="partner_hires">hidden (fewer than 5)<' in html
    assert "Employer partners: hires and purchase orders" in html


def test_funder_page_without_partner_results_says_so(client_for, funder_user):
    html = client_for(funder_user).get(_funder_url()).content.decode()
    assert "No hay contrataciones ni órdenes de compra en este periodo." in html


def test_dashboard_shows_partner_hires_to_staff(client_for, staff_user):
    bulk_results(7, city="bogota")
    response = client_for(staff_user).get(DASHBOARD)
    assert 'data-testid="partner_hires">7<' in response.content.decode()


def test_funder_page_query_count_same_with_more_partner_results(
    client_for, funder_user, django_assert_max_num_queries, django_assert_num_queries, settings
):
    settings.SEMILLA_TABLE_CACHE = False  # the page's own queries, computed every time
    client = client_for(funder_user)
    bulk_results(2, city="cucuta")
    client.get(_funder_url())
    with django_assert_max_num_queries(40) as few:
        client.get(_funder_url())
    bulk_results(30, city="bogota")
    bulk_results(30, city="medellin", amount_minor=10_000_00)
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(_funder_url())


def test_dashboard_query_count_same_with_more_partner_results(
    client_for, staff_user, django_assert_max_num_queries, django_assert_num_queries, settings
):
    settings.SEMILLA_TABLE_CACHE = False  # the page's own queries, computed every time
    client = client_for(staff_user)
    bulk_results(2, city="cucuta")
    client.get(DASHBOARD)
    with django_assert_max_num_queries(100) as few:
        client.get(DASHBOARD)
    bulk_results(30, city="bogota")
    bulk_results(30, city="medellin", amount_minor=10_000_00)
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(DASHBOARD)
