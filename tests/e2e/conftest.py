"""Playwright in Debian's Chromium against pytest-django's live server."""

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.conftest import CHROMIUM


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-dev-shm-usage",
        ],
    }


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "es-CO", "timezone_id": "America/Bogota"}


@pytest.fixture
def phone_context_args(browser_context_args):
    return {
        **browser_context_args,
        "viewport": {"width": 390, "height": 780},
        "is_mobile": True,
        "has_touch": True,
    }


@pytest.fixture
def site_data(transactional_db):
    """Home page and locales for journeys (live_server needs committed data)."""
    from semilla.demo import seed_home_page

    seed_home_page()


def axe_serious(page) -> list[tuple[str, str, list]]:
    """Run axe-core on the page; return its serious and critical violations as
    (page path, rule id, offending element selectors)."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    violations = results.response.get("violations", [])
    path = page.url.split("//", 1)[-1].split("/", 1)[-1]
    return [
        (path, v["id"], [n.get("target") for n in v.get("nodes", [])])
        for v in violations
        if v.get("impact") in ("serious", "critical")
    ]


# --- phone-sized overflow guard ---------------------------------------------------------
PHONE = {"width": 412, "height": 915}
SHOTS = Path("var/e2e-phone")


def phone_overflow(page) -> str | None:
    """Look at the page as a 412-px phone: a screenshot (var/e2e-phone/, for people to look
    at) and the page's width. Answers what overflows sideways, or None. The journey's own
    viewport is put back afterwards."""
    from django.urls import Resolver404, resolve

    from tests.voice.test_crawl import KNOWN_ELSEWHERE

    path = urlsplit(page.url).path
    try:
        name = resolve(path).view_name
    except Resolver404:
        name = ""
    if "horizontal overflow" in KNOWN_ELSEWHERE.get(name, ()):
        return None
    before = page.viewport_size
    page.set_viewport_size(PHONE)
    try:
        SHOTS.mkdir(parents=True, exist_ok=True)
        slug = re.sub(r"[^\w]+", "-", path).strip("-") or "home"
        page.screenshot(path=str(SHOTS / f"{slug}.png"))
        width = page.evaluate("document.documentElement.scrollWidth")
        culprit = page.evaluate(WIDEST) if width > PHONE["width"] else ""
    finally:
        if before:
            page.set_viewport_size(before)
    if width > PHONE["width"]:
        return f"{path}: {width} px wide on a {PHONE['width']}-px phone ({culprit})"
    return None


#: The first element (in document order) whose right edge passes the viewport while no
#: ancestor scrolls it sideways: what to fix when a page overflows.
WIDEST = """() => {
  const scrolls = (el) => ["auto", "scroll", "hidden"].includes(getComputedStyle(el).overflowX);
  for (const el of document.body.querySelectorAll("*")) {
    if (el.getBoundingClientRect().right <= window.innerWidth + 1) continue;
    let a = el.parentElement, clipped = false;
    while (a && a !== document.body) { if (scrolls(a)) { clipped = true; break; } a = a.parentElement; }
    if (!clipped) return el.tagName.toLowerCase() + (el.className ? "." + String(el.className).split(" ").join(".") : "") + " " + Math.round(el.getBoundingClientRect().right) + "px";
  }
  return "";
}"""


@pytest.fixture(autouse=True)
def _pages_fit_a_phone(monkeypatch):
    """Every page a journey opens with ``page.goto`` is looked at as a 412-px phone
    (``phone_overflow``); the journey fails at its end if one overflowed sideways."""
    from playwright.sync_api import Page

    overflowing: list[str] = []
    goto = Page.goto

    def goto_and_look(self, url, *args, **kwargs):
        response = goto(self, url, *args, **kwargs)
        if (
            response is not None
            and response.ok
            and "html" in response.headers.get("content-type", "")
        ):
            problem = phone_overflow(self)
            if problem:
                overflowing.append(problem)
        return response

    monkeypatch.setattr(Page, "goto", goto_and_look)
    yield
    assert overflowing == []
