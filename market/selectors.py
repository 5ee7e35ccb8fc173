"""Reads of the market app, scoped to who asks, with a fixed number of queries."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from outcomes.models import Alumnus
from pitchday import money
from pitchday.enums import GrantStatus
from pitchday.models import Award, Grant
from pitchday.money import GrantBalance
from semilla.models import User

from .enums import AcceptedDocument, InterestStatus, Product
from .models import FinancialProvider, Interest, Referral, ShowcaseProfile

#: what the public list shows of each business (never the person)
_PUBLIC_FIELDS = ("business_name", "city", "sector", "needs", "event__title", "event__starts_at")
#: grants that count as "granted" on the showcase (offered and later; never drafts or
#: cancelled ones)
GRANTED = (GrantStatus.OFFERED, GrantStatus.ACTIVE, GrantStatus.COMPLETED)


def showcase_list(*, city: str = "", sector: str = "", q: str = "") -> list[ShowcaseProfile]:
    """Listed businesses, newest pitch event first (businesses of no event last), in one
    query whatever their number."""
    profiles = ShowcaseProfile.objects.filter(listed=True).select_related("event")
    if city:
        profiles = profiles.filter(city=city)
    if sector:
        profiles = profiles.filter(sector=sector)
    if q:
        profiles = profiles.filter(
            Q(business_name__icontains=q) | Q(summary__icontains=q) | Q(needs__icontains=q)
        )
    return list(
        profiles.only(*_PUBLIC_FIELDS).order_by(
            "-event__starts_at", "event_id", "business_name", "pk"
        )[:300]
    )


def showcase_get_public(*, pk: int) -> ShowcaseProfile | None:
    return ShowcaseProfile.objects.filter(pk=pk, listed=True).select_related("event").first()


def showcase_granted(*, profile: ShowcaseProfile) -> list[GrantBalance]:
    """The seed grants of the business's owner, with their figures from the ledger's read
    model (two queries)."""
    ids = list(
        Grant.objects.filter(grantee_id=profile.user_id, status__in=GRANTED)
        .order_by("created_at")
        .values_list("pk", flat=True)
    )
    balances = money.grant_balances(grant_ids=ids) if ids else {}
    return [balances[pk] for pk in ids]


def showcase_for(*, user: User) -> ShowcaseProfile | None:
    return ShowcaseProfile.objects.filter(user=user).first()


def latest_award(*, user: User) -> Award | None:
    """The person's most recent confirmed award (a pitch winner), if any."""
    return (
        Award.objects.filter(pitch__participant__user=user, grant__isnull=False)
        .select_related("event", "pitch")
        .order_by("-event__starts_at")
        .first()
    )


def showcase_eligible(*, user: User) -> bool:
    """Pitch winners and alumni may show their business."""

    return (
        Award.objects.filter(pitch__participant__user=user, grant__isnull=False).exists()
        or Alumnus.objects.filter(user=user).exists()
    )


def interests_for_owner(*, user: User) -> QuerySet[Interest]:
    """Interests in the person's own business that staff sent on to her."""
    return (
        Interest.objects.filter(profile__user=user)
        .exclude(status__in=[InterestStatus.NEW, InterestStatus.CLOSED])
        .order_by("-created_at", "-pk")
    )


def interest_get_for_owner(*, user: User, pk: int) -> Interest | None:
    return interests_for_owner(user=user).filter(pk=pk).first()


def interest_queue(*, status: str = "") -> QuerySet[Interest]:
    """Staff: every interest (the open ones first), with its business and owner."""
    interests = Interest.objects.select_related("profile__user")
    if status in InterestStatus.values:
        interests = interests.filter(status=status)
    return interests.order_by("-created_at", "-pk")


def interest_get_for_staff(*, pk: int) -> Interest | None:
    return (
        Interest.objects.select_related("profile__user", "introduced_by")
        .prefetch_related("history__actor")
        .filter(pk=pk)
        .first()
    )


def providers_public(*, product: str = "", document: str = "") -> list[FinancialProvider]:
    providers = FinancialProvider.objects.filter(published=True)
    if product in Product.values:
        providers = providers.filter(**{f"offers_{product}": True})
    if document in AcceptedDocument.values:
        providers = providers.filter(**{f"accepts_{document}": True})
    return list(providers.order_by("sort_order", "name"))


def referrals_for(*, user: User) -> QuerySet[Referral]:
    return Referral.objects.filter(user=user).select_related("provider")


def referral_queue() -> QuerySet[Referral]:
    return Referral.objects.select_related("provider", "user").order_by("-referred_on", "-pk")


def referral_get_for(*, user: User, pk: int, staff: bool) -> Referral | None:
    referrals = Referral.objects.select_related("provider")
    if not staff:
        referrals = referrals.filter(user=user)
    return referrals.filter(pk=pk).first()
