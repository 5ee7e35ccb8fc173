"""Results maths: weighted averages, per-judge z-scores, tie-break, allocation."""

from hypothesis import given, settings
from hypothesis import strategies as st

from pitchday.scoring import compute_results, suggest_allocation

WEIGHTS = {1: 60, 2: 40}


def _scores(table):
    """{judge: {pitch: (c1, c2)}} -> [(judge, pitch, criterion, value)]"""
    return [
        (j, p, c, v)
        for j, row in table.items()
        for p, values in row.items()
        for c, v in zip((1, 2), values, strict=True)
    ]


def test_weighted_raw_average():
    results = compute_results(scores=_scores({1: {10: (10, 5)}}), weights=WEIGHTS, pitch_ids=[10])
    assert results[0].raw == 8.0


def test_harsh_and_lenient_judges_weigh_the_same():
    # Judge 1 is lenient (8-10), judge 2 harsh (1-3); judge 2 prefers pitch 20 strongly.
    table = {1: {10: (10, 10), 20: (9, 9), 30: (8, 8)}, 2: {10: (1, 1), 20: (3, 3), 30: (2, 2)}}
    results = compute_results(scores=_scores(table), weights=WEIGHTS, pitch_ids=[10, 20, 30])
    assert [r.pitch_id for r in results] == [20, 10, 30]


def test_partial_scores_do_not_count_and_unscored_pitches_come_last():
    table = {1: {10: (5, 5), 20: (7, 7)}}
    scores = [*_scores(table), (1, 30, 1, 9)]  # only one criterion for pitch 30
    results = compute_results(scores=scores, weights=WEIGHTS, pitch_ids=[10, 20, 30])
    assert [(r.pitch_id, r.rank, r.judges) for r in results] == [
        (20, 1, 1),
        (10, 2, 1),
        (30, None, 0),
    ]


def test_tie_break_uses_raw_then_judges_then_submission_order():
    table = {1: {10: (5, 5), 20: (5, 5)}}
    results = compute_results(scores=_scores(table), weights=WEIGHTS, pitch_ids=[20, 10])
    assert [r.pitch_id for r in results] == [20, 10]
    assert all(r.tie_broken for r in results)


def test_suggested_allocation_respects_asks_tiers_and_budget():
    ranked = [(1, 800), (2, 300), (3, 700), (4, 200)]
    assert suggest_allocation(ranked=ranked, budget=1_500, tiers=[]) == {1: 800, 2: 300, 3: 400}
    tiers = [(1, 1, 500), (2, 3, 250)]
    assert suggest_allocation(ranked=ranked, budget=1_500, tiers=tiers) == {1: 500, 2: 250, 3: 250}


judge_tables = st.dictionaries(
    st.integers(1, 4),
    st.fixed_dictionaries(
        {p: st.tuples(st.integers(1, 10), st.integers(1, 10)) for p in (10, 20, 30, 40)}
    ),
    min_size=1,
    max_size=4,
)


@settings(max_examples=150, deadline=None)
@given(
    table=judge_tables,
    judge=st.integers(1, 4),
    scale=st.floats(0.1, 10, allow_nan=False),
    shift=st.floats(-50, 50, allow_nan=False),
)
def test_positive_affine_change_of_a_judge_keeps_the_normalised_ranking(table, judge, scale, shift):
    before = compute_results(scores=_scores(table), weights=WEIGHTS, pitch_ids=[10, 20, 30, 40])
    changed = [(j, p, c, v * scale + shift if j == judge else v) for j, p, c, v in _scores(table)]
    after = compute_results(scores=changed, weights=WEIGHTS, pitch_ids=[10, 20, 30, 40])
    for b, a in zip(before, after, strict=True):
        assert abs(b.normalised - a.normalised) < 1e-6
    strict_before = [r.pitch_id for r in before]
    if len({round(r.normalised, 6) for r in before}) == len(before):
        assert [r.pitch_id for r in after] == strict_before
