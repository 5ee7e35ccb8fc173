"""A message that counts things is a plural message (ngettext / ``{% blocktranslate count %}``):
"Decisión registrada para 1 postulaciones" came from a count put into a singular msgid.

This scans every Spanish catalogue for singular entries whose msgid holds a count placeholder
(``%(count)s``, ``%(n)s``, ``%(days)s``...). The ones below are not counts of things (a
position, a page, a fixed number that is never 1, a label followed by a number): each says
why. A new singular count message fails here; the plural test in
tests/semilla/test_translations.py then checks each plural entry with 0, 1, 2, 5 and a
million in Spanish.
"""

from __future__ import annotations

import re
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[2]
COUNT = re.compile(
    r"%\((count|n|number|total|people|days|minutes|hours|seats|free)\)[sd]"
    r"|\{\{ ?(count|n|number|total|people|days|minutes|hours|seats) ?\}\}"
)

#: msgid starts of singular entries that hold a number but not a count of things.
NOT_COUNTS = {
    # positions and ordinals
    "Page %(n)s of %(total)s": "a page number",
    "Step %(n)s of %(total)s": "a position",
    "Application #%(n)s": "a number",
    "Positions %(first)s to %(last)s of %(total)s.": "positions",
    "Lesson %(position)s of %(total)s": "a position",
    "Line %(n)s:": "a line number",
    "Tranche %(": "a tranche's number",
    "tranche %(n)s": "a tranche's number",
    "Milestone %(number)s": "a milestone's number",
    "The payment of tranche %(number)s": "a tranche's number",
    "Payment failed: %(reference)s tranche %(number)s": "a tranche's number",
    "We paid %(amount)s (tranche %(number)s": "a tranche's number",
    "Place %(rank)s of %(count)s": "a rank",
    "Quarter %(n)s of %(year)s": "a quarter's number",
    "What employer partners did with the people of the programme": "a threshold (at least 5)",
    # "x of y" scores and progress (the noun goes with the total, which is never 1 here)
    "%(confirmed)s of %(seats)s seats confirmed.": "a cohort has many seats",
    "%(done)s of %(total)s": "progress of a list",
    "Your last try: %(correct)s of %(total)s right.": "a score",
    "You got %(correct)s of %(total)s right.": "a score",
    "Sent: you got %(correct)s of %(total)s right.": "a score",
    "What a lender will ask you, from what you told Semilla: %(done)s of %(total)s": "progress",
    "%(n)s of %(cap)s places taken.": "a capacity is several places",
    "%(paid)s paid of %(total)s": "money",
    # a label followed by its number
    "Shortlist updated (%(n)s).": "a label and its number",
    "Last run %(when)s. Transfers checked: %(n)s.": "labels and their numbers",
    "Assign reviewers automatically (%(n)s per application)": "a setting's value",
    "Your capacity cannot be lower than your current number of mentees (%(count)s).": "label",
    "Volunteer hours (confirmed sessions): %(hours)s": "a label and its number",
    "The weights add up to %(total)s; they must add up to 100.": "a sum of percentages",
    # fixed numbers from settings, never 1
    "about %(minutes)s minutes in all": "a course lasts many minutes",
    "Propose a time within the next %(days)s days.": "a setting (14 days)",
    "“No session lately”: no session in the last %(days)s days": "a setting (30 days)",
    "It expires in %(minutes)s minutes.": "a setting (10 minutes)",
    "The archive with your data is ready.": "a setting (7 days)",
    "A cell marked": "the small-cell threshold (5)",
    "You see aggregates only, for fixed periods.": "the small-cell threshold (5)",
    '"%(mark)s": hidden, because it counts fewer than %(n)s': "the small-cell threshold (5)",
    "hidden (fewer than %(n)s)": "the small-cell threshold (5)",
    "Dashed lines are hidden months (fewer than %(n)s people)": "the small-cell threshold (5)",
    "%(actor)s opened the records of %(people)s people within one hour": "above a threshold",
    "%(count)d confirmed no-shows in %(days)d days": "at or above the pause threshold (3)",
    "%(mentor)s has %(count)s confirmed no-shows": "at or above the pause threshold (3)",
}


def _singular_counts(root: Path = ROOT) -> list[tuple[str, str]]:
    found = []
    for path in sorted(root.glob("*/locale/es/LC_MESSAGES/django.po")):
        if ".venv" in path.parts:
            continue
        for entry in polib.pofile(str(path)):
            if entry.obsolete or entry.msgid_plural or not COUNT.search(entry.msgid):
                continue
            if any(entry.msgid.startswith(start) for start in NOT_COUNTS):
                continue
            found.append((path.relative_to(root).parts[0], entry.msgid))
    return found


def test_count_messages_are_plural_messages():
    assert _singular_counts() == []


def test_count_guard_finds_a_singular_count(tmp_path):
    """The guard itself: a singular "%(n)s applications" entry is reported."""
    folder = tmp_path / "demo" / "locale" / "es" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    po.append(
        polib.POEntry(
            msgid="Decision recorded for %(n)s applications.",
            msgstr="Decisión registrada para %(n)s postulaciones.",
        )
    )
    po.save(str(folder / "django.po"))
    assert _singular_counts(tmp_path) == [("demo", "Decision recorded for %(n)s applications.")]
