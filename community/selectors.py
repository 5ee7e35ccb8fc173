"""Reads of the community app, each in a fixed number of queries."""

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Prefetch, QuerySet, Sum
from django.db.models.functions import TruncMonth
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
    """Hires and purchase orders for one cohort (None: the person was in no cohort), city
    and month (the first day of the month of the hire or order date);
    ``order_value_minor`` in minor units of ``currency``."""

    cohort_id: int | None
    city: str
    hires: int
    purchase_orders: int
    order_value_minor: int
    currency: str = "COP"
    month: datetime.date | None = None


#: cohort, city, month, currency
_CountKey = tuple[int | None, str, datetime.date | None, str]


def _dated(
    queryset: QuerySet, date_from: datetime.date | None, date_to: datetime.date | None
) -> QuerySet:
    """The results dated in the period (both days included). ``on`` is the hire's or the
    order's own date, a calendar day in the programme's time zone, not when staff recorded
    it."""
    if date_from is not None:
        queryset = queryset.filter(on__gte=date_from)
    if date_to is not None:
        queryset = queryset.filter(on__lte=date_to)
    return queryset


def employer_counts(
    *, date_from: datetime.date | None = None, date_to: datetime.date | None = None
) -> list[EmployerCount]:
    """Hires, purchase orders and their value per cohort, city and month, for the results
    dated in the period (two queries): the figures the outcomes indicators read through
    ``semilla.hooks.outcome_counts``."""
    rows: dict[_CountKey, dict[str, int]] = {}
    hires = (
        _dated(Hire.objects.all(), date_from, date_to)
        .values("cohort_id", "city", month=TruncMonth("on"))
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in hires:
        key: _CountKey = (row["cohort_id"], row["city"], row["month"], "COP")
        rows.setdefault(key, {"hires": 0, "orders": 0, "value": 0})["hires"] += row["n"]
    orders = (
        _dated(PurchaseOrder.objects.all(), date_from, date_to)
        .values("cohort_id", "city", "currency", month=TruncMonth("on"))
        .annotate(n=Count("pk"), value=Sum("amount_minor"))
        .order_by()
    )
    for row in orders:
        key = (row["cohort_id"], row["city"], row["month"], row["currency"])
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
            month=month,
        )
        for (cohort_id, city, month, currency), entry in sorted(
            rows.items(),
            key=lambda item: (
                item[0][0] or 0,
                item[0][1],
                item[0][2] or datetime.date.min,
                item[0][3],
            ),
        )
    ]


#: The figures this app adds to the outcome indicators (``semilla.hooks.outcome_counts``).
FIGURE_HIRES = "employer_hires"
FIGURE_PURCHASE_ORDERS = "employer_purchase_orders"


def employer_outcome_counts(
    *, date_from: datetime.date | None = None, date_to: datetime.date | None = None
) -> list[hooks.OutcomeCount]:
    """``employer_counts`` in the shape of ``semilla.hooks.OutcomeCount``: one
    ``employer_hires`` row (count) and one ``employer_purchase_orders`` row (count and value)
    per cohort, city and month where there is any, in the period."""
    rows: list[hooks.OutcomeCount] = []
    for row in employer_counts(date_from=date_from, date_to=date_to):
        if row.hires:
            rows.append(
                hooks.OutcomeCount(
                    figure=FIGURE_HIRES,
                    cohort_id=row.cohort_id,
                    city=row.city,
                    count=row.hires,
                    month=row.month,
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
                    month=row.month,
                )
            )
    return rows
