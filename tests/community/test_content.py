"""The starter guides and help offices (``community.content``): complete in both languages,
sourced, dated, in the shape the loader expects, and free of the details that must not be
guessed (phone numbers, amounts)."""

import datetime
import re
from html.parser import HTMLParser

import pytest

from community.content import BLOCK_TYPES, GUIDES, HELP_OFFICES, INDEX, TOPICS
from community.enums import GuideTopic, HelpOfficeKind
from curriculum.content import ALLOWED_HTML_TAGS, TIP_KINDS
from semilla.enums import City

LANGUAGES = ("es", "en")
OFFICIAL_HOSTS = re.compile(r"^https://www\.[a-z]+\.(gov\.co|org\.co)/$")
PHONE = re.compile(r"\+57|\b\d{3}[ -]?\d{3}[ -]?\d{4}\b|\b01 ?8000\b")
MONEY = re.compile(r"\$\s?\d|\bCOP\b|\d+\s?UVT")


def _texts(guide: dict):
    """Every (label, {es, en}) text of a guide."""
    yield "title", guide["title"]
    yield "summary", guide["summary"]
    for n, block in enumerate(guide["body"]):
        for key in ("text", "html", "title"):
            if key in block:
                yield f"body[{n}].{key}", block[key]
    for n, source in enumerate(guide["sources"]):
        yield f"sources[{n}].title", source["title"]


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)


def test_content_has_at_least_twelve_guides_with_unique_ascii_slugs():
    slugs = [g["slug"] for g in GUIDES]
    assert (len(GUIDES) >= 12, len(set(slugs)) == len(slugs)) == (True, True)
    assert [s for s in slugs if not re.fullmatch(r"[a-z0-9-]+", s)] == []


def test_content_topics_are_the_enum_topics():
    assert TOPICS == set(GuideTopic.values)
    assert {g["topic"] for g in GUIDES} == set(GuideTopic.values)


@pytest.mark.parametrize("guide", GUIDES, ids=lambda g: g["slug"])
def test_guide_texts_exist_in_both_languages(guide):
    missing = [
        (label, lang)
        for label, text in _texts(guide)
        for lang in LANGUAGES
        if not isinstance(text.get(lang), str) or not text[lang].strip()
    ]
    assert missing == []
    assert [t for _label, t in _texts(guide) if t["es"] == t["en"]] == []


@pytest.mark.parametrize("guide", GUIDES, ids=lambda g: g["slug"])
def test_guide_has_checklist_sources_and_review_dates(guide):
    needs = guide["needs"]
    assert (len(needs["es"]) >= 3, len(needs["es"]) == len(needs["en"])) == (True, True)
    assert guide["sources"] != []
    assert [s["url"] for s in guide["sources"] if not OFFICIAL_HOSTS.match(s["url"])] == []
    last = datetime.date.fromisoformat(guide["last_reviewed"])
    review_by = datetime.date.fromisoformat(guide["review_by"])
    assert last < review_by <= last + datetime.timedelta(days=366)


@pytest.mark.parametrize("guide", GUIDES, ids=lambda g: g["slug"])
def test_guide_blocks_have_known_types_and_simple_html(guide):
    assert {b["type"] for b in guide["body"]} <= BLOCK_TYPES
    assert {b["kind"] for b in guide["body"] if b["type"] == "tip"} <= TIP_KINDS
    assert len([b for b in guide["body"] if b["type"] == "heading"]) >= 2
    for block in guide["body"]:
        if block["type"] == "paragraph":
            for lang in LANGUAGES:
                parser = _Tags()
                parser.feed(block["html"][lang])
                assert parser.tags <= ALLOWED_HTML_TAGS, (guide["slug"], lang)


@pytest.mark.parametrize("guide", GUIDES, ids=lambda g: g["slug"])
def test_guide_names_no_phone_number_or_amount(guide):
    found = [
        (label, lang)
        for label, text in _texts(guide)
        for lang in LANGUAGES
        if PHONE.search(text[lang]) or MONEY.search(text[lang])
    ]
    assert found == []


def test_content_index_in_both_languages():
    assert (INDEX["slug"], sorted(INDEX["title"]), sorted(INDEX["intro"])) == (
        "conoce-tus-derechos",
        ["en", "es"],
        ["en", "es"],
    )


def test_help_offices_cover_the_eight_cities_without_guessed_details():
    by_city = {}
    for office in HELP_OFFICES:
        by_city.setdefault(office["city"], set()).add(office["kind"])
    assert sorted(by_city) == sorted(City.values)
    assert {kind for kinds in by_city.values() for kind in kinds} == set(HelpOfficeKind.values) - {
        "employment"
    }
    assert [o for o in HELP_OFFICES if set(o) - {"city", "kind", "sort_order", "name",
            "description", "website"}] == []  # fmt: skip
    assert [o["website"] for o in HELP_OFFICES if o["website"] and not OFFICIAL_HOSTS.match(
        o["website"])] == []  # fmt: skip
    assert [
        o for o in HELP_OFFICES for lang in LANGUAGES if PHONE.search(o["description"][lang])
    ] == []


def test_help_office_keys_are_unique_per_city():
    keys = [(o["city"], o["sort_order"]) for o in HELP_OFFICES]
    assert len(keys) == len(set(keys))


def test_one_guide_lists_the_help_offices():
    assert [g["slug"] for g in GUIDES if g["show_help_offices"]] == ["ayuda-gratuita"]
