"""The console's list of people (Wagtail's user listing) for Semilla's user model.

Wagtail searches a non-indexed user model by ``username``, ``first_name``, ``last_name``
and ``email`` only: ours has none but ``email`` (one ``full_name`` and a
``preferred_name``), so a search by name found nobody. ``SemillaUsersConfig``
(semilla.apps, in INSTALLED_APPS instead of ``wagtail.users``) installs this viewset."""

from wagtail.users.views.users import IndexView, UserViewSet


class PeopleIndexView(IndexView):
    search_fields = ["full_name", "preferred_name", "email"]


class PeopleViewSet(UserViewSet):
    index_view_class = PeopleIndexView
