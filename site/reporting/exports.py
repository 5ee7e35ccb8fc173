"""CSV and XLSX exports of the dashboard's report: the same numbers (built from the same
``Report``), with a definitions sheet. Funder exports carry suppressed cells ("<5")."""

from __future__ import annotations

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from semilla.enums import City
from semilla.exports import Sheet, csv_lines, xlsx_bytes

from .indicators import DIMENSIONS, INDICATORS
from .selectors import SECONDARY_MARK, SMALL_CELL, UNIT_LABELS, Cell, Report
from .sources import source


def dimension_label(dimension: str) -> str:
    if dimension == "cohort":
        return _("Cohort")
    return str(DIMENSIONS[dimension][0])


def _value(cell: Cell):
    """A number where there is one; the suppression mark where it is hidden."""
    if cell.suppressed:
        return cell.display()
    if cell.value is None:
        return ""
    return float(cell.value) if not isinstance(cell.value, int) else cell.value


def long_rows(report: Report) -> list[list]:
    """indicator key, indicator, unit, breakdown, category, value — totals, every
    dimension and every month."""
    rows = []
    for item in report.indicators:
        unit = str(UNIT_LABELS[item.unit])
        rows.append([item.key, str(item.label), unit, _("Total"), _("Total"), _value(item.total)])
        for dimension, entries in item.by.items():
            rows.extend(
                [item.key, str(item.label), unit, dimension_label(dimension), label, _value(cell)]
                for _key, label, cell in entries
            )
        rows.extend(
            [item.key, str(item.label), unit, _("Month"), month.strftime("%Y-%m"), _value(cell)]
            for month, cell in item.series
        )
    return rows


def header() -> list[str]:
    return [_("Code"), _("Indicator"), _("Unit"), _("Breakdown"), _("Category"), _("Value")]


def filters_description(report: Report) -> list[tuple[str, str]]:
    filters = report.filters
    cohort = report.cohorts.get(filters.cohort, "") if filters.cohort else _("All")
    return [
        (_("From"), filters.date_from.isoformat()),
        (_("To"), filters.date_to.isoformat()),
        (_("Cohort"), cohort),
        (
            _("City"),
            str(dict(City.choices).get(filters.city, filters.city)) if filters.city else _("All"),
        ),
        (_("Generated at"), timezone.localtime().strftime("%Y-%m-%d %H:%M")),
        (
            _("Small cells"),
            _(
                'A cell marked "%(mark)s" is hidden, because it counts fewer than %(n)s '
                "people or because a small count could be worked out from it."
            )
            % {"n": SMALL_CELL, "mark": SECONDARY_MARK}
            if report.suppressed
            else _("Not suppressed: for internal use only."),
        ),
    ]


def xlsx_sheets(report: Report) -> list[Sheet]:
    summary = Sheet(
        title=_("Summary"),
        header=[_("Code"), _("Indicator"), _("Unit"), _("Total")],
        rows=[
            [item.key, str(item.label), str(UNIT_LABELS[item.unit]), _value(item.total)]
            for item in report.indicators
        ],
    )
    breakdown = Sheet(
        title=_("Disaggregation"),
        header=header(),
        rows=[row for row in long_rows(report) if row[3] not in (_("Total"), _("Month"))],
    )
    months = report.filters.months()
    by_month = Sheet(
        title=_("By month"),
        header=[_("Code"), _("Indicator"), *[m.strftime("%Y-%m") for m in months]],
        rows=[
            [item.key, str(item.label), *[_value(c) for _m, c in item.series]]
            for item in report.indicators
        ],
    )
    definitions = []
    for indicator in INDICATORS:
        src = source(indicator.source)
        with translation.override("es"):
            spanish = str(indicator.definition)
        with translation.override("en"):
            english = str(indicator.definition)
        definitions.append(
            [
                indicator.key,
                str(indicator.label),
                spanish,
                english,
                str(UNIT_LABELS[indicator.unit]),
                src.model if src else "",
            ]
        )
    definitions.append([])
    definitions.append(
        [_("Breakdowns"), ", ".join([dimension_label(d) for d in [*DIMENSIONS, "cohort"]])]
    )
    about = filters_description(report)
    return [
        summary,
        breakdown,
        by_month,
        Sheet(
            title=_("Definitions"),
            header=[
                _("Code"),
                _("Indicator"),
                _("Definition (Spanish)"),
                _("Definition (English)"),
                _("Unit"),
                _("Source"),
            ],
            rows=definitions,
        ),
        Sheet(title=_("Filters"), header=list(about[0]), rows=[list(pair) for pair in about[1:]]),
    ]


def to_csv(report: Report) -> bytes:
    """The CSV download's bytes (for benchmarks and tasks; views use the writer's response)."""
    return "".join(csv_lines(header(), long_rows(report))).encode("utf-8")


def to_xlsx(report: Report) -> bytes:
    return xlsx_bytes(xlsx_sheets(report))
