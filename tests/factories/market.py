"""Factories for the market app: a pitch winner with her showcase card, interests,
financial providers and referrals."""

from __future__ import annotations

import datetime

from market.enums import InterestKind, InterestStatus, ProviderKind
from market.models import FinancialProvider, Interest, Referral, ShowcaseProfile
from semilla.enums import City, Sector


def make_winner(*, event=None, business_name: str | None = None, amount: int = 8_000_000_00):
    """A participant whose pitch won an award that became a seed grant: (user, award)."""
    from pitchday.models import Award
    from tests.factories.pitchday import make_event, make_grant, make_pitch

    event = event or make_event(status="published")
    pitch = make_pitch(event, business_name=business_name)
    user = pitch.participant.user
    grant = make_grant(grantee=user, amount=amount)
    rank = Award.objects.filter(event=event).count() + 1
    award = Award.objects.create(event=event, pitch=pitch, rank=rank, amount=amount, grant=grant)
    return user, award


def make_profile(
    *,
    user=None,
    event=None,
    listed: bool = True,
    business_name: str = "Arepas La Guaira",
    city: str = City.CUCUTA,
    sector: str = Sector.FOOD,
    **fields,
) -> ShowcaseProfile:
    from django.utils import timezone

    if user is None:
        user, award = make_winner(event=event, business_name=business_name)
        event = award.event
    return ShowcaseProfile.objects.create(
        user=user,
        event=event,
        business_name=business_name,
        city=city,
        sector=sector,
        summary=fields.pop("summary", "Arepas congeladas para tiendas de barrio."),
        needs=fields.pop("needs", "Un comprador mayorista y un congelador."),
        listed=listed,
        consented_at=timezone.now() if listed else None,
        **fields,
    )


def make_interest(
    *, profile=None, status: str = InterestStatus.NEW, kind: str = InterestKind.BUYER, **fields
) -> Interest:
    profile = profile or make_profile()
    return Interest.objects.create(
        profile=profile,
        kind=kind,
        name=fields.pop("name", "Marta Compradora"),
        organisation=fields.pop("organisation", "Supermercados del Norte"),
        email=fields.pop("email", "marta@compras.example.org"),
        message=fields.pop("message", "Queremos comprar 200 paquetes a la semana."),
        status=status,
        **fields,
    )


def make_provider(name: str = "Banco Ejemplo", **fields) -> FinancialProvider:
    defaults = {
        "kind": ProviderKind.BANK,
        "offer": "Cuenta de ahorros sin cuota de manejo.",
        "offers_account": True,
        "offers_microcredit": True,
        "accepts_ppt": True,
        "cities": "Todo el país",
        "link": "https://example.org/banco",
    }
    return FinancialProvider.objects.create(name=name, **{**defaults, **fields})


def make_referral(*, user, provider=None, actor=None, **fields) -> Referral:
    provider = provider or make_provider()
    return Referral.objects.create(
        user=user,
        provider=provider,
        product=fields.pop("product", "microcredit"),
        referred_on=fields.pop("referred_on", datetime.date(2026, 11, 20)),
        created_by=actor or user,
        **fields,
    )
