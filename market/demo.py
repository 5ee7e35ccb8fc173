"""Demo data of the market app (idempotent): three showcased businesses (pitch winners
first, then alumni), one expression of interest waiting for staff, one sponsor
contribution recorded through the Checkout webhook's handler, eight financial providers
and a referral of the demo entrepreneur."""

from __future__ import annotations

import datetime

from django.utils import timezone

from outcomes.models import Alumnus
from pitchday.models import Award, Contribution, Fund
from pitchday.services.stripe_events import event_process
from semilla.models import User

from . import services
from .models import FinancialProvider, Interest, Referral, ShowcaseProfile

NEEDS = [
    ("Un comprador mayorista para 300 paquetes a la semana.", "food"),
    ("Un crédito de $5.000.000 para una segunda máquina de coser.", "fashion"),
    ("Mentoría en ventas por internet y un local en arriendo.", "services"),
]

#: name, kind, offer, products, documents, cities, link
PROVIDERS = [
    (
        "Bancamía",
        "microfinance",
        "Microcrédito para negocios de barrio y cuenta de ahorros; asesor que visita el negocio.",
        ("microcredit", "account", "insurance"),
        ("ppt", "pep", "cedula_extranjeria"),
        "Todo el país",
        "https://www.bancamia.com.co/",
    ),
    (
        "Banco W",
        "microfinance",
        "Microcrédito para capital de trabajo y activos; ahorro programado.",
        ("microcredit", "account"),
        ("ppt", "cedula_extranjeria"),
        "Todo el país",
        "https://www.bancow.com.co/",
    ),
    (
        "Fundación de la Mujer",
        "microfinance",
        "Microcrédito para mujeres emprendedoras y microseguros.",
        ("microcredit", "insurance"),
        ("ppt", "pep", "cedula_extranjeria"),
        "Todo el país",
        "https://www.fundaciondelamujer.com/",
    ),
    (
        "Nequi",
        "fintech",
        "Billetera digital desde el celular: recibir pagos, ahorrar en bolsillos.",
        ("wallet",),
        ("ppt", "cedula_extranjeria"),
        "Todo el país",
        "https://www.nequi.com.co/",
    ),
    (
        "Daviplata",
        "fintech",
        "Billetera digital para recibir pagos y subsidios; retiros en cajeros sin tarjeta.",
        ("wallet",),
        ("ppt", "cedula_extranjeria"),
        "Todo el país",
        "https://www.daviplata.com/",
    ),
    (
        "Bancolombia",
        "bank",
        "Cuenta de ahorros y crédito para negocios con historial.",
        ("account", "business_loan"),
        ("ppt", "cedula_extranjeria", "passport"),
        "Todo el país",
        "https://www.bancolombia.com/",
    ),
    (
        "Banco Agrario de Colombia",
        "bank",
        "Crédito para negocios del campo y cuenta de ahorros en municipios pequeños.",
        ("account", "microcredit", "business_loan"),
        ("ppt", "cedula_extranjeria"),
        "Todo el país",
        "https://www.bancoagrario.gov.co/",
    ),
    (
        "Cooperativa Coomeva",
        "cooperative",
        "Ahorro y crédito para asociados; educación financiera.",
        ("account", "microcredit"),
        ("cedula_extranjeria", "ppt"),
        "Bogotá, Cali, Medellín, Barranquilla, Bucaramanga, Cartagena",
        "https://www.coomeva.com.co/",
    ),
]


def seed(*, stdout=None) -> None:
    _providers()
    profiles = _showcase()
    _interest(profiles)
    _contribution()
    _referral()
    if stdout is not None:
        stdout.write(
            f"  market: {len(profiles)} showcased businesses, an interest, providers, a referral"
        )


def _providers() -> None:

    for order, (name, kind, offer, products, documents, cities, link) in enumerate(PROVIDERS):
        if FinancialProvider.objects.filter(name=name).exists():
            continue
        FinancialProvider.objects.create(
            name=name,
            kind=kind,
            offer=offer,
            cities=cities,
            link=link,
            sort_order=order,
            **{f"offers_{p}": True for p in products},
            **{f"accepts_{d}": True for d in documents},
        )


def _showcase() -> list:

    existing = list(ShowcaseProfile.objects.filter(listed=True).order_by("pk")[:3])
    if existing:
        return existing
    awards = Award.objects.filter(grant__isnull=False).select_related("pitch__participant__user")
    people = [(a.pitch.participant.user, a.pitch.business_name) for a in awards]
    people.extend(
        (alumnus.user, alumnus.business_name or f"Negocio de {alumnus.user}")
        for alumnus in Alumnus.objects.select_related("user").order_by("pk")[:3]
    )
    unique: dict[int, tuple] = {}
    for user, business in people:
        unique.setdefault(user.pk, (user, business))
    profiles = []
    for (user, business), (needs, sector) in zip(list(unique.values())[:3], NEEDS, strict=False):
        profiles.append(
            services.showcase_save(
                user=user,
                card={
                    "business_name": business[:150],
                    "city": user.city or "cucuta",
                    "sector": sector,
                    "summary": "Negocio acompañado por Semilla: formación, mentoría y "
                    "capital semilla.",
                    "needs": needs,
                },
                listed=True,
            )
        )
    return profiles


def _interest(profiles) -> None:

    if not profiles or Interest.objects.exists():
        return
    services.interest_submit(
        profile=profiles[0],
        kind="buyer",
        name="Lucía Restrepo (demo)",
        organisation="Tiendas del Barrio S.A.S. (demo)",
        email="compras@tiendas.demo.semilla.co",
        message="Buscamos un proveedor fijo para nuestras 12 tiendas. ¿Podemos conversar?",
    )


def _contribution() -> None:
    """A sponsor's contribution recorded the way production records one: a Checkout
    session completed, processed by the webhook's handler (the ledger gets the entry)."""

    fund = Fund.objects.filter(accepts_contributions=True).order_by("pk").first()
    if fund is None or Contribution.objects.filter(sponsor_email__endswith="demo.semilla.co"):
        return
    session_id = "cs_demo_semilla_0001"
    contribution = Contribution.objects.create(
        fund=fund,
        amount=2_500_000_00,
        currency=fund.currency,
        sponsor_name="Fundación Aliada (demo)",
        sponsor_email="aportes@aliada.demo.semilla.co",
        checkout_session_id=session_id,
    )
    event_process(
        event={
            "id": "evt_demo_semilla_0001",
            "type": "checkout.session.completed",
            "created": int(timezone.now().timestamp()),
            "data": {
                "object": {
                    "id": session_id,
                    "object": "checkout.session",
                    "payment_status": "paid",
                    "amount_total": contribution.amount,
                    "currency": fund.currency.lower(),
                }
            },
        },
        source="webhook",
    )


def _referral() -> None:

    user = User.objects.filter(email="emprendedora@demo.semilla.co").first()
    staff = User.objects.filter(email="equipo@demo.semilla.co").first()
    provider = FinancialProvider.objects.filter(name="Bancamía").first()
    if user is None or staff is None or provider is None or Referral.objects.filter(user=user):
        return
    services.referral_create(
        user=user,
        provider=provider,
        product="microcredit",
        referred_on=timezone.localdate() - datetime.timedelta(days=10),
        actor=staff,
        note="Remitida tras el taller de finanzas (demo).",
    )
