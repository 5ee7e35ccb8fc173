"""Colombian business days for the legal deadlines of data requests (Law 1581 of 2012:
10 business days for a query, 15 for a claim). The holidays come from the maintained
``holidays`` package, asked in one place: ``semilla.privacy.business_days``."""

import ast
import datetime
from pathlib import Path

import holidays
import pytest
from hypothesis import given
from hypothesis import strategies as st

from semilla.privacy import business_days
from semilla.privacy.business_days import (
    add_business_days,
    business_days_between,
    colombian_holidays,
    is_business_day,
)

D = datetime.date
ROOT = Path(__file__).resolve().parents[2]
CHOKEPOINT = ROOT / "site" / "privacy" / "business_days.py"
SCANNED = ["site", "cohorts", "mentors", "curriculum", "pitchday", "scripts", "bench"]

HOLIDAYS_2025 = [
    D(2025, 1, 1),
    D(2025, 1, 6),  # Reyes Magos, already a Monday
    D(2025, 3, 24),  # San José, moved to Monday
    D(2025, 4, 17),  # Jueves Santo
    D(2025, 4, 18),  # Viernes Santo
    D(2025, 5, 1),
    D(2025, 6, 2),  # Ascensión
    D(2025, 6, 23),  # Corpus Christi
    D(2025, 6, 30),  # Sagrado Corazón and San Pedro y San Pablo on the same Monday
    D(2025, 7, 20),
    D(2025, 8, 7),
    D(2025, 8, 18),
    D(2025, 10, 13),
    D(2025, 11, 3),
    D(2025, 11, 17),
    D(2025, 12, 8),
    D(2025, 12, 25),
]
HOLIDAYS_2026 = [
    D(2026, 1, 1),
    D(2026, 1, 12),  # Reyes Magos (6 January) moved to Monday
    D(2026, 3, 23),  # San José (19 March) moved to Monday
    D(2026, 4, 2),  # Jueves Santo
    D(2026, 4, 3),  # Viernes Santo
    D(2026, 5, 1),
    D(2026, 5, 18),
    D(2026, 6, 8),
    D(2026, 6, 15),
    D(2026, 6, 29),
    D(2026, 7, 13),  # Virgen de Chiquinquirá (9 July, Law 2578 of 2026) moved to Monday
    D(2026, 7, 20),
    D(2026, 8, 7),
    D(2026, 8, 17),
    D(2026, 10, 12),
    D(2026, 11, 2),
    D(2026, 11, 16),
    D(2026, 12, 8),
    D(2026, 12, 25),
]
HOLIDAYS_2027 = [
    D(2027, 1, 1),
    D(2027, 1, 11),
    D(2027, 3, 22),
    D(2027, 3, 25),  # Jueves Santo
    D(2027, 3, 26),  # Viernes Santo
    D(2027, 5, 1),
    D(2027, 5, 10),
    D(2027, 5, 31),
    D(2027, 6, 7),
    D(2027, 7, 5),
    D(2027, 7, 12),
    D(2027, 7, 20),
    D(2027, 8, 7),
    D(2027, 8, 16),
    D(2027, 10, 18),
    D(2027, 11, 1),
    D(2027, 11, 15),
    D(2027, 12, 8),
    D(2027, 12, 25),
]


@pytest.mark.parametrize(
    ("year", "expected"), [(2025, HOLIDAYS_2025), (2026, HOLIDAYS_2026), (2027, HOLIDAYS_2027)]
)
def test_colombian_holidays_known_years(year, expected):
    assert sorted(colombian_holidays(year)) == expected


@pytest.mark.parametrize(
    "day",
    [d for d in HOLIDAYS_2025 + HOLIDAYS_2026 + HOLIDAYS_2027 if d.weekday() < 5],
    ids=str,
)
def test_is_business_day_false_on_weekday_holidays(day):
    assert is_business_day(day) is False


def test_is_business_day_true_on_ordinary_weekdays_around_holidays():
    # the original dates of holidays the Emiliani law moves to Monday are working days
    assert [is_business_day(d) for d in (D(2026, 1, 6), D(2026, 3, 19), D(2026, 7, 9))] == [
        True,
        True,
        True,
    ]
    # the days either side of Holy Week 2026
    assert [is_business_day(d) for d in (D(2026, 4, 1), D(2026, 4, 6))] == [True, True]


def test_is_business_day_false_on_weekends():
    assert [is_business_day(d) for d in (D(2026, 4, 4), D(2026, 4, 5))] == [False, False]


def test_add_business_days_skips_weekends_and_holidays():
    # Friday 6 November 2026 + 10 business days: Monday 16 November is a holiday
    assert add_business_days(D(2026, 11, 6), 10) == D(2026, 11, 23)
    # received on a Saturday: counting starts on Monday
    assert add_business_days(D(2026, 11, 7), 1) == D(2026, 11, 9)


@pytest.mark.parametrize(
    ("received", "days", "due"),
    [
        # Monday 30 March 2026: Thursday 2 and Friday 3 April (Holy Week) are skipped
        (D(2026, 3, 30), 10, D(2026, 4, 15)),
        (D(2026, 3, 30), 15, D(2026, 4, 22)),
        # Friday 19 March 2027: San José on Monday 22, then Holy Thursday and Good Friday
        (D(2027, 3, 19), 10, D(2027, 4, 7)),
        (D(2027, 3, 19), 15, D(2027, 4, 14)),
        # Holy Week 2025: Thursday 17 and Friday 18 April
        (D(2025, 4, 14), 10, D(2025, 4, 30)),
    ],
)
def test_add_business_days_across_holy_week(received, days, due):
    assert add_business_days(received, days) == due
    assert business_days_between(received, due) == days


def test_add_business_days_skips_the_chiquinquira_holiday():
    # Law 2578 of 2026: 9 July, moved to Monday 13 July 2026. The hand-kept list this module
    # used to have did not know it and gave Friday 17 July.
    assert add_business_days(D(2026, 7, 3), 10) == D(2026, 7, 21)


def test_add_business_days_across_new_year():
    # Thursday 24 December 2026: Christmas, New Year's Day and Reyes (Monday 11 January 2027)
    assert add_business_days(D(2026, 12, 24), 10) == D(2027, 1, 12)


@given(
    st.dates(min_value=D(2024, 1, 1), max_value=D(2030, 12, 31)),
    st.integers(min_value=0, max_value=40),
)
def test_add_business_days_round_trip(start, days):
    end = add_business_days(start, days)
    assert business_days_between(start, end) == days
    assert days == 0 or is_business_day(end)
    assert (end - start).days >= days


@pytest.mark.parametrize("year", range(2024, 2031))
def test_colombian_holidays_are_the_packages(year):
    assert colombian_holidays(year) == frozenset(holidays.country_holidays("CO", years=year))


# --- one place: no hand-kept holidays anywhere ------------------------------------------------

HOLIDAY_WORDS = ("holiday", "festivo", "easter", "pascua", "emiliani")


def _hand_kept_dates(tree: ast.AST) -> list[str]:
    """(month, day) pairs and dates with a literal month and day: the shape of a hand list."""
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Tuple)
            and len(node.elts) == 2
            and all(isinstance(e, ast.Constant) and type(e.value) is int for e in node.elts)
        ):
            found.append(f"{node.lineno} ({node.elts[0].value}, {node.elts[1].value})")
        if isinstance(node, ast.Call) and len(node.args) == 3:
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            if name == "date" and all(isinstance(a, ast.Constant) for a in node.args[1:]):
                found.append(f"{node.lineno} date(...)")
    return found


def _bypasses(source: str) -> list[str]:
    """Code outside the chokepoint that asks the holidays package, computes Easter, or keeps
    its own holidays (a function or a module-level name about holidays)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            modules = [node.module or ""]
        else:
            modules = []
        found += [
            f"{node.lineno} import {m}"
            for m in modules
            if m.split(".")[0] == "holidays" or m == "dateutil.easter"
        ]
        names = []
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names = [node.name]
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = [t.id for t in targets if isinstance(t, ast.Name)]
        found += [f"{node.lineno} {n}" for n in names if any(w in n.lower() for w in HOLIDAY_WORDS)]
    return found


def test_no_holidays_are_kept_outside_business_days():
    offenders = {}
    for folder in SCANNED:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if "migrations" in path.parts or path == CHOKEPOINT:
                continue
            problems = _bypasses(path.read_text(encoding="utf-8"))
            if problems:
                offenders[str(path.relative_to(ROOT))] = problems
    assert offenders == {}


def test_the_scan_catches_a_hand_kept_list_or_a_second_lookup():
    sample = (
        "import holidays\n"
        "from dateutil.easter import easter\n"
        "CO_HOLIDAYS = [(1, 1), (12, 25)]\n"
        "def easter_sunday(year):\n"
        "    return easter(year)\n"
    )
    assert _bypasses(sample) == [
        "1 import holidays",
        "2 import dateutil.easter",
        "3 CO_HOLIDAYS",
        "4 easter_sunday",
    ]
    assert _hand_kept_dates(ast.parse(sample)) == ["3 (1, 1)", "3 (12, 25)"]
    assert _hand_kept_dates(ast.parse("x = datetime.date(year, 12, 25)")) == ["1 date(...)"]


def test_business_days_keeps_no_hand_list():
    tree = ast.parse(CHOKEPOINT.read_text(encoding="utf-8"))
    assert _hand_kept_dates(tree) == []
    assert [n for n in ("_FIXED", "_MOVED", "easter_sunday") if hasattr(business_days, n)] == []
