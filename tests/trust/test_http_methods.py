"""Wrong HTTP method -> 405, for every URL pattern of ours (with and without arguments).

The methods each view accepts are read from the view itself: the ``require_http_methods``
(``require_GET``, ``require_POST``) decorator anywhere in its chain of wrapped functions, or
a class-based view's ``http_method_names``. Every other method of ``PROBED`` must answer 405,
asked by a superuser (who passes every log-in and role check, so the method check is what
answers). A view of ours that declares no methods fails the test that lists them: a new view
has to say which methods it takes.

Excluded, on purpose: Wagtail's page serving (pages answer whatever method their ``serve``
takes; the curriculum pages are read-only Wagtail pages outside our URL names) and allauth's
account screens (third-party views with their own method handling). ``our_patterns()``
already leaves both out.
"""

import uuid

import pytest
from django.urls import reverse

from semilla.enums import Role
from tests.url_coverage import our_url_patterns

pytestmark = pytest.mark.django_db

#: the methods sent to each URL (HEAD and OPTIONS are left to Django's defaults)
PROBED = ("GET", "POST", "PUT", "PATCH", "DELETE")

#: a placeholder value per path converter: the method check answers before any lookup
PLACEHOLDERS = {"IntConverter": 1, "SlugConverter": "x", "StringConverter": "x"}


def _our_url_patterns():
    """(name, URLPattern) for every URL pattern of ours."""
    return [(key, pattern) for _ns, key, pattern in our_url_patterns()]


def declared_methods(view) -> tuple[str, ...] | None:
    """The methods ``view`` accepts, as declared by its decorators or class; None if it
    declares none."""
    view_class = getattr(view, "view_class", None)
    if view_class is not None:
        return tuple(m.upper() for m in view_class.http_method_names if hasattr(view_class, m))
    func = view
    while func is not None:
        code = getattr(func, "__code__", None)
        if code is not None and func.__closure__:
            for name, cell in zip(code.co_freevars, func.__closure__, strict=True):
                if name == "request_method_list":
                    return tuple(m.upper() for m in cell.cell_contents)
        func = getattr(func, "__wrapped__", None)
    return None


def _placeholder(converter):
    if type(converter).__name__ == "UUIDConverter":
        return uuid.UUID(int=1)
    return PLACEHOLDERS[type(converter).__name__]


def _cases():
    for name, pattern in _our_url_patterns():
        allowed = declared_methods(pattern.callback)
        if allowed is None:
            continue
        kwargs = {key: _placeholder(c) for key, c in pattern.pattern.converters.items()}
        wrong = [m for m in PROBED if m not in allowed]
        yield pytest.param(name, kwargs, wrong, id=name)


CASES = list(_cases())


def test_every_view_of_ours_declares_its_methods():
    undeclared = [
        name for name, pattern in _our_url_patterns() if declared_methods(pattern.callback) is None
    ]
    assert undeclared == []


def test_the_derivation_sees_every_url_and_both_kinds_of_view():
    assert len(CASES) == len(_our_url_patterns())
    methods = {declared_methods(p.callback) for _n, p in _our_url_patterns()}
    assert {("GET",), ("POST",), ("GET", "POST")} <= methods


@pytest.mark.parametrize(("name", "kwargs", "wrong"), CASES)
def test_wrong_method_is_405(name, kwargs, wrong, make_user, client_for):
    url = reverse(name, kwargs=kwargs)
    client = client_for(make_user(Role.STAFF, is_superuser=True))
    answers = {method: client.generic(method, url).status_code for method in wrong}
    assert answers == dict.fromkeys(wrong, 405), url
