"""The "Mi espacio" panel of programme staff: where the indicators are (the light page for
phones, the console's dashboard). No query: roles are read with the person."""

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from semilla.hooks import Panel, register_panel

from .permissions import may_view_indicators, sees_only_suppressed

ORDER = 60


def indicators_panel(request: HttpRequest) -> Panel | None:
    user = request.user
    if not may_view_indicators(user) or sees_only_suppressed(user):
        return None
    return Panel(
        title=_("Indicators"), template="reporting/panels/indicators_panel.html", order=ORDER
    )


def register() -> None:
    register_panel(order=ORDER)(indicators_panel)
