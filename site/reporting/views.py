"""The indicator dashboard in the staff console, its exports, and the light page on the
public site (the funders' page; programme staff's phone version of the dashboard)."""

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_GET

from semilla.exports import CSV, csv_response, xlsx_response

from .charts import bar_chart, format_value, line_chart
from .exports import dimension_label, header, long_rows, outcome_rows, xlsx_sheets
from .forms import FiltersForm, PeriodForm
from .outcomes import OutcomesReport, build_outcomes
from .partners import PartnersReport, build_partner_counts
from .permissions import may_view_indicators, sees_only_suppressed
from .selectors import SECONDARY_MARK, SMALL_CELL, Report, cached_report, cohort_choices


@dataclass(frozen=True)
class ReportView:
    """What one reader may see of the indicators, decided in one place for the console's
    dashboard, its exports and the light page on the public site."""

    form: FiltersForm | PeriodForm
    report: Report
    outcomes: OutcomesReport
    #: funders and M&E viewers: fixed periods, always suppressed (``sees_only_suppressed``)
    funder_view: bool

    @property
    def breakdown(self) -> str:
        return self.form.chosen_breakdown()


def _report_for(request) -> ReportView:
    """The form (staff: every filter and the "show small cells" choice; funders: fixed
    periods), the suppression (funders always; staff when they ask) and the figures."""
    if not may_view_indicators(request.user):
        raise PermissionDenied
    funder_view = sees_only_suppressed(request.user)
    cohorts = cohort_choices()
    form: FiltersForm | PeriodForm
    if funder_view:
        form = PeriodForm(request.GET or None)
    else:
        form = FiltersForm(request.GET or None, cohorts=cohorts, allow_unsuppressed=True)
    suppress = funder_view or form.wants_suppression()
    filters = form.to_filters()
    report = cached_report(filters=filters, suppress=suppress, cohorts=cohorts)
    outcomes = build_outcomes(
        filters,
        breakdown=form.chosen_breakdown(),
        after_wave=form.chosen_after(),
        suppress=suppress,
        cohorts=cohorts,
    )
    return ReportView(form=form, report=report, outcomes=outcomes, funder_view=funder_view)


def _partners_for(report, breakdown: str) -> PartnersReport:
    """The employer partners' figures with the report's filters, period and suppression."""
    return build_partner_counts(
        report.filters, breakdown=breakdown, suppress=report.suppressed, cohorts=report.cohorts
    )


def _partner_rows(partners: PartnersReport, value=format_value) -> dict:
    """What the employer partners' block shows, formatted (``value`` formats one cell)."""
    return {
        "breakdown_label": dimension_label(partners.breakdown),
        "has_data": partners.has_data,
        "small_cell": SMALL_CELL,
        "items": [
            {
                "key": item.key,
                "label": item.label,
                "definition": item.definition,
                "total": value(item.total, item.unit),
                "rows": [(label, value(cell, item.unit)) for label, cell in item.by],
            }
            for item in partners.items
        ],
    }


@require_GET
def dashboard(request):
    seen = _report_for(request)
    form, report, outcomes, funder_view = seen.form, seen.report, seen.outcomes, seen.funder_view
    breakdown = seen.breakdown
    cards = []
    for item in report.indicators:
        entries = item.by[breakdown]
        cards.append(
            {
                "item": item,
                "total": format_value(item.total, item.unit),
                "bars": bar_chart(entries, item.unit),
                "line": line_chart(item.series, item.unit),
                "rows": [(label, format_value(cell, item.unit)) for _k, label, cell in entries],
                "months": [
                    (m.strftime("%Y-%m"), format_value(c, item.unit)) for m, c in item.series
                ],
            }
        )
    return TemplateResponse(
        request,
        "reporting/dashboard.html",
        {
            "form": form,
            "report": report,
            "cards": cards,
            "funder_view": funder_view,
            "breakdown_label": dimension_label(breakdown),
            "small_cell": SMALL_CELL,
            "secondary_mark": SECONDARY_MARK,
            "query": request.GET.urlencode(),
            "outcomes": outcome_rows(outcomes),
            "outcomes_report": outcomes,
            "partners": _partner_rows(_partners_for(report, breakdown)),
        },
    )


@require_GET
def export(request, fmt: str):
    """The dashboard's figures (indicators, outcomes, employer partners), with the same
    filters, period and suppression, headers in the reader's language."""
    seen = _report_for(request)
    report, outcomes = seen.report, seen.outcomes
    partners = _partners_for(report, seen.breakdown)
    filename = f"semilla-indicadores-{timezone.localdate().isoformat()}"
    if fmt == CSV:
        return csv_response(
            filename=filename, header=header(), rows=long_rows(report, outcomes, partners)
        )
    return xlsx_response(filename=filename, sheets=xlsx_sheets(report, outcomes, partners))


def _funder_value(cell, unit: str) -> str:
    """A funder's figure: a hidden cell says why in words ("oculto (menos de 5)")."""
    if cell.suppressed:
        return gettext("hidden (fewer than %(n)s)") % {"n": SMALL_CELL}
    return format_value(cell, unit)


def _month_label(month) -> str:
    return formats.date_format(month, "YEAR_MONTH_FORMAT")


def _funder_card(item, breakdown: str) -> dict:
    line = line_chart(item.series, item.unit)
    return {
        "item": item,
        "total": _funder_value(item.total, item.unit),
        "bars": bar_chart(item.by[breakdown], item.unit),
        "line": line,
        "first_month": _month_label(item.series[0][0]) if item.series else "",
        "last_month": _month_label(item.series[-1][0]) if item.series else "",
        "rows": [(label, _funder_value(cell, item.unit)) for _k, label, cell in item.by[breakdown]],
        "months": [(_month_label(m), _funder_value(c, item.unit)) for m, c in item.series],
        "hidden_months": [_month_label(m) for m, c in item.series if c.suppressed],
    }


@require_GET
@login_required
def funder_dashboard(request):
    """The indicators on the public site's layout (no console JavaScript, readable on a
    phone). Funders: their own page, fixed periods, always suppressed. Programme staff:
    the console dashboard's filters and figures (the light version for phones), with
    links to the exports and to the console."""
    seen = _report_for(request)
    report, breakdown = seen.report, seen.breakdown
    context = {
        "form": seen.form,
        "report": report,
        "cards": [_funder_card(item, breakdown) for item in report.indicators],
        "breakdown_label": dimension_label(breakdown),
        "small_cell": SMALL_CELL,
        "outcomes": outcome_rows(seen.outcomes),
        "outcomes_report": seen.outcomes,
        "partners": _partner_rows(_partners_for(report, breakdown), value=_funder_value),
    }
    if seen.funder_view:
        return TemplateResponse(request, "reporting/funder.html", context)
    context["query"] = request.GET.urlencode()
    return TemplateResponse(request, "reporting/staff_light.html", context)
