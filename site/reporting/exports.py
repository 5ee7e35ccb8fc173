"""CSV and XLSX exports of the dashboard's report: the same numbers (built from the same
``Report``, ``OutcomesReport`` and ``PartnersReport``), with a definitions sheet. Funder
exports carry suppressed cells (the mark "*", never a number)."""

from __future__ import annotations

from decimal import Decimal

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from semilla.enums import City
from semilla.exports import Sheet, csv_lines, xlsx_bytes

from .charts import format_value
from .indicators import DIMENSIONS, INDICATORS, Unit
from .outcomes import BASELINE, OutcomesReport, Pair, measures, wave_choices
from .partners import FIGURES, PartnersReport
from .selectors import SECONDARY_MARK, SMALL_CELL, UNIT_LABELS, Cell, Report
from .sources import source


def dimension_label(dimension: str) -> str:
    if dimension == "cohort":
        return _("Cohort")
    return str(DIMENSIONS[dimension][0])


def _value(cell: Cell, unit: str | None = None):
    """A number where there is one; the suppression mark where it is hidden. Money is
    kept in the ledger's minor units (centavos); an export gives pesos, as its unit column
    ("Colombian pesos (COP)") and the dashboard say, exact to the centavo."""
    if cell.suppressed:
        return cell.display()
    if cell.value is None:
        return ""
    if unit == Unit.COP:
        return _pesos(cell.value)
    return float(cell.value) if not isinstance(cell.value, int) else cell.value


def _pesos(minor) -> int | Decimal:
    """Minor units (an integer, or an average of them) as pesos: a whole number when there
    are no centavos, else a ``Decimal`` to the centavo (never a float)."""
    pesos = (Decimal(minor if isinstance(minor, int) else str(minor)) / 100).quantize(
        Decimal("0.01")
    )
    return int(pesos) if pesos == pesos.to_integral_value() else pesos


def long_rows(
    report: Report,
    outcomes: OutcomesReport | None = None,
    partners: PartnersReport | None = None,
) -> list[list]:
    """indicator key, indicator, unit, breakdown, category, value — totals, every
    dimension and every month; then the outcomes (one row per measure, wave and category,
    and the response rate of each, code ``outcome.<measure>.<wave>``); then the employer
    partners' figures (total, by city, by cohort, by month)."""
    rows = []
    for item in report.indicators:
        by = {d: [(label, cell) for _key, label, cell in e] for d, e in item.by.items()}
        rows.extend(_figure_long_rows(item, by))
    if outcomes is not None:
        rows.extend(_outcome_long_rows(outcomes))
    if partners is not None:
        rows.extend(_partner_long_rows(partners))
    return rows


def _figure_long_rows(item, by: dict[str, list[tuple[str, Cell]]]) -> list[list]:
    """The long rows of an indicator or a partners' figure: its total, each category of
    each breakdown in ``by`` (dimension -> (category, cell) pairs) and each month."""
    unit = str(UNIT_LABELS[item.unit])

    def row(breakdown: str, category: str, cell: Cell) -> list:
        return [item.key, str(item.label), unit, breakdown, category, _value(cell, item.unit)]

    rows = [row(_("Total"), _("Total"), item.total)]
    for dimension, entries in by.items():
        rows.extend(row(dimension_label(dimension), label, cell) for label, cell in entries)
    rows.extend(row(_("Month"), month.strftime("%Y-%m"), cell) for month, cell in item.series)
    return rows


def _partner_long_rows(partners: PartnersReport) -> list[list]:
    rows = []
    for item in partners.items:
        rows.extend(_figure_long_rows(item, item.by_dimension))
    return rows


def _wave_label(kind: str) -> str:
    labels = dict(wave_choices())
    if kind == BASELINE:
        return _("Baseline")
    return str(labels.get(kind, kind))


def _outcome_long_rows(outcomes: OutcomesReport) -> list[list]:
    rows = []
    breakdown = dimension_label(outcomes.breakdown)
    rate_unit = str(UNIT_LABELS[Unit.PERCENT])
    for item in outcomes.items:
        measure = item.measure
        unit = str(UNIT_LABELS[measure.unit])
        for wave, attr in ((BASELINE, "before"), (outcomes.after_wave, "after")):
            code = f"outcome.{measure.key}.{wave}"
            label = f"{measure.label} · {_wave_label(wave)}"
            for scope, pair in ((_("Total"), item.total), *((breakdown, p) for p in item.by)):
                category = _("Total") if pair is item.total else pair.label
                rows.append(
                    [code, label, unit, scope, category, _value(getattr(pair, attr), measure.unit)]
                )
                rows.append(
                    [
                        f"{code}.response_rate",
                        f"{label} · {_('Response rate')}",
                        rate_unit,
                        scope,
                        category,
                        _value(getattr(pair, f"rate_{attr}")),
                    ]
                )
    return rows


def _fmt_pair(pair: Pair, unit: str) -> dict:
    return {
        "label": pair.label,
        "before": format_value(pair.before, unit),
        "after": format_value(pair.after, unit),
        "change": format_value(pair.change, unit)
        if pair.change.value is not None or pair.change.suppressed
        else "–",
        "n_before": format_value(pair.n_before, Unit.COUNT),
        "n_after": format_value(pair.n_after, Unit.COUNT),
        "rate_before": format_value(pair.rate_before, Unit.PERCENT),
        "rate_after": format_value(pair.rate_after, Unit.PERCENT),
    }


def outcome_rows(outcomes: OutcomesReport) -> dict:
    """What the dashboard's outcomes section shows, formatted."""
    return {
        "after_label": _wave_label(outcomes.after_wave),
        "breakdown_label": dimension_label(outcomes.breakdown),
        "has_data": outcomes.has_data,
        "rates": [
            (_wave_label(kind), format_value(cell, Unit.PERCENT))
            for kind, cell in outcomes.rates.items()
        ],
        "items": [
            {
                "key": item.measure.key,
                "label": item.measure.label,
                "definition": item.measure.definition,
                "total": _fmt_pair(item.total, item.measure.unit),
                "rows": [_fmt_pair(p, item.measure.unit) for p in item.by],
            }
            for item in outcomes.items
        ],
    }


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


def _definition_row(item, key: str, origin: str) -> list[str]:
    """A row of the Definitions sheet for an indicator, an outcome measure or a partners'
    figure: code, label, the definition in both languages, unit, where it comes from."""
    with translation.override("es"):
        spanish = str(item.definition)
    with translation.override("en"):
        english = str(item.definition)
    return [key, str(item.label), spanish, english, str(UNIT_LABELS[item.unit]), origin]


def xlsx_sheets(
    report: Report,
    outcomes: OutcomesReport | None = None,
    partners: PartnersReport | None = None,
) -> list[Sheet]:
    """The indicators and, when given, the employer partners' figures on the summary,
    disaggregation and by-month sheets; the outcomes on a sheet of their own."""
    figures = [*report.indicators, *(partners.items if partners is not None else [])]
    summary = Sheet(
        title=_("Summary"),
        header=[_("Code"), _("Indicator"), _("Unit"), _("Total")],
        rows=[
            [item.key, str(item.label), str(UNIT_LABELS[item.unit]), _value(item.total, item.unit)]
            for item in figures
        ],
    )
    breakdown = Sheet(
        title=_("Disaggregation"),
        header=header(),
        rows=[
            row
            for row in long_rows(report, partners=partners)
            if row[3] not in (_("Total"), _("Month"))
        ],
    )
    months = report.filters.months()
    by_month = Sheet(
        title=_("By month"),
        header=[_("Code"), _("Indicator"), *[m.strftime("%Y-%m") for m in months]],
        rows=[
            [item.key, str(item.label), *[_value(c, item.unit) for _m, c in item.series]]
            for item in figures
        ],
    )
    definitions = []
    for indicator in INDICATORS:
        src = source(indicator.source)
        definitions.append(_definition_row(indicator, indicator.key, src.model if src else ""))
    definitions += [
        _definition_row(
            measure, f"outcome.{measure.key}", f"outcomes.Response ({measure.question})"
        )
        for measure in measures()
    ]
    if partners is not None:
        definitions += [
            _definition_row(figure, figure.key, "semilla.hooks.outcome_counts")
            for figure in FIGURES
        ]
    definitions.append([])
    definitions.append(
        [_("Breakdowns"), ", ".join([dimension_label(d) for d in [*DIMENSIONS, "cohort"]])]
    )
    definitions.append(
        [
            _("Outcomes"),
            _(
                "Each outcome figure is over the people who answered that survey wave, not "
                "over the whole cohort: read it with its response rate. Small groups are "
                "hidden like every other figure."
            ),
        ]
    )
    about = filters_description(report)
    outcome_sheets = []
    if outcomes is not None:
        outcome_sheets.append(
            Sheet(
                title=_("Outcomes"),
                header=[
                    _("Code"),
                    _("Measure"),
                    _("Unit"),
                    dimension_label(outcomes.breakdown),
                    _("Baseline"),
                    _wave_label(outcomes.after_wave),
                    _("Change"),
                    _("Answered (baseline)"),
                    _("Answered (follow-up)"),
                    _("Response rate % (baseline)"),
                    _("Response rate % (follow-up)"),
                ],
                rows=[
                    [
                        f"outcome.{item.measure.key}",
                        str(item.measure.label),
                        str(UNIT_LABELS[item.measure.unit]),
                        pair.label,
                        _value(pair.before, item.measure.unit),
                        _value(pair.after, item.measure.unit),
                        _value(pair.change, item.measure.unit),
                        _value(pair.n_before),
                        _value(pair.n_after),
                        _value(pair.rate_before),
                        _value(pair.rate_after),
                    ]
                    for item in outcomes.items
                    for pair in (item.total, *item.by)
                ],
            )
        )
    return [
        summary,
        breakdown,
        by_month,
        *outcome_sheets,
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
