"""The alumna's or alumnus's own pages: what they consented to (and withdrawing it at
once), and their invitations to alumni events and to mentoring."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from semilla.enums import ConsentPurpose, Role
from semilla.permissions import role_required
from semilla.privacy.services import consent_withdraw
from semilla.service_call import call_service

from . import selectors, services
from .enums import InvitationKind, InvitationStatus
from .forms_alumni import InvitationAnswerForm, StoryConsentForm
from .models import STORY_CONSENT_TEXT


def _alumnus_or_404(request):
    alumnus = selectors.alumnus_for(user=request.user)
    if alumnus is None:
        raise Http404
    return alumnus


@role_required(Role.ENTREPRENEUR)
@require_http_methods(["GET"])
def consents(request):
    """What the person has said yes to, each with a button that withdraws it at once."""
    alumnus = _alumnus_or_404(request)
    return TemplateResponse(
        request,
        "outcomes/consents.html",
        {
            "alumnus": alumnus,
            "consents": selectors.consents_for(user=request.user),
            "history": selectors.story_consent_history(user=request.user),
            "form": StoryConsentForm(),
            "story_text": STORY_CONSENT_TEXT,
        },
    )


@require_POST
@role_required(Role.ENTREPRENEUR)
def consent_story_give(request):
    _alumnus_or_404(request)
    form = StoryConsentForm(request.POST)
    if not form.is_valid():
        return TemplateResponse(
            request,
            "outcomes/consents.html",
            {
                "alumnus": selectors.alumnus_for(user=request.user),
                "consents": selectors.consents_for(user=request.user),
                "history": selectors.story_consent_history(user=request.user),
                "form": form,
                "story_text": STORY_CONSENT_TEXT,
            },
            status=400,
        )
    call_service(
        request,
        services.story_consent_give,
        user=request.user,
        success=_("Thank you. The team may now publish your story; you can withdraw at any time."),
    )
    return redirect("outcomes:consents")


@require_POST
@role_required(Role.ENTREPRENEUR)
def consent_story_withdraw(request):
    _alumnus_or_404(request)
    call_service(
        request,
        services.story_consent_withdraw_all,
        user=request.user,
        actor=request.user,
        success=_(
            "Done: you withdrew your consent. Every story about you has been taken off the "
            "site, and none will be published without your new consent."
        ),
    )
    return redirect("outcomes:consents")


@require_POST
@role_required(Role.ENTREPRENEUR)
def consent_directory_withdraw(request):
    alumnus = _alumnus_or_404(request)
    call_service(
        request,
        services.alumnus_update_card,
        alumnus=alumnus,
        listed=False,
        card={},
        success=_("Done: your card is no longer shown in the alumni directory."),
    )
    return redirect("outcomes:consents")


@require_POST
@role_required(Role.ENTREPRENEUR)
def consent_research_withdraw(request):

    _alumnus_or_404(request)
    call_service(
        request,
        consent_withdraw,
        user=request.user,
        purpose=ConsentPurpose.RESEARCH,
        success=_("Done: your answers are no longer used in impact studies."),
    )
    return redirect("outcomes:consents")


@role_required(Role.ENTREPRENEUR)
@require_http_methods(["GET"])
def invitations(request):
    _alumnus_or_404(request)
    return TemplateResponse(
        request,
        "outcomes/invitations.html",
        {"invitations": selectors.invitations_for(user=request.user)},
    )


@require_POST
@login_required
def invitation_answer(request, pk: int):
    """Only the invited person finds their invitation (anyone else: 404)."""
    invitation = selectors.invitation_get_for(user=request.user, pk=pk)
    if invitation is None:
        raise Http404
    form = InvitationAnswerForm(request.POST)
    if not form.is_valid():
        return redirect("outcomes:invitations")
    outcome = call_service(
        request,
        services.invitation_answer,
        invitation=invitation,
        user=request.user,
        accept=form.accept,
        success=_("Thank you, we have your answer.")
        if not form.accept
        else _("Thank you! See you there.")
        if invitation.kind == InvitationKind.EVENT
        else _("Thank you! Now tell us how you would like to mentor."),
    )
    if (
        outcome.ok
        and invitation.kind == InvitationKind.MENTOR
        and outcome.value.status == InvitationStatus.ACCEPTED
    ):
        return redirect("mentors:apply")  # the mentor sign-up (code of conduct, vetting)
    return redirect("outcomes:invitations")
