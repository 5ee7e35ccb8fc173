"""Know your rights: plain-language guides (Wagtail pages in Spanish and English) and the
free-help offices of each city (translatable snippets that staff complete in the console).

Guide pages take the curriculum's page behaviour (``curriculum.models.CurriculumPage``):
the Spanish page stands in for a missing translation, anonymous readers get the shared page
cache, and view restrictions are checked in one query."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from curriculum.models import INTRO_FEATURES, CurriculumPage
from semilla.constraints import choice_check
from semilla.enums import City, Sector
from semilla.fields import actor_field
from semilla.transitions import StatusHistory

from .blocks import GuideStreamBlock, NeedBlock, SourceBlock
from .enums import (
    CommitmentKind,
    GuideTopic,
    HelpOfficeKind,
    PartnerSize,
    PartnerStatus,
    PostKind,
    PostStatus,
)


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
        # cycle: community.selectors -> community.models
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
        # cycle: community.selectors -> community.models
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
            choice_check("city", City, name="community_helpoffice_city_valid"),
            choice_check("kind", HelpOfficeKind, name="community_helpoffice_kind_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_city_display()})"


# --- employer partners ----------------------------------------------------------------------
# An organisation registers interest (``EmployerPartner``, status "applied"); staff approve or
# decline it (``enums.PARTNER``, history in ``PartnerStatusChange``). Approval links the
# accounts that act for it (``EmployerMembership``): the "employer" capability is a
# membership of an approved partner, not a site role (see docs/employers.md).


class EmployerPartner(models.Model):
    name = models.CharField(_("organisation name"), max_length=150)
    slug = models.SlugField(_("web address"), max_length=80, unique=True)
    nit = models.CharField(
        _("NIT"), max_length=20, help_text=_("Tax number, digits only, without check digit.")
    )
    city = models.CharField(_("city"), max_length=20, choices=City.choices)
    sector = models.CharField(_("sector"), max_length=32, choices=Sector.choices)
    size = models.CharField(_("size"), max_length=10, choices=PartnerSize.choices)
    contact_name = models.CharField(_("contact person"), max_length=150)
    contact_email = models.EmailField(_("contact e-mail"))
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    motivation = models.TextField(_("why you want to take part"), max_length=1000, blank=True)
    applicant = actor_field(_("registered by"), on_delete=models.SET_NULL)
    status = models.CharField(
        _("status"), max_length=10, choices=PartnerStatus.choices, default=PartnerStatus.APPLIED
    )
    profile = models.TextField(_("about the organisation"), max_length=1500, blank=True)
    pledge = models.TextField(_("inclusive hiring pledge"), max_length=1000, blank=True)
    website = models.URLField(_("web site"), blank=True)
    created_at = models.DateTimeField(_("registered at"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        verbose_name = _("employer partner")
        verbose_name_plural = _("employer partners")
        ordering = ["name", "pk"]
        constraints = [
            choice_check("status", PartnerStatus, name="community_partner_status"),
            choice_check("city", City, name="community_partner_city_valid"),
            choice_check("size", PartnerSize, name="community_partner_size_valid"),
            # one live registration per NIT: a declined organisation may register again
            models.UniqueConstraint(
                fields=["nit"],
                condition=~Q(status=PartnerStatus.DECLINED),
                name="community_partner_one_live_per_nit",
            ),
            models.CheckConstraint(
                condition=Q(status=PartnerStatus.APPLIED) | Q(decided_at__isnull=False),
                name="community_partner_decided_has_date",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("community:partner", args=[self.slug])

    @property
    def is_approved(self) -> bool:
        return self.status == PartnerStatus.APPROVED


class PartnerStatusChange(
    StatusHistory.of(
        PartnerStatus, _("employer partner status change"), _("employer partner status changes")
    )
):
    partner = models.ForeignKey(EmployerPartner, on_delete=models.CASCADE, related_name="history")


class EmployerMembership(models.Model):
    """A person who acts for an employer partner: edits its profile and pledge, posts jobs
    and supplier needs, reads the answers to its posts."""

    partner = models.ForeignKey(
        EmployerPartner, on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="employer_memberships",
        verbose_name=_("person"),
    )
    created_at = models.DateTimeField(_("since"), default=timezone.now)

    class Meta:
        verbose_name = _("employer membership")
        verbose_name_plural = _("employer memberships")
        constraints = [
            models.UniqueConstraint(fields=["partner", "user"], name="community_membership_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.partner}"


class PartnerPost(models.Model):
    """A job or a supplier need published by an approved partner."""

    partner = models.ForeignKey(EmployerPartner, on_delete=models.CASCADE, related_name="posts")
    kind = models.CharField(_("kind"), max_length=10, choices=PostKind.choices)
    title = models.CharField(_("title"), max_length=150)
    description = models.TextField(_("description"), max_length=3000)
    city = models.CharField(_("city"), max_length=20, choices=City.choices)
    closes_on = models.DateField(_("closing date"))
    status = models.CharField(
        _("status"), max_length=10, choices=PostStatus.choices, default=PostStatus.OPEN
    )
    created_by = actor_field(_("posted by"), on_delete=models.SET_NULL)
    created_at = models.DateTimeField(_("posted at"), default=timezone.now)

    class Meta:
        verbose_name = _("partner post")
        verbose_name_plural = _("partner posts")
        ordering = ["closes_on", "pk"]
        constraints = [
            choice_check("status", PostStatus, name="community_post_status"),
            choice_check("kind", PostKind, name="community_post_kind_valid"),
            choice_check("city", City, name="community_post_city_valid"),
        ]
        indexes = [models.Index(fields=["status", "city", "closes_on"])]

    def __str__(self) -> str:
        return f"{self.title} ({self.partner})"

    def is_open(self, today: datetime.date | None = None) -> bool:
        return self.status == PostStatus.OPEN and self.closes_on >= (today or timezone.localdate())


class PostStatusChange(
    StatusHistory.of(PostStatus, _("post status change"), _("post status changes"))
):
    post = models.ForeignKey(PartnerPost, on_delete=models.CASCADE, related_name="history")


class PostAnswer(models.Model):
    """A participant's or alumna's answer to a post: a short message and their consent to
    share their contact with the partner. One per person and post."""

    post = models.ForeignKey(PartnerPost, on_delete=models.CASCADE, related_name="answers")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="post_answers",
        verbose_name=_("person"),
    )
    message = models.TextField(_("message"), max_length=1000)
    share_contact = models.BooleanField(_("may share my contact with the partner"))
    created_at = models.DateTimeField(_("answered at"), default=timezone.now)
    reply = models.TextField(_("partner's reply"), max_length=1000, blank=True)
    replied_at = models.DateTimeField(_("replied at"), null=True, blank=True)

    class Meta:
        verbose_name = _("answer to a post")
        verbose_name_plural = _("answers to posts")
        ordering = ["-created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["post", "user"], name="community_one_answer_per_post"),
            models.CheckConstraint(
                condition=Q(share_contact=True), name="community_answer_consents"
            ),
            models.CheckConstraint(
                condition=Q(reply="") | Q(replied_at__isnull=False),
                name="community_answer_reply_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.post_id}"


class PartnerCommitment(models.Model):
    """What a partner committed to, recorded by staff (e.g. "hire 5 migrants in 2027")."""

    partner = models.ForeignKey(
        EmployerPartner, on_delete=models.CASCADE, related_name="commitments"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=CommitmentKind.choices)
    description = models.CharField(_("commitment"), max_length=300)
    target = models.PositiveIntegerField(_("target (number)"), default=0)
    year = models.PositiveSmallIntegerField(_("year"))
    recorded_by = actor_field(_("recorded by"))
    created_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        verbose_name = _("partner commitment")
        verbose_name_plural = _("partner commitments")
        ordering = ["partner", "year", "pk"]
        constraints = [
            choice_check("kind", CommitmentKind, name="community_commitment_kind"),
            models.CheckConstraint(
                condition=Q(year__gte=2020, year__lte=2100), name="community_commitment_year"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.partner}: {self.description} ({self.year})"


class _Result(models.Model):
    """What a partnership produced for one person, recorded by staff. The person's cohort
    and the city are kept as they were when it was recorded, for the indicators."""

    partner = models.ForeignKey(
        EmployerPartner, on_delete=models.PROTECT, related_name="+", verbose_name=_("partner")
    )
    post = models.ForeignKey(
        PartnerPost,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("post"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("person"),
    )
    cohort = models.ForeignKey(
        "cohorts.Cohort",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("cohort"),
    )
    city = models.CharField(_("city"), max_length=20, choices=City.choices)
    on = models.DateField(_("date"))
    recorded_by = actor_field(_("recorded by"))
    created_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        abstract = True


class Hire(_Result):
    class Meta:
        verbose_name = _("hire")
        verbose_name_plural = _("hires")
        ordering = ["-on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["partner", "user", "on"], name="community_hire_once_a_day"
            ),
            choice_check("city", City, name="community_hire_city_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.partner} · {self.on}"


class PurchaseOrder(_Result):
    reference = models.CharField(_("order reference"), max_length=60, blank=True)
    amount_minor = models.BigIntegerField(_("amount (cents)"))
    currency = models.CharField(_("currency"), max_length=3, default="COP")

    class Meta:
        verbose_name = _("purchase order")
        verbose_name_plural = _("purchase orders")
        ordering = ["-on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_minor__gt=0), name="community_order_amount_positive"
            ),
            models.CheckConstraint(
                condition=Q(currency__regex=r"^[A-Z]{3}$"), name="community_order_currency"
            ),
            choice_check("city", City, name="community_order_city_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.reference or self.pk} · {self.partner}"
