"""The market app's data: the showcase of consenting winners and alumni, expressions of
interest from investors and buyers (with their history), the directory of financial
providers and the referrals made to them (with their history)."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from semilla import upload_pipeline
from semilla.constraints import choice_check
from semilla.enums import City, Sector
from semilla.fields import actor_field
from semilla.transitions import StatusHistory
from semilla.upload_pipeline import UploadModelField

from .enums import (
    AcceptedDocument,
    InterestKind,
    InterestStatus,
    Product,
    ProviderKind,
    ReferralStatus,
)

USER = settings.AUTH_USER_MODEL


def photo_upload_to(instance, filename: str) -> str:
    return f"market/photos/{uuid.uuid4().hex}.jpg"


class ShowcaseProfile(models.Model):
    """A pitch winner's or alumna's public business card. Shown only while ``listed``: the
    person gave the showcase consent (``consented_at``) and has not withdrawn it."""

    user = models.OneToOneField(
        USER, on_delete=models.CASCADE, related_name="showcase", verbose_name=_("person")
    )
    event = models.ForeignKey(
        "pitchday.PitchEvent",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("pitch event"),
    )
    business_name = models.CharField(_("business name"), max_length=150)
    city = models.CharField(_("city"), max_length=32, choices=City.choices)
    sector = models.CharField(_("sector"), max_length=32, choices=Sector.choices)
    summary = models.TextField(_("what the business does"), max_length=600)
    needs = models.CharField(_("what the business needs"), max_length=300)
    photo = UploadModelField(
        _("photo"),
        kind=upload_pipeline.PHOTO,
        upload_to=photo_upload_to,
        blank=True,
        max_length=200,
    )
    listed = models.BooleanField(_("shown in the showcase"), default=False)
    consented_at = models.DateTimeField(_("showcase consent given"), null=True, blank=True)
    consent_version = models.CharField(max_length=20, blank=True)
    withdrawn_at = models.DateTimeField(_("showcase consent withdrawn"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("showcased business")
        verbose_name_plural = _("showcased businesses")
        ordering = ["business_name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(listed=False) | Q(consented_at__isnull=False),
                name="market_showcase_listed_needs_consent",
            ),
            choice_check("city", City, name="market_showcase_city_valid"),
            choice_check("sector", Sector, name="market_showcase_sector_valid"),
        ]
        indexes = [models.Index(fields=["listed", "city", "sector"])]

    def __str__(self) -> str:
        return self.business_name

    def get_absolute_url(self) -> str:
        return reverse("market:showcase_detail", args=[self.pk])


class Interest(models.Model):
    """An investor's, buyer's or mentor's wish to support a showcased business. Staff read
    it first; the entrepreneur's contacts are given only once she agrees."""

    profile = models.ForeignKey(ShowcaseProfile, on_delete=models.CASCADE, related_name="interests")
    kind = models.CharField(_("I am"), max_length=10, choices=InterestKind.choices)
    name = models.CharField(_("your name"), max_length=150)
    organisation = models.CharField(_("organisation"), max_length=150, blank=True)
    email = models.EmailField(_("e-mail"))
    message = models.TextField(_("message"), max_length=1500)
    status = models.CharField(
        _("status"), max_length=12, choices=InterestStatus.choices, default=InterestStatus.NEW
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    answered_at = models.DateTimeField(_("answered by the entrepreneur"), null=True, blank=True)
    introduced_at = models.DateTimeField(_("introduction sent"), null=True, blank=True)
    introduced_by = actor_field()

    class Meta:
        verbose_name = _("expression of interest")
        verbose_name_plural = _("expressions of interest")
        ordering = ["-created_at", "-pk"]
        constraints = [
            choice_check("status", InterestStatus, name="market_interest_status_valid"),
            choice_check("kind", InterestKind, name="market_interest_kind_valid"),
            # an introduction is recorded with who sent it and when, and only then
            models.CheckConstraint(
                condition=(
                    Q(status=InterestStatus.INTRODUCED)
                    & Q(introduced_at__isnull=False, introduced_by__isnull=False)
                )
                | (
                    ~Q(status=InterestStatus.INTRODUCED)
                    & Q(introduced_at__isnull=True, introduced_by__isnull=True)
                ),
                name="market_interest_introduction_recorded",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.profile}"


class InterestStatusChange(
    StatusHistory.of(InterestStatus, _("interest status change"), _("interest status changes"))
):
    interest = models.ForeignKey(Interest, on_delete=models.CASCADE, related_name="history")


class FinancialProvider(models.Model):
    """A bank, cooperative, microfinance institution or fintech wallet, with what it offers
    and which migrant documents it accepts (kept by staff as a snippet)."""

    name = models.CharField(_("name"), max_length=150, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=ProviderKind.choices)
    offer = models.TextField(
        _("what it offers"),
        max_length=800,
        help_text=_("Plain words: products, amounts, requirements, costs."),
    )
    offer_en = models.TextField(_("what it offers (English)"), max_length=800, blank=True)
    offers_account = models.BooleanField(Product.ACCOUNT.label, default=False)
    offers_wallet = models.BooleanField(Product.WALLET.label, default=False)
    offers_microcredit = models.BooleanField(Product.MICROCREDIT.label, default=False)
    offers_business_loan = models.BooleanField(Product.BUSINESS_LOAN.label, default=False)
    offers_insurance = models.BooleanField(Product.INSURANCE.label, default=False)
    accepts_ppt = models.BooleanField(AcceptedDocument.PPT.label, default=False)
    accepts_pep = models.BooleanField(AcceptedDocument.PEP.label, default=False)
    accepts_passport = models.BooleanField(AcceptedDocument.PASSPORT.label, default=False)
    accepts_cedula_extranjeria = models.BooleanField(
        AcceptedDocument.CEDULA_EXTRANJERIA.label, default=False
    )
    cities = models.CharField(
        _("cities"),
        max_length=300,
        help_text=_("Where it serves people, e.g. “All the country” or “Cúcuta, Bogotá”."),
    )
    link = models.URLField(_("official web page"))
    published = models.BooleanField(_("shown in the public directory"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("offer"),
        FieldPanel("offer_en"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel(f"offers_{p}") for p in Product.values]),
            ],
            heading=_("Products"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel(f"accepts_{d}") for d in AcceptedDocument.values]),
            ],
            heading=_("Documents accepted from migrants"),
        ),
        FieldPanel("cities"),
        FieldPanel("link"),
        FieldPanel("published"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = _("financial provider")
        verbose_name_plural = _("financial providers")
        ordering = ["sort_order", "name"]
        constraints = [
            choice_check("kind", ProviderKind, name="market_provider_kind_valid"),
        ]

    def __str__(self) -> str:
        return self.name

    def products(self) -> list[str]:
        return [str(label) for value, label in Product.choices if getattr(self, f"offers_{value}")]

    def documents(self) -> list[str]:
        return [
            str(label)
            for value, label in AcceptedDocument.choices
            if getattr(self, f"accepts_{value}")
        ]


class Referral(models.Model):
    """A person referred to a provider for a product, and what came of it."""

    user = models.ForeignKey(
        USER,
        on_delete=models.CASCADE,
        related_name="finance_referrals",
        verbose_name=_("person"),
    )
    provider = models.ForeignKey(
        FinancialProvider,
        on_delete=models.PROTECT,
        related_name="referrals",
        verbose_name=_("provider"),
    )
    product = models.CharField(_("product"), max_length=16, choices=Product.choices)
    referred_on = models.DateField(_("referred on"))
    status = models.CharField(
        _("status"), max_length=10, choices=ReferralStatus.choices, default=ReferralStatus.REFERRED
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        ordering = ["-referred_on", "-pk"]
        constraints = [
            choice_check("status", ReferralStatus, name="market_referral_status_valid"),
            choice_check("product", Product, name="market_referral_product_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.provider} · {self.get_product_display()}"


class ReferralStatusChange(
    StatusHistory.of(ReferralStatus, _("referral status change"), _("referral status changes"))
):
    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="history")
