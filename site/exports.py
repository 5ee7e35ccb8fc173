"""The one export writer: every CSV or XLSX download Semilla produces is written here.

What it guarantees, whatever the caller passes:

- **No formulas.** A text cell that starts with ``= + - @``, a tab or a carriage return
  gets a leading ``'`` so that a spreadsheet shows it as text instead of running it
  (names, descriptions and e-mails are typed by people). Numbers stay numbers (a negative
  number is a number, not text). In XLSX, text cells are written as strings (type ``s``),
  neutralised the same way; characters a workbook cannot hold are dropped.
- **Private downloads.** ``Content-Disposition: attachment`` with a safe file name and
  ``Cache-Control: private, no-store``; CSV in UTF-8 with a byte-order mark so that
  spreadsheet programs read the accents right.

How to use it: a view checks permission, builds ``header`` + ``rows`` (or ``Sheet``s) and
returns ``csv_response(...)`` / ``xlsx_response(...)`` / ``spreadsheet_response(...)``.
Any access audit (``semilla.privacy.audit_access``) stays in the view, which knows whose
data it exports. The staff console's listing exports (Wagtail's ``list_export``, in our
viewsets and in Wagtail's own reports) are routed here by ``install_wagtail_writer()``,
called once from ``SemillaConfig.ready()``.

``tests/trust/test_exports.py`` fails when code outside this module writes CSV or XLSX, and
sends a hostile value through every export URL.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.http import content_disposition_header
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from wagtail.admin.views.mixins import SpreadsheetExportMixin

#: the first characters that make a spreadsheet read a cell as a formula (or as the start of
#: one, once it strips a leading tab or carriage return)
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
CSV = "csv"
XLSX = "xlsx"
FORMATS = (CSV, XLSX)
CONTENT_TYPES = {
    CSV: "text/csv; charset=utf-8",
    XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
BOM = "\ufeff"
_UNSAFE_FILENAME = re.compile(r"[^A-Za-z0-9._-]+")


def safe_text(value) -> str:
    """Text that a spreadsheet will not run as a formula."""
    text = force_str(value).replace("\x00", "")
    if text.startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


def _is_number(value) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def cell_value(value, fmt: str):
    """A number stays a number, a date a date (XLSX) or ISO text (CSV), anything else is
    neutralised text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return safe_text(value)
    if _is_number(value):
        return value
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        if fmt == XLSX:
            return value.replace(tzinfo=None)
        return value.isoformat(timespec="seconds")
    if isinstance(value, datetime.date | datetime.time):
        return value if fmt == XLSX else value.isoformat()
    return safe_text(value)


@dataclass
class Sheet:
    """One worksheet of an XLSX download: a header row and rows of values."""

    title: str
    header: Sequence
    rows: Iterable[Sequence]


def _filename(filename: str, fmt: str) -> str:
    base = filename.rsplit(".", 1)[0] if filename.endswith(f".{fmt}") else filename
    base = _UNSAFE_FILENAME.sub("-", force_str(base)).strip(".-") or "semilla"
    return f"{base}.{fmt}"


def _finish(response: HttpResponse | StreamingHttpResponse, filename: str, fmt: str):
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=_filename(filename, fmt)
    )
    response["Cache-Control"] = "private, no-store"
    return response


class _Line:
    """A file-like object whose ``write`` hands the line back (for streaming)."""

    def write(self, value: str) -> str:
        return value


def csv_lines(header: Sequence, rows: Iterable[Sequence]) -> Iterator[str]:
    writer = csv.writer(_Line())
    yield BOM + writer.writerow([cell_value(v, CSV) for v in header])
    for row in rows:
        yield writer.writerow([cell_value(v, CSV) for v in row])


def csv_response(
    *, filename: str, header: Sequence, rows: Iterable[Sequence], stream: bool = False
) -> HttpResponse | StreamingHttpResponse:
    """A CSV download. ``stream=True`` for lists that may be long (rows are then read
    while the response is sent)."""
    lines = csv_lines(header, rows)
    response: HttpResponse | StreamingHttpResponse
    if stream:
        response = StreamingHttpResponse(
            (line.encode("utf-8") for line in lines), content_type=CONTENT_TYPES[CSV]
        )
    else:
        response = HttpResponse("".join(lines).encode("utf-8"), content_type=CONTENT_TYPES[CSV])
    return _finish(response, filename, CSV)


def _xlsx_text(value) -> str:
    return ILLEGAL_CHARACTERS_RE.sub("", safe_text(value))


def _write_sheet(sheet, spec: Sheet, bold: Font) -> None:
    widths: dict[int, int] = {}
    for row_index, row in enumerate([spec.header, *spec.rows], start=1):
        for column, raw in enumerate(row, start=1):
            value = cell_value(raw, XLSX)
            cell = sheet.cell(row=row_index, column=column)
            if isinstance(value, str):
                value = _xlsx_text(value)
                cell.value = value
                cell.data_type = "s"
            else:
                cell.value = value
            if row_index == 1:
                cell.font = bold
            widths[column] = max(widths.get(column, 0), len(str(value)))
    for column, width in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = min(max(width + 2, 10), 70)
    sheet.freeze_panes = "A2"


def xlsx_bytes(sheets: Sequence[Sheet]) -> bytes:
    book = Workbook()
    book.remove(book.active)
    bold = Font(bold=True)
    for spec in sheets:
        title = _xlsx_text(spec.title).lstrip("'")
        title = re.sub(r"[\[\]:*?/\\]", "-", title)[:31] or "Sheet"
        _write_sheet(book.create_sheet(title), spec, bold)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def xlsx_response(*, filename: str, sheets: Sequence[Sheet]) -> HttpResponse:
    """An XLSX download with one or more sheets."""
    return _finish(
        HttpResponse(xlsx_bytes(sheets), content_type=CONTENT_TYPES[XLSX]), filename, XLSX
    )


def spreadsheet_response(
    *,
    fmt: str,
    filename: str,
    header: Sequence,
    rows: Iterable[Sequence],
    sheet_title: str = "",
    stream: bool = False,
) -> HttpResponse | StreamingHttpResponse:
    """The same table as CSV or as a one-sheet XLSX."""
    if fmt == CSV:
        return csv_response(filename=filename, header=header, rows=rows, stream=stream)
    if fmt == XLSX:
        return xlsx_response(
            filename=filename,
            sheets=[Sheet(title=sheet_title or "Semilla", header=header, rows=rows)],
        )
    raise Http404("unknown export format")


# --- the staff console's listing exports (Wagtail) ------------------------------------------


def _wagtail_value(view, field: str, value, fmt: str):
    """Wagtail's own preprocessing where a view declares one for the field or the value's
    class; otherwise the raw value (our writer turns it into a safe cell: Wagtail's default
    ``force_str`` would turn numbers into text)."""
    functions = view.custom_field_preprocess.get(field, {})
    if fmt not in functions:
        functions = next(
            (
                by_format
                for classes, by_format in view.custom_value_preprocess.items()
                if isinstance(value, classes) and fmt in by_format
            ),
            {},
        )
    function = functions.get(fmt, False)
    if function is False or function is None:
        return value
    return function(value)


def _wagtail_as_spreadsheet(self, queryset, spreadsheet_format):
    """Replaces ``SpreadsheetExportMixin.as_spreadsheet``: the listing's columns and rows go
    through our writer. A listing without ``list_export`` has no export."""
    if not self.list_export or spreadsheet_format not in FORMATS:
        raise Http404("no export here")
    header = [self.get_heading(queryset, field) for field in self.list_export]

    def rows():
        for item in queryset:
            yield [
                _wagtail_value(self, field, value, spreadsheet_format)
                for field, value in self.to_row_dict(item).items()
            ]

    return spreadsheet_response(
        fmt=spreadsheet_format,
        filename=self.get_filename(),
        header=header,
        rows=rows(),
        sheet_title="Sheet1",
        stream=True,
    )


def install_wagtail_writer() -> None:
    """Route every Wagtail listing export (viewsets with ``list_export``, the console's
    reports, redirects, form submissions) through this writer. Wagtail 8 neutralises
    nothing in CSV and only drops the formula type in XLSX."""

    SpreadsheetExportMixin.as_spreadsheet = _wagtail_as_spreadsheet  # type: ignore[method-assign]
