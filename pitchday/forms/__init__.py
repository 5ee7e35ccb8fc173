"""Pitch day's forms by topic: ``events`` (pitches, judges, awards) and ``grants``
(payout details, evidence, the desk); ``fields`` holds the pesos field both use.

Import the submodule you need; this package re-exports nothing."""
