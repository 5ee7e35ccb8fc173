"""Load the "Know your rights" guides (``community.content``) into Wagtail, in Spanish and
English, through the curriculum's loader: the same find-or-create by slug, the same
wagtail-localize translations (staff see "Translate" / "Sync translated pages"), the same
moderation workflow (programme staff edit, a programme lead publishes). Only the shape of a
guide's fields is new here. Idempotent; ``update=True`` overwrites pages staff edited."""

import datetime
import uuid

from django.db import transaction
from wagtail.models import Locale

from curriculum.loader import (
    LoaderError,
    LoadResult,
    _ensure_child,
    _id,
    ensure_index,
    ensure_moderation,
    ensure_translations,
    home_and_english,
    lesson_body,
)

from .content import GUIDES, HELP_OFFICES, INDEX
from .models import GuideIndexPage, GuidePage, HelpOffice

__all__ = ["LoadResult", "LoaderError", "guide_fields", "load", "load_help_offices"]


def _date(value: str) -> datetime.date:
    return datetime.date.fromisoformat(value)


def guide_fields(guide: dict, lang: str) -> dict:
    """A content guide's page fields in ``lang`` (block ids shared by both languages)."""
    slug = guide["slug"]
    return {
        "title": guide["title"][lang],
        "summary": guide["summary"][lang],
        "topic": guide["topic"],
        "body": lesson_body(guide, lang),
        "needs": [
            {"type": "item", "value": text, "id": _id("guide", slug, "needs", n)}
            for n, text in enumerate(guide["needs"][lang])
        ],
        "sources": [
            {
                "type": "source",
                "value": {
                    "institution": source["institution"],
                    "title": source["title"][lang],
                    "url": source["url"],
                },
                "id": _id("guide", slug, "sources", n),
            }
            for n, source in enumerate(guide["sources"])
        ],
        "last_reviewed": _date(guide["last_reviewed"]),
        "review_by": _date(guide["review_by"]),
        "show_help_offices": bool(guide.get("show_help_offices", False)),
    }


def _index_fields(lang: str) -> dict:
    return {"title": INDEX["title"][lang], "intro": f"<p>{INDEX['intro'][lang]}</p>"}


@transaction.atomic
def load(*, guides=GUIDES, offices=HELP_OFFICES, update: bool = False) -> LoadResult:

    home, en = home_and_english()
    result = LoadResult()
    index = ensure_index(
        home, GuideIndexPage, INDEX["slug"], _index_fields("es"), update=update, result=result
    )
    pairs = [(index, _index_fields("en"))]
    for guide in guides:
        page = _ensure_child(
            index, GuidePage, guide["slug"], guide_fields(guide, "es"), update=update, result=result
        )
        pairs.append((page, guide_fields(guide, "en")))
    english = ensure_translations(pairs, en, update=update, result=result)
    ensure_moderation([index, english[index.pk]])
    load_help_offices(offices=offices, update=update)
    return result


def _office_key(office: dict) -> uuid.UUID:
    return uuid.uuid5(
        uuid.NAMESPACE_URL, f"semilla:community:office:{office['city']}:{office['sort_order']}"
    )


def load_help_offices(*, offices=HELP_OFFICES, update: bool = False) -> int:
    """The starter free-help offices in Spanish and English (one translation key per office,
    so the console shows them as translations of each other). Rows staff edited are kept
    unless ``update``. Returns the number of rows created."""

    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    created = 0
    for office in offices:
        key = _office_key(office)
        for lang in ("es", "en"):
            values = {
                "city": office["city"],
                "kind": office["kind"],
                "sort_order": office["sort_order"],
                "name": office["name"][lang],
                "description": office["description"][lang],
                "website": office["website"],
            }
            row = HelpOffice.objects.filter(translation_key=key, locale=locales[lang]).first()
            if row is None:
                HelpOffice.objects.create(translation_key=key, locale=locales[lang], **values)
                created += 1
            elif update:
                for name, value in values.items():
                    setattr(row, name, value)
                row.save()
    return created
