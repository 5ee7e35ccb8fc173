"""Building blocks for the staff console's screens (Wagtail viewsets) shared by the apps."""


class ListQuerysetMixin:
    """Joins for a console listing's columns, so that a page runs the same queries with
    one row and with a full page. Wagtail's ModelViewSet has no queryset hook of its own
    (unlike SnippetViewSet's ``get_queryset(request)``): the base queryset is handed to
    its index views (the page and its htmx results)."""

    list_select_related: tuple[str, ...] = ()
    list_prefetch_related: tuple[str, ...] = ()

    def get_index_view_kwargs(self, **kwargs):
        queryset = self.model._default_manager.all()
        if self.list_select_related:
            queryset = queryset.select_related(*self.list_select_related)
        if self.list_prefetch_related:
            queryset = queryset.prefetch_related(*self.list_prefetch_related)
        return super().get_index_view_kwargs(queryset=queryset, **kwargs)
