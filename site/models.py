"""Accounts (one per person) and the editable home page."""

import zoneinfo

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from .enums import City, Language, Role


def validate_timezone(value: str) -> None:
    from django.core.exceptions import ValidationError

    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
        raise ValidationError(_("Unknown time zone.")) from exc


class SemillaUserManager(UserManager):
    """Users sign in with their e-mail address; the username is not used."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):  # type: ignore[override]
        if not email:
            raise ValueError("An e-mail address is required.")
        email = self.normalize_email(email).lower()
        user = self.model(email=email, **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email=None, password=None, **extra_fields):  # type: ignore[override]
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email=None, password=None, **extra_fields):  # type: ignore[override]
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """One account per person. Holds only what every role needs; role-specific data
    lives with the role (application, mentor profile, grant)."""

    username = None  # type: ignore[assignment]
    first_name = None  # type: ignore[assignment]
    last_name = None  # type: ignore[assignment]
    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    preferred_name = models.CharField(
        _("what should we call you?"),
        max_length=60,
        blank=True,
        help_text=_("Optional. Used in greetings."),
    )
    language = models.CharField(
        _("language"), max_length=5, choices=Language.choices, default=Language.SPANISH
    )
    timezone = models.CharField(
        _("time zone"), max_length=64, default="America/Bogota", validators=[validate_timezone]
    )
    city = models.CharField(_("city"), max_length=32, choices=City.choices, blank=True)
    is_demo = models.BooleanField(default=False, editable=False)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = SemillaUserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name or self.email

    def get_short_name(self) -> str:
        return self.preferred_name or (self.full_name.split(" ")[0] if self.full_name else "")

    @property
    def role_names(self) -> frozenset[str]:
        """The user's role names, cached on the instance (one query per request)."""
        cached = getattr(self, "_role_names", None)
        if cached is None:
            cached = frozenset(self.groups.values_list("name", flat=True))
            self._role_names = cached
        return cached

    def has_role(self, role: Role | str) -> bool:
        return str(role) in self.role_names


class HomePage(Page):
    """The public home page: the programme, the cities, the way into the curriculum and
    sign-up. Staff edit it in the console, in both languages."""

    hero_title = models.CharField(_("headline"), max_length=120)
    hero_text = models.TextField(_("introduction"), max_length=600)
    programme_text = RichTextField(
        _("about the programme"), blank=True, features=["bold", "italic", "link", "ul", "ol"]
    )
    curriculum_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("curriculum entry page"),
    )
    cities_title = models.CharField(_("cities title"), max_length=120, blank=True)
    cities_text = models.TextField(_("cities text"), max_length=600, blank=True)
    signup_title = models.CharField(_("sign-up title"), max_length=120, blank=True)
    signup_text = models.TextField(_("sign-up text"), max_length=600, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("hero_title"),
        FieldPanel("hero_text"),
        FieldPanel("programme_text"),
        FieldPanel("curriculum_page"),
        FieldPanel("cities_title"),
        FieldPanel("cities_text"),
        FieldPanel("signup_title"),
        FieldPanel("signup_text"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def serve(self, request, *args, **kwargs):
        # Anonymous visitors share the home page: the page cache keeps it (see
        # semilla.pagecache_middleware); any publish drops it.
        from .pagecache_middleware import serve_cached

        return serve_cached(request, lambda: super(HomePage, self).serve(request, *args, **kwargs))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["cities"] = City.choices
        context["signup_url"] = reverse("account_signup")
        return context


def site_url(path: str) -> str:
    """An absolute URL on this site (for e-mails and calendar feeds)."""
    return settings.SITE_URL.rstrip("/") + path


class ConsentRecord(models.Model):
    """One authorisation under Colombia's Law 1581 of 2012: who, for what purpose, under
    which policy version, when, through which channel; revocable, never edited."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="consents",
        verbose_name=_("person"),
    )
    purpose = models.CharField(_("purpose"), max_length=32)
    policy_version = models.CharField(_("policy version"), max_length=32)
    channel = models.CharField(_("channel"), max_length=16, default="web")
    given_at = models.DateTimeField(_("given at"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        ordering = ["-given_at"]
        indexes = [models.Index(fields=["user", "purpose"])]

    def __str__(self) -> str:
        return f"{self.user_id} {self.purpose} {self.policy_version}"

    @property
    def active(self) -> bool:
        return self.revoked_at is None


class NotificationSettings(models.Model):
    """Per-person choices for channels other than e-mail (opt-in), and the phone number
    they use for them."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_settings"
    )
    phone = models.CharField(
        _("mobile number"),
        max_length=20,
        blank=True,
        help_text=_("With country code, e.g. +57 300 123 4567."),
    )
    whatsapp = models.BooleanField(_("send me WhatsApp messages"), default=False)
    sms = models.BooleanField(_("send me SMS messages"), default=False)

    class Meta:
        verbose_name = _("notification settings")
        verbose_name_plural = _("notification settings")

    def __str__(self) -> str:
        return f"notification settings of {self.user_id}"


class OutboxMessage(models.Model):
    """Messages kept instead of sent: the outbox adapter used in development and tests
    (and a record of what each channel adapter was asked to send)."""

    channel = models.CharField(_("channel"), max_length=16)
    recipient = models.CharField(_("recipient"), max_length=254)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    subject = models.CharField(_("subject"), max_length=255, blank=True)
    body = models.TextField(_("body"))
    key = models.CharField(_("idempotency key"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("outbox message")
        verbose_name_plural = _("outbox messages")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["channel", "key"],
                condition=~models.Q(key=""),
                name="outbox_unique_key_per_channel",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.channel} to {self.recipient}: {self.subject}"


class SentEmail(models.Model):
    """One row per e-mail the task sent under its idempotency key, so a task delivered again
    (a worker killed after the mail server accepted the message) does not send it twice.
    Holds no personal data: the key is random and the template is a name."""

    key = models.CharField(max_length=64, unique=True)
    template = models.CharField(max_length=200)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("sent e-mail")
        verbose_name_plural = _("sent e-mails")

    def __str__(self) -> str:
        return f"{self.template} {self.key}"


class PrimaryEmailChange(models.Model):
    """When a person's primary e-mail address changed (any path: allauth's e-mail page, the
    console's user editor). Security codes (payout details) go only to an address that has
    been primary for ``SEMILLA_SECURITY_CODE_COOLING_OFF``; see
    ``semilla.account_security.security_code_address``. The previous address is kept so
    that it can be told about changes made during the cooling-off period."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", editable=False
    )
    previous_email = models.EmailField(_("previous e-mail address"), blank=True, editable=False)
    changed_at = models.DateTimeField(_("changed at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("primary e-mail change")
        verbose_name_plural = _("primary e-mail changes")
        ordering = ["-changed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.user_id} {self.changed_at:%Y-%m-%d %H:%M}"


from .privacy.models import *  # noqa: E402, F403  (privacy models live in site/privacy/)
