"""The pages the crawler visits, found from the URLconf and the permission matrices, so a new
app's pages are visited without editing this file.

* Our URLs without arguments: every role the URL matrix (tests/trust/test_permission_matrix.py
  ``MATRIX``) gives a 200.
* Our URLs with an object: every GET row of the object matrix
  (tests/trust/test_object_matrix.py ``OBJECT_MATRIX``): its maker builds the object, then
  the owner and every other person the row lets in read it.
* The staff console screens of our models: every Wagtail viewset URL of one of our apps'
  models (listing, add, edit, inspect), and every other console URL whose view is ours,
  asked by programme staff, finance and funders (a refusal is fine; a 500 is not).

Each visit is one ``Visit``; ``app`` is the app the page belongs to (the crawl tests are
parametrised by it, so pytest-xdist spreads them across workers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.db import models
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation

from tests.trust.test_object_matrix import ANYONE, OBJECT_MATRIX
from tests.trust.test_permission_matrix import MATRIX
from tests.url_coverage import our_url_patterns

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("es", "en")
#: who asks the staff console
CONSOLE_ROLES = ("programme_staff", "finance", "funder")
#: console screens visited for each viewset (history, usage, delete and copy are Wagtail's)
CONSOLE_ACTIONS = {"index", "add", "edit", "inspect", "list", "create"}
#: URL names whose answer is not an HTML page (a file, a feed, a redirect to one...).
NOT_HTML = re.compile(r"manifest|service_worker|healthz|feed|export|file|qr|proof|bundle")


@dataclass(frozen=True)
class Visit:
    app: str
    name: str
    role: str
    args: tuple = ()
    console: bool = False
    row: object = None  # the object matrix row whose maker builds the args

    @property
    def id(self) -> str:
        return f"{self.name}-{self.role}"


def our_apps() -> dict[str, str]:
    """module root -> app label, for every installed app whose code lives in this repository
    (not under .venv)."""
    found = {}
    for config in apps.get_app_configs():
        path = Path(config.path).resolve()
        if path.is_relative_to(ROOT) and not path.is_relative_to(ROOT / ".venv"):
            found[config.name.split(".")[0]] = config.label
            found[config.name] = config.label
    return found


def app_of_name(namespace: str) -> str:
    """The app a URL namespace belongs to ('privacy' and 'reporting' live in semilla)."""
    top = namespace.split(":", 1)[0]
    labels = set(our_apps().values())
    return top if top in labels else "semilla"


def public_visits() -> list[Visit]:
    visits = []
    for namespace, key, _pattern in our_url_patterns():
        row = MATRIX.get(key)
        if row is None or NOT_HTML.search(key):
            continue
        for role, answer in row.items():
            if answer == 200:
                visits.append(Visit(app=app_of_name(namespace), name=key, role=role))
    for row in OBJECT_MATRIX:
        if row.method != "get" or NOT_HTML.search(row.name):
            continue
        app = app_of_name(row.name.split(":")[0])
        readers = []
        if row.owner_gets == 200:
            readers.append(row.owner)
        readers += [who for who, answer in (row.also or {}).items() if answer == 200]
        if row.others == ANYONE:
            readers += ["entrepreneur", "programme_staff"]
        visits += [
            Visit(app=app, name=row.name, role=who, row=row) for who in dict.fromkeys(readers)
        ]
    return visits


def _model_of(callback):
    model = getattr(callback, "view_initkwargs", {}).get("model")
    if isinstance(model, type) and issubclass(model, models.Model):
        return model
    return None


def console_patterns() -> list[tuple[str, str, object]]:
    """(app, URL name, model or None) of every console URL of ours."""
    ours = our_apps()
    found = []

    def walk(patterns, prefix, namespace):
        for p in patterns:
            if isinstance(p, URLResolver):
                ns = ":".join(filter(None, [namespace, p.namespace]))
                yield from walk(p.url_patterns, prefix + str(p.pattern), ns)
            elif isinstance(p, URLPattern) and prefix.startswith("admin/"):
                yield namespace, p

    for namespace, pattern in walk(get_resolver().url_patterns, "", ""):
        callback = pattern.callback
        model = _model_of(callback)
        module = getattr(getattr(callback, "view_class", callback), "__module__", "")
        if model is not None and model._meta.app_config.name in ours:
            app = ours[model._meta.app_config.name]
            if pattern.name not in CONSOLE_ACTIONS:
                continue
        elif module.split(".")[0] in ours and model is None:
            app = ours[module.split(".")[0]]
            if pattern.pattern.converters and not pattern.name:
                continue
        else:
            continue
        name = f"{namespace}:{pattern.name}" if namespace else pattern.name
        if not pattern.name or NOT_HTML.search(name):
            continue
        found.append((app, name, model, pattern))
    return found


def console_visits() -> list[Visit]:
    visits = []
    for app, name, model, pattern in console_patterns():
        converters = pattern.pattern.converters
        if converters and (model is None or list(converters) != ["pk"]):
            continue  # a console URL of ours that needs more than an object's id
        row = model if converters else None
        visits += [
            Visit(app=app, name=name, role=role, console=True, row=row) for role in CONSOLE_ROLES
        ]
    return visits


def all_visits() -> list[Visit]:
    return public_visits() + console_visits()


def apps_with_pages() -> list[str]:
    return sorted({visit.app for visit in all_visits()})


def url_for(visit: Visit, args, language: str) -> str:
    with translation.override(language):
        return reverse(visit.name, args=args)


#: choice values that are also Spanish words, names or abbreviations read as they are
SPANISH_TOO = {
    "virtual", "digital", "idea", "informal", "regular", "original", "agro", "info", "web",
    "tech", "fintech", "sms", "pep", "ppt", "cop", "whatsapp", "stripe", "final", "total",
    "mentor", "sector", "pitch",
}  # fmt: skip


def _choices_classes():
    stack = list(models.Choices.__subclasses__())
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        yield cls


def choice_codes() -> tuple[set[str], set[str]]:
    """The choice values of our TextChoices that must never be shown as text:
    (codes with an underscore, shown in no language; lowercase English words, shown in no
    Spanish page), each only when its label differs from the value."""
    ours = our_apps()
    codes: set[str] = set()
    spanish_codes: set[str] = set()
    for cls in _choices_classes():
        if cls.__module__.split(".")[0] not in ours:
            continue
        for member in cls:
            value = member.value
            if not isinstance(value, str):
                continue
            with translation.override("es"):
                label = str(member.label)
            if value.lower() == label.lower():
                continue
            if re.fullmatch(r"[a-z]+(_[a-z0-9]+)+", value):
                codes.add(value)
            elif re.fullmatch(r"[a-z]{3,}", value) and value not in SPANISH_TOO:
                spanish_codes.add(value)
    return codes, spanish_codes
