"""Demo data for pitch day and seed grants (idempotent; runs after the cohorts demo).

- "Fondo Semilla 2026 (demo)" with budget, grants at every stage (draft, offered, active,
  completed, cancelled) and a tranche paid through a recorded rail (Nequi), so no network
  is needed.
- A past pitch event with scores, comments, published results and awards; an upcoming
  one open for submissions where jurado@demo.semilla.co is a judge.
- emprendedora@ has a grant with the agreement accepted and tranche 1 paid; finanzas@ has
  a disbursement awaiting approval, requested by equipo@.
"""

import datetime
import io
import random

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone

from cohorts.models import Cohort, Participant
from semilla.demo import DEMO_PASSWORD
from semilla.enums import Role
from semilla.models import PrimaryEmailChange, User

from .enums import EventStatus, RailCode
from .models import Fund, Grant, Judge, PayoutDetails, Pitch, PitchEvent, UseOfFundsItem
from .selectors.events import event_results
from .services import disbursements as pay
from .services import events as svc
from .services import grants as grant_svc
from .services.grants import fund_create

FUND_NAME = "Fondo Semilla 2026 (demo)"
PAST_TITLE = "Día de pitch Cúcuta · Cohorte 2026-I"
UPCOMING_TITLE = "Día de pitch Cúcuta · Cohorte 2026-II"
EXTRA_JUDGES = [
    ("jurado.andrea@demo.semilla.co", "Andrea Villamizar"),
    ("jurado.luis@demo.semilla.co", "Luis Eduardo Contreras"),
]
BUSINESSES = [
    "Arepas La Guaira",
    "Costura Fina Yajaira",
    "Barbería El Catire",
    "Tortas Doña Carmen",
    "Reparaciones TecnoFix",
    "Café de la Frontera",
    "Chicha y Tequeños Maracucho",
    "Uñas y Estilo Milagros",
]
USES = [
    ("Horno industrial", 45),
    ("Materia prima (3 meses)", 30),
    ("Publicidad en redes", 15),
    ("Registro en Cámara de Comercio", 10),
]


def _user(email):
    return User.objects.filter(email=email).first()


def _demo_judge(email, name):
    user, created = User.objects.get_or_create(
        email=email, defaults={"full_name": name, "is_demo": True, "city": "cucuta"}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    user.groups.add(Group.objects.get_or_create(name=Role.JUDGE.value)[0])
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def seed(*, stdout=None) -> None:
    if Fund.objects.filter(name=FUND_NAME).exists():
        return
    staff, finance = _user("equipo@demo.semilla.co"), _user("finanzas@demo.semilla.co")
    admin = _user("admin@demo.semilla.co")
    if staff is None or finance is None or admin is None:
        return
    rng = random.Random(2026)  # noqa: S311 - demo data
    fund = _seed_fund(finance)
    _seed_events(rng, staff, admin, fund)
    if stdout is not None:
        stdout.write(
            f"  pitchday: {PitchEvent.objects.count()} events, {Grant.objects.count()} grants"
        )


def _seed_fund(finance):
    return fund_create(
        name=FUND_NAME,
        currency="COP",
        budget=300_000_000_00,
        actor=finance,
        donor="Fondo para la Inclusión Económica (demo)",
        description="Capital semilla para los negocios ganadores del día de "
        "pitch, pagado por tramos contra hitos.",
        accepts_contributions=True,
    )


def _participants(cohort, count):
    return list(
        Participant.objects.filter(cohort=cohort).select_related("user").order_by("pk")[:count]
    )


def _seed_events(rng, staff, admin, fund):
    emprendedora = _user("emprendedora@demo.semilla.co")
    mine = Participant.objects.filter(user=emprendedora).select_related("cohort").first()
    cohort = mine.cohort if mine else Cohort.objects.filter(participants__isnull=False).first()
    if cohort is None:
        return
    now = timezone.now()
    rubric = svc.default_rubric()
    past = PitchEvent.objects.create(
        title=PAST_TITLE,
        starts_at=now - datetime.timedelta(days=20),
        submission_deadline=now - datetime.timedelta(days=22),
        rubric=rubric,
        venue="Cámara de Comercio de Cúcuta, Av. 5 #8-54",
        min_judges=3,
        award_budget=40_000_000_00,
        fund=fund,
        audience_vote=True,
        winners_public=True,
        status=EventStatus.SCORING,
    )
    past.cohorts.add(cohort)
    participants = _participants(cohort, 6)
    if mine and mine not in participants:
        participants = [mine, *participants[:5]]
    pitches = []
    for i, participant in enumerate(participants):
        ask = rng.choice([8, 10, 12, 15]) * 1_000_000_00
        pitch = Pitch.objects.create(
            event=past,
            participant=participant,
            business_name=BUSINESSES[i % len(BUSINESSES)],
            summary="Negocio familiar con clientes fijos en el barrio; queremos crecer con "
            "equipos propios y vender por WhatsApp a domicilio.",
            video_url="https://www.youtube.com/watch?v=demo",
            ask_amount=ask,
            status="submitted",
            submitted_at=now - datetime.timedelta(days=23),
            running_order=i + 1,
        )
        UseOfFundsItem.objects.bulk_create(
            [UseOfFundsItem(pitch=pitch, description=d, amount=ask * p // 100) for d, p in USES]
        )
        pitches.append(pitch)
    judges = [
        _user("jurado@demo.semilla.co"),
        *[_demo_judge(email, name) for email, name in EXTRA_JUDGES],
    ]
    judge_rows = [
        Judge.objects.create(event=past, user=u, status="accepted", responded_at=now)
        for u in judges
        if u
    ]
    criteria = list(rubric.criteria.all())
    for j, judge in enumerate(judge_rows):
        bias = (-2, 0, 1)[j % 3]
        for k, pitch in enumerate(pitches):
            quality = 9 - k  # the first pitch (emprendedora's) is the strongest
            for criterion in criteria:
                value = max(1, min(10, quality + bias + rng.choice([-1, 0, 0, 1])))
                svc.score_record(judge=judge, pitch=pitch, criterion=criterion, value=value)
            svc.comment_record(
                judge=judge,
                pitch=pitch,
                text=rng.choice(
                    [
                        "Muy buen conocimiento de sus clientes; falta detallar los costos.",
                        "El uso de fondos es concreto. Recomiendo formalizar el negocio pronto.",
                        "Presentación clara. Buen potencial de ventas por domicilio.",
                    ]
                ),
            )
    svc.event_transition(event=past, to=EventStatus.LOCKED, actor=staff)
    svc.event_transition(event=past, to=EventStatus.PUBLISHED, actor=staff)
    _seed_awards(past, pitches, staff, admin, emprendedora)

    upcoming = PitchEvent.objects.create(
        title=UPCOMING_TITLE,
        starts_at=now + datetime.timedelta(days=12),
        submission_deadline=now + datetime.timedelta(days=9),
        rubric=rubric,
        venue="Biblioteca Pública Julio Pérez Ferrero, Cúcuta",
        online_url="https://meet.jit.si/semilla-pitch-demo",
        min_judges=2,
        award_budget=30_000_000_00,
        fund=fund,
        status=EventStatus.OPEN,
    )
    other = Cohort.objects.exclude(pk=cohort.pk).filter(participants__isnull=False).first()
    upcoming.cohorts.add(other or cohort)
    for i, participant in enumerate(_participants(other or cohort, 4)[:3]):
        pitch = Pitch.objects.create(
            event=upcoming,
            participant=participant,
            business_name=BUSINESSES[-1 - i],
            summary="Servicio a domicilio con agenda por WhatsApp.",
            ask_amount=6_000_000_00,
            status="submitted" if i < 2 else "draft",
            submitted_at=now if i < 2 else None,
        )
        pitch.deck.save("deck.pdf", ContentFile(_demo_deck()), save=True)
        UseOfFundsItem.objects.create(pitch=pitch, description="Equipos", amount=6_000_000_00)
    jurado = _user("jurado@demo.semilla.co")
    if jurado is not None:
        Judge.objects.create(event=upcoming, user=jurado, status="accepted", responded_at=now)
    for email, name in EXTRA_JUDGES[:1]:
        Judge.objects.create(event=upcoming, user=_demo_judge(email, name))


def _seed_awards(event, pitches, staff, admin, emprendedora):
    """Awards for the top three (confirmed -> grants), then each grant to its stage."""

    ranked = [r for r in event_results(event=event)["rows"] if r["result"].rank][:3]
    amounts = [15_000_000_00, 12_000_000_00, 10_000_000_00]
    svc.awards_save(
        event=event,
        ranks={r["pitch"].pk: r["result"].rank for r in ranked},
        allocation={r["pitch"].pk: a for r, a in zip(ranked, amounts, strict=False)},
        actor=staff,
    )
    grants = svc.awards_confirm(event=event, actor=staff)
    finance = _user("finanzas@demo.semilla.co")
    for grant in grants:
        grantee = grant.grantee
        if grantee == emprendedora or grant is grants[0]:
            # Active: agreement accepted, payout details confirmed, tranche 1 paid by Nequi.
            grant_svc.grant_accept_agreement(
                grant=grant, user=grantee, language="es", ip="127.0.0.1"
            )
            _confirmed_details(grantee, RailCode.NEQUI, phone="3104567890")
            d = pay.disbursement_request(tranche=grant.tranches.get(number=1), actor=staff)
            pay.disbursement_approve(disbursement=d, actor=admin)
            pay.disbursement_execute(disbursement_id=d.pk)
            pay.disbursement_record_payment(
                disbursement=d,
                actor=finance,
                reference="NEQUI-M4839201",
                proof=ContentFile(_demo_deck(), name="c.pdf"),
            )
        elif grant is grants[1]:
            # Active with a payment requested by equipo@, waiting for finanzas@.
            grant_svc.grant_accept_agreement(
                grant=grant, user=grantee, language="es", ip="127.0.0.1"
            )
            _confirmed_details(
                grantee,
                RailCode.BANK_TRANSFER,
                bank_name="Bancolombia",
                account_type="savings",
                account_number="91230045678",
            )
            pay.disbursement_request(tranche=grant.tranches.get(number=1), actor=staff)
        else:
            # Offered (agreement not accepted yet); the grantee changed her e-mail address
            # yesterday and then entered Daviplata details: no code goes to an address that
            # new, so the details wait for staff (console -> Payout details to confirm).
            _held_details(grantee)
    fund = event.fund
    others = [p.participant.user for p in pitches[3:5]]
    if len(others) == 2:
        spec = [
            grant_svc.TrancheSpec(2_000_000_00, "Compra de insumos", evidence_required="Facturas")
        ]
        # Two drafts of the same size: the first stays a draft, the second is offered and
        # then cancelled.
        _draft, withdrawn = [
            grant_svc.grant_create(
                fund=fund,
                grantee=grantee,
                business_name=pitch.business_name,
                amount=2_000_000_00,
                tranches=spec,
                actor=staff,
            )
            for grantee, pitch in zip(others, pitches[3:5], strict=True)
        ]
        cancelled = grant_svc.grant_offer(grant=withdrawn, actor=staff)
        grant_svc.grant_cancel(
            grant=cancelled, actor=staff, note="La emprendedora cerró el negocio y desistió."
        )
        # A completed one-tranche grant (paid in cash, recorded).
        done = grant_svc.grant_offer(
            grant=grant_svc.grant_create(
                fund=fund,
                grantee=others[0],
                business_name=pitches[3].business_name + " (2025)",
                amount=1_000_000_00,
                tranches=[grant_svc.TrancheSpec(1_000_000_00, "Firma")],
                actor=staff,
            ),
            actor=staff,
        )
        grant_svc.grant_accept_agreement(grant=done, user=others[0], language="es", ip=None)
        if not PayoutDetails.objects.filter(user=others[0], status="confirmed").exists():
            _confirmed_details(others[0], RailCode.CASH)
        d = pay.disbursement_request(tranche=done.tranches.get(), actor=staff)
        pay.disbursement_approve(disbursement=d, actor=finance)
        pay.disbursement_execute(disbursement_id=d.pk)
        pay.disbursement_record_payment(disbursement=d, actor=finance, reference="RECIBO-0042")


def _held_details(user):
    change = PrimaryEmailChange.objects.create(
        user=user, previous_email=user.email.replace("@", ".anterior@", 1)
    )
    PrimaryEmailChange.objects.filter(pk=change.pk).update(
        changed_at=timezone.now() - datetime.timedelta(days=1)
    )
    return grant_svc.payout_details_submit(
        user=user,
        rail=RailCode.DAVIPLATA,
        holder_name=user.get_full_name(),
        phone="3157654321",
    )


def _confirmed_details(user, rail, **fields):
    return PayoutDetails.objects.create(
        user=user,
        rail=rail,
        holder_name=user.get_full_name(),
        status="confirmed",
        confirmed_at=timezone.now(),
        **fields,
    )


def _demo_deck() -> bytes:
    """A one-page PDF (the upload pipeline accepts only PDFs it can read)."""

    # lazy: pypdf is heavy and only this path needs it
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
