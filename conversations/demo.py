"""Demo data of the conversations app (``seed_demo``): a few mentor-mentee threads (the
demo entrepreneur and the demo mentor talk about her costs), one safeguarding concern that
staff resolved, and one no-show report that waits in the console's queue. Idempotent."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from mentors.enums import BookingStatus, MatchStatus
from mentors.models import Booking, Match
from semilla.models import User

from . import services
from .enums import ConcernCategory, ReportStatus
from .models import Conversation, Message, ReadMark, Report

THREADS = [
    [
        ("mentee", "Hola, profe. Ya tengo los costos de las arepas en una hoja, ¿la revisamos?"),
        ("mentor", "¡Hola! Claro. Mira esta guía antes: https://semilla.example.org/es/aprende/"),
        ("mentee", "Listo, la leí. Me quedó una duda con el precio del queso."),
        ("mentor", "Perfecto, lo vemos en la próxima sesión. Trae las facturas de la semana."),
    ],
    [
        ("mentor", "Buenas tardes, soy tu mentora. ¿Qué día te queda mejor para hablar?"),
        ("mentee", "Los martes en la tarde. ¡Gracias!"),
    ],
    [
        ("mentee", "Profe, ¿me ayuda a preparar el pitch?"),
        ("mentor", "Sí, empecemos por el problema que resuelve tu negocio."),
        ("mentee", "Gracias, ya le mando el borrador."),
    ],
]


def seed(*, stdout=None) -> None:

    if Conversation.objects.exists() or Report.objects.exists():
        if stdout is not None:
            stdout.write("  conversations: already loaded")
        return
    threads = _threads()
    reports = _reports()
    if stdout is not None:
        stdout.write(f"  conversations: {threads} threads, {reports} reports")


def _accepted_matches():

    matches = list(
        Match.objects.filter(status=MatchStatus.ACCEPTED)
        .select_related("mentor__user", "participant__user")
        .order_by("pk")
    )
    # the demo entrepreneur's match first, so that her thread is the one with most to read
    matches.sort(key=lambda m: m.participant.user.email != "emprendedora@demo.semilla.co")
    return matches


@transaction.atomic
def _threads() -> int:

    now = timezone.now()
    count = 0
    for match, lines in zip(_accepted_matches(), THREADS, strict=False):
        conversation = Conversation.objects.create(match=match)
        people = {"mentee": match.participant.user, "mentor": match.mentor.user}
        last = None
        for i, (who, text) in enumerate(lines):
            last = Message.objects.create(conversation=conversation, sender=people[who], body=text)
            at = now - datetime.timedelta(hours=(len(lines) - i) * 5)
            Message.objects.filter(pk=last.pk).update(created_at=at)
        Conversation.objects.filter(pk=conversation.pk).update(last_message_at=now)
        # the mentor has read everything; the mentee has the last message unread
        if last is not None:
            ReadMark.objects.create(
                conversation=conversation, user=people["mentor"], last_read_id=last.pk
            )
        count += 1
    return count


def _reports() -> int:

    staff = User.objects.filter(email="equipo@demo.semilla.co").first()
    matches = _accepted_matches()
    if staff is None or len(matches) < 2:
        return 0
    count = 0
    # a resolved safeguarding concern on another pair
    other = matches[1]
    concern = services.concern_raise(
        match=other,
        reporter=other.participant.user,
        category=ConcernCategory.PRIVACY,
        text="Compartió mi número de teléfono en un grupo sin preguntarme.",
    )
    services.report_move(report=concern, to=ReportStatus.IN_REVIEW, actor=staff)
    services.report_note(
        report=concern, actor=staff, text="Hablé con la mentora; borró el mensaje del grupo."
    )
    services.report_move(report=concern, to=ReportStatus.RESOLVED, actor=staff, note="Se disculpó.")
    count += 1
    # an open no-show: the demo entrepreneur says her mentor did not come to a past session
    booking = (
        Booking.objects.filter(
            match=matches[0], status=BookingStatus.CONFIRMED, starts_at__lt=timezone.now()
        )
        .order_by("-starts_at")
        .first()
    )
    if booking is not None:
        services.no_show_report(
            booking=booking,
            reporter=matches[0].participant.user,
            text="La esperé media hora en la videollamada y no se conectó.",
        )
        count += 1
    return count
