"""Staff console screens: response rates per cohort and wave, the non-respondents of a
wave (chase them; take their answers by phone)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from semilla.service_call import call_service

from . import selectors, services
from .enums import InvitationKind, ResponseStatus, WaveKind
from .forms import AlumnusStatusForm, PhoneNoteForm, ResponseForm
from .forms_alumni import InviteForm
from .permissions import may_manage_surveys


def _staff(request) -> None:
    if not may_manage_surveys(request.user):
        raise PermissionDenied


@require_http_methods(["GET"])
def rates(request):
    _staff(request)
    return TemplateResponse(
        request, "outcomes/admin/rates.html", {"rows": selectors.response_rates()}
    )


@require_http_methods(["GET"])
def wave_detail(request, pk: int):
    _staff(request)
    wave = selectors.wave_get(pk=pk)
    if wave is None:
        raise Http404
    return TemplateResponse(
        request,
        "outcomes/admin/wave.html",
        {"wave": wave, "pending": selectors.non_respondents(wave=wave)},
    )


@require_POST
def remind(request, pk: int):
    _staff(request)
    response = selectors.response_get_for_staff(pk=pk)
    if response is None:
        raise Http404
    call_service(
        request,
        services.response_remind,
        success=_("A new link was sent to %(name)s.")
        % {"name": response.participant.user.get_full_name()},
        response=response,
        actor=request.user,
    )
    return redirect("outcomes_wave", pk=response.wave_id)


@require_http_methods(["GET", "POST"])
def phone(request, pk: int):
    """Staff take a follow-up by phone on the person's behalf (marked and audited)."""
    _staff(request)
    response = selectors.response_get_for_staff(pk=pk)
    if response is None:
        raise Http404
    if response.status == ResponseStatus.ANSWERED:
        messages.info(request, _("This survey is already answered."))
        return redirect("outcomes_wave", pk=response.wave_id)
    data = request.POST or None
    form = ResponseForm(
        data,
        instance=response,
        wave_kind=response.wave.kind,
        initial=selectors.initial_for(response=response),
    )
    note = PhoneNoteForm(data)
    if request.method == "POST":
        complete = form.check_complete()
        if complete and note.is_valid():
            try:
                services.response_save(
                    response=response,
                    answers=form.answers(),
                    finish=True,
                    actor=request.user,
                    by_phone=True,
                )
            except services.OutcomeError as error:
                form.add_error(None, error.message)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Answers saved, marked as taken by phone."))
                return redirect("outcomes_wave", pk=response.wave_id)
    return TemplateResponse(
        request,
        "outcomes/admin/phone.html",
        {
            "response": response,
            "form": form,
            "note": note,
            "is_baseline": response.wave.kind == WaveKind.BASELINE,
            "back": reverse("outcomes_wave", args=[response.wave_id]),
        },
    )


@require_http_methods(["GET", "POST"])
def alumnus_status(request, pk: int):
    """Change an alumnus's status (kept in their history); moving them to "mentoring newer
    cohorts" invites them to sign up as a mentor."""
    _staff(request)
    alumnus = selectors.alumnus_get_for_staff(pk=pk)
    if alumnus is None:
        raise Http404
    form = AlumnusStatusForm(request.POST or None, initial={"status": alumnus.status})
    if request.method == "POST" and form.is_valid():
        services.alumnus_set_status(
            alumnus=alumnus,
            status=form.cleaned_data["status"],
            actor=request.user,
            note=form.cleaned_data["note"],
        )
        messages.success(request, _("Status saved."))
        return redirect("outcomes_alumnus_status", pk=alumnus.pk)
    return TemplateResponse(
        request,
        "outcomes/admin/alumnus_status.html",
        {"alumnus": alumnus, "form": form, "history": alumnus.history.select_related("actor")},
    )


# --- success stories --------------------------------------------------------------------------


@require_http_methods(["GET"])
def stories(request):
    """Every story page with its person's consent (the ones lacking it first), and the
    survey stories given with consent that no page was made from yet."""
    _staff(request)
    return TemplateResponse(
        request,
        "outcomes/admin/stories.html",
        {
            "pages": selectors.stories_for_staff(),
            "answers": selectors.story_answers_for_staff(),
            "index": selectors.story_index(),
        },
    )


@require_POST
def story_from_answer(request, pk: int):
    """Make a draft story page from a consented survey story, and open it in the editor."""
    _staff(request)
    response = selectors.response_get_for_staff(pk=pk)
    index = selectors.story_index()
    if response is None or index is None:
        raise Http404
    outcome = call_service(
        request,
        services.story_page_from_answer,
        response=response,
        actor=request.user,
        index=index,
        success=_("A draft story was made from the answer. Edit it, then publish it."),
    )
    if not outcome.ok:
        return redirect("outcomes_stories")
    return redirect("wagtailadmin_pages:edit", outcome.value.pk)


# --- alumni invitations -------------------------------------------------------------------------


def _invite_screen(request, *, event):

    form = InviteForm(request.POST or request.GET or None)
    chosen = []
    if form.is_bound and form.is_valid():
        cohort = form.cleaned_data["cohort"]
        chosen = selectors.alumni_to_invite(
            cohort_id=cohort.pk if cohort else None,
            city=form.cleaned_data["city"],
            sector=form.cleaned_data["sector"],
        )
        if request.method == "POST":
            if not form.cleaned_data["confirm"]:
                form.add_error("confirm", _("Tick the box to send the invitations."))
            else:
                outcome = call_service(
                    request,
                    services.alumni_invite,
                    alumni=chosen,
                    kind=InvitationKind.EVENT if event else InvitationKind.MENTOR,
                    event=event,
                    actor=request.user,
                )
                if outcome.ok:
                    messages.success(
                        request,
                        ngettext("%(n)d invitation sent.", "%(n)d invitations sent.", outcome.value)
                        % {"n": outcome.value},
                    )
                    return redirect(request.path)
    return TemplateResponse(
        request,
        "outcomes/admin/invite.html",
        {
            "event": event,
            "form": form,
            "chosen": chosen,
            "answers": selectors.invitation_answers(event=event),
            "events": [] if event else list(selectors.events_for_staff()[:50]),
        },
    )


@require_http_methods(["GET", "POST"])
def event_invite(request, pk: int):
    """An alumni event: its answers and counts, and inviting more alumni to it."""
    _staff(request)
    event = selectors.event_get(pk=pk)
    if event is None:
        raise Http404
    return _invite_screen(request, event=event)


@require_http_methods(["GET", "POST"])
def mentor_invite(request):
    """Inviting alumni to mentor newer cohorts, and their answers."""
    _staff(request)
    return _invite_screen(request, event=None)
