"""The person's survey, opened from the signed link of a reminder (no password), and the
alumni card. Staff pages live in ``admin_views`` (the console)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from semilla.enums import Role
from semilla.permissions import role_required

from . import selectors, services
from .enums import ResponseStatus, WaveKind
from .forms import ResponseForm
from .forms_alumni import AlumniCardForm
from .links import LinkExpired, LinkInvalid, link_works_until, read_token


@never_cache
@require_http_methods(["GET", "POST"])
def answer(request, token: str):
    """The one page a survey link opens. The token names one answer (person and wave);
    it signs nobody in, and nothing else is reachable with it."""
    try:
        response_id, wave_id, user_id = read_token(token)
    except LinkExpired:
        return TemplateResponse(request, "outcomes/link_expired.html", status=410)
    except LinkInvalid as exc:
        raise Http404 from exc
    response = selectors.response_for_link(
        response_id=response_id, wave_id=wave_id, user_id=user_id
    )
    if response is None:
        raise Http404
    if request.user.is_authenticated and request.user.pk != user_id:
        raise Http404  # signed in as someone else: not their answer
    # the link in hand works until the wave closes or the link expires, whichever is first:
    # the page promises that day, not the wave's last one (a link sent when the wave opened
    # expires a month before it closes)
    until = min(response.wave.closes_on, link_works_until(token))
    context = {"response": response, "wave": response.wave, "token": token, "until": until}
    if response.status == ResponseStatus.ANSWERED:
        return TemplateResponse(request, "outcomes/thanks.html", context)
    try:
        services.check_open(response=response, today=timezone.localdate())
    except services.OutcomeError as error:
        return TemplateResponse(
            request, "outcomes/closed.html", {**context, "message": error.message}, status=410
        )
    kind = response.wave.kind
    form = ResponseForm(
        request.POST or None,
        instance=response,
        wave_kind=kind,
        initial=selectors.initial_for(response=response),
    )
    if request.method == "POST":
        finish = "finish" in request.POST
        ok = form.check_complete() if finish else form.is_valid()
        if ok:
            try:
                services.response_save(
                    response=response, answers=form.answers(), finish=finish, actor=None
                )
            except services.OutcomeError as error:
                form.add_error(None, error.message)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                if finish:
                    return redirect(request.path)
                messages.success(
                    request,
                    _("Saved. Open the same link to finish by %(date)s.")
                    % {"date": date_format(until)},
                )
                return redirect(request.path)
    return TemplateResponse(
        request,
        "outcomes/answer.html",
        {**context, "form": form, "is_baseline": kind == WaveKind.BASELINE},
    )


@role_required(Role.ENTREPRENEUR)
@require_http_methods(["GET", "POST"])
def alumni_card(request):
    """The person's alumni directory card (opt in, edit, opt out at once)."""

    alumnus = selectors.alumnus_for(user=request.user)
    if alumnus is None:
        raise Http404
    form = AlumniCardForm(request.POST or None, instance=alumnus)
    if request.method == "POST" and form.is_valid():
        try:
            services.alumnus_update_card(
                alumnus=alumnus, listed=form.cleaned_data["listed"], card=form.card()
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Your card is in the alumni directory.")
                if form.cleaned_data["listed"]
                else _("Your card is not shown in the alumni directory."),
            )
            return redirect("outcomes:alumni_card")
    return TemplateResponse(
        request, "outcomes/alumni_card.html", {"form": form, "alumnus": alumnus}
    )


@require_http_methods(["GET"])
def alumni_directory(request):
    """Public: the cards alumni chose to show (nothing else about them)."""
    return TemplateResponse(
        request,
        "outcomes/alumni_directory.html",
        {"cards": selectors.alumni_directory(city=request.GET.get("city", ""))},
    )
