"""The staff console (Wagtail admin) for the site package."""

from wagtail import hooks
from wagtail_localize import wagtail_hooks as localize_hooks

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


#: what wagtail-localize's translation editor needs beyond the site's policy: it is a React
#: app that writes its styles into the page as it runs (scripts stay 'self' only).
TRANSLATION_EDITOR_CSP = {"style-src": ["'unsafe-inline'"]}


def _with_its_styles(response):
    if response is not None:
        response._csp_update = TRANSLATION_EDITOR_CSP
    return response


@hooks.register("before_edit_page", order=-1)
def translation_editor_of_a_page(request, page):
    """Editing a translated page (a lesson, a guide, a story, the home page in English)
    opens wagtail-localize's translation editor. Under the site's policy (``style-src
    'self'``) its styles were refused and the editor stayed blank, so staff could not
    translate. Its answer, and only its, gets inline styles allowed; anything else falls
    through to the next hooks as before (wagtail-localize's own then answers ``None``)."""
    return _with_its_styles(localize_hooks.before_edit_page(request, page))


@hooks.register("before_edit_snippet", order=-1)
def translation_editor_of_a_snippet(request, instance):
    """The same for a translated snippet (the help offices)."""
    return _with_its_styles(localize_hooks.before_edit_snippet(request, instance))


from .privacy import wagtail_hooks as _privacy_hooks  # noqa: E402, F401
from .reporting import wagtail_hooks as _reporting_hooks  # noqa: E402, F401


@hooks.register("register_admin_viewset")
def register_outbox_messages():
    return outbox_viewset
