"""Factories for conversations: an active match with a thread, messages, reports."""

import datetime

from django.utils import timezone

from conversations.enums import ConcernCategory, ReportKind
from conversations.models import Conversation, Message, Report
from mentors.enums import MatchStatus
from tests.factories.cohorts import ParticipantFactory
from tests.factories.mentors import MatchFactory, MentorProfileFactory, make_booking


def active_match(*, mentee=None, mentor=None, **fields):
    """An accepted match; ``mentee`` and ``mentor`` are users (made when not given)."""
    participant = ParticipantFactory(**({"user": mentee} if mentee else {}))
    profile = mentor.mentor_profile if mentor is not None else MentorProfileFactory()
    return MatchFactory(
        participant=participant, mentor=profile, status=MatchStatus.ACCEPTED, **fields
    )


def add_messages(match, count: int, *, sender=None, body="Hola, ¿cómo vas?"):
    """``count`` messages written straight to the table (alternating senders unless
    ``sender`` is given)."""
    conversation, _created = Conversation.objects.get_or_create(match=match)
    people = [match.participant.user, match.mentor.user]
    rows = Message.objects.bulk_create(
        [
            Message(
                conversation=conversation,
                sender=sender or people[i % 2],
                body=f"{body} {i}",
            )
            for i in range(count)
        ]
    )
    Conversation.objects.filter(pk=conversation.pk).update(last_message_at=timezone.now())
    return rows


def past_session(match, *, days_ago: int = 1, **fields):
    return make_booking(match, timezone.now() - datetime.timedelta(days=days_ago), **fields)


def make_report(*, match=None, kind=ReportKind.SAFEGUARDING, reporter=None, **fields):
    match = match or active_match()
    reporter = reporter or match.participant.user
    reported = match.mentor.user if reporter == match.participant.user else match.participant.user
    values = {"text": "Me escribió a deshoras varias veces."}
    if kind == ReportKind.SAFEGUARDING:
        values["category"] = ConcernCategory.HARASSMENT
    else:
        values["booking"] = fields.pop("booking", None) or past_session(match)
    values.update(fields)
    return Report.objects.create(
        kind=kind, match=match, reporter=reporter, reported=reported, **values
    )
