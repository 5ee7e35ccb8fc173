"""Staff console screens: response rates per cohort and wave, the non-respondents of a
wave (chase them; take their answers by phone)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from . import selectors, services
from .enums import ResponseStatus, WaveKind
from .forms import AlumnusStatusForm, PhoneNoteForm, ResponseForm
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
    try:
        services.response_remind(response=response, actor=request.user)
    except services.OutcomeError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("A new link was sent to %(name)s.")
            % {"name": response.participant.user.get_full_name()},
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
