"""A listing cut into pages (one place for how the site pages a list).

The page number travels as ``?p=`` (``param``); an out-of-range or unreadable number
gives the last or first page (Django's ``Paginator.get_page``). The links of a pager keep
the listing's other parameters (its filters) with ``other_params``::

    page = page_of(request, queryset, per_page=50)
    return TemplateResponse(request, "x.html", {"page": page, "query": other_params(request)})

and the template links to ``?{{ query }}&p={{ page.next_page_number }}``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest

__all__ = ["other_params", "page_of"]


def page_of(
    request: HttpRequest, items: QuerySet | Sequence[Any], *, per_page: int, param: str = "p"
) -> Page:
    """The page of ``items`` the request asks for (``?p=``), ``per_page`` long."""
    return Paginator(items, per_page).get_page(request.GET.get(param))


def other_params(request: HttpRequest, *, param: str = "p") -> str:
    """The request's query string without the page number, for the pager's links."""
    query = request.GET.copy()
    query.pop(param, None)
    return query.urlencode()
