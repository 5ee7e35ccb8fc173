"""Results of a pitch event: raw weighted averages and per-judge z-score normalisation.

Pure functions on plain numbers (no database), so they are easy to test and explain.

1. For each judge and pitch the judge scored on every criterion, the judge's *weighted
   score* is sum(weight x score) / sum(weights).
2. The *raw score* of a pitch is the mean of its judges' weighted scores.
3. Judges differ: some are harsh, some generous. For each judge we take the mean and the
   standard deviation of the weighted scores they gave, and turn each score into a z-score:
   (score - judge's mean) / judge's standard deviation. A judge whose scores are all equal
   (or who scored a single pitch) gives z = 0 to everyone: they do not move the ranking.
4. The *normalised score* of a pitch is the mean of its z-scores. Ranking uses it.
5. Ties on the normalised score are broken by the raw score, then by the number of judges
   who scored the pitch, then by the earlier submission.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

EPSILON = 1e-9


@dataclass
class PitchResult:
    pitch_id: int
    raw: float | None = None
    normalised: float | None = None
    judges: int = 0
    rank: int | None = None
    per_criterion: dict[int, float] = field(default_factory=dict)
    tie_broken: bool = False


def judge_pitch_scores(
    scores: Iterable[tuple[int, int, int, float]], weights: dict[int, int]
) -> dict[tuple[int, int], float]:
    """{(judge, pitch): weighted score} for judges who scored every criterion of a pitch."""
    by_pair: dict[tuple[int, int], dict[int, float]] = defaultdict(dict)
    for judge, pitch, criterion, value in scores:
        if criterion in weights:
            by_pair[(judge, pitch)][criterion] = float(value)
    total_weight = sum(weights.values())
    result = {}
    for pair, values in by_pair.items():
        if len(values) == len(weights) and total_weight:
            result[pair] = sum(weights[c] * v for c, v in values.items()) / total_weight
    return result


def zscores(pair_scores: dict[tuple[int, int], float]) -> dict[tuple[int, int], float]:
    by_judge: dict[int, list[tuple[int, float]]] = defaultdict(list)
    for (judge, pitch), value in pair_scores.items():
        by_judge[judge].append((pitch, value))
    result = {}
    for judge, items in by_judge.items():
        values = [v for _p, v in items]
        mean = sum(values) / len(values)
        std = math.sqrt(sum((v - mean) ** 2 for v in values) / len(values))
        for pitch, value in items:
            result[(judge, pitch)] = (
                0.0 if std < EPSILON * max(1.0, abs(mean)) else ((value - mean) / std)
            )
    return result


def compute_results(
    *, scores: Iterable[tuple[int, int, int, float]], weights: dict[int, int], pitch_ids: list[int]
) -> list[PitchResult]:
    """Results for ``pitch_ids`` (given in submission order), ranked best first; pitches
    nobody scored completely come last without a rank."""
    scores = list(scores)
    pairs = judge_pitch_scores(scores, weights)
    z = zscores(pairs)
    results = {pid: PitchResult(pitch_id=pid) for pid in pitch_ids}
    raw_sum: dict[int, list[float]] = defaultdict(list)
    z_sum: dict[int, list[float]] = defaultdict(list)
    for (judge, pitch), value in pairs.items():
        if pitch in results:
            raw_sum[pitch].append(value)
            z_sum[pitch].append(z[(judge, pitch)])
    criterion_values: dict[int, dict[int, list[float]]] = defaultdict(lambda: defaultdict(list))
    for judge, pitch, criterion, value in scores:
        if (judge, pitch) in pairs and pitch in results:
            criterion_values[pitch][criterion].append(float(value))
    for pid, result in results.items():
        if raw_sum[pid]:
            result.raw = sum(raw_sum[pid]) / len(raw_sum[pid])
            result.normalised = sum(z_sum[pid]) / len(z_sum[pid])
            result.judges = len(raw_sum[pid])
            result.per_criterion = {c: sum(v) / len(v) for c, v in criterion_values[pid].items()}
    order = {pid: i for i, pid in enumerate(pitch_ids)}
    scored = [r for r in results.values() if r.normalised is not None]
    unscored = [r for r in results.values() if r.normalised is None]

    def key(r: PitchResult):
        return (-round(r.normalised, 9), -round(r.raw, 9), -r.judges, order[r.pitch_id])

    scored.sort(key=key)
    for i, result in enumerate(scored):
        result.rank = i + 1
        if i and round(scored[i - 1].normalised, 9) == round(result.normalised, 9):
            result.tie_broken = scored[i - 1].tie_broken = True
    unscored.sort(key=lambda r: order[r.pitch_id])
    return scored + unscored


def suggest_allocation(
    *, ranked: list[tuple[int, int]], budget: int, tiers: list[tuple[int, int, int]]
) -> dict[int, int]:
    """{pitch: amount} by rank: each pitch gets at most its ask and its tier's cap (when
    tiers are set), while the budget lasts. ``ranked`` is [(pitch, ask)] best first;
    ``tiers`` is [(rank_from, rank_to, cap)]."""
    allocation: dict[int, int] = {}
    remaining = budget
    for rank, (pitch, ask) in enumerate(ranked, start=1):
        if remaining <= 0:
            break
        cap = ask
        if tiers:
            tier_caps = [c for lo, hi, c in tiers if lo <= rank <= hi]
            if not tier_caps:
                continue
            cap = min(ask, tier_caps[0])
        amount = min(cap, remaining)
        if amount > 0:
            allocation[pitch] = amount
            remaining -= amount
    return allocation
