"""Accounts (one per person) and the editable home page."""

import zoneinfo

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from .constraints import choice_check
from .enums import (
    CONFIGURABLE_KINDS,
    City,
    ConsentChannel,
    DeliveryChoice,
    DeliveryStatus,
    Language,
    MessageKind,
    Role,
)
from .fields import actor_field


def validate_timezone(value: str) -> None:
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
        # lazy: app loading (this module is imported while the models load)
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
    recorded_by = actor_field(on_delete=models.SET_NULL)

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        ordering = ["-given_at"]
        indexes = [models.Index(fields=["user", "purpose"])]

    def __str__(self) -> str:
        return f"{self.user_id} {self.purpose} {self.policy_version}"

    def get_channel_display(self) -> str:
        """The channel in words ("Formulario web"), never its code."""
        return str(dict(ConsentChannel.choices).get(self.channel, self.channel))

    @property
    def active(self) -> bool:
        return self.revoked_at is None


class NotificationSettings(models.Model):
    """A person's mobile number for WhatsApp and SMS, and their opt-in to each channel.

    The number is stored in E.164 (``+573001234567``, see ``semilla.phones``); it is used
    only once confirmed with a one-time code sent to it by SMS. ``whatsapp`` and ``sms`` are
    the person's consent to each channel (recorded with its text version in
    ``ConsentRecord``); replying STOP sets ``stopped_at`` and turns both off at once."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_settings"
    )
    phone = models.CharField(
        _("mobile number"),
        max_length=20,
        blank=True,
        help_text=_("With country code, e.g. +57 300 123 4567 or +58 412 123 4567."),
    )
    phone_confirmed_at = models.DateTimeField(_("number confirmed at"), null=True, blank=True)
    code_hash = models.CharField(max_length=128, blank=True, editable=False)
    code_expires_at = models.DateTimeField(null=True, blank=True, editable=False)
    code_attempts = models.PositiveSmallIntegerField(default=0, editable=False)
    whatsapp = models.BooleanField(_("send me WhatsApp messages"), default=False)
    sms = models.BooleanField(_("send me SMS messages"), default=False)
    stopped_at = models.DateTimeField(_("replied STOP at"), null=True, blank=True)
    unreachable_at = models.DateTimeField(
        _("number stopped working at"),
        null=True,
        blank=True,
        help_text=_("The provider said the number does not exist any more."),
    )

    class Meta:
        verbose_name = _("notification settings")
        verbose_name_plural = _("notification settings")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(phone_confirmed_at__isnull=True) | ~models.Q(phone=""),
                name="notification_settings_confirmed_needs_phone",
            ),
        ]
        indexes = [models.Index(fields=["phone"], name="notification_settings_phone")]

    def __str__(self) -> str:
        return f"notification settings of {self.user_id}"

    def reachable_by(self, channel: str) -> bool:
        """True when a message may go to the phone through ``channel`` now."""
        return bool(
            self.phone
            and self.phone_confirmed_at is not None
            and self.stopped_at is None
            and self.unreachable_at is None
            and getattr(self, channel, False)
        )


class NotificationPreference(models.Model):
    """How a person wants one kind of message (no row: by e-mail)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(_("kind of message"), max_length=16, choices=MessageKind.choices)
    channel = models.CharField(_("channel"), max_length=16, choices=DeliveryChoice.choices)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="one_preference_per_kind"),
            models.CheckConstraint(
                condition=models.Q(kind__in=[k.value for k in CONFIGURABLE_KINDS]),
                name="preference_kind_configurable",
            ),
            choice_check("channel", DeliveryChoice, name="preference_channel_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.kind}: {self.channel}"


class Notification(models.Model):
    """One entry of a person's notification centre (the bell): every ``notify()`` except
    security messages writes one, whatever the channel."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("person"),
    )
    kind = models.CharField(_("kind of message"), max_length=16, choices=MessageKind.choices)
    template = models.CharField(max_length=200, editable=False)
    title = models.CharField(_("title"), max_length=255)
    text = models.TextField(_("text"), blank=True)
    url = models.CharField(_("link"), max_length=300, blank=True)
    key = models.CharField(max_length=200, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "read_at"], name="notification_user_unread")]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "key"],
                condition=~models.Q(key=""),
                name="notification_unique_key_per_user",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="security"), name="notification_never_security"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.title}"


class OutboxMessage(models.Model):
    """What each channel adapter was asked to send, and where it is now: the record behind
    the no-double-send keys, the delivery statuses the provider reports, and the failures
    staff see (the console's "Messages sent" list)."""

    channel = models.CharField(_("channel"), max_length=16)
    kind = models.CharField(
        _("kind of message"), max_length=16, choices=MessageKind.choices, blank=True
    )
    recipient = models.CharField(_("recipient"), max_length=254)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    subject = models.CharField(_("subject"), max_length=255, blank=True)
    body = models.TextField(_("body"), blank=True)
    key = models.CharField(_("idempotency key"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=16, choices=DeliveryStatus.choices, default=DeliveryStatus.QUEUED
    )
    provider_id = models.CharField(_("provider message id"), max_length=64, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    error = models.CharField(_("last error"), max_length=255, blank=True)
    status_at = models.DateTimeField(_("status changed at"), null=True, blank=True)

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
            models.UniqueConstraint(
                fields=["provider_id"],
                condition=~models.Q(provider_id=""),
                name="outbox_unique_provider_id",
            ),
            choice_check("status", DeliveryStatus, name="outbox_status_valid"),
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
