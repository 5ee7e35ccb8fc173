"""The "Mi espacio" panel of the people who may see the indicators: where they are. Programme
staff get the light page for phones and the console's dashboard; a funder gets their own
page (the same address, always with small cells hidden). No query: roles are read with the
person."""

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from semilla.hooks import Panel, register_panel

from .permissions import may_view_indicators, sees_only_suppressed

ORDER = 60


def indicators_panel(request: HttpRequest) -> Panel | None:
    user = request.user
    if not may_view_indicators(user):
        return None
    return Panel(
        title=_("Indicators"),
        template="reporting/panels/indicators_panel.html",
        context={"funder_view": sees_only_suppressed(user)},
        order=ORDER,
    )


def register() -> None:
    register_panel(order=ORDER)(indicators_panel)
