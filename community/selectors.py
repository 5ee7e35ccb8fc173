"""Reads of the community app, each in a fixed number of queries."""

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Prefetch, QuerySet, Sum
from django.utils import timezone

from cohorts.models import Participant
from semilla import hooks
from semilla.enums import City
from semilla.routing import locale_ids

from .enums import GuideTopic, PartnerStatus, PostStatus
from .models import (
    EmployerPartner,
    GuideIndexPage,
    GuidePage,
    HelpOffice,
    Hire,
    PartnerPost,
    PostAnswer,
    PurchaseOrder,
)

#: How far ahead staff see guides coming up for review (and are reminded of them).
REVIEW_HORIZON_DAYS = 30


@dataclass
class GuideCard:
    page: GuidePage
    under_review: bool


@dataclass
class GuideSection:
    topic: str
    label: str
    guides: list[GuideCard] = field(default_factory=list)


def guide_sections(*, index: GuideIndexPage, today: datetime.date) -> list[GuideSection]:
    """The live guides under ``index``, grouped by topic in the topics' order (one query)."""
    pages = (
        GuidePage.objects.child_of(index)
        .live()
        .only("title", "slug", "url_path", "summary", "topic", "review_by", "locale_id", "path")
        .order_by("path")
    )
    sections = {topic.value: GuideSection(topic.value, str(topic.label)) for topic in GuideTopic}
    for page in pages:
        sections[page.topic].guides.append(
            GuideCard(page=page, under_review=page.is_under_review(today))
        )
    return [section for section in sections.values() if section.guides]


@dataclass
class CityOffices:
    city: str
    label: str
    offices: list[HelpOffice]


def help_offices_by_city(*, locale_id: int) -> list[CityOffices]:
    """Every city's free-help offices in the page's language, the default language's rows
    standing in when none are translated yet (one query, two at most)."""
    offices = list(HelpOffice.objects.filter(locale_id=locale_id))
    default_id = locale_ids().get(settings.LANGUAGE_CODE)
    if not offices and default_id is not None and default_id != locale_id:
        offices = list(HelpOffice.objects.filter(locale_id=default_id))
    by_city: dict[str, list[HelpOffice]] = {}
    for office in offices:
        by_city.setdefault(office.city, []).append(office)
    return [
        CityOffices(city=city.value, label=city.label, offices=by_city[city.value])
        for city in City
        if city.value in by_city
    ]


def guides_due_for_review(
    *, today: datetime.date, within_days: int = REVIEW_HORIZON_DAYS
) -> QuerySet[GuidePage]:
    """Live guides in the default language (the source of their translations) whose review
    date has passed or falls within ``within_days`` days, the most urgent first."""
    horizon = today + datetime.timedelta(days=within_days)
    return (
        GuidePage.objects.live()
        .filter(locale__language_code=settings.LANGUAGE_CODE, review_by__lte=horizon)
        .order_by("review_by", "title")
    )


# --- employer partners ----------------------------------------------------------------------


def partners_public() -> QuerySet[EmployerPartner]:
    """Approved partners, for the public list (one query)."""
    return EmployerPartner.objects.filter(status=PartnerStatus.APPROVED).only(
        "name", "slug", "city", "sector", "pledge"
    )


def partner_get_public(*, slug: str) -> EmployerPartner | None:
    """An approved partner with its open posts (two queries)."""
    today = timezone.localdate()
    open_posts = PartnerPost.objects.filter(status=PostStatus.OPEN, closes_on__gte=today)
    return (
        EmployerPartner.objects.filter(status=PartnerStatus.APPROVED, slug=slug)
        .prefetch_related(Prefetch("posts", queryset=open_posts, to_attr="open_posts"))
        .first()
    )


def partner_posts(*, partner: EmployerPartner) -> QuerySet[PartnerPost]:
    """The partner's posts, the newest first, each with its number of answers (one query)."""
    return (
        PartnerPost.objects.filter(partner=partner)
        .annotate(answer_count=Count("answers"))
        .order_by("-created_at", "-pk")
    )


def partner_post_get(*, partner: EmployerPartner, pk: int) -> PartnerPost | None:
    return PartnerPost.objects.filter(partner=partner, pk=pk).first()


def post_answers(*, post: PartnerPost) -> QuerySet[PostAnswer]:
    """The answers to one post with the people's names and e-mails (one query)."""
    return (
        PostAnswer.objects.filter(post=post)
        .select_related("user")
        .only(
            "message",
            "created_at",
            "reply",
            "replied_at",
            "share_contact",
            "post_id",
            "user__full_name",
            "user__email",
            "user__city",
        )
        .order_by("created_at", "pk")
    )


def person_city(*, user: Any) -> str:
    """The city a person's opportunities are filtered by: their own, else their latest
    cohort's when it is one of the eight cities, else none."""
    if user.city:
        return user.city

    city = (
        Participant.objects.filter(user=user)
        .order_by("-joined_at", "-pk")
        .values_list("cohort__city", flat=True)
        .first()
    )
    return city if city in City.values else ""


def _open_posts(today: datetime.date) -> QuerySet[PartnerPost]:
    return PartnerPost.objects.filter(
        status=PostStatus.OPEN, closes_on__gte=today, partner__status=PartnerStatus.APPROVED
    )


def opportunities_for(*, user: Any, city: str, today: datetime.date) -> QuerySet[PartnerPost]:
    """Open posts of approved partners (in ``city`` when given), each marked with whether
    ``user`` answered it, the soonest to close first (one query)."""
    posts = _open_posts(today)
    if city:
        posts = posts.filter(city=city)
    return (
        posts.select_related("partner")
        .annotate(answered=Exists(PostAnswer.objects.filter(post=OuterRef("pk"), user=user)))
        .order_by("closes_on", "pk")
    )


def opportunity_get(*, pk: int, today: datetime.date) -> PartnerPost | None:
    """One open post of an approved partner, with its partner (one query)."""
    return _open_posts(today).select_related("partner").filter(pk=pk).first()


def answer_of(*, post: PartnerPost, user: Any) -> PostAnswer | None:
    return PostAnswer.objects.filter(post=post, user=user).first()


def answer_get_for_partner(*, partner: EmployerPartner, pk: int) -> PostAnswer | None:
    return (
        PostAnswer.objects.filter(post__partner=partner, pk=pk)
        .select_related("post", "user")
        .first()
    )


@dataclass(frozen=True)
class EmployerCount:
    """Hires and purchase orders for one cohort (None: the person was in no cohort) and
    city; ``order_value_minor`` in minor units of ``currency``."""

    cohort_id: int | None
    city: str
    hires: int
    purchase_orders: int
    order_value_minor: int
    currency: str = "COP"


def employer_counts() -> list[EmployerCount]:
    """Hires, purchase orders and their value per cohort and city (two queries): the
    figures the outcomes indicators read through ``semilla.hooks.outcome_counts``."""
    rows: dict[tuple[int | None, str, str], dict[str, int]] = {}
    for row in Hire.objects.values("cohort_id", "city").annotate(n=Count("pk")).order_by():
        key = (row["cohort_id"], row["city"], "COP")
        rows.setdefault(key, {"hires": 0, "orders": 0, "value": 0})["hires"] += row["n"]
    orders = (
        PurchaseOrder.objects.values("cohort_id", "city", "currency")
        .annotate(n=Count("pk"), value=Sum("amount_minor"))
        .order_by()
    )
    for row in orders:
        key = (row["cohort_id"], row["city"], row["currency"])
        entry = rows.setdefault(key, {"hires": 0, "orders": 0, "value": 0})
        entry["orders"] += row["n"]
        entry["value"] += row["value"] or 0
    return [
        EmployerCount(
            cohort_id=cohort_id,
            city=city,
            hires=entry["hires"],
            purchase_orders=entry["orders"],
            order_value_minor=entry["value"],
            currency=currency,
        )
        for (cohort_id, city, currency), entry in sorted(
            rows.items(), key=lambda item: (item[0][0] or 0, item[0][1], item[0][2])
        )
    ]


#: The figures this app adds to the outcome indicators (``semilla.hooks.outcome_counts``).
FIGURE_HIRES = "employer_hires"
FIGURE_PURCHASE_ORDERS = "employer_purchase_orders"


def employer_outcome_counts() -> list[hooks.OutcomeCount]:
    """``employer_counts`` in the shape of ``semilla.hooks.OutcomeCount``: one
    ``employer_hires`` row (count) and one ``employer_purchase_orders`` row (count and value)
    per cohort and city where there is any."""
    rows: list[hooks.OutcomeCount] = []
    for row in employer_counts():
        if row.hires:
            rows.append(
                hooks.OutcomeCount(
                    figure=FIGURE_HIRES, cohort_id=row.cohort_id, city=row.city, count=row.hires
                )
            )
        if row.purchase_orders:
            rows.append(
                hooks.OutcomeCount(
                    figure=FIGURE_PURCHASE_ORDERS,
                    cohort_id=row.cohort_id,
                    city=row.city,
                    count=row.purchase_orders,
                    value_minor=row.order_value_minor,
                    currency=row.currency,
                )
            )
    return rows
