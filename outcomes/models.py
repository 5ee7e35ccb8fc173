"""Outcome data: the survey waves of each cohort, each participant's answer per wave (with
its history), and alumni status (with its history and the public directory card).

The database holds the rules that must never be false: one wave of each kind per cohort,
one answer per participant, wave and measure set, sales ranges in order, counts that add
up, a story only with consent, one alumni record per person."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.lookups import LessThanOrEqual
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField

from curriculum.models import CurriculumPage
from semilla.constraints import choice_check
from semilla.enums import City, DocumentType, Sector
from semilla.fields import actor_field
from semilla.transitions import StatusHistory

from .enums import (
    AlumniStatus,
    BusinessStatus,
    CreditAmount,
    CreditSource,
    InvitationKind,
    InvitationStatus,
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
            choice_check("kind", WaveKind, name="outcomes_wave_kind_valid"),
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
    recorded_by = actor_field(_("taken by"), on_delete=models.SET_NULL)
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


class AlumniStatusChange(
    StatusHistory.of(AlumniStatus, _("alumni status change"), _("alumni status changes"))
):
    """History: every alumni status change (who, when, from, to, note)."""

    alumnus = models.ForeignKey(Alumnus, on_delete=models.CASCADE, related_name="history")


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


# --- success stories ---------------------------------------------------------------------

#: the version of the words a person says yes to; a new wording gets a new version, and the
#: consent records keep the version each person saw
STORY_CONSENT_VERSION = "story-2026-12"
STORY_CONSENT_TEXT = _(
    "Yes, Semilla may publish my story on its website: my first name, my business, its "
    "city and sector, what I tell about it and a photo I agree to. I can withdraw this at "
    "any time, and the story is taken down at once."
)


class StoryConsent(models.Model):
    """A person's own "Yes, Semilla may publish my story" (given on their consents screen):
    the version of the words they saw, when, and when it was withdrawn. Never edited: a new
    consent is a new row. At most one is active per person (a database constraint)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="story_consents",
        verbose_name=_("person"),
    )
    text_version = models.CharField(_("text version"), max_length=32)
    given_at = models.DateTimeField(_("given at"))
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawn_by = actor_field(_("withdrawn by"), on_delete=models.SET_NULL)

    class Meta:
        verbose_name = _("story consent")
        verbose_name_plural = _("story consents")
        ordering = ["-given_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(withdrawn_at__isnull=True),
                name="outcomes_storyconsent_one_active",
            ),
            models.CheckConstraint(
                condition=Q(withdrawn_at__isnull=True) | Q(withdrawn_at__gte=F("given_at")),
                name="outcomes_storyconsent_withdrawn_after_given",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.text_version}"

    @property
    def active(self) -> bool:
        return self.withdrawn_at is None


class StoryIndexPage(CurriculumPage):
    """The public list of success stories (cached for anonymous readers like the
    curriculum; light: a photo rendition and a summary per story)."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["semilla.HomePage"]
    subpage_types = ["outcomes.StoryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("success stories index")
        verbose_name_plural = _("success stories indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["stories"] = list(
            StoryPage.objects.child_of(self)
            .live()
            .public()
            .select_related("photo")
            .order_by("-first_published_at", "pk")
        )
        return context


class StoryPage(CurriculumPage):
    """A published success story about one alumna or alumnus. It can be published only
    while the person's story consent is active (checked on save and in the editor);
    withdrawing it unpublishes every story about them, in every language, at once
    (``services.story_consent_withdraw``)."""

    # an alumnus, not an account: the page holds no link to the person's account (pages
    # are in the search index, which keeps no personal data); erasing the person deletes
    # the alumni record and, with it, every story about them (``signals.alumnus_erased``)
    alumnus = models.ForeignKey(
        Alumnus,
        on_delete=models.SET_NULL,
        null=True,
        related_name="stories",
        verbose_name=_("about"),
        help_text=_("The alumna or alumnus the story is about: their consent is needed."),
    )
    summary = models.CharField(
        _("summary"), max_length=300, help_text=_("One or two sentences for the list.")
    )
    body = RichTextField(_("story"), features=["bold", "italic", "link", "ol", "ul"])
    business_name = models.CharField(_("business name"), max_length=150)
    city = models.CharField(_("city"), max_length=32, choices=City.choices, blank=True)
    sector = models.CharField(_("sector"), max_length=32, choices=Sector.choices, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("photo"),
        help_text=_("Only with the person's agreement. Shown as a resized copy."),
    )
    source_answer = models.ForeignKey(
        Response,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("from the survey answer"),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("alumnus"),
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("business_name"), FieldPanel("city"), FieldPanel("sector")],
            heading=_("The business"),
        ),
        FieldPanel("photo"),
        FieldPanel("source_answer", read_only=True),
    ]
    override_translatable_fields = [
        SynchronizedField("alumnus"),
        SynchronizedField("business_name"),
        SynchronizedField("city"),
        SynchronizedField("sector"),
        SynchronizedField("photo"),
        SynchronizedField("source_answer"),
    ]
    parent_page_types = ["outcomes.StoryIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("success story")
        verbose_name_plural = _("success stories")

    def clean(self):
        # Wagtail's Page.save() runs full_clean(): a live story always has its person's
        # consent, whichever way it is published (editor, scheduled publishing, workflow
        # approval, translation sync, a script)
        super().clean()
        if self.live and not has_story_consent(alumnus_id=self.alumnus_id):
            raise ValidationError(
                _("This story cannot be published: the person has not consented to it.")
            )


def has_story_consent(*, alumnus_id: int | None) -> bool:
    """Whether the alumnus a story is about has an active story consent (one query)."""
    if alumnus_id is None:
        return False
    return StoryConsent.objects.filter(
        user__alumnus__pk=alumnus_id, withdrawn_at__isnull=True
    ).exists()


# --- alumni events and invitations -------------------------------------------------------------


class HttpsURLField(models.URLField):
    """A link field whose form assumes https (the scheme people forget to type)."""

    def formfield(self, **kwargs):
        return super().formfield(**{"assume_scheme": "https", **kwargs})


class AlumniEvent(models.Model):
    """An alumni event staff invite alumni to. ``accepted`` counts the places taken (kept
    by the answer service under a row lock); the database refuses more than ``capacity``."""

    title = models.CharField(_("title"), max_length=150)
    starts_at = models.DateTimeField(_("date and time"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    link = HttpsURLField(_("link (online event)"), blank=True)
    city = models.CharField(_("city"), max_length=32, choices=City.choices, blank=True)
    capacity = models.PositiveIntegerField(_("places"))
    accepted = models.PositiveIntegerField(_("places taken"), default=0, editable=False)
    created_by = actor_field(on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("alumni event")
        verbose_name_plural = _("alumni events")
        ordering = ["-starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(capacity__gte=1), name="outcomes_alumnievent_capacity_positive"
            ),
            models.CheckConstraint(
                condition=Q(accepted__lte=F("capacity")),
                name="outcomes_alumnievent_not_over_capacity",
            ),
            models.CheckConstraint(
                condition=~Q(place="") | ~Q(link=""), name="outcomes_alumnievent_place_or_link"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        super().clean()
        if not self.place and not self.link:
            raise ValidationError(_("Give a place or a link."))
        if self.capacity is not None and self.capacity < self.accepted:
            raise ValidationError(
                {
                    "capacity": ngettext(
                        "%(n)s person has already said yes: keep at least that many.",
                        "%(n)s people have already said yes: keep at least that many.",
                        self.accepted,
                    )
                    % {"n": self.accepted}
                }
            )

    @property
    def places_left(self) -> int:
        return self.capacity - self.accepted


class AlumniInvitation(models.Model):
    """One alumna or alumnus invited to an event or to mentor a newer cohort, and their
    answer."""

    alumnus = models.ForeignKey(
        Alumnus, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("alumnus")
    )
    kind = models.CharField(_("invited to"), max_length=8, choices=InvitationKind.choices)
    event = models.ForeignKey(
        AlumniEvent,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="invitations",
        verbose_name=_("event"),
    )
    status = models.CharField(
        _("answer"),
        max_length=16,
        choices=InvitationStatus.choices,
        default=InvitationStatus.PENDING,
    )
    invited_by = actor_field(on_delete=models.SET_NULL)
    invited_at = models.DateTimeField(_("invited at"), auto_now_add=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("alumni invitation")
        verbose_name_plural = _("alumni invitations")
        ordering = ["-invited_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["alumnus", "event"],
                condition=Q(kind=InvitationKind.EVENT),
                name="outcomes_invitation_one_per_event",
            ),
            models.UniqueConstraint(
                fields=["alumnus"],
                condition=Q(kind=InvitationKind.MENTOR),
                name="outcomes_invitation_one_to_mentor",
            ),
            models.CheckConstraint(
                condition=Q(kind=InvitationKind.EVENT, event__isnull=False)
                | Q(kind=InvitationKind.MENTOR, event__isnull=True),
                name="outcomes_invitation_event_iff_event_kind",
            ),
            choice_check("status", InvitationStatus, name="outcomes_invitation_status_valid"),
            models.CheckConstraint(
                condition=Q(status=InvitationStatus.PENDING) | Q(answered_at__isnull=False),
                name="outcomes_invitation_answered_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.alumnus_id} · {self.get_kind_display()}"
