"""Privacy models: the versioned policy page, data-rights requests with their legal
deadlines, the staff access audit, bulk-access alerts, the erasure log, "My data" export
files and inactivity notices."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from ..constraints import choice_check
from ..fields import actor_field
from ..transitions import StatusHistory
from .enums import (
    DataExportStatus,
    DataRequestKind,
    DataRequestStatus,
    ErasureReason,
    ErasureSource,
)

__all__ = [
    "AccessAudit",
    "BulkAccessAlert",
    "DataExport",
    "DataRequest",
    "DataRequestEvent",
    "ErasureLog",
    "InactivityNotice",
    "PrivacyPolicyPage",
]

USER = settings.AUTH_USER_MODEL


class PrivacyPolicyPage(Page):
    """The data-processing policy (Law 1581 of 2012). Each substantive change gets a new
    ``version``; consents record the version in force when they were given, and the
    published revisions keep every earlier text."""

    version = models.CharField(
        _("version"),
        max_length=32,
        help_text=_(
            "Change it whenever the policy changes in substance, e.g. 2026-11. "
            "It must match the version the site records with each consent."
        ),
    )
    effective_on = models.DateField(_("in force since"), default=timezone.localdate)
    summary = models.TextField(_("summary in plain words"), max_length=1000)
    body = RichTextField(
        _("full policy"), features=["h2", "h3", "bold", "italic", "link", "ul", "ol"]
    )
    controller = models.CharField(
        _("data controller"),
        max_length=200,
        help_text=_("Who is responsible for the data, with address and contact e-mail."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("version"),
        FieldPanel("effective_on"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("controller"),
    ]
    parent_page_types = ["semilla.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    template = "privacy/policy_page.html"

    class Meta:
        verbose_name = _("privacy policy")

    def get_context(self, request, *args, **kwargs):
        # cycle: semilla.privacy.selectors -> semilla.privacy.models
        from .selectors import policy_versions

        context = super().get_context(request, *args, **kwargs)
        context["versions"] = policy_versions(page=self)
        context["recorded_version"] = settings.PRIVACY_POLICY_VERSION
        return context


class DataRequest(models.Model):
    """A query (access to one's data) or a claim (correction, erasure, revocation) under
    Law 1581; answered within 10 (queries) or 15 (claims) business days."""

    user = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="data_requests", verbose_name=_("person")
    )
    kind = models.CharField(_("kind"), max_length=16, choices=DataRequestKind.choices)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=DataRequestStatus.choices,
        default=DataRequestStatus.RECEIVED,
        db_index=True,
    )
    details = models.TextField(_("details"), max_length=3000, blank=True)
    received_at = models.DateTimeField(_("received at"), default=timezone.now)
    due_on = models.DateField(_("answer due by"))
    extended = models.BooleanField(_("deadline extended"), default=False)
    response = models.TextField(_("answer to the person"), blank=True)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    resolved_by = actor_field(_("resolved by"), on_delete=models.SET_NULL)
    reminded_on = models.DateField(_("last reminder"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("data request")
        verbose_name_plural = _("data requests")
        ordering = ["due_on", "pk"]
        constraints = [
            choice_check("kind", DataRequestKind, name="privacy_request_kind_valid"),
            choice_check("status", DataRequestStatus, name="privacy_request_status_valid"),
            models.CheckConstraint(
                condition=Q(status__in=["received", "in_progress"]) | Q(resolved_at__isnull=False),
                name="privacy_request_resolved_has_time",
            ),
        ]
        indexes = [models.Index(fields=["status", "due_on"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"

    @property
    def is_open(self) -> bool:
        return self.status in (DataRequestStatus.RECEIVED, DataRequestStatus.IN_PROGRESS)

    @property
    def is_overdue(self) -> bool:
        return self.is_open and self.due_on < timezone.localdate()


class DataRequestEvent(
    StatusHistory.of(DataRequestStatus, _("data request change"), _("data request changes"))
):
    """History of a request: who moved it, when, from and to which status, and why."""

    request = models.ForeignKey(DataRequest, on_delete=models.CASCADE, related_name="history")


class AccessAudit(models.Model):
    """One look by staff at a person's sensitive data: who, when, what (model and field
    names), whose, why. Never the value."""

    actor = models.ForeignKey(
        USER, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("staff member")
    )
    subject = models.ForeignKey(
        USER, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("person")
    )
    model = models.CharField(_("record type"), max_length=100, blank=True)
    object_id = models.CharField(_("record"), max_length=64, blank=True)
    fields = models.JSONField(_("fields"), default=list)
    reason = models.CharField(_("reason"), max_length=200)
    path = models.CharField(_("page"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("access audit entry")
        verbose_name_plural = _("access audit")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["actor", "created_at"]),
            models.Index(fields=["subject", "created_at"]),
        ]
        permissions = [
            ("view_access_audit", _("Can see the staff access audit and handle data requests")),
        ]

    def __str__(self) -> str:
        return f"{self.actor_id} → {self.subject_id} {self.model} ({self.created_at:%Y-%m-%d})"


class BulkAccessAlert(models.Model):
    """Raised when one staff member opened more than the threshold of people's records
    within an hour; data-protection staff are e-mailed and acknowledge it here."""

    actor = models.ForeignKey(
        USER, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("staff member")
    )
    window_start = models.DateTimeField(_("from"))
    window_end = models.DateTimeField(_("to"))
    people = models.PositiveIntegerField(_("people"))
    created_at = models.DateTimeField(_("raised at"), default=timezone.now)
    acknowledged_at = models.DateTimeField(_("acknowledged at"), null=True, blank=True)
    acknowledged_by = actor_field(on_delete=models.SET_NULL)

    class Meta:
        verbose_name = _("bulk access alert")
        verbose_name_plural = _("bulk access alerts")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.actor_id}: {self.people} ({self.created_at:%Y-%m-%d %H:%M})"


class ErasureLog(models.Model):
    """One erasure (anonymisation) of a person: the person's id only, never their data.
    The same entry is appended to the erasure journal kept outside the database, so a
    restored backup can be erased again (``manage.py reapply_erasures``)."""

    subject_ref = models.PositiveBigIntegerField(_("person id"), db_index=True)
    reason = models.CharField(_("reason"), max_length=16, choices=ErasureReason.choices)
    source = models.CharField(
        _("source"), max_length=8, choices=ErasureSource.choices, default=ErasureSource.ORIGINAL
    )
    request = models.ForeignKey(
        DataRequest, null=True, blank=True, on_delete=models.SET_NULL, related_name="erasures"
    )
    actor = actor_field(_("by"), on_delete=models.SET_NULL)
    summary = models.JSONField(_("rows changed per record type"), default=dict)
    erased_at = models.DateTimeField(_("erased at"), default=timezone.now)

    class Meta:
        verbose_name = _("erasure")
        verbose_name_plural = _("erasure log")
        ordering = ["-erased_at", "-pk"]

    def __str__(self) -> str:
        return f"#{self.subject_ref} {self.erased_at:%Y-%m-%d}"


class DataExport(models.Model):
    """A "My data" ZIP built in the background (for people with much data); kept for a
    few days in private storage, served only to its owner."""

    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="data_exports")
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=DataExportStatus.choices,
        default=DataExportStatus.PENDING,
    )
    storage_name = models.CharField(max_length=255, blank=True, editable=False)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0)
    created_at = models.DateTimeField(_("requested at"), default=timezone.now)
    ready_at = models.DateTimeField(_("ready at"), null=True, blank=True)
    expires_at = models.DateTimeField(_("available until"), null=True, blank=True)

    class Meta:
        verbose_name = _("data export")
        verbose_name_plural = _("data exports")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.user_id} {self.status} {self.created_at:%Y-%m-%d}"


class InactivityNotice(models.Model):
    """A person told that their long-inactive account will be removed on ``removal_on``
    unless they sign in; closed when they come back or when the data is erased."""

    user = models.OneToOneField(USER, on_delete=models.CASCADE, related_name="inactivity_notice")
    warned_at = models.DateTimeField(_("warned at"), default=timezone.now)
    removal_on = models.DateField(_("removal on"))
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    outcome = models.CharField(
        _("outcome"),
        max_length=12,
        blank=True,
        choices=[
            ("returned", pgettext_lazy("inactivity outcome", "Signed in again")),
            ("erased", pgettext_lazy("inactivity outcome", "Data erased")),
            ("held", pgettext_lazy("inactivity outcome", "Kept: legal obligation")),
        ],
    )

    class Meta:
        verbose_name = _("inactivity notice")
        verbose_name_plural = _("inactivity notices")
        ordering = ["removal_on"]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.removal_on}"


from . import signals  # noqa: E402, F401  (connects the privacy signal handlers)
