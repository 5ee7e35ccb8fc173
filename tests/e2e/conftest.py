"""Playwright in Debian's Chromium against pytest-django's live server."""

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
