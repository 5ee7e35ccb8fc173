"""The staff console (Wagtail admin) for the site package."""

from wagtail import hooks

from . import console_home
from .notification_console import outbox_viewset


@hooks.register("construct_homepage_summary_items", order=100)
def home_summary_items(request, items):
    """After Wagtail's own (order 0): its counts and ours from one query
    (``semilla.console_home``)."""
    console_home.construct_summary_items(request, items)


@hooks.register("construct_homepage_panels", order=100)
def home_panels(request, panels):
    """Wagtail's panels that are empty for most people: asked about in the same query."""
    console_home.construct_panels(request, panels)


from .privacy import wagtail_hooks as _privacy_hooks  # noqa: E402, F401
from .reporting import wagtail_hooks as _reporting_hooks  # noqa: E402, F401


@hooks.register("register_admin_viewset")
def register_outbox_messages():
    return outbox_viewset
