"""Pitch day: events, rubrics, judges, pitches, scores, audience votes and awards."""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from semilla import upload_pipeline
from semilla.constraints import choice_check
from semilla.fields import actor_field
from semilla.transitions import StatusHistory
from semilla.upload_pipeline import UploadModelField

from ..enums import Currency, EventStatus, JudgeStatus, PitchStatus
from .grants import Fund, Grant, private_storage

USER = settings.AUTH_USER_MODEL
SCORE_MIN, SCORE_MAX = 1, 10


class PitchRubric(models.Model):
    name = models.CharField(_("name"), max_length=120, unique=True)
    is_default = models.BooleanField(_("default rubric"), default=False)

    class Meta:
        verbose_name = _("pitch rubric")
        verbose_name_plural = _("pitch rubrics")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"], condition=Q(is_default=True), name="one_default_pitch_rubric"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class PitchCriterion(models.Model):
    rubric = models.ForeignKey(PitchRubric, on_delete=models.CASCADE, related_name="criteria")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name_es = models.CharField(_("name (Spanish)"), max_length=80)
    name_en = models.CharField(_("name (English)"), max_length=80)
    guidance_es = models.TextField(_("guidance (Spanish)"), blank=True)
    guidance_en = models.TextField(_("guidance (English)"), blank=True)
    weight = models.PositiveSmallIntegerField(_("weight (%)"))

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["rubric", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(weight__gt=0, weight__lte=100), name="pitch_criterion_weight_range"
            ),
        ]

    def __str__(self) -> str:
        return self.name_es

    def name(self, language: str) -> str:
        return self.name_en if language == "en" else self.name_es

    def guidance(self, language: str) -> str:
        return self.guidance_en if language == "en" else self.guidance_es


class HttpsURLField(models.URLField):
    """A URL field whose form field assumes https:// when the scheme is missing."""

    def formfield(self, **kwargs):
        return super().formfield(**{"assume_scheme": "https", **kwargs})


def _vote_token() -> str:
    return secrets.token_urlsafe(12)


class PitchEvent(models.Model):
    title = models.CharField(_("title"), max_length=150)
    cohorts = models.ManyToManyField(
        "cohorts.Cohort", related_name="pitch_events", verbose_name=_("cohorts")
    )
    starts_at = models.DateTimeField(_("date and time"))
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    online_url = HttpsURLField(_("online link"), blank=True)
    submission_deadline = models.DateTimeField(_("submission deadline"))
    rubric = models.ForeignKey(
        PitchRubric, on_delete=models.PROTECT, related_name="events", verbose_name=_("rubric")
    )
    status = models.CharField(
        _("status"), max_length=12, choices=EventStatus.choices, default=EventStatus.DRAFT
    )
    min_judges = models.PositiveSmallIntegerField(
        _("judges needed per pitch"),
        default=3,
        help_text=_("Coverage check: every pitch must be scored by at least this many judges."),
    )
    award_budget = models.PositiveBigIntegerField(_("award budget (minor units)"), default=0)
    currency = models.CharField(
        _("currency"), max_length=3, choices=Currency.choices, default=Currency.COP
    )
    fund = models.ForeignKey(
        Fund,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="pitch_events",
        verbose_name=_("fund for awards"),
    )
    audience_vote = models.BooleanField(_("audience vote"), default=False)
    vote_token = models.CharField(max_length=32, unique=True, default=_vote_token, editable=False)
    winners_public = models.BooleanField(_("publish the list of winners"), default=False)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("pitch event")
        verbose_name_plural = _("pitch events")
        ordering = ["-starts_at"]
        constraints = [
            choice_check("status", EventStatus, name="pitch_event_status_valid"),
            models.CheckConstraint(condition=Q(min_judges__gte=1), name="pitch_event_min_judges"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("pitchday:event_detail", args=[self.pk])


class AwardTier(models.Model):
    """E.g. first place up to 8 M, places 2-3 up to 5 M, places 4-6 up to 3 M."""

    event = models.ForeignKey(
        PitchEvent, on_delete=models.CASCADE, related_name="tiers", verbose_name=_("pitch event")
    )
    name = models.CharField(_("name"), max_length=80)
    rank_from = models.PositiveSmallIntegerField(_("from place"))
    rank_to = models.PositiveSmallIntegerField(_("to place"))
    amount = models.PositiveBigIntegerField(_("maximum per pitch (minor units)"))

    class Meta:
        verbose_name = _("award tier")
        verbose_name_plural = _("award tiers")
        ordering = ["event", "rank_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(rank_from__gte=1, rank_to__gte=models.F("rank_from")),
                name="award_tier_ranks",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class EventLog(
    StatusHistory.of(EventStatus, _("pitch event status change"), _("pitch event status changes"))
):
    """History of a pitch event's status (who, when, from, to, why)."""

    event = models.ForeignKey(PitchEvent, on_delete=models.CASCADE, related_name="log")


class Judge(models.Model):
    event = models.ForeignKey(PitchEvent, on_delete=models.CASCADE, related_name="judges")
    user = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="judgings")
    status = models.CharField(
        _("status"), max_length=10, choices=JudgeStatus.choices, default=JudgeStatus.INVITED
    )
    invited_at = models.DateTimeField(auto_now_add=True)
    responded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("judge")
        verbose_name_plural = _("judges")
        ordering = ["event", "user__full_name"]
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="one_judge_per_event_user"),
        ]

    def __str__(self) -> str:
        return str(self.user)


def deck_upload_to(instance, filename: str) -> str:
    return f"pitch/decks/{uuid.uuid4().hex}.pdf"


class Pitch(models.Model):
    #: set by pitch_save (not stored): what a submission still lacks
    missing: list[str]

    event = models.ForeignKey(
        PitchEvent, on_delete=models.PROTECT, related_name="pitches", verbose_name=_("pitch event")
    )
    participant = models.ForeignKey(
        "cohorts.Participant",
        on_delete=models.PROTECT,
        related_name="pitches",
        verbose_name=_("participant"),
    )
    business_name = models.CharField(_("business name"), max_length=150)
    summary = models.TextField(_("one-page summary"), max_length=4000, blank=True)
    deck = UploadModelField(
        _("deck (PDF)"),
        kind=upload_pipeline.DECK,
        upload_to=deck_upload_to,
        storage=private_storage,
        blank=True,
        max_length=200,
    )
    video_url = HttpsURLField(_("video link"), blank=True)
    ask_amount = models.PositiveBigIntegerField(_("amount requested (minor units)"), default=0)
    status = models.CharField(
        _("status"), max_length=10, choices=PitchStatus.choices, default=PitchStatus.DRAFT
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    running_order = models.PositiveSmallIntegerField(_("running order"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("pitch")
        verbose_name_plural = _("pitches")
        ordering = ["event", "running_order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "participant"], name="one_pitch_per_participant_and_event"
            ),
            choice_check("status", PitchStatus, name="pitch_status_valid"),
        ]

    def __str__(self) -> str:
        return self.business_name

    @property
    def user(self):
        return self.participant.user


class UseOfFundsItem(models.Model):
    pitch = models.ForeignKey(Pitch, on_delete=models.CASCADE, related_name="use_of_funds")
    description = models.CharField(_("item"), max_length=150)
    amount = models.PositiveBigIntegerField(_("amount (minor units)"))

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.description


class JudgeConflict(models.Model):
    judge = models.ForeignKey(Judge, on_delete=models.CASCADE, related_name="conflicts")
    pitch = models.ForeignKey(Pitch, on_delete=models.CASCADE, related_name="conflicts")
    reason = models.CharField(_("reason"), max_length=200, blank=True)
    declared_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["judge", "pitch"], name="one_conflict_per_pair"),
        ]

    def __str__(self) -> str:
        return f"{self.judge} / {self.pitch}"


class PitchScore(models.Model):
    """One score per judge, pitch and criterion: re-sending it updates, never duplicates."""

    judge = models.ForeignKey(Judge, on_delete=models.PROTECT, related_name="scores")
    pitch = models.ForeignKey(Pitch, on_delete=models.PROTECT, related_name="scores")
    criterion = models.ForeignKey(PitchCriterion, on_delete=models.PROTECT, related_name="+")
    value = models.PositiveSmallIntegerField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["judge", "pitch", "criterion"], name="one_score_per_judge_pitch_criterion"
            ),
            models.CheckConstraint(
                condition=Q(value__gte=SCORE_MIN, value__lte=SCORE_MAX), name="pitch_score_range"
            ),
        ]

    def __str__(self) -> str:
        return str(self.value)


class JudgeComment(models.Model):
    judge = models.ForeignKey(Judge, on_delete=models.PROTECT, related_name="comments")
    pitch = models.ForeignKey(Pitch, on_delete=models.PROTECT, related_name="comments")
    text = models.TextField(max_length=2000)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["judge", "pitch"], name="one_comment_per_judge_pitch"),
        ]

    def __str__(self) -> str:
        return self.text[:40]


class AudienceVote(models.Model):
    event = models.ForeignKey(PitchEvent, on_delete=models.CASCADE, related_name="votes")
    pitch = models.ForeignKey(Pitch, on_delete=models.CASCADE, related_name="votes")
    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="one_audience_vote_per_user"),
        ]

    def __str__(self) -> str:
        return f"{self.user} -> {self.pitch}"


class Award(models.Model):
    """A seed-grant award by rank; confirming it creates the Grant (``grant``)."""

    event = models.ForeignKey(PitchEvent, on_delete=models.PROTECT, related_name="awards")
    pitch = models.OneToOneField(Pitch, on_delete=models.PROTECT, related_name="award")
    rank = models.PositiveSmallIntegerField(_("place"))
    amount = models.PositiveBigIntegerField(_("amount (minor units)"))
    grant = models.OneToOneField(
        Grant, null=True, blank=True, on_delete=models.PROTECT, related_name="award"
    )
    confirmed_by = actor_field()
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("award")
        verbose_name_plural = _("awards")
        ordering = ["event", "rank"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="award_amount_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.rank}. {self.pitch}"
