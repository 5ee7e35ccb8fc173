"""Building blocks for the staff console's screens (Wagtail viewsets) shared by the apps.

Sensitive fields (one declaration, ``SENSITIVE_FIELDS``): people without
``SENSITIVE_PERMISSION`` never see them in a listing's columns and cannot use them to
filter, order or search (the filter is taken out of the form and its parameter ignored);
people with it leave an access-audit row for each person listed whenever a sensitive
column is shown or a sensitive filter, ordering or search is used. Every listing gets
this through ``ConsoleIndexView``, which ``ListQuerysetMixin`` installs on a viewset."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime
from functools import partial

import django_filters
from django.core.exceptions import FieldDoesNotExist
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext, gettext_lazy
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from semilla.privacy import audit_access

#: Who may see, filter, order, search and export the fields below.
SENSITIVE_PERMISSION = "cohorts.view_sensitive_data"

#: The one declaration of sensitive fields, by model (``app_label.ModelName``, lower case):
#: a path reaching one of them through relations is sensitive too.
SENSITIVE_FIELDS: dict[str, frozenset[str]] = {
    "cohorts.application": frozenset(
        {
            "birth_date",
            "sex",
            "population_group",
            "nationality",
            "document_type",
            "needs_document_check",
        }
    ),
}


def may_see_sensitive(user) -> bool:
    return bool(user and user.is_authenticated and user.has_perm(SENSITIVE_PERMISSION))


def sensitive_fields_of(model) -> frozenset[str]:
    return SENSITIVE_FIELDS.get(model._meta.label_lower, frozenset())


def column_field(name: str) -> str:
    """Choice fields are listed as ``get_<field>_display``."""
    return name.removeprefix("get_").removesuffix("_display")


def is_sensitive_path(model, path: str) -> bool:
    """Whether ``path`` (``field``, ``relation__field``, ``field__lookup``, ``-field``)
    reaches a sensitive field from ``model``."""
    current = model
    for part in column_field(path.lstrip("-")).split("__"):
        if part in sensitive_fields_of(current):
            return True
        try:
            field = current._meta.get_field(part)
        except FieldDoesNotExist:
            return False
        if not field.is_relation or field.related_model is None:
            return False
        current = field.related_model
    return False


class SensitiveListingMixin:
    """For a Wagtail IndexView: applies the sensitive-field rule (see the module)."""

    @cached_property
    def may_see_sensitive(self) -> bool:
        return may_see_sensitive(self.request.user)

    def _sensitive(self, path: str) -> bool:
        return is_sensitive_path(self.model, path)

    @cached_property
    def columns(self):
        columns = super().columns
        if self.may_see_sensitive:
            return columns
        return [c for c in columns if not self._sensitive(c.name)]

    @cached_property
    def filters(self):
        filterset = super().filters
        if filterset is None or self.may_see_sensitive:
            return filterset
        for name, definition in list(filterset.filters.items()):
            if self._sensitive(definition.field_name or name) or self._sensitive(name):
                del filterset.filters[name]
                filterset.form.fields.pop(name, None)
        return filterset if filterset.form.fields else None

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if self.search_fields and not self.may_see_sensitive:
            self.search_fields = [f for f in self.search_fields if not self._sensitive(f)]

    def get_valid_orderings(self):
        orderings = super().get_valid_orderings()
        if self.may_see_sensitive:
            return orderings
        return [o for o in orderings if not self._sensitive(str(o))]

    def sensitive_fields_used(self) -> list[str]:
        """The sensitive fields this page shows or was filtered, ordered or searched by."""
        used = {column_field(c.name) for c in self.columns if self._sensitive(c.name)}
        filters = self.filters
        if filters is not None and filters.is_valid():
            for name in filters.form.changed_data:
                path = filters.filters[name].field_name or name
                if self._sensitive(path):
                    used.add(path)
        if self.ordering and isinstance(self.ordering, str) and self._sensitive(self.ordering):
            used.add(self.ordering.lstrip("-"))
        if self.is_searching:
            used.update(f for f in (self.search_fields or []) if self._sensitive(f))
        return sorted(used)

    def get_audit_reason(self) -> str:
        return gettext("List of %(things)s in the staff console") % {
            "things": self.model._meta.verbose_name_plural
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        used = self.sensitive_fields_used()
        if used:
            audit_access(
                actor=self.request.user,
                subject=[_person_of(obj) for obj in context["object_list"]],
                fields=used,
                reason=self.get_audit_reason(),
                model=self.model._meta.label_lower,
                path=self.request.get_full_path(),
            )
        return context


def _person_of(obj):
    """The person a row is about (its ``user``)."""
    return getattr(obj, "user_id", None)


class ReadableColumn(Column):
    """A listing column whose values read as words (``readable_value``): "Sí", "—"."""

    def get_value(self, instance):
        return readable_value(super().get_value(instance))


class ConsoleIndexView(SensitiveListingMixin, IndexView):
    """The index view of every console listing: its columns read as words, never as
    Python's ``True``, ``False`` or ``None``."""

    def _get_custom_column(self, field_name, column_class=Column, **kwargs):
        if column_class is Column:
            column_class = ReadableColumn
        return super()._get_custom_column(field_name, column_class, **kwargs)


def readable_value(value, *, choices=None):
    """A value as staff should read it in the console: "Yes"/"No" for booleans, a dash
    for nothing, a list as its labels joined by commas (``choices``: the TextChoices whose
    labels the list's values are), a moment in words in the active time zone, never
    Python's ``True``, ``None`` or ``['es']``."""
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, list | tuple):
        labels = dict(choices.choices) if choices is not None else {}
        return ", ".join(
            str(labels.get(item, item)) if isinstance(item, str) else str(item) for item in value
        )
    if isinstance(value, datetime):
        # in words, in the staff person's zone (the console's active one)
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return formats.date_format(value, "DATETIME_FORMAT")
    if isinstance(value, date):
        return formats.date_format(value, "DATE_FORMAT")
    return value


class ReadableInspectMixin:
    """For a viewset's InspectView: every field through ``readable_value``. Set
    ``list_choices`` to name the TextChoices of JSON list fields."""

    list_choices: dict = {}

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        value = readable_value(value, choices=self.list_choices.get(field_name))
        if field_name.endswith("_en") and isinstance(value, str) and value != "—":
            # English content (the English terms of a grant) says so to screen readers
            return format_html('<span lang="en">{}</span>', value)
        return value


class ReadableInspectView(ReadableInspectMixin, InspectView):
    """The inspect view of every console viewset that does not name its own."""


class ListQuerysetMixin:
    """For a ModelViewSet: the sensitive-field rule on its listing (``ConsoleIndexView``)
    and joins for the listing's columns, so that a page runs the same queries with one
    row and with a full page. Wagtail's ModelViewSet has no queryset hook of its own
    (unlike SnippetViewSet's ``get_queryset(request)``): the base queryset is handed to
    its index views (the page and its htmx results)."""

    index_view_class = ConsoleIndexView
    inspect_view_class = ReadableInspectView
    list_select_related: tuple[str, ...] = ()
    list_prefetch_related: tuple[str, ...] = ()

    def get_index_view_kwargs(self, **kwargs):
        if "queryset" in kwargs or not (self.list_select_related or self.list_prefetch_related):
            return super().get_index_view_kwargs(**kwargs)
        queryset = self.model._default_manager.all()
        if self.list_select_related:
            queryset = queryset.select_related(*self.list_select_related)
        if self.list_prefetch_related:
            queryset = queryset.prefetch_related(*self.list_prefetch_related)
        return super().get_index_view_kwargs(queryset=queryset, **kwargs)


class ConsoleViewSet(ListQuerysetMixin, ModelViewSet):
    """A console listing of one model (``ListQuerysetMixin``), with an inspect page for
    one row and no copy button: what most of the apps' viewsets want."""

    inspect_view_enabled = True
    copy_view_enabled = False


class ActionsPolicy(ModelPermissionPolicy):
    """Wagtail's model permissions, limited to ``actions``: what the console may do with
    these rows; everything else changes them through their services."""

    def __init__(self, model, *, actions: Iterable[str]) -> None:
        super().__init__(model)
        self.actions = frozenset(actions)

    def user_has_permission(self, user, action):
        if action not in self.actions:
            return False
        return super().user_has_permission(user, action)


def limit_console_actions(*models, actions: Iterable[str] = ("view",)) -> None:
    """Staff may only do ``actions`` (by default: look) with these models in the console."""
    for model in models:
        register_permission_policy(model, ActionsPolicy(model, actions=actions), exact_class=True)


class ShownToMenuItem(MenuItem):
    """A console menu item shown to the people for whom ``shown_to(user)`` is true (the
    same question the page's view asks)."""

    def __init__(self, label, url, *, shown_to: Callable[..., bool], **kwargs) -> None:
        super().__init__(label, url, **kwargs)
        self.shown_to = shown_to

    def is_shown(self, request):
        return self.shown_to(request.user)


def menu_link(
    label, url_name: str, *, icon: str, order: int, shown_to: Callable[..., bool]
) -> ShownToMenuItem:
    """The menu item of a console page named ``url_name``."""
    return ShownToMenuItem(label, reverse(url_name), icon_name=icon, order=order, shown_to=shown_to)


def register_menu_links(
    links: Iterable[tuple[object, str, str, int]], *, shown_to: Callable[..., bool]
) -> None:
    """One item of the console's main menu for each ``(label, URL name, icon, order)``
    (Wagtail's menu hook takes one item per function)."""
    for label, url_name, icon, order in links:
        hooks.register(
            "register_admin_menu_item",
            partial(menu_link, label, url_name, icon=icon, order=order, shown_to=shown_to),
        )


def status_filterset(model, choices: type, *, fields: Iterable[str]) -> type[WagtailFilterSet]:
    """A listing's filters (``fields``) whose ``status`` offers the labels of ``choices``
    (the status enum) rather than the raw values."""
    meta = type("Meta", (), {"model": model, "fields": list(fields)})
    status = django_filters.ChoiceFilter(choices=choices.choices, label=gettext_lazy("Status"))
    return type(f"{model.__name__}FilterSet", (WagtailFilterSet,), {"status": status, "Meta": meta})
