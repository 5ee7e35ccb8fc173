"""Load the starter curriculum (``curriculum.content``) into Wagtail, in Spanish and English.

Idempotent: pages are found by slug under their parent. Missing pages are created and
published; existing ones are left as staff edited them unless ``update=True``. The Spanish
tree is created first, then each page's English translation through wagtail-localize: the
Spanish page becomes a ``TranslationSource``, every one of its strings gets its English
``StringTranslation`` (from ``curriculum.content``) and the English page is made from them,
so staff see the usual "Translate"/"Sync translated pages" workflow and a sync keeps the
English text. Slugs stay the same so /es/... and /en/... mirror each other. Block ids are
derived from the lesson and the block's position, so both languages share them (quiz
attempts match across languages).

English pages made by an earlier version of this loader (plain ``copy_for_translation``)
are brought under wagtail-localize with their current English text, when it lines up
string by string with the Spanish page; otherwise they are left alone (and reported)."""

import uuid
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    TemplateSegment,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments import StringSegmentValue, TemplateSegmentValue
from wagtail_localize.segments.extract import extract_segments

from semilla.enums import Role
from semilla.models import HomePage

from .apps import PROGRAMME_LEAD_GROUP
from .content import COURSES
from .models import CoursePage, CurriculumIndexPage, LessonPage, ModulePage

INDEX_SLUG = "cursos"
INDEX_CONTENT = {
    "es": {
        "title": "Aprende",
        "intro": (
            "<p>Cursos cortos y gratuitos para hacer crecer tu negocio, pensados para leer en "
            "el celular. No necesitas documentos ni cuenta para aprender; con una cuenta "
            "guardas tu progreso y recibes un certificado al terminar.</p>"
        ),
    },
    "en": {
        "title": "Learn",
        "intro": (
            "<p>Short, free courses to grow your business, made to read on your phone. You "
            "need no documents and no account to learn; with an account you save your "
            "progress and get a certificate when you finish.</p>"
        ),
    },
}
WORKFLOW_NAME = "Curriculum: programme lead approval"
EDITOR_PERMISSIONS = ("add_page", "change_page")
LEAD_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")


class LoaderError(Exception):
    pass


@dataclass
class LoadResult:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    translated: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.translated)


def _rich(html: str) -> str:
    """Content HTML -> Wagtail's rich text storage format (<b>, <i>)."""
    return (
        html.replace("<strong>", "<b>")
        .replace("</strong>", "</b>")
        .replace("<em>", "<i>")
        .replace("</em>", "</i>")
    )


def _id(*parts) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "semilla:curriculum:" + ":".join(map(str, parts))))


def _items(values, key):
    return [{"type": "item", "value": value, "id": _id(*key, i)} for i, value in enumerate(values)]


def lesson_body(lesson: dict, lang: str) -> list[dict]:
    """A content lesson's blocks as StreamField data in ``lang``."""
    body = []
    for n, block in enumerate(lesson["body"]):
        kind = block["type"]
        key = (lesson["slug"], n)
        if kind == "heading":
            value = block["text"][lang]
        elif kind == "paragraph":
            value = _rich(block["html"][lang])
        elif kind == "tip":
            value = {
                "kind": block["kind"],
                "title": block["title"][lang],
                "text": block["text"][lang],
            }
        elif kind == "checklist":
            value = {
                "title": block["title"][lang],
                "items": _items(block["items"][lang], (*key, "items")),
            }
        elif kind == "action_step":
            value = {"title": block["title"][lang], "text": block["text"][lang]}
        elif kind == "quiz":
            questions = []
            for q, question in enumerate(block["questions"]):
                options = [
                    {
                        "text": o["text"][lang],
                        "correct": bool(o["correct"]),
                        "explanation": o["explanation"][lang],
                    }
                    for o in question["options"]
                ]
                questions.append(
                    {
                        "question": question["question"][lang],
                        "options": _items(options, (*key, q, "options")),
                    }
                )
            value = {"title": "", "questions": _items(questions, (*key, "questions"))}
        else:  # pragma: no cover - the content tests keep types in BLOCK_TYPES
            raise LoaderError(f"unknown block type {kind!r} in {lesson['slug']}")
        body.append({"type": kind, "value": value, "id": _id(*key)})
    return body


def _fields(kind: str, data: dict, lang: str) -> dict:
    if kind == "course":
        return {
            "title": data["title"][lang],
            "summary": _summary(data["intro"][lang]),
            "intro": f"<p>{data['intro'][lang]}</p>",
        }
    if kind == "module":
        return {"title": data["title"][lang], "intro": f"<p>{data['intro'][lang]}</p>"}
    return {
        "title": data["title"][lang],
        "summary": data["summary"][lang],
        "minutes": data["minutes"],
        "level": data["level"],
        "topics": list(data["topics"]),
        "required": bool(data["required"]),
        "body": lesson_body(data, lang),
    }


def _summary(text: str, limit: int = 300) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(". ", 1)[0]
    return cut if cut.endswith(".") else cut + "."


def _ensure_child(
    parent: Page, model, slug: str, values: dict, *, update: bool, result: LoadResult
):
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is None:
        page = model(slug=slug, locale_id=parent.locale_id, **values)
        parent.add_child(instance=page)
        page.save_revision().publish()
        result.created.append(page.url_path)
        return page
    if update:
        for name, value in values.items():
            setattr(existing, name, value)
        existing.save_revision().publish()
        result.updated.append(existing.url_path)
    return existing


def _segments_by_path(segments, kind) -> dict[str, list]:
    grouped = defaultdict(list)
    for segment in segments:
        if isinstance(segment, kind):
            grouped[segment.path].append(segment)
    return grouped


def _english_strings(source, english: Page) -> list[tuple] | None:
    """Pair each string of the Spanish ``source`` with the same string of ``english`` (a page
    with the English text and the Spanish page's structure and block ids): a list of
    (String, TranslationContext, English text), or None when the two do not line up."""

    extracted = extract_segments(english)
    strings = _segments_by_path(extracted, StringSegmentValue)
    templates = _segments_by_path(extracted, TemplateSegmentValue)
    for segment in TemplateSegment.objects.filter(source=source).select_related(
        "context", "template"
    ):
        mine = templates.get(segment.context.path, [])
        if [t.template for t in mine] != [segment.template.template]:
            return None  # rich text with another block structure (paragraphs, lists)
    pairs = []
    source_strings = defaultdict(list)
    for segment in (
        StringSegment.objects.filter(source=source)
        .select_related("context", "string")
        .order_by("order")
    ):
        source_strings[segment.context.path].append(segment)
    if set(source_strings) != set(strings):
        return None
    for path, segments in source_strings.items():
        if len(segments) != len(strings[path]):
            return None
        for segment, value in zip(segments, strings[path], strict=True):
            pairs.append((segment.string, segment.context, value.string.data))
    return pairs


def _ensure_translation(
    page: Page, locale: Locale, values: dict, *, update: bool, result: LoadResult
):
    """The English translation of ``page`` through wagtail-localize, with ``values``."""

    translated = page.get_translation_or_none(locale)
    managed = Translation.objects.filter(
        source__object_id=page.translation_key,
        source__locale_id=page.locale_id,
        target_locale=locale,
    ).exists()
    if translated is not None and managed and not update:
        return translated.specific
    source, _created = TranslationSource.update_or_create_from_instance(page)
    if translated is not None and not update:
        # made before wagtail-localize looked after it: keep its (maybe edited) English text
        english = translated.specific
    else:
        english = source.as_instance()
        for name, value in values.items():
            setattr(english, name, value)
        english.slug = page.slug
    pairs = _english_strings(source, english)
    if pairs is None:
        if translated is not None and not update:
            result.skipped.append(translated.url_path)
            return translated.specific
        raise LoaderError(
            f"The English text of {page.url_path} does not line up with the Spanish one "
            "(same blocks, paragraphs and list items in both languages)."
        )
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    if not translation.enabled:
        translation.enabled = True
        translation.save(update_fields=["enabled"])
    for string, context, text in pairs:
        StringTranslation.objects.update_or_create(
            translation_of=string,
            locale=locale,
            context=context,
            defaults={
                "data": text,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "has_error": False,
                "field_error": "",
            },
        )
    # publish=False, then publish here: wagtail-localize would publish on commit, which
    # an enclosing transaction (this loader's, or a test's) would postpone.
    page_translation, created = source.create_or_update_translation(
        locale, publish=False, fallback=True
    )
    page_translation.latest_revision.publish()
    (result.translated if created else result.updated).append(page_translation.url_path)
    return page_translation.specific


def ensure_moderation(index_pages) -> None:
    """Editors (programme staff) add and edit curriculum pages and submit them; a programme
    lead approves (publishes). Workflow: one GroupApprovalTask for the programme_lead group."""

    lead, _created = Group.objects.get_or_create(name=PROGRAMME_LEAD_GROUP)
    staff, _created = Group.objects.get_or_create(name=Role.STAFF.value)
    task = GroupApprovalTask.objects.filter(name="Programme lead approval").first()
    if task is None:
        task = GroupApprovalTask.objects.create(name="Programme lead approval")
    task.groups.set([lead])
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=task.task_ptr, defaults={"sort_order": 0}
    )
    for index in index_pages:
        WorkflowPage.objects.update_or_create(page=index, defaults={"workflow": workflow})
        for group, codenames in ((staff, EDITOR_PERMISSIONS), (lead, LEAD_PERMISSIONS)):
            for codename in codenames:
                permission = Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                )
                GroupPagePermission.objects.get_or_create(
                    group=group, page=index, permission=permission
                )


def _link_home(home: Page, index: Page) -> None:
    home = home.specific
    if getattr(home, "curriculum_page_id", index.pk) != index.pk:
        home.curriculum_page = index
        home.save_revision().publish()


#: The levels of a course below the index: each kind and the key of its children.
CHILDREN = {"course": ("modules", "module"), "module": ("lessons", "lesson"), "lesson": None}


def _ensure_level(parent, items, kind, page_models, *, pairs, update, result) -> None:
    """The Spanish pages of ``items`` (of ``kind``) under ``parent``, and below each its
    children, recursively; ``pairs`` gets each page and its English values, parents first."""
    for item in items:
        page = _ensure_child(
            parent,
            page_models[kind],
            item["slug"],
            _fields(kind, item, "es"),
            update=update,
            result=result,
        )
        pairs.append((page, _fields(kind, item, "en")))
        if CHILDREN[kind] is not None:
            key, child_kind = CHILDREN[kind]
            _ensure_level(
                page, item[key], child_kind, page_models, pairs=pairs, update=update, result=result
            )


def home_and_english() -> tuple[Page, Locale]:
    """The Spanish home page (the root of every loaded section) and the English locale."""
    es = Locale.objects.get(language_code="es")
    en, _created = Locale.objects.get_or_create(language_code="en")
    home = HomePage.objects.filter(locale=es).first()
    if home is None:
        raise LoaderError("No Spanish home page: create the site's home page first.")
    return home, en


def ensure_index(home: Page, model, slug: str, values: dict, *, update: bool, result: LoadResult):
    """A section's index page under ``home``: found by its type (staff may have changed
    its slug), created with ``slug`` when missing."""
    index = model.objects.child_of(home).first()
    if index is not None:
        slug = index.slug
    return _ensure_child(home, model, slug, values, update=update, result=result)


def ensure_translations(pairs, en: Locale, *, update: bool, result: LoadResult) -> dict:
    """The English translation of each (Spanish page, English values), parents first:
    the English pages by the Spanish page's id."""
    return {
        page.pk: _ensure_translation(page, en, values, update=update, result=result)
        for page, values in pairs
    }


@transaction.atomic
def load(*, courses=COURSES, update: bool = False) -> LoadResult:
    home, en = home_and_english()
    result = LoadResult()
    index = ensure_index(
        home, CurriculumIndexPage, INDEX_SLUG, INDEX_CONTENT["es"], update=update, result=result
    )
    pairs = [(index, INDEX_CONTENT["en"])]  # (spanish page, english values), parents first
    page_models = {"course": CoursePage, "module": ModulePage, "lesson": LessonPage}
    _ensure_level(index, courses, "course", page_models, pairs=pairs, update=update, result=result)
    english_index = ensure_translations(pairs, en, update=update, result=result)[index.pk]
    _link_home(home, index)
    english_home = home.get_translation_or_none(en)
    if english_home is not None:
        _link_home(english_home, english_index)
    ensure_moderation([index, english_index])
    return result
