"""The employer partners' part of the outcomes section: hires of participants and alumni
by partner employers, and purchase orders partners placed with their businesses.

The site package does not import the app that records them (``community``): the figures
arrive through ``semilla.hooks.outcome_counts`` (a bounded number of queries, whatever the
number of hires), as rows per cohort, city and month, for the hires and orders dated in the
dashboard's period (the hire's or the order's own date, a day in the programme's time
zone). They are filtered like the rest of the dashboard (period, cohort, city) and broken
down by city and by cohort (the only breakdowns these figures carry).

Small numbers are hidden like every other indicator (``selectors.suppress_block``): each
month of the period on its own (a count of 1 to SMALL_CELL - 1, and any count from which
one could be worked out), then a figure of the whole period is shown only when every
month's figure behind it is, so that no two periods a funder may choose give back a hidden
number by subtraction. The value of the orders is shown only when the number of orders
behind it is."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from semilla import hooks

from .indicators import DIMENSIONS, UNKNOWN, Unit
from .selectors import Cell, Filters, _hide, _other_label, _small, suppress_block

FIGURE_HIRES = "employer_hires"
FIGURE_PURCHASE_ORDERS = "employer_purchase_orders"
#: the breakdowns these figures carry (any other falls back to the city)
BREAKDOWNS = ("city", "cohort")
#: the value of orders is summed in this currency only (orders in another are counted)
VALUE_CURRENCY = "COP"
#: the key of the whole period in the sums (the months are keyed by their first day)
WHOLE = None


@dataclass
class PartnerFigure:
    key: str
    label: object
    definition: object
    unit: str
    total: Cell
    #: the chosen breakdown: (category label, cell)
    by: list[tuple[str, Cell]] = field(default_factory=list)
    #: every breakdown (city, cohort), for the exports
    by_dimension: dict[str, list[tuple[str, Cell]]] = field(default_factory=dict)
    series: list[tuple[datetime.date, Cell]] = field(default_factory=list)


@dataclass
class PartnersReport:
    breakdown: str
    suppressed: bool
    items: list[PartnerFigure]
    has_data: bool


@dataclass
class _Block:
    """One figure over one period (the whole period or a month): its total and a table of
    cells per breakdown, in the order of the breakdown's categories."""

    total: Cell
    tables: dict[str, list[Cell]]


#: period (WHOLE or a month) -> breakdown -> category -> amount
_Sums = dict[datetime.date | None, dict[str, dict[object, int]]]


def _values(breakdown: str, cohorts: dict[int, str], seen) -> list[tuple[object, str]]:
    values: list[tuple[object, str]]
    if breakdown == "cohort":
        values = [(k, str(v)) for k, v in cohorts.items()]
    else:
        values = [(k, str(v)) for k, v in DIMENSIONS["city"][1].items()]
    known = {k for k, _label in values}
    return values + [(k, _other_label(breakdown, k)) for k in sorted(seen - known, key=str)]


def _key(row: hooks.OutcomeCount, breakdown: str):
    value = row.cohort_id if breakdown == "cohort" else row.city
    return UNKNOWN if value in (None, "") else value


def _sums(rows: list[hooks.OutcomeCount], amount: Callable[[hooks.OutcomeCount], int]) -> _Sums:
    sums: _Sums = defaultdict(lambda: {d: defaultdict(int) for d in BREAKDOWNS})
    for row in rows:
        for period in (WHOLE,) if row.month is None else (WHOLE, row.month):
            for breakdown in BREAKDOWNS:
                sums[period][breakdown][_key(row, breakdown)] += amount(row)
    return sums


def _count_block(sums: _Sums, period, keys: dict[str, list]) -> _Block:
    tables = sums.get(period, {})
    total = sum(tables.get("city", {}).values())
    return _Block(
        total=Cell(value=total, base=total),
        tables={
            d: [
                Cell(value=tables.get(d, {}).get(k, 0), base=tables.get(d, {}).get(k, 0))
                for k in ks
            ]
            for d, ks in keys.items()
        },
    )


def _hidden_with(value: Cell, count: Cell) -> Cell:
    """The value of some orders is shown only when their number is."""
    if count.suppressed:
        return Cell(value=value.value, base=value.base, suppressed=True, secondary=True)
    return value


def _value_block(sums: _Sums, period, keys: dict[str, list], counts: _Block) -> _Block:
    tables = sums.get(period, {})
    return _Block(
        total=_hidden_with(
            Cell(value=sum(tables.get("city", {}).values()), base=counts.total.base), counts.total
        ),
        tables={
            d: [
                _hidden_with(Cell(value=tables.get(d, {}).get(k, 0), base=cell.base), cell)
                for k, cell in zip(ks, counts.tables[d], strict=True)
            ]
            for d, ks in keys.items()
        },
    )


def _suppress(whole: _Block, months: list[_Block], outside: bool) -> None:
    """Each month on its own, then the whole period from its months (as
    ``selectors._suppress_from_months`` does for the other indicators)."""
    hidden_total = outside
    hidden: dict[str, set[int]] = {d: set() for d in whole.tables}
    for month in months:
        suppress_block(total=month.total, tables=list(month.tables.values()))
        hidden_total = hidden_total or month.total.suppressed
        for d, cells in month.tables.items():
            hidden[d].update(i for i, cell in enumerate(cells) if cell.suppressed)
    if hidden_total or _small(whole.total):
        _hide(whole.total)
    for d, cells in whole.tables.items():
        for i, cell in enumerate(cells):
            if outside or i in hidden[d] or _small(cell):
                _hide(cell)


@dataclass(frozen=True)
class _Meta:
    key: str
    label: object
    definition: object
    unit: str


HIRES = _Meta(
    "partner_hires",
    _("Hires by employer partners"),
    _(
        "Participants and alumni hired by employer partners in the period (by the date of "
        "the hire), as staff recorded them; a person hired twice counts twice."
    ),
    Unit.COUNT,
)
ORDERS = _Meta(
    "partner_orders",
    _("Purchase orders from partners"),
    _(
        "Purchase orders that employer partners placed with the businesses of participants "
        "and alumni in the period (by the date of the order), as staff recorded them."
    ),
    Unit.COUNT,
)
ORDERS_VALUE = _Meta(
    "partner_orders_value",
    _("Value of purchase orders from partners"),
    _("Sum of the purchase orders in pesos; shown only where the number of orders behind it is."),
    Unit.COP,
)
#: the figures, in the order the dashboard and the exports show them
FIGURES = (HIRES, ORDERS, ORDERS_VALUE)


def _figure(
    meta: _Meta,
    whole: _Block,
    months: list[tuple[datetime.date, _Block]],
    labels: dict[str, list[str]],
    breakdown: str,
) -> PartnerFigure:
    by_dimension = {d: list(zip(labels[d], whole.tables[d], strict=True)) for d in BREAKDOWNS}
    return PartnerFigure(
        key=meta.key,
        label=meta.label,
        definition=meta.definition,
        unit=meta.unit,
        total=whole.total,
        by=by_dimension[breakdown],
        by_dimension=by_dimension,
        series=[(month, block.total) for month, block in months],
    )


def build_partner_counts(
    filters: Filters,
    *,
    breakdown: str,
    suppress: bool,
    cohorts: dict[int, str] | None = None,
) -> PartnersReport:
    """Hires, purchase orders and their value in the period, in total, per city and per
    cohort (``breakdown`` picks the one the dashboard shows) and per month."""
    cohorts = cohorts or {}
    breakdown = breakdown if breakdown in BREAKDOWNS else "city"
    rows = [
        row
        for row in hooks.outcome_counts(date_from=filters.date_from, date_to=filters.date_to)
        if row.figure in (FIGURE_HIRES, FIGURE_PURCHASE_ORDERS)
        and (not filters.cohort or row.cohort_id == filters.cohort)
        and (not filters.city or row.city == filters.city)
    ]
    hires = _sums([r for r in rows if r.figure == FIGURE_HIRES], lambda r: r.count)
    orders_rows = [r for r in rows if r.figure == FIGURE_PURCHASE_ORDERS]
    orders = _sums(orders_rows, lambda r: r.count)
    value = _sums(orders_rows, lambda r: r.value_minor if r.currency == VALUE_CURRENCY else 0)
    categories = {
        d: _values(d, cohorts, set(hires[WHOLE][d]) | set(orders[WHOLE][d])) for d in BREAKDOWNS
    }
    keys = {d: [k for k, _label in values] for d, values in categories.items()}
    labels = {d: [label for _k, label in values] for d, values in categories.items()}
    month_list = filters.months()
    outside = any(row.month not in month_list for row in rows)

    def counts(sums: _Sums) -> tuple[_Block, list[tuple[datetime.date, _Block]]]:
        whole = _count_block(sums, WHOLE, keys)
        months = [(month, _count_block(sums, month, keys)) for month in month_list]
        if suppress:
            _suppress(whole, [block for _m, block in months], outside)
        return whole, months

    hires_whole, hires_months = counts(hires)
    orders_whole, orders_months = counts(orders)
    value_whole = _value_block(value, WHOLE, keys, orders_whole)
    value_months = [
        (month, _value_block(value, month, keys, block)) for month, block in orders_months
    ]
    items = [
        _figure(meta, whole, months, labels, breakdown)
        for meta, whole, months in (
            (HIRES, hires_whole, hires_months),
            (ORDERS, orders_whole, orders_months),
            (ORDERS_VALUE, value_whole, value_months),
        )
    ]
    return PartnersReport(
        breakdown=breakdown, suppressed=suppress, items=items, has_data=bool(rows)
    )
