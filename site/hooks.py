"""Small registries through which each app adds to the shared screens without editing
the site package: navigation links and panels on the personal dashboard ("Mi espacio").

An app registers in its ``AppConfig.ready``::

    from semilla import hooks
    hooks.register_nav(hooks.NavItem(label=_("Cohorts"), url_name="cohorts:list", order=20))
    hooks.register_panel(order=30)(my_panel_function)

A panel function takes the request and returns a ``Panel`` or ``None`` (nothing to show
for this user). It must run a constant number of queries whatever the data size.

Facts: what a panel needs to know before it queries (is there anything to show? a count,
one status) is registered as a *fact*, a SQL expression over the person's row::

    hooks.register_fact("cohorts_applications", lambda user: Exists(...user=OuterRef("pk")))

An app with several declares them in one mapping (its ``panels.FACTS``) and registers them
with ``hooks.register_facts(FACTS)``.

``facts_for(request)`` reads every registered fact in one query (once per request), so a
panel with nothing to show costs no query of its own, and a count or a status costs none
either. Panels then run their own queries only for the rows they list.
"""

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from django.contrib.auth import get_user_model
from django.db.models import Count, IntegerField, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpRequest
from django.urls import reverse


@dataclass(frozen=True)
class NavItem:
    label: Any
    url_name: str
    order: int = 50
    #: who sees it; None means everyone
    visible: Callable[[Any], bool] | None = None

    def url(self) -> str:
        return reverse(self.url_name)


@dataclass
class Panel:
    title: Any
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    order: int = 50


_NAV: list[NavItem] = []
_FACTS: dict[str, Callable[[Any], Any]] = {}
_PANELS: list[tuple[int, Callable[[HttpRequest], Panel | None]]] = []


def register_nav(item: NavItem) -> None:
    if all(existing.url_name != item.url_name for existing in _NAV):
        _NAV.append(item)
        _NAV.sort(key=lambda i: i.order)


def nav_items_for(user) -> list[NavItem]:
    return [item for item in _NAV if item.visible is None or item.visible(user)]


def register_panel(order: int = 50):
    def decorator(func: Callable[[HttpRequest], Panel | None]):
        if all(existing is not func for _, existing in _PANELS):
            _PANELS.append((order, func))
            _PANELS.sort(key=lambda pair: pair[0])
        return func

    return decorator


def panels_for(request: HttpRequest) -> list[Panel]:
    panels = []
    for _order, func in _PANELS:
        panel = func(request)
        if panel is not None:
            panels.append(panel)
    return sorted(panels, key=lambda p: p.order)


def register_fact(name: str, expression: Callable[[Any], Any]) -> None:
    """``expression(user)`` -> a query expression evaluated on the person's own row
    (``OuterRef("pk")`` is the person)."""
    _FACTS[name] = expression


def register_facts(facts: Mapping[str, Callable[[Any], Any]]) -> None:
    """``register_fact`` for each of an app's facts (its ``panels.FACTS``), in ``ready``."""
    for name, expression in facts.items():
        register_fact(name, expression)


def count_fact(queryset: QuerySet, *, per: str) -> Coalesce:
    """A fact counting the rows of ``queryset`` (already filtered on
    ``<per>=OuterRef("pk")``) that belong to the person: one correlated subquery, 0 when
    there are none."""
    counted = queryset.order_by().values(per).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def facts_for(request: HttpRequest) -> dict[str, Any]:
    """Every registered fact about ``request.user``, in one query per request."""
    facts = getattr(request, "_dashboard_facts", None)
    if facts is None:
        user = request.user
        facts = {}
        if user.is_authenticated and _FACTS:
            expressions = {name: make(user) for name, make in _FACTS.items()}
            row = get_user_model()._default_manager.filter(pk=user.pk).values(**expressions).first()
            facts = row or {}
        request._dashboard_facts = facts  # type: ignore[attr-defined]
    return facts


@dataclass(frozen=True)
class HelpLink:
    """A link to further help (a guide) shown beside an explanation, e.g. a refusal."""

    label: Any
    url: str


_HELP_LINKS: dict[str, Callable[[], HelpLink | None]] = {}


def register_help_link(code: str, resolve: Callable[[], HelpLink | None]) -> None:
    """``resolve()`` -> the link for explanations with ``code`` (an eligibility reason's
    code, for example) in the active language, or None. An app that owns guides registers
    them, so the app that explains needs not know about it."""
    _HELP_LINKS[code] = resolve


def help_link_for(code: str) -> HelpLink | None:
    resolve = _HELP_LINKS.get(code)
    return resolve() if resolve is not None else None


@dataclass(frozen=True)
class OutcomeCount:
    """One figure an app contributes to the outcome indicators, for one cohort (None: the
    person was in no cohort), city and month (the first day of the month of the events'
    own dates, in the programme's time zone): ``count`` events and, for money figures,
    their ``value_minor`` in minor units of ``currency``."""

    figure: str
    cohort_id: int | None
    city: str
    count: int
    value_minor: int = 0
    currency: str = "COP"
    month: datetime.date | None = None


class OutcomeCompute(Protocol):
    def __call__(
        self, *, date_from: datetime.date | None, date_to: datetime.date | None
    ) -> list[OutcomeCount]: ...


_OUTCOME_COUNTS: dict[str, OutcomeCompute] = {}


def register_outcome_counts(source: str, compute: OutcomeCompute) -> None:
    """``compute(date_from=..., date_to=...)`` -> the source's figures for the events dated
    from ``date_from`` to ``date_to`` (both included; None: no bound), by month, in a
    bounded number of queries. An app that produces outcomes (employer partners' hires and
    purchase orders) registers them here, so the app that reports indicators reads them
    without importing the producer."""
    _OUTCOME_COUNTS[source] = compute


def outcome_counts(
    *,
    figure: str | None = None,
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
) -> list[OutcomeCount]:
    """Every registered source's figures (only ``figure`` when given) for the events dated
    in the period (both days included; all time without bounds)."""
    rows = [
        row
        for compute in _OUTCOME_COUNTS.values()
        for row in compute(date_from=date_from, date_to=date_to)
    ]
    return [row for row in rows if figure is None or row.figure == figure]
