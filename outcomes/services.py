"""Every write of the outcomes app: waves, answers (by the person or by phone), reminders
and alumni status. One transaction each; rows that a limit depends on are locked."""

from __future__ import annotations

import datetime
from functools import partial
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cohorts.enums import ParticipantStatus
from cohorts.models import Cohort, Participant
from semilla.notifications import notify
from semilla.transitions import record, transition

from .enums import (
    ALUMNI,
    FOLLOW_UP_MONTHS,
    RESPONSE,
    AlumniStatus,
    ResponseChannel,
    ResponseStatus,
    WaveKind,
)
from .models import ANSWER_FIELDS, Alumnus, OutcomeSummary, Response, ResponseEvent, Wave

#: answers are expected within DUE_DAYS of a wave opening, and late answers are accepted
#: until LATE_DAYS after it opened
DUE_DAYS = 21
LATE_DAYS = 60
#: reminders per answer, and the days between two of them
MAX_REMINDERS = 3
REMINDER_EVERY_DAYS = 7


class OutcomeError(Exception):
    """A refusal with a message for the person (already translated)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


# --- the dashboard's sums -------------------------------------------------------------------


def summary_refresh(*, cohort_id: int, today: datetime.date | None = None) -> int:
    """Recompute the outcome sums of one cohort (one grouped query over its answers) and
    replace its summary rows in one transaction. Returns the number of rows."""
    from semilla.reporting.outcomes import summary_cells

    cells = summary_cells(cohort_id, today=today)
    with transaction.atomic():
        OutcomeSummary.objects.filter(cohort_id=cohort_id).delete()
        OutcomeSummary.objects.bulk_create(
            [OutcomeSummary(cohort_id=cohort_id, **cell) for cell in cells]
        )
    return len(cells)


def summaries_refresh(*, today: datetime.date | None = None) -> int:
    """Nightly: every cohort with answers (age bands move with the calendar)."""
    cohort_ids = Wave.objects.filter(responses__isnull=False).values_list("cohort_id", flat=True)
    return sum(summary_refresh(cohort_id=pk, today=today) for pk in sorted(set(cohort_ids)))


def _refresh_after_commit(cohort_id: int) -> None:
    """After the commit, a background task recomputes the cohort's sums (a few
    milliseconds for a cohort of hundreds, about two seconds for 25,000 people: never in
    the person's request)."""
    from django_q.tasks import async_task

    transaction.on_commit(partial(async_task, "outcomes.tasks.refresh_cohort", cohort_id))


def _add_months(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=candidate)
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover


def wave_dates(cohort: Cohort, kind: str) -> tuple[datetime.date, datetime.date, datetime.date]:
    """(opens, due, closes) of a cohort's wave. The baseline opens when applications open
    (seats are confirmed from then on) and is due two weeks into the cohort; the end-of-
    cohort wave opens a week before the last day; the others 6 and 12 months after it."""
    if kind == WaveKind.BASELINE:
        opens = min(timezone.localdate(cohort.opens_at), cohort.starts_on)
        due = cohort.starts_on + datetime.timedelta(days=14)
        return opens, due, due + datetime.timedelta(days=LATE_DAYS - 14)
    months = FOLLOW_UP_MONTHS[WaveKind(kind)]
    opens = _add_months(cohort.ends_on, months)
    if kind == WaveKind.END:
        opens -= datetime.timedelta(days=7)
    return (
        opens,
        opens + datetime.timedelta(days=DUE_DAYS),
        opens + datetime.timedelta(days=LATE_DAYS),
    )


def waves_ensure(*, cohort: Cohort) -> list[Wave]:
    """The cohort's four waves, created when missing (idempotent; the unique constraint
    makes a concurrent run harmless)."""
    waves = []
    for kind in WaveKind:
        opens, due, closes = wave_dates(cohort, kind)
        waves.append(Wave(cohort=cohort, kind=kind, opens_on=opens, due_on=due, closes_on=closes))
    Wave.objects.bulk_create(waves, ignore_conflicts=True)
    return list(Wave.objects.filter(cohort=cohort).order_by("opens_on"))


def _invite(response: Response) -> None:
    """Send the survey link (one message per answer and reminder number)."""
    from .links import link_path

    user = response.participant.user
    language = getattr(user, "language", "") or "es"
    notify(
        user=user,
        template="outcomes/survey_reminder",
        context={
            "link": link_path(response, language=language),
            "wave": str(WaveKind(response.wave.kind).label),
            "wave_kind": response.wave.kind,
            "cohort": response.wave.cohort.name,
            "closes_on": response.wave.closes_on.isoformat(),
            "first": response.reminders_sent == 0,
        },
        key=f"outcomes-survey:{response.pk}:{response.reminders_sent + 1}",
    )


@transaction.atomic(durable=True)
def baseline_open(*, participant: Participant) -> Response:
    """On a confirmed seat: the cohort's waves exist and the baseline answer is waiting,
    with its link sent to the person."""
    waves = waves_ensure(cohort=participant.cohort)
    baseline = next(w for w in waves if w.kind == WaveKind.BASELINE)
    response, created = Response.objects.get_or_create(wave=baseline, participant=participant)
    if created:
        _remind(response, actor=None, now=timezone.now())
        _refresh_after_commit(participant.cohort_id)
    return response


def responses_open(*, today: datetime.date | None = None) -> int:
    """Scheduled daily: every cohort has its waves; each open wave has a pending answer for
    every participant who did not leave (a person who withdrew is not asked again; a
    baseline the seat confirmation missed is caught up here). Returns the number of
    answers created; the reminders task sends their links."""
    today = today or timezone.localdate()
    created = 0
    for cohort in Cohort.objects.filter(participants__isnull=False).distinct():
        with transaction.atomic():
            waves_ensure(cohort=cohort)
    open_waves = Wave.objects.filter(opens_on__lte=today, closes_on__gte=today)
    for wave in open_waves.select_related("cohort"):
        missing = (
            Participant.objects.filter(cohort_id=wave.cohort_id)
            .exclude(status=ParticipantStatus.WITHDRAWN)
            .exclude(outcome_responses__wave=wave)
            .values_list("pk", flat=True)
        )
        with transaction.atomic():
            made = Response.objects.bulk_create(
                [Response(wave=wave, participant_id=pk) for pk in missing],
                ignore_conflicts=True,
            )
        created += len(made)
        if made:
            _refresh_after_commit(wave.cohort_id)
    return created


def _remind(response: Response, *, actor, now: datetime.datetime) -> None:
    _invite(response)
    response.reminders_sent += 1
    response.last_reminded_at = now
    response.save(update_fields=["reminders_sent", "last_reminded_at", "updated_at"])
    ResponseEvent.objects.create(
        response=response, action=ResponseEvent.Action.REMINDED, actor=actor
    )


def reminders_send(*, now: datetime.datetime | None = None) -> int:
    """Scheduled daily: a link to each pending answer of an open wave, at most
    ``MAX_REMINDERS`` times, ``REMINDER_EVERY_DAYS`` apart. Returns how many were sent."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    due = (
        Response.objects.filter(
            status=ResponseStatus.PENDING,
            wave__opens_on__lte=today,
            wave__closes_on__gte=today,
            reminders_sent__lt=MAX_REMINDERS,
        )
        .exclude(participant__status=ParticipantStatus.WITHDRAWN)
        .exclude(last_reminded_at__gt=now - datetime.timedelta(days=REMINDER_EVERY_DAYS))
        .values_list("pk", flat=True)
    )
    sent = 0
    for pk in list(due):
        with transaction.atomic():
            response = (
                Response.objects.select_for_update()
                .select_related("wave__cohort", "participant__user")
                .get(pk=pk)
            )
            if response.status != ResponseStatus.PENDING:
                continue
            _remind(response, actor=None, now=now)
            sent += 1
    return sent


@transaction.atomic(durable=True)
def response_remind(*, response: Response, actor) -> Response:
    """Staff chase one non-respondent now (a fresh link)."""
    locked = _lock(response)
    check_open(locked, today=timezone.localdate())
    if locked.status != ResponseStatus.PENDING:
        raise OutcomeError(_("This survey is already answered."))
    _remind(locked, actor=actor, now=timezone.now())
    return locked


def _lock(response: Response) -> Response:
    return (
        Response.objects.select_for_update()
        .select_related("wave__cohort", "participant__user", "participant__application")
        .get(pk=response.pk)
    )


def check_open(response: Response, *, today: datetime.date) -> None:
    """Raise OutcomeError (with a message for the person) when the answer cannot be given
    today: a follow-up of someone who left, a wave not open yet or closed."""
    wave = response.wave
    if (
        wave.kind != WaveKind.BASELINE
        and response.participant.status == ParticipantStatus.WITHDRAWN
    ):
        raise OutcomeError(
            _("This follow-up is closed: the person left the cohort before it ended.")
        )
    if today < wave.opens_on:
        raise OutcomeError(
            _("This survey opens on %(date)s.") % {"date": wave.opens_on.isoformat()}
        )
    if today > wave.closes_on:
        raise OutcomeError(
            _("This survey closed on %(date)s. Thank you anyway!")
            % {"date": wave.closes_on.isoformat()}
        )


@transaction.atomic(durable=True)
def response_save(
    *,
    response: Response,
    answers: dict[str, Any],
    finish: bool,
    actor=None,
    by_phone: bool = False,
    today: datetime.date | None = None,
) -> Response:
    """Save a person's answers (``finish=False``: to go on later). ``answers`` comes from a
    validated form. ``by_phone``: staff (``actor``) took the answers on the person's behalf;
    the answer is marked as such and the access is audited."""
    today = today or timezone.localdate()
    locked = _lock(response)
    check_open(locked, today=today)
    if locked.status == ResponseStatus.ANSWERED:
        raise OutcomeError(_("This survey is already answered. Thank you!"))
    for name in ANSWER_FIELDS:
        if name in answers:
            setattr(locked, name, answers[name])
    if locked.wave.kind == WaveKind.BASELINE and not locked.document_type:
        # known from the application: never asked at the baseline
        locked.document_type = locked.participant.application.document_type
    if locked.story_consent and locked.story and locked.story_consent_at is None:
        locked.story_consent_at = timezone.now()
    if not locked.story_consent:
        locked.story_consent_at = None
    action = ResponseEvent.Action.SAVED
    if finish:
        locked.answered_at = timezone.now()
        locked.channel = ResponseChannel.PHONE if by_phone else ResponseChannel.SELF
        action = ResponseEvent.Action.PHONE if by_phone else ResponseEvent.Action.ANSWERED
    if by_phone:
        locked.recorded_by = actor
    locked.full_clean(exclude=["wave", "participant"], validate_unique=False)
    locked.save()
    if finish:
        transition(locked, machine=RESPONSE, to=ResponseStatus.ANSWERED, locked=True)
    ResponseEvent.objects.create(response=locked, action=action, actor=actor)
    if finish:
        _refresh_after_commit(locked.wave.cohort_id)
    if by_phone:
        from semilla.privacy import audit_access

        audit_access(
            actor=actor,
            subject=locked.participant.user_id,
            fields=["document_type"],
            reason="outcome survey taken by phone",
            model="outcomes.response",
            object_id=locked.pk,
        )
    return locked


@transaction.atomic(durable=True)
def story_consent_withdraw(*, response: Response, actor) -> Response:
    """The person withdraws consent to publish their story: the story is blanked at once
    (pages showing it are unpublished by the ``story_withdrawn`` signal's receivers)."""
    locked = _lock(response)
    locked.story = ""
    locked.story_consent = False
    locked.story_consent_at = None
    locked.save(update_fields=["story", "story_consent", "story_consent_at", "updated_at"])
    return locked


# --- alumni ---------------------------------------------------------------------------------


def _alumni_transition(alumnus: Alumnus, *, to: str, actor, note: str = "") -> None:
    transition(alumnus, machine=ALUMNI, to=to, actor=actor, note=note, locked=True)


def alumni_from_ended_cohorts(*, today: datetime.date | None = None) -> int:
    """Scheduled daily: the participants of every cohort that has ended (who did not
    withdraw) become alumni, with the first entry of their status history. Idempotent."""
    today = today or timezone.localdate()
    made = 0
    participants = (
        Participant.objects.filter(cohort__ends_on__lt=today)
        .exclude(status=ParticipantStatus.WITHDRAWN)
        .filter(user__alumnus__isnull=True)
        .select_related("cohort", "application")
    )
    for participant in participants:
        with transaction.atomic():
            alumnus, created = Alumnus.objects.get_or_create(
                user_id=participant.user_id,
                defaults={
                    "cohort": participant.cohort,
                    "since": participant.cohort.ends_on,
                    "city": participant.cohort.city if participant.cohort.city != "virtual" else "",
                    "sector": participant.application.sector or "",
                },
            )
            if created:
                record(alumnus, machine=ALUMNI, to_status=AlumniStatus.ALUMNI)
                made += 1
    return made


@transaction.atomic(durable=True)
def alumnus_set_status(*, alumnus: Alumnus, status: str, actor, note: str = "") -> Alumnus:
    locked = Alumnus.objects.select_for_update().get(pk=alumnus.pk)
    if status not in AlumniStatus.values:
        raise OutcomeError(_("Unknown alumni status."))
    if locked.status != status:
        _alumni_transition(locked, to=status, actor=actor, note=note)
        if status == AlumniStatus.MENTOR:
            user = locked.user
            notify(
                user=user,
                template="outcomes/alumni_mentor_invitation",
                context={"name": user.get_full_name()},
                key=f"alumni-mentor-invitation:{locked.pk}",
            )
    return locked


@transaction.atomic(durable=True)
def alumnus_update_card(*, alumnus: Alumnus, listed: bool, card: dict[str, str]) -> Alumnus:
    """The person's directory card; ``listed=False`` takes it off the directory at once."""
    locked = Alumnus.objects.select_for_update().get(pk=alumnus.pk)
    for name in ("business_name", "city", "sector", "offers", "seeks"):
        if name in card:
            setattr(locked, name, card[name])
    locked.listed = listed
    locked.full_clean(exclude=["user", "cohort"])
    locked.save()
    return locked
