"""Pitch day on the public site: events, submissions, judging on a phone, results.

Each view checks permission (``pitchday.permissions``), reads through
``pitchday.selectors.events``, validates with a form and calls one service through
``semilla.service_call.call_service``."""

from __future__ import annotations

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from semilla.downloads import private_download
from semilla.enums import Role
from semilla.models import User
from semilla.permissions import is_programme_staff, role_required
from semilla.service_call import call_service

from ..enums import EVENT, EventStatus
from ..forms.events import AwardsForm, InviteJudgeForm, PitchForm, pitch_initial
from ..permissions import may_download_deck, may_see_event
from ..selectors import events as selectors
from ..services import ServiceError
from ..services import events as svc


@require_GET
@login_required
def event_list(request):
    return render(
        request,
        "pitchday/events/list.html",
        {"events": selectors.events_for_user(user=request.user)},
    )


@require_GET
@login_required
def event_detail(request, pk):
    event = selectors.event_get(pk=pk)
    staff = is_programme_staff(request.user)
    judge = selectors.judge_for(user=request.user, event=event)
    participant = selectors.participant_for(user=request.user, event=event)
    if not may_see_event(request.user, judge=judge, participant=participant):
        raise Http404
    context = {
        "event": event,
        "staff": staff,
        "judge": judge,
        "participant": participant,
        "criteria": event.rubric.criteria.all(),
    }
    if staff:
        pitches = selectors.pitches_for_staff(event=event)
        for pitch in pitches:
            pitch.missing_items = svc.pitch_missing(
                pitch=pitch, items=list(pitch.use_of_funds.all())
            )
        context.update(
            pitches=pitches,
            judges=selectors.judges_of(event=event),
            invite_form=InviteJudgeForm(),
            transitions=[
                (value, label)
                for value, label in EventStatus.choices
                if EVENT.allows(event.status, value)
            ],
        )
    if participant:
        context["my_pitch"] = selectors.pitch_of(event=event, participant=participant)
    if judge:
        context["conflict_pitches"] = selectors.submitted_pitches(event=event)
        context["my_conflicts"] = selectors.conflict_pitch_ids(judge=judge)
    return render(request, "pitchday/events/detail.html", context)


@require_POST
@role_required(Role.STAFF)
def event_transition(request, pk):
    event = selectors.event_get(pk=pk)
    call_service(
        request,
        svc.event_transition,
        event=event,
        to=request.POST.get("to", ""),
        actor=request.user,
    )
    return redirect(event.get_absolute_url())


@require_POST
@role_required(Role.STAFF)
def judge_invite(request, pk):
    event = selectors.event_get(pk=pk)
    form = InviteJudgeForm(request.POST)
    if form.is_valid():
        user = User.objects.filter(email__iexact=form.cleaned_data["email"]).first()
        if user is None:
            messages.error(
                request, _("No account with that e-mail: ask the person to sign up first.")
            )
        else:
            svc.judge_invite(event=event, user=user, actor=request.user)
            messages.success(request, _("Invitation sent."))
    else:
        messages.error(request, _("Enter a valid e-mail address to invite the judge."))
    return redirect(event.get_absolute_url())


@require_POST
@login_required
def judge_respond(request, pk):
    event = selectors.event_get(pk=pk)
    judge = selectors.judge_for_user(user=request.user, event=event)
    svc.judge_respond(judge=judge, user=request.user, accept=request.POST.get("answer") == "accept")
    return redirect(event.get_absolute_url())


@require_POST
@role_required(Role.JUDGE)
def judge_conflict(request, pk):
    event = selectors.event_get(pk=pk)
    judge = selectors.judge_for_user(user=request.user, event=event)
    pitch = selectors.pitch_get_of_event(event=event, pk=request.POST.get("pitch") or 0)
    call_service(
        request,
        svc.judge_declare_conflict,
        judge=judge,
        pitch=pitch,
        reason=request.POST.get("reason", ""),
        success=_("Conflict declared: you will not score this pitch."),
    )
    return redirect(event.get_absolute_url())


@require_POST
@role_required(Role.STAFF)
def running_order(request, pk):
    event = selectors.event_get(pk=pk)
    if request.POST.get("action") == "generate":
        call_service(
            request,
            svc.running_order_generate,
            event=event,
            seed=int(timezone.now().timestamp()),
        )
    else:
        positions = []
        for pitch in selectors.submitted_pitches(event=event):
            raw = request.POST.get(f"order_{pitch.pk}", "")
            positions.append((int(raw) if raw.isdigit() else 10_000, pitch.pk))
        call_service(
            request,
            svc.running_order_set,
            event=event,
            pitch_ids=[pk for _p, pk in sorted(positions)],
        )
    return redirect(event.get_absolute_url())


def _event_of_participant(request, pk):
    """The event and the signed-in person's place in it as a participant of its cohort
    (404 for anyone else: the pitch form and the results are a participant's own)."""
    event = selectors.event_get(pk=pk)
    participant = selectors.participant_for(user=request.user, event=event)
    if participant is None:
        raise Http404
    return event, participant


@require_http_methods(["GET", "POST"])
@login_required
def pitch_submit(request, pk):
    event, participant = _event_of_participant(request, pk)
    pitch = selectors.pitch_for_submission(event=event, participant=participant)
    form = PitchForm(
        request.POST or None,
        request.FILES or None,
        initial=pitch_initial(pitch, application=participant.application),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        outcome = call_service(
            request,
            svc.pitch_save,
            event=event,
            participant=participant,
            business_name=data["business_name"],
            summary=data["summary"],
            video_url=data["video_url"],
            ask_amount=data["ask_amount"] or 0,
            items=data["items"],
            deck=data["deck"],
            submit="submit" in request.POST,
        )
        if outcome.ok:
            saved = outcome.value
            if "submit" in request.POST and saved.missing:
                messages.warning(
                    request,
                    _("Draft saved. To submit, add: %(items)s.")
                    % {"items": ", ".join(saved.missing)},
                )
            elif "submit" in request.POST:
                messages.success(request, _("Your pitch is submitted. Good luck!"))
            else:
                messages.success(request, _("Draft saved."))
            return redirect("pitchday:pitch_submit", event.pk)
    return render(
        request,
        "pitchday/events/submit.html",
        {
            "event": event,
            "form": form,
            "pitch": pitch,
            "missing": svc.pitch_missing(pitch=pitch) if pitch else None,
            "open": event.status == EventStatus.OPEN
            and timezone.now() <= event.submission_deadline,
        },
    )


@require_GET
@login_required
def deck_file(request, pk):
    pitch = selectors.pitch_get_for_deck(pk=pk)
    if not may_download_deck(request.user, pitch=pitch) or not pitch.deck:
        raise Http404
    return private_download(
        request, pitch.deck, filename=f"{pitch.business_name}.pdf", content_type="application/pdf"
    )


# --- judging on a phone -------------------------------------------------------------------------


@require_GET
@role_required(Role.JUDGE)
def judge_home(request, pk):
    event = selectors.event_get(pk=pk)
    judge = selectors.accepted_judge_for(user=request.user, event=event)
    pitches = selectors.judge_queue(judge=judge, event=event)
    current = next((p for p in pitches if not p.scored and not p.conflicted), None)
    return render(
        request,
        "pitchday/events/judge_home.html",
        {"event": event, "pitches": pitches, "current": current},
    )


@require_GET
@role_required(Role.JUDGE)
def judge_pitch(request, pk, pitch_pk):
    event = selectors.event_get(pk=pk)
    judge = selectors.accepted_judge_for(user=request.user, event=event)
    sheet = selectors.judge_pitch_sheet(judge=judge, event=event, pitch_pk=pitch_pk)
    return render(
        request,
        "pitchday/events/judge_pitch.html",
        {
            "event": event,
            **sheet,
            "scale": range(1, 11),
            "open": event.status == EventStatus.SCORING,
        },
    )


def _saved(request, *, ok: bool, message: str = "", status: int = 200):
    return render(
        request, "pitchday/events/_saved.html", {"ok": ok, "message": message}, status=status
    )


def _judge_and_pitch(request, pk, pitch_pk):
    """The event, the signed-in judge (accepted on it) and one of its pitches: what saving
    a score or a comment starts from."""
    event = selectors.event_get(pk=pk)
    judge = selectors.accepted_judge_for(user=request.user, event=event)
    return event, judge, selectors.pitch_get_of_event(event=event, pk=pitch_pk)


def _judge_saved(request, pitch, *, refusal: str = ""):
    """The answer to a save: the small status for htmx (a refusal with status 400); without
    htmx (a phone without JavaScript), back to the pitch's sheet, a refusal as a message."""
    if request.htmx:
        return _saved(request, ok=not refusal, message=refusal, status=400 if refusal else 200)
    if refusal:
        messages.error(request, refusal)
    return redirect("pitchday:judge_pitch", pitch.event_id, pitch.pk)


def _judge_save(request, service, /, *, judge, pitch, **kwargs):
    """Save a judge's score or comment through ``service``. The small status is the answer
    to htmx (not a flash message), so the refusal is caught here."""
    try:
        service(judge=judge, pitch=pitch, **kwargs)
    except ServiceError as refusal:
        return _judge_saved(request, pitch, refusal=str(refusal))
    return _judge_saved(request, pitch)


@require_POST
@role_required(Role.JUDGE)
def score_save(request, pk, pitch_pk):
    """htmx: one criterion at a time; answers with the small "saved" status."""
    event, judge, pitch = _judge_and_pitch(request, pk, pitch_pk)
    criterion = selectors.criterion_get(event=event, pk=request.POST.get("criterion") or 0)
    try:
        value = int(request.POST.get("value", ""))
    except ValueError:
        return _judge_saved(request, pitch, refusal=_("Choose a score from 1 to 10."))
    return _judge_save(
        request, svc.score_record, judge=judge, pitch=pitch, criterion=criterion, value=value
    )


@require_POST
@role_required(Role.JUDGE)
def comment_save(request, pk, pitch_pk):
    _event, judge, pitch = _judge_and_pitch(request, pk, pitch_pk)
    return _judge_save(
        request, svc.comment_record, judge=judge, pitch=pitch, text=request.POST.get("comment", "")
    )


# --- results ---------------------------------------------------------------------------------------


@require_GET
@role_required(Role.STAFF)
def leaderboard(request, pk):
    event = selectors.event_get(pk=pk)
    context = {"event": event, **selectors.event_results(event=event)}
    template = (
        "pitchday/events/_leaderboard_table.html"
        if request.htmx
        else "pitchday/events/leaderboard.html"
    )
    return render(request, template, context)


def _awards_save(request, event, board, form):
    """Save the allocation typed on the awards screen (pesos per ranked pitch)."""
    if not form.is_valid():
        return None
    outcome = call_service(
        request,
        svc.awards_save,
        success=_("Allocation saved. Confirm it to create the grants."),
        event=event,
        allocation=form.allocation(),
        ranks={r["pitch"].pk: r["result"].rank for r in board["ranked"]},
        actor=request.user,
    )
    return redirect("pitchday:awards", event.pk) if outcome.ok else None


def _awards_confirm(request, event, board, form):
    """Create and offer the grants of the saved allocation."""
    outcome = call_service(request, svc.awards_confirm, event=event, actor=request.user)
    if not outcome.ok:
        return None
    n = len(outcome.value)
    messages.success(
        request,
        ngettext("%(n)s grant created and offered.", "%(n)s grants created and offered.", n)
        % {"n": n},
    )
    return redirect("pitchday:awards", event.pk)


@require_http_methods(["GET", "POST"])
@role_required(Role.STAFF)
def awards(request, pk):
    """The awards screen; its two buttons (save the allocation, confirm it) each have a
    handler, which answers a redirect or None to show the screen again."""
    event = selectors.event_get(pk=pk)
    board = selectors.awards_board(event=event)
    amounts = board["amounts"]
    form = AwardsForm(request.POST or None, pitch_ids=list(amounts), initial=amounts)
    if request.method == "POST":
        handler = _awards_confirm if "confirm" in request.POST else _awards_save
        response = handler(request, event, board, form)
        if response is not None:
            return response
    existing = board["existing"]
    rows = [
        {
            "row": r,
            "field": form[f"pitch_{r['pitch'].pk}"],
            "suggested": board["suggested"].get(r["pitch"].pk, 0),
            "award": existing.get(r["pitch"].pk),
        }
        for r in board["ranked"]
    ]
    return render(
        request,
        "pitchday/events/awards.html",
        {
            "event": event,
            "rows": rows,
            "form": form,
            "pending": any(a.grant_id is None for a in existing.values()),
            "allocated": sum(a.amount for a in existing.values()),
        },
    )


@require_GET
@login_required
def my_results(request, pk):
    event, participant = _event_of_participant(request, pk)
    mine = selectors.my_results(event=event, participant=participant)
    return render(request, "pitchday/events/my_results.html", {"event": event, **mine})


@require_GET
def winners(request, pk):
    event = selectors.winners_event(pk=pk)
    return render(
        request,
        "pitchday/events/winners.html",
        {"event": event, "awards": selectors.winners_of(event=event)},
    )


@require_http_methods(["GET", "POST"])
@login_required
def audience_vote(request, token):
    event = selectors.event_for_vote(token=token)
    if request.method == "POST":
        pitch = next(
            (p for p in event.live_pitches if str(p.pk) == request.POST.get("pitch")), None
        )
        if pitch is None:
            messages.error(request, _("Choose a pitch."))
        else:
            call_service(
                request,
                svc.audience_vote_cast,
                success=_("Thank you! Your vote is counted."),
                event=event,
                pitch=pitch,
                user=request.user,
            )
        return redirect("pitchday:audience_vote", token)
    return render(request, "pitchday/events/vote.html", {"event": event})


@require_GET
@role_required(Role.STAFF)
def vote_qr(request, pk):
    """The audience-vote link as an SVG QR code, to project or print at the event."""
    event = selectors.event_with_vote(pk=pk)
    url = request.build_absolute_uri(reverse("pitchday:audience_vote", args=[event.vote_token]))
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=12)
    return HttpResponse(image.to_string(), content_type="image/svg+xml")
