"""The funders' page of their own on the public site (/es/indicadores/): same data and the
same small-cell protection as the console's dashboard, no console JavaScript, light and
readable on a phone."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from tests.factories.reporting import bulk_applicants

pytestmark = pytest.mark.django_db

BUDGET_BYTES = 150 * 1024
MAX_QUERIES = 15
ASSET = re.compile(r'<(?:link[^>]+href|script[^>]+src)="/static/([^"?]+)')


def _url(language="es"):
    from django.utils import translation

    with translation.override(language):
        return reverse("reporting:funder")


def test_funder_page_shows_hidden_figures_in_words(client_for, funder_user):
    bulk_applicants(3, prefix="tres")
    response = client_for(funder_user).get(_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["report"].suppressed is True
    assert 'data-testid="total-applicants">oculto (menos de 5)<' in html
    assert ("&lt;5" in html, ">*<" in html, "tres0@example.org" in html) == (False, False, False)


def test_funder_page_in_english_says_hidden(client_for, funder_user):
    bulk_applicants(3, prefix="tres")
    html = client_for(funder_user).get(_url("en")).content.decode()
    assert 'data-testid="total-applicants">hidden (fewer than 5)<' in html


def test_funder_page_marks_a_hidden_month_as_a_gap_with_a_note(client_for, funder_user):
    bulk_applicants(3, prefix="tres")
    response = client_for(funder_user).get(_url())
    card = next(c for c in response.context["cards"] if c["item"].key == "applicants")
    html = response.content.decode()
    assert card["hidden_months"] != []
    assert len(card["line"].gaps) == len(card["hidden_months"])
    assert html.count('class="chart-gap"') >= len(card["line"].gaps)
    assert 'data-testid="gaps-applicants">Las líneas punteadas son meses ocultos' in html


def test_funder_page_shows_figures_of_five_or_more(client_for, funder_user):
    bulk_applicants(40, prefix="cuarenta")
    response = client_for(funder_user).get(_url())
    total = response.context["report"].get("applicants").total
    assert (total.suppressed, total.value) == (False, 40)
    assert 'data-testid="total-applicants">40<' in response.content.decode()


def test_funder_page_query_count_constant_and_small(
    client_for, funder_user, django_assert_num_queries
):
    client = client_for(funder_user)
    bulk_applicants(3, prefix="pocos")
    client.get(_url())  # warm the per-process caches (content types, locales)
    with django_assert_num_queries(MAX_QUERIES, exact=False) as few:
        client.get(_url())
    bulk_applicants(30, prefix="muchos")
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(_url())


def test_funder_page_first_load_weighs_at_most_150_kb(client_for, funder_user):
    """The HTML plus every stylesheet and script it loads (no console JavaScript)."""
    bulk_applicants(40, prefix="peso")
    html = client_for(funder_user).get(_url()).content.decode()
    assets = ASSET.findall(html)
    sizes = {name: Path(finders.find(name)).stat().st_size for name in assets}
    assert [name for name in assets if "wagtail" in name or "admin" in name] == []
    assert len(html.encode()) + sum(sizes.values()) <= BUDGET_BYTES


def test_funder_page_chart_labels_are_at_least_14_px():
    css = Path(finders.find("css/reporting.css")).read_text()
    rule = re.search(r"\.funder-page \.chart-label \{ font-size: (\d+)px; \}", css)
    assert rule is not None
    assert int(rule.group(1)) >= 14


@pytest.mark.parametrize("fixture", ["entrepreneur", "finance_user", "mentor_user"])
def test_funder_page_refuses_people_without_the_role(client_for, request, fixture):
    assert client_for(request.getfixturevalue(fixture)).get(_url()).status_code == 403


def test_funder_page_sends_anonymous_to_log_in(client_for):
    response = client_for(None).get(_url())
    assert (response.status_code, "/accounts/login/?next=" in response["Location"]) == (302, True)
