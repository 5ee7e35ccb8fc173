"""English pages are wagtail-localize translations of the Spanish ones: staff can open
them in the translation editor and sync them, and a sync keeps the English text."""

import json

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from curriculum.loader import LoaderError, load
from curriculum.models import CoursePage, CurriculumIndexPage, LessonPage, ModulePage
from semilla.enums import Role
from tests.factories.curriculum import course_data, load_course


def _translation_of(page, language="en"):
    return Translation.objects.get(
        source__object_id=page.translation_key,
        source__locale=page.locale,
        target_locale__language_code=language,
    )


def _english_text(lesson: LessonPage) -> str:
    """Every string stored in the lesson's body."""
    return json.dumps(lesson.body.get_prep_value(), ensure_ascii=False)


def test_every_loaded_page_has_a_complete_wagtail_localize_translation(db):
    loaded = load_course(modules=1, lessons=2)
    pages = [loaded.index, loaded.course, *loaded.modules, *loaded.lessons]
    for page in pages:
        translation = _translation_of(page)
        assert translation.enabled
        total, done = translation.get_progress()
        assert total > 0
        assert done == total, page.url_path
        english = translation.get_target_instance()
        assert english.live
        assert english.slug == page.slug
        assert english.title != page.specific.title or isinstance(
            page.specific, CurriculumIndexPage
        )


def test_english_lesson_keeps_english_strings_and_shared_block_ids(db):
    loaded = load_course(modules=1, lessons=1)
    spanish, english = loaded.lessons[0], loaded.en_lessons[0]
    assert english.title == "Lesson Curso corto m1 leccion 1"
    assert english.summary.startswith("Summary of")
    text = _english_text(english)
    assert "record your <b>sales</b> every day" in text
    assert "Every sale" in text and "Cada venta" not in text
    assert [b.id for b in english.body] == [b.id for b in spanish.body]
    assert english.quiz_ids == spanish.quiz_ids
    # the synchronised fields come from the Spanish page
    assert (english.minutes, english.level, english.topics) == (
        spanish.minutes,
        spanish.level,
        spanish.topics,
    )


def test_sync_after_a_spanish_edit_keeps_the_english_text(db, django_capture_on_commit_callbacks):
    loaded = load_course(modules=1, lessons=1)
    spanish = loaded.lessons[0]
    translation = _translation_of(spanish)
    # staff change the Spanish title, then "Sync translated pages" (update the source and
    # save each translation, as wagtail-localize's sync view does)
    spanish.title = "Lección con título nuevo"
    spanish.save_revision().publish()
    source, _created = TranslationSource.update_or_create_from_instance(spanish)
    assert source.pk == translation.source_id
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    english = LessonPage.objects.get(pk=loaded.en_lessons[0].pk)
    assert english.live
    # the new Spanish title has no English yet: it stands in until staff translate it
    assert english.title == "Lección con título nuevo"
    # every unchanged string keeps its English translation
    text = _english_text(english)
    assert "record your <b>sales</b> every day" in text
    assert "Write down every sale." in text
    assert "Anota cada venta." not in text
    assert english.summary.startswith("Summary of")


def test_loading_again_changes_nothing_and_update_rewrites_the_english_strings(db):
    loaded = load_course(modules=1, lessons=1)
    english = loaded.en_lessons[0]
    revisions = english.revisions.count()
    strings = StringTranslation.objects.count()
    again = load(courses=[course_data(lessons=1)])
    assert not again.changed
    assert english.revisions.count() == revisions
    assert StringTranslation.objects.count() == strings
    assert Translation.objects.filter(source__object_id=english.translation_key).count() == 1
    # a staff edit of the English text, then --update puts the starter text back
    row = StringTranslation.objects.get(
        translation_of__data="Consejo", context__object_id=english.translation_key
    )
    row.data = "Advice"
    row.save()
    updated = load(courses=[course_data(lessons=1)], update=True)
    assert english.url_path in updated.updated
    row.refresh_from_db()
    assert row.data == "Tip"


def test_english_pages_copied_before_are_brought_under_wagtail_localize(db):
    """A deployment loaded by the earlier loader has English pages made with
    copy_for_translation: loading again makes them translations, keeping their text."""
    from semilla.demo import seed_home_page

    seed_home_page()
    es = Locale.objects.get(language_code="es")
    en = Locale.objects.get(language_code="en")
    load(courses=[course_data(lessons=1)])
    lesson = LessonPage.objects.get(locale=es)
    english = LessonPage.objects.get(locale=en)
    # forget wagtail-localize's records, as if the pages had been copied by hand
    Translation.objects.all().delete()
    TranslationSource.objects.all().delete()
    english.title = "Keeping books, edited by staff"
    english.save_revision().publish()
    result = load(courses=[course_data(lessons=1)])
    assert english.url_path in result.updated
    translation = _translation_of(lesson)
    english.refresh_from_db()
    assert english.title == "Keeping books, edited by staff"
    assert translation.get_progress()[0] == translation.get_progress()[1]
    assert StringSegment.objects.filter(source=translation.source).exists()
    for model in (CoursePage, ModulePage):
        page = model.objects.get(locale=es)
        assert _translation_of(page).get_target_instance().pk == model.objects.get(locale=en).pk


def test_english_text_that_does_not_line_up_is_refused(db):
    from semilla.demo import seed_home_page

    seed_home_page()
    course = course_data(lessons=1)
    paragraph = course["modules"][0]["lessons"][0]["body"][0]
    paragraph["html"]["en"] = "<p>One paragraph.</p><p>And a second one.</p>"
    with pytest.raises(LoaderError, match="does not line up"):
        load(courses=[course])


def _directives(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in header.split(";") if part.strip())


def test_translation_editor_of_an_english_lesson_may_apply_its_styles(db, client, make_user):
    """Editing the English lesson opens wagtail-localize's translation editor, a React app
    that writes its styles as it runs: with the site's ``style-src 'self'`` it stayed blank.
    Its page allows inline styles; scripts stay 'self' and the Spanish lesson's ordinary
    editor keeps the site's policy."""
    loaded = load_course(lessons=1)
    client.force_login(make_user(Role.STAFF))
    english = client.get(reverse("wagtailadmin_pages:edit", args=[loaded.en_lessons[0].pk]))
    spanish = client.get(reverse("wagtailadmin_pages:edit", args=[loaded.lessons[0].pk]))
    assert (english.status_code, spanish.status_code) == (200, 200)
    assert b"wagtail-localize.js" in english.content
    assert (_directives(english)["style-src"], _directives(english)["script-src"]) == (
        "'self' 'unsafe-inline'",
        "'self'",
    )
    assert (_directives(spanish)["style-src"], _directives(spanish)["script-src"]) == (
        "'self'",
        "'self'",
    )
