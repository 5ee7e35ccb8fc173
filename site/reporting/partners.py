"""The employer partners' part of the outcomes section: hires of participants and alumni
by partner employers, and purchase orders partners placed with their businesses.

The site package does not import the app that records them (``community``): the figures
arrive through ``semilla.hooks.outcome_counts`` (a bounded number of queries, whatever the
number of hires), as rows per cohort and city. They are filtered like the rest of the
dashboard (cohort, city; the counts are all-time, not by period) and broken down by city
or by cohort (the only breakdowns these figures carry). Small numbers are hidden with the
dashboard's own suppression (``selectors.suppress_block``): a count of 1 to SMALL_CELL - 1
is never shown when suppressing, nor any count from which one could be worked out; the
value of the orders is shown only when the number of orders behind it is."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from semilla import hooks

from .indicators import DIMENSIONS, UNKNOWN, Unit
from .selectors import Cell, Filters, _other_label, suppress_block

FIGURE_HIRES = "employer_hires"
FIGURE_PURCHASE_ORDERS = "employer_purchase_orders"
#: the breakdowns these figures carry (any other falls back to the city)
BREAKDOWNS = ("city", "cohort")
#: the value of orders is summed in this currency only (orders in another are counted)
VALUE_CURRENCY = "COP"


@dataclass
class PartnerFigure:
    key: str
    label: object
    definition: object
    unit: str
    total: Cell
    by: list[tuple[str, Cell]] = field(default_factory=list)


@dataclass
class PartnersReport:
    breakdown: str
    suppressed: bool
    items: list[PartnerFigure]
    has_data: bool


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


def _hidden_with(value: Cell, count: Cell) -> Cell:
    """The value of some orders is shown only when their number is."""
    if count.suppressed:
        return Cell(value=value.value, base=value.base, suppressed=True, secondary=True)
    return value


def build_partner_counts(
    filters: Filters,
    *,
    breakdown: str,
    suppress: bool,
    cohorts: dict[int, str] | None = None,
) -> PartnersReport:
    """Hires, purchase orders and their value, in total and per city (or cohort)."""
    cohorts = cohorts or {}
    breakdown = breakdown if breakdown in BREAKDOWNS else "city"
    rows = [
        row
        for row in hooks.outcome_counts()
        if row.figure in (FIGURE_HIRES, FIGURE_PURCHASE_ORDERS)
        and (not filters.cohort or row.cohort_id == filters.cohort)
        and (not filters.city or row.city == filters.city)
    ]
    counts: dict[str, dict[object, int]] = {
        FIGURE_HIRES: defaultdict(int),
        FIGURE_PURCHASE_ORDERS: defaultdict(int),
    }
    value_minor: dict[object, int] = defaultdict(int)
    for row in rows:
        key = _key(row, breakdown)
        counts[row.figure][key] += row.count
        if row.figure == FIGURE_PURCHASE_ORDERS and row.currency == VALUE_CURRENCY:
            value_minor[key] += row.value_minor
    seen = set(counts[FIGURE_HIRES]) | set(counts[FIGURE_PURCHASE_ORDERS])
    values = _values(breakdown, cohorts, seen)

    def count_cells(figure: str) -> tuple[Cell, list[Cell]]:
        by_key = counts[figure]
        total_n = sum(by_key.values())
        total = Cell(value=total_n, base=total_n)
        cells = [Cell(value=by_key.get(k, 0), base=by_key.get(k, 0)) for k, _l in values]
        if suppress:
            suppress_block(total=total, tables=[cells])
        return total, cells

    hires_total, hires_by = count_cells(FIGURE_HIRES)
    orders_total, orders_by = count_cells(FIGURE_PURCHASE_ORDERS)
    value_total = _hidden_with(
        Cell(value=sum(value_minor.values()), base=orders_total.base), orders_total
    )
    value_by = [
        _hidden_with(Cell(value=value_minor.get(k, 0), base=cell.base), cell)
        for (k, _l), cell in zip(values, orders_by, strict=True)
    ]
    labels = [label for _k, label in values]
    items = [
        PartnerFigure(
            key="partner_hires",
            label=_("Hires by employer partners"),
            definition=_(
                "Participants and alumni hired by employer partners, as staff recorded them "
                "(all time; a person hired twice counts twice)."
            ),
            unit=Unit.COUNT,
            total=hires_total,
            by=list(zip(labels, hires_by, strict=True)),
        ),
        PartnerFigure(
            key="partner_orders",
            label=_("Purchase orders from partners"),
            definition=_(
                "Purchase orders that employer partners placed with the businesses of "
                "participants and alumni, as staff recorded them (all time)."
            ),
            unit=Unit.COUNT,
            total=orders_total,
            by=list(zip(labels, orders_by, strict=True)),
        ),
        PartnerFigure(
            key="partner_orders_value",
            label=_("Value of purchase orders from partners"),
            definition=_(
                "Sum of the purchase orders in pesos; shown only where the number of orders "
                "behind it is."
            ),
            unit=Unit.COP,
            total=value_total,
            by=list(zip(labels, value_by, strict=True)),
        ),
    ]
    return PartnersReport(
        breakdown=breakdown, suppressed=suppress, items=items, has_data=bool(rows)
    )
