"""Every write of the outcomes app: waves, answers (by the person or by phone), reminders
and alumni status. One transaction each; rows that a limit depends on are locked."""

from __future__ import annotations

import datetime
from functools import partial
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.translation import gettext as _
from django_q.tasks import async_task
from wagtail.actions.unpublish_page import UnpublishPageAction

from cohorts.enums import ParticipantStatus
from cohorts.models import Cohort, Participant
from semilla.errors import ServiceError
from semilla.models import User
from semilla.notifications import notify
from semilla.privacy import audit_access
from semilla.reporting.outcomes import summary_cells
from semilla.transitions import record, transition

from .enums import (
    ALUMNI,
    FOLLOW_UP_MONTHS,
    INVITATION,
    RESPONSE,
    AlumniStatus,
    InvitationKind,
    InvitationStatus,
    ResponseChannel,
    ResponseStatus,
    WaveKind,
)
from .links import link_path
from .models import (
    ANSWER_FIELDS,
    STORY_CONSENT_VERSION,
    AlumniEvent,
    AlumniInvitation,
    Alumnus,
    OutcomeSummary,
    Response,
    ResponseEvent,
    StoryConsent,
    StoryIndexPage,
    StoryPage,
    Wave,
)

#: answers are expected within DUE_DAYS of a wave opening, and late answers are accepted
#: until LATE_DAYS after it opened
DUE_DAYS = 21
LATE_DAYS = 60
#: reminders per answer, and the days between two of them
MAX_REMINDERS = 3
REMINDER_EVERY_DAYS = 7


class OutcomeError(ServiceError):
    """A refusal with a message for the person (already translated)."""

    message: str


# --- the dashboard's sums -------------------------------------------------------------------


def summary_refresh(*, cohort_id: int, today: datetime.date | None = None) -> int:
    """Recompute the outcome sums of one cohort (one grouped query over its answers) and
    replace its summary rows in one transaction. Returns the number of rows."""

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


def wave_dates(*, cohort: Cohort, kind: str) -> tuple[datetime.date, datetime.date, datetime.date]:
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
        opens, due, closes = wave_dates(cohort=cohort, kind=kind)
        waves.append(Wave(cohort=cohort, kind=kind, opens_on=opens, due_on=due, closes_on=closes))
    Wave.objects.bulk_create(waves, ignore_conflicts=True)
    return list(Wave.objects.filter(cohort=cohort).order_by("opens_on"))


def _invite(response: Response) -> None:
    """Send the survey link (one message per answer and reminder number)."""

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
            "closes_on": response.wave.closes_on,
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


def _remind(response: Response, *, actor: User | None, now: datetime.datetime) -> None:
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
def response_remind(*, response: Response, actor: User) -> Response:
    """Staff chase one non-respondent now (a fresh link). One link a day: a second click
    (or a double click) on the same day sends nothing more, and says so."""
    locked = _lock(response)
    now = timezone.now()
    check_open(response=locked, today=timezone.localdate(now))
    if locked.status != ResponseStatus.PENDING:
        raise OutcomeError(_("This survey is already answered."))
    if locked.last_reminded_at is not None and timezone.localdate(
        locked.last_reminded_at
    ) == timezone.localdate(now):
        raise OutcomeError(
            _("%(name)s already received a link today: no second message was sent.")
            % {"name": locked.participant.user.get_full_name()}
        )
    _remind(locked, actor=actor, now=now)
    return locked


def _lock(response: Response) -> Response:
    return (
        Response.objects.select_for_update()
        .select_related("wave__cohort", "participant__user", "participant__application")
        .get(pk=response.pk)
    )


def check_open(*, response: Response, today: datetime.date) -> None:
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
            _("This survey opens on %(date)s.") % {"date": date_format(wave.opens_on)}
        )
    if today > wave.closes_on:
        raise OutcomeError(
            _("This survey closed on %(date)s. Thank you anyway!")
            % {"date": date_format(wave.closes_on)}
        )


@transaction.atomic(durable=True)
def response_save(
    *,
    response: Response,
    answers: dict[str, Any],
    finish: bool,
    actor: User | None = None,
    by_phone: bool = False,
    today: datetime.date | None = None,
) -> Response:
    """Save a person's answers (``finish=False``: to go on later). ``answers`` comes from a
    validated form. ``by_phone``: staff (``actor``) took the answers on the person's behalf;
    the answer is marked as such and the access is audited."""
    today = today or timezone.localdate()
    locked = _lock(response)
    check_open(response=locked, today=today)
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
def story_consent_withdraw(*, response: Response, actor: User) -> Response:
    """The person withdraws consent to publish their story: the story is blanked at once
    (pages showing it are unpublished by the ``story_withdrawn`` signal's receivers)."""
    locked = _lock(response)
    locked.story = ""
    locked.story_consent = False
    locked.story_consent_at = None
    locked.save(update_fields=["story", "story_consent", "story_consent_at", "updated_at"])
    return locked


# --- alumni ---------------------------------------------------------------------------------


def _alumni_transition(alumnus: Alumnus, *, to: str, actor: User, note: str = "") -> None:
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
def alumnus_set_status(*, alumnus: Alumnus, status: str, actor: User, note: str = "") -> Alumnus:
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
                kind="alumni",
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


# --- success stories and consents ----------------------------------------------------------


@transaction.atomic(durable=True)
def story_consent_give(*, user: User) -> StoryConsent:
    """The person says "Yes, Semilla may publish my story" on their consents screen (the
    version of the words they saw is kept). Idempotent while one is active."""
    locked = (
        StoryConsent.objects.select_for_update()
        .filter(user=user, withdrawn_at__isnull=True)
        .first()
    )
    if locked is not None:
        return locked
    return StoryConsent.objects.create(
        user=user, text_version=STORY_CONSENT_VERSION, given_at=timezone.now()
    )


@transaction.atomic(durable=True)
def story_consent_withdraw_all(*, user: User, actor: User) -> int:
    """The person (or staff on their word) withdraws consent to publish their story: in
    this one transaction the consent is withdrawn, every story page about them is
    unpublished in every language (Wagtail's history records who did it), and the story
    they wrote in the surveys is blanked. Publishing again is refused until they consent
    again. Returns the number of pages taken down."""
    now = timezone.now()
    StoryConsent.objects.select_for_update().filter(user=user, withdrawn_at__isnull=True).update(
        withdrawn_at=now, withdrawn_by=actor
    )
    pages = list(StoryPage.objects.select_for_update().filter(alumnus__user=user, live=True))

    for page in pages:
        # the person's word is the permission: no console right is needed to take down a
        # story about oneself
        UnpublishPageAction(page, user=actor, log_action="wagtail.unpublish").execute(
            skip_permission_checks=True
        )
    Response.objects.filter(participant__user=user).exclude(story="", story_consent=False).update(
        story="", story_consent=False, story_consent_at=None, updated_at=now
    )

    audit_access(
        actor=actor,
        subject=user.pk,
        fields=["story_consent"],
        reason=f"story consent withdrawn; {len(pages)} page(s) unpublished",
        model="outcomes.storyconsent",
    )
    return len(pages)


@transaction.atomic(durable=True)
def story_page_from_answer(*, response: Response, actor: User, index: StoryIndexPage) -> StoryPage:
    """Staff turn a survey story (given with its consent box ticked) into a draft story
    page under ``index``, to edit and publish once the person's story consent is on
    record. One page per answer: asked again, it returns the page already made."""
    locked = _lock(response)
    if not (locked.story and locked.story_consent):
        raise ServiceError(_("This answer has no story the person agreed to publish."))
    made = StoryPage.objects.filter(source_answer=locked).order_by("pk").first()
    if made is not None:
        # a second click (or a double click): the draft already made from this answer,
        # not a server error on its slug
        return made
    user = locked.participant.user
    alumnus = Alumnus.objects.filter(user=user).first()
    if alumnus is None:
        raise ServiceError(
            _("Stories are about alumni: this person is not an alumna or alumnus yet.")
        )
    application = locked.participant.application
    first_name = (user.get_short_name() or user.get_full_name() or "").split(" ")[0]
    page = StoryPage(
        title=_("The story of %(name)s") % {"name": first_name or application.business_name},
        slug=f"historia-{locked.pk}",
        locale_id=index.locale_id,
        alumnus=alumnus,
        summary=locked.story[:280],
        body="".join(f"<p>{escape(line)}</p>" for line in locked.story.splitlines() if line),
        business_name=application.business_name or first_name,
        city=locked.participant.cohort.city if locked.participant.cohort.city != "virtual" else "",
        sector=application.sector or "",
        source_answer=locked,
        live=False,
        owner=actor,
    )
    index.add_child(instance=page)
    page.save_revision(user=actor, log_action=True)
    return page


# --- alumni events and invitations -----------------------------------------------------------


def _invitation_notify(invitation: AlumniInvitation) -> None:
    user = invitation.alumnus.user
    event = invitation.event
    notify(
        user=user,
        template=f"outcomes/alumni_invitation_{invitation.kind}",
        context={
            "name": user.get_short_name() or user.get_full_name(),
            "title": event.title if event else "",
            "starts_at": event.starts_at if event else None,
            "place": (event.place or event.link) if event else "",
            "url": reverse("outcomes:invitations"),
        },
        key=f"alumni-invitation:{invitation.pk}",
        kind="alumni",
    )


@transaction.atomic(durable=True)
def alumni_invite(
    *, alumni: list[Alumnus], kind: str, actor: User, event: AlumniEvent | None = None
) -> int:
    """Staff invite the chosen alumni to ``event`` or to mentor a newer cohort; each gets
    the invitation through ``notify`` (kind "alumni") and answers it from their
    invitations page. People already invited are skipped. Returns how many were invited."""
    if kind not in InvitationKind.values:
        raise ServiceError(_("Unknown kind of invitation."))
    if (kind == InvitationKind.EVENT) != (event is not None):
        raise ServiceError(_("Choose the event to invite people to."))
    pks = [alumnus.pk for alumnus in alumni]
    already = set(
        AlumniInvitation.objects.filter(alumnus_id__in=pks, kind=kind, event=event).values_list(
            "alumnus_id", flat=True
        )
    )
    new = [pk for pk in pks if pk not in already]
    AlumniInvitation.objects.bulk_create(
        [AlumniInvitation(alumnus_id=pk, kind=kind, event=event, invited_by=actor) for pk in new],
        ignore_conflicts=True,  # a concurrent invitation of the same person: theirs stands
    )
    fresh = AlumniInvitation.objects.filter(
        alumnus_id__in=new, kind=kind, event=event
    ).select_related("alumnus__user", "event")
    count = 0
    for invitation in fresh:
        _invitation_notify(invitation)
        count += 1
    return count


@transaction.atomic(durable=True)
def invitation_answer(
    *, invitation: AlumniInvitation, user: User, accept: bool
) -> AlumniInvitation:
    """The alumna or alumnus answers yes or no (and may change their mind). A yes to an
    event takes a place under the event's row lock and is refused when none is left; a no
    after a yes gives it back. A yes to mentoring moves them to "mentoring newer cohorts"
    (with its history); the view then opens the mentor sign-up."""
    locked = (
        AlumniInvitation.objects.select_for_update().select_related("alumnus").get(pk=invitation.pk)
    )
    if locked.alumnus.user_id != user.pk:
        raise ServiceError(_("This invitation is not yours."))
    to = InvitationStatus.ACCEPTED if accept else InvitationStatus.DECLINED
    if locked.status == to:
        return locked
    if locked.kind == InvitationKind.EVENT and locked.event_id is not None:
        event = AlumniEvent.objects.select_for_update().get(pk=locked.event_id)
        if event.starts_at < timezone.now():
            raise ServiceError(_("This event has already taken place."))
        if accept:
            if event.accepted >= event.capacity:
                raise ServiceError(_("Sorry, there are no places left at this event."))
            event.accepted += 1
        elif locked.status == InvitationStatus.ACCEPTED:
            event.accepted -= 1
        event.save(update_fields=["accepted"])
    transition(
        locked,
        machine=INVITATION,
        to=to,
        actor=user,
        locked=True,
        fields={"answered_at": timezone.now()},
    )
    if locked.kind == InvitationKind.MENTOR and accept:
        alumnus = Alumnus.objects.select_for_update().get(pk=locked.alumnus_id)
        if alumnus.status != AlumniStatus.MENTOR:
            _alumni_transition(
                alumnus, to=AlumniStatus.MENTOR, actor=user, note="accepted the invitation"
            )
    return locked
