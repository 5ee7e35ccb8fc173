"""Factories for pitch day and seed grants. Grants are built through the services so that
the ledger always matches (no factory writes ledger rows behind the services' back)."""

from __future__ import annotations

from pitchday.enums import Currency, PayoutDetailsStatus, RailCode
from pitchday.models import Fund, Grant, PayoutDetails
from pitchday.services import grants as grant_services
from semilla.enums import Role
from tests.factories import make_user

_counter = {"fund": 0}


def make_fund(
    *,
    budget: int = 100_000_000_00,
    currency: str = Currency.COP,
    actor=None,
    name: str | None = None,
    **kwargs,
) -> Fund:
    _counter["fund"] += 1
    actor = actor or make_user(Role.FINANCE)
    return grant_services.fund_create(
        name=name or f"Fondo semilla {_counter['fund']}",
        currency=currency,
        budget=budget,
        actor=actor,
        donor="Programa Semilla",
        **kwargs,
    )


def make_grant(
    *,
    fund: Fund | None = None,
    grantee=None,
    amount: int = 10_000_000_00,
    percentages=(50, 30, 20),
    offer: bool = True,
    accept: bool = False,
    actor=None,
    evidence_first: bool = False,
) -> Grant:
    """A grant in draft, offered (money committed) or active (agreement accepted).
    The first tranche's milestone is "sign the agreement" (no evidence) unless
    ``evidence_first``."""
    fund = fund or make_fund()
    grantee = grantee or make_user(Role.ENTREPRENEUR)
    actor = actor or make_user(Role.STAFF)
    parts = grant_services.split_amount(amount=amount, percentages=list(percentages))
    specs = []
    for i, part in enumerate(parts):
        first = i == 0 and not evidence_first
        specs.append(
            grant_services.TrancheSpec(
                amount=part,
                title="Firma del acuerdo" if first else f"Hito {i + 1}",
                evidence_required="" if first else "Facturas de compra y fotos del negocio",
            )
        )
    grant = grant_services.grant_create(
        fund=fund,
        grantee=grantee,
        business_name="Arepas La Esquina",
        amount=amount,
        tranches=specs,
        actor=actor,
        budget_lines=[("Horno industrial", amount // 2), ("Insumos", amount - amount // 2)],
    )
    if offer or accept:
        grant = grant_services.grant_offer(grant=grant, actor=actor)
    if accept:
        grant = grant_services.grant_accept_agreement(
            grant=grant, user=grantee, language="es", ip="127.0.0.1"
        )
    return grant


def make_confirmed_details(user, *, rail: str = RailCode.NEQUI, **fields) -> PayoutDetails:
    """Confirmed payout details, written directly (tests of other things than the code)."""
    defaults = {"holder_name": user.full_name or "Titular", "phone": "3001234567"}
    if rail == RailCode.BANK_TRANSFER:
        defaults.update(
            bank_name="Bancolombia", account_type="savings", account_number="12345678901"
        )
    if rail == RailCode.STRIPE:
        defaults.update(stripe_account_id="acct_test", stripe_payouts_enabled=True, phone="")
    defaults.update(fields)
    from django.utils import timezone

    return PayoutDetails.objects.create(
        user=user,
        rail=rail,
        status=PayoutDetailsStatus.CONFIRMED,
        confirmed_at=timezone.now(),
        **defaults,
    )


def make_requested_payment(*, staff, fund: Fund | None = None, with_details: bool = True):
    """A payment of a grant's first tranche, requested by ``staff`` (a new grantee with
    confirmed payout details). ``with_details`` also attaches those details to the payment,
    as approving it would, so that the payments queue shows them (written directly: tests
    of the queue, not of the approval)."""
    from pitchday.models import Disbursement
    from pitchday.services import disbursements as payments

    grant = make_grant(fund=fund, accept=True)
    details = make_confirmed_details(grant.grantee)
    requested = payments.disbursement_request(tranche=grant.tranches.get(number=1), actor=staff)
    if with_details:
        Disbursement.objects.filter(pk=requested.pk).update(payout_details=details)
        requested.refresh_from_db()
    return requested


# --- pitch day ------------------------------------------------------------------------------


def make_event(
    *,
    cohort=None,
    status="open",
    min_judges=2,
    award_budget=20_000_000_00,
    fund=None,
    audience_vote=False,
    **kwargs,
):
    import datetime

    from django.utils import timezone

    from pitchday.models import PitchEvent
    from pitchday.services.events import default_rubric
    from tests.factories.cohorts import CohortFactory

    cohort = cohort or CohortFactory()
    event = PitchEvent.objects.create(
        title=kwargs.pop("title", "Día de pitch Cúcuta"),
        starts_at=timezone.now() + datetime.timedelta(days=3),
        submission_deadline=timezone.now() + datetime.timedelta(days=2),
        rubric=default_rubric(),
        status=status,
        min_judges=min_judges,
        award_budget=award_budget,
        fund=fund,
        audience_vote=audience_vote,
        venue="Cámara de Comercio",
        **kwargs,
    )
    event.cohorts.add(cohort)
    return event


def make_pitch(event, *, participant=None, ask=5_000_000_00, business_name=None):
    from django.utils import timezone

    from pitchday.models import Pitch, UseOfFundsItem
    from tests.factories.cohorts import ParticipantFactory

    participant = participant or ParticipantFactory(cohort=event.cohorts.first())
    pitch = Pitch.objects.create(
        event=event,
        participant=participant,
        business_name=business_name or f"Negocio de {participant.user.full_name}"[:150],
        summary="Vendemos arepas congeladas a tiendas de barrio.",
        video_url="https://example.org/video",
        ask_amount=ask,
        status="submitted",
        submitted_at=timezone.now(),
    )
    UseOfFundsItem.objects.create(pitch=pitch, description="Congelador", amount=ask)
    return pitch


def make_judge(event, user=None, *, accepted=True):
    from pitchday.models import Judge

    user = user or make_user(Role.JUDGE)
    return Judge.objects.create(
        event=event, user=user, status="accepted" if accepted else "invited"
    )


def score_all(judge, pitch, value):
    from pitchday.models import PitchScore

    for criterion in judge.event.rubric.criteria.all():
        PitchScore.objects.update_or_create(
            judge=judge, pitch=pitch, criterion=criterion, defaults={"value": value}
        )
