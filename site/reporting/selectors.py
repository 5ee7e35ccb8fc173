"""Indicator values, computed by the database: ONE query for every indicator, every
dimension and every month (a UNION ALL of one grouped query per source), whatever the
amount of data. The grouped rows are then rolled up in Python (their number is bounded by
the number of dimension values, not by the number of people)."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.apps import apps
from django.db.models import (
    Case,
    CharField,
    Count,
    DateTimeField,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import TruncMonth
from django.utils import timezone, translation
from django.utils.module_loading import import_string

from semilla import table_cache
from semilla.enums import DocumentType

from .indicators import (
    AGE_BANDS,
    DIMENSIONS,
    INDICATORS,
    UNKNOWN,
    DocumentStatus,
    Unit,
    value_label,
)
from .sources import SOURCES, SUBMITTED, Source

#: the threshold: a count of 1 to SMALL_CELL - 1 people is never shown to a funder
SMALL_CELL = 5
#: what a hidden cell shows: the same mark whether it is small or hidden to protect a small
#: one (two different marks would tell an attacker which hidden cell is the small one)
SECONDARY_MARK = "*"
MEASURE_SLOTS = ("m1", "m2")
REGULAR_DOCUMENTS = [
    DocumentType.CEDULA,
    DocumentType.CEDULA_EXTRANJERIA,
    DocumentType.PPT,
    DocumentType.PEP,
    DocumentType.PASSPORT,
]


@dataclass(frozen=True)
class Filters:
    date_from: datetime.date
    date_to: datetime.date
    cohort: int | None = None
    city: str = ""

    @classmethod
    def default(cls, today: datetime.date | None = None) -> Filters:
        today = today or timezone.localdate()
        start = (today.replace(day=1) - datetime.timedelta(days=330)).replace(day=1)
        return cls(date_from=start, date_to=today)

    def months(self) -> list[datetime.date]:
        months = []
        current = self.date_from.replace(day=1)
        while current <= self.date_to:
            months.append(current)
            current = (current + datetime.timedelta(days=32)).replace(day=1)
        return months


# --- the query ------------------------------------------------------------------------------


def _age_band(path: str, today: datetime.date) -> Case:
    def years_ago(years: int) -> datetime.date:
        try:
            return today.replace(year=today.year - years)
        except ValueError:  # 29 February
            return today.replace(year=today.year - years, day=28)

    whens = []
    for band, low, high in AGE_BANDS:
        condition = Q(**{f"{path}__lte": years_ago(low)})
        if high is not None:
            condition &= Q(**{f"{path}__gt": years_ago(high)})
        whens.append(When(condition, then=Value(band)))
    return Case(*whens, default=Value(UNKNOWN), output_field=CharField())


def _document_status(path: str) -> Case:
    return Case(
        When(**{f"{path}__in": REGULAR_DOCUMENTS}, then=Value(DocumentStatus.REGULAR.value)),
        When(**{path: DocumentType.IN_PROCESS}, then=Value(DocumentStatus.IN_PROCESS.value)),
        When(**{path: DocumentType.NONE}, then=Value(DocumentStatus.NONE.value)),
        default=Value(UNKNOWN),
        output_field=CharField(),
    )


def _source_queryset(src: Source, filters: Filters, today: datetime.date):
    model = src.get_model()
    queryset = model._base_manager.filter(src.where)
    if src.application is not None:
        prefix = f"{src.application}__" if src.application else ""
        paths = {
            "sex": f"{prefix}sex",
            "group": f"{prefix}population_group",
            "city": f"{prefix}city",
            "birth": f"{prefix}birth_date",
            "doc": f"{prefix}document_type",
            "cohort": f"{prefix}cohort_id",
        }
    else:
        if src.user is None:
            raise ValueError(f"source {src.key!r} names neither an application nor a user path")
        application_model = apps.get_model("cohorts.Application")
        profile = application_model._base_manager.filter(
            SUBMITTED, user=OuterRef(src.user)
        ).order_by("-submitted_at", "-pk")
        queryset = queryset.annotate(
            **{
                f"p_{name}": Subquery(profile.values(column)[:1])
                for name, column in (
                    ("sex", "sex"),
                    ("group", "population_group"),
                    ("city", "city"),
                    ("birth", "birth_date"),
                    ("doc", "document_type"),
                    ("cohort", "cohort_id"),
                )
            }
        )
        paths = {name: f"p_{name}" for name in ("sex", "group", "city", "birth", "doc", "cohort")}
    zone = timezone.get_current_timezone()
    start = datetime.datetime.combine(filters.date_from, datetime.time.min, tzinfo=zone)
    end = datetime.datetime.combine(
        filters.date_to + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone
    )
    queryset = queryset.filter(**{f"{src.date}__gte": start, f"{src.date}__lt": end})
    if filters.cohort:
        queryset = queryset.filter(**{paths["cohort"]: filters.cohort})
    if filters.city:
        queryset = queryset.filter(**{paths["city"]: filters.city})
    queryset = queryset.annotate(
        r_source=Value(src.key, output_field=CharField()),
        r_cohort=F(paths["cohort"]),
        r_sex=F(paths["sex"]),
        r_age=_age_band(paths["birth"], today),
        r_group=F(paths["group"]),
        r_city=F(paths["city"]),
        r_document=_document_status(paths["doc"]),
        r_month=TruncMonth(src.date, output_field=DateTimeField()),
    )
    measures = [import_string(m)() if isinstance(m, str) else m for m in src.measures.values()]
    slots = {}
    for index, slot in enumerate(MEASURE_SLOTS):
        slots[slot] = (
            measures[index] if index < len(measures) else Value(0, output_field=IntegerField())
        )
    return (
        queryset.order_by()
        .values(
            "r_source", "r_cohort", "r_sex", "r_age", "r_group", "r_city", "r_document", "r_month"
        )
        .annotate(rows=Count("pk"), **slots)
    )


def grouped_rows(*, filters: Filters, today: datetime.date | None = None) -> list[dict]:
    """The single query: every source's rows grouped by every dimension and month."""
    today = today or timezone.localdate()
    querysets = [
        _source_queryset(src, filters, today) for src in SOURCES if src.get_model() is not None
    ]
    if not querysets:
        return []
    combined = (
        querysets[0].union(*querysets[1:], all=True) if len(querysets) > 1 else (querysets[0])
    )
    return list(combined)


# --- the roll-up ----------------------------------------------------------------------------


@dataclass
class Cell:
    """One number of the report. ``base`` is the number of rows behind it (what small-cell
    suppression looks at)."""

    value: Decimal | int | None
    base: int
    suppressed: bool = False
    #: hidden only so that a small cell next to it cannot be worked out from the total
    secondary: bool = False

    def display(self) -> str:
        if self.suppressed:
            return SECONDARY_MARK
        if self.value is None:
            return "–"
        return str(self.value)

    @property
    def number(self):
        return None if self.suppressed else self.value


@dataclass
class IndicatorReport:
    key: str
    label: object
    definition: object
    unit: str
    total: Cell
    by: dict[str, list[tuple[str, str, Cell]]] = field(default_factory=dict)
    series: list[tuple[datetime.date, Cell]] = field(default_factory=list)


@dataclass
class Report:
    filters: Filters
    indicators: list[IndicatorReport]
    suppressed: bool
    cohorts: dict[int, str]

    def get(self, key: str) -> IndicatorReport:
        return next(i for i in self.indicators if i.key == key)


def _measure_name(src: Source, measure: str) -> str:
    if measure == "rows":
        return "rows"
    names = list(src.measures)
    return MEASURE_SLOTS[names.index(measure)]


def _cell(indicator, sums: dict[str, int]) -> Cell:
    src = next(s for s in SOURCES if s.key == indicator.source)
    numerator = sums.get(_measure_name(src, indicator.measure), 0) or 0
    if indicator.denominator:
        denominator = sums.get(_measure_name(src, indicator.denominator), 0) or 0
        if not denominator:
            return Cell(value=None, base=0)
        value = (Decimal(numerator) * 100 / Decimal(denominator)).quantize(Decimal("0.1"))
        return Cell(value=value, base=denominator)
    base = int(sums.get("rows", 0) or 0)
    if indicator.divisor != 1:
        value = (Decimal(numerator) / indicator.divisor).quantize(Decimal("0.1"))
        return Cell(value=value, base=base)
    return Cell(value=int(numerator), base=base)


def _small(cell: Cell) -> bool:
    """Primary suppression: fewer than SMALL_CELL rows behind a non-empty cell."""
    return 0 < cell.base < SMALL_CELL or (cell.base == 0 and cell.value not in (None, 0))


def _nonzero(cell: Cell) -> bool:
    return cell.base > 0 or cell.value not in (None, 0)


def _hide(cell: Cell) -> None:
    cell.suppressed = True
    cell.secondary = not _small(cell)


def _exposed(hidden: list[Cell]) -> bool:
    """With the total shown, the hidden cells of a table add up to a known number. They
    are protected when there are at least two, they stand for at least SMALL_CELL rows,
    and more rows than cells (otherwise every hidden cell would be known to be 1)."""
    rows = sum(c.base for c in hidden)
    return bool(hidden) and (len(hidden) < 2 or rows < SMALL_CELL or rows <= len(hidden))


def suppress_block(*, total: Cell, tables: list[list[Cell]]) -> None:
    """Small-cell suppression of one block: one month's total and its breakdowns (each
    table adds up to the total). A small total hides the whole block. Otherwise, primary:
    every small cell; complementary: in each table,
    hide the next smallest cells until the hidden ones cannot be worked out from the total
    (see ``_exposed``); if a table runs out of cells to hide, hide the total, and then make
    sure no table gives the total back by addition (each keeps a hidden cell)."""
    if _small(total):
        # a small group: hide every cell, zeros too (a zero next to a hidden cell would
        # tell that the whole group shares the other value, e.g. all from one city)
        for cell in [total, *[c for table in tables for c in table]]:
            _hide(cell)
        return
    for cell in [c for table in tables for c in table]:
        if _small(cell):
            _hide(cell)
    changed = True
    while changed:
        changed = False
        for table in tables:
            nonzero = [c for c in table if _nonzero(c)]
            hidden = [c for c in nonzero if c.suppressed]
            visible = sorted((c for c in nonzero if not c.suppressed), key=lambda c: c.base)
            if not total.suppressed:
                while _exposed(hidden) and visible:
                    cell = visible.pop(0)
                    _hide(cell)
                    hidden.append(cell)
                    changed = True
                if _exposed(hidden):
                    _hide(total)
                    changed = True
            elif nonzero and not hidden:
                _hide(visible[0])
                changed = True


def _dimension_key(row: dict, dimension: str):
    value = row[f"r_{dimension}"]
    return UNKNOWN if value in (None, "") else value


def _other_label(dimension: str, key) -> str:
    if dimension == "cohort" and key != UNKNOWN:
        return str(key)
    return value_label("sex" if dimension == "cohort" else dimension, key)


def _suppress_from_months(indicator, report: IndicatorReport, keys, month_dim_sums) -> None:
    """Suppress each month (the finest period anyone may ask for) on its own, then show a
    figure of the whole period only when every month's figure behind it is shown. Every
    figure shown is then a sum of shown monthly figures, so no combination of periods
    (months, quarters, the year) gives back a hidden one by addition or subtraction."""
    # rows outside the months listed (cannot happen with whole months): hide everything
    outside = bool(set(month_dim_sums) - {month for month, _cell in report.series})
    hidden_total = outside
    hidden_keys: dict[str, set[str]] = defaultdict(set)
    for month, total in report.series:
        tables = {
            dimension: [
                (key, _cell(indicator, month_dim_sums[month][dimension].get(k, {})))
                if month in month_dim_sums
                else (key, Cell(value=None, base=0))
                for key, k, _label in entries
            ]
            for dimension, entries in keys.items()
        }
        suppress_block(
            total=total, tables=[[cell for _key, cell in table] for table in tables.values()]
        )
        hidden_total = hidden_total or total.suppressed
        for dimension, table in tables.items():
            hidden_keys[dimension].update(key for key, cell in table if cell.suppressed)
    if hidden_total or _small(report.total):
        _hide(report.total)
    for dimension, entries in report.by.items():
        for key, _label, cell in entries:
            if outside or key in hidden_keys[dimension] or _small(cell):
                _hide(cell)


def build_report(
    *,
    filters: Filters,
    suppress: bool,
    cohorts: dict[int, str] | None = None,
    today: datetime.date | None = None,
) -> Report:
    rows = grouped_rows(filters=filters, today=today)
    cohorts = cohorts or {}
    by_source: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_source[row["r_source"]].append(row)
    months = filters.months()
    dimensions = [*DIMENSIONS.keys(), "cohort"]
    reports = []
    for indicator in INDICATORS:
        src_rows = by_source.get(indicator.source, [])
        total_sums: dict[str, int] = defaultdict(int)
        dim_sums: dict[str, dict] = {d: defaultdict(lambda: defaultdict(int)) for d in dimensions}
        month_sums: dict = defaultdict(lambda: defaultdict(int))
        month_dim_sums: dict = defaultdict(
            lambda: {d: defaultdict(lambda: defaultdict(int)) for d in dimensions}
        )
        for row in src_rows:
            for measure in ("rows", *MEASURE_SLOTS):
                amount = row[measure] or 0
                total_sums[measure] += amount
                for dimension in dimensions:
                    dim_sums[dimension][_dimension_key(row, dimension)][measure] += amount
                month = row["r_month"]
                if month is not None:
                    if isinstance(month, datetime.datetime):
                        month = (
                            timezone.localtime(month).date()
                            if timezone.is_aware(month)
                            else month.date()
                        )
                    month = month.replace(day=1)
                    month_sums[month][measure] += amount
                    for dimension in dimensions:
                        month_dim_sums[month][dimension][_dimension_key(row, dimension)][
                            measure
                        ] += amount
        total = _cell(indicator, total_sums)
        report = IndicatorReport(
            key=indicator.key,
            label=indicator.label,
            definition=indicator.definition,
            unit=indicator.unit,
            total=total,
        )
        keys: dict[str, list[tuple[str, object, str]]] = {}
        for dimension in dimensions:
            values: list[tuple[object, str]]
            if dimension == "cohort":
                values = list(cohorts.items())
            else:
                values = [(k, str(v)) for k, v in DIMENSIONS[dimension][1].items()]
            known = {k for k, _label in values}
            keys[dimension] = [(str(k), k, label) for k, label in values] + [
                (str(k), k, _other_label(dimension, k))
                for k in dim_sums[dimension]
                if k not in known
            ]
            report.by[dimension] = [
                (key, label, _cell(indicator, dim_sums[dimension].get(k, {})))
                for key, k, label in keys[dimension]
            ]
        report.series = [(month, _cell(indicator, month_sums.get(month, {}))) for month in months]
        if suppress:
            _suppress_from_months(indicator, report, keys, month_dim_sums)
        reports.append(report)
    return Report(filters=filters, indicators=reports, suppressed=suppress, cohorts=cohorts)


def cached_report(
    *, filters: Filters, suppress: bool, cohorts: dict[int, str] | None = None
) -> Report:
    """``build_report``, kept in the table cache (``semilla.table_cache``) until a table it
    read (applications, participants, grants, the ledger...) is written: the report reads
    every row of the period, linear by nature, so a repeat view is served from the cache.
    Keyed by everything besides the database that the report depends on: the period and
    filters, suppression, the cohort names, today's date (age bands, the default period),
    the time zone (months) and the language (labels)."""
    cohorts = cohorts or {}
    today = timezone.localdate()
    parts = (
        filters.date_from.isoformat(),
        filters.date_to.isoformat(),
        filters.cohort,
        filters.city,
        suppress,
        tuple(sorted(cohorts.items())),
        today.isoformat(),
        timezone.get_current_timezone_name(),
        translation.get_language(),
    )
    return table_cache.cached(
        "indicator_report",
        parts,
        lambda: build_report(filters=filters, suppress=suppress, cohorts=cohorts, today=today),
    )


def cohort_choices() -> dict[int, str]:
    """Cohorts for the filter and the cohort breakdown (one query)."""

    try:
        cohort = apps.get_model("cohorts.Cohort")
    except LookupError:
        return {}
    return dict(cohort.objects.order_by("-starts_on", "name").values_list("pk", "name"))


UNIT_LABELS = dict(Unit.choices)
