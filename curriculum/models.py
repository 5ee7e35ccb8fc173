"""The curriculum: Wagtail pages (index -> course -> module -> lesson) and each learner's
progress, quiz attempts and certificates.

Progress, attempts and certificates always point at the lesson or course in the default
language (Spanish), so a learner who switches language keeps their progress: reads match
pages of any language through their shared ``translation_key``."""

import secrets

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page
from wagtail.search import index
from wagtail.url_routing import RouteResult

from semilla.routing import locale_ids

from . import pagecache
from .blocks import LessonStreamBlock
from .enums import CertificateStatus, Level, Topic
from .permissions import keeps_progress

INTRO_FEATURES = ["bold", "italic", "link", "ol", "ul"]


def default_locale() -> Locale:
    return Locale.objects.get(language_code=settings.LANGUAGE_CODE)


def in_default_language(page: Page) -> bool:
    """Whether ``page`` is in the default language."""
    return page.locale_id == locale_ids().get(settings.LANGUAGE_CODE)


class TopicsField(models.JSONField):
    """A list of topic codes (``Topic``), edited as checkboxes."""

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=Topic.choices,
            required=not self.blank,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        allowed = set(Topic.values)
        if not isinstance(value, list) or not set(value) <= allowed:
            raise ValidationError(_("Choose topics from the list."))


class CurriculumPage(Page):
    """Shared behaviour of the curriculum pages: the Spanish page stands in for a missing
    translation (with a notice), and anonymous readers get a cached copy."""

    class Meta:
        abstract = True

    def route(self, request, path_components):
        try:
            return super().route(request, path_components)
        except Http404:
            # A child missing in this language: route through the default-language tree,
            # so /en/... shows the Spanish page (the template says so) instead of a 404.
            if not path_components:
                raise
            fallback_locale = default_locale()
            if self.locale_id == fallback_locale.pk:
                raise
            source = self.get_translation_or_none(fallback_locale)
            if source is None or not source.live:
                raise
            return source.specific.route(request, path_components)

    def serve(self, request, *args, **kwargs):
        return pagecache.serve_cached(
            request, lambda: super(CurriculumPage, self).serve(request, *args, **kwargs)
        )

    def get_view_restrictions(self):
        """Wagtail's check in one query instead of two, and none when no restriction can
        apply (the restricted paths are kept per page-cache generation): the restrictions on
        this page and its ancestors, where an alias takes the restrictions of the page it
        copies (as in ``Page.get_view_restrictions``; Wagtail aliases always point at an
        original)."""
        # lazy: app loading (this module is imported while the models load)
        from wagtail.models import PageViewRestriction

        from semilla.routing import restricted_paths

        steplen = self.steplen
        paths = [self.path[:end] for end in range(steplen, len(self.path) + 1, steplen)]
        if restricted_paths().isdisjoint(paths):
            # No restriction on this page, its ancestors or what they alias: an empty
            # queryset, already evaluated (iterating a fresh one still compiles SQL).
            empty = PageViewRestriction.objects.none()
            empty._result_cache = []
            return empty
        return PageViewRestriction.objects.filter(
            Q(page__path__in=paths, page__alias_of__isnull=True) | Q(page__aliases__path__in=paths)
        ).distinct()

    def remember_translations(self, pages) -> None:
        """Keep this page's translations found by a query that was made anyway (see the
        selectors), so ``get_translation_or_none`` (the language switcher, the default
        language page) needs no query of its own during this request."""
        known = {
            page.locale_id: page for page in pages if page.translation_key == self.translation_key
        }
        known[self.locale_id] = self
        self._known_translations = known

    def get_translation_or_none(self, locale):
        known = getattr(self, "_known_translations", None)
        if known is not None:
            locale_id = locale.pk if isinstance(locale, Locale) else locale
            return known.get(locale_id)
        return super().get_translation_or_none(locale)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        active = locale_ids().get((translation.get_language() or "es")[:2])
        context["language_fallback"] = active is not None and self.locale_id != active
        return context


class CurriculumIndexPage(CurriculumPage):
    """The entry page of the curriculum: the list of courses and the lesson search."""

    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["semilla.HomePage"]
    subpage_types = ["curriculum.CoursePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("curriculum index")
        verbose_name_plural = _("curriculum indexes")

    def route(self, request, path_components):
        """Find a course, module or lesson with one query (by its URL path; the depth
        tells the page type) instead of one or two queries per level."""
        models_by_level = (CoursePage, ModulePage, LessonPage)
        if not 0 < len(path_components) <= len(models_by_level):
            return super().route(request, path_components)
        model = models_by_level[len(path_components) - 1]
        url_path = self.url_path + "/".join(path_components) + "/"
        page = model.objects.filter(
            url_path=url_path, depth=self.depth + len(path_components), path__startswith=self.path
        ).first()
        if page is None or not page.live:
            # 404, or the default-language page when this one is missing or unpublished
            return super().route(request, path_components)
        return RouteResult(page)

    def get_context(self, request, *args, **kwargs):
        # cycle: curriculum.selectors -> curriculum.models
        from .selectors import course_cards

        context = super().get_context(request, *args, **kwargs)
        context["courses"] = course_cards(index=self)
        return context


class CoursePage(CurriculumPage):
    summary = models.CharField(
        _("summary"), max_length=300, help_text=_("One or two sentences for listings.")
    )
    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)
    issues_certificate = models.BooleanField(
        _("issues a certificate"),
        default=True,
        help_text=_("Learners who complete every required lesson get a certificate."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("intro"),
        FieldPanel("issues_certificate"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary")]
    parent_page_types = ["curriculum.CurriculumIndexPage"]
    subpage_types = ["curriculum.ModulePage"]

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def get_context(self, request, *args, **kwargs):
        # cycle: curriculum.selectors -> curriculum.models
        from .selectors import course_outline

        context = super().get_context(request, *args, **kwargs)
        context["outline"] = course_outline(course=self, user=request.user)
        return context


class ModulePage(CurriculumPage):
    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["curriculum.CoursePage"]
    subpage_types = ["curriculum.LessonPage"]

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    def get_context(self, request, *args, **kwargs):
        # cycle: curriculum.selectors -> curriculum.models
        from .selectors import module_outline

        context = super().get_context(request, *args, **kwargs)
        context["outline"] = module_outline(module=self, user=request.user)
        return context


class LessonPage(CurriculumPage):
    summary = models.CharField(
        _("summary"), max_length=200, help_text=_("A short summary for listings and search.")
    )
    minutes = models.PositiveSmallIntegerField(
        _("estimated minutes"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(240)],
    )
    level = models.CharField(
        _("level"), max_length=16, choices=Level.choices, default=Level.BEGINNER
    )
    topics = TopicsField(_("topics"), default=list, blank=True)
    required = models.BooleanField(_("required for the certificate"), default=True)
    body = StreamField(LessonStreamBlock(), verbose_name=pgettext_lazy("lesson content", "body"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("minutes"),
                FieldPanel("level"),
                FieldPanel("topics"),
                FieldPanel("required"),
            ],
            heading=_("About this lesson"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("level"),
    ]
    parent_page_types = ["curriculum.ModulePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    @property
    def quiz_ids(self) -> list[str]:
        return [block.id for block in self.body if block.block_type == "quiz"]

    def quiz_value(self, quiz_id: str):
        for block in self.body:
            if block.block_type == "quiz" and block.id == quiz_id:
                return block.value
        return None

    def serve(self, request, *args, **kwargs):
        if (
            request.method == "GET"
            and keeps_progress(request.user)
            and not getattr(request, "is_preview", False)
        ):
            # lazy: semilla.personal_page reads the notifications' models (app loading)
            from semilla.personal_page import serve_personal

            # cycle: curriculum.services -> curriculum.models
            from .services import lesson_record_visit

            # the visit first, on every view (it writes only when the resume point moves,
            # and that write changes the generation the kept page is validated by); then
            # the page kept for this reader, if no table it read was written since
            lesson_record_visit(user=request.user, lesson=self)
            return serve_personal(
                request,
                "page:curriculum.LessonPage",
                lambda: super(LessonPage, self).serve(request, *args, **kwargs),
                parts=(self.pk,),
            )
        return super().serve(request, *args, **kwargs)

    def topic_labels(self) -> list[str]:
        labels = dict(Topic.choices)
        return [labels[t] for t in self.topics if t in labels]

    def get_context(self, request, *args, **kwargs):
        # cycle: curriculum.selectors -> curriculum.models
        from .selectors import lesson_context

        context = super().get_context(request, *args, **kwargs)
        context.update(lesson_context(lesson=self, user=request.user))
        return context


# --------------------------------------------------------------------------- learning


class LessonProgress(models.Model):
    """One learner's state on one lesson: seen (resume point) and, once done, completed."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="lesson_progress",
        verbose_name=_("learner"),
    )
    lesson = models.ForeignKey(
        LessonPage, on_delete=models.CASCADE, related_name="+", verbose_name=_("lesson")
    )
    course = models.ForeignKey(
        CoursePage, on_delete=models.CASCADE, related_name="+", verbose_name=_("course")
    )
    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    last_seen_at = models.DateTimeField(_("last seen at"))
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")
        constraints = [
            models.UniqueConstraint(fields=["user", "lesson"], name="progress_one_per_lesson"),
        ]
        indexes = [models.Index(fields=["user", "course", "-last_seen_at"])]

    def __str__(self) -> str:
        return f"{self.user_id} · {self.lesson_id}"

    @property
    def completed(self) -> bool:
        return self.completed_at is not None


class QuizAttempt(models.Model):
    """One submitted quiz: the chosen options, the score, whether it passed. Every try is
    kept; the best one counts."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="quiz_attempts",
        verbose_name=_("learner"),
    )
    lesson = models.ForeignKey(
        LessonPage, on_delete=models.CASCADE, related_name="+", verbose_name=_("lesson")
    )
    quiz_id = models.CharField(_("quiz block"), max_length=64)
    answers = models.JSONField(_("answers"), default=list)
    correct = models.PositiveSmallIntegerField(_("correct answers"))
    total = models.PositiveSmallIntegerField(_("questions"))
    passed = models.BooleanField(_("passed"))
    created_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    #: Set by the device for an answer given offline and sent later: sending it twice
    #: records one attempt (``quiz_submit(client_id=...)``).
    client_id = models.UUIDField(_("offline answer id"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "client_id"],
                condition=Q(client_id__isnull=False),
                name="quiz_attempt_offline_answer_once",
            ),
            models.CheckConstraint(
                condition=Q(total__gt=0) & Q(correct__lte=models.F("total")),
                name="quiz_attempt_score_in_range",
            ),
        ]
        indexes = [models.Index(fields=["user", "lesson", "quiz_id"])]

    def __str__(self) -> str:
        return f"{self.correct}/{self.total}"

    @property
    def percent(self) -> int:
        return round(100 * self.correct / self.total)


def new_certificate_code() -> str:
    """12 characters from an alphabet without look-alikes (no 0/O, 1/I/L)."""
    alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
    return "".join(secrets.choice(alphabet) for _ in range(12))


def normalise_certificate_code(value: str) -> str:
    return "".join(ch for ch in (value or "").upper() if ch.isalnum())[:32]


class Certificate(models.Model):
    """Issued when a learner completes every required lesson of a course. Anyone can check
    it at its public verification URL; staff can revoke it (with a reason)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="certificates",
        verbose_name=_("learner"),
    )
    course = models.ForeignKey(
        CoursePage, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("course")
    )
    course_title = models.CharField(_("course title at issue"), max_length=255)
    recipient_name = models.CharField(_("name on the certificate"), max_length=150)
    code = models.CharField(
        _("verification code"),
        max_length=32,
        unique=True,
        default=new_certificate_code,
        editable=False,
    )
    issued_at = models.DateTimeField(_("issued at"), auto_now_add=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=CertificateStatus.choices,
        default=CertificateStatus.VALID,
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revoked by"),
    )
    revoked_reason = models.TextField(_("reason for revoking"), blank=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course"],
                condition=Q(status=CertificateStatus.VALID),
                name="certificate_one_valid_per_course",
            ),
            models.CheckConstraint(
                condition=(
                    Q(status=CertificateStatus.VALID, revoked_at__isnull=True)
                    | Q(status=CertificateStatus.REVOKED, revoked_at__isnull=False)
                ),
                name="certificate_revocation_consistent",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.display_code} · {self.recipient_name}"

    def get_absolute_url(self) -> str:
        return reverse("curriculum:certificate", kwargs={"code": self.code})

    @property
    def display_code(self) -> str:
        return "-".join(self.code[i : i + 4] for i in range(0, len(self.code), 4))

    @property
    def is_valid(self) -> bool:
        return self.status == CertificateStatus.VALID

    def get_verification_url(self) -> str:
        return reverse("curriculum:verify", kwargs={"code": self.code})


# --------------------------------------------------------------------------- syllabus


class SyllabusItem(models.Model):
    """A course or a lesson that a cohort's participants should finish by a date."""

    cohort = models.ForeignKey(
        "cohorts.Cohort",
        on_delete=models.CASCADE,
        related_name="syllabus_items",
        verbose_name=_("cohort"),
    )
    page = models.ForeignKey(
        Page, on_delete=models.CASCADE, related_name="+", verbose_name=_("course or lesson")
    )
    due_date = models.DateField(_("due date"))
    note = models.CharField(_("note for participants"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("syllabus item")
        verbose_name_plural = _("syllabus items")
        ordering = ["cohort", "due_date", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "page"], name="syllabus_page_once_per_cohort"
            ),
        ]
        indexes = [models.Index(fields=["cohort", "due_date"])]

    def __str__(self) -> str:
        return f"{self.cohort} · {self.page} · {self.due_date}"

    def clean(self) -> None:
        if self.page_id and self.page.specific_class not in (CoursePage, LessonPage):
            raise ValidationError({"page": _("Choose a course or a lesson.")})
