"""Server-rendered charts: the geometry of horizontal bar charts (one row per category, so
labels stay readable on a narrow phone) and line charts (one point per month), drawn as
SVG by the templates. No JavaScript; every chart has a title, a description and the same
numbers as a table."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.formats import number_format

from semilla.templatetags.semilla_tags import money

from .indicators import Unit
from .selectors import Cell

WIDTH = 320
BAR_ROW = 34
BAR_HEIGHT = 12
LINE_HEIGHT = 150
LINE_PAD = 24


def format_value(cell: Cell, unit: str) -> str:
    if cell.suppressed or cell.value is None:
        return cell.display()
    if unit == Unit.COP:
        return money(cell.value, "COP")
    if unit == Unit.PERCENT:
        return f"{number_format(cell.value, decimal_pos=1)} %"
    if unit == Unit.HOURS or isinstance(cell.value, Decimal):
        # a mean (people working per business: 1.4 → 1.6) keeps its decimal, or a change of
        # 0.2 would read "0"; a count is an int
        return number_format(cell.value, decimal_pos=1, force_grouping=True)
    return number_format(cell.value, decimal_pos=0, force_grouping=True)


def _number(cell: Cell) -> float:
    if cell.suppressed or cell.value is None:
        return 0.0
    return float(cell.value)


@dataclass
class Bar:
    label: str
    text: str
    y: int
    width: float
    hidden: bool


@dataclass
class BarChart:
    bars: list[Bar]
    height: int
    width: int = WIDTH


def bar_chart(entries: list[tuple[str, str, Cell]], unit: str) -> BarChart:
    top = max((_number(cell) for _k, _l, cell in entries), default=0.0) or 1.0
    bars = []
    for index, (_key, label, cell) in enumerate(entries):
        y = index * BAR_ROW
        bars.append(
            Bar(
                label=label,
                text=format_value(cell, unit),
                y=y,
                width=round(_number(cell) / top * (WIDTH - 4), 1),
                hidden=cell.suppressed,
            )
        )
    return BarChart(bars=bars, height=max(len(entries) * BAR_ROW, BAR_ROW))


@dataclass
class Point:
    x: float
    y: float
    label: str
    text: str


@dataclass
class LineChart:
    segments: list[str]
    points: list[Point]
    top_text: str
    first_label: str
    last_label: str
    width: int = WIDTH
    height: int = LINE_HEIGHT
    baseline: float = LINE_HEIGHT - LINE_PAD
    labels: list[Point] = field(default_factory=list)
    #: hidden (suppressed) months: where the line breaks, so a chart can mark the gap
    gaps: list[Point] = field(default_factory=list)


def line_chart(series: list, unit: str) -> LineChart:
    """Months on the x axis; a hidden (suppressed) month breaks the line."""
    top = max((_number(cell) for _m, cell in series), default=0.0) or 1.0
    count = max(len(series) - 1, 1)
    usable = LINE_HEIGHT - 2 * LINE_PAD
    segments: list[str] = []
    current: list[str] = []
    points = []
    gaps = []
    for index, (month, cell) in enumerate(series):
        x = round(8 + index * (WIDTH - 16) / count, 1)
        label = month.strftime("%Y-%m")
        if cell.suppressed or cell.value is None:
            if len(current) > 1:
                segments.append(" ".join(current))
            current = []
            if cell.suppressed:
                gaps.append(Point(x=x, y=LINE_HEIGHT - LINE_PAD, label=label, text=""))
            continue
        y = round(LINE_HEIGHT - LINE_PAD - _number(cell) / top * usable, 1)
        current.append(f"{x},{y}")
        points.append(Point(x=x, y=y, label=label, text=format_value(cell, unit)))
    if len(current) > 1:
        segments.append(" ".join(current))
    top_cell = Cell(
        value=int(top) if unit not in (Unit.PERCENT, Unit.HOURS) else top, base=SMALL_ENOUGH
    )
    return LineChart(
        segments=segments,
        points=points,
        top_text=format_value(top_cell, unit) if points else "",
        first_label=series[0][0].strftime("%Y-%m") if series else "",
        last_label=series[-1][0].strftime("%Y-%m") if series else "",
        gaps=gaps,
    )


SMALL_ENOUGH = 10**9
