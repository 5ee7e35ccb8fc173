"""Know your rights: plain-language guides (Wagtail pages in Spanish and English) and the
free-help offices of each city (translatable snippets that staff complete in the console).

Guide pages take the curriculum's page behaviour (``curriculum.models.CurriculumPage``):
the Spanish page stands in for a missing translation, anonymous readers get the shared page
cache, and view restrictions are checked in one query."""

import datetime

from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from curriculum.models import INTRO_FEATURES, CurriculumPage
from semilla.enums import City

from .blocks import GuideStreamBlock, NeedBlock, SourceBlock
from .enums import GuideTopic, HelpOfficeKind


class GuideIndexPage(CurriculumPage):
    """The entry of the "Know your rights" section: the guides grouped by topic."""

    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["semilla.HomePage"]
    subpage_types = ["community.GuidePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("guides index")
        verbose_name_plural = _("guides indexes")

    def get_context(self, request, *args, **kwargs):
        from .selectors import guide_sections

        context = super().get_context(request, *args, **kwargs)
        context["sections"] = guide_sections(index=self, today=timezone.localdate())
        return context


class GuidePage(CurriculumPage):
    """One guide: short sections, a "what you need" checklist, the official sources it rests
    on, and its review dates. Past ``review_by`` readers see an "under review" notice."""

    summary = models.CharField(
        _("summary"), max_length=300, help_text=_("One or two sentences for listings.")
    )
    topic = models.CharField(_("topic"), max_length=20, choices=GuideTopic.choices)
    body = StreamField(GuideStreamBlock(), verbose_name=_("sections"))
    needs = StreamField(
        [("item", NeedBlock())],
        blank=True,
        verbose_name=_("what you need"),
        help_text=_("The documents and steps a reader should have ready."),
    )
    sources = StreamField(
        [("source", SourceBlock())],
        min_num=1,
        verbose_name=_("official sources"),
        help_text=_("The official pages each statement of the guide rests on."),
    )
    last_reviewed = models.DateField(
        _("last reviewed"), help_text=_("When someone last checked the guide against its sources.")
    )
    review_by = models.DateField(
        _("review by"),
        help_text=_(
            "After this date readers see that the guide is under review, and staff are "
            "reminded to check it."
        ),
    )
    show_help_offices = models.BooleanField(
        _("list the free-help offices of each city"), default=False
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("topic"),
        FieldPanel("body"),
        FieldPanel("needs"),
        FieldPanel("sources"),
        MultiFieldPanel(
            [FieldPanel("last_reviewed"), FieldPanel("review_by")], heading=_("Review")
        ),
        FieldPanel("show_help_offices"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary")]
    parent_page_types = ["community.GuideIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("guide")
        verbose_name_plural = _("guides")
        constraints = [
            models.CheckConstraint(
                condition=Q(review_by__gt=F("last_reviewed")),
                name="community_guide_review_after_last_review",
            )
        ]

    def is_under_review(self, today: datetime.date | None = None) -> bool:
        return self.review_by < (today or timezone.localdate())

    def get_context(self, request, *args, **kwargs):
        from .selectors import help_offices_by_city

        context = super().get_context(request, *args, **kwargs)
        context["under_review"] = self.is_under_review()
        context["help_offices"] = (
            help_offices_by_city(locale_id=self.locale_id) if self.show_help_offices else []
        )
        return context


class HelpOffice(TranslatableMixin, models.Model):
    """A public office or free service in one city where people get help. The starter rows
    name the institution and its official web page; staff add local details (address,
    opening hours, phone) once checked, never guessed."""

    city = models.CharField(_("city"), max_length=20, choices=City.choices)
    kind = models.CharField(_("kind"), max_length=20, choices=HelpOfficeKind.choices)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("how it helps"), max_length=600)
    website = models.URLField(_("official web page"), blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    opening_hours = models.CharField(_("opening hours"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("city"),
        FieldPanel("kind"),
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("website"),
        FieldPanel("address"),
        FieldPanel("opening_hours"),
        FieldPanel("phone"),
        FieldPanel("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("free-help office")
        verbose_name_plural = _("free-help offices")
        ordering = ["city", "sort_order", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(city__in=City.values), name="community_helpoffice_city_valid"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=HelpOfficeKind.values),
                name="community_helpoffice_kind_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_city_display()})"
