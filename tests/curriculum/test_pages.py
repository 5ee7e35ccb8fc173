"""Page tree rules, the starter curriculum loader (both languages), moderation set-up."""

import pytest
from django.contrib.auth.models import Group
from django.utils import translation
from wagtail.models import GroupPagePermission, Locale, Page, WorkflowPage
from wagtail.test.utils import WagtailPageTestCase

from curriculum.content import COURSES
from curriculum.loader import WORKFLOW_NAME, load
from curriculum.models import CoursePage, CurriculumIndexPage, LessonPage, ModulePage
from semilla.models import HomePage


class PageTreeRulesTests(WagtailPageTestCase):
    def test_allowed_subpage_types(self):
        self.assertAllowedSubpageTypes(CurriculumIndexPage, {CoursePage})
        self.assertAllowedSubpageTypes(CoursePage, {ModulePage})
        self.assertAllowedSubpageTypes(ModulePage, {LessonPage})
        self.assertAllowedSubpageTypes(LessonPage, set())

    def test_allowed_parent_page_types(self):
        self.assertAllowedParentPageTypes(CurriculumIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(CoursePage, {CurriculumIndexPage})
        self.assertAllowedParentPageTypes(ModulePage, {CoursePage})
        self.assertAllowedParentPageTypes(LessonPage, {ModulePage})

    def test_can_and_cannot_create_at(self):
        self.assertCanCreateAt(ModulePage, LessonPage)
        self.assertCanNotCreateAt(CoursePage, LessonPage)
        self.assertCanNotCreateAt(CurriculumIndexPage, ModulePage)
        self.assertCanNotCreateAt(Page, CoursePage)


def _all_lessons():
    return [
        lesson for course in COURSES for module in course["modules"] for lesson in module["lessons"]
    ]


def test_load_curriculum_installs_every_page_in_both_languages(db):
    from django.core.management import call_command

    call_command("load_curriculum", "--create-home", verbosity=0)
    es = Locale.objects.get(language_code="es")
    en = Locale.objects.get(language_code="en")
    lessons = _all_lessons()
    assert len(lessons) >= 24
    assert LessonPage.objects.filter(locale=es, live=True).count() == len(lessons)
    assert ModulePage.objects.filter(locale=es, live=True).count() >= 6
    for model in (CurriculumIndexPage, CoursePage, ModulePage, LessonPage):
        for page in model.objects.filter(locale=es):
            translation = page.get_translation_or_none(en)
            assert translation is not None, page.url_path
            assert translation.live is True
            assert translation.slug == page.slug
            assert translation.title != page.title or model is CurriculumIndexPage
    # every English page is a wagtail-localize translation with every string translated
    from wagtail_localize.models import Translation

    translations = Translation.objects.filter(target_locale=en, enabled=True)
    assert (
        translations.count()
        == Page.objects.filter(
            locale=es, depth__gte=3, content_type__app_label="curriculum"
        ).count()
    )
    for translation in translations:
        total, done = translation.get_progress()
        assert total == done > 0, translation.source.object_repr
    by_slug = {lesson["slug"]: lesson for lesson in lessons}
    for page in LessonPage.objects.filter(locale=en):
        source = by_slug[page.slug]
        assert page.title == source["title"]["en"]
        assert page.summary == source["summary"]["en"]
        spanish = page.get_translation(es).specific
        assert [b.id for b in page.body] == [b.id for b in spanish.body]
        assert any(b.block_type in ("quiz", "action_step") for b in page.body)


def test_load_curriculum_is_idempotent_and_links_the_home_pages(db):
    from semilla.demo import seed_home_page

    seed_home_page()
    first = load()
    second = load()
    assert first.changed is True
    assert second.changed is False
    es_home = HomePage.objects.get(locale__language_code="es")
    en_home = HomePage.objects.get(locale__language_code="en")
    assert es_home.curriculum_page.specific == CurriculumIndexPage.objects.get(
        locale__language_code="es"
    )
    assert en_home.curriculum_page.specific == CurriculumIndexPage.objects.get(
        locale__language_code="en"
    )


def test_load_sets_up_moderation_by_programme_lead(db):
    from semilla.demo import seed_home_page

    seed_home_page()
    load(courses=[])
    lead = Group.objects.get(name="programme_lead")
    staff = Group.objects.get(name="programme_staff")
    for index in CurriculumIndexPage.objects.all():
        workflow_page = WorkflowPage.objects.get(page=index)
        assert workflow_page.workflow.name == WORKFLOW_NAME
        task = workflow_page.workflow.tasks.get().specific
        assert list(task.groups.all()) == [lead]
        staff_perms = set(
            GroupPagePermission.objects.filter(group=staff, page=index).values_list(
                "permission__codename", flat=True
            )
        )
        lead_perms = set(
            GroupPagePermission.objects.filter(group=lead, page=index).values_list(
                "permission__codename", flat=True
            )
        )
        assert staff_perms == {"add_page", "change_page"}
        assert "publish_page" in lead_perms


def test_editor_submits_and_programme_lead_approves(db, make_user):
    """The moderation workflow end to end: an editor's submission waits for the lead."""
    from semilla.demo import seed_home_page
    from semilla.enums import Role
    from tests.factories.curriculum import course_data

    seed_home_page()
    load(courses=[course_data("flujo", lessons=1)])
    editor = make_user(Role.STAFF)
    lead = make_user(Role.STAFF)
    lead.groups.add(Group.objects.get(name="programme_lead"))
    lesson = LessonPage.objects.get(slug="flujo-m1-leccion-1", locale__language_code="es")
    assert lesson.permissions_for_user(editor).can_publish() is False
    assert lesson.permissions_for_user(lead).can_publish() is True
    lesson.title = "Lección revisada"
    revision = lesson.save_revision(user=editor)
    workflow = lesson.get_workflow()
    state = workflow.start(lesson, editor)
    assert state.current_task_state.task.specific.user_can_access_editor(lesson, lead) is True
    state.current_task_state.task.specific.on_action(state.current_task_state, lead, "approve")
    lesson.refresh_from_db()
    assert lesson.live_revision_id == revision.pk
    assert lesson.title == "Lección revisada"


def test_demo_progress_for_the_demo_entrepreneur_is_idempotent(db):
    from curriculum import demo
    from curriculum.models import LessonProgress
    from semilla.demo import seed_accounts
    from tests.factories.curriculum import load_course

    seed_accounts()
    loaded = load_course(lessons=2)
    demo._demo_progress()
    demo._demo_progress()
    rows = LessonProgress.objects.filter(user__email="emprendedora@demo.semilla.co").order_by(
        "lesson__path"
    )
    assert [(r.lesson_id, r.completed) for r in rows] == [
        (loaded.lessons[0].pk, True),
        (loaded.lessons[1].pk, False),
    ]


def test_programme_lead_group_can_use_the_console_and_revoke(db):
    lead = Group.objects.get(name="programme_lead")
    perms = {f"{p.content_type.app_label}.{p.codename}" for p in lead.permissions.all()}
    assert perms == {
        "wagtailadmin.access_admin",
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
        "curriculum.view_certificate",
        "curriculum.change_certificate",
    }


def test_scheduled_publishing_task_publishes_due_revisions(db):
    import datetime

    from django.utils import timezone

    from curriculum.tasks import publish_scheduled_pages
    from semilla.demo import seed_home_page
    from tests.factories.curriculum import course_data

    seed_home_page()
    load(courses=[course_data("agenda", lessons=1)])
    lesson = LessonPage.objects.get(slug="agenda-m1-leccion-1", locale__language_code="es")
    lesson.title = "Lección programada"
    revision = lesson.save_revision(
        approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    lesson.refresh_from_db()
    assert lesson.title != "Lección programada"
    publish_scheduled_pages()
    lesson.refresh_from_db()
    assert (lesson.title, lesson.live_revision_id) == ("Lección programada", revision.pk)


@pytest.mark.parametrize(
    ("language", "labels"), [("es", ("Contenido", "Temas")), ("en", ("Body", "Topics"))]
)
def test_lesson_editor_labels_name_the_content_and_topics(language, labels, db):
    """The console's lesson form: the body is the lesson's content (not a message's text,
    the word the site's catalogue gives the bare msgid), and the topics label is
    capitalised as every other label."""
    with translation.override(language):
        form_class = LessonPage.get_edit_handler().get_form_class()
        form = form_class(for_user=None)
        assert (str(form.fields["body"].label), str(form.fields["topics"].label)) == labels
