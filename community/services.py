"""Writes of the community app: the guides' daily review reminder; employer partners
(registration, review, profile), their posts, the answers to them, and the hires and
purchase orders staff record."""

import datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from cohorts.enums import ParticipantStatus
from cohorts.models import Participant
from curriculum import pagecache
from semilla.enums import City, MessageKind, Role
from semilla.errors import ServiceError
from semilla.notifications import notify
from semilla.resubmission import sent_again
from semilla.transitions import record, transition

from . import selectors
from .enums import PARTNER, POST, PartnerStatus, PostStatus
from .models import (
    EmployerMembership,
    EmployerPartner,
    Hire,
    PartnerCommitment,
    PartnerPost,
    PostAnswer,
    PurchaseOrder,
)

#: A guide that became overdue this many days ago or less drops the page cache, so readers
#: see its "under review" notice (a daily task: two days cover one missed run).
NEWLY_OVERDUE_DAYS = 2


@transaction.atomic(durable=True)
def guides_review_remind(*, today: datetime.date) -> int:
    """Scheduled daily: tell programme staff, once a day, which guides are overdue for
    review or due within ``selectors.REVIEW_HORIZON_DAYS`` days; drop the page cache when a
    guide has just become overdue. Returns the number of guides listed."""

    guides = list(selectors.guides_due_for_review(today=today))
    newly_overdue = [
        g
        for g in guides
        if today - datetime.timedelta(days=NEWLY_OVERDUE_DAYS) <= g.review_by < today
    ]
    if newly_overdue:
        transaction.on_commit(pagecache.invalidate)
    if not guides:
        return 0
    items = [
        {
            "title": g.title,
            "review_by": g.review_by.isoformat(),
            "overdue": g.review_by < today,
            "edit_path": reverse("wagtailadmin_pages:edit", args=[g.pk]),
        }
        for g in guides
    ]
    staff = (
        get_user_model()
        .objects.filter(groups__name=Role.STAFF.value, is_active=True)
        .order_by("pk")
        .distinct()
    )
    for user in staff:
        notify(
            user=user,
            template="community/guides_due",
            context={"guides": items, "today": today.isoformat()},
            key=f"guides-due:{today.isoformat()}:user-{user.pk}",
        )
    return len(guides)


# --- employer partners ----------------------------------------------------------------------


class EmployerError(ServiceError):
    """A refused action on employer partners, their posts or the answers to them."""


def _staff_users():
    return (
        get_user_model()
        .objects.filter(groups__name=Role.STAFF.value, is_active=True)
        .order_by("pk")
        .distinct()
    )


def _unique_slug(name: str) -> str:
    base = slugify(name)[:60] or "empresa"
    slug, n = base, 1
    while EmployerPartner.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _drop_public_pages() -> None:
    """The public partner pages change: drop the anonymous page cache now and again once
    the change is committed (a reader between the two would keep the old page)."""

    pagecache.invalidate()
    transaction.on_commit(pagecache.invalidate)


@transaction.atomic(durable=True)
def partner_register(
    *,
    name: str,
    nit: str,
    city: str,
    sector: str,
    size: str,
    contact_name: str,
    contact_email: str,
    contact_phone: str = "",
    motivation: str = "",
    applicant: Any = None,
) -> EmployerPartner:
    """An organisation registers its interest in becoming an employer partner. Staff are
    told; the registration waits for their review. One live registration per NIT."""
    if (
        EmployerPartner.objects.select_for_update()
        .filter(nit=nit)
        .exclude(status=PartnerStatus.DECLINED)
        .exists()
    ):
        raise EmployerError(
            _("An organisation with this NIT has already registered. We will be in touch.")
        )
    partner = EmployerPartner.objects.create(
        name=name,
        slug=_unique_slug(name),
        nit=nit,
        city=city,
        sector=sector,
        size=size,
        contact_name=contact_name,
        contact_email=contact_email,
        contact_phone=contact_phone,
        motivation=motivation,
        applicant=applicant if applicant is not None and applicant.is_authenticated else None,
    )
    record(partner, machine=PARTNER, to_status=PartnerStatus.APPLIED, actor=partner.applicant)
    review_path = reverse("community_partner_review", args=[partner.pk])
    for user in _staff_users():
        notify(
            user=user,
            template="community/employer_registered",
            context={"name": partner.name, "city": partner.get_city_display(), "url": review_path},
            key=f"employer-registered:{partner.pk}:user-{user.pk}",
            kind=MessageKind.ACCOUNT,
        )
    return partner


def _account_for(partner: EmployerPartner):
    """The account that acts for ``partner``: who registered it, else the account of the
    contact e-mail, else a new account for the contact (who sets a password by e-mail)."""
    if partner.applicant_id is not None:
        return partner.applicant, False
    User = get_user_model()
    user = User.objects.filter(email__iexact=partner.contact_email).first()
    if user is not None:
        return user, False
    user = User.objects.create_user(
        email=partner.contact_email, password=None, full_name=partner.contact_name
    )
    return user, True


@transaction.atomic(durable=True)
def partner_decide(
    *, partner: EmployerPartner, approve: bool, actor: Any, note: str = ""
) -> EmployerPartner:
    """Staff approve or decline a registration. Approval links an account to the partner
    (``EmployerMembership``: the employer capability) and tells that person."""
    locked = EmployerPartner.objects.select_for_update().get(pk=partner.pk)
    to = PartnerStatus.APPROVED if approve else PartnerStatus.DECLINED
    transition(
        locked,
        machine=PARTNER,
        to=to,
        actor=actor,
        note=note,
        locked=True,
        fields={"decided_at": timezone.now()},
    )
    if approve:
        user, created = _account_for(locked)
        EmployerMembership.objects.get_or_create(partner=locked, user=user)
        notify(
            user=user,
            template="community/employer_approved",
            context={
                "name": locked.name,
                "new_account": created,
                "email": user.email,
                "url": reverse("community:employer_home"),
            },
            key=f"employer-approved:{locked.pk}",
            kind=MessageKind.ACCOUNT,
        )
        _drop_public_pages()
    elif locked.applicant is not None:
        notify(
            user=locked.applicant,
            template="community/employer_declined",
            context={"name": locked.name, "note": note},
            key=f"employer-declined:{locked.pk}",
            kind=MessageKind.ACCOUNT,
        )
    partner.refresh_from_db()
    return partner


@transaction.atomic(durable=True)
def partner_profile_update(
    *, partner: EmployerPartner, actor: Any, profile: str, pledge: str, website: str = ""
) -> EmployerPartner:
    """The partner's public profile and pledge (shown on its public page)."""
    locked = EmployerPartner.objects.select_for_update().get(pk=partner.pk)
    if locked.status != PartnerStatus.APPROVED:
        raise EmployerError(_("Only an approved partner has a public profile."))
    locked.profile, locked.pledge, locked.website = profile, pledge, website
    locked.save(update_fields=["profile", "pledge", "website"])
    _drop_public_pages()
    return locked


@transaction.atomic(durable=True)
def post_create(
    *,
    partner: EmployerPartner,
    actor: Any,
    kind: str,
    title: str,
    description: str,
    city: str,
    closes_on: datetime.date,
) -> PartnerPost:
    """An approved partner publishes a job or a supplier need, open until ``closes_on``.
    The same post sent again within ``semilla.resubmission.WINDOW`` (a double click on "Publish", the
    browser sending the form twice) is the post already published, not a second one."""
    locked = EmployerPartner.objects.select_for_update().get(pk=partner.pk)
    if locked.status != PartnerStatus.APPROVED:
        raise EmployerError(_("Only an approved partner may publish posts."))
    if closes_on < timezone.localdate():
        raise EmployerError(_("The closing date has already passed."))
    fields = {
        "kind": kind,
        "title": title,
        "description": description,
        "city": city,
        "closes_on": closes_on,
    }
    same = sent_again(PartnerPost.objects.filter(partner=locked, **fields), at="created_at")
    if same is not None:
        return same
    post = PartnerPost.objects.create(partner=locked, created_by=actor, **fields)
    record(post, machine=POST, to_status=PostStatus.OPEN, actor=actor)
    _drop_public_pages()
    return post


@transaction.atomic(durable=True)
def post_set_status(*, post: PartnerPost, to: str, actor: Any) -> PartnerPost:
    """Close a post (no more answers) or open it again."""
    if to == PostStatus.OPEN and post.closes_on < timezone.localdate():
        raise EmployerError(_("Change the closing date before opening the post again."))
    _drop_public_pages()
    return transition(post, machine=POST, to=to, actor=actor)


def _eligible_to_answer(user) -> bool:

    return Participant.objects.filter(
        user=user, status__in=[ParticipantStatus.ACTIVE, ParticipantStatus.COMPLETED]
    ).exists()


@transaction.atomic(durable=True)
def answer_create(*, post: PartnerPost, user: Any, message: str, share_contact: bool) -> PostAnswer:
    """A participant or alumna answers an open post; the partner's people are told. One
    answer per person and post; the person must agree to share their contact."""
    locked = PartnerPost.objects.select_for_update().select_related("partner").get(pk=post.pk)
    if not locked.is_open():
        raise EmployerError(_("This post is closed: it no longer takes answers."))
    if not share_contact:
        raise EmployerError(_("To answer, agree to share your contact with the organisation."))
    if not _eligible_to_answer(user):
        raise EmployerError(_("Posts are answered by participants and alumni of Semilla."))
    if PostAnswer.objects.filter(post=locked, user=user).exists():
        raise EmployerError(_("You have already answered this post."))
    answer = PostAnswer.objects.create(post=locked, user=user, message=message, share_contact=True)
    path = reverse("community:employer_post", args=[locked.pk])
    for membership in locked.partner.memberships.select_related("user").order_by("pk"):
        notify(
            user=membership.user,
            template="community/post_answered",
            context={"title": locked.title, "url": path},
            key=f"post-answered:{answer.pk}:user-{membership.user_id}",
            kind=MessageKind.APPLICATION,
        )
    return answer


@transaction.atomic(durable=True)
def answer_reply(*, answer: PostAnswer, actor: Any, reply: str) -> PostAnswer:
    """The partner replies to an answer; the person is told. The same reply sent again
    (a double click on "Reply") changes nothing and tells nobody twice."""
    locked = (
        PostAnswer.objects.select_for_update().select_related("post__partner").get(pk=answer.pk)
    )
    if locked.replied_at is not None and locked.reply == reply:
        return locked
    locked.reply = reply
    locked.replied_at = timezone.now()
    locked.save(update_fields=["reply", "replied_at"])
    notify(
        user=locked.user,
        template="community/answer_replied",
        context={
            "partner": locked.post.partner.name,
            "title": locked.post.title,
            "url": reverse("community:opportunity", args=[locked.post_id]),
        },
        key=f"answer-replied:{locked.pk}:{locked.replied_at.isoformat()}",
        kind=MessageKind.APPLICATION,
    )
    return locked


def _cohort_and_city(*, user: Any, partner: EmployerPartner, post: PartnerPost | None):
    """The person's latest cohort (as participant or alumna) and the city the result counts
    in: the post's, else the cohort's when it is one of the cities, else the partner's."""

    participation = (
        Participant.objects.filter(user=user)
        .select_related("cohort")
        .order_by("-joined_at", "-pk")
        .first()
    )
    if participation is None:
        # the programme's results: the console offers only participants; the rule is here
        raise EmployerError(
            _("Hires and orders are recorded for people who took part in a cohort only.")
        )
    cohort = participation.cohort
    if post is not None:
        city = post.city
    elif cohort is not None and cohort.city in City.values:
        city = cohort.city
    else:
        city = partner.city
    return cohort, city


def _check_result(*, partner: EmployerPartner, post: PartnerPost | None) -> None:
    if partner.status != PartnerStatus.APPROVED:
        raise EmployerError(_("Hires and orders are recorded for approved partners only."))
    if post is not None and post.partner_id != partner.pk:
        raise EmployerError(_("This post belongs to another partner."))


@transaction.atomic  # also called from the console's create view, inside its transaction
def hire_record(
    *,
    partner: EmployerPartner,
    user: Any,
    on: datetime.date,
    actor: Any,
    post: PartnerPost | None = None,
) -> Hire:
    """Staff record that ``partner`` hired ``user``; the person is told."""
    _check_result(partner=partner, post=post)
    cohort, city = _cohort_and_city(user=user, partner=partner, post=post)
    if Hire.objects.filter(partner=partner, user=user, on=on).exists():
        raise EmployerError(_("This hire is already recorded."))
    hire = Hire.objects.create(
        partner=partner, post=post, user=user, cohort=cohort, city=city, on=on, recorded_by=actor
    )
    notify(
        user=user,
        template="community/hire_recorded",
        # the message ends on "our Know your rights guides explain them": the link is theirs
        context={"partner": partner.name, "url": reverse("community:guides")},
        key=f"hire-recorded:{hire.pk}",
        kind=MessageKind.APPLICATION,
    )
    return hire


@transaction.atomic  # also called from the console's create view, inside its transaction
def purchase_order_record(
    *,
    partner: EmployerPartner,
    user: Any,
    on: datetime.date,
    amount_minor: int,
    actor: Any,
    currency: str = "COP",
    reference: str = "",
    post: PartnerPost | None = None,
) -> PurchaseOrder:
    """Staff record an order ``partner`` placed with ``user``'s business."""
    _check_result(partner=partner, post=post)
    if amount_minor <= 0:
        raise EmployerError(_("The amount must be more than zero."))
    cohort, city = _cohort_and_city(user=user, partner=partner, post=post)
    return PurchaseOrder.objects.create(
        partner=partner,
        post=post,
        user=user,
        cohort=cohort,
        city=city,
        on=on,
        amount_minor=amount_minor,
        currency=currency.upper(),
        reference=reference,
        recorded_by=actor,
    )


@transaction.atomic  # also called from the console's create view, inside its transaction
def commitment_record(
    *, partner: EmployerPartner, kind: str, description: str, target: int, year: int, actor: Any
) -> PartnerCommitment:
    """Staff record what a partner committed to (e.g. hire 5 migrants in 2027)."""
    if partner.status != PartnerStatus.APPROVED:
        raise EmployerError(_("Commitments are recorded for approved partners only."))
    return PartnerCommitment.objects.create(
        partner=partner,
        kind=kind,
        description=description,
        target=target,
        year=year,
        recorded_by=actor,
    )
