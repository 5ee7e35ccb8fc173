"""The "Mi espacio" panel: the showcase card (winners and alumni), interests waiting for
the person's answer, and the way to finance (checklist, referrals)."""

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from outcomes.models import Alumnus
from pitchday.models import Award
from semilla.hooks import Panel, count_fact, facts_for
from semilla.permissions import is_signed_in

from .enums import InterestStatus
from .models import Interest, ShowcaseProfile


def _winner(user):

    return Exists(
        Award.objects.filter(pitch__participant__user=OuterRef("pk"), grant__isnull=False)
    )


def _alumnus(user):

    return Exists(Alumnus.objects.filter(user=OuterRef("pk")))


def _waiting(user):

    return count_fact(
        Interest.objects.filter(profile__user=OuterRef("pk"), status=InterestStatus.ROUTED),
        per="profile__user",
    )


def _listed(user):

    return Exists(ShowcaseProfile.objects.filter(user=OuterRef("pk"), listed=True))


FACTS = {
    "market_winner": _winner,
    "market_alumnus": _alumnus,
    "market_waiting": _waiting,
    "market_listed": _listed,
}


def market_panel(request):
    user = request.user
    if not is_signed_in(user):
        return None
    facts = facts_for(request)
    eligible = bool(facts.get("market_winner") or facts.get("market_alumnus"))
    if not eligible:
        return None
    return Panel(
        title=_("Investors, buyers and finance"),
        template="market/panels/market_panel.html",
        context={
            "listed": bool(facts.get("market_listed")),
            "waiting": int(facts.get("market_waiting") or 0),
        },
        order=27,
    )
