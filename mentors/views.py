"""Public views of the mentors app: sign-up and profile, requests, matches, the
participant's mentorship and the optional directory."""

from datetime import timedelta
from zoneinfo import ZoneInfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cohorts.permissions import is_participant
from semilla import services as semilla_services
from semilla.service_call import call_service, submit_form
from semilla.timezones import default_timezone

from . import selectors, services
from .enums import BookingMode, BookingStatus, GoalStatus, MatchStatus, MentorStatus
from .forms import (
    BookForm,
    BookPickForm,
    BookTimezoneForm,
    CancelBookingForm,
    ConfirmSessionForm,
    DeclineForm,
    EndRequestForm,
    GoalForm,
    GoalStatusForm,
    MenteeAvailabilityForm,
    MentorApplyForm,
    MentorProfileForm,
    OverrideForm,
    ProposeSessionForm,
    RescheduleForm,
    RespondProposalForm,
    ScheduleSettingsForm,
    SessionLogForm,
    WeeklyWindowForm,
)
from .ics import booking_download_ics, feed_ics
from .models import (
    ActionItem,
    Booking,
    CalendarFeed,
    Match,
    MenteeAvailability,
    MentorProfile,
    MentorshipGoal,
    SessionLog,
)
from .permissions import may_answer_match, may_request_end, may_see_participant_details


@require_GET
@login_required
def home(request):
    """The mentor's area: vetting status, requests waiting for an answer, mentees."""
    profile = selectors.mentor_profile_for(user=request.user)
    matches = list(selectors.matches_for_mentor(user=request.user)) if profile else []
    return render(
        request,
        "mentors/home.html",
        {
            "profile": profile,
            "pending": [m for m in matches if m.status == MatchStatus.PROPOSED],
            "mentees": [m for m in matches if m.status == MatchStatus.ACCEPTED],
            "is_participant": is_participant(request.user),
            "volunteer_hours": (
                round(selectors.volunteer_minutes(mentor=profile) / 60, 1) if profile else None
            ),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def apply(request):
    """Sign-up as a volunteer mentor (any signed-in person)."""
    if MentorProfile.objects.filter(user=request.user).exists():
        return redirect("mentors:profile")
    form = MentorApplyForm(
        request.POST or None,
        initial={"languages": [request.user.language], "city": request.user.city},
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        accepted = data.pop("accept_code_of_conduct")
        outcome = call_service(
            request,
            services.mentor_apply,
            form=form,
            success=_(
                "Thank you! Your application was received. We will "
                "contact you for a short interview."
            ),
            user=request.user,
            accept_code_of_conduct=accepted,
            **data,
        )
        if outcome.ok:
            return redirect("mentors:home")
    return render(request, "mentors/apply.html", {"form": form})


@require_http_methods(["GET", "POST"])
@login_required
def profile(request):
    profile = get_object_or_404(MentorProfile, user=request.user)
    form = MentorProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        outcome = call_service(
            request,
            services.mentor_update_profile,
            form=form,
            field="capacity",
            success=_("Your profile was saved."),
            profile=profile,
            actor=request.user,
            **form.cleaned_data,
        )
        if outcome.ok:
            return redirect("mentors:home")
    return render(request, "mentors/profile.html", {"form": form, "profile": profile})


def _match_or_404(request, pk: int) -> Match:
    try:
        return selectors.match_for_user(user=request.user, pk=pk)
    except Match.DoesNotExist as exc:
        raise Http404 from exc


@require_GET
@login_required
def match_detail(request, pk: int):
    match = _match_or_404(request, pk)
    return render(
        request,
        "mentors/match_detail.html",
        {
            "match": match,
            "is_mentor": match.mentor.user_id == request.user.pk,
            "may_answer": may_answer_match(request.user, match),
            "may_request_end": may_request_end(request.user, match),
            "show_details": may_see_participant_details(request.user, match),
            "decline_form": DeclineForm(),
            "end_form": EndRequestForm(),
            "open_end_request": match.end_requests.filter(status="open").first(),
            "goals": list(selectors.goals_for_match(match=match)),
            "may_edit_goals": match.status == MatchStatus.ACCEPTED
            and request.user.pk in (match.mentor.user_id, match.participant.user_id),
            "goal_form": GoalForm(),
        },
    )


@require_POST
@login_required
def match_accept(request, pk: int):
    match = _match_or_404(request, pk)
    if not may_answer_match(request.user, match):
        raise Http404
    call_service(
        request,
        services.match_accept,
        success=_("You accepted. Your new mentee has been told."),
        match=match,
        actor=request.user,
    )
    return redirect("mentors:match_detail", pk=match.pk)


@require_POST
@login_required
def match_decline(request, pk: int):
    match = _match_or_404(request, pk)
    if not may_answer_match(request.user, match):
        raise Http404
    form = DeclineForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    call_service(
        request,
        services.match_decline,
        success=_("You declined. We will propose another mentor."),
        match=match,
        actor=request.user,
        reason=reason,
    )
    return redirect("mentors:home")


@require_POST
@login_required
def match_end_request(request, pk: int):
    match = _match_or_404(request, pk)
    if not may_request_end(request.user, match):
        raise Http404
    submit_form(
        request,
        EndRequestForm(request.POST),
        services.match_request_end,
        success=_("Your request was sent to the programme team."),
        invalid=_("Please tell us why you want to end this mentorship."),
        match=match,
        user=request.user,
    )
    return redirect("mentors:match_detail", pk=match.pk)


@require_http_methods(["GET", "POST"])
@login_required
def my_mentorship(request):
    """The participant's side: their mentor (or the pending proposal), their usual
    availability for matching, and the directory when the cohort allows it."""
    participations = list(selectors.participants_of_user(user=request.user))
    if not participations:
        raise Http404
    participant = participations[0]
    current = selectors.open_match_for_participant_user(user=request.user)
    availability = MenteeAvailability.objects.filter(participant=participant).first()
    form = MenteeAvailabilityForm(
        request.POST or None,
        initial={
            "blocks": availability.blocks if availability else participant.application.availability
        },
    )
    if request.method == "POST" and form.is_valid():
        services.mentee_availability_set(
            participant=participant, blocks=form.cleaned_data["blocks"]
        )
        messages.success(request, _("Your availability was saved."))
        return redirect("mentors:my_mentorship")
    return render(
        request,
        "mentors/my_mentorship.html",
        {
            "participant": participant,
            "match": current,
            "form": form,
            "directory": participant.cohort.allow_mentor_directory and current is None,
            "overview": selectors.mentee_overview(user=request.user),
            "goal_form": GoalForm(),
            "respond_form": RespondProposalForm(),
        },
    )


@require_GET
@login_required
def directory(request):
    participations = list(selectors.participants_of_user(user=request.user))
    participant = next((p for p in participations if p.cohort.allow_mentor_directory), None)
    if participant is None:
        raise Http404
    return render(
        request,
        "mentors/directory.html",
        {
            "participant": participant,
            "mentors": selectors.directory_mentors(participant=participant),
            "has_open_match": selectors.open_match_for_participant_user(user=request.user)
            is not None,
        },
    )


@require_POST
@login_required
def directory_request(request, mentor_pk: int):
    participations = list(selectors.participants_of_user(user=request.user))
    participant = next((p for p in participations if p.cohort.allow_mentor_directory), None)
    if participant is None:
        raise Http404
    mentor = get_object_or_404(MentorProfile, pk=mentor_pk, status=MentorStatus.ACTIVE)
    outcome = call_service(
        request,
        services.match_request_from_directory,
        success=_("Your request was sent. The mentor will answer soon."),
        participant=participant,
        mentor=mentor,
        actor=request.user,
    )
    return redirect("mentors:my_mentorship" if outcome.ok else "mentors:directory")


# ----------------------------------------------------------------------------- sessions


def _availability_settings(request, profile: MentorProfile, forms: dict) -> bool:
    form = forms["settings_form"] = ScheduleSettingsForm(request.POST, instance=profile, prefix="s")
    success = _("Your session settings were saved.")
    return submit_form(
        request, form, services.availability_update_settings, success=success, mentor=profile
    )


def _availability_weekly(request, profile: MentorProfile, forms: dict) -> bool:
    form = forms["weekly_form"] = WeeklyWindowForm(request.POST, prefix="w")
    return submit_form(
        request, form, services.availability_add_weekly, success=_("Hours added."), mentor=profile
    )


def _availability_override(request, profile: MentorProfile, forms: dict) -> bool:
    form = forms["override_form"] = OverrideForm(request.POST, prefix="o")
    return submit_form(
        request, form, services.availability_add_override, success=_("Date saved."), mentor=profile
    )


def _availability_delete_weekly(request, profile: MentorProfile, forms: dict):
    if services.availability_remove_weekly(mentor=profile, window_id=_posted_id(request)):
        messages.success(request, _("Hours removed."))
    return True


def _availability_delete_override(request, profile: MentorProfile, forms: dict):
    if services.availability_remove_override(mentor=profile, override_id=_posted_id(request)):
        messages.success(request, _("Date removed."))
    return True


#: The availability page's buttons (the ``action`` of its forms) and the handler of each:
#: a handler binds its own form and answers True when the page should be loaded afresh
#: (done, or nothing to show), False to show its form again with the errors.
AVAILABILITY_ACTIONS = {
    "settings": _availability_settings,
    "weekly": _availability_weekly,
    "override": _availability_override,
    "delete_weekly": _availability_delete_weekly,
    "delete_override": _availability_delete_override,
}


@require_http_methods(["GET", "POST"])
@login_required
def availability(request):
    """The mentor sets weekly hours and date overrides in their own time zone."""
    profile = get_object_or_404(MentorProfile.objects.select_related("user"), user=request.user)
    forms = {
        "settings_form": ScheduleSettingsForm(instance=profile, prefix="s"),
        "weekly_form": WeeklyWindowForm(prefix="w"),
        "override_form": OverrideForm(prefix="o"),
    }
    if request.method == "POST":
        handler = AVAILABILITY_ACTIONS.get(request.POST.get("action", ""))
        if handler is not None and handler(request, profile, forms):
            return redirect("mentors:availability")
    return render(
        request,
        "mentors/availability.html",
        {
            "profile": profile,
            **forms,
            "weekly": profile.weekly_availability.all(),
            "overrides": profile.availability_overrides.filter(date__gte=timezone.localdate()),
        },
    )


def _posted_id(request) -> int:
    """The row id a form posted as ``pk`` (0, which matches nothing, when it is not one)."""
    value = request.POST.get("pk", "")
    return int(value) if value.isdigit() and len(value) < 19 else 0


def _booking_or_404(request, pk: int) -> Booking:
    """A session the signed-in person takes part in (as mentor or mentee); 404 otherwise."""
    try:
        return selectors.booking_for_user(user=request.user, pk=pk)
    except Booking.DoesNotExist as exc:
        raise Http404 from exc


def _accepted_match_of(user) -> Match:
    match = selectors.accepted_match_for_mentee(user=user)
    if match is None:
        raise Http404
    return match


@require_http_methods(["GET", "POST"])
@login_required
def book(request):
    """The mentee books a session in three steps that are plain links, for thumbs and
    without JavaScript: a day (``?dia=``), then a time (``&hora=``), then one short form
    (POST). Times are in her own zone. When she cannot book (the cohort's limits), the
    page says why and offers no times (``selectors.booking_options``, the same rule the
    service applies)."""
    match = _accepted_match_of(request.user)
    zone = timezone.get_current_timezone()
    options = selectors.booking_options(match=match, zone=zone)
    pick = BookPickForm(request.GET)
    day, slot = (
        (pick.cleaned_data["dia"], pick.cleaned_data["hora"]) if pick.is_valid() else (None, None)
    )
    form, refused = None, False
    if request.method == "POST":
        form = BookForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            outcome = call_service(
                request,
                services.booking_create,
                success=_("Your session is booked. We sent you a calendar invitation."),
                match=match,
                starts_at=data["hora"],
                actor=request.user,
                mode=data["mode"],
                topic=data["topic"],
                note=data["note"],
            )
            if outcome.ok:
                return redirect("mentors:sessions")
            refused = True  # call_service added the reason
            options = selectors.booking_options(match=match, zone=zone)  # as it is now
        slot = form.cleaned_data.get("hora", slot)
    slot_gone = slot is not None and not options.offers(slot)
    if slot is not None:
        day = slot.astimezone(zone).date()
    if slot_gone:
        form = None
    chosen = options.day(day)
    if slot is not None and not slot_gone and form is None:
        form = BookForm(initial={"hora": int(slot.timestamp()), "mode": BookingMode.VIRTUAL})
    goals = []
    if form is not None:
        goals = list(selectors.goals_for_match(match=match).filter(status=GoalStatus.OPEN))
        if goals:  # the pair's open goals are offered as topics (a datalist)
            form.fields["topic"].widget.attrs["list"] = "mentee-goals"
    return render(
        request,
        "mentors/book.html",
        {
            "match": match,
            "options": options,
            "chosen": chosen,
            "day_missing": day is not None and chosen is None and not options.refusal,
            "slot": None if slot_gone else slot,
            "slot_gone": slot_gone and not refused and not options.refusal,
            "form": form,
            "goals": goals,
            "zone": timezone.get_current_timezone_name(),
            "mentor_zone": match.mentor.user.timezone,
            "timezone_form": BookTimezoneForm(initial={"timezone": default_timezone(request.user)}),
        },
    )


@require_POST
@login_required
def book_timezone(request):
    """The mentee picks her time zone from the list on the booking page (saved as her
    preference: pages and messages use it)."""
    _accepted_match_of(request.user)
    submit_form(
        request,
        BookTimezoneForm(request.POST),
        semilla_services.user_update_preferences,
        success=_("Your time zone was saved."),
        invalid=_("Choose a time zone from the list."),
        user=request.user,
    )
    return redirect("mentors:book")


@require_GET
@login_required
def sessions(request):
    """Upcoming and recent sessions of the person, as mentor or mentee, in their zone."""
    return _sessions_page(request)


def _sessions_page(request, *, log_form: SessionLogForm | None = None, log_for: int = 0):
    """The sessions page; ``log_form`` (bound, with its errors) stands in for the log form
    of session ``log_for`` when a log was refused, so nothing the mentor wrote is lost."""
    bookings = list(selectors.bookings_for_sessions_page(user=request.user))
    for booking in bookings:  # one form per session, each with ids of its own
        if log_form is not None and booking.pk == log_for:
            booking.log_form = log_form
        else:
            booking.log_form = SessionLogForm(auto_id=f"log{booking.pk}_%s")
        booking.confirm_form = ConfirmSessionForm(auto_id=f"confirm{booking.pk}_%s")
    return render(
        request,
        "mentors/sessions.html",
        {
            "upcoming": [
                b
                for b in bookings
                if b.ends_at >= timezone.now() and b.status == BookingStatus.CONFIRMED
            ],
            "proposed": [
                b
                for b in bookings
                if b.starts_at > timezone.now() and b.status == BookingStatus.PROPOSED
            ],
            "past": [
                b
                for b in bookings
                if b.ends_at < timezone.now()
                or b.status not in (BookingStatus.CONFIRMED, BookingStatus.PROPOSED)
            ],
            "respond_form": RespondProposalForm(),
            "zone": timezone.get_current_timezone_name(),
            "cancel_form": CancelBookingForm(),
            "feed_token": CalendarFeed.objects.filter(user=request.user)
            .values_list("token", flat=True)
            .first(),
        },
        status=400 if log_form is not None else 200,
    )


@require_POST
@login_required
def booking_cancel(request, pk: int):
    booking = _booking_or_404(request, pk)
    form = CancelBookingForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please give a reason for cancelling."))
        return redirect("mentors:sessions")
    outcome = call_service(
        request,
        services.booking_cancel,
        booking=booking,
        actor=request.user,
        reason=form.cleaned_data["reason"],
    )
    if outcome.value is not None:
        if outcome.value.late_cancellation:
            messages.warning(
                request,
                _(
                    "The session was cancelled. It was close to the "
                    "start, so it counts as a late cancellation."
                ),
            )
        else:
            messages.success(request, _("The session was cancelled."))
    return redirect("mentors:sessions")


@require_POST
@login_required
def calendar_feed_rotate(request):
    """Create the private feed URL, or replace it (the old URL stops working)."""
    services.calendar_feed_token(user=request.user, rotate=True)
    messages.success(request, _("Your private calendar address was renewed."))
    return redirect("mentors:sessions")


@require_GET
def calendar_feed(request, token: str):
    """The private calendar feed: no log-in, the secret token is the key."""
    feed = get_object_or_404(CalendarFeed.objects.select_related("user"), token=token)
    bookings = selectors.bookings_for_user(user=feed.user, since_days=60)
    response = HttpResponse(
        feed_ics(bookings, name="Semilla"), content_type="text/calendar; charset=utf-8"
    )
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
@login_required
def booking_calendar(request, pk: int):
    """ "Add to calendar": one confirmed session as an .ics file in the person's time
    zone, for the mentor and the mentee only (anyone else: 404)."""
    booking = _booking_or_404(request, pk)
    if booking.status != BookingStatus.CONFIRMED:
        raise Http404
    zone = default_timezone(request.user)
    response = HttpResponse(
        booking_download_ics(booking, tzname=zone), content_type="text/calendar; charset=utf-8"
    )
    day = booking.starts_at.astimezone(ZoneInfo(zone)).date()
    response["Content-Disposition"] = f'attachment; filename="sesion-semilla-{day:%Y-%m-%d}.ics"'
    response["Cache-Control"] = "private, no-store"
    return response


def _goal_progress(post) -> dict[int, int]:
    """``goal-<pk>`` fields of the log form: the progress (0-100) of each open goal."""
    progress = {}
    for name, value in post.items():
        if name.startswith("goal-") and name[5:].isdigit() and value.strip().isdigit():
            progress[int(name[5:])] = int(value)
    return progress


@require_POST
@login_required
def session_log(request, pk: int):
    booking = _booking_or_404(request, pk)
    form = SessionLogForm(request.POST, auto_id=f"log{pk}_%s")
    # the mentor writes the log: a refusal shows them their page again with what they wrote
    is_mentor = booking.mentor.user_id == request.user.pk
    if not form.is_valid():
        messages.error(request, _("Say what happened in the session."))
        if is_mentor:
            return _sessions_page(request, log_form=form, log_for=booking.pk)
        return redirect("mentors:sessions")
    data = form.cleaned_data
    outcome = call_service(
        request,
        services.session_log,
        success=_("Session logged. Thank you!"),
        form=form,
        booking=booking,
        actor=request.user,
        outcome=data["outcome"],
        duration_minutes=data["duration_minutes"] or 0,
        topics=data["topics"],
        notes=data["notes"],
        notes_shared=data["notes_shared"],
        action_items=data["action_items"].splitlines(),
        goal_progress=_goal_progress(request.POST),
    )
    if not outcome.ok and is_mentor:  # refused: the page again with what was written and why
        return _sessions_page(request, log_form=form, log_for=booking.pk)
    return redirect("mentors:sessions")


@require_POST
@login_required
def session_confirm(request, pk: int):
    log = get_object_or_404(SessionLog, pk=pk, booking__participant__user=request.user)
    submit_form(
        request,
        ConfirmSessionForm(request.POST),
        services.session_confirm,
        success=_("Thank you for confirming."),
        invalid=_("Choose a rating from 1 to 5."),
        log=log,
        actor=request.user,
    )
    return redirect("mentors:sessions")


@require_POST
@login_required
def action_item_toggle(request, pk: int):
    item = get_object_or_404(ActionItem, pk=pk, log__booking__participant__user=request.user)
    services.action_item_toggle(item=item, actor=request.user, done=request.POST.get("done") == "1")
    # back to the page the item was ticked on (a name from this list, never an address)
    return redirect(ACTION_ITEM_PAGES.get(request.POST.get("back", ""), "mentors:sessions"))


#: The pages that list action items with a tick box, by the ``back`` value their form sends.
ACTION_ITEM_PAGES = {"mentorship": "mentors:my_mentorship", "sessions": "mentors:sessions"}


# ----------------------------------------------------------------------------- dashboards


@require_GET
@login_required
def mentor_week(request):
    """The mentor's week: sessions, logs pending, requests and proposals waiting."""
    profile = get_object_or_404(MentorProfile.objects.select_related("user"), user=request.user)
    return render(
        request,
        "mentors/week.html",
        {
            "profile": profile,
            **selectors.mentor_week(profile=profile),
            "mentees": list(
                selectors.matches_for_mentor(user=request.user).filter(status=MatchStatus.ACCEPTED)
            ),
            "zone": timezone.get_current_timezone_name(),
        },
    )


# ----------------------------------------------------------------------------- proposals


@require_http_methods(["GET", "POST"])
@login_required
def booking_propose(request, match_pk: int):
    """The mentor proposes a session to one of their mentees (time in the mentor's zone)."""
    match = get_object_or_404(
        Match.objects.select_related("participant__user", "mentor__user"),
        pk=match_pk,
        mentor__user=request.user,
        status=MatchStatus.ACCEPTED,
    )
    form = ProposeSessionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        outcome = call_service(
            request,
            services.booking_propose,
            form=form,
            success=_("Your proposal was sent. The session is booked once your mentee confirms."),
            match=match,
            starts_at=data["starts_at"],
            actor=request.user,
            mode=data["mode"],
            topic=data["topic"],
        )
        if outcome.ok:
            return redirect("mentors:week")
    return render(
        request,
        "mentors/propose.html",
        {"match": match, "form": form, "zone": timezone.get_current_timezone_name()},
    )


@require_POST
@login_required
def booking_respond(request, pk: int):
    """The mentee confirms or declines a session their mentor proposed."""
    booking = get_object_or_404(Booking, pk=pk, participant__user=request.user)
    form = RespondProposalForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please confirm or decline the proposal."))
        return redirect("mentors:sessions")
    accept = form.cleaned_data["accept"]
    call_service(
        request,
        services.booking_respond,
        success=(
            _("The session is booked. We sent you a calendar invitation.")
            if accept
            else _("You declined the proposal. Your mentor has been told.")
        ),
        booking=booking,
        actor=request.user,
        accept=accept,
        reason=form.cleaned_data["reason"],
    )
    return redirect("mentors:sessions")


@require_http_methods(["GET", "POST"])
@login_required
def booking_reschedule(request, pk: int):
    """Move a confirmed session to another free slot (before the cut-off, with a reason)."""
    booking = _booking_or_404(request, pk)
    if booking.status != BookingStatus.CONFIRMED or booking.starts_at <= timezone.now():
        raise Http404
    form = RescheduleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        outcome = call_service(
            request,
            services.booking_reschedule,
            success=_("The session was moved. We sent both of you the updated invitation."),
            booking=booking,
            starts_at=form.cleaned_data["starts_at"],
            actor=request.user,
            reason=form.cleaned_data["reason"],
        )
        if outcome.ok:
            return redirect("mentors:sessions")
    cutoff = booking.starts_at - timedelta(hours=booking.match.cohort.booking_cancel_cutoff_hours)
    too_late = timezone.now() > cutoff
    days: dict = {}
    if not too_late:
        for slot in selectors.free_slots(match=booking.match, exclude_pk=booking.pk):
            if slot != booking.starts_at:  # its own time is free of it, but is no move
                days.setdefault(timezone.localtime(slot).date(), []).append(slot)
    return render(
        request,
        "mentors/reschedule.html",
        {
            "booking": booking,
            "form": form,
            "days": sorted(days.items()),
            "too_late": too_late,
            "cutoff": cutoff,
            "zone": timezone.get_current_timezone_name(),
        },
    )


# ----------------------------------------------------------------------------- goals


@require_POST
@login_required
def goal_add(request, pk: int):
    match = _match_or_404(request, pk)
    if request.user.pk not in (match.mentor.user_id, match.participant.user_id):
        raise Http404
    submit_form(
        request,
        GoalForm(request.POST),
        services.goal_add,
        success=_("Goal added."),
        invalid=_("Write the goal."),
        match=match,
        actor=request.user,
    )
    return redirect(_back(request, match))


def _back(request, match: Match) -> str:
    if match.participant.user_id == request.user.pk:
        return reverse("mentors:my_mentorship")
    return reverse("mentors:match_detail", kwargs={"pk": match.pk})


@require_POST
@login_required
def goal_status(request, pk: int):
    goal = get_object_or_404(
        MentorshipGoal.objects.select_related("match__mentor", "match__participant"),
        pk=pk,
    )
    if request.user.pk not in (goal.match.mentor.user_id, goal.match.participant.user_id):
        raise Http404
    submit_form(
        request,
        GoalStatusForm(request.POST),
        services.goal_set_status,
        success=_("Goal updated."),
        goal=goal,
        actor=request.user,
    )
    return redirect(_back(request, goal.match))
