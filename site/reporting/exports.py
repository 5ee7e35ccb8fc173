"""CSV and XLSX exports of the dashboard's report: the same numbers (built from the same
``Report``), with a definitions sheet. Funder exports carry suppressed cells ("<5")."""

from __future__ import annotations

import csv
import io

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from semilla.enums import City

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
                'Counts under %(n)s are shown as "<%(n)s"; a cell marked "%(mark)s" is hidden '
                "so that a small one cannot be worked out from the total."
            )
            % {"n": SMALL_CELL, "mark": SECONDARY_MARK}
            if report.suppressed
            else _("Not suppressed: for internal use only."),
        ),
    ]


def to_csv(report: Report) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header())
    writer.writerows(long_rows(report))
    # UTF-8 with a byte-order mark so that spreadsheet programs read the accents right
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _autosize(sheet) -> None:
    for index, column in enumerate(sheet.columns, start=1):
        width = max((len(str(c.value)) for c in column if c.value is not None), default=8)
        sheet.column_dimensions[get_column_letter(index)].width = min(max(width + 2, 10), 70)


def to_xlsx(report: Report) -> bytes:
    book = Workbook()
    bold = Font(bold=True)

    summary = book.active
    summary.title = _("Summary")[:31]
    summary.append([_("Code"), _("Indicator"), _("Unit"), _("Total")])
    for item in report.indicators:
        summary.append([item.key, str(item.label), str(UNIT_LABELS[item.unit]), _value(item.total)])

    breakdown = book.create_sheet(_("Disaggregation")[:31])
    breakdown.append(header())
    for row in long_rows(report):
        if row[3] not in (_("Total"), _("Month")):
            breakdown.append(row)

    months = report.filters.months()
    by_month = book.create_sheet(_("By month")[:31])
    by_month.append([_("Code"), _("Indicator"), *[m.strftime("%Y-%m") for m in months]])
    for item in report.indicators:
        by_month.append([item.key, str(item.label), *[_value(c) for _m, c in item.series]])

    definitions = book.create_sheet(_("Definitions")[:31])
    definitions.append(
        [
            _("Code"),
            _("Indicator"),
            _("Definition (Spanish)"),
            _("Definition (English)"),
            _("Unit"),
            _("Source"),
        ]
    )
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

    about = book.create_sheet(_("Filters")[:31])
    for label, value in filters_description(report):
        about.append([label, value])

    for sheet in book.worksheets:
        for cell in sheet[1]:
            cell.font = bold
        sheet.freeze_panes = "A2"
        _autosize(sheet)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
