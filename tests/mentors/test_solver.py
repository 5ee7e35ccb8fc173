"""Tests for the exact capacitated matching solver (pure Python, no database)."""

from __future__ import annotations

import random
from collections import Counter

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linear_sum_assignment

from mentors.matching import (
    CAPACITY_EXHAUSTED,
    NO_FEASIBLE_MENTOR,
    Problem,
    Solution,
    solve,
)

PROPERTY_SETTINGS = settings(max_examples=120, deadline=None, database=None, derandomize=True)

# ------------------------------------------------------------------------------ helpers


def check_valid(problem: Problem, solution: Solution) -> None:
    """Assert that ``solution`` is a feasible, self-consistent answer to ``problem``."""
    score = {(i, j): s for i, j, s in problem.edges}
    degree = Counter(i for i, _, _ in problem.edges)
    # Only feasible edges are used.
    assert all((i, j) in score for i, j in solution.assignment.items())
    # Capacities are respected.
    load = Counter(solution.assignment.values())
    assert all(load[j] <= problem.capacity[j] for j in range(problem.n_mentors))
    # Pins are kept.
    assert all(solution.assignment.get(i) == j for i, j in problem.pinned)
    # Totals are consistent.
    picked = [score[i, j] for i, j in solution.assignment.items()]
    assert solution.total == sum(picked)
    assert solution.minimum == (min(picked) if picked else None)
    # Every entrepreneur is either matched or has a reason.
    assert sorted(solution.assignment) == list(solution.assignment)
    assert sorted(solution.unmatched) == list(solution.unmatched)
    assert set(solution.assignment).isdisjoint(solution.unmatched)
    assert set(solution.assignment) | set(solution.unmatched) == set(range(problem.n_entrepreneurs))
    for i, reason in solution.unmatched.items():
        if degree[i] == 0:
            assert reason == NO_FEASIBLE_MENTOR
        else:
            assert reason == CAPACITY_EXHAUSTED
            # Maximum cardinality: every feasible mentor of i must be full.
            mentors = [j for (e, j) in score if e == i]
            assert all(load[j] == problem.capacity[j] for j in mentors)


def brute_force(problem: Problem) -> tuple[tuple[int, int], tuple[int, int, int]]:
    """Enumerate every assignment and return the best lexicographic keys.

    Returns ``((matched, total), (matched, minimum, total))``: the optimum without and
    with fairness (``minimum`` is -1 when nothing is matched).
    """
    options: list[list[tuple[int, int]]] = [[] for _ in range(problem.n_entrepreneurs)]
    for i, j, s in sorted(problem.edges):
        options[i].append((j, s))
    pins = dict(problem.pinned)
    remaining = list(problem.capacity)
    best_plain = (-1, -1)
    best_fair = (-1, -1, -1)

    def visit(i: int, matched: int, minimum: int, total: int) -> None:
        nonlocal best_plain, best_fair
        if i == problem.n_entrepreneurs:
            best_plain = max(best_plain, (matched, total))
            best_fair = max(best_fair, (matched, minimum if matched else -1, total))
            return
        choices = [(j, s) for j, s in options[i] if pins.get(i, j) == j and remaining[j] > 0]
        for j, s in choices:
            remaining[j] -= 1
            visit(i + 1, matched + 1, min(minimum, s), total + s)
            remaining[j] += 1
        if i not in pins:
            visit(i + 1, matched, minimum, total)

    visit(0, 0, 10**18, 0)
    return best_plain, best_fair


def dense_optimum(problem: Problem, *, min_score: int = 0) -> tuple[int, int]:
    """(matched, total) optimum via SciPy's dense LSA, using edges with score >= min_score."""
    slot_mentor = [j for j in range(problem.n_mentors) for _ in range(problem.capacity[j])]
    if not slot_mentor or problem.n_entrepreneurs == 0:
        return 0, 0
    smax = max((s for _, _, s in problem.edges), default=0)
    bonus = (problem.n_entrepreneurs + 1) * (smax + 1)
    per_mentor = np.zeros((problem.n_entrepreneurs, problem.n_mentors))
    for i, j, s in problem.edges:
        if s >= min_score:
            per_mentor[i, j] = s + bonus
    weights = per_mentor[:, slot_mentor]
    rows, cols = linear_sum_assignment(weights, maximize=True)
    picked = weights[rows, cols]
    picked = picked[picked > 0]
    return int(picked.size), int(round(float((picked - bonus).sum())))


@st.composite
def small_problems(draw: st.DrawFn, *, with_pins: bool) -> Problem:
    """Instances small enough to enumerate: <= 6 entrepreneurs, <= 4 mentors."""
    n_ent = draw(st.integers(0, 6))
    n_men = draw(st.integers(0, 4))
    capacity = draw(st.lists(st.integers(0, 2), min_size=n_men, max_size=n_men))
    top = draw(st.sampled_from([3, 10_000]))  # few distinct scores (ties) or a wide range
    edges = [
        (i, j, draw(st.integers(0, top)))
        for i in range(n_ent)
        for j in range(n_men)
        if draw(st.booleans())
    ]
    pinned: list[tuple[int, int]] = []
    if with_pins:
        left = list(capacity)
        for i, j, _ in edges:
            if left[j] > 0 and all(p != i for p, _ in pinned) and draw(st.integers(0, 3)) == 0:
                pinned.append((i, j))
                left[j] -= 1
    return Problem(
        n_entrepreneurs=n_ent, n_mentors=n_men, capacity=capacity, edges=edges, pinned=pinned
    )


def random_problem(*, seed: int, n_ent: int, n_men: int, density: float) -> Problem:
    rng = random.Random(seed)
    capacity = [rng.randint(0, 5) for _ in range(n_men)]
    edges = [
        (i, j, rng.randint(0, 100))
        for i in range(n_ent)
        for j in range(n_men)
        if rng.random() < density
    ]
    return Problem(n_entrepreneurs=n_ent, n_mentors=n_men, capacity=capacity, edges=edges)


def shuffled(problem: Problem, *, seed: int) -> Problem:
    edges = list(problem.edges)
    random.Random(seed).shuffle(edges)
    return Problem(
        n_entrepreneurs=problem.n_entrepreneurs,
        n_mentors=problem.n_mentors,
        capacity=problem.capacity,
        edges=edges,
        pinned=problem.pinned,
    )


# ------------------------------------------------------------------------------ optimality


@PROPERTY_SETTINGS
@given(problem=small_problems(with_pins=False))
def test_solve_matches_brute_force_on_small_instances(problem: Problem) -> None:
    solution = solve(problem)
    check_valid(problem, solution)
    best_plain, _ = brute_force(problem)
    assert (len(solution.assignment), solution.total) == best_plain


@PROPERTY_SETTINGS
@given(problem=small_problems(with_pins=False))
def test_solve_fairness_matches_brute_force_on_small_instances(problem: Problem) -> None:
    solution = solve(problem, fairness=True)
    check_valid(problem, solution)
    _, best_fair = brute_force(problem)
    minimum = -1 if solution.minimum is None else solution.minimum
    assert (len(solution.assignment), minimum, solution.total) == best_fair


@PROPERTY_SETTINGS
@given(problem=small_problems(with_pins=True))
def test_solve_with_pins_matches_brute_force(problem: Problem) -> None:
    best_plain, best_fair = brute_force(problem)
    plain = solve(problem)
    check_valid(problem, plain)
    assert (len(plain.assignment), plain.total) == best_plain
    fair = solve(problem, fairness=True)
    check_valid(problem, fair)
    minimum = -1 if fair.minimum is None else fair.minimum
    assert (len(fair.assignment), minimum, fair.total) == best_fair


@pytest.mark.parametrize("seed", range(12))
def test_solve_matches_scipy_dense_on_medium_instances(seed: int) -> None:
    problem = random_problem(seed=seed, n_ent=60, n_men=15, density=0.25)
    solution = solve(problem)
    check_valid(problem, solution)
    assert (len(solution.assignment), solution.total) == dense_optimum(problem)


@pytest.mark.parametrize("seed", range(6))
def test_solve_fairness_is_optimal_on_medium_instances(seed: int) -> None:
    problem = random_problem(seed=100 + seed, n_ent=60, n_men=15, density=0.2)
    plain = solve(problem)
    fair = solve(problem, fairness=True)
    check_valid(problem, fair)
    matched = len(plain.assignment)
    assert len(fair.assignment) == matched
    assert fair.total <= plain.total
    if fair.minimum is None:
        assert matched == 0
        return
    # Total is maximal among solutions whose scores are all >= the minimum ...
    assert (matched, fair.total) == dense_optimum(problem, min_score=fair.minimum)
    # ... and no higher minimum keeps every matched entrepreneur.
    assert dense_optimum(problem, min_score=fair.minimum + 1)[0] < matched


# ------------------------------------------------------------------------------ behaviour


def test_solve_capacity_limits_mentor_load() -> None:
    problem = Problem(
        n_entrepreneurs=4,
        n_mentors=2,
        capacity=[2, 1],
        edges=[(0, 0, 9), (1, 0, 9), (2, 0, 9), (3, 0, 9), (3, 1, 1)],
    )
    solution = solve(problem)
    check_valid(problem, solution)
    assert solution.assignment[3] == 1
    assert Counter(solution.assignment.values()) == Counter({0: 2, 1: 1})
    assert solution.total == 19
    assert len(solution.unmatched) == 1


def test_solve_cardinality_beats_total_score() -> None:
    # Greedy would give mentor 0 to entrepreneur 0 (score 100) and leave 1 unmatched.
    problem = Problem(
        n_entrepreneurs=2,
        n_mentors=2,
        capacity=[1, 1],
        edges=[(0, 0, 100), (0, 1, 0), (1, 0, 1)],
    )
    solution = solve(problem)
    assert solution == Solution(assignment={0: 1, 1: 0}, total=1, minimum=0, unmatched={})


def test_solve_fairness_raises_minimum_at_cost_of_total() -> None:
    problem = Problem(
        n_entrepreneurs=2,
        n_mentors=2,
        capacity=[1, 1],
        edges=[(0, 0, 10), (0, 1, 4), (1, 0, 5), (1, 1, 0)],
    )
    assert solve(problem) == Solution(assignment={0: 0, 1: 1}, total=10, minimum=0, unmatched={})
    assert solve(problem, fairness=True) == Solution(
        assignment={0: 1, 1: 0}, total=9, minimum=4, unmatched={}
    )


def test_solve_fairness_never_sacrifices_cardinality() -> None:
    problem = Problem(
        n_entrepreneurs=2,
        n_mentors=2,
        capacity=[1, 1],
        edges=[(0, 0, 90), (0, 1, 1), (1, 0, 80)],
    )
    solution = solve(problem, fairness=True)
    assert solution == Solution(assignment={0: 1, 1: 0}, total=81, minimum=1, unmatched={})


def test_solve_pins_are_kept_and_rest_is_optimised() -> None:
    problem = Problem(
        n_entrepreneurs=3,
        n_mentors=2,
        capacity=[1, 2],
        edges=[(0, 0, 10), (0, 1, 1), (1, 0, 8), (1, 1, 2), (2, 1, 5)],
        pinned=[(0, 1)],
    )
    solution = solve(problem)
    check_valid(problem, solution)
    assert solution == Solution(assignment={0: 1, 1: 0, 2: 1}, total=14, minimum=1, unmatched={})


def test_solve_fairness_with_low_pin_keeps_pin_as_minimum() -> None:
    # The pin (score 1) fixes the minimum; the rest then maximises total freely.
    problem = Problem(
        n_entrepreneurs=3,
        n_mentors=3,
        capacity=[1, 1, 1],
        edges=[(0, 0, 1), (1, 1, 50), (1, 2, 3), (2, 1, 4), (2, 2, 2)],
        pinned=[(0, 0)],
    )
    solution = solve(problem, fairness=True)
    assert solution == Solution(assignment={0: 0, 1: 1, 2: 2}, total=53, minimum=1, unmatched={})


def test_solve_fairness_with_pin_above_free_scores() -> None:
    # Pinned score 50 is above every free score: best minimum is the best free one.
    problem = Problem(
        n_entrepreneurs=3,
        n_mentors=3,
        capacity=[1, 1, 1],
        edges=[(0, 0, 50), (1, 1, 9), (1, 2, 3), (2, 1, 4), (2, 2, 2)],
        pinned=[(0, 0)],
    )
    solution = solve(problem, fairness=True)
    assert solution == Solution(assignment={0: 0, 1: 2, 2: 1}, total=57, minimum=3, unmatched={})


def test_solve_unmatched_reasons_are_reported() -> None:
    problem = Problem(
        n_entrepreneurs=5,
        n_mentors=3,
        capacity=[1, 0, 1],
        edges=[(0, 0, 5), (1, 0, 7), (2, 1, 9), (4, 2, 1)],
    )
    solution = solve(problem)
    assert solution == Solution(
        assignment={1: 0, 4: 2},
        total=8,
        minimum=1,
        unmatched={0: CAPACITY_EXHAUSTED, 2: CAPACITY_EXHAUSTED, 3: NO_FEASIBLE_MENTOR},
    )


def test_solve_empty_problem_returns_empty_solution() -> None:
    problem = Problem(n_entrepreneurs=0, n_mentors=0, capacity=[], edges=[])
    assert solve(problem) == Solution(assignment={}, total=0, minimum=None, unmatched={})
    assert solve(problem, fairness=True) == Solution(
        assignment={}, total=0, minimum=None, unmatched={}
    )


def test_solve_no_mentors_leaves_everyone_unmatched() -> None:
    problem = Problem(n_entrepreneurs=2, n_mentors=0, capacity=[], edges=[])
    assert solve(problem, fairness=True) == Solution(
        assignment={},
        total=0,
        minimum=None,
        unmatched={0: NO_FEASIBLE_MENTOR, 1: NO_FEASIBLE_MENTOR},
    )


def test_solve_only_pins_when_everything_pinned() -> None:
    problem = Problem(
        n_entrepreneurs=2,
        n_mentors=1,
        capacity=[2],
        edges=[(0, 0, 3), (1, 0, 4)],
        pinned=[(1, 0), (0, 0)],
    )
    assert solve(problem, fairness=True) == Solution(
        assignment={0: 0, 1: 0}, total=7, minimum=3, unmatched={}
    )


def test_solve_large_scores_stay_exact() -> None:
    problem = random_problem(seed=7, n_ent=40, n_men=10, density=0.3)
    wide = Problem(
        n_entrepreneurs=problem.n_entrepreneurs,
        n_mentors=problem.n_mentors,
        capacity=problem.capacity,
        edges=[(i, j, s * 100 + i) for i, j, s in problem.edges],
    )
    solution = solve(wide)
    check_valid(wide, solution)
    assert (len(solution.assignment), solution.total) == dense_optimum(wide)


def test_solve_score_range_beyond_exact_floats_raises_value_error() -> None:
    problem = Problem(
        n_entrepreneurs=2, n_mentors=1, capacity=[1], edges=[(0, 0, 0), (1, 0, 2**50)]
    )
    with pytest.raises(ValueError, match="too large for exact float64"):
        solve(problem)


# ------------------------------------------------------------------------------ determinism


@pytest.mark.parametrize("fairness", [False, True])
def test_solve_is_deterministic_for_same_input(fairness: bool) -> None:
    problem = random_problem(seed=3, n_ent=80, n_men=12, density=0.3)
    first = solve(problem, fairness=fairness)
    second = solve(problem, fairness=fairness)
    assert first == second
    assert list(first.assignment.items()) == list(second.assignment.items())


@pytest.mark.parametrize("fairness", [False, True])
def test_solve_is_deterministic_for_shuffled_edges(fairness: bool) -> None:
    # Few distinct scores, so many optimal solutions exist: the tie-break must be stable.
    base = random_problem(seed=5, n_ent=80, n_men=12, density=0.3)
    problem = Problem(
        n_entrepreneurs=base.n_entrepreneurs,
        n_mentors=base.n_mentors,
        capacity=base.capacity,
        edges=[(i, j, s % 3) for i, j, s in base.edges],
        pinned=[base.edges[0][:2]],
    )
    expected = solve(problem, fairness=fairness)
    for seed in range(3):
        again = solve(shuffled(problem, seed=seed), fairness=fairness)
        assert again == expected
        assert list(again.assignment.items()) == list(expected.assignment.items())


# ------------------------------------------------------------------------------ validation


def _pinned_problem(pinned: list[tuple[int, int]]) -> Problem:
    return Problem(
        n_entrepreneurs=3,
        n_mentors=2,
        capacity=[1, 0],
        edges=[(0, 0, 1), (1, 0, 2), (2, 1, 3), (0, 1, 4)],
        pinned=pinned,
    )


@pytest.mark.parametrize(
    ("pinned", "message"),
    [
        ([(2, 0)], "not a feasible edge"),
        ([(0, 0), (0, 1)], "pinned more than once"),
        ([(0, 0), (0, 0)], "pinned more than once"),
        ([(0, 0), (1, 0)], "capacity 1"),
        ([(2, 1)], "capacity 0"),
        ([(3, 0)], "out of range"),
        ([(0, -1)], "out of range"),
    ],
)
def test_solve_invalid_pins_raise_value_error(pinned: list[tuple[int, int]], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        solve(_pinned_problem(pinned))


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"capacity": [1]}, "capacity has 1 entries"),
        ({"capacity": [1, -1]}, "negative"),
        ({"edges": [(0, 0, 1), (0, 0, 2)]}, "more than once"),
        ({"edges": [(0, 0, -1)]}, "negative score"),
        ({"edges": [(0, 0, 1.5)]}, "integers"),
        ({"edges": [(0, 2, 1)]}, "mentor index out of range"),
        ({"edges": [(3, 0, 1)]}, "entrepreneur index out of range"),
        ({"n_mentors": -1, "capacity": []}, "non-negative"),
    ],
)
def test_solve_invalid_problem_raises_value_error(kwargs: dict[str, object], message: str) -> None:
    fields: dict[str, object] = {
        "n_entrepreneurs": 3,
        "n_mentors": 2,
        "capacity": [1, 1],
        "edges": [(0, 0, 1)],
    }
    fields.update(kwargs)
    with pytest.raises(ValueError, match=message):
        solve(Problem(**fields))  # type: ignore[arg-type]
