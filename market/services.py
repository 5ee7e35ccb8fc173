"""Every write of the market app: the showcase card and its consent, expressions of
interest and their route (staff → entrepreneur → introduction), referrals to financial
providers. Statuses move only through ``semilla.transitions``; people are told only
through ``semilla.notifications.notify``; the anonymous page cache is dropped after a
change of what the public pages show."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from semilla import pagecache_middleware
from semilla.enums import MessageKind, Role
from semilla.errors import ServiceError
from semilla.notifications import notify
from semilla.resubmission import sent_again
from semilla.transitions import record, transition
from semilla.upload_pipeline import CleanUpload

from . import selectors
from .enums import INTEREST, REFERRAL, InterestStatus, Product, ReferralStatus
from .models import FinancialProvider, Interest, Referral, ShowcaseProfile
from .photos import downscale

CARD_FIELDS = ("business_name", "city", "sector", "summary", "needs")


def _drop_page_cache() -> None:
    transaction.on_commit(pagecache_middleware.invalidate)


def _staff_users() -> list[Any]:
    """Active staff (who route expressions of interest), one query."""
    return list(
        get_user_model()
        .objects.filter(groups__name=Role.STAFF.value, is_active=True)
        .order_by("pk")
        .distinct()
    )


def _path(user: Any, name: str, *args: Any) -> str:
    with translation.override(getattr(user, "language", "") or settings.LANGUAGE_CODE):
        return reverse(name, args=args)


# --- the showcase ----------------------------------------------------------------------------


@transaction.atomic(durable=True)
def showcase_save(
    *,
    user: Any,
    card: dict[str, str],
    listed: bool,
    photo: CleanUpload | None = None,
    remove_photo: bool = False,
) -> ShowcaseProfile:
    """Create or change the person's showcase card. ``listed`` gives (or keeps) the
    showcase consent, recorded with its time and the privacy policy's version; unticking it
    withdraws the consent and the card leaves the public pages at once."""
    if not selectors.showcase_eligible(user=user):
        raise ServiceError(_("The showcase is for pitch winners and alumni of Semilla."))
    profile = ShowcaseProfile.objects.select_for_update().filter(user=user).first()
    if profile is None:
        profile = ShowcaseProfile(user=user)
    for name in CARD_FIELDS:
        setattr(profile, name, card[name].strip() if isinstance(card[name], str) else card[name])
    award = selectors.latest_award(user=user)
    if award is not None:
        profile.event = award.event
    now = timezone.now()
    if listed and not profile.listed:
        profile.consented_at = now
        profile.consent_version = settings.PRIVACY_POLICY_VERSION
        profile.withdrawn_at = None
    elif not listed and profile.listed:
        profile.withdrawn_at = now
    profile.listed = listed
    old_photo = profile.photo.name if profile.photo else ""
    if photo is not None:
        profile.photo.save("photo.jpg", downscale(photo), save=False)
    elif remove_photo:
        profile.photo = ""
    profile.save()
    if old_photo and old_photo != (profile.photo.name if profile.photo else ""):
        storage = profile.photo.storage
        transaction.on_commit(lambda: storage.delete(old_photo))
    _drop_page_cache()
    return profile


@transaction.atomic(durable=True)
def showcase_withdraw(*, user: Any) -> ShowcaseProfile:
    """Withdraw the showcase consent: the card leaves the public pages at once (the page
    cache is dropped after commit)."""
    profile = ShowcaseProfile.objects.select_for_update().filter(user=user).first()
    if profile is None:
        raise ServiceError(_("You have no showcase card."))
    if profile.listed:
        profile.listed = False
        profile.withdrawn_at = timezone.now()
        profile.save(update_fields=["listed", "withdrawn_at", "updated_at"])
        _drop_page_cache()
    return profile


# --- expressions of interest -------------------------------------------------------------------


@transaction.atomic(durable=True)
def interest_submit(
    *,
    profile: ShowcaseProfile,
    kind: str,
    name: str,
    organisation: str,
    email: str,
    message: str,
) -> Interest:
    """An investor, buyer or mentor writes about a showcased business. It waits for staff;
    nobody outside staff sees it yet, and the entrepreneur's contacts are not given."""
    locked = ShowcaseProfile.objects.select_for_update().filter(pk=profile.pk).first()
    if locked is None or not locked.listed:
        raise ServiceError(_("This business is no longer in the showcase."))
    # the same message sent again (a double click on "Send", the browser sending the form
    # twice): the profile's row lock orders the two requests, the second finds the first
    repeat = sent_again(
        Interest.objects.filter(
            profile=locked, email__iexact=email.strip(), message=message.strip()
        ),
        at="created_at",
    )
    if repeat is not None:
        return repeat
    interest = Interest.objects.create(
        profile=locked,
        kind=kind,
        name=name.strip(),
        organisation=organisation.strip(),
        email=email.strip(),
        message=message.strip(),
    )
    record(interest, machine=INTEREST, to_status=InterestStatus.NEW)
    for user in _staff_users():
        notify(
            user=user,
            template="market/interest_new",
            context={
                "business": locked.business_name,
                "kind": interest.kind,
                "organisation": interest.organisation or interest.name,
                "url": _path(user, "market:desk_interest", interest.pk),
            },
            key=f"market-interest-new:{interest.pk}:user-{user.pk}",
            kind=MessageKind.ACCOUNT,
        )
    return interest


@transaction.atomic(durable=True)
def interest_route(*, interest: Interest, actor: Any, note: str = "") -> Interest:
    """Staff send the interest on: the entrepreneur is told and asked whether she wants
    the introduction."""
    transition(interest, machine=INTEREST, to=InterestStatus.ROUTED, actor=actor, note=note)
    owner = interest.profile.user
    notify(
        user=owner,
        template="market/interest_received",
        context={
            "business": interest.profile.business_name,
            "kind": interest.kind,
            "organisation": interest.organisation,
            "url": _path(owner, "market:my_showcase"),
        },
        key=f"market-interest-routed:{interest.pk}",
        kind="grant",
    )
    return interest


@transaction.atomic(durable=True)
def interest_close(*, interest: Interest, actor: Any, note: str = "") -> Interest:
    """Staff close an interest that will not be sent on (spam, a duplicate)."""
    return transition(interest, machine=INTEREST, to=InterestStatus.CLOSED, actor=actor, note=note)


@transaction.atomic(durable=True)
def interest_answer(*, interest: Interest, user: Any, agree: bool) -> Interest:
    """The entrepreneur agrees to be introduced, or declines (then nothing about her is
    ever given)."""
    if interest.profile.user_id != user.pk:
        raise ServiceError(_("Only the owner of the business can answer."))
    to = InterestStatus.AGREED if agree else InterestStatus.DECLINED
    current = Interest.objects.select_for_update().get(pk=interest.pk)
    if current.status == to:
        # the same answer again (a double click): it stands, with no "not possible" error
        return current
    return transition(
        interest, machine=INTEREST, to=to, actor=user, fields={"answered_at": timezone.now()}
    )


@transaction.atomic(durable=True)
def interest_introduce(*, interest: Interest, actor: Any, note: str = "") -> Interest:
    """Staff send the introduction, only after the entrepreneur agreed (the status table
    refuses it otherwise): she receives the supporter's name, organisation, e-mail and
    message, and staff answer the supporter with her agreement. Recorded with who and when."""
    transition(
        interest,
        machine=INTEREST,
        to=InterestStatus.INTRODUCED,
        actor=actor,
        note=note,
        fields={"introduced_at": timezone.now(), "introduced_by": actor},
    )
    owner = interest.profile.user
    notify(
        user=owner,
        template="market/introduction",
        context={
            "business": interest.profile.business_name,
            "kind": interest.kind,
            "name": interest.name,
            "organisation": interest.organisation,
            "email": interest.email,
            "message": interest.message,
            "url": _path(owner, "market:my_showcase"),
        },
        key=f"market-introduction:{interest.pk}",
        kind="grant",
    )
    return interest


# --- referrals ---------------------------------------------------------------------------------


@transaction.atomic(durable=True)
def referral_create(
    *,
    user: Any,
    provider: FinancialProvider,
    product: str,
    referred_on: datetime.date,
    actor: Any,
    note: str = "",
) -> Referral:
    """Record a referral of ``user`` to ``provider`` for ``product`` (by staff or by the
    person herself)."""
    if product not in Product.values or not getattr(provider, f"offers_{product}"):
        raise ServiceError(_("This provider does not offer that product."))
    if referred_on > timezone.localdate():
        raise ServiceError(_("The date of a referral cannot be in the future."))
    # one referral per person, provider, product and day: the same form sent twice (a
    # double click on "Save") is the referral already recorded. The person's row lock
    # orders two such requests.
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    same = Referral.objects.filter(
        user=user, provider=provider, product=product, referred_on=referred_on
    ).first()
    if same is not None:
        return same
    referral = Referral.objects.create(
        user=user,
        provider=provider,
        product=product,
        referred_on=referred_on,
        note=note.strip(),
        created_by=actor,
    )
    record(referral, machine=REFERRAL, to_status=ReferralStatus.REFERRED, actor=actor)
    return referral


@transaction.atomic(durable=True)
def referral_move(*, referral: Referral, to: str, actor: Any, note: str = "") -> Referral:
    """The referral's outcome: applied, then approved or declined. The same outcome again
    (a double click) stands, with no "not possible" error."""
    current = Referral.objects.select_for_update().get(pk=referral.pk)
    if current.status == to:
        return current
    return transition(referral, machine=REFERRAL, to=to, actor=actor, note=note)
