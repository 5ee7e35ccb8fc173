"""Mentor–mentee conversations (one per match, text only) and the reports a mentee or a
mentor makes about the other: a no-show at a session or a safeguarding concern."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from semilla.constraints import choice_check
from semilla.fields import actor_field
from semilla.transitions import StatusHistory

from .enums import ConcernCategory, ReportAction, ReportKind, ReportStatus

MESSAGE_MAX_LENGTH = 2000


class Conversation(models.Model):
    """The thread of one match between its mentor and its mentee. Created with the first
    message; readable by the two people, and by programme staff only while a report about
    the match exists (each staff read is audited)."""

    match = models.OneToOneField(
        "mentors.Match",
        on_delete=models.PROTECT,
        related_name="conversation",
        verbose_name=_("match"),
    )
    created_at = models.DateTimeField(_("started at"), auto_now_add=True)
    last_message_at = models.DateTimeField(_("last message at"), null=True, blank=True)

    class Meta:
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")
        ordering = ["-last_message_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.match_id}"

    def get_absolute_url(self) -> str:
        return reverse("conversations:thread", kwargs={"match_id": self.match_id})


class Message(models.Model):
    """One message, text only. Erasing its sender blanks ``body`` and sets
    ``body_removed`` (the thread shows "message removed"); the other person's messages
    stay."""

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="messages"
    )
    sender = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    body = models.TextField(_("message"), max_length=MESSAGE_MAX_LENGTH, blank=True)
    body_removed = models.BooleanField(_("removed"), default=False)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(body_removed=True) | ~models.Q(body=""),
                name="conversations_message_has_text_unless_removed",
            ),
        ]
        indexes = [models.Index(fields=["conversation", "id"])]

    def __str__(self) -> str:
        return f"{self.conversation_id}:{self.pk}"


class ReadMark(models.Model):
    """Up to which message a person has read a conversation (the unread count)."""

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="read_marks"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    last_read_id = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["conversation", "user"], name="conversations_one_read_mark"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.conversation_id}:{self.user_id}:{self.last_read_id}"


class Report(models.Model):
    """A no-show at a session, or a safeguarding concern about the other person of a
    match. Staff triage it in the console; the reporter sees its status; the reported
    person sees it without the reporter's name until staff disclose it."""

    kind = models.CharField(_("kind"), max_length=16, choices=ReportKind.choices)
    match = models.ForeignKey(
        "mentors.Match", on_delete=models.PROTECT, related_name="reports", verbose_name=_("match")
    )
    booking = models.ForeignKey(
        "mentors.Booking",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reports",
        verbose_name=_("session"),
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="reports_made",
        verbose_name=_("reported by"),
    )
    reported = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="reports_received",
        verbose_name=_("about"),
    )
    category = models.CharField(
        _("what it is about"), max_length=20, choices=ConcernCategory.choices, blank=True
    )
    text = models.TextField(_("what happened"), max_length=MESSAGE_MAX_LENGTH, blank=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ReportStatus.choices,
        default=ReportStatus.NEW,
        db_index=True,
    )
    assignee = actor_field(_("assigned to"), on_delete=models.SET_NULL)
    disclose_reporter = models.BooleanField(
        _("show the reporter's name to the reported person"), default=False
    )
    created_at = models.DateTimeField(_("received at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-created_at", "-pk"]
        constraints = [
            choice_check("status", ReportStatus, name="conversations_report_status_valid"),
            choice_check("kind", ReportKind, name="conversations_report_kind_valid"),
            models.CheckConstraint(
                condition=models.Q(kind=ReportKind.SAFEGUARDING) | models.Q(booking__isnull=False),
                name="conversations_no_show_names_a_session",
            ),
            models.CheckConstraint(
                condition=models.Q(kind=ReportKind.NO_SHOW) | ~models.Q(category=""),
                name="conversations_concern_has_category",
            ),
            models.CheckConstraint(
                condition=~models.Q(reporter=models.F("reported")),
                name="conversations_report_not_about_oneself",
            ),
            models.UniqueConstraint(
                fields=["booking", "reporter"],
                condition=models.Q(kind=ReportKind.NO_SHOW),
                name="conversations_one_no_show_report_per_session",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"


class ReportEvent(StatusHistory):
    """A report's history: its creation, each status change, assignment, staff note and
    disclosure decision (``action``)."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(
        _("what"), max_length=16, choices=ReportAction.choices, default=ReportAction.STATUS
    )

    class Meta(StatusHistory.Meta):
        verbose_name = _("report event")
        verbose_name_plural = _("report events")
