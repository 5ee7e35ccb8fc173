"""Schema checks for the starter curriculum in ``curriculum.content``.

Plain pytest, no Django and no database: ``curriculum.content`` is pure data.
"""

import re
from html.parser import HTMLParser

import pytest

from curriculum.content import (
    ALLOWED_HTML_TAGS,
    BLOCK_TYPES,
    COURSES,
    LANGUAGES,
    LEVELS,
    SHORT_COURSES,
    TIP_KINDS,
    TOPICS,
)

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

COURSE_KEYS = {"slug", "title", "intro", "modules"}
MODULE_KEYS = {"slug", "title", "intro", "lessons"}
LESSON_KEYS = {"slug", "title", "summary", "minutes", "level", "topics", "required", "body"}
BLOCK_KEYS = {
    "heading": {"type", "text"},
    "paragraph": {"type", "html"},
    "tip": {"type", "kind", "title", "text"},
    "checklist": {"type", "title", "items"},
    "action_step": {"type", "title", "text"},
    "quiz": {"type", "questions"},
}
QUESTION_KEYS = {"question", "options"}
OPTION_KEYS = {"text", "correct", "explanation"}

# "Around 250-500 words per language"; the bounds leave a little slack for edits.
MIN_WORDS = 200
MAX_WORDS = 600

ALL_MODULES = [module for course in COURSES for module in course["modules"]]
ALL_LESSONS = [lesson for module in ALL_MODULES for lesson in module["lessons"]]


def lesson_id(lesson):
    return lesson["slug"]


# --------------------------------------------------------------------------- helpers


def assert_localized(value, where):
    """A dict with exactly the course languages, each a non-empty, trimmed string."""
    assert isinstance(value, dict), f"{where}: expected a dict of languages, got {value!r}"
    assert set(value) == set(LANGUAGES), f"{where}: languages {sorted(value)}"
    for lang in LANGUAGES:
        text = value[lang]
        assert isinstance(text, str), f"{where}[{lang}] is not a string"
        assert text.strip(), f"{where}[{lang}] is empty"
        assert text == text.strip(), f"{where}[{lang}] has surrounding whitespace"


def assert_plain(value, where):
    """Localized text that is rendered as plain text, so it must not contain markup."""
    assert_localized(value, where)
    for lang in LANGUAGES:
        assert "<" not in value[lang] and ">" not in value[lang], f"{where}[{lang}] has markup"


class _TagCollector(HTMLParser):
    """Collects problems in a paragraph's HTML: tags, attributes, nesting, stray text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.problems = []

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED_HTML_TAGS:
            self.problems.append(f"tag <{tag}> not allowed")
        if attrs:
            self.problems.append(f"attributes not allowed on <{tag}>: {attrs}")
        if tag == "li" and (not self.stack or self.stack[-1] not in {"ul", "ol"}):
            self.problems.append("<li> outside <ul>/<ol>")
        if tag in {"p", "ul", "ol"} and self.stack:
            self.problems.append(f"<{tag}> nested inside <{self.stack[-1]}>")
        self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.problems.append(f"self-closing <{tag}/> not allowed")

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"unbalanced </{tag}>")
            return
        self.stack.pop()

    def handle_data(self, data):
        if data.strip() and (not self.stack or self.stack[-1] in {"ul", "ol"}):
            self.problems.append(f"text outside <p>/<li>: {data.strip()[:40]!r}")

    def close(self):
        super().close()
        if self.stack:
            self.problems.append(f"unclosed tags: {self.stack}")


def html_problems(html):
    parser = _TagCollector()
    parser.feed(html)
    parser.close()
    return parser.problems


def strip_tags(html):
    return re.sub(r"<[^>]+>", " ", html)


def lesson_texts(lesson, lang):
    """Every piece of text a learner reads in a lesson, in one language."""
    texts = [lesson["title"][lang], lesson["summary"][lang]]
    for block in lesson["body"]:
        kind = block["type"]
        if kind == "heading":
            texts.append(block["text"][lang])
        elif kind == "paragraph":
            texts.append(strip_tags(block["html"][lang]))
        elif kind in {"tip", "action_step"}:
            texts += [block["title"][lang], block["text"][lang]]
        elif kind == "checklist":
            texts.append(block["title"][lang])
            texts += block["items"][lang]
        elif kind == "quiz":
            for question in block["questions"]:
                texts.append(question["question"][lang])
                for option in question["options"]:
                    texts += [option["text"][lang], option["explanation"][lang]]
    return texts


def word_count(lesson, lang):
    return sum(len(text.split()) for text in lesson_texts(lesson, lang))


# --------------------------------------------------------------------------- course level


def test_one_course_with_expected_shape():
    assert isinstance(COURSES, list)
    assert len(COURSES) >= 1
    for course in COURSES:
        assert set(course) == COURSE_KEYS
        assert SLUG_RE.match(course["slug"])
        assert_plain(course["title"], f"course {course['slug']} title")
        assert_plain(course["intro"], f"course {course['slug']} intro")
    assert COURSES[0]["slug"] == "ruta-emprendedora"


def test_course_size():
    for course in COURSES:
        if course["slug"] in SHORT_COURSES:
            continue
        modules = course["modules"]
        assert len(modules) >= 6
        assert sum(len(module["lessons"]) for module in modules) >= 24


def test_short_course_size_and_quizzes():
    """A short course: 2 or 3 modules of at least 3 lessons, 6 lessons or more, each with a
    quiz (its certificate rests on them)."""
    short = [course for course in COURSES if course["slug"] in SHORT_COURSES]
    assert [course["slug"] for course in short] == sorted(SHORT_COURSES)
    for course in short:
        modules = course["modules"]
        lessons = [lesson for module in modules for lesson in module["lessons"]]
        assert (
            2 <= len(modules) <= 3,
            min(len(module["lessons"]) for module in modules) >= 3,
            len(lessons) >= 6,
            all(any(b["type"] == "quiz" for b in lesson["body"]) for lesson in lessons),
            all(lesson["required"] for lesson in lessons),
        ) == (True, True, True, True, True), course["slug"]


def test_entrepreneur_path_keeps_its_size():
    path = next(course for course in COURSES if course["slug"] == "ruta-emprendedora")
    assert len(path["modules"]) >= 6
    assert sum(len(module["lessons"]) for module in path["modules"]) >= 24


def test_modules_have_expected_shape():
    for course in COURSES:
        fewest = 3 if course["slug"] in SHORT_COURSES else 4
        for module in course["modules"]:
            assert set(module) == MODULE_KEYS, module.get("slug")
            assert SLUG_RE.match(module["slug"]), module["slug"]
            assert_plain(module["title"], f"module {module['slug']} title")
            assert_plain(module["intro"], f"module {module['slug']} intro")
            assert len(module["lessons"]) >= fewest, module["slug"]


def test_slugs_are_unique():
    course_slugs = [course["slug"] for course in COURSES]
    assert len(course_slugs) == len(set(course_slugs))
    for course in COURSES:
        module_slugs = [module["slug"] for module in course["modules"]]
        assert len(module_slugs) == len(set(module_slugs)), module_slugs
        lesson_slugs = [
            lesson["slug"] for module in course["modules"] for lesson in module["lessons"]
        ]
        duplicates = {slug for slug in lesson_slugs if lesson_slugs.count(slug) > 1}
        assert not duplicates, duplicates


def test_allowed_topic_set_is_the_documented_one():
    assert TOPICS == {
        "finance",
        "marketing",
        "formalisation",
        "digital",
        "operations",
        "pitching",
        "financial_inclusion",
    }


# --------------------------------------------------------------------------- lesson level


@pytest.mark.parametrize("lesson", ALL_LESSONS, ids=lesson_id)
def test_lesson_fields(lesson):
    assert set(lesson) == LESSON_KEYS
    assert SLUG_RE.match(lesson["slug"]) and lesson["slug"].isascii()
    assert_plain(lesson["title"], "title")
    assert_plain(lesson["summary"], "summary")
    for lang in LANGUAGES:
        assert len(lesson["summary"][lang]) <= 200, f"summary[{lang}] too long"
    minutes = lesson["minutes"]
    assert isinstance(minutes, int) and not isinstance(minutes, bool)
    assert 5 <= minutes <= 25
    assert lesson["level"] in LEVELS
    assert isinstance(lesson["required"], bool)
    topics = lesson["topics"]
    assert isinstance(topics, list) and topics
    assert len(topics) == len(set(topics)), "duplicate topics"
    assert set(topics) <= TOPICS, set(topics) - TOPICS


@pytest.mark.parametrize("lesson", ALL_LESSONS, ids=lesson_id)
def test_lesson_has_enough_blocks_and_an_activity(lesson):
    body = lesson["body"]
    assert isinstance(body, list) and len(body) >= 3
    types = [block["type"] for block in body]
    has_quiz = any(block["type"] == "quiz" and block["questions"] for block in body)
    assert has_quiz or "action_step" in types, "needs a quiz question or an action step"


@pytest.mark.parametrize("lesson", ALL_LESSONS, ids=lesson_id)
def test_blocks_follow_the_schema(lesson):
    for index, block in enumerate(lesson["body"]):
        where = f"block {index}"
        kind = block.get("type")
        assert kind in BLOCK_TYPES, f"{where}: unknown type {kind!r}"
        assert set(block) == BLOCK_KEYS[kind], f"{where} ({kind}) keys {sorted(block)}"
        if kind == "heading":
            assert_plain(block["text"], f"{where} text")
        elif kind == "paragraph":
            assert_localized(block["html"], f"{where} html")
            for lang in LANGUAGES:
                problems = html_problems(block["html"][lang])
                assert not problems, f"{where} html[{lang}]: {problems}"
        elif kind == "tip":
            assert block["kind"] in TIP_KINDS, f"{where}: tip kind {block['kind']!r}"
            assert_plain(block["title"], f"{where} title")
            assert_plain(block["text"], f"{where} text")
        elif kind == "action_step":
            assert_plain(block["title"], f"{where} title")
            assert_plain(block["text"], f"{where} text")
        elif kind == "checklist":
            assert_plain(block["title"], f"{where} title")
            items = block["items"]
            assert set(items) == set(LANGUAGES)
            lengths = {lang: len(items[lang]) for lang in LANGUAGES}
            assert len(set(lengths.values())) == 1, f"{where}: item counts differ {lengths}"
            assert lengths[LANGUAGES[0]] >= 1
            for lang in LANGUAGES:
                for item in items[lang]:
                    assert isinstance(item, str) and item.strip(), f"{where}: empty item"
                    assert "<" not in item, f"{where}: markup in item"
        elif kind == "quiz":
            assert isinstance(block["questions"], list) and block["questions"]
            for q_index, question in enumerate(block["questions"]):
                q_where = f"{where} question {q_index}"
                assert set(question) == QUESTION_KEYS
                assert_plain(question["question"], q_where)
                options = question["options"]
                assert 3 <= len(options) <= 4, f"{q_where}: {len(options)} options"
                correct = [option for option in options if option["correct"] is True]
                assert len(correct) == 1, f"{q_where}: {len(correct)} correct options"
                for o_index, option in enumerate(options):
                    o_where = f"{q_where} option {o_index}"
                    assert set(option) == OPTION_KEYS
                    assert isinstance(option["correct"], bool)
                    assert_plain(option["text"], f"{o_where} text")
                    assert_plain(option["explanation"], f"{o_where} explanation")
                texts = [option["text"][LANGUAGES[0]] for option in options]
                assert len(texts) == len(set(texts)), f"{q_where}: repeated options"


@pytest.mark.parametrize("lesson", ALL_LESSONS, ids=lesson_id)
def test_lesson_length_is_reasonable(lesson):
    for lang in LANGUAGES:
        words = word_count(lesson, lang)
        assert MIN_WORDS <= words <= MAX_WORDS, f"{lang}: {words} words"


@pytest.mark.parametrize("lesson", ALL_LESSONS, ids=lesson_id)
def test_spanish_addresses_the_reader_as_tu(lesson):
    for text in lesson_texts(lesson, "es"):
        assert not re.search(r"\busted\b", text, re.IGNORECASE), text


@pytest.mark.parametrize("lesson", ALL_LESSONS, ids=lesson_id)
def test_no_quoted_rates_or_amounts(lesson):
    """Fees, rates and UVT thresholds change; lessons send learners to the source."""
    for lang in LANGUAGES:
        for text in lesson_texts(lesson, lang):
            assert "%" not in text, text
            assert not re.search(r"\$\s*\d", text), text
            assert not re.search(r"\d[\d.,]*\s*UVT", text), text
