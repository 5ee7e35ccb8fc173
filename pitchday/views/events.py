"""Pitch day on the public site: events, submissions, judging on a phone, results."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from semilla.enums import Role
from semilla.models import User
from semilla.permissions import is_programme_staff, role_required

from .. import selectors
from ..enums import EVENT, EventStatus, JudgeStatus, PitchStatus
from ..forms_events import AwardsForm, InviteJudgeForm, PitchForm
from ..models import (
    Judge,
    JudgeComment,
    JudgeConflict,
    Pitch,
    PitchCriterion,
    PitchEvent,
    PitchScore,
)
from ..scoring import suggest_allocation
from ..services import ServiceError
from ..services import events as svc


def _event(pk):
    return get_object_or_404(PitchEvent.objects.select_related("rubric", "fund"), pk=pk)


def _participant_for(user, event):
    from cohorts.enums import ParticipantStatus
    from cohorts.models import Participant

    return Participant.objects.filter(
        user=user,
        cohort__in=event.cohorts.all(),
        status__in=[ParticipantStatus.ACTIVE, ParticipantStatus.COMPLETED],
    ).first()


def _judge_for(user, event) -> Judge | None:
    return Judge.objects.filter(user=user, event=event).first()


@require_GET
@login_required
def event_list(request):
    return render(
        request, "pitchday/events/list.html", {"events": selectors.events_for_user(request.user)}
    )


@require_GET
@login_required
def event_detail(request, pk):
    event = _event(pk)
    staff = is_programme_staff(request.user)
    judge = _judge_for(request.user, event)
    participant = _participant_for(request.user, event)
    if not (staff or judge or participant):
        raise Http404
    context = {
        "event": event,
        "staff": staff,
        "judge": judge,
        "participant": participant,
        "criteria": event.rubric.criteria.all(),
    }
    if staff:
        pitches = list(
            event.pitches.select_related("participant__user")
            .prefetch_related("use_of_funds")
            .order_by("running_order", "pk")
        )
        for pitch in pitches:
            pitch.missing_items = svc.pitch_missing(pitch, list(pitch.use_of_funds.all()))
        context.update(
            pitches=pitches,
            judges=event.judges.select_related("user"),
            invite_form=InviteJudgeForm(),
            transitions=[
                (value, label)
                for value, label in EventStatus.choices
                if EVENT.allows(event.status, value)
            ],
        )
    if participant:
        context["my_pitch"] = Pitch.objects.filter(event=event, participant=participant).first()
    if judge:
        context["conflict_pitches"] = event.pitches.filter(status=PitchStatus.SUBMITTED)
        context["my_conflicts"] = set(judge.conflicts.values_list("pitch_id", flat=True))
    return render(request, "pitchday/events/detail.html", context)


@require_POST
@role_required(Role.STAFF)
def event_transition(request, pk):
    event = _event(pk)
    try:
        svc.event_transition(event=event, to=request.POST.get("to", ""), actor=request.user)
    except ServiceError as exc:
        messages.error(request, exc.message)
    return redirect(event.get_absolute_url())


@require_POST
@role_required(Role.STAFF)
def judge_invite(request, pk):
    event = _event(pk)
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
    return redirect(event.get_absolute_url())


@require_POST
@login_required
def judge_respond(request, pk):
    event = _event(pk)
    judge = get_object_or_404(Judge, event=event, user=request.user)
    svc.judge_respond(judge=judge, user=request.user, accept=request.POST.get("answer") == "accept")
    return redirect(event.get_absolute_url())


@require_POST
@role_required(Role.JUDGE)
def judge_conflict(request, pk):
    event = _event(pk)
    judge = get_object_or_404(Judge, event=event, user=request.user)
    pitch = get_object_or_404(Pitch, event=event, pk=request.POST.get("pitch") or 0)
    svc.judge_declare_conflict(judge=judge, pitch=pitch, reason=request.POST.get("reason", ""))
    messages.success(request, _("Conflict declared: you will not score this pitch."))
    return redirect(event.get_absolute_url())


@require_POST
@role_required(Role.STAFF)
def running_order(request, pk):
    event = _event(pk)
    try:
        if request.POST.get("action") == "generate":
            svc.running_order_generate(event=event, seed=int(timezone.now().timestamp()))
        else:
            positions = []
            for pitch in event.pitches.filter(status=PitchStatus.SUBMITTED):
                raw = request.POST.get(f"order_{pitch.pk}", "")
                positions.append((int(raw) if raw.isdigit() else 10_000, pitch.pk))
            svc.running_order_set(event=event, pitch_ids=[pk for _p, pk in sorted(positions)])
    except ServiceError as exc:
        messages.error(request, exc.message)
    return redirect(event.get_absolute_url())


@require_http_methods(["GET", "POST"])
@login_required
def pitch_submit(request, pk):
    event = _event(pk)
    participant = _participant_for(request.user, event)
    if participant is None:
        raise Http404
    pitch = (
        Pitch.objects.filter(event=event, participant=participant)
        .prefetch_related("use_of_funds")
        .first()
    )
    initial = {}
    if pitch:
        initial = {
            "business_name": pitch.business_name,
            "summary": pitch.summary,
            "video_url": pitch.video_url,
            "ask_amount": pitch.ask_amount // 100 or None,
            "items": "\n".join(
                f"{i.description}: {i.amount // 100}" for i in pitch.use_of_funds.all()
            ),
        }
    form = PitchForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            saved = svc.pitch_save(
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
        except ServiceError as exc:
            messages.error(request, exc.message)
        else:
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
            "missing": svc.pitch_missing(pitch) if pitch else None,
            "open": event.status == EventStatus.OPEN
            and timezone.now() <= event.submission_deadline,
        },
    )


@require_GET
@login_required
def deck_file(request, pk):
    pitch = get_object_or_404(Pitch.objects.select_related("participant", "event"), pk=pk)
    allowed = is_programme_staff(request.user) or pitch.participant.user_id == request.user.pk
    if not allowed:
        judge = _judge_for(request.user, pitch.event)
        allowed = bool(
            judge
            and judge.status == JudgeStatus.ACCEPTED
            and not JudgeConflict.objects.filter(judge=judge, pitch=pitch).exists()
        )
    if not allowed or not pitch.deck:
        raise Http404
    return FileResponse(
        pitch.deck.open("rb"),
        as_attachment=True,
        filename=f"{pitch.business_name}.pdf",
        content_type="application/pdf",
    )


# --- judging on a phone -------------------------------------------------------------------------


def _accepted_judge(request, event) -> Judge:
    judge = (
        Judge.objects.select_related("event__rubric")
        .filter(event=event, user=request.user, status=JudgeStatus.ACCEPTED)
        .first()
    )
    if judge is None:
        raise Http404
    return judge


@require_GET
@role_required(Role.JUDGE)
def judge_home(request, pk):
    event = _event(pk)
    judge = _accepted_judge(request, event)
    criteria_count = event.rubric.criteria.count()
    pitches = list(
        event.pitches.filter(status=PitchStatus.SUBMITTED).order_by("running_order", "pk")
    )
    done = {}
    for pitch_id in PitchScore.objects.filter(judge=judge).values_list("pitch_id", flat=True):
        done[pitch_id] = done.get(pitch_id, 0) + 1
    conflicts = set(judge.conflicts.values_list("pitch_id", flat=True))
    for pitch in pitches:
        pitch.scored = done.get(pitch.pk, 0) == criteria_count
        pitch.conflicted = pitch.pk in conflicts
    current = next((p for p in pitches if not p.scored and not p.conflicted), None)
    return render(
        request,
        "pitchday/events/judge_home.html",
        {"event": event, "pitches": pitches, "current": current},
    )


@require_GET
@role_required(Role.JUDGE)
def judge_pitch(request, pk, pitch_pk):
    event = _event(pk)
    judge = _accepted_judge(request, event)
    pitch = get_object_or_404(
        event.pitches.filter(status=PitchStatus.SUBMITTED).prefetch_related("use_of_funds"),
        pk=pitch_pk,
    )
    conflicted = JudgeConflict.objects.filter(judge=judge, pitch=pitch).exists()
    mine = dict(
        PitchScore.objects.filter(judge=judge, pitch=pitch).values_list("criterion_id", "value")
    )
    comment = JudgeComment.objects.filter(judge=judge, pitch=pitch).first()
    language = translation.get_language()
    criteria = [
        {
            "c": c,
            "name": c.name(language),
            "guidance": c.guidance(language),
            "value": mine.get(c.pk),
        }
        for c in event.rubric.criteria.all()
    ]
    ordered = list(
        event.pitches.filter(status=PitchStatus.SUBMITTED)
        .order_by("running_order", "pk")
        .values_list("pk", flat=True)
    )
    index = ordered.index(pitch.pk)
    return render(
        request,
        "pitchday/events/judge_pitch.html",
        {
            "event": event,
            "pitch": pitch,
            "criteria": criteria,
            "conflicted": conflicted,
            "comment": comment.text if comment else "",
            "scale": range(1, 11),
            "open": event.status == EventStatus.SCORING,
            "next_pk": ordered[index + 1] if index + 1 < len(ordered) else None,
            "prev_pk": ordered[index - 1] if index else None,
        },
    )


@require_POST
@role_required(Role.JUDGE)
def score_save(request, pk, pitch_pk):
    """htmx: one criterion at a time; answers with the small "saved" status."""
    event = _event(pk)
    judge = _accepted_judge(request, event)
    pitch = get_object_or_404(Pitch, event=event, pk=pitch_pk)
    criterion = get_object_or_404(
        PitchCriterion, rubric=event.rubric, pk=request.POST.get("criterion") or 0
    )
    try:
        value = int(request.POST.get("value", ""))
        svc.score_record(judge=judge, pitch=pitch, criterion=criterion, value=value)
    except (ValueError, ServiceError) as exc:
        message = getattr(exc, "message", _("Choose a score from 1 to 10."))
        return render(
            request, "pitchday/events/_saved.html", {"ok": False, "message": message}, status=400
        )
    if request.htmx:
        return render(request, "pitchday/events/_saved.html", {"ok": True})
    return redirect("pitchday:judge_pitch", event.pk, pitch.pk)


@require_POST
@role_required(Role.JUDGE)
def comment_save(request, pk, pitch_pk):
    event = _event(pk)
    judge = _accepted_judge(request, event)
    pitch = get_object_or_404(Pitch, event=event, pk=pitch_pk)
    try:
        svc.comment_record(judge=judge, pitch=pitch, text=request.POST.get("comment", ""))
    except ServiceError as exc:
        return render(
            request,
            "pitchday/events/_saved.html",
            {"ok": False, "message": exc.message},
            status=400,
        )
    if request.htmx:
        return render(request, "pitchday/events/_saved.html", {"ok": True})
    return redirect("pitchday:judge_pitch", event.pk, pitch.pk)


# --- results ---------------------------------------------------------------------------------------


@require_GET
@role_required(Role.STAFF)
def leaderboard(request, pk):
    event = _event(pk)
    context = {"event": event, **selectors.event_results(event)}
    template = (
        "pitchday/events/_leaderboard_table.html"
        if request.htmx
        else "pitchday/events/leaderboard.html"
    )
    return render(request, template, context)


@require_http_methods(["GET", "POST"])
@role_required(Role.STAFF)
def awards(request, pk):
    event = _event(pk)
    results = selectors.event_results(event)
    ranked = [r for r in results["rows"] if r["result"].rank]
    existing = {a.pitch_id: a for a in event.awards.select_related("grant")}
    suggested = suggest_allocation(
        ranked=[(r["pitch"].pk, r["pitch"].ask_amount) for r in ranked],
        budget=event.award_budget,
        tiers=[(t.rank_from, t.rank_to, t.amount) for t in event.tiers.all()],
    )
    initial = {
        p: (existing[p].amount if p in existing else suggested.get(p, 0)) // 100
        for p in [r["pitch"].pk for r in ranked]
    }
    form = AwardsForm(request.POST or None, pitch_ids=list(initial), initial=initial)
    if request.method == "POST":
        try:
            if "confirm" in request.POST:
                grants = svc.awards_confirm(event=event, actor=request.user)
                messages.success(
                    request, _("%(n)s grants created and offered.") % {"n": len(grants)}
                )
                return redirect("pitchday:awards", event.pk)
            if form.is_valid():
                svc.awards_save(
                    event=event,
                    allocation=form.allocation(),
                    ranks={r["pitch"].pk: r["result"].rank for r in ranked},
                    actor=request.user,
                )
                messages.success(request, _("Allocation saved. Confirm it to create the grants."))
                return redirect("pitchday:awards", event.pk)
        except ServiceError as exc:
            messages.error(request, exc.message)
    rows = [
        {
            "row": r,
            "field": form[f"pitch_{r['pitch'].pk}"],
            "suggested": suggested.get(r["pitch"].pk, 0),
            "award": existing.get(r["pitch"].pk),
        }
        for r in ranked
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
    event = _event(pk)
    participant = _participant_for(request.user, event)
    if participant is None or event.status != EventStatus.PUBLISHED:
        raise Http404
    pitch = get_object_or_404(
        Pitch, event=event, participant=participant, status=PitchStatus.SUBMITTED
    )
    results = selectors.event_results(event)
    mine = next(r for r in results["rows"] if r["pitch"].pk == pitch.pk)
    comments = list(
        JudgeComment.objects.filter(pitch=pitch).exclude(text="").values_list("text", flat=True)
    )
    language = translation.get_language()
    return render(
        request,
        "pitchday/events/my_results.html",
        {
            "event": event,
            "pitch": pitch,
            "row": mine,
            "comments": comments,
            "count": len(results["rows"]),
            "criteria": [(c.name(language), v) for c, v in mine["criteria"]],
        },
    )


@require_GET
def winners(request, pk):
    event = get_object_or_404(PitchEvent, pk=pk, status=EventStatus.PUBLISHED, winners_public=True)
    awards = event.awards.filter(grant__isnull=False).select_related("pitch").order_by("rank")
    return render(request, "pitchday/events/winners.html", {"event": event, "awards": awards})


@require_http_methods(["GET", "POST"])
@login_required
def audience_vote(request, token):
    event = get_object_or_404(
        PitchEvent.objects.prefetch_related(
            Prefetch(
                "pitches",
                queryset=Pitch.objects.filter(status=PitchStatus.SUBMITTED).order_by(
                    "running_order", "pk"
                ),
                to_attr="live_pitches",
            )
        ),
        vote_token=token,
        audience_vote=True,
    )
    if request.method == "POST":
        pitch = next(
            (p for p in event.live_pitches if str(p.pk) == request.POST.get("pitch")), None
        )
        if pitch is None:
            messages.error(request, _("Choose a pitch."))
        else:
            try:
                svc.audience_vote_cast(event=event, pitch=pitch, user=request.user)
            except ServiceError as exc:
                messages.error(request, exc.message)
            else:
                messages.success(request, _("Thank you! Your vote is counted."))
        return redirect("pitchday:audience_vote", token)
    return render(request, "pitchday/events/vote.html", {"event": event})


@require_GET
@role_required(Role.STAFF)
def vote_qr(request, pk):
    """The audience-vote link as an SVG QR code, to project or print at the event."""
    import qrcode
    import qrcode.image.svg
    from django.http import HttpResponse
    from django.urls import reverse

    event = get_object_or_404(PitchEvent, pk=pk, audience_vote=True)
    url = request.build_absolute_uri(reverse("pitchday:audience_vote", args=[event.vote_token]))
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=12)
    return HttpResponse(image.to_string(), content_type="image/svg+xml")
