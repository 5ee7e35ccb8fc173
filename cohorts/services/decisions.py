"""Decisions, offers and the waitlist: deciding, shortlisting, releasing decisions,
confirming or declining an offer, expiring offers and promoting from the waitlist."""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from semilla.errors import ServiceError
from semilla.notifications import notify

from ..enums import (
    APPLICATION,
    DECISION_TO_STATUS,
    UNDER_REVIEW,
    AssignmentStatus,
    Decision,
)
from ..models import (
    Application,
    Cohort,
    Participant,
    ReviewAssignment,
)
from .base import S, SeatsFull, application_lock, application_move

if TYPE_CHECKING:
    from semilla.models import User

# --- Decisions, offers and the waitlist ---------------------------------------------------

DECIDABLE = frozenset({S.SUBMITTED, S.IN_REVIEW, S.WAITLISTED})


def _decide(app: Application, *, decision: str, actor, feedback: str | None) -> None:
    if app.status not in DECIDABLE or (
        app.status == S.WAITLISTED and decision == Decision.WAITLIST
    ):
        raise ServiceError(
            _("%(name)s: this application cannot be decided now.")
            % {"name": app.business_name or app.pk}
        )
    app.decision = decision
    if feedback is not None:
        app.decision_feedback = feedback
    app.decided_by = actor
    app.decided_at = timezone.now()
    app.save(
        update_fields=["decision", "decision_feedback", "decided_by", "decided_at", "updated_at"]
    )


@transaction.atomic(durable=True)
def applications_decide(
    *,
    applications: Iterable[Application | int],
    decision: str,
    actor: User,
    feedback: str | None = None,
    with_reviewer_feedback: bool = False,
) -> int:
    """Record a pending decision on one or many applications (released later, together).
    With ``with_reviewer_feedback`` the reviewers' notes for the applicant are added to
    the feedback the decision e-mail carries."""
    Decision(decision)
    ids = [a.pk if isinstance(a, Application) else a for a in applications]
    apps = list(Application.objects.select_for_update().filter(pk__in=ids).order_by("pk"))
    notes: dict[int, list[str]] = defaultdict(list)
    if with_reviewer_feedback:
        rows = (
            ReviewAssignment.objects.filter(
                application_id__in=ids, status=AssignmentStatus.SUBMITTED
            )
            .exclude(feedback="")
            .order_by("submitted_at")
            .values_list("application_id", "feedback")
        )
        for app_id, note in rows:
            notes[app_id].append(note.strip())
    for app in apps:
        text = feedback
        if with_reviewer_feedback:
            text = "\n\n".join(filter(None, [feedback or "", *notes[app.pk]]))
        _decide(app, decision=decision, actor=actor, feedback=text)
    return len(apps)


@transaction.atomic(durable=True)
def applications_shortlist(
    *, applications: Iterable[Application | int], shortlisted: bool, actor: User
) -> int:
    ids = [a.pk if isinstance(a, Application) else a for a in applications]
    return Application.objects.filter(pk__in=ids, status__in=UNDER_REVIEW).update(
        shortlisted=shortlisted
    )


def _outstanding_offers(cohort_id: int) -> int:
    return Application.objects.filter(cohort_id=cohort_id, status=S.ACCEPTED).count()


def _offer(app: Application, *, cohort: Cohort, actor, note: str, now) -> None:
    application_move(
        application=app,
        to=S.ACCEPTED,
        actor=actor,
        note=note,
        offered_at=now,
        offer_expires_at=now + datetime.timedelta(days=cohort.offer_days),
        released_at=now,
        decision=Decision.ACCEPT,
    )
    _email_decision(app)


def _email_decision(app: Application) -> None:
    template = {
        S.ACCEPTED: "cohorts/offer",
        S.WAITLISTED: "cohorts/waitlisted",
        S.REJECTED: "cohorts/rejected",
    }[S(app.status)]
    context = {
        "cohort": app.cohort.name,
        **app.cohort.format_context(),
        "url": app.get_absolute_url(),
        "feedback": app.decision_feedback,
        "name": app.user.get_short_name() or app.user.get_full_name(),
    }
    if app.offer_expires_at:
        # an instant: the e-mail shows it in words in the recipient's time zone
        context["deadline"] = app.offer_expires_at.isoformat()
    notify(user=app.user, template=template, context=context)


@transaction.atomic(durable=True)
def decisions_release(
    *, cohort: Cohort, actor: User, now: datetime.datetime | None = None
) -> dict[str, int]:
    """Release every pending decision of ``cohort`` at once: offers (never more than the
    free seats), waitlist and rejections, each with its e-mail."""
    now = now or timezone.now()
    locked_cohort = Cohort.objects.select_for_update().get(pk=cohort.pk)
    pending = list(
        Application.objects.select_for_update()
        .filter(cohort=locked_cohort, released_at__isnull=True, status__in=DECIDABLE)
        .exclude(decision="")
        .select_related("user", "cohort")
        .order_by(F("score_mean").desc(nulls_last=True), "submitted_at", "pk")
    )
    pending += list(
        Application.objects.select_for_update()
        .filter(
            cohort=locked_cohort,
            status=S.WAITLISTED,
            decision__in=[Decision.ACCEPT, Decision.REJECT],
        )
        .select_related("user", "cohort")
    )
    accepts = [a for a in pending if a.decision == Decision.ACCEPT]
    free = (
        locked_cohort.seats - locked_cohort.seats_confirmed - _outstanding_offers(locked_cohort.pk)
    )
    if len(accepts) > free:
        raise SeatsFull(
            ngettext(
                "You are accepting %(n)s applicant but only %(free)s seats are free. "
                "Waitlist some of them.",
                "You are accepting %(n)s applicants but only %(free)s seats are free. "
                "Waitlist some of them.",
                len(accepts),
            )
            % {"n": len(accepts), "free": free}
        )
    counts: Counter[str] = Counter()
    for app in pending:
        if app.decision == Decision.ACCEPT:
            _offer(app, cohort=locked_cohort, actor=actor, note=_("Decision released."), now=now)
        else:
            application_move(
                application=app,
                to=DECISION_TO_STATUS[Decision(app.decision)],
                actor=actor,
                note=_("Decision released."),
                released_at=now,
            )
            _email_decision(app)
        counts[app.decision] += 1
    locked_cohort.decisions_released_at = now
    locked_cohort.save(update_fields=["decisions_released_at"])
    return dict(counts)


def waitlist_promote_locked(
    *, cohort_id: int, actor: User | None, now: datetime.datetime | None = None
) -> list[Application]:
    """Offer free seats to the best-ranked waitlisted applicants, preferring groups that
    are below the cohort's target mix. A cohort that has ended offers no seat: whatever
    freed it (a withdrawal, an offer that ran out), nobody is offered a finished cohort."""
    now = now or timezone.now()
    cohort = Cohort.objects.select_for_update().get(pk=cohort_id)
    if cohort.ends_on and cohort.ends_on < timezone.localdate(now):
        return []
    free = cohort.seats - cohort.seats_confirmed - _outstanding_offers(cohort.pk)
    promoted = []
    while free > 0:
        waiting = list(
            Application.objects.select_for_update()
            .filter(cohort=cohort, status=S.WAITLISTED)
            .select_related("user", "cohort")
            .order_by(
                F("score_mean").desc(nulls_last=True),
                F("score_median").desc(nulls_last=True),
                "submitted_at",
                "pk",
            )
        )
        if not waiting:
            break
        chosen = _pick_for_mix(cohort, waiting)
        _offer(
            chosen,
            cohort=cohort,
            actor=actor,
            note=_("A seat became free: offered from the waitlist."),
            now=now,
        )
        promoted.append(chosen)
        free -= 1
    return promoted


def _pick_for_mix(cohort: Cohort, ranked: list[Application]) -> Application:
    if not cohort.target_mix:
        return ranked[0]
    held = Counter(
        Application.objects.filter(cohort=cohort, status__in=[S.ACCEPTED, S.CONFIRMED]).values_list(
            "population_group", flat=True
        )
    )
    for app in ranked:
        target = cohort.target_mix.get(app.population_group)
        if target and held[app.population_group] < cohort.seats * target / 100:
            return app
    return ranked[0]


@transaction.atomic(durable=True)
def waitlist_promote(*, cohort: Cohort, actor: User) -> list[Application]:
    return waitlist_promote_locked(cohort_id=cohort.pk, actor=actor)


@transaction.atomic(durable=True)
def offer_confirm(
    *, application: Application, actor: User, now: datetime.datetime | None = None
) -> Participant:
    """Take a seat: the cohort row is locked and the seat counter is checked (and
    constrained by the database), so two confirmations can never share the last seat."""
    now = now or timezone.now()
    cohort = Cohort.objects.select_for_update().get(pk=application.cohort_id)
    locked = application_lock(application=application)
    if locked.status != S.ACCEPTED:
        raise APPLICATION.refusal(locked.status, S.CONFIRMED)
    if locked.offer_expires_at and locked.offer_expires_at < now:
        raise ServiceError(_("The time to confirm this offer has passed."))
    if cohort.seats_confirmed >= cohort.seats:
        raise SeatsFull(
            _(
                "Sorry: every seat of this cohort has just been taken. You keep "
                "your place on the waitlist."
            )
        )
    Cohort.objects.filter(pk=cohort.pk).update(seats_confirmed=F("seats_confirmed") + 1)
    application_move(application=locked, to=S.CONFIRMED, actor=actor, responded_at=now)
    participant = Participant.objects.create(
        cohort=cohort, user=locked.user, application=locked, joined_at=now
    )
    notify(
        user=locked.user,
        key=f"cohorts/confirmed:{locked.pk}",
        template="cohorts/confirmed",
        context={
            "cohort": cohort.name,
            **cohort.format_context(),
            "starts_on": cohort.starts_on.isoformat(),
        },
    )
    return participant


@transaction.atomic(durable=True)
def offer_decline(*, application: Application, actor: User, note: str = "") -> Application:
    locked = application_lock(application=application)
    application_move(
        application=locked, to=S.DECLINED, actor=actor, note=note, responded_at=timezone.now()
    )
    waitlist_promote_locked(cohort_id=locked.cohort_id, actor=None)
    return locked


def offers_expire(*, now: datetime.datetime | None = None) -> int:
    """Expire every offer past its deadline and promote the waitlist (idempotent)."""
    now = now or timezone.now()
    expired = 0
    for pk in Application.objects.filter(status=S.ACCEPTED, offer_expires_at__lt=now).values_list(
        "pk", flat=True
    ):
        with transaction.atomic():
            app = Application.objects.select_for_update().select_related("cohort").get(pk=pk)
            if app.status != S.ACCEPTED or (app.offer_expires_at and app.offer_expires_at >= now):
                continue
            application_move(
                application=app,
                to=S.EXPIRED,
                actor=None,
                note=_("The offer was not confirmed in time."),
            )
            notify(
                user=app.user,
                key=f"cohorts/expired:{app.pk}",
                template="cohorts/expired",
                context={
                    "cohort": app.cohort.name,
                    "name": app.user.get_short_name() or app.user.get_full_name(),
                },
            )
            waitlist_promote_locked(cohort_id=app.cohort_id, actor=None, now=now)
            expired += 1
    return expired
