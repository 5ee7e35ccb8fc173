"""Exact capacitated mentor-entrepreneur matching.

Pure Python + NumPy + SciPy (no Django), so it can be unit-tested, benchmarked and
called from a task worker alike.

The problem is a capacitated bipartite assignment: every entrepreneur gets at most one
mentor, mentor ``j`` takes at most ``capacity[j]`` entrepreneurs, and only the listed
``edges`` (pairs that survived the hard constraints) may be used.  The objective is
lexicographic:

1. maximise the number of matched entrepreneurs;
2. if ``fairness`` is requested, maximise the smallest score among matched pairs;
3. maximise the total score.

Method
------
Capacities are handled by giving mentor ``j`` ``min(capacity_j, degree_j)`` identical
"slot" columns (a mentor never needs more slots than compatible entrepreneurs).  Each
entrepreneur additionally gets a private dummy column that stands for "unmatched".
Real pairs cost ``smax + 1 - score`` (always >= 1: SciPy requires non-zero weights) and
a dummy costs ``BIG``, chosen larger than the real cost of any matching, so a
minimum-cost full matching (SciPy's LAPJVsp, ``min_weight_full_bipartite_matching``)
first minimises the number of dummies and then maximises the total score.  All costs
are integers and every sum stays below 2**51 (checked, else ``ValueError``), so the
float64 arithmetic is exact.

Fairness is a bottleneck step in front of that: the best achievable minimum is the
largest threshold ``t`` (over the distinct scores) such that the edges with
``score >= t`` still admit a matching of maximum cardinality, checked with a
capacitated max flow (``maximum_flow``, Dinic; no slot expansion needed) and found by
binary search.

Determinism: edges are put in canonical order before any matrix is built, so the same
problem (in any edge order) yields the same solution with a given SciPy version.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import csr_array
from scipy.sparse.csgraph import maximum_flow, min_weight_full_bipartite_matching

__all__ = [
    "CAPACITY_EXHAUSTED",
    "NO_FEASIBLE_MENTOR",
    "Problem",
    "Solution",
    "solve",
]

NO_FEASIBLE_MENTOR = "no_feasible_mentor"
"""Reason code: the entrepreneur has no feasible pair at all."""

CAPACITY_EXHAUSTED = "capacity_exhausted"
"""Reason code: feasible mentors exist but their capacity is used by others."""

# Total costs must stay exactly representable in float64 (LAPJVsp works in doubles).
_EXACT_FLOAT_LIMIT = 2**51

IntArray = NDArray[np.int64]


@dataclass(frozen=True)
class Problem:
    """A capacitated matching instance.

    Attributes:
        n_entrepreneurs: Number of entrepreneurs, indexed ``0 .. n_entrepreneurs - 1``.
        n_mentors: Number of mentors, indexed ``0 .. n_mentors - 1``.
        capacity: Remaining capacity of each mentor (``len == n_mentors``, each >= 0).
        edges: Feasible pairs ``(entrepreneur, mentor, score)`` with integer score >= 0.
            Pairs not listed are infeasible. A pair may be listed only once.
        pinned: Pairs ``(entrepreneur, mentor)`` that must be part of the solution. Each
            must be a listed edge, an entrepreneur may be pinned once, and pins may not
            exceed a mentor's capacity.
    """

    n_entrepreneurs: int
    n_mentors: int
    capacity: Sequence[int]
    edges: Sequence[tuple[int, int, int]]
    pinned: Sequence[tuple[int, int]] = ()


@dataclass(frozen=True)
class Solution:
    """An optimal matching.

    Attributes:
        assignment: Entrepreneur -> mentor, for matched entrepreneurs (pins included),
            in ascending entrepreneur order.
        total: Sum of the scores of all matched pairs.
        minimum: Smallest score among matched pairs, or ``None`` if nothing matched.
            Reported in both modes; it is maximised only when ``fairness=True``.
        unmatched: Entrepreneur -> reason code (:data:`NO_FEASIBLE_MENTOR` or
            :data:`CAPACITY_EXHAUSTED`), in ascending entrepreneur order.
    """

    assignment: dict[int, int]
    total: int
    minimum: int | None
    unmatched: dict[int, str]


def solve(problem: Problem, *, fairness: bool = False) -> Solution:
    """Solve ``problem`` exactly.

    Args:
        problem: The instance.
        fairness: If true, maximise the minimum matched score before the total
            (never at the expense of the number of matched entrepreneurs).

    Returns:
        The optimal :class:`Solution`; identical for identical input, whatever the
        order of ``problem.edges``.

    Raises:
        ValueError: If the problem is malformed (indices out of range, negative or
            non-integer values, duplicate edges) or a pin is invalid.
    """
    n_ent, n_men = _validate_sizes(problem)
    capacity = _validate_capacity(problem, n_men=n_men)
    ent, men, score = _validate_edges(problem, n_ent=n_ent, n_men=n_men)
    pin_ent, pin_men, pin_score = _validate_pins(
        problem, n_ent=n_ent, n_men=n_men, capacity=capacity, ent=ent, men=men, score=score
    )

    residual = capacity - np.bincount(pin_men, minlength=n_men)
    is_pinned = np.zeros(n_ent, dtype=bool)
    is_pinned[pin_ent] = True
    free = ~is_pinned[ent] & (residual[men] > 0)
    f_ent, f_men, f_score = ent[free], men[free], score[free]

    if fairness and f_ent.size:
        pin_min = int(pin_score.min()) if pin_score.size else None
        threshold = _best_threshold(
            ent=f_ent, men=f_men, score=f_score, residual=residual, n_ent=n_ent, cap=pin_min
        )
        keep = f_score >= threshold
        f_ent, f_men, f_score = f_ent[keep], f_men[keep], f_score[keep]

    m_ent, m_men, m_score = _max_cardinality_max_weight(
        ent=f_ent, men=f_men, score=f_score, residual=residual
    )

    all_ent = np.concatenate([pin_ent, m_ent])
    all_men = np.concatenate([pin_men, m_men])
    all_score = np.concatenate([pin_score, m_score])
    order = np.argsort(all_ent, kind="stable")
    assignment = dict(zip(all_ent[order].tolist(), all_men[order].tolist(), strict=True))

    degree = np.bincount(ent, minlength=n_ent)
    matched = np.zeros(n_ent, dtype=bool)
    matched[all_ent] = True
    unmatched = {
        int(i): (NO_FEASIBLE_MENTOR if degree[i] == 0 else CAPACITY_EXHAUSTED)
        for i in np.flatnonzero(~matched).tolist()
    }
    return Solution(
        assignment=assignment,
        total=int(all_score.sum()),
        minimum=int(all_score.min()) if all_score.size else None,
        unmatched=unmatched,
    )


# --------------------------------------------------------------------------- validation


def _validate_sizes(problem: Problem) -> tuple[int, int]:
    sizes = (problem.n_entrepreneurs, problem.n_mentors)
    for name, value in zip(("n_entrepreneurs", "n_mentors"), sizes, strict=True):
        if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < 0:
            raise ValueError(f"{name} must be a non-negative integer, got {value!r}")
    return int(sizes[0]), int(sizes[1])


def _as_int_matrix(rows: Sequence[Sequence[int]], *, width: int, what: str) -> IntArray:
    """Convert a sequence of integer tuples to an ``(n, width)`` int64 array."""
    if len(rows) == 0:
        return np.zeros((0, width), dtype=np.int64)
    arr = np.asarray(rows)
    if arr.ndim != 2 or arr.shape[1] != width:
        raise ValueError(f"{what} must be a sequence of {width}-tuples")
    if arr.dtype.kind not in "iu":
        raise ValueError(f"{what} must contain integers only (got dtype {arr.dtype})")
    return arr.astype(np.int64, copy=False)


def _validate_capacity(problem: Problem, *, n_men: int) -> IntArray:
    if len(problem.capacity) != n_men:
        raise ValueError(f"capacity has {len(problem.capacity)} entries but n_mentors is {n_men}")
    if n_men == 0:
        return np.zeros(0, dtype=np.int64)
    cap = np.asarray(problem.capacity)
    if cap.ndim != 1 or cap.dtype.kind not in "iu":
        raise ValueError("capacity must be a sequence of integers")
    cap = cap.astype(np.int64, copy=False)
    if (cap < 0).any():
        j = int(np.flatnonzero(cap < 0)[0])
        raise ValueError(f"capacity of mentor {j} is negative ({int(cap[j])})")
    return cap


def _validate_edges(problem: Problem, *, n_ent: int, n_men: int) -> tuple[IntArray, ...]:
    """Return the edges as ``(ent, men, score)`` arrays sorted by (ent, men)."""
    arr = _as_int_matrix(problem.edges, width=3, what="edges")
    ent, men, score = arr[:, 0], arr[:, 1], arr[:, 2]
    if ((ent < 0) | (ent >= n_ent)).any():
        bad = arr[int(np.flatnonzero((ent < 0) | (ent >= n_ent))[0])].tolist()
        raise ValueError(f"edge {tuple(bad)} has an entrepreneur index out of range")
    if ((men < 0) | (men >= n_men)).any():
        bad = arr[int(np.flatnonzero((men < 0) | (men >= n_men))[0])].tolist()
        raise ValueError(f"edge {tuple(bad)} has a mentor index out of range")
    if (score < 0).any():
        bad = arr[int(np.flatnonzero(score < 0)[0])].tolist()
        raise ValueError(f"edge {tuple(bad)} has a negative score")
    key = ent * max(n_men, 1) + men
    order = np.argsort(key, kind="stable")
    key, ent, men, score = key[order], ent[order], men[order], score[order]
    dup = np.flatnonzero(np.diff(key) == 0)
    if dup.size:
        k = int(dup[0])
        raise ValueError(
            f"pair (entrepreneur {int(ent[k])}, mentor {int(men[k])}) is listed more than once"
        )
    return ent, men, score


def _validate_pins(
    problem: Problem,
    *,
    n_ent: int,
    n_men: int,
    capacity: IntArray,
    ent: IntArray,
    men: IntArray,
    score: IntArray,
) -> tuple[IntArray, IntArray, IntArray]:
    """Check the pins and return ``(ent, men, score)`` arrays for them."""
    pins = _as_int_matrix(problem.pinned, width=2, what="pinned")
    p_ent, p_men = pins[:, 0], pins[:, 1]
    for i, j in pins.tolist():
        if not (0 <= i < n_ent and 0 <= j < n_men):
            raise ValueError(f"pinned pair ({i}, {j}) is out of range")
    seen = np.bincount(p_ent, minlength=n_ent)
    if (seen > 1).any():
        i = int(np.flatnonzero(seen > 1)[0])
        raise ValueError(f"entrepreneur {i} is pinned more than once")
    key = ent * max(n_men, 1) + men  # sorted, unique (see _validate_edges)
    p_key = p_ent * max(n_men, 1) + p_men
    pos = np.searchsorted(key, p_key)
    found = pos < key.size
    found[found] = key[pos[found]] == p_key[found]
    if not found.all():
        k = int(np.flatnonzero(~found)[0])
        raise ValueError(f"pinned pair ({int(p_ent[k])}, {int(p_men[k])}) is not a feasible edge")
    load = np.bincount(p_men, minlength=n_men)
    if (load > capacity).any():
        j = int(np.flatnonzero(load > capacity)[0])
        raise ValueError(
            f"mentor {j} has {int(load[j])} pinned entrepreneurs but capacity {int(capacity[j])}"
        )
    return p_ent, p_men, score[pos]


# --------------------------------------------------------------------------- core


def _slot_graph(
    *, ent: IntArray, men: IntArray, residual: IntArray
) -> tuple[IntArray, IntArray, IntArray, IntArray, int, IntArray]:
    """Expand mentors into capacity slots over the rows that have edges.

    Returns ``(rows, row_ids, cols, edge_of_entry, n_slots, slot_mentor)``: compact row
    index per expanded entry, the original entrepreneur of each compact row, the slot
    column per entry, the edge each entry comes from, the number of slot columns and
    the mentor owning each slot.
    """
    row_ids, rows_of_edge = np.unique(ent, return_inverse=True)
    n_men = residual.size
    degree = np.bincount(men, minlength=n_men)
    slots = np.minimum(residual, degree)
    offset = np.concatenate([[0], np.cumsum(slots)])
    n_slots = int(offset[-1])
    reps = slots[men]
    edge_of_entry = np.repeat(np.arange(ent.size), reps)
    start = np.repeat(np.cumsum(reps) - reps, reps)
    within = np.arange(edge_of_entry.size) - start
    cols = offset[men][edge_of_entry] + within
    slot_mentor = np.repeat(np.arange(n_men), slots)
    return rows_of_edge[edge_of_entry], row_ids, cols, edge_of_entry, n_slots, slot_mentor


def _max_cardinality(*, ent: IntArray, men: IntArray, residual: IntArray, n_ent: int) -> int:
    """Size of a maximum capacitated matching, as a unit-capacity max flow.

    Network: source -> entrepreneur (capacity 1) -> mentor (1 per edge) -> sink
    (capacity ``residual[j]``).  No slot expansion is needed, which makes this much
    cheaper than Hopcroft-Karp on the slot graph.
    """
    if ent.size == 0:
        return 0
    n_men = residual.size
    sink = n_ent + n_men + 1
    mentors = np.flatnonzero(residual > 0)
    tail = np.concatenate([np.zeros(n_ent, dtype=np.int64), 1 + ent, 1 + n_ent + mentors])
    head = np.concatenate([1 + np.arange(n_ent), 1 + n_ent + men, np.full(mentors.size, sink)])
    # A mentor never takes more than n_ent entrepreneurs; clipping keeps int32 safe.
    sink_capacity = np.minimum(residual[mentors], n_ent).astype(np.int32)
    capacity = np.concatenate([np.ones(n_ent + ent.size, dtype=np.int32), sink_capacity])
    network = csr_array((capacity, (tail, head)), shape=(sink + 1, sink + 1))
    return int(maximum_flow(network, 0, sink, method="dinic").flow_value)


def _best_threshold(
    *,
    ent: IntArray,
    men: IntArray,
    score: IntArray,
    residual: IntArray,
    n_ent: int,
    cap: int | None,
) -> int:
    """Largest ``t`` such that edges with ``score >= t`` keep the maximum cardinality.

    ``cap`` (the smallest pinned score, if any) bounds the useful thresholds: above it
    the overall minimum is the pin's, so no higher threshold is worth paying for.
    """
    target = _max_cardinality(ent=ent, men=men, residual=residual, n_ent=n_ent)
    candidates = np.unique(score)
    if cap is not None:
        candidates = np.union1d(candidates[candidates < cap], [cap])
    lo, hi = 0, candidates.size - 1  # candidates[0] keeps every edge: always feasible
    while lo < hi:
        mid = (lo + hi + 1) // 2
        keep = score >= candidates[mid]
        size = _max_cardinality(ent=ent[keep], men=men[keep], residual=residual, n_ent=n_ent)
        if size == target:
            lo = mid
        else:
            hi = mid - 1
    return int(candidates[lo])


def _max_cardinality_max_weight(
    *, ent: IntArray, men: IntArray, score: IntArray, residual: IntArray
) -> tuple[IntArray, IntArray, IntArray]:
    """Maximum-cardinality matching of maximum total score (capacitated, exact).

    Returns the matched ``(ent, men, score)`` arrays.
    """
    empty = np.zeros(0, dtype=np.int64)
    if ent.size == 0:
        return empty, empty, empty
    rows, row_ids, cols, edge_of_entry, n_slots, slot_mentor = _slot_graph(
        ent=ent, men=men, residual=residual
    )
    n_rows = row_ids.size
    smax, smin = int(score.max()), int(score.min())
    # Real costs lie in [1, spread]; any matching's real cost is at most n_rows * spread,
    # so one more dummy (cost big) always outweighs any gain in total score.
    spread = smax - smin + 1
    big = n_rows * spread + 1
    if big * n_rows >= _EXACT_FLOAT_LIMIT:
        raise ValueError(
            "instance too large for exact float64 costs: reduce the score range "
            f"({smin}..{smax}) or the number of entrepreneurs ({n_rows})"
        )
    cost = (smax + 1 - score[edge_of_entry]).astype(np.float64)
    dummy_rows = np.arange(n_rows)
    graph = csr_array(
        (
            np.concatenate([cost, np.full(n_rows, float(big))]),
            (np.concatenate([rows, dummy_rows]), np.concatenate([cols, n_slots + dummy_rows])),
        ),
        shape=(n_rows, n_slots + n_rows),
    )
    r, c = min_weight_full_bipartite_matching(graph)
    real = c < n_slots
    r, c = r[real], c[real]
    m_ent = row_ids[r]
    m_men = slot_mentor[c]
    # Look the score up from the (sorted, unique) edge keys.
    width = max(int(residual.size), 1)
    key = ent * width + men
    m_score = score[np.searchsorted(key, m_ent * width + m_men)]
    return m_ent, m_men, m_score
