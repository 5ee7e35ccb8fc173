"""Reads for the curriculum pages and screens, each with a fixed number of queries.

Learners' rows point at the default-language (canonical) pages; listings in another
language show the translated page where one is live, and the Spanish page (flagged as
a fallback) where none is."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Substr
from django.utils import timezone
from wagtail.models import Locale, Page

from cohorts.enums import ParticipantStatus
from cohorts.models import Participant
from semilla import table_cache
from semilla.routing import per_generation

from .enums import CertificateStatus
from .models import (
    Certificate,
    CoursePage,
    CurriculumIndexPage,
    LessonPage,
    LessonProgress,
    ModulePage,
    QuizAttempt,
    SyllabusItem,
    in_default_language,
    locale_ids,
)

if TYPE_CHECKING:
    from semilla.models import User

LISTING_DEFER = ("body",)


@dataclass
class LessonItem:
    page: LessonPage
    canonical_id: int
    fallback: bool = False
    started: bool = False
    completed: bool = False
    last_seen_at: datetime | None = None

    @property
    def status(self) -> str:
        return "completed" if self.completed else "started" if self.started else "new"


@dataclass
class ModuleItem:
    page: Page
    fallback: bool = False
    lessons: list[LessonItem] = field(default_factory=list)
    parent: Page | None = None

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
    canonical: Page
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


def _default_locale_id() -> int | None:
    return locale_ids().get(settings.LANGUAGE_CODE)


def _with_translations(page: Page, also: Any) -> list[Page]:
    """Pages matching ``also`` and the translations of ``page``, in one query; the
    translations are remembered on ``page`` (language switcher, default-language page)."""
    rows = list(
        Page.objects.filter(Q(translation_key=page.translation_key) | also).order_by("path")
    )
    page.remember_translations(rows)
    return rows


def _children(parent: Page, rows) -> list[Page]:
    return [
        p for p in rows if p.live and p.depth == parent.depth + 1 and p.path.startswith(parent.path)
    ]


def _canonical(page: Page) -> Page:
    """The live default-language page of ``page`` (from its remembered translations)."""
    if in_default_language(page):
        return page
    source = page.get_translation_or_none(_default_locale_id())
    return source if source is not None and source.live else page


def _lessons(*, parents, depth: int, user) -> list[LessonPage]:
    """The live lessons at ``depth`` under any of ``parents`` (without their bodies), in
    one query; for a signed-in learner each carries ``seen_at`` and ``done_at`` from their
    progress row (subqueries, so the progress costs no query of its own)."""
    condition = Q()
    for parent in parents:
        condition |= Q(path__startswith=parent.path)
    lessons = (
        LessonPage.objects.live()
        .filter(condition, depth=depth)
        .defer(*LISTING_DEFER)
        .order_by("path")
    )
    if _signed_in(user):
        mine = LessonProgress.objects.filter(user=user, lesson_id=OuterRef("pk"))
        lessons = lessons.annotate(
            seen_at=Subquery(mine.values("last_seen_at")[:1]),
            done_at=Subquery(mine.values("completed_at")[:1]),
        )
    return list(lessons)


def _outline(*, canonical_modules, shown_modules, lessons, canonical_path: str, translated):
    """Modules and lessons of the default-language tree (``canonical_path``), each shown
    by its translation among ``shown_modules``/``lessons`` where there is one, with the
    learner's progress (annotated by ``_lessons``)."""
    module_tr, lesson_tr = {}, {}
    if translated:
        module_tr = {p.translation_key: p for p in shown_modules}
        lesson_tr = {p.translation_key: p for p in lessons if not p.path.startswith(canonical_path)}
    modules = []
    by_path = {}
    for module in canonical_modules:
        shown = module_tr.get(module.translation_key, module)
        item = ModuleItem(page=shown, fallback=translated and shown is module)
        modules.append(item)
        by_path[module.path] = item
    for lesson in lessons:
        module_item = by_path.get(lesson.path[: -Page.steplen])
        if module_item is None:
            continue  # a translated lesson (shown through its Spanish one) or an orphan
        shown = lesson_tr.get(lesson.translation_key, lesson)
        seen_at = getattr(lesson, "seen_at", None)
        module_item.lessons.append(
            LessonItem(
                page=shown,
                canonical_id=lesson.pk,
                fallback=translated and shown is lesson,
                started=seen_at is not None,
                completed=getattr(lesson, "done_at", None) is not None,
                last_seen_at=seen_at,
            )
        )
    return modules


def _translated_parent_is(page: Page) -> Exists:
    """For pages one level below a translation of ``page``: whether their parent is the
    default-language one (the Spanish tree found without knowing its path first)."""
    return Exists(
        Page.objects.filter(
            translation_key=page.translation_key,
            locale_id=_default_locale_id(),
            path=Substr(OuterRef("path"), 1, len(page.path)),
        )
    )


def _progress_outline(
    *, page: Page, canonical: Page, canonical_modules, shown_modules, lesson_depth: int, user
) -> list[ModuleItem]:
    """``_outline`` over the lessons at ``lesson_depth`` under ``page`` and, when ``page``
    is a translation, under its default-language original ``canonical`` as well."""
    translated = canonical is not page
    return _outline(
        canonical_modules=canonical_modules,
        shown_modules=shown_modules,
        lessons=_lessons(
            parents=[canonical, page] if translated else [page], depth=lesson_depth, user=user
        ),
        canonical_path=canonical.path,
        translated=translated,
    )


def course_outline(*, course: CoursePage, user: User) -> CourseOutline:
    """A course's modules and lessons with the learner's progress, where to resume and
    their certificate, in three queries (course translations with the modules of the
    course and of its Spanish original; lessons with progress; certificate), whatever
    the number of modules, lessons and attempts."""
    below = Q(depth=course.depth + 1, live=True)
    modules_here = below & Q(path__startswith=course.path)
    if in_default_language(course):
        rows = _with_translations(course, modules_here)
    else:
        rows = _with_translations(course, modules_here | (below & _translated_parent_is(course)))
    canonical = _canonical(course)
    modules = _progress_outline(
        page=course,
        canonical=canonical,
        canonical_modules=_children(canonical, rows),
        shown_modules=_children(course, rows),
        lesson_depth=course.depth + 2,
        user=user,
    )
    items = [item for module in modules for item in module.lessons]
    required = [item for item in items if item.page.required]
    outline = CourseOutline(
        course=course,
        canonical=canonical,
        modules=modules,
        required_total=len(required),
        required_completed=sum(1 for i in required if i.completed),
        signed_in=_signed_in(user),
    )
    if outline.signed_in:
        outline.resume = _resume(items)
        outline.certificate = Certificate.objects.filter(
            user=user, course_id=canonical.pk, status=CertificateStatus.VALID
        ).first()
    return outline


def _resume(lessons: list[LessonItem]) -> LessonItem | None:
    """The lesson last opened and not finished; else the first one not finished."""
    open_items = [i for i in lessons if i.started and not i.completed]
    if open_items:
        return max(open_items, key=lambda i: i.last_seen_at or datetime.min.replace(tzinfo=UTC))
    if not any(i.started for i in lessons):
        return None
    return next((i for i in lessons if not i.completed), None)


def module_outline(*, module: ModulePage, user: User) -> ModuleItem:
    """A module's lessons with the learner's progress, and its course (``parent``), in two
    queries (the course with the module's translations; the lessons with progress)."""
    parent_path = module.path[: -Page.steplen]
    rows = _with_translations(module, Q(path=parent_path))
    canonical = _canonical(module)
    item = _progress_outline(
        page=module,
        canonical=canonical,
        canonical_modules=[canonical],
        shown_modules=[module],
        lesson_depth=module.depth + 1,
        user=user,
    )[0]
    item.page = module
    item.fallback = False
    item.parent = next((p for p in rows if p.path == parent_path), None)
    return item


def course_cards(*, index: CurriculumIndexPage) -> list[CoursePage]:
    return list(CoursePage.objects.live().child_of(index))


def lesson_context(*, lesson: LessonPage, user: User) -> dict:
    """What a lesson page shows around its body: where it sits, previous and next, the
    learner's progress in its module and their quiz results."""
    steplen = Page.steplen
    module_path, course_path = lesson.path[:-steplen], lesson.path[: -2 * steplen]
    # one query: the module and course, the live lessons of the module, and the lesson's
    # translations (for the language switcher and the default-language page)

    def tree_rows():
        return Page.objects.filter(
            Q(path__in=[module_path, course_path])
            | Q(path__startswith=module_path, depth=lesson.depth, live=True)
            | Q(translation_key=lesson.translation_key)
        ).order_by("path")

    # the tree around the lesson is the same for every reader until something is
    # published, moved or unpublished: read once per page-cache generation and process
    rows = per_generation(f"lesson_rows:{lesson.pk}", lambda: list(tree_rows()))
    lesson.remember_translations(rows)
    ancestors = {p.path: p for p in rows if p.depth < lesson.depth}
    module = ancestors.get(module_path)
    course = ancestors.get(course_path)
    siblings = [
        p
        for p in rows
        if p.depth == lesson.depth
        and p.path.startswith(module_path)
        and (p.live or p.pk == lesson.pk)
    ]
    position = next((i for i, s in enumerate(siblings) if s.pk == lesson.pk), None)
    previous_lesson = siblings[position - 1] if position else None
    next_lesson = (
        siblings[position + 1] if position is not None and position + 1 < len(siblings) else None
    )
    context: dict[str, Any] = {
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
    sibling_keys = tuple(s.translation_key for s in siblings)
    completed_keys, attempts = table_cache.cached(
        "lesson_progress",
        (user.pk, lesson.translation_key, sibling_keys),
        lambda: _lesson_progress(user=user, lesson=lesson, sibling_keys=sibling_keys),
    )
    context["completed_keys"] = completed_keys
    context["lesson_completed"] = lesson.translation_key in completed_keys
    context["quiz_attempts"] = attempts
    return context


def _lesson_progress(
    *, user: User, lesson: LessonPage, sibling_keys: tuple[Any, ...]
) -> tuple[set[Any], dict[str, dict[str, Any]]]:
    """The learner's own state around a lesson: which of its module's lessons they
    completed (in any language) and their quiz attempts on it. Two queries; kept in the
    table cache until the learner's progress or attempts change (a write to their tables)."""
    completed_keys = set(
        LessonProgress.objects.filter(
            user=user, completed_at__isnull=False, lesson__translation_key__in=sibling_keys
        ).values_list("lesson__translation_key", flat=True)
    )
    attempts: dict[str, dict[str, Any]] = {}
    for attempt in QuizAttempt.objects.filter(
        user=user, lesson__translation_key=lesson.translation_key
    ).order_by("created_at"):
        best = attempts.get(attempt.quiz_id)
        attempts[attempt.quiz_id] = {
            "last": attempt,
            "passed": attempt.passed or bool(best and best["passed"]),
            "count": (best["count"] + 1) if best else 1,
        }
    return completed_keys, attempts


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


def learning_for_user(*, user: User, language: str) -> list[LearningCard]:
    """The courses a learner has started, with progress and where to resume (in
    ``language`` where a translation exists): one query (the learner's rows with their
    lesson and course, each row carrying its course's number of required lessons and the
    learner's valid certificate), one more for the translations in another language."""
    required = (
        LessonPage.objects.live()
        .filter(
            required=True,
            depth=OuterRef("course__depth") + 2,
            path__startswith=OuterRef("course__path"),
        )
        .order_by()
        .values("live")
        .annotate(n=Count("pk"))
        .values("n")
    )
    certificate = Certificate.objects.filter(
        user=user, course_id=OuterRef("course_id"), status=CertificateStatus.VALID
    ).order_by("pk")
    rows = list(
        LessonProgress.objects.filter(user=user)
        .select_related("lesson", "course")
        .defer("lesson__body")
        .annotate(
            required_total=Coalesce(Subquery(required, output_field=IntegerField()), 0),
            certificate_pk=Subquery(certificate.values("pk")[:1]),
            certificate_code=Subquery(certificate.values("code")[:1]),
        )
        .order_by("-last_seen_at")
    )
    if not rows:
        return []
    courses: dict[int, CoursePage] = {}
    totals: dict[int, int] = {}
    certificates: dict[int, Certificate] = {}
    for row in rows:
        courses.setdefault(row.course_id, row.course)
        totals.setdefault(row.course_id, row.required_total)
        if row.certificate_pk is not None and row.course_id not in certificates:
            certificates[row.course_id] = Certificate(
                pk=row.certificate_pk,
                code=row.certificate_code,
                user=user,
                course=row.course,
                status=CertificateStatus.VALID,
            )
    course_list = list(courses.values())
    keys = [c.translation_key for c in course_list] + [r.lesson.translation_key for r in rows]
    translations = (
        {
            p.translation_key: p
            for p in Page.objects.live()
            .filter(translation_key__in=keys, locale__language_code=language)
            .specific(defer=True)
        }
        if locale_ids().get(language) != course_list[0].locale_id
        else {}
    )
    cards = []
    for course in course_list:
        mine = [r for r in rows if r.course_id == course.pk]
        done = sum(
            1
            for r in mine
            if r.completed_at
            and r.lesson.live
            and r.lesson.required
            and r.lesson.depth == course.depth + 2
        )
        open_rows = [r for r in mine if not r.completed_at]
        resume = open_rows[0].lesson if open_rows else None
        if resume is not None:
            resume = translations.get(resume.translation_key, resume)
        cards.append(
            LearningCard(
                course=translations.get(course.translation_key, course),
                completed=done,
                total=totals[course.pk],
                resume=resume,
                certificate=certificates.get(course.pk),
            )
        )
    return cards


def certificate_get_for_owner(*, user: User, code: str) -> Certificate | None:
    return Certificate.objects.filter(user=user, code=code).select_related("course").first()


def certificates_for_owner(*, user: User) -> list[Certificate]:
    """The person's certificates with their course, newest first (one query)."""
    return list(
        Certificate.objects.filter(user=user).select_related("course").order_by("-issued_at")
    )


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


def today() -> date:
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


def syllabus_due_for_user(*, user: User, language: str, days: int = 7) -> list[DueItem]:
    """Courses and lessons due in the next ``days`` (and those overdue in the past week,
    not yet done) in the active cohorts of ``user``, in ``language`` where translated."""

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
        .annotate(
            lesson_done=Exists(
                LessonProgress.objects.filter(
                    user=user,
                    completed_at__isnull=False,
                    lesson__translation_key=OuterRef("page__translation_key"),
                )
            ),
            course_done=Exists(
                Certificate.objects.filter(
                    user=user,
                    status=CertificateStatus.VALID,
                    course__translation_key=OuterRef("page__translation_key"),
                )
            ),
        )
        .order_by("due_date", "pk")
    )
    if not items:
        return []
    wanted = locale_ids().get(language)
    keys = [item.page.translation_key for item in items if item.page.locale_id != wanted]
    translated = (
        {
            p.translation_key: p
            for p in Page.objects.live().filter(
                translation_key__in=keys, locale__language_code=language
            )
        }
        if keys
        else {}
    )
    result = []
    for item in items:
        key = item.page.translation_key
        done = item.lesson_done or item.course_done
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
