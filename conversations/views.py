"""The mentee's and the mentor's pages: their conversations, one thread (read and write
with a plain form: no JavaScript needed), a safeguarding concern, a no-show report and
their reports. Staff triage in the console (``admin_views``)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods

from semilla.service_call import call_service

from . import selectors, services
from .forms import ConcernForm, MessageForm, NoShowForm
from .permissions import may_write


@require_GET
@login_required
def inbox(request):
    return render(
        request,
        "conversations/inbox.html",
        {"matches": list(selectors.conversations_for_user(user=request.user))},
    )


@require_http_methods(["GET", "POST"])
@login_required
def thread(request, match_id: int):
    match = selectors.match_for_party(user=request.user, match_id=match_id)
    form = MessageForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            outcome = call_service(
                request,
                services.message_send,
                match=match,
                sender=request.user,
                body=form.cleaned_data["body"],
            )
            if outcome.ok:
                return redirect(reverse("conversations:thread", args=[match.pk]) + "#latest")
    page = selectors.thread_page(match=match, page=request.GET.get("page"))
    if page.conversation is not None and page.page is not None and page.page.number == 1:
        services.conversation_mark_read(
            conversation=page.conversation, user=request.user, up_to=page.newest_id
        )
    is_mentor = match.mentor.user_id == request.user.pk
    other = match.participant.user if is_mentor else match.mentor.user
    return render(
        request,
        "conversations/thread.html",
        {
            "match": match,
            "other": other,
            "thread": page,
            "form": form,
            "may_write": may_write(request.user, match),
            "sessions": list(selectors.sessions_to_report(match=match, user=request.user)),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def concern(request, match_id: int):
    match = selectors.match_for_party(user=request.user, match_id=match_id)
    form = ConcernForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        outcome = call_service(
            request,
            services.concern_raise,
            success=_("Thank you. The programme's safeguarding staff will read it soon."),
            match=match,
            reporter=request.user,
            category=form.cleaned_data["category"],
            text=form.cleaned_data["text"],
        )
        if outcome.ok:
            return redirect("conversations:reports")
    return render(request, "conversations/concern.html", {"match": match, "form": form})


@require_http_methods(["GET", "POST"])
@login_required
def no_show(request, booking_id: int):
    booking = selectors.booking_for_no_show(user=request.user, booking_id=booking_id)
    form = NoShowForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        outcome = call_service(
            request,
            services.no_show_report,
            success=_("Thank you. Staff will look into it and you will see the result here."),
            booking=booking,
            reporter=request.user,
            text=form.cleaned_data["text"],
        )
        if outcome.ok:
            return redirect("conversations:reports")
    is_mentor = booking.mentor.user_id == request.user.pk
    other = booking.match.participant.user if is_mentor else booking.match.mentor.user
    return render(
        request,
        "conversations/no_show.html",
        {"booking": booking, "other": other, "form": form},
    )


@require_GET
@login_required
def reports(request):
    return render(
        request,
        "conversations/reports.html",
        {
            "made": list(selectors.reports_made_by(user=request.user)),
            "about_me": list(selectors.reports_disclosed_to(user=request.user)),
        },
    )
