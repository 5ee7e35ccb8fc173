"""Programmes, cohorts, applications, review and participants.

State changes go through ``cohorts.services``; the database enforces what must never be
false (one application per person and cohort, seats never oversubscribed, one score per
criterion and review)."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from semilla.constraints import choice_check
from semilla.enums import City, DocumentType, MeetingMode, PopulationGroup, Sector, Sex, Skill
from semilla.fields import actor_field
from semilla.transitions import StatusHistory

from .enums import (
    COHORT_CITY_CHOICES,
    VIRTUAL,
    WITHDRAWABLE,
    ApplicationStatus,
    ApplicationStep,
    AssignmentStatus,
    Availability,
    BusinessStage,
    CohortFormat,
    CohortLanguage,
    ConflictKind,
    Decision,
    DocumentKind,
    Nationality,
    ParticipantStatus,
)


class RankingIndex(models.Index):
    """An index of ``fields`` whose descending columns keep NULLs last, as the ranking
    sorts them (``F(...).desc(nulls_last=True)``). SQLite puts NULLs last in a descending
    order anyway (and refuses the words in an index); PostgreSQL puts them first unless
    told, so there its descending columns get ``NULLS LAST``."""

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if schema_editor.connection.vendor != "postgresql":
            return super().create_sql(model, schema_editor, using=using, **kwargs)
        columns = [
            F(name).desc(nulls_last=True) if order == "DESC" else F(name)
            for name, order in self.fields_orders
        ]
        return models.Index(*columns, name=self.name).create_sql(
            model, schema_editor, using=using, **kwargs
        )


def _all_documents() -> list[str]:
    return [d.value for d in DocumentType if d != DocumentType.NONE]


class Programme(models.Model):
    name = models.CharField(_("name"), max_length=150)
    description = models.TextField(_("description"), blank=True)
    funder_name = models.CharField(_("donor or funder"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Rubric(ClusterableModel):
    """Criteria reviewers score applications with. Frozen (no edits) once scoring starts."""

    name = models.CharField(_("name"), max_length=150)
    scale_max = models.PositiveSmallIntegerField(
        _("scale (highest score)"),
        default=5,
        validators=[MinValueValidator(2), MaxValueValidator(10)],
        help_text=_("Each criterion is scored from 1 to this number."),
    )
    frozen_at = models.DateTimeField(_("frozen at"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("rubric")
        verbose_name_plural = _("rubrics")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(scale_max__gte=2) & Q(scale_max__lte=10),
                name="cohorts_rubric_scale_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_frozen(self) -> bool:
        return self.frozen_at is not None


class Criterion(models.Model):
    rubric = ParentalKey(
        Rubric, on_delete=models.CASCADE, related_name="criteria", verbose_name=_("rubric")
    )
    name = models.CharField(_("name"), max_length=150)
    guidance = models.TextField(_("guidance for reviewers"), blank=True)
    weight = models.PositiveSmallIntegerField(
        _("weight (%)"), validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["rubric", "sort_order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(weight__gte=1) & Q(weight__lte=100),
                name="cohorts_criterion_weight_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.weight} %)"


class Cohort(models.Model):
    programme = models.ForeignKey(
        Programme, on_delete=models.PROTECT, related_name="cohorts", verbose_name=_("programme")
    )
    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True)
    city = models.CharField(_("city"), max_length=32, choices=COHORT_CITY_CHOICES)
    language = models.CharField(
        _("language"), max_length=2, choices=CohortLanguage.choices, default=CohortLanguage.SPANISH
    )
    format = models.CharField(
        _("format"),
        max_length=16,
        choices=CohortFormat.choices,
        default=CohortFormat.IN_PERSON,
        help_text=_(
            "How the cohort meets. It decides what the cohort page, the application and "
            "the e-mails promise. A cohort whose city is “Virtual” is virtual."
        ),
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    seats = models.PositiveIntegerField(_("seats"))
    #: Confirmed seats; the CheckConstraint makes oversubscription impossible.
    seats_confirmed = models.PositiveIntegerField(_("seats confirmed"), default=0, editable=False)
    opens_at = models.DateTimeField(_("applications open at"))
    closes_at = models.DateTimeField(_("applications close at"))
    offer_days = models.PositiveSmallIntegerField(
        _("days to confirm an offer"), default=7, validators=[MinValueValidator(1)]
    )
    target_mix = models.JSONField(
        _("target mix by population group"),
        default=dict,
        blank=True,
        help_text=_(
            "Optional. Share of seats (in %) per population group, e.g. "
            '{"venezuelan_migrant": 50, "receptor_community": 30}.'
        ),
    )
    is_published = models.BooleanField(_("published"), default=True)

    # Eligibility rules
    min_age = models.PositiveSmallIntegerField(_("minimum age"), default=18)
    max_age = models.PositiveSmallIntegerField(_("maximum age"), null=True, blank=True)
    require_local = models.BooleanField(
        _("must live in the city or its metro area"),
        default=True,
        help_text=_("Ignored for virtual cohorts."),
    )
    allowed_stages = models.JSONField(
        _("business stages accepted"), default=list, blank=True, help_text=_("Empty: every stage.")
    )
    allowed_groups = models.JSONField(
        _("population groups accepted"),
        default=list,
        blank=True,
        help_text=_("Empty: every group."),
    )
    accepted_documents = models.JSONField(
        _("identity documents accepted"),
        default=_all_documents,
        blank=True,
        help_text=_('A document "in process" never rejects: it flags the application.'),
    )
    excluded_sectors = models.JSONField(_("sectors excluded"), default=list, blank=True)

    # Review
    rubric = models.ForeignKey(
        Rubric,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cohorts",
        verbose_name=_("rubric"),
    )
    reviewers_per_application = models.PositiveSmallIntegerField(
        _("reviewers per application"), default=2, validators=[MinValueValidator(1)]
    )
    blind_review = models.BooleanField(
        _("blind review"),
        default=False,
        help_text=_("Reviewers do not see the applicant's name and contact details."),
    )
    document_retention_days = models.PositiveSmallIntegerField(
        _("days to keep identity documents after the decision"), default=30
    )
    decisions_released_at = models.DateTimeField(
        _("decisions released at"), null=True, blank=True, editable=False
    )

    # Mentoring (read by the mentors app)
    allow_mentor_directory = models.BooleanField(
        _("participants may browse and request mentors"), default=False
    )
    mentoring_hours_per_pair = models.PositiveSmallIntegerField(
        _("mentoring hours per pair"), default=10
    )
    max_upcoming_bookings = models.PositiveSmallIntegerField(
        _("maximum upcoming bookings per participant"), default=2
    )
    booking_cancel_cutoff_hours = models.PositiveSmallIntegerField(
        _("hours before a session after which it cannot be cancelled"), default=12
    )

    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ["-starts_on", "name"]
        permissions = [
            ("view_sensitive_data", _("Can see sensitive applicant data and export it")),
            ("decide_application", _("Can decide on applications and release decisions")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(seats_confirmed__lte=F("seats")),
                name="cohorts_cohort_seats_not_oversubscribed",
            ),
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="cohorts_cohort_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(closes_at__gt=F("opens_at")), name="cohorts_cohort_closes_after_open"
            ),
            choice_check("format", CohortFormat, name="cohorts_cohort_format_valid"),
            models.CheckConstraint(
                condition=~Q(city=VIRTUAL) | Q(format=CohortFormat.VIRTUAL),
                name="cohorts_cohort_virtual_city_is_virtual",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        # a cohort in the "Virtual" city meets online (a database constraint guards it too)
        if self.city == VIRTUAL:
            self.format = CohortFormat.VIRTUAL
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("cohorts:detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        errors = {}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("The cohort cannot end before it starts.")
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            errors["closes_at"] = _("Applications must close after they open.")
        if self.seats is not None and self.seats < self.seats_confirmed:
            errors["seats"] = _("There are already more confirmed participants than that.")
        if self.city == VIRTUAL and self.format != CohortFormat.VIRTUAL:
            errors["format"] = _("A cohort whose city is “Virtual” can only be virtual.")
        if self.max_age is not None and self.max_age < self.min_age:
            errors["max_age"] = _("The maximum age cannot be below the minimum age.")
        if self.target_mix:
            if not isinstance(self.target_mix, dict) or any(
                k not in PopulationGroup.values or not isinstance(v, int) or v < 0
                for k, v in self.target_mix.items()
            ):
                errors["target_mix"] = _(
                    "Use population groups as keys and whole percentages as values."
                )
            elif sum(self.target_mix.values()) > 100:
                errors["target_mix"] = _("The target shares add up to more than 100 %.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_virtual(self) -> bool:
        """Where the cohort is: online, for people anywhere (no city)."""
        return self.city == VIRTUAL

    def format_context(self) -> dict[str, str]:
        """What the e-mails need to say how the cohort meets (cohorts/_format_note.txt)."""
        return {"cohort_format": self.format, "cohort_city": str(self.get_city_display())}

    @property
    def meets_in_person(self) -> bool:
        """The cohort has in-person sessions (in person or mixed)."""
        return self.format != CohortFormat.VIRTUAL

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.is_published and self.opens_at <= now < self.closes_at

    @property
    def seats_left(self) -> int:
        return max(self.seats - self.seats_confirmed, 0)


class Application(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="cohort_applications",
        verbose_name=_("applicant"),
    )
    cohort = models.ForeignKey(
        Cohort, on_delete=models.PROTECT, related_name="applications", verbose_name=_("cohort")
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.DRAFT,
        db_index=True,
    )
    current_step = models.CharField(
        _("current step"),
        max_length=16,
        choices=ApplicationStep.choices,
        default=ApplicationStep.ABOUT,
    )

    # About you
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    sex = models.CharField(_("sex"), max_length=16, choices=Sex.choices, blank=True)
    population_group = models.CharField(
        _("population group"), max_length=32, choices=PopulationGroup.choices, blank=True
    )
    nationality = models.CharField(
        _("nationality"), max_length=8, choices=Nationality.choices, blank=True
    )
    document_type = models.CharField(
        _("identity document"), max_length=32, choices=DocumentType.choices, blank=True
    )
    city = models.CharField(_("city"), max_length=32, choices=City.choices, blank=True)
    municipality = models.CharField(_("municipality"), max_length=80, blank=True)
    phone = models.CharField(_("mobile number"), max_length=20, blank=True)

    # Your business
    business_name = models.CharField(_("business name"), max_length=150, blank=True)
    business_stage = models.CharField(
        _("business stage"), max_length=16, choices=BusinessStage.choices, blank=True
    )
    sector = models.CharField(_("sector"), max_length=32, choices=Sector.choices, blank=True)
    description = models.TextField(_("what your business does"), max_length=2000, blank=True)
    employees = models.PositiveSmallIntegerField(
        _("people working in the business"), null=True, blank=True
    )

    # What you need
    needs = models.JSONField(_("what you need help with"), default=list, blank=True)
    languages = models.JSONField(_("languages you speak"), default=list, blank=True)
    preferred_mode = models.CharField(
        _("preferred way to meet"), max_length=16, choices=MeetingMode.choices, blank=True
    )
    mentoring_preferences = models.TextField(
        _("anything we should know for mentoring"), max_length=1000, blank=True
    )
    motivation = models.TextField(_("why do you want to join?"), max_length=2000, blank=True)
    availability = models.JSONField(
        _("when you can usually meet a mentor"),
        default=list,
        blank=True,
        help_text=_("Read by mentor matching."),
    )

    #: "Save and continue later" keeps what was typed even when it cannot be stored in
    #: its field (a date that is not a date, a number in words): field name -> the text
    #: (or list of texts) as typed. The step shows it again; submit refuses until fixed.
    draft_raw = models.JSONField(_("answers not saved yet"), default=dict, blank=True)

    # Consent and submission
    consent_given_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    needs_document_check = models.BooleanField(
        _("document to be checked by staff"),
        default=False,
        help_text=_("The applicant's identity document is in process."),
    )

    # Review results (kept up to date by the review services)
    review_count = models.PositiveSmallIntegerField(_("reviews"), default=0)
    score_mean = models.DecimalField(
        _("weighted score"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    score_median = models.DecimalField(
        _("median score"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    score_spread = models.DecimalField(
        _("score spread"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    shortlisted = models.BooleanField(_("shortlisted"), default=False)

    # Decision (pending until released) and offer
    decision = models.CharField(_("decision"), max_length=16, choices=Decision.choices, blank=True)
    decision_feedback = models.TextField(_("feedback for the applicant"), blank=True)
    decided_by = actor_field(on_delete=models.SET_NULL)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    released_at = models.DateTimeField(_("decision released at"), null=True, blank=True)
    offered_at = models.DateTimeField(_("offer made at"), null=True, blank=True)
    offer_expires_at = models.DateTimeField(_("confirm by"), null=True, blank=True)
    responded_at = models.DateTimeField(_("answered offer at"), null=True, blank=True)
    documents_purged_at = models.DateTimeField(
        _("identity documents deleted at"), null=True, blank=True
    )

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-submitted_at", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "cohort"], name="cohorts_application_one_per_person"
            ),
            choice_check("status", ApplicationStatus, name="cohorts_application_status_valid"),
            models.CheckConstraint(
                condition=~Q(status=ApplicationStatus.ACCEPTED) | Q(offer_expires_at__isnull=False),
                name="cohorts_application_offer_has_deadline",
            ),
            models.CheckConstraint(
                condition=Q(status=ApplicationStatus.DRAFT)
                | Q(submitted_at__isnull=False)
                | Q(status=ApplicationStatus.WITHDRAWN),
                name="cohorts_application_submitted_at_set",
            ),
        ]
        indexes = [
            # The selection board's counts by status (selectors.selection_summary) read
            # this index alone, never the rows: it covers every column they count.
            models.Index(
                fields=["cohort", "status", "shortlisted", "decision", "released_at"],
                name="cohorts_app_cohort_status",
            ),
            # The board's ranking (selectors.RANKING, the same order): a page of it is
            # read in index order and the scan stops after the page, whatever the size
            # of the cohort, instead of sorting every application of it.
            RankingIndex(
                fields=["cohort", "-score_mean", "-score_median", "submitted_at", "id"],
                name="cohorts_app_ranking",
            ),
            # The default order (Meta.ordering: the console's list of applications, every
            # cohort): a page is read in index order, not a sort of every application.
            models.Index(fields=["-submitted_at", "-created_at"], name="cohorts_app_latest"),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.cohort}"

    def get_absolute_url(self) -> str:
        return reverse("cohorts:application", kwargs={"pk": self.pk})

    def get_needs_display(self) -> str:
        """The needs as a person reads them ("Finanzas, Mercadeo"), never their codes."""
        labels = dict(Skill.choices)
        return ", ".join(str(labels.get(code, code)) for code in self.needs)

    def get_availability_display(self) -> str:
        labels = dict(Availability.choices)
        return ", ".join(str(labels.get(code, code)) for code in self.availability)

    def get_languages_display(self) -> str:
        labels = dict(CohortLanguage.choices)
        return ", ".join(str(labels.get(code, code)) for code in self.languages)

    @property
    def is_draft(self) -> bool:
        return self.status == ApplicationStatus.DRAFT

    def may_be_withdrawn(self, today: datetime.date | None = None) -> bool:
        """Whether the applicant may still withdraw it: a status that allows it, and not a
        seat in a cohort that has already ended (an alumna's place stays on the record)."""
        if self.status not in WITHDRAWABLE:
            return False
        today = today or timezone.localdate()
        return not (self.status == ApplicationStatus.CONFIRMED and self.cohort.ends_on < today)

    @property
    def age(self) -> int | None:
        if not self.birth_date:
            return None
        # lazy: app loading (this module is imported while the models load)
        from .eligibility import age_on

        return age_on(self.birth_date, timezone.localdate())


class ApplicationStatusChange(
    StatusHistory.of(ApplicationStatus, _("status change"), _("status changes"))
):
    """History: every status change of an application (who, when, from, to, note)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="history")


class ApplicationDocument(models.Model):
    """An uploaded file, stored privately under a random name. The row stays after the
    file of an identity document is deleted (``deleted_at``)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("kind"), max_length=16, choices=DocumentKind.choices)
    #: Name of the file in the "private" storage (random; empty once deleted).
    storage_name = models.CharField(max_length=255, blank=True, editable=False)
    display_name = models.CharField(_("name"), max_length=120)
    content_type = models.CharField(_("type"), max_length=40)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    deleted_at = models.DateTimeField(_("file deleted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("application document")
        verbose_name_plural = _("application documents")
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.display_name

    def get_absolute_url(self) -> str:
        return reverse("cohorts:document", kwargs={"pk": self.pk})


class ReviewerConflict(models.Model):
    """A reviewer must not review applications this conflict covers: a person's (any
    cohort), a business's (whoever applies with that name), or those matching a free text
    (a name or an e-mail), declared in advance or when stepping aside.

    ``match_key`` is the normalised business name or text (see ``cohorts.conflicts``),
    set by the services."""

    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="review_conflicts",
        verbose_name=_("reviewer"),
    )
    kind = models.CharField(
        _("conflict with"),
        max_length=16,
        choices=ConflictKind.choices,
        default=ConflictKind.PERSON,
    )
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("applicant"),
    )
    business_name = models.CharField(_("business name"), max_length=150, blank=True)
    text = models.CharField(
        _("name or e-mail"),
        max_length=200,
        blank=True,
        help_text=_("A full name, a business name or an e-mail address."),
    )
    match_key = models.CharField(max_length=210, blank=True, editable=False)
    reason = models.CharField(_("reason"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("declared at"), auto_now_add=True)

    class Meta:
        verbose_name = _("conflict of interest")
        verbose_name_plural = _("conflicts of interest")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["reviewer", "applicant"], name="cohorts_conflict_unique"
            ),
            models.UniqueConstraint(
                fields=["reviewer", "kind", "match_key"],
                condition=~Q(match_key=""),
                name="cohorts_conflict_unique_key",
            ),
            models.CheckConstraint(
                condition=(Q(kind=ConflictKind.PERSON) & Q(applicant__isnull=False))
                | (Q(kind=ConflictKind.BUSINESS) & ~Q(match_key="") & ~Q(business_name=""))
                | (Q(kind=ConflictKind.TEXT) & ~Q(match_key="") & ~Q(text="")),
                name="cohorts_conflict_kind_complete",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reviewer} ≠ {self.target}"

    @property
    def target(self) -> str:
        """Whom or what the conflict is with, for people to read."""
        if self.kind == ConflictKind.PERSON and self.applicant_id:
            return self.applicant.get_full_name()
        if self.kind == ConflictKind.BUSINESS:
            return self.business_name
        return self.text


class ReviewAssignment(models.Model):
    """One reviewer's review of one application: assigned, then submitted or abstained."""

    application = models.ForeignKey(
        Application,
        on_delete=models.CASCADE,
        related_name="assignments",
        verbose_name=_("application"),
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="review_assignments",
        verbose_name=_("reviewer"),
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=AssignmentStatus.choices,
        default=AssignmentStatus.ASSIGNED,
    )
    assigned_by = actor_field(on_delete=models.SET_NULL)
    assigned_at = models.DateTimeField(_("assigned at"), auto_now_add=True)
    weighted_score = models.DecimalField(
        _("weighted score"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    comment = models.TextField(_("notes for the selection team"), blank=True)
    feedback = models.TextField(_("feedback the applicant may read"), blank=True)
    abstain_reason = models.CharField(_("reason for abstaining"), max_length=200, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("review assignment")
        verbose_name_plural = _("review assignments")
        ordering = ["assigned_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "reviewer"], name="cohorts_assignment_unique"
            ),
            models.CheckConstraint(
                condition=~Q(status="submitted") | Q(weighted_score__isnull=False),
                name="cohorts_assignment_submitted_has_score",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reviewer} · {self.application_id}"


class Score(models.Model):
    assignment = models.ForeignKey(
        ReviewAssignment, on_delete=models.CASCADE, related_name="scores"
    )
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="scores")
    value = models.PositiveSmallIntegerField(pgettext_lazy("rubric", "score"))

    class Meta:
        verbose_name = pgettext_lazy("rubric", "score")
        verbose_name_plural = pgettext_lazy("rubric", "scores")
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "criterion"], name="cohorts_score_unique"
            ),
            models.CheckConstraint(condition=Q(value__gte=1), name="cohorts_score_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.criterion_id}: {self.value}"


class Participant(models.Model):
    cohort = models.ForeignKey(
        Cohort, on_delete=models.PROTECT, related_name="participants", verbose_name=_("cohort")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="participations",
        verbose_name=_("person"),
    )
    application = models.OneToOneField(
        Application, on_delete=models.PROTECT, related_name="participant"
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ParticipantStatus.choices,
        default=ParticipantStatus.ACTIVE,
    )
    joined_at = models.DateTimeField(_("joined at"), default=timezone.now)
    left_at = models.DateTimeField(_("left at"), null=True, blank=True)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["cohort", "user__full_name"]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "user"], name="cohorts_participant_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.cohort})"

    @property
    def name(self) -> str:
        return self.user.get_full_name()


class Workshop(models.Model):
    cohort = models.ForeignKey(
        Cohort, on_delete=models.CASCADE, related_name="workshops", verbose_name=_("cohort")
    )
    title = models.CharField(_("title"), max_length=150)
    starts_at = models.DateTimeField(_("starts at"))
    location = models.CharField(_("place or link"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")
        ordering = ["starts_at", "pk"]

    def __str__(self) -> str:
        return self.title


class Attendance(models.Model):
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="attendance")
    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="attendance"
    )
    present = models.BooleanField(_("present"), default=False)
    recorded_by = actor_field(on_delete=models.SET_NULL)
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["workshop", "participant"], name="cohorts_attendance_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.workshop_id} · {self.participant_id}: {self.present}"
