"""What the crawler looks for in a page, as pure functions of the HTML (tested on their own
in test_checks.py).

Validity: html5lib's strict parser (pure Python, runs offline) reports the WHATWG parse
errors (stray or unclosed tags, bad nesting, duplicate attributes...); our own checks add
what a parser does not see: duplicate ids, ``<label for>`` without its field, headings that
skip a level going down, ``hx-*`` attributes (not valid HTML: htmx reads ``data-hx-*``),
radio groups outside a ``<fieldset>`` with a ``<legend>``.

Voice: the text a person reads (text outside <script>/<style>, plus titles, labels for
screen readers, placeholders and alt texts) must hold no Python repr, no ISO date, no raw
choice value, no "usted" and, on a Spanish page, no English word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import html5lib

from tests.semilla.test_voice import FORMAL

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
VISIBLE_ATTRIBUTES = ("placeholder", "aria-label", "title", "alt")
HEADING = re.compile(r"h([1-6])")
#: The "usted" forms of tests/semilla/test_voice.py, less two that are as often third
#: person in our pages ("en cuanto el proveedor lo confirme", "cambiaron su correo"); the
#: e-mail tests there keep checking them, where they can only be "usted".
AMBIGUOUS_FORMAL = {"confirme", "su correo"}
FORMAL_RE = re.compile(
    r"(?<!\w)("
    + "|".join(re.escape(form) for form in FORMAL if form not in AMBIGUOUS_FORMAL)
    + r")(?!\w)",
    re.I,
)
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
#: Python's words for its constants: never Spanish ("None yet." is English, so only in
#: Spanish pages) and the marks of a list, a dict or an object printed as it is (anywhere).
REPR_WORD = re.compile(r"(?<![\w-])(True|False|None)(?![\w-])")
REPR = re.compile(r"\[\s*'|\{\s*'|<QuerySet|object at 0x")
#: Django's bare empty choice: a choice list starts with a readable "Elige…" instead
EMPTY_CHOICE = re.compile(r"-{5,}")
WORD = re.compile(r"[^\W\d]+")
#: a sentence's full stop after an abbreviation's ("4:20 p.m..")
DOUBLE_STOP = re.compile(r"(?<!\.)\.\.(?!\.)")
#: a Spanish date without its "de" ("martes 8 diciembre")
SPANISH_MONTHS = (
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"
)
#: (a month and its year, "febrero de 2026", after a number in the cell before is fine)
DAY_MONTH = re.compile(
    rf"\b\d{{1,2}} ({'|'.join(SPANISH_MONTHS.split())})\b(?! de \d{{4}})", re.IGNORECASE
)
QUOTED_KEY = re.compile(r'"[a-z_]+"')
ADDRESS = re.compile(r"\S+@\S+\.\w+|https?://\S+|(?<!\w)/[\w\-/.?=&%]+")

#: English words that are not Spanish words: one of them in a Spanish page is a string
#: that missed its translation.
ENGLISH = set(
    """
    the and your you with please this that these those here there have been are was
    were will would should could from what when where which who why how about more less
    before after only also other into than then them they their our ours his her its
    yes not none all any some each every page pages back next previous send save saved
    delete edit add remove search sign signed log logged login logout password email
    account accounts settings help home view views show hide hidden open close closed
    new old date time day days week weeks month months year years today tomorrow yesterday
    name names title status state type kind note notes file files document documents
    upload uploaded download review reviews score scores apply applied application
    applications request requests requested payment payments paid pending approved
    rejected accepted declined cancelled canceled active inactive draft drafts submitted
    booking bookings session sessions mentors mentee grant grants funds fund
    cohort cohorts event events judge judges lesson lessons course courses
    module modules quiz progress certificate certificates report reports dashboard
    user users staff finance funder reviewer programme program desk desks console
    yet still already again never always nothing something everything
    """.split()
)
#: Names and words that read the same in Spanish (brands, acronyms, loanwords).
ALLOWED_WORDS = {
    "Semilla", "WhatsApp", "SMS", "Nequi", "Daviplata", "Stripe", "Wagtail", "PDF", "CSV",
    "XLSX", "TOTP", "QR", "Google", "Zoom", "Meet", "Jitsi", "Android", "iPhone", "OK",
    "online", "web", "link", "links", "software", "pitch", "Pitch", "pitches", "Pitches",
}  # fmt: skip


@dataclass
class Page:
    """What the crawler reads of one HTML page."""

    text: str
    html_errors: list[str] = field(default_factory=list)


class _Reader(HTMLParser):
    """Collects the readable text, leaving out hidden elements and elements in another
    language than the page's (``lang`` on <html>: English terms shown to Spanish staff)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.language = None
        self.parts: list[str] = []
        self.problems: list[str] = []
        self.ids: dict[str, int] = {}
        self.label_targets: list[str] = []
        self.headings: list[int] = []
        self.radios: list[tuple[str, bool]] = []  # (name, inside a fieldset with a legend)
        self._skip = 0
        self._fieldsets: list[bool] = []  # one per open <fieldset>: has a <legend> yet
        self._svg = 0
        self._hidden: list = []  # [tag, depth] of the element with ``hidden`` we are in

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "html":
            self.language = (attributes.get("lang") or "")[:2] or None
        if self._hidden and tag == self._hidden[0]:
            self._hidden[1] += 1
        elif (
            not self._hidden
            and tag not in VOID
            and (
                "hidden" in attributes
                or (attributes.get("lang") or self.language or "")[:2] != (self.language or "")
            )
        ):
            self._hidden = [tag, 1]
            self._skip += 1
        if tag in ("script", "style", "template"):
            self._skip += 1
        if tag == "svg":
            self._svg += 1
        for name, value in attrs:
            if name.startswith("hx-"):
                self.problems.append(f"<{tag} {name}>: not valid HTML, write data-{name}")
            if name in VISIBLE_ATTRIBUTES and value and not self._skip:
                self.parts.append(value)
        if attributes.get("id"):
            self.ids[attributes["id"]] = self.ids.get(attributes["id"], 0) + 1
        if tag == "label" and attributes.get("for") is not None:
            self.label_targets.append(attributes["for"])
        match = HEADING.fullmatch(tag)
        if match and not self._svg:
            self.headings.append(int(match.group(1)))
        if tag == "fieldset":
            self._fieldsets.append(False)
        if tag == "legend" and self._fieldsets:
            self._fieldsets[-1] = True
        if tag == "input" and attributes.get("type") == "radio":
            self.radios.append((attributes.get("name") or "", any(self._fieldsets)))

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template") and self._skip:
            self._skip -= 1
        if self._hidden and tag == self._hidden[0]:
            self._hidden[1] -= 1
            if not self._hidden[1]:
                self._hidden = []
                self._skip -= 1
        if tag == "svg" and self._svg:
            self._svg -= 1
        if tag == "fieldset" and self._fieldsets:
            self._fieldsets.pop()

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def _parse_errors(html: str) -> list[str]:
    parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
    parser.parse(html)
    problems = []
    for (line, column), code, data in parser.errors:
        if code in IGNORED_PARSE_ERRORS:
            continue
        problems.append(f"line {line}:{column}: {code} {data or ''}".rstrip())
    return problems


#: html5lib error codes that are not errors in today's HTML.
IGNORED_PARSE_ERRORS: set[str] = set()


def read_page(html: str) -> Page:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    problems = _parse_errors(html) + reader.problems
    problems += [f'duplicate id="{i}" ({n} times)' for i, n in reader.ids.items() if n > 1]
    problems += [
        f'<label for="{target}">: no element has that id'
        for target in reader.label_targets
        if target not in reader.ids
    ]
    level = 0
    for heading in reader.headings:
        if level and heading > level + 1:
            problems.append(f"heading h{level} followed by h{heading} (a level skipped)")
        level = heading
    if reader.headings and reader.headings[0] != 1:
        problems.append(f"the first heading is h{reader.headings[0]}, not h1")
    problems += sorted(
        {
            f'radio group "{name}" is not inside a <fieldset> with a <legend>'
            for name, grouped in reader.radios
            if not grouped
        }
    )
    text = " ".join(" ".join(reader.parts).split())
    return Page(text=text, html_errors=problems)


def _around(text: str, match: re.Match) -> str:
    return text[max(match.start() - 40, 0) : match.end() + 40]


def voice_problems(
    text: str, *, language: str, codes: set[str], spanish_codes: set[str]
) -> list[str]:
    """Problems of the readable text of a page in ``language``.

    ``codes``: choice values that are codes in every language (snake_case: never shown);
    ``spanish_codes``: choice values that are English words, never shown in a Spanish page
    (their label is)."""
    for name in ALLOWED_WORDS:
        text = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", " ", text)
    text = QUOTED_KEY.sub(" ", ADDRESS.sub(" ", text))  # addresses; keys of a JSON example
    problems = [f"Python value {m.group(0)!r}: {_around(text, m)!r}" for m in REPR.finditer(text)]
    problems += [f"ISO date {m.group(0)!r}: {_around(text, m)!r}" for m in ISO_DATE.finditer(text)]
    problems += [f"bare empty choice: {_around(text, m)!r}" for m in EMPTY_CHOICE.finditer(text)]
    problems += [f"two full stops: {_around(text, m)!r}" for m in DOUBLE_STOP.finditer(text)]
    words = list(WORD.finditer(text))
    problems += [
        f"raw value {m.group(0)!r}: {_around(text, m)!r}" for m in words if m.group(0) in codes
    ]
    if language == "es":
        problems += [
            f"date without 'de' {m.group(0)!r}: {_around(text, m)!r}"
            for m in DAY_MONTH.finditer(text)
        ]
        problems += [
            f"Python value {m.group(0)!r}: {_around(text, m)!r}" for m in REPR_WORD.finditer(text)
        ]
        problems += [
            f"formal {m.group(0)!r}: {_around(text, m)!r}" for m in FORMAL_RE.finditer(text)
        ]
        problems += [
            f"raw value {m.group(0)!r}: {_around(text, m)!r}"
            for m in words
            if m.group(0) in spanish_codes and m.group(0) not in codes
        ]
        problems += [
            f"English {m.group(0)!r}: {_around(text, m)!r}"
            for m in words
            if m.group(0).lower() in ENGLISH
            # an all-capitals run is a code or an acronym (a certificate's random
            # verification code may spell "ADD"), not English prose
            and not (len(m.group(0)) > 1 and m.group(0).isupper())
            and m.group(0) not in spanish_codes
            and m.group(0) not in ("None", "True", "False")
        ]
    return problems
