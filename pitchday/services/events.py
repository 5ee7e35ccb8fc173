"""Pitch events: status moves, judges, submissions, running order, live scores, audience
votes, results and awards (confirming awards creates seed grants)."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from semilla import upload_pipeline
from semilla.enums import Role
from semilla.notifications import notify
from semilla.permissions import has_verified_email
from semilla.services import user_grant_role
from semilla.transitions import transition

from ..enums import EVENT, JUDGE, PITCH, EventStatus, JudgeStatus, PitchStatus
from ..models import (
    AudienceVote,
    Award,
    Judge,
    JudgeComment,
    JudgeConflict,
    Pitch,
    PitchCriterion,
    PitchEvent,
    PitchRubric,
    PitchScore,
    UseOfFundsItem,
)
from ..models.events import SCORE_MAX, SCORE_MIN
from . import ServiceError
from .grants import clean_file, default_tranche_specs, grant_create_nested, grant_offer_nested

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile

    from cohorts.models import Participant
    from semilla.models import User

E = EventStatus


DEFAULT_RUBRIC_NAME = "Rúbrica de pitch Semilla"
DEFAULT_CRITERIA = [  # (Spanish, English, guidance es, guidance en, weight); sums to 100
    (
        "Problema y cliente",
        "Problem and customer",
        "¿Entiende un problema real y sabe quién paga por la solución?",
        "Do they understand a real problem and who pays for the solution?",
        20,
    ),
    (
        "Modelo de negocio",
        "Business model",
        "¿Cómo gana dinero? ¿Los números (precios, costos, margen) tienen sentido?",
        "How does it make money? Do prices, costs and margin make sense?",
        20,
    ),
    (
        "Avances y ventas",
        "Traction and sales",
        "Ventas, clientes que vuelven, pedidos: lo que ya logró.",
        "Sales, returning customers, orders: what is already achieved.",
        15,
    ),
    (
        "Equipo y capacidad",
        "Team and capability",
        "¿Puede la persona o el equipo ejecutar el plan?",
        "Can the person or team carry out the plan?",
        15,
    ),
    (
        "Uso del capital semilla",
        "Use of the seed capital",
        "¿El uso de fondos es concreto, realista y genera crecimiento?",
        "Is the use of funds concrete, realistic and growth-producing?",
        20,
    ),
    (
        "Presentación",
        "Pitch delivery",
        "Claridad, manejo del tiempo y respuestas a las preguntas.",
        "Clarity, timing and answers to questions.",
        10,
    ),
]


def default_rubric() -> PitchRubric:
    """The default pitch rubric (created by a data migration; recreated if missing)."""
    rubric = PitchRubric.objects.filter(is_default=True).first()
    if rubric is None:
        with transaction.atomic():
            rubric, _created = PitchRubric.objects.get_or_create(
                name=DEFAULT_RUBRIC_NAME, defaults={"is_default": True}
            )
            if not rubric.criteria.exists():
                PitchCriterion.objects.bulk_create(
                    [
                        PitchCriterion(
                            rubric=rubric,
                            order=i,
                            name_es=es,
                            name_en=en,
                            guidance_es=ges,
                            guidance_en=gen,
                            weight=w,
                        )
                        for i, (es, en, ges, gen, w) in enumerate(DEFAULT_CRITERIA)
                    ]
                )
    return rubric


def rubric_weights_ok(*, rubric: PitchRubric) -> bool:
    return sum(c.weight for c in rubric.criteria.all()) == 100


@transaction.atomic(durable=True)
def event_transition(*, event: PitchEvent, to: str, actor: User, note: str = "") -> PitchEvent:
    event = PitchEvent.objects.select_for_update().get(pk=event.pk)
    if not EVENT.allows(event.status, to):
        raise EVENT.refusal(event.status, to)
    if to == E.OPEN and not rubric_weights_ok(rubric=event.rubric):
        raise ServiceError(_("The rubric's weights must add up to 100."))
    transition(
        event,
        machine=EVENT,
        to=to,
        actor=actor,
        note=note[:300],
        locked=True,
        fields={"published_at": timezone.now()} if to == E.PUBLISHED else {},
    )
    if to == E.PUBLISHED:
        for pitch in event.pitches.filter(status=PitchStatus.SUBMITTED).select_related(
            "participant__user"
        ):
            notify(
                user=pitch.participant.user,
                key=f"pitchday/results_published:{pitch.pk}",
                template="pitchday/results_published",
                context={"event": event.title, "event_id": event.pk},
            )
    return event


# --- judges -----------------------------------------------------------------------------------


@transaction.atomic(durable=True)
def judge_invite(*, event: PitchEvent, user: User, actor: User) -> Judge:
    judge, created = Judge.objects.get_or_create(event=event, user=user)
    if not created and judge.status == JudgeStatus.ACCEPTED:
        return judge
    transition(judge, machine=JUDGE, to=JudgeStatus.INVITED, actor=actor)
    user_grant_role(user=user, role=Role.JUDGE)
    notify(
        user=user,
        template="pitchday/judge_invited",
        # a double submit (or a second click the same day) sends the invitation once
        key=f"judge-invited:{judge.pk}:{timezone.localdate().isoformat()}",
        context={
            "event": event.title,
            "event_id": event.pk,
            "when": timezone.localtime(event.starts_at).isoformat(),
            "where": event.venue,
        },
    )
    return judge


@transaction.atomic(durable=True)
def judge_respond(*, judge: Judge, user: User, accept: bool) -> Judge:
    judge = Judge.objects.select_for_update().get(pk=judge.pk)
    if judge.user_id != user.pk:
        raise ServiceError(_("This invitation is for someone else."))
    transition(
        judge,
        machine=JUDGE,
        to=JudgeStatus.ACCEPTED if accept else JudgeStatus.DECLINED,
        actor=user,
        locked=True,
        fields={"responded_at": timezone.now()},
    )
    return judge


@transaction.atomic(durable=True)
def judge_declare_conflict(*, judge: Judge, pitch: Pitch, reason: str = "") -> JudgeConflict:
    """A conflicted judge cannot score that pitch; scores already given are removed. Only a
    judge who accepted the invitation declares one (an invited or declining judge scores
    nothing)."""
    if judge.status != JudgeStatus.ACCEPTED:
        raise ServiceError(_("Only a judge who accepted the invitation declares a conflict."))
    if pitch.event_id != judge.event_id:
        raise ServiceError(_("This pitch is not in your event."))
    conflict, _created = JudgeConflict.objects.get_or_create(
        judge=judge, pitch=pitch, defaults={"reason": reason[:200]}
    )
    PitchScore.objects.filter(judge=judge, pitch=pitch).delete()
    JudgeComment.objects.filter(judge=judge, pitch=pitch).delete()
    return conflict


# --- submissions ------------------------------------------------------------------------------


def pitch_missing(*, pitch: Pitch, items: list[UseOfFundsItem] | None = None) -> list[str]:
    """What a submission still lacks (plain words, for the participant and staff)."""
    items = list(pitch.use_of_funds.all()) if items is None else items
    missing = []
    if not (pitch.deck or pitch.video_url):
        missing.append(_("a deck (PDF) or a video link"))
    if not pitch.summary.strip():
        missing.append(_("the one-page summary"))
    if not pitch.ask_amount:
        missing.append(_("the amount you ask for"))
    if not items:
        missing.append(_("the itemised use of funds"))
    elif sum(i.amount for i in items) != pitch.ask_amount:
        missing.append(_("a use of funds that adds up to the amount you ask for"))
    return missing


@transaction.atomic(durable=True)
def pitch_save(
    *,
    event: PitchEvent,
    participant: Participant,
    business_name: str,
    summary: str,
    video_url: str,
    ask_amount: int,
    items: list[tuple[str, int]],
    deck: UploadedFile | None = None,
    submit: bool = False,
) -> Pitch:
    """Save the draft (never lost) and, when ``submit``, submit it if complete."""

    if event.status != E.OPEN or timezone.now() > event.submission_deadline:
        raise ServiceError(_("Submissions for this event are closed."))
    if not event.cohorts.filter(pk=participant.cohort_id).exists():
        raise ServiceError(_("Your cohort does not pitch at this event."))
    pitch, _created = Pitch.objects.select_for_update().get_or_create(
        event=event, participant=participant, defaults={"business_name": business_name}
    )
    if pitch.status == PitchStatus.WITHDRAWN:
        raise ServiceError(_("This pitch was withdrawn."))
    pitch.business_name = business_name
    pitch.summary = summary
    pitch.video_url = video_url
    pitch.ask_amount = ask_amount
    if deck is not None:
        pitch.deck.save(
            "deck.pdf", clean_file(uploaded=deck, kind=upload_pipeline.DECK), save=False
        )
    pitch.save()
    pitch.use_of_funds.all().delete()
    saved_items = UseOfFundsItem.objects.bulk_create(
        [UseOfFundsItem(pitch=pitch, description=d[:150], amount=a) for d, a in items if d]
    )
    if submit:
        missing = pitch_missing(pitch=pitch, items=saved_items)
        if missing:
            # keep the draft: raise after commit is impossible inside this transaction, so
            # report through the return value's attribute
            pitch.missing = missing
            return pitch
        if pitch.status != PitchStatus.SUBMITTED:  # saving a submitted pitch keeps it so
            transition(
                pitch,
                machine=PITCH,
                to=PitchStatus.SUBMITTED,
                actor=participant.user,
                locked=True,
                fields={"submitted_at": pitch.submitted_at or timezone.now()},
            )
    pitch.missing = []
    return pitch


@transaction.atomic(durable=True)
def running_order_generate(*, event: PitchEvent, seed: int | None = None) -> list[Pitch]:
    """Shuffle the submitted pitches into a running order (editable afterwards)."""
    pitches = list(
        Pitch.objects.select_for_update()
        .filter(event=event, status=PitchStatus.SUBMITTED)
        .order_by("pk")
    )
    random.Random(seed if seed is not None else event.pk).shuffle(pitches)  # noqa: S311
    for position, pitch in enumerate(pitches, start=1):
        pitch.running_order = position
    Pitch.objects.bulk_update(pitches, ["running_order"])
    return pitches


@transaction.atomic(durable=True)
def running_order_set(*, event: PitchEvent, pitch_ids: list[int]) -> None:
    pitches = {
        p.pk: p
        for p in Pitch.objects.select_for_update().filter(event=event, status=PitchStatus.SUBMITTED)
    }
    if set(pitch_ids) != set(pitches):
        raise ServiceError(_("The running order must list every submitted pitch once."))
    for position, pk in enumerate(pitch_ids, start=1):
        pitches[pk].running_order = position
    Pitch.objects.bulk_update(list(pitches.values()), ["running_order"])


# --- scoring ----------------------------------------------------------------------------------


def _check_may_score(judge: Judge, pitch: Pitch) -> None:
    if judge.event.status != E.SCORING:
        raise ServiceError(_("Scoring is not open."))
    if judge.status != JudgeStatus.ACCEPTED:
        raise ServiceError(_("Accept the invitation to judge first."))
    if pitch.event_id != judge.event_id or pitch.status != PitchStatus.SUBMITTED:
        raise ServiceError(_("This pitch is not in your event."))
    if JudgeConflict.objects.filter(judge=judge, pitch=pitch).exists():
        raise ServiceError(_("You declared a conflict of interest with this pitch."))


def score_record(
    *, judge: Judge, pitch: Pitch, criterion: PitchCriterion, value: int
) -> PitchScore:
    """Save one criterion's score. Re-sending (same or new value) updates the one row."""
    _check_may_score(judge, pitch)
    if criterion.rubric_id != judge.event.rubric_id:
        raise ServiceError(_("This criterion is not in the event's rubric."))
    if not SCORE_MIN <= value <= SCORE_MAX:
        raise ServiceError(
            _("Scores go from %(lo)s to %(hi)s.") % {"lo": SCORE_MIN, "hi": SCORE_MAX}
        )
    for _attempt in range(3):
        try:
            with transaction.atomic():
                score, _created = PitchScore.objects.update_or_create(
                    judge=judge, pitch=pitch, criterion=criterion, defaults={"value": value}
                )
            return score
        except IntegrityError:
            continue  # another device created it at the same moment: update it now
    raise ServiceError(_("Could not save the score; try again."))  # pragma: no cover


def comment_record(*, judge: Judge, pitch: Pitch, text: str) -> JudgeComment:
    _check_may_score(judge, pitch)
    for _attempt in range(3):
        try:
            with transaction.atomic():
                comment, _created = JudgeComment.objects.update_or_create(
                    judge=judge, pitch=pitch, defaults={"text": text[:2000]}
                )
            return comment
        except IntegrityError:
            continue
    raise ServiceError(_("Could not save the comment; try again."))  # pragma: no cover


@transaction.atomic(durable=True)
def audience_vote_cast(*, event: PitchEvent, pitch: Pitch, user: User) -> AudienceVote:
    if not event.audience_vote or event.status not in (E.SCORING, E.LOCKED):
        raise ServiceError(_("Audience voting is not open."))
    if not has_verified_email(user):
        raise ServiceError(_("Confirm your e-mail address to vote."))
    if pitch.event_id != event.pk or pitch.status != PitchStatus.SUBMITTED:
        raise ServiceError(_("This pitch is not in the event."))
    try:
        with transaction.atomic():
            return AudienceVote.objects.create(event=event, pitch=pitch, user=user)
    except IntegrityError as exc:
        raise ServiceError(_("You already voted. Thank you!")) from exc


# --- awards -----------------------------------------------------------------------------------


@transaction.atomic(durable=True)
def awards_save(
    *, event: PitchEvent, allocation: dict[int, int], ranks: dict[int, int], actor: User
) -> list[Award]:
    """Replace the unconfirmed awards with ``allocation`` {pitch: amount}."""
    event = PitchEvent.objects.select_for_update().get(pk=event.pk)
    if event.status not in (E.LOCKED, E.PUBLISHED):
        raise ServiceError(_("Lock scoring before allocating awards."))
    confirmed = {a.pitch_id: a.amount for a in event.awards.filter(grant__isnull=False)}
    total = sum(confirmed.values()) + sum(a for p, a in allocation.items() if p not in confirmed)
    if total > event.award_budget:
        raise ServiceError(_("The awards exceed the budget."))
    pitches = {
        p.pk: p for p in event.pitches.filter(pk__in=allocation, status=PitchStatus.SUBMITTED)
    }
    event.awards.filter(grant__isnull=True).delete()
    awards = [
        Award(event=event, pitch=pitches[pid], rank=ranks.get(pid, 0) or 1, amount=amount)
        for pid, amount in allocation.items()
        if amount > 0 and pid in pitches and pid not in confirmed
    ]
    return Award.objects.bulk_create(awards)


@transaction.atomic(durable=True)
def awards_confirm(*, event: PitchEvent, actor: User) -> list:
    """Create a seed grant for every unconfirmed award (money committed from the event's
    fund). One transaction: all grants, or none when the fund cannot cover them."""

    event = PitchEvent.objects.select_for_update().get(pk=event.pk)
    if event.fund is None:
        raise ServiceError(_("Choose the fund that pays the awards first."))
    grants = []
    for award in (
        event.awards.select_for_update(of=("self",))
        .filter(grant__isnull=True)
        .select_related("pitch__participant__user")
    ):
        pitch = award.pitch
        specs = default_tranche_specs(amount=award.amount, percentages=[50, 30, 20])
        items = list(pitch.use_of_funds.all())
        scale = award.amount / pitch.ask_amount if pitch.ask_amount else 0
        lines = [(i.description, int(i.amount * scale)) for i in items if scale]
        grant = grant_create_nested(
            fund=event.fund,
            grantee=pitch.participant.user,
            business_name=pitch.business_name,
            amount=award.amount,
            tranches=specs,
            actor=actor,
            budget_lines=lines,
            source_award_id=award.pk,
        )
        grant = grant_offer_nested(grant=grant, actor=actor)
        award.grant = grant
        award.confirmed_by = actor
        award.confirmed_at = timezone.now()
        award.save(update_fields=["grant", "confirmed_by", "confirmed_at"])
        grants.append(grant)
    return grants
