"""Indicator values, computed by the database: ONE query for every indicator, every
dimension and every month (a UNION ALL of one grouped query per source), whatever the
amount of data. The grouped rows are then rolled up in Python (their number is bounded by
the number of dimension values, not by the number of people)."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

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
from django.utils import timezone
from django.utils.module_loading import import_string

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

SMALL_CELL = 5
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
    from django.apps import apps

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


def grouped_rows(filters: Filters, *, today: datetime.date | None = None) -> list[dict]:
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
        if self.secondary:
            return SECONDARY_MARK
        if self.suppressed:
            return f"<{SMALL_CELL}"
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


def _suppress(cells: list[Cell]) -> None:
    """Primary suppression (fewer than 5 rows behind a non-empty cell), then secondary:
    when a single cell of a breakdown is hidden, hide the next smallest too so that it
    cannot be worked out from the total."""
    hidden = 0
    for cell in cells:
        if 0 < cell.base < SMALL_CELL or (cell.base == 0 and cell.value not in (None, 0)):
            cell.suppressed = True
            hidden += 1
    if hidden == 1:
        visible = [c for c in cells if not c.suppressed and c.base > 0]
        if visible:
            other = min(visible, key=lambda c: c.base)
            other.suppressed = other.secondary = True


def _dimension_key(row: dict, dimension: str):
    value = row[f"r_{dimension}"]
    return UNKNOWN if value in (None, "") else value


def _other_label(dimension: str, key) -> str:
    if dimension == "cohort" and key != UNKNOWN:
        return str(key)
    return value_label("sex" if dimension == "cohort" else dimension, key)


def build_report(
    filters: Filters,
    *,
    suppress: bool,
    cohorts: dict[int, str] | None = None,
    today: datetime.date | None = None,
) -> Report:
    rows = grouped_rows(filters, today=today)
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
                    month_sums[month.replace(day=1)][measure] += amount
        total = _cell(indicator, total_sums)
        report = IndicatorReport(
            key=indicator.key,
            label=indicator.label,
            definition=indicator.definition,
            unit=indicator.unit,
            total=total,
        )
        for dimension in dimensions:
            values: list[tuple[object, str]]
            if dimension == "cohort":
                values = list(cohorts.items())
            else:
                values = [(k, str(v)) for k, v in DIMENSIONS[dimension][1].items()]
            present = dim_sums[dimension]
            known = {k for k, _label in values}
            entries = [(str(k), label, _cell(indicator, present.get(k, {}))) for k, label in values]
            entries.extend(
                (str(k), _other_label(dimension, k), _cell(indicator, present[k]))
                for k in present
                if k not in known
            )
            report.by[dimension] = entries
        report.series = [(month, _cell(indicator, month_sums.get(month, {}))) for month in months]
        if suppress:
            _suppress([report.total])
            for entries in report.by.values():
                _suppress([cell for _k, _l, cell in entries])
            _suppress([cell for _m, cell in report.series])
        reports.append(report)
    return Report(filters=filters, indicators=reports, suppressed=suppress, cohorts=cohorts)


def cohort_choices() -> dict[int, str]:
    """Cohorts for the filter and the cohort breakdown (one query)."""
    from django.apps import apps

    try:
        cohort = apps.get_model("cohorts.Cohort")
    except LookupError:
        return {}
    return dict(cohort.objects.order_by("-starts_on", "name").values_list("pk", "name"))


UNIT_LABELS = dict(Unit.choices)
