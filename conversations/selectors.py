"""Every read of the conversations app, scoped to the person asking, with query counts
that do not grow with the number of messages or reports."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone

from mentors.enums import BookingStatus
from mentors.models import Booking, Match, MentorProfile
from semilla.enums import Role
from semilla.models import User

from . import conf
from .enums import OPEN_REPORT_STATUSES
from .models import Conversation, Message, ReadMark, Report
from .permissions import READABLE_MATCH_STATUSES


def safeguarding_staff() -> QuerySet[User]:
    """Who triages reports and is alerted: active programme staff."""
    return User.objects.filter(groups__name=Role.STAFF.value, is_active=True).distinct()


def _party(user: User) -> Q:
    return Q(mentor__user=user) | Q(participant__user=user)


def unread_count_expression(*, user: User, conversation_ref: str) -> Coalesce:
    """Messages of the conversation at ``conversation_ref`` (an OuterRef path) sent by the
    other person after ``user``'s read mark: one correlated subquery."""
    mark = ReadMark.objects.filter(conversation_id=OuterRef("conversation_id"), user=user).values(
        "last_read_id"
    )[:1]
    unread = (
        Message.objects.filter(conversation_id=OuterRef(conversation_ref))
        .exclude(sender=user)
        .filter(pk__gt=Coalesce(Subquery(mark, output_field=IntegerField()), 0))
        .order_by()
        .values("conversation_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(unread, output_field=IntegerField()), 0)


def conversations_for_user(*, user: User) -> QuerySet[Match]:
    """The person's matches that have (or may have) a thread, with ``unread`` and the
    conversation's last message time: one query."""
    return (
        Match.objects.filter(_party(user), status__in=READABLE_MATCH_STATUSES)
        .select_related("mentor__user", "participant__user", "cohort", "conversation")
        .annotate(unread=unread_count_expression(user=user, conversation_ref="conversation"))
        .order_by("-conversation__last_message_at", "-pk")
    )


def unread_total(*, user: User) -> int:
    """All unread messages of the person (the "Mi espacio" fact and panel)."""
    mark = ReadMark.objects.filter(conversation_id=OuterRef("conversation_id"), user=user).values(
        "last_read_id"
    )[:1]
    return (
        Message.objects.filter(
            Q(conversation__match__mentor__user=user)
            | Q(conversation__match__participant__user=user)
        )
        .exclude(sender=user)
        .filter(pk__gt=Coalesce(Subquery(mark, output_field=IntegerField()), 0))
        .count()
    )


def match_for_party(*, user: User, match_id: int) -> Match:
    """A match whose thread the person may read (404 otherwise)."""
    return get_object_or_404(
        Match.objects.filter(_party(user), status__in=READABLE_MATCH_STATUSES).select_related(
            "mentor__user", "participant__user", "cohort"
        ),
        pk=match_id,
    )


def conversation_of(*, match: Match) -> Conversation | None:
    return Conversation.objects.filter(match=match).first()


@dataclass
class ThreadPage:
    """One page of a thread, oldest message first on the page; page 1 is the newest."""

    conversation: Conversation | None
    page: Page | None
    messages: list[Any]

    @property
    def newest_id(self) -> int:
        return max((m.pk for m in self.messages), default=0)


def thread_page(*, match: Match, page: int | str | None = 1) -> ThreadPage:
    """A page of the match's messages (two queries at most, whatever their number)."""
    conversation = conversation_of(match=match)
    if conversation is None:
        return ThreadPage(conversation=None, page=None, messages=[])
    queryset = (
        Message.objects.filter(conversation=conversation).select_related("sender").order_by("-pk")
    )
    paginator = Paginator(queryset, conf.page_size())
    current = paginator.get_page(page)
    return ThreadPage(
        conversation=conversation, page=current, messages=list(reversed(current.object_list))
    )


def booking_for_no_show(*, user: User, booking_id: int) -> Booking:
    """A session of the person's (as mentor or mentee), for a no-show report (404 for
    anyone else)."""
    return get_object_or_404(
        Booking.objects.filter(Q(mentor__user=user) | Q(participant__user=user)).select_related(
            "match__mentor__user", "match__participant__user", "mentor__user"
        ),
        pk=booking_id,
    )


def _report_joins(queryset: QuerySet[Report]) -> QuerySet[Report]:
    return queryset.select_related(
        "match__mentor__user",
        "match__participant__user",
        "booking",
        "reporter",
        "reported",
        "assignee",
    )


def reports_made_by(*, user: User) -> QuerySet[Report]:
    return _report_joins(Report.objects.filter(reporter=user)).order_by("-created_at", "-pk")


def reports_disclosed_to(*, user: User) -> QuerySet[Report]:
    """Reports about the person that staff decided to show them (with the reporter's
    name); the others stay invisible to them."""
    return _report_joins(Report.objects.filter(reported=user, disclose_reporter=True)).order_by(
        "-created_at", "-pk"
    )


def report_queue(*, status: str = "", kind: str = "", open_only: bool = False) -> QuerySet[Report]:
    """The staff triage queue, filtered (open reports first, oldest first)."""
    queryset = Report.objects.all()
    if status:
        queryset = queryset.filter(status=status)
    elif open_only:
        queryset = queryset.filter(status__in=OPEN_REPORT_STATUSES)
    if kind:
        queryset = queryset.filter(kind=kind)
    return _report_joins(queryset).order_by("created_at", "pk")


def report_for_staff(*, pk: int) -> Report:
    return get_object_or_404(
        _report_joins(Report.objects.all()).prefetch_related("events__actor"), pk=pk
    )


def paused_mentors() -> QuerySet[MentorProfile]:
    return (
        MentorProfile.objects.filter(new_matches_paused_at__isnull=False)
        .select_related("user")
        .order_by("new_matches_paused_at")
    )


def sessions_to_report(*, match: Match, user: User) -> QuerySet[Booking]:
    """Confirmed sessions of the match that have started and that the person has not
    reported yet (the thread's "report a no-show" links)."""
    return (
        Booking.objects.filter(
            match=match, status=BookingStatus.CONFIRMED, starts_at__lte=timezone.now()
        )
        .exclude(reports__reporter=user)
        .order_by("-starts_at")[:5]
    )
