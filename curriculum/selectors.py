"""Reads for the curriculum pages and screens, each with a fixed number of queries.

Learners' rows point at the default-language (canonical) pages; listings in another
language show the translated page where one is live, and the Spanish page (flagged as
a fallback) where none is."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Locale, Page

from .enums import CertificateStatus
from .models import (
    Certificate,
    CoursePage,
    CurriculumIndexPage,
    LessonPage,
    LessonProgress,
    ModulePage,
    QuizAttempt,
    default_locale,
    in_default_language,
)

LISTING_DEFER = ("body",)


@dataclass
class LessonItem:
    page: LessonPage
    canonical_id: int
    fallback: bool = False
    started: bool = False
    completed: bool = False

    @property
    def status(self) -> str:
        return "completed" if self.completed else "started" if self.started else "new"


@dataclass
class ModuleItem:
    page: ModulePage
    fallback: bool = False
    lessons: list[LessonItem] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.lessons)

    @property
    def completed(self) -> int:
        return sum(1 for item in self.lessons if item.completed)

    @property
    def percent(self) -> int:
        return round(100 * self.completed / self.total) if self.total else 0


@dataclass
class CourseOutline:
    course: CoursePage
    canonical: CoursePage
    modules: list[ModuleItem]
    required_total: int = 0
    required_completed: int = 0
    resume: LessonItem | None = None
    certificate: Certificate | None = None
    signed_in: bool = False

    @property
    def percent(self) -> int:
        if not self.required_total:
            return 0
        return round(100 * self.required_completed / self.required_total)

    @property
    def lesson_count(self) -> int:
        return sum(module.total for module in self.modules)

    @property
    def minutes(self) -> int:
        return sum(item.page.minutes for module in self.modules for item in module.lessons)

    @property
    def started(self) -> bool:
        return any(item.started for module in self.modules for item in module.lessons)


def _signed_in(user) -> bool:
    return bool(user is not None and user.is_authenticated)


def _source_of(page: Page):
    """The page in the default language, or the page itself when it has none."""
    if in_default_language(page):
        return page
    source = page.get_translation_or_none(default_locale())
    return source.specific if source is not None and source.live else page


def _localize(pages, model, locale_id):
    """{translation_key: page} of the live translations of ``pages`` in ``locale_id``."""
    keys = [p.translation_key for p in pages]
    if not keys:
        return {}
    qs = model.objects.live().filter(locale_id=locale_id, translation_key__in=keys)
    if model is LessonPage:
        qs = qs.defer(*LISTING_DEFER)
    return {p.translation_key: p for p in qs}


def _outline(*, parent, canonical_parent, reading_locale_id, user, modules_from=None):
    """Modules and lessons under ``canonical_parent`` shown in the reading language."""
    if modules_from is None:
        module_pages = list(ModulePage.objects.live().child_of(canonical_parent))
        lesson_pages = list(
            LessonPage.objects.live()
            .descendant_of(canonical_parent)
            .defer(*LISTING_DEFER)
            .order_by("path")
        )
    else:
        module_pages = [modules_from]
        lesson_pages = list(
            LessonPage.objects.live().child_of(modules_from).defer(*LISTING_DEFER).order_by("path")
        )
    translated = reading_locale_id != canonical_parent.locale_id
    module_tr = _localize(module_pages, ModulePage, reading_locale_id) if translated else {}
    lesson_tr = _localize(lesson_pages, LessonPage, reading_locale_id) if translated else {}
    progress = {}
    if _signed_in(user) and lesson_pages:
        progress = {
            row.lesson_id: row
            for row in LessonProgress.objects.filter(
                user=user, lesson_id__in=[p.pk for p in lesson_pages]
            )
        }
    modules = []
    by_path = {}
    for module in module_pages:
        shown = module_tr.get(module.translation_key, module)
        item = ModuleItem(page=shown, fallback=translated and shown is module)
        modules.append(item)
        by_path[module.path] = item
    for lesson in lesson_pages:
        module_item = by_path.get(lesson.path[: -Page.steplen])
        if module_item is None:
            continue
        shown = lesson_tr.get(lesson.translation_key, lesson)
        row = progress.get(lesson.pk)
        module_item.lessons.append(
            LessonItem(
                page=shown,
                canonical_id=lesson.pk,
                fallback=translated and shown is lesson,
                started=row is not None,
                completed=bool(row and row.completed_at),
            )
        )
    return modules, progress


def course_outline(*, course: CoursePage, user) -> CourseOutline:
    canonical = _source_of(course)
    modules, progress = _outline(
        parent=course, canonical_parent=canonical, reading_locale_id=course.locale_id, user=user
    )
    lessons = [item for module in modules for item in module.lessons]
    required = [item for item in lessons if item.page.required]
    outline = CourseOutline(
        course=course,
        canonical=canonical,
        modules=modules,
        required_total=len(required),
        required_completed=sum(1 for i in required if i.completed),
        signed_in=_signed_in(user),
    )
    if outline.signed_in:
        outline.resume = _resume(lessons, progress)
        outline.certificate = Certificate.objects.filter(
            user=user, course=canonical, status=CertificateStatus.VALID
        ).first()
    return outline


def _resume(lessons: list[LessonItem], progress: dict) -> LessonItem | None:
    """The lesson last opened and not finished; else the first one not finished."""
    open_rows = [
        progress[i.canonical_id] for i in lessons if i.canonical_id in progress and not i.completed
    ]
    if open_rows:
        latest = max(open_rows, key=lambda row: row.last_seen_at)
        return next(i for i in lessons if i.canonical_id == latest.lesson_id)
    return next((i for i in lessons if not i.completed), None) if progress else None


def module_outline(*, module: ModulePage, user) -> ModuleItem | None:
    canonical = _source_of(module)
    modules, _progress = _outline(
        parent=module,
        canonical_parent=canonical,
        reading_locale_id=module.locale_id,
        user=user,
        modules_from=canonical,
    )
    item = modules[0]
    item.page = module
    return item


def course_cards(*, index: CurriculumIndexPage) -> list[CoursePage]:
    return list(CoursePage.objects.live().child_of(index))


def lesson_context(*, lesson: LessonPage, user) -> dict:
    """What a lesson page shows around its body: where it sits, previous and next, the
    learner's progress in its module and their quiz results."""
    steplen = Page.steplen
    module_path, course_path = lesson.path[:-steplen], lesson.path[: -2 * steplen]
    rows = list(
        Page.objects.filter(
            Q(path__in=[module_path, course_path])
            | Q(path__startswith=module_path, depth=lesson.depth, live=True)
        ).order_by("path")
    )
    ancestors = {p.path: p for p in rows if p.depth < lesson.depth}
    module = ancestors.get(module_path)
    course = ancestors.get(course_path)
    siblings = [p for p in rows if p.depth == lesson.depth]
    position = next((i for i, s in enumerate(siblings) if s.pk == lesson.pk), None)
    previous_lesson = siblings[position - 1] if position else None
    next_lesson = (
        siblings[position + 1] if position is not None and position + 1 < len(siblings) else None
    )
    context = {
        "module": module,
        "course": course,
        "siblings": siblings,
        "position": (position or 0) + 1,
        "previous_lesson": previous_lesson,
        "next_lesson": next_lesson,
        "completed_keys": set(),
        "lesson_completed": False,
        "quiz_attempts": {},
        "signed_in": _signed_in(user),
    }
    if not context["signed_in"]:
        return context
    keys = [s.translation_key for s in siblings] or [lesson.translation_key]
    rows = (
        LessonProgress.objects.filter(user=user, completed_at__isnull=False)
        .filter(
            Q(lesson__translation_key__in=keys) | Q(lesson__translation_key=lesson.translation_key)
        )
        .values_list("lesson__translation_key", flat=True)
    )
    context["completed_keys"] = set(rows)
    context["lesson_completed"] = lesson.translation_key in context["completed_keys"]
    attempts = {}
    for attempt in QuizAttempt.objects.filter(
        user=user, lesson__translation_key=lesson.translation_key
    ).order_by("created_at"):
        best = attempts.get(attempt.quiz_id)
        attempts[attempt.quiz_id] = {
            "last": attempt,
            "passed": attempt.passed or bool(best and best["passed"]),
            "count": (best["count"] + 1) if best else 1,
        }
    context["quiz_attempts"] = attempts
    return context


# --------------------------------------------------------------------------- learners


@dataclass
class LearningCard:
    course: CoursePage
    completed: int
    total: int
    resume: LessonPage | None
    certificate: Certificate | None

    @property
    def percent(self) -> int:
        return round(100 * self.completed / self.total) if self.total else 0


def learning_for_user(*, user, language: str) -> list[LearningCard]:
    """The courses a learner has started, with progress and where to resume (in
    ``language`` where a translation exists)."""
    rows = list(
        LessonProgress.objects.filter(user=user)
        .select_related("lesson", "course")
        .defer("lesson__body")
        .order_by("-last_seen_at")
    )
    if not rows:
        return []
    courses = {}
    for row in rows:
        courses.setdefault(row.course_id, row.course)
    course_list = list(courses.values())
    condition = Q()
    for course in course_list:
        condition |= Q(path__startswith=course.path)
    required = list(
        LessonPage.objects.live()
        .filter(condition, required=True, depth=course_list[0].depth + 2)
        .values_list("path", "pk")
    )
    certificates = {
        c.course_id: c
        for c in Certificate.objects.filter(
            user=user, course_id__in=courses, status=CertificateStatus.VALID
        )
    }
    keys = [c.translation_key for c in course_list] + [r.lesson.translation_key for r in rows]
    translations = (
        {
            p.translation_key: p
            for p in Page.objects.live()
            .filter(translation_key__in=keys, locale__language_code=language)
            .specific(defer=True)
        }
        if language != course_list[0].locale.language_code
        else {}
    )
    cards = []
    for course in course_list:
        required_pks = {pk for path, pk in required if path.startswith(course.path)}
        mine = [r for r in rows if r.course_id == course.pk]
        done = sum(1 for r in mine if r.completed_at and r.lesson_id in required_pks)
        open_rows = [r for r in mine if not r.completed_at]
        resume = open_rows[0].lesson if open_rows else None
        if resume is not None:
            resume = translations.get(resume.translation_key, resume)
        cards.append(
            LearningCard(
                course=translations.get(course.translation_key, course),
                completed=done,
                total=len(required_pks),
                resume=resume,
                certificate=certificates.get(course.pk),
            )
        )
    return cards


def certificate_get_for_owner(*, user, code: str) -> Certificate | None:
    return Certificate.objects.filter(user=user, code=code).select_related("course").first()


def certificate_for_verification(*, code: str) -> Certificate | None:
    return Certificate.objects.filter(code=code).select_related("course").first()


def lessons_search(*, query: str, language: str, limit: int = 30) -> list[LessonPage]:
    query = (query or "").strip()[:100]
    if not query:
        return []
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        return []
    results = LessonPage.objects.live().filter(locale=locale).search(query)
    return list(results[:limit])


def today():
    return timezone.localdate()


# --------------------------------------------------------------------------- syllabus


@dataclass
class DueItem:
    page: Page
    cohort_name: str
    due_date: object
    note: str
    done: bool
    overdue: bool


def syllabus_due_for_user(*, user, language: str, days: int = 7) -> list[DueItem]:
    """Courses and lessons due in the next ``days`` (and those overdue in the past week,
    not yet done) in the active cohorts of ``user``, in ``language`` where translated."""
    from cohorts.enums import ParticipantStatus
    from cohorts.models import Participant

    from .models import SyllabusItem

    start = today()
    cohort_ids = Participant.objects.filter(user=user, status=ParticipantStatus.ACTIVE).values(
        "cohort_id"
    )
    items = list(
        SyllabusItem.objects.filter(
            cohort_id__in=cohort_ids,
            due_date__gte=start - timedelta(days=7),
            due_date__lte=start + timedelta(days=days),
        )
        .select_related("cohort", "page")
        .order_by("due_date", "pk")
    )
    if not items:
        return []
    keys = [item.page.translation_key for item in items]
    done_lessons = set(
        LessonProgress.objects.filter(
            user=user,
            completed_at__isnull=False,
            lesson__translation_key__in=keys,
        ).values_list("lesson__translation_key", flat=True)
    )
    done_courses = set(
        Certificate.objects.filter(
            user=user,
            status=CertificateStatus.VALID,
            course__translation_key__in=keys,
        ).values_list("course__translation_key", flat=True)
    )
    translated = {
        p.translation_key: p
        for p in Page.objects.live().filter(
            translation_key__in=keys, locale__language_code=language
        )
    }
    result = []
    for item in items:
        key = item.page.translation_key
        done = key in done_lessons or key in done_courses
        if item.due_date < start and done:
            continue
        result.append(
            DueItem(
                page=translated.get(key, item.page),
                cohort_name=item.cohort.name,
                due_date=item.due_date,
                note=item.note,
                done=done,
                overdue=item.due_date < start and not done,
            )
        )
    return result
