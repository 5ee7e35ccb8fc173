"""Reads of the community app, each in a fixed number of queries."""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import QuerySet

from semilla.enums import City
from semilla.routing import locale_ids

from .enums import GuideTopic
from .models import GuideIndexPage, GuidePage, HelpOffice

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
