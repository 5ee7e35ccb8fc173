"""Benchmark: exact capacitated matching solver vs. SciPy dense ``linear_sum_assignment``.

Usage::

    python bench/matching.py            # 5,000 entrepreneurs x 1,000 mentors
    python bench/matching.py --quick    # 1,000 x 200, for CI smoke runs

Both contenders start from the same :class:`~mentors.matching.solver.Problem` and
maximise (number matched, then total score).  The baseline builds the equivalent DENSE
matrix (mentor columns repeated by capacity, infeasible pairs weight 0, feasible pairs
``score + BONUS`` with ``BONUS`` larger than any total score so cardinality comes first)
and calls ``scipy.optimize.linear_sum_assignment(maximize=True)``; its time includes
building that matrix.  Runs are interleaved (ours, scipy, ours, scipy, ...) and medians
are reported.  Peak memory is measured separately with ``tracemalloc`` (NumPy buffers
are traced; small C++-internal scratch space of the dense solver is not).

Prints ``name: value`` lines; :func:`run` returns the same figures as a dict.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import numpy as np
from scipy.optimize import linear_sum_assignment

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mentors.matching.solver import Problem, solve  # noqa: E402

SEED = 20240611
ROUNDS = 5
# If one dense run is slower than this, fewer dense rounds are run (at least 1).
DENSE_BUDGET_S = 100.0

Objective = tuple[int, int]  # (matched entrepreneurs, total score)


def make_instance(*, n_entrepreneurs: int, n_mentors: int, seed: int = SEED) -> Problem:
    """Build a seeded, realistic sparse instance.

    Mentors and entrepreneurs speak one or two of eight languages (popularity skewed
    more for mentors, so some language groups are over-subscribed) and live in one of
    25 cities.  Each entrepreneur is compatible with 20-60 mentors
    who share a language (same-city mentors preferred); the score in 0..10000 mixes
    topic affinity, same city and noise.  Mentor capacities are 1..10.
    """
    rng = np.random.default_rng(seed)
    n_lang, n_city, n_topic = 8, 25, 12
    # Mentors mostly speak the widespread languages, entrepreneurs are spread more evenly
    # (communities shaped by migration), so some language groups are over-subscribed.
    mentor_pop = 1.0 / np.arange(1, n_lang + 1) ** 1.0
    mentor_pop /= mentor_pop.sum()
    entrepreneur_pop = 1.0 / np.arange(1, n_lang + 1) ** 0.3
    entrepreneur_pop /= entrepreneur_pop.sum()

    def languages(n: int, pop: np.ndarray) -> np.ndarray:
        first = rng.choice(n_lang, size=n, p=pop)
        second = rng.choice(n_lang, size=n, p=pop)
        has_second = rng.random(n) < 0.3
        speaks = np.zeros((n, n_lang), dtype=bool)
        speaks[np.arange(n), first] = True
        speaks[np.flatnonzero(has_second), second[has_second]] = True
        return speaks

    m_lang = languages(n_mentors, mentor_pop)
    e_lang = languages(n_entrepreneurs, entrepreneur_pop)
    m_city = rng.integers(0, n_city, size=n_mentors)
    e_city = rng.integers(0, n_city, size=n_entrepreneurs)
    m_topic = rng.dirichlet(np.full(n_topic, 0.3), size=n_mentors)
    e_topic = rng.dirichlet(np.full(n_topic, 0.3), size=n_entrepreneurs)
    capacity = rng.integers(1, 11, size=n_mentors)

    edges: list[tuple[int, int, int]] = []
    for i in range(n_entrepreneurs):
        pool = np.flatnonzero((m_lang & e_lang[i]).any(axis=1))
        if pool.size == 0:
            continue
        weight = np.where(m_city[pool] == e_city[i], 8.0, 1.0)
        k = min(int(rng.integers(20, 61)), pool.size)
        chosen = np.sort(rng.choice(pool, size=k, replace=False, p=weight / weight.sum()))
        affinity = (
            m_topic[chosen]
            @ e_topic[i]
            / np.sqrt((m_topic[chosen] ** 2).sum(axis=1) * (e_topic[i] ** 2).sum())
        )
        raw = 0.6 * affinity + 0.25 * (m_city[chosen] == e_city[i]) + 0.15 * rng.random(k)
        scores = np.clip(np.rint(raw * 10000), 0, 10000).astype(np.int64)
        edges.extend(zip([i] * k, chosen.tolist(), scores.tolist(), strict=True))
    return Problem(
        n_entrepreneurs=n_entrepreneurs,
        n_mentors=n_mentors,
        capacity=capacity.tolist(),
        edges=edges,
    )


def solve_ours(problem: Problem) -> Objective:
    """Our sparse exact solver; returns (matched, total)."""
    solution = solve(problem)
    return len(solution.assignment), solution.total


def solve_ours_fair(problem: Problem) -> Objective:
    """Our solver in fairness mode (informational: the dense baseline has no such mode)."""
    solution = solve(problem, fairness=True)
    return len(solution.assignment), solution.total


def solve_scipy_dense(problem: Problem) -> Objective:
    """Dense baseline: mentor columns repeated by capacity, ``linear_sum_assignment``."""
    edges = np.asarray(problem.edges, dtype=np.int64).reshape(-1, 3)
    capacity = np.asarray(problem.capacity, dtype=np.int64)
    smax = int(edges[:, 2].max()) if edges.size else 0
    bonus = float((problem.n_entrepreneurs + 1) * (smax + 1))
    per_mentor = np.zeros((problem.n_entrepreneurs, problem.n_mentors))
    per_mentor[edges[:, 0], edges[:, 1]] = edges[:, 2] + bonus
    slot_mentor = np.repeat(np.arange(problem.n_mentors), capacity)
    weights = per_mentor[:, slot_mentor]
    del per_mentor
    rows, cols = linear_sum_assignment(weights, maximize=True)
    picked = weights[rows, cols]
    matched = picked > 0
    total = int(round(float((picked[matched] - bonus).sum())))
    return int(matched.sum()), total


def _timed(fn: Callable[[Problem], Objective], problem: Problem) -> tuple[float, Objective]:
    gc.collect()
    start = time.perf_counter()
    result = fn(problem)
    return time.perf_counter() - start, result


def _peak_mb(fn: Callable[[Problem], Objective], problem: Problem) -> float:
    gc.collect()
    tracemalloc.start()
    try:
        fn(problem)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / 2**20


def run(quick: bool) -> dict[str, object]:
    """Run the benchmark and return the ``matching_*`` figures."""
    n_ent, n_men = (1000, 200) if quick else (5000, 1000)
    problem = make_instance(n_entrepreneurs=n_ent, n_mentors=n_men)
    ours_times: list[float] = []
    fair_times: list[float] = []
    dense_times: list[float] = []
    ours_obj = dense_obj = (0, 0)
    for _ in range(ROUNDS):
        t, ours_obj = _timed(solve_ours, problem)
        ours_times.append(t)
        fair_times.append(_timed(solve_ours_fair, problem)[0])
        if not dense_times or len(dense_times) * dense_times[0] < DENSE_BUDGET_S:
            t, dense_obj = _timed(solve_scipy_dense, problem)
            dense_times.append(t)
    ours_s = statistics.median(ours_times)
    dense_s = statistics.median(dense_times)
    return {
        "matching_entrepreneurs": n_ent,
        "matching_mentors": n_men,
        "matching_edges": len(problem.edges),
        "matching_slots": int(sum(problem.capacity)),
        "matching_rounds_ours": len(ours_times),
        "matching_rounds_scipy": len(dense_times),
        "matching_ours_s": round(ours_s, 4),
        "matching_scipy_dense_s": round(dense_s, 4),
        "matching_ratio": round(ours_s / dense_s, 4),
        "matching_ours_fairness_s": round(statistics.median(fair_times), 4),
        "matching_matched_ours": ours_obj[0],
        "matching_matched_scipy": dense_obj[0],
        "matching_objective_ours": ours_obj[1],
        "matching_objective_scipy": dense_obj[1],
        "matching_objectives_equal": ours_obj == dense_obj,
        "matching_peak_mem_mb_ours": round(_peak_mb(solve_ours, problem), 1),
        "matching_peak_mem_mb_scipy": round(_peak_mb(solve_scipy_dense, problem), 1),
    }


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small instance for CI smoke")
    args = parser.parse_args(argv)
    for name, value in run(args.quick).items():
        text = str(value).lower() if isinstance(value, bool) else value
        print(f"{name}: {text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
