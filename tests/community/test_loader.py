"""The guides loader (``community.loader``, built on the curriculum's): pages in Spanish,
English translations managed by wagtail-localize, idempotent, staff edits kept; the help
offices as translations of each other."""

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from community.content import GUIDES, HELP_OFFICES
from community.loader import load, load_help_offices
from community.models import GuideIndexPage, GuidePage, HelpOffice
from semilla.demo import seed_home_page
from tests.factories.community import guide_data, load_guides, office_data

pytestmark = pytest.mark.django_db


def test_load_creates_the_starter_guides_in_both_languages():
    seed_home_page()
    call_command("load_guides", stdout=__import__("io").StringIO())
    es = Locale.objects.get(language_code="es")
    en = Locale.objects.get(language_code="en")
    assert (
        GuidePage.objects.live().filter(locale=es).count(),
        GuidePage.objects.live().filter(locale=en).count(),
        GuideIndexPage.objects.live().count(),
    ) == (len(GUIDES), len(GUIDES), 2)
    english = GuidePage.objects.get(locale=en, slug="permiso-por-proteccion-temporal")
    assert english.title == "The PPT: what it is and what it allows"
    assert [item.value for item in english.needs][0] == (
        "Your PPT (the card) or, until you receive it, the number of your application."
    )
    assert english.sources[0].value["url"] == "https://www.migracioncolombia.gov.co/"
    assert (HelpOffice.objects.filter(locale=es).count(), HelpOffice.objects.count()) == (
        len(HELP_OFFICES),
        2 * len(HELP_OFFICES),
    )


def test_english_guides_are_wagtail_localize_translations():
    from wagtail_localize.models import Translation

    pages = load_guides(guide_data("ppt"))
    spanish = pages["es"]["ppt"]
    assert (
        Translation.objects.filter(
            source__object_id=spanish.translation_key, target_locale__language_code="en"
        ).count()
        == 1
    )
    english = pages["en"]["ppt"]
    assert (english.translation_key, english.review_by, english.topic) == (
        spanish.translation_key,
        spanish.review_by,
        "documents",
    )


def test_load_twice_creates_nothing_and_keeps_staff_edits():
    pages = load_guides(guide_data("ppt"))
    page = pages["es"]["ppt"]
    page.title = "Editado por el equipo"
    page.save_revision().publish()
    result = load(guides=[guide_data("ppt")], offices=[])
    assert (result.created, result.translated, result.updated) == ([], [], [])
    assert GuidePage.objects.get(pk=page.pk).title == "Editado por el equipo"


def test_load_with_update_restores_the_starter_text():
    pages = load_guides(guide_data("ppt"))
    page = pages["es"]["ppt"]
    page.title = "Editado por el equipo"
    page.save_revision().publish()
    load(guides=[guide_data("ppt")], offices=[], update=True)
    assert GuidePage.objects.get(pk=page.pk).title == "Guía Ppt"


def test_help_offices_are_loaded_once_as_translations():
    seed_home_page()
    created = load_help_offices(offices=[office_data("cali", 0), office_data("cali", 1)])
    again = load_help_offices(offices=[office_data("cali", 0), office_data("cali", 1)])
    es, en = (
        {o.translation_key: o.name for o in HelpOffice.objects.filter(locale__language_code=c)}
        for c in ("es", "en")
    )
    assert (created, again, es.keys() == en.keys(), sorted(en.values())) == (
        4,
        0,
        True,
        ["Personería cali 0 (en)", "Personería cali 1 (en)"],
    )


def test_staff_editors_may_edit_and_leads_publish_the_guides():
    from wagtail.models import GroupPagePermission, WorkflowPage

    pages = load_guides(guide_data("ppt"))
    index = pages["index"]
    assert WorkflowPage.objects.filter(page=index).count() == 1
    assert sorted(
        GroupPagePermission.objects.filter(page=index).values_list(
            "group__name", "permission__codename"
        )
    ) == [
        ("programme_lead", "add_page"),
        ("programme_lead", "change_page"),
        ("programme_lead", "lock_page"),
        ("programme_lead", "publish_page"),
        ("programme_lead", "unlock_page"),
        ("programme_staff", "add_page"),
        ("programme_staff", "change_page"),
    ]
