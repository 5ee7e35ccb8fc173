"""Reads for pitch day's views and reports, by topic: ``events`` (events, judging,
results, votes) and ``grants`` (grants, milestones, payout details, the desk's queues).

Import the submodule you need (``from pitchday.selectors import events``); this package
re-exports nothing, so each name has one home."""

from . import events, grants

__all__ = ["events", "grants"]
