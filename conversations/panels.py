"""The "Messages" panel of "Mi espacio": no query of its own. Whether the person has an
active mentoring thread, unread messages or reports of their own is read with the
dashboard's facts (one query for every panel)."""

from django.db.models import Exists, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from mentors.enums import MatchStatus
from mentors.models import Match
from semilla.hooks import Panel, facts_for
from semilla.permissions import is_signed_in

from .models import Message, ReadMark, Report


def _party(prefix: str = "") -> Q:
    return Q(**{f"{prefix}mentor__user": OuterRef("pk")}) | Q(
        **{f"{prefix}participant__user": OuterRef("pk")}
    )


def _unread(user):
    mark = ReadMark.objects.filter(
        conversation_id=OuterRef("conversation_id"), user=OuterRef(OuterRef("pk"))
    ).values("last_read_id")[:1]
    return Exists(
        Message.objects.filter(_party("conversation__match__"))
        .exclude(sender=OuterRef("pk"))
        .filter(pk__gt=Coalesce(Subquery(mark, output_field=IntegerField()), 0))
    )


FACTS = {
    "conversations_active": lambda user: Exists(
        Match.objects.filter(_party(), status=MatchStatus.ACCEPTED)
    ),
    "conversations_unread": _unread,
    "conversations_reports": lambda user: Exists(Report.objects.filter(reporter=OuterRef("pk"))),
}


def conversations_panel(request) -> Panel | None:
    user = request.user
    if not is_signed_in(user):
        return None
    facts = facts_for(request)
    active, unread = facts.get("conversations_active"), facts.get("conversations_unread")
    reports = facts.get("conversations_reports")
    if not (active or unread or reports):
        return None
    return Panel(
        title=_("Messages"),
        template="conversations/panels/conversations_panel.html",
        context={"unread": bool(unread), "reports": bool(reports)},
        order=32,
    )
