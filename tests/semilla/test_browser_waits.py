"""Browser tests wait for what they assert.

``locator.is_visible()`` answers at once, without waiting: asserted right after a click
that submits a form, it races the navigation and fails when the machine is busy (session
8's CI run failed this way). Assertions on what a page shows go through Playwright's
``expect(...)``, which retries until its timeout."""

import re
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]


def _offenders(text: str) -> list[str]:
    statements = re.split(r"\n(?=\s*(?:assert|expect|\w+\s*=|\w+\.))", text)
    return [
        statement.strip().splitlines()[0]
        for statement in statements
        if statement.lstrip().startswith("assert") and ".is_visible()" in statement
    ]


def test_browser_tests_never_assert_is_visible():
    offenders = {}
    for path in sorted(TESTS.rglob("*.py")):
        if path == Path(__file__).resolve():
            continue
        hits = _offenders(path.read_text(encoding="utf-8"))
        if hits:
            offenders[str(path.relative_to(TESTS))] = hits
    assert offenders == {}, "use expect(locator).to_be_visible(): " + repr(offenders)


def test_the_scan_sees_one_line_and_wrapped_assertions():
    assert _offenders('    assert page.get_by_text("Hola").is_visible()\n')
    wrapped = '    assert page.get_by_role(\n        "heading", name="X"\n    ).is_visible()\n'
    assert _offenders(wrapped)
    assert not _offenders('    expect(page.get_by_text("Hola")).to_be_visible()\n')
