"""Outcome data: the survey waves of each cohort, each participant's answer per wave (with
its history), and alumni status (with its history and the public directory card).

The database holds the rules that must never be false: one wave of each kind per cohort,
one answer per participant, wave and measure set, sales ranges in order, counts that add
up, a story only with consent, one alumni record per person."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.lookups import LessThanOrEqual
from django.utils.translation import gettext_lazy as _

from semilla.enums import City, DocumentType, Sector
from semilla.transitions import StatusHistory

from .enums import (
    AlumniStatus,
    BusinessStatus,
    CreditAmount,
    CreditSource,
    ResponseChannel,
    ResponseStatus,
    SalesBand,
    WaveKind,
)

#: the version of the questions; a new set of questions gets a new code, so answers to
#: different questions are never compared as if they were the same
MEASURE_SET = "v1"


class Wave(models.Model):
    """One moment at which a cohort's participants are asked (scheduled by the task
    cluster). Answers are expected by ``due_on`` and still accepted until ``closes_on``."""

    cohort = models.ForeignKey(
        "cohorts.Cohort", on_delete=models.CASCADE, related_name="outcome_waves"
    )
    kind = models.CharField(_("wave"), max_length=16, choices=WaveKind.choices)
    opens_on = models.DateField(_("opens on"))
    due_on = models.DateField(_("due on"))
    closes_on = models.DateField(_("late answers accepted until"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("survey wave")
        verbose_name_plural = _("survey waves")
        ordering = ["cohort", "opens_on"]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "kind"], name="outcomes_wave_one_per_kind"),
            models.CheckConstraint(
                condition=Q(due_on__gte=F("opens_on")) & Q(closes_on__gte=F("due_on")),
                name="outcomes_wave_dates_in_order",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=WaveKind.values), name="outcomes_wave_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.cohort} · {self.get_kind_display()}"


#: the fields a person (or staff on the phone) fills in
ANSWER_FIELDS = (
    "business_status",
    "sales_from",
    "sales_to",
    "workers_paid",
    "workers_unpaid",
    "workers_migrant",
    "workers_receptor",
    "new_hires",
    "has_rut",
    "has_chamber_registration",
    "issues_invoices",
    "pays_social_security",
    "has_account",
    "credit_applied",
    "credit_obtained",
    "credit_source",
    "credit_amount",
    "document_type",
    "confidence",
    "story",
    "story_consent",
)


class Response(models.Model):
    """One participant's answers for one wave (created pending when the wave opens)."""

    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="responses")
    participant = models.ForeignKey(
        "cohorts.Participant", on_delete=models.CASCADE, related_name="outcome_responses"
    )
    measure_set = models.CharField(max_length=8, default=MEASURE_SET)
    status = models.CharField(
        _("status"), max_length=16, choices=ResponseStatus.choices, default=ResponseStatus.PENDING
    )
    channel = models.CharField(
        _("answered how"), max_length=8, choices=ResponseChannel.choices, blank=True
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("taken by"),
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    reminders_sent = models.PositiveSmallIntegerField(default=0)
    last_reminded_at = models.DateTimeField(null=True, blank=True)

    # --- the business
    business_status = models.CharField(
        _("business"), max_length=16, choices=BusinessStatus.choices, blank=True
    )
    sales_from = models.PositiveSmallIntegerField(
        _("monthly sales, from"), choices=SalesBand.choices, null=True, blank=True
    )
    sales_to = models.PositiveSmallIntegerField(
        _("monthly sales, to"), choices=SalesBand.choices, null=True, blank=True
    )
    # --- jobs
    workers_paid = models.PositiveSmallIntegerField(_("paid workers"), null=True, blank=True)
    workers_unpaid = models.PositiveSmallIntegerField(_("unpaid workers"), null=True, blank=True)
    workers_migrant = models.PositiveSmallIntegerField(
        _("workers who are migrants"), null=True, blank=True
    )
    workers_receptor = models.PositiveSmallIntegerField(
        _("workers from the receptor community"), null=True, blank=True
    )
    new_hires = models.PositiveSmallIntegerField(_("new hires"), null=True, blank=True)
    # --- formalisation
    has_rut = models.BooleanField(_("has a RUT"), null=True, blank=True)
    has_chamber_registration = models.BooleanField(
        _("registered with the chamber of commerce"), null=True, blank=True
    )
    issues_invoices = models.BooleanField(_("issues invoices"), null=True, blank=True)
    pays_social_security = models.BooleanField(
        _("pays social security for workers"), null=True, blank=True
    )
    # --- financial inclusion
    has_account = models.BooleanField(_("has a bank or wallet account"), null=True, blank=True)
    credit_applied = models.BooleanField(_("applied for credit"), null=True, blank=True)
    credit_obtained = models.BooleanField(_("obtained credit"), null=True, blank=True)
    credit_source = models.CharField(
        _("credit from"), max_length=16, choices=CreditSource.choices, blank=True
    )
    credit_amount = models.PositiveSmallIntegerField(
        _("credit amount"), choices=CreditAmount.choices, null=True, blank=True
    )
    # --- the person
    document_type = models.CharField(
        _("migration or identity document"), max_length=24, choices=DocumentType.choices, blank=True
    )
    confidence = models.PositiveSmallIntegerField(
        _("confidence running the business (1-5)"), null=True, blank=True
    )
    story = models.TextField(_("story"), blank=True, max_length=2000)
    story_consent = models.BooleanField(_("the story may be published"), default=False)
    story_consent_at = models.DateTimeField(null=True, blank=True)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("survey answer")
        verbose_name_plural = _("survey answers")
        ordering = ["wave", "participant"]
        constraints = [
            models.UniqueConstraint(
                fields=["wave", "participant", "measure_set"],
                name="outcomes_response_one_per_wave",
            ),
            models.CheckConstraint(
                condition=Q(sales_from__isnull=True, sales_to__isnull=True)
                | Q(
                    sales_from__isnull=False, sales_to__isnull=False, sales_from__lte=F("sales_to")
                ),
                name="outcomes_response_sales_range_in_order",
            ),
            models.CheckConstraint(
                condition=Q(
                    LessThanOrEqual(
                        F("workers_migrant") + F("workers_receptor"),
                        F("workers_paid") + F("workers_unpaid"),
                    )
                )
                | Q(workers_migrant__isnull=True)
                | Q(workers_receptor__isnull=True)
                | Q(workers_paid__isnull=True)
                | Q(workers_unpaid__isnull=True),
                name="outcomes_response_workers_add_up",
            ),
            models.CheckConstraint(
                condition=Q(confidence__isnull=True) | Q(confidence__gte=1, confidence__lte=5),
                name="outcomes_response_confidence_range",
            ),
            models.CheckConstraint(
                condition=~Q(status=ResponseStatus.ANSWERED)
                | (
                    Q(answered_at__isnull=False, confidence__isnull=False)
                    & ~Q(business_status="")
                    & ~Q(channel="")
                ),
                name="outcomes_response_answered_complete",
            ),
            models.CheckConstraint(
                condition=Q(story="") | Q(story_consent=True),
                name="outcomes_response_story_needs_consent",
            ),
            models.CheckConstraint(
                condition=Q(credit_obtained=False)
                | Q(credit_obtained__isnull=True)
                | Q(credit_applied=True),
                name="outcomes_response_credit_obtained_was_applied",
            ),
        ]
        indexes = [models.Index(fields=["status", "wave"])]

    def __str__(self) -> str:
        return f"{self.participant_id} · {self.wave}"


class ResponseEvent(models.Model):
    """History of an answer: reminders, drafts saved, answers (and who took them by
    phone). Append only."""

    class Action(models.TextChoices):
        REMINDED = "reminded", _("Reminder sent")
        SAVED = "saved", _("Saved to finish later")
        ANSWERED = "answered", _("Answered")
        PHONE = "phone", _("Taken by phone")

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=16, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("survey answer event")
        verbose_name_plural = _("survey answer events")

    def __str__(self) -> str:
        return f"{self.response_id}: {self.action}"


class Alumnus(models.Model):
    """A person who finished a cohort: their alumni status, and the card they may choose to
    show in the public alumni directory (nothing sensitive; hidden at once on opt-out)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="alumnus"
    )
    cohort = models.ForeignKey(
        "cohorts.Cohort", on_delete=models.PROTECT, related_name="+", verbose_name=_("cohort")
    )
    status = models.CharField(
        _("status"), max_length=16, choices=AlumniStatus.choices, default=AlumniStatus.ALUMNI
    )
    since = models.DateField(_("alumni since"))
    listed = models.BooleanField(_("shown in the alumni directory"), default=False)
    business_name = models.CharField(_("business name"), max_length=150, blank=True)
    city = models.CharField(_("city"), max_length=32, choices=City.choices, blank=True)
    sector = models.CharField(_("sector"), max_length=32, choices=Sector.choices, blank=True)
    offers = models.CharField(_("what I offer"), max_length=200, blank=True)
    seeks = models.CharField(_("what I am looking for"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("alumnus")
        verbose_name_plural = _("alumni")
        ordering = ["-since", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(listed=False) | ~Q(business_name=""),
                name="outcomes_alumnus_listed_has_name",
            ),
        ]

    def __str__(self) -> str:
        return str(self.user)


class AlumniStatusChange(StatusHistory):
    """History: every alumni status change (who, when, from, to, note)."""

    alumnus = models.ForeignKey(Alumnus, on_delete=models.CASCADE, related_name="history")
    from_status = models.CharField(
        _("from"), max_length=16, choices=AlumniStatus.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=16, choices=AlumniStatus.choices)

    class Meta(StatusHistory.Meta):
        verbose_name = _("alumni status change")
        verbose_name_plural = _("alumni status changes")

    def __str__(self) -> str:
        return f"{self.alumnus_id}: {self.from_status} → {self.to_status}"


class OutcomeSummary(models.Model):
    """The outcome figures' raw sums, kept per cohort, city, wave and breakdown value
    (refreshed by ``services.summary_refresh`` after every answer and nightly), so that the
    dashboard reads a few hundred rows whatever the number of answers. Counts only: no row
    names or points at a person."""

    cohort = models.ForeignKey("cohorts.Cohort", on_delete=models.CASCADE, related_name="+")
    city = models.CharField(max_length=32, blank=True)
    wave_kind = models.CharField(max_length=16, choices=WaveKind.choices)
    #: "all" for the totals, else one of the dashboard's breakdowns (sex, age, group...)
    dimension = models.CharField(max_length=16)
    value = models.CharField(max_length=40, blank=True)
    sums = models.JSONField(default=dict)
    refreshed_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "city", "wave_kind", "dimension", "value"],
                name="outcomes_summary_one_per_cell",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.cohort_id} {self.city} {self.wave_kind} {self.dimension}={self.value}"
