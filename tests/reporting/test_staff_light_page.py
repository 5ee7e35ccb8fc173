"""Programme staff's light version of the indicator dashboard, on the public site's layout
at the funders' address (reporting:funder): the console's filters and figures, the
"show small cells" choice, links to the exports and to the console; funders keep their own
page, always suppressed, whatever they put in the address."""

import csv
import io
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from django.utils import translation

from semilla.enums import Role
from semilla.reporting.forms import FiltersForm, PeriodForm
from tests.factories import make_user
from tests.factories.reporting import bulk_applicants

pytestmark = pytest.mark.django_db

BUDGET_BYTES = 150 * 1024
ASSET = re.compile(r'<(?:link[^>]+href|script[^>]+src)="/static/([^"?]+)')
HIDDEN_ES = 'data-testid="total-applicants">oculto (menos de 5)<'


def _url(language="es"):
    with translation.override(language):
        return reverse("reporting:funder")


def test_light_page_staff_sees_the_staff_view_unsuppressed(client_for, staff_user):
    bulk_applicants(3, prefix="tres")
    response = client_for(staff_user).get(_url())
    html = response.content.decode()
    form = response.context["form"]
    assert (response.status_code, response.templates[0].name) == (200, "reporting/staff_light.html")
    assert (type(form), "suppress" in form.fields, response.context["report"].suppressed) == (
        FiltersForm,
        True,
        False,
    )
    assert 'data-testid="total-applicants">3<' in html
    assert "<h1>Indicadores</h1>" in html
    assert "<title>Indicadores" in html


def test_light_page_staff_filters_by_cohort(client_for, staff_user):
    seven = bulk_applicants(7, prefix="siete")
    bulk_applicants(12, prefix="doce")
    response = client_for(staff_user).get(_url(), {"cohort": seven.pk})
    choices = dict(response.context["form"].fields["cohort"].choices)
    assert (choices[seven.pk], response.context["report"].filters.cohort) == (seven.name, seven.pk)
    assert response.context["report"].get("applicants").total.value == 7
    assert 'data-testid="total-applicants">7<' in response.content.decode()
    assert f'<option value="{seven.pk}" selected>' in response.content.decode()


def test_light_page_staff_hiding_small_cells_says_why_in_words(client_for, staff_user):
    bulk_applicants(3, prefix="tres")
    response = client_for(staff_user).get(_url(), {"suppress": "on"})
    assert response.context["report"].suppressed is True
    assert HIDDEN_ES in response.content.decode()


def test_light_page_superuser_sees_the_staff_view(client_for):
    bulk_applicants(3, prefix="tres")
    boss = make_user(is_superuser=True, is_staff=True)
    response = client_for(boss).get(_url())
    assert (type(response.context["form"]), response.context["report"].suppressed) == (
        FiltersForm,
        False,
    )


@pytest.mark.parametrize(
    "params",
    [
        {"suppress": "0"},
        {"suppress": "on"},
        {"suppress": ""},
        {"cohort": "COHORT", "city": "cali", "date_from": "2000-01-01"},
    ],
)
def test_light_page_funder_never_sees_a_small_cell(client_for, funder_user, params):
    cohort = bulk_applicants(3, prefix="tres")
    params = {k: (str(cohort.pk) if v == "COHORT" else v) for k, v in params.items()}
    response = client_for(funder_user).get(_url(), params)
    html = response.content.decode()
    assert (type(response.context["form"]), response.context["report"].suppressed) == (
        PeriodForm,
        True,
    )
    assert response.templates[0].name == "reporting/funder.html"
    assert HIDDEN_ES in html
    assert 'data-testid="total-applicants">3<' not in html
    assert ("export.csv" in html, 'name="cohort"' in html, 'name="suppress"' in html) == (
        False,
        False,
        False,
    )


def test_light_page_staff_links_carry_the_query(client_for, staff_user):
    cohort = bulk_applicants(7, prefix="siete")
    html = client_for(staff_user).get(_url(), {"cohort": cohort.pk, "breakdown": "city"})
    html = html.content.decode()
    query = f"cohort={cohort.pk}&amp;breakdown=city"
    assert f'href="/admin/indicators/export.csv?{query}"' in html
    assert f'href="/admin/indicators/export.xlsx?{query}"' in html
    assert f'href="/admin/indicators/?{query}"' in html


def test_light_page_staff_export_has_the_page_figures(client_for, staff_user):
    seven = bulk_applicants(7, prefix="siete")
    bulk_applicants(12, prefix="doce")
    client = client_for(staff_user)
    page = client.get(_url(), {"cohort": seven.pk}).context["report"]
    export = client.get("/admin/indicators/export.csv", {"cohort": seven.pk})
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))
    total = next(row for row in rows if row[0] == "applicants")
    assert (page.get("applicants").total.value, total[5]) == (7, "7")


def test_console_dashboard_links_to_the_light_page_with_its_query(client_for, staff_user):
    cohort = bulk_applicants(3, prefix="tres")
    response = client_for(staff_user).get("/admin/indicators/", {"cohort": cohort.pk})
    assert f'href="/es/indicadores/?cohort={cohort.pk}" data-testid="light-version"' in (
        response.content.decode()
    )


def test_light_page_in_english_is_indicators(client_for, staff_user):
    bulk_applicants(3, prefix="tres")
    html = client_for(staff_user).get(_url("en"), {"suppress": "on"}).content.decode()
    assert "<h1>Indicators</h1>" in html
    assert 'data-testid="total-applicants">hidden (fewer than 5)<' in html
    assert "Open the dashboard in the staff console" in html


def test_my_space_of_staff_links_to_the_light_page(client_for, staff_user):
    with translation.override("es"):
        url = reverse("semilla:dashboard")
    html = client_for(staff_user).get(url).content.decode()
    assert 'href="/es/indicadores/" data-testid="indicators-light"' in html


@pytest.mark.parametrize("role", [Role.FUNDER, Role.ENTREPRENEUR, Role.FINANCE])
def test_my_space_of_others_has_no_staff_indicators_link(client_for, role):
    with translation.override("es"):
        url = reverse("semilla:dashboard")
    html = client_for(make_user(role)).get(url).content.decode()
    assert 'data-testid="indicators-light"' not in html
    assert "/admin/indicators/" not in html


def test_my_space_of_a_funder_links_to_their_indicators(client_for):
    """A funder's way to their page: "Mi espacio" links to it (and not to the console)."""
    with translation.override("es"):
        url = reverse("semilla:dashboard")
    html = client_for(make_user(Role.FUNDER)).get(url).content.decode()
    assert html.count('href="/es/indicadores/" data-testid="indicators-funder"') == 1
    assert "Los indicadores del programa" in html


@pytest.mark.parametrize("role", [Role.ENTREPRENEUR, Role.FINANCE, Role.MENTOR])
def test_my_space_of_people_without_indicators_has_no_link_to_them(client_for, role):
    with translation.override("es"):
        url = reverse("semilla:dashboard")
    html = client_for(make_user(role)).get(url).content.decode()
    assert "/es/indicadores/" not in html


@pytest.mark.parametrize("fixture", ["entrepreneur", "mentor_user", "finance_user"])
def test_light_page_refuses_people_without_the_role(client_for, request, fixture):
    assert client_for(request.getfixturevalue(fixture)).get(_url()).status_code == 403


def test_light_page_sends_anonymous_to_log_in(client_for):
    response = client_for(None).get(_url(), {"suppress": "0"})
    assert (response.status_code, response["Location"].startswith("/es/accounts/login/?next=")) == (
        302,
        True,
    )


def test_light_page_staff_first_load_weighs_at_most_150_kb(client_for, staff_user):
    """The HTML plus every stylesheet and script it loads (no console JavaScript)."""
    bulk_applicants(40, prefix="peso")
    html = client_for(staff_user).get(_url()).content.decode()
    assets = ASSET.findall(html)
    sizes = {name: Path(finders.find(name)).stat().st_size for name in assets}
    assert [name for name in assets if "wagtail" in name or "admin" in name] == []
    assert len(html.encode()) + sum(sizes.values()) <= BUDGET_BYTES
