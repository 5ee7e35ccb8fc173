"""Every write of the conversations app: messages, read marks, reports and their triage,
and the pause of a mentor's new matches after a pattern of no-shows.

Each top-level service is one durable transaction; a report's status moves only through
``semilla.transitions.transition`` (machine ``enums.REPORT``) and every event of a report
(creation, move, assignment, note, disclosure) is one ``ReportEvent`` row."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from mentors.enums import BookingStatus, MatchStatus
from mentors.models import Booking, Match, MentorProfile
from mentors.services import mentor_new_matches_pause, mentor_new_matches_resume
from semilla.enums import MessageKind
from semilla.errors import ServiceError
from semilla.models import User
from semilla.notifications import notify
from semilla.permissions import is_programme_staff
from semilla.ratelimit import allow
from semilla.resubmission import sent_again
from semilla.transitions import record, transition

from . import conf
from .enums import REPORT, ConcernCategory, ReportAction, ReportKind, ReportStatus
from .models import MESSAGE_MAX_LENGTH, Conversation, Message, ReadMark, Report
from .permissions import READABLE_MATCH_STATUSES
from .selectors import safeguarding_staff


def _other_party(match: Match, user: User) -> User:
    if user.pk == match.mentor.user_id:
        return match.participant.user
    if user.pk == match.participant.user_id:
        return match.mentor.user
    raise ServiceError(_("Only the mentor and the mentee of this match can do this."))


def _thread_path(match: Match, language: str) -> str:
    with translation.override(language):
        return reverse("conversations:thread", kwargs={"match_id": match.pk})


# --- messages --------------------------------------------------------------------------------


@transaction.atomic(durable=True)
def message_send(*, match: Match, sender: User, body: str) -> Message:
    """Post ``body`` in the match's thread (created with the first message) and tell the
    other person, through the channel they chose for mentoring messages, when it is the
    first message they have not read yet (one notice per unread stretch, not one per
    message)."""
    other = _other_party(match, sender)
    if match.status != MatchStatus.ACCEPTED:
        raise ServiceError(_("This mentoring has ended: the conversation is read-only."))
    body = (body or "").strip()
    if not body:
        raise ServiceError(_("Write a message first."))
    if len(body) > MESSAGE_MAX_LENGTH:
        raise ServiceError(
            _("A message has at most %(max)d characters.") % {"max": MESSAGE_MAX_LENGTH}
        )
    conversation, _created = Conversation.objects.get_or_create(match=match)
    conversation = Conversation.objects.select_for_update().get(pk=conversation.pk)
    repeated = _repeated_message(conversation=conversation, sender=sender, body=body)
    if repeated is not None:
        return repeated  # the same message sent twice (a double tap): kept once
    if not allow("conversation_message", who=sender.pk):
        raise ServiceError(
            _("You sent many messages in a short time. Wait a few minutes and try again.")
        )
    mark = ReadMark.objects.filter(conversation=conversation, user=other).first()
    read_up_to = mark.last_read_id if mark else 0
    already_unread = (
        Message.objects.filter(conversation=conversation, sender=sender, pk__gt=read_up_to)
        .exclude(body_removed=True)
        .exists()
    )
    message = Message.objects.create(conversation=conversation, sender=sender, body=body)
    Conversation.objects.filter(pk=conversation.pk).update(last_message_at=message.created_at)
    ReadMark.objects.update_or_create(
        conversation=conversation, user=sender, defaults={"last_read_id": message.pk}
    )
    if not already_unread:
        notify(
            user=other,
            template="conversations/new_message",
            context={
                "name": sender.get_short_name() or sender.get_full_name(),
                "url": _thread_path(match, getattr(other, "language", "") or "es"),
            },
            key=f"conversation-message:{message.pk}",
            kind=MessageKind.MENTORING,
        )
    return message


def _repeated_message(*, conversation: Conversation, sender: User, body: str) -> Message | None:
    """The sender's last message of the (locked) conversation when it has the same text and
    was sent within the repeat window, else None."""
    last = (
        Message.objects.filter(conversation=conversation, body_removed=False)
        .order_by("-created_at", "-pk")
        .first()
    )
    window = datetime.timedelta(seconds=conf.repeat_window_seconds())
    if (
        last is not None
        and last.sender_id == sender.pk
        and last.body == body
        and last.created_at >= timezone.now() - window
    ):
        return last
    return None


@transaction.atomic(durable=True)
def conversation_mark_read(*, conversation: Conversation, user: User, up_to: int) -> None:
    """Remember that ``user`` has read the thread up to message ``up_to`` (never back)."""
    mark, _created = ReadMark.objects.select_for_update().get_or_create(
        conversation=conversation, user=user
    )
    if up_to > mark.last_read_id:
        mark.last_read_id = up_to
        mark.save(update_fields=["last_read_id"])


# --- reports ---------------------------------------------------------------------------------


def _report_created(report: Report) -> Report:
    record(
        report,
        machine=REPORT,
        to_status=ReportStatus.NEW,
        actor=report.reporter,
        action=ReportAction.CREATED,
    )
    for staff in safeguarding_staff():
        notify(
            user=staff,
            template="conversations/staff_new_report",
            context={
                "report_id": report.pk,
                "kind": report.kind,
                "url": reverse("conversations_report", kwargs={"pk": report.pk}),
            },
            key=f"report-new:{report.pk}:{staff.pk}",
            kind=MessageKind.ACCOUNT,
        )
    return report


@transaction.atomic(durable=True)
def no_show_report(*, booking: Booking, reporter: User, text: str = "") -> Report:
    """The mentee (or the mentor) says the other person did not come to ``booking``: a
    confirmed session whose start has passed. One report per session and reporter."""
    booking = Booking.objects.select_related("match__mentor__user", "match__participant__user").get(
        pk=booking.pk
    )
    reported = _other_party(booking.match, reporter)
    if booking.status != BookingStatus.CONFIRMED:
        raise ServiceError(_("Only a confirmed session can be reported as missed."))
    if booking.starts_at > timezone.now():
        raise ServiceError(_("This session has not started yet."))
    try:
        with transaction.atomic():
            report = Report.objects.create(
                kind=ReportKind.NO_SHOW,
                match=booking.match,
                booking=booking,
                reporter=reporter,
                reported=reported,
                text=(text or "").strip()[:MESSAGE_MAX_LENGTH],
            )
    except IntegrityError:
        raise ServiceError(_("You already reported this session.")) from None
    return _report_created(report)


@transaction.atomic(durable=True)
def concern_raise(*, match: Match, reporter: User, category: str, text: str) -> Report:
    """A safeguarding concern about the other person of the match, for staff only."""
    match = (
        Match.objects.select_for_update()
        .select_related("mentor__user", "participant__user")
        .get(pk=match.pk)
    )
    reported = _other_party(match, reporter)
    if match.status not in READABLE_MATCH_STATUSES:
        raise ServiceError(_("You can raise a concern once the mentoring has started."))
    if category not in ConcernCategory.values:
        raise ServiceError(_("Choose what the concern is about."))
    text = (text or "").strip()[:MESSAGE_MAX_LENGTH]
    if not text:
        raise ServiceError(_("Tell us what happened."))
    repeated = sent_again(
        Report.objects.filter(
            kind=ReportKind.SAFEGUARDING,
            match=match,
            reporter=reporter,
            category=category,
            text=text,
        ),
        at="created_at",
        window=datetime.timedelta(seconds=conf.repeat_window_seconds()),
    )
    if repeated is not None:
        return repeated  # the same concern sent twice (a double tap): one report, one alert
    report = Report.objects.create(
        kind=ReportKind.SAFEGUARDING,
        match=match,
        reporter=reporter,
        reported=reported,
        category=category,
        text=text,
    )
    return _report_created(report)


def _staff_only(actor: User) -> None:
    if not is_programme_staff(actor):
        raise ServiceError(_("Only programme staff triage reports."))


def _staff_event(report: Report, *, actor: User, action: str, note: str = "") -> None:
    """A staff action that leaves the report's status as it is, kept in its history."""
    record(
        report,
        machine=REPORT,
        from_status=report.status,
        to_status=report.status,
        actor=actor,
        note=note,
        action=action,
    )


def _lock(report: Report) -> Report:
    return (
        Report.objects.select_for_update()
        .select_related("match__mentor__user", "reporter", "reported")
        .get(pk=report.pk)
    )


@transaction.atomic(durable=True)
def report_move(*, report: Report, to: str, actor: User, note: str = "") -> Report:
    """Staff move a report (new -> in review -> resolved / dismissed; reopen for review).
    The reporter is told when it is resolved or closed. A resolved no-show of a mentor
    counts towards the pattern that pauses their new matches."""
    _staff_only(actor)
    locked = _lock(report)
    transition(
        locked,
        machine=REPORT,
        to=to,
        actor=actor,
        note=note.strip(),
        locked=True,
        action=ReportAction.STATUS,
    )
    if to in (ReportStatus.RESOLVED, ReportStatus.DISMISSED):
        with translation.override(getattr(locked.reporter, "language", "") or "es"):
            url = reverse("conversations:reports")
        notify(
            user=locked.reporter,
            template="conversations/report_status",
            context={"status": to, "url": url},
            key=f"report-status:{locked.pk}:{to}:{timezone.now().timestamp()}",
            kind=MessageKind.MENTORING,
        )
    if (
        to == ReportStatus.RESOLVED
        and locked.kind == ReportKind.NO_SHOW
        and locked.reported_id == locked.match.mentor.user_id
    ):
        _check_no_show_pattern(profile=locked.match.mentor)
    return locked


def confirmed_no_shows(*, profile: MentorProfile, now: datetime.datetime | None = None) -> int:
    """A mentor's no-shows confirmed by staff (resolved reports) for sessions in the
    rolling window."""
    since = (now or timezone.now()) - datetime.timedelta(days=conf.no_show_window_days())
    return (
        Report.objects.filter(
            kind=ReportKind.NO_SHOW,
            status=ReportStatus.RESOLVED,
            reported_id=profile.user_id,
            match__mentor=profile,
            booking__starts_at__gte=since,
        )
        .values("booking")
        .distinct()
        .count()
    )


def _check_no_show_pattern(*, profile: MentorProfile) -> None:
    count = confirmed_no_shows(profile=profile)
    if count < conf.no_show_limit():
        return
    current = MentorProfile.objects.get(pk=profile.pk)
    if current.new_matches_paused:
        return
    with translation.override(settings.LANGUAGE_CODE):
        reason = gettext("%(count)d confirmed no-shows in %(days)d days") % {
            "count": count,
            "days": conf.no_show_window_days(),
        }
    mentor_new_matches_pause(profile=current, reason=reason)
    for staff in safeguarding_staff():
        notify(
            user=staff,
            template="conversations/staff_mentor_paused",
            context={
                "mentor": current.user.get_full_name(),
                "count": count,
                "days": conf.no_show_window_days(),
                "url": reverse("conversations_reports"),
            },
            key=f"mentor-paused:{current.pk}:{current.new_matches_paused_at}:{staff.pk}",
            kind=MessageKind.ACCOUNT,
        )


@transaction.atomic(durable=True)
def report_assign(*, report: Report, assignee: User | None, actor: User) -> Report:
    """Give the report to a member of programme staff (``None``: nobody)."""
    _staff_only(actor)
    if assignee is not None and not is_programme_staff(assignee):
        raise ServiceError(_("Reports are assigned to programme staff only."))
    locked = _lock(report)
    locked.assignee = assignee
    locked.save(update_fields=["assignee", "updated_at"])
    _staff_event(
        locked,
        actor=actor,
        action=ReportAction.ASSIGNED,
        note=assignee.get_full_name() if assignee else "",
    )
    return locked


@transaction.atomic(durable=True)
def report_note(*, report: Report, actor: User, text: str) -> Report:
    """A staff note on the report (kept in its history, never shown to the people)."""
    _staff_only(actor)
    text = (text or "").strip()
    if not text:
        raise ServiceError(_("Write the note first."))
    locked = _lock(report)
    _staff_event(locked, actor=actor, action=ReportAction.NOTE, note=text[:MESSAGE_MAX_LENGTH])
    return locked


@transaction.atomic(durable=True)
def report_set_disclosure(*, report: Report, disclose: bool, actor: User) -> Report:
    """Staff decide whether the reported person may see the report and who made it."""
    _staff_only(actor)
    locked = _lock(report)
    if locked.disclose_reporter == disclose:
        return locked
    locked.disclose_reporter = disclose
    locked.save(update_fields=["disclose_reporter", "updated_at"])
    _staff_event(
        locked, actor=actor, action=ReportAction.DISCLOSED if disclose else ReportAction.HIDDEN
    )
    return locked


@transaction.atomic(durable=True)
def mentor_pause_lift(*, profile: MentorProfile, actor: User) -> MentorProfile:
    """Staff lift the pause of a mentor's new matches."""
    _staff_only(actor)
    return mentor_new_matches_resume(profile=profile)
