"""The outcomes section of the indicator dashboard: for each measure of the outcome
surveys (the ``outcomes`` app), the value at the baseline and at a follow-up wave, broken
down like every other indicator, with the response rate next to every figure.

The site package does not import the outcomes app (apps build on the site package, not the
reverse): the models are looked up by name, and an installation without them has no
outcomes section. The answers are summed per cohort, city, wave and breakdown value by ONE
grouped query (``summary_cells``), stored by the outcomes app, and the dashboard reads
those sums with ONE query (``summary_rows``), whatever the number of answers. Small cells are hidden with the dashboard's own
suppression (``selectors.suppress_block``) applied to the number of people who answered;
a figure is shown only when the people behind it are.

Every figure is over the people who answered that wave (not a panel of the same people):
the response rate says how many of those asked that is. See docs/outcomes.md."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.apps import apps
from django.db.models import Case, Count, F, IntegerField, Q, Sum, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .indicators import DIMENSIONS, UNKNOWN, Unit
from .selectors import (
    REGULAR_DOCUMENTS,
    SMALL_CELL,
    Cell,
    Filters,
    _age_band,
    _document_status,
    _other_label,
    suppress_block,
)

ANSWERED = Q(status="answered")
BASELINE = "baseline"
FOLLOW_UPS = ("end", "month_6", "month_12")
#: sales bands (see outcomes.enums.SalesBand) -> lowest and highest pesos of the band
SALES_LOW = {0: 0, 1: 0, 2: 500_000, 3: 1_000_000, 4: 2_500_000, 5: 5_000_000, 6: 10_000_000}
SALES_HIGH = {
    0: 0,
    1: 500_000,
    2: 1_000_000,
    3: 2_500_000,
    4: 5_000_000,
    5: 10_000_000,
    6: 15_000_000,
}
FORMAL_CREDIT = ("bank", "microfinance", "fintech", "public")


def _yes(name: str) -> tuple:
    return (
        Count("pk", filter=ANSWERED & Q(**{name: True})),
        Count("pk", filter=ANSWERED & Q(**{f"{name}__isnull": False})),
    )


def _band_sum(path: str, table: dict[int, int]) -> Sum:
    return Sum(
        Case(
            *[When(**{path: band}, then=Value(pesos * 100)) for band, pesos in table.items()],
            default=Value(0),
            output_field=IntegerField(),
        ),
        filter=ANSWERED,
    )


@dataclass(frozen=True)
class OutcomeMeasure:
    key: str
    label: object
    definition: object
    #: "share": numerator / denominator in %; "mean": numerator / denominator; "sum": the
    #: numerator (a count of jobs)
    kind: str
    unit: str
    numerator: object
    denominator: object
    #: where the answer comes from (shown in the definitions sheet)
    question: str = ""


def _measures() -> list[OutcomeMeasure]:
    count_answered = Count("pk", filter=ANSWERED)
    return [
        OutcomeMeasure(
            "operating",
            _("Businesses operating"),
            _(
                "Share of the people who answered whose business is operating (selling or "
                "serving clients). At a follow-up this is the survival rate."
            ),
            "share",
            Unit.PERCENT,
            Count("pk", filter=ANSWERED & Q(business_status="operating")),
            count_answered,
            "business_status",
        ),
        OutcomeMeasure(
            "operating_count",
            _("Businesses operating (number)"),
            _("Number of people who answered whose business is operating."),
            "sum",
            Unit.COUNT,
            Count("pk", filter=ANSWERED & Q(business_status="operating")),
            count_answered,
            "business_status",
        ),
        OutcomeMeasure(
            "sales",
            _("Average monthly sales (COP)"),
            _(
                "Average of the midpoints of the sales ranges people chose (from the lowest "
                "amount of the first band to the highest of the second; the open band above "
                "10 million counts up to 15 million). People who preferred not to say are "
                "left out."
            ),
            "mean_sales",
            Unit.COP,
            _band_sum("sales_from", SALES_LOW),
            Count("pk", filter=ANSWERED & Q(sales_from__isnull=False)),
            "sales_from, sales_to",
        ),
        OutcomeMeasure(
            "workers",
            _("People working per business"),
            _(
                "Average number of people working in the business besides the owner, paid "
                "and unpaid."
            ),
            "mean",
            Unit.COUNT,
            Sum(F("workers_paid") + F("workers_unpaid"), filter=ANSWERED),
            Count(
                "pk",
                filter=ANSWERED & Q(workers_paid__isnull=False, workers_unpaid__isnull=False),
            ),
            "workers_paid, workers_unpaid",
        ),
        OutcomeMeasure(
            "paid_jobs",
            _("Paid jobs"),
            _("People paid by the businesses of those who answered (the owner not counted)."),
            "sum",
            Unit.COUNT,
            Sum("workers_paid", filter=ANSWERED),
            count_answered,
            "workers_paid",
        ),
        OutcomeMeasure(
            "new_jobs",
            _("New jobs"),
            _("People who started working in the business since the previous survey."),
            "sum",
            Unit.COUNT,
            Sum("new_hires", filter=ANSWERED),
            count_answered,
            "new_hires",
        ),
        OutcomeMeasure(
            "migrant_workers",
            _("Jobs held by migrants"),
            _("People working in the businesses who are migrants."),
            "sum",
            Unit.COUNT,
            Sum("workers_migrant", filter=ANSWERED),
            count_answered,
            "workers_migrant",
        ),
        OutcomeMeasure(
            "receptor_workers",
            _("Jobs held by the receptor community"),
            _("People working in the businesses who are from the receptor community."),
            "sum",
            Unit.COUNT,
            Sum("workers_receptor", filter=ANSWERED),
            count_answered,
            "workers_receptor",
        ),
        OutcomeMeasure(
            "rut",
            _("With RUT"),
            _("Share of those who answered the question whose business has a RUT."),
            "share",
            Unit.PERCENT,
            *_yes("has_rut"),
            "has_rut",
        ),
        OutcomeMeasure(
            "chamber",
            _("Registered with the chamber of commerce"),
            _("Share of those who answered the question whose business is registered."),
            "share",
            Unit.PERCENT,
            *_yes("has_chamber_registration"),
            "has_chamber_registration",
        ),
        OutcomeMeasure(
            "invoices",
            _("Issue invoices"),
            _("Share of those who answered the question who issue invoices."),
            "share",
            Unit.PERCENT,
            *_yes("issues_invoices"),
            "issues_invoices",
        ),
        OutcomeMeasure(
            "social_security",
            _("Pay social security for workers"),
            _("Share of those who answered the question who pay social security for workers."),
            "share",
            Unit.PERCENT,
            *_yes("pays_social_security"),
            "pays_social_security",
        ),
        OutcomeMeasure(
            "account",
            _("With a bank or wallet account"),
            _("Share of those who answered the question with a bank account or a wallet."),
            "share",
            Unit.PERCENT,
            *_yes("has_account"),
            "has_account",
        ),
        OutcomeMeasure(
            "credit_applied",
            _("Applied for credit"),
            _(
                "Share of those who answered the question who applied for credit since the "
                "previous survey."
            ),
            "share",
            Unit.PERCENT,
            *_yes("credit_applied"),
            "credit_applied",
        ),
        OutcomeMeasure(
            "formal_credit",
            _("Obtained formal credit"),
            _(
                "Share of those who applied for credit who obtained it from the financial "
                "system (a bank, a microfinance institution or cooperative, a digital lender "
                "or a public programme), not from family or informal lenders."
            ),
            "share",
            Unit.PERCENT,
            Count(
                "pk",
                filter=ANSWERED & Q(credit_obtained=True, credit_source__in=FORMAL_CREDIT),
            ),
            Count("pk", filter=ANSWERED & Q(credit_applied=True)),
            "credit_obtained, credit_source",
        ),
        OutcomeMeasure(
            "regular_document",
            _("With a regular document"),
            _(
                "Share of those who answered with a regular identity or migration document "
                "(cédula, PPT, PEP, passport). At the baseline it is the document of the "
                "application; later, what the person told us."
            ),
            "share",
            Unit.PERCENT,
            Count("pk", filter=ANSWERED & Q(document_type__in=REGULAR_DOCUMENTS)),
            Count("pk", filter=ANSWERED & ~Q(document_type="")),
            "document_type",
        ),
        OutcomeMeasure(
            "confidence",
            _("Confidence running the business (1-5)"),
            _("Average of the self-rated confidence, from 1 (not at all) to 5 (fully)."),
            "mean",
            Unit.COUNT,
            Sum("confidence", filter=ANSWERED),
            Count("pk", filter=ANSWERED & Q(confidence__isnull=False)),
            "confidence",
        ),
    ]


def measures() -> list[OutcomeMeasure]:
    return _measures()


def wave_choices() -> list[tuple[str, str]]:
    """The follow-up waves (labels from the outcomes app, read through the registry)."""
    try:
        model = apps.get_model("outcomes.Wave")
    except LookupError:
        return []
    labels = dict(model._meta.get_field("kind").choices)
    return [(kind, labels.get(kind, kind)) for kind in FOLLOW_UPS]


# --- the query ------------------------------------------------------------------------------


def grouped_rows(filters: Filters, *, today: datetime.date | None = None) -> list[dict]:
    """One query: per wave and every dimension value, people asked and answered, and the
    numerator and denominator of every measure."""
    try:
        model = apps.get_model("outcomes.Response")
    except LookupError:
        return []
    today = today or timezone.localdate()
    application = "participant__application__"
    queryset = model._base_manager.exclude(
        # a follow-up of someone who left the cohort is not counted as asked
        Q(status="pending") & Q(participant__status="withdrawn") & ~Q(wave__kind=BASELINE)
    )
    if filters.cohort:
        queryset = queryset.filter(wave__cohort_id=filters.cohort)
    if filters.city:
        queryset = queryset.filter(**{f"{application}city": filters.city})
    aggregates: dict[str, object] = {
        "asked": Count("pk"),
        "answered": Count("pk", filter=ANSWERED),
    }
    for measure in _measures():
        aggregates[f"{measure.key}__n"] = measure.numerator
        aggregates[f"{measure.key}__d"] = measure.denominator
        if measure.kind == "mean_sales":
            aggregates[f"{measure.key}__n2"] = _band_sum("sales_to", SALES_HIGH)
    return list(
        queryset.annotate(
            r_wave=F("wave__kind"),
            r_cohort=F("wave__cohort_id"),
            r_sex=F(f"{application}sex"),
            r_age=_age_band(f"{application}birth_date", today),
            r_group=F(f"{application}population_group"),
            r_city=F(f"{application}city"),
            r_document=_document_status(f"{application}document_type"),
        )
        .order_by()
        .values("r_wave", "r_cohort", "r_sex", "r_age", "r_group", "r_city", "r_document")
        .annotate(**aggregates)
    )


# --- the summary ----------------------------------------------------------------------------
# The dashboard does not read the answers: it reads their sums per cohort, city, wave and
# breakdown value (``outcomes.OutcomeSummary``), kept fresh by the outcomes app after every
# answer and nightly. A few hundred rows, whatever the number of answers.

ALL = "all"
SUMMARY_DIMENSIONS = ("sex", "age", "group", "city", "document", "cohort")


def summary_cells(cohort_id: int, *, today: datetime.date | None = None) -> list[dict]:
    """The summary rows of one cohort, computed from its answers (one query): for each
    city and wave, the totals (dimension "all") and the sums per value of each breakdown."""
    today = today or timezone.localdate()
    rows = grouped_rows(Filters(date_from=today, date_to=today, cohort=cohort_id), today=today)
    cells: dict[tuple[str, str, str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in rows:
        sums = {k: int(v or 0) for k, v in row.items() if not k.startswith("r_")}
        city = row["r_city"] or ""
        keys = [(ALL, "")] + [
            (d, UNKNOWN if row[f"r_{d}"] in (None, "") else str(row[f"r_{d}"]))
            for d in SUMMARY_DIMENSIONS
        ]
        for dimension, value in keys:
            target = cells[(city, row["r_wave"], dimension, value)]
            for name, amount in sums.items():
                target[name] += amount
    return [
        {
            "city": city,
            "wave_kind": wave,
            "dimension": dimension,
            "value": value,
            "sums": dict(sums),
        }
        for (city, wave, dimension, value), sums in cells.items()
    ]


def summary_rows(filters: Filters, *, breakdown: str) -> list[tuple[str, str, str, dict]]:
    """One query: (wave, dimension, value, sums) of the totals and of ``breakdown``."""
    try:
        model = apps.get_model("outcomes.OutcomeSummary")
    except LookupError:
        return []
    queryset = model._base_manager.filter(dimension__in=[ALL, breakdown])
    if filters.cohort:
        queryset = queryset.filter(cohort_id=filters.cohort)
    if filters.city:
        queryset = queryset.filter(city=filters.city)
    return list(queryset.values_list("wave_kind", "dimension", "value", "sums"))


def _summary_key(breakdown: str, value: str):
    if value in ("", UNKNOWN):
        return UNKNOWN
    if breakdown == "cohort" and value.isdigit():
        return int(value)
    return value


# --- the roll-up ----------------------------------------------------------------------------


@dataclass
class Pair:
    """One line of an outcome table: before (baseline) and after (the follow-up), each
    with the number of people who answered and the response rate."""

    label: str
    before: Cell
    after: Cell
    n_before: Cell
    n_after: Cell
    rate_before: Cell
    rate_after: Cell

    @property
    def change(self) -> Cell:
        if (
            self.before.suppressed
            or self.after.suppressed
            or self.before.value is None
            or self.after.value is None
        ):
            hidden = self.before.suppressed or self.after.suppressed
            return Cell(value=None, base=0, suppressed=hidden)
        return Cell(value=self.after.value - self.before.value, base=0)


@dataclass
class OutcomeItem:
    measure: OutcomeMeasure
    total: Pair
    by: list[Pair] = field(default_factory=list)


@dataclass
class OutcomesReport:
    after_wave: str
    breakdown: str
    suppressed: bool
    items: list[OutcomeItem]
    #: per wave: (people answered, people asked) for the whole selection
    rates: dict[str, Cell]
    has_data: bool


def _value(measure: OutcomeMeasure, sums: dict[str, int]) -> Cell:
    numerator = sums.get(f"{measure.key}__n", 0) or 0
    denominator = sums.get(f"{measure.key}__d", 0) or 0
    answered = sums.get("answered", 0) or 0
    if measure.kind == "sum":
        return Cell(value=int(numerator) if answered else None, base=answered)
    if not denominator:
        return Cell(value=None, base=0)
    if measure.kind == "share":
        value = (Decimal(numerator) * 100 / Decimal(denominator)).quantize(Decimal("0.1"))
        return Cell(value=value, base=int(denominator))
    if measure.kind == "mean_sales":
        high = sums.get(f"{measure.key}__n2", 0) or 0
        return Cell(value=int((numerator + high) / 2 / denominator), base=int(denominator))
    value = (Decimal(numerator) / Decimal(denominator)).quantize(Decimal("0.1"))
    return Cell(value=value, base=int(denominator))


def _rate(sums: dict[str, int]) -> Cell:
    asked = sums.get("asked", 0) or 0
    answered = sums.get("answered", 0) or 0
    if not asked:
        return Cell(value=None, base=0)
    return Cell(
        value=(Decimal(answered) * 100 / Decimal(asked)).quantize(Decimal("0.1")), base=answered
    )


def _hide_with(cell: Cell, respondents: Cell) -> Cell:
    """A figure is hidden when the people behind it are, or when fewer than SMALL_CELL
    people answered its question."""
    if respondents.suppressed or (cell.value is not None and 0 < cell.base < SMALL_CELL):
        return Cell(value=cell.value, base=cell.base, suppressed=True, secondary=True)
    return cell


def _dimension_values(dimension: str, cohorts: dict[int, str], seen) -> list[tuple[object, str]]:
    if dimension == "cohort":
        values = [(k, str(v)) for k, v in cohorts.items()]
    else:
        values = [(k, str(v)) for k, v in DIMENSIONS[dimension][1].items()]
    known = {k for k, _label in values}
    return values + [(k, _other_label(dimension, k)) for k in seen if k not in known]


def build_outcomes(
    filters: Filters,
    *,
    breakdown: str,
    after_wave: str,
    suppress: bool,
    cohorts: dict[int, str] | None = None,
    today: datetime.date | None = None,
) -> OutcomesReport:
    cohorts = cohorts or {}
    rows = summary_rows(filters, breakdown=breakdown)
    waves = (BASELINE, after_wave)
    totals: dict[str, dict[str, int]] = {w: defaultdict(int) for w in waves}
    by: dict[str, dict[object, dict[str, int]]] = {
        w: defaultdict(lambda: defaultdict(int)) for w in waves
    }
    rates: dict[str, Cell] = {}
    all_totals: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for wave, dimension, value, sums in rows:
        if dimension == ALL:
            for name, amount in sums.items():
                all_totals[wave][name] += amount
                if wave in totals:
                    totals[wave][name] += amount
        elif wave in by:
            key = _summary_key(breakdown, value)
            for name, amount in sums.items():
                by[wave][key][name] += amount
    for kind in (BASELINE, *FOLLOW_UPS):
        rates[kind] = _rate(all_totals.get(kind, {}))
    seen = set(by[BASELINE]) | set(by[after_wave])
    values = _dimension_values(breakdown, cohorts, seen)
    # who answered, per wave: the cells that suppression protects
    respondents: dict[str, tuple[Cell, list[Cell]]] = {}
    for wave in waves:
        total = Cell(value=totals[wave].get("answered", 0), base=totals[wave].get("answered", 0))
        cells = [
            Cell(value=by[wave][k].get("answered", 0), base=by[wave][k].get("answered", 0))
            for k, _label in values
        ]
        if suppress:
            suppress_block(total=total, tables=[cells])
        respondents[wave] = (total, cells)
    rate_cells = {
        wave: (
            _rate(totals[wave]),
            [_rate(by[wave][k]) if k in by[wave] else Cell(value=None, base=0) for k, _l in values],
        )
        for wave in waves
    }

    def pair(measure: OutcomeMeasure, label: str, index: int | None) -> Pair:
        cells = {}
        for wave in waves:
            total_n, cells_n = respondents[wave]
            n = total_n if index is None else cells_n[index]
            sums = totals[wave] if index is None else by[wave].get(values[index][0], {})
            value = _value(measure, sums)
            rate = rate_cells[wave][0] if index is None else rate_cells[wave][1][index]
            if suppress:
                value = _hide_with(value, n)
                rate = _hide_with(rate, n) if n.suppressed else rate
            cells[wave] = (value, n, rate)
        return Pair(
            label=label,
            before=cells[BASELINE][0],
            after=cells[after_wave][0],
            n_before=cells[BASELINE][1],
            n_after=cells[after_wave][1],
            rate_before=cells[BASELINE][2],
            rate_after=cells[after_wave][2],
        )

    items = [
        OutcomeItem(
            measure=measure,
            total=pair(measure, str(_("All people")), None),
            by=[pair(measure, label, index) for index, (_k, label) in enumerate(values)],
        )
        for measure in _measures()
    ]
    return OutcomesReport(
        after_wave=after_wave,
        breakdown=breakdown,
        suppressed=suppress,
        items=items,
        rates=rates,
        has_data=bool(rows),
    )
