"""Pages of the market app: the public showcase and the "support this business" form, the
person's own card and answers, the finance directory, her loan-readiness checklist and her
referrals, and the staff desk that routes interests and records referrals."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pitchday.models import Fund
from semilla import ratelimit
from semilla.enums import Role
from semilla.pagecache_middleware import serve_cached
from semilla.permissions import role_required
from semilla.service_call import call_service

from . import selectors, services
from .enums import InterestStatus
from .forms import (
    InterestForm,
    ProviderFilterForm,
    ReferralForm,
    ReferralMoveForm,
    ShowcaseCardForm,
    ShowcaseFilterForm,
    StaffNoteForm,
    StaffReferralForm,
)
from .permissions import may_manage_referrals, may_move_referral
from .readiness import build_checklist, readiness_facts


def _login_required(view):
    """Anonymous -> the log-in page (every signed-in person may use the page)."""

    return login_required(view)


# --- public: the showcase ---------------------------------------------------------------------
# The list (without filters) and each business's page are the same for every anonymous
# reader: the page cache keeps them until a card changes (services drop the cache).


@require_GET
def showcase_list(request):
    form = ShowcaseFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    profiles = selectors.showcase_list(
        city=filters.get("city", ""), sector=filters.get("sector", ""), q=filters.get("q", "")
    )
    funds = list(Fund.objects.filter(accepts_contributions=True).only("pk", "name"))
    return serve_cached(
        request,
        lambda: TemplateResponse(
            request,
            "market/showcase_list.html",
            {"form": form, "profiles": profiles, "funds": funds},
        ).render(),
    )


@require_GET
def showcase_detail(request, pk: int):
    profile = selectors.showcase_get_public(pk=pk)
    if profile is None:
        raise Http404
    granted = selectors.showcase_granted(profile=profile)
    return serve_cached(
        request,
        lambda: TemplateResponse(
            request, "market/showcase_detail.html", {"profile": profile, "granted": granted}
        ).render(),
    )


@require_http_methods(["GET", "POST"])
def interest_create(request, pk: int):
    """Public, no account: an investor, buyer or mentor writes to staff about a business."""
    profile = selectors.showcase_get_public(pk=pk)
    if profile is None:
        raise Http404
    form = InterestForm(request.POST or None)
    if request.method == "POST":
        if not ratelimit.allow("market_interest", who=request.META.get("REMOTE_ADDR", "")):
            messages.error(request, _("Too many messages from here. Try again in an hour."))
            return redirect("market:showcase_detail", pk=profile.pk)
        if form.is_valid():
            if form.cleaned_data.get("website"):  # a bot filled the hidden field
                return TemplateResponse(
                    request, "market/interest_thanks.html", {"profile": profile}
                )
            data = {k: form.cleaned_data[k] for k in ("kind", "name", "organisation", "email")}
            outcome = call_service(
                request,
                services.interest_submit,
                profile=profile,
                message=form.cleaned_data["message"],
                **data,
            )
            if outcome.ok:
                return TemplateResponse(
                    request, "market/interest_thanks.html", {"profile": profile}
                )
    return TemplateResponse(
        request, "market/interest_form.html", {"profile": profile, "form": form}
    )


# --- the person's own card and answers ----------------------------------------------------------


@require_http_methods(["GET", "POST"])
@_login_required
def my_showcase(request):
    profile = selectors.showcase_for(user=request.user)
    if profile is None and not selectors.showcase_eligible(user=request.user):
        raise Http404
    initial = (
        {
            "business_name": profile.business_name,
            "city": profile.city,
            "sector": profile.sector,
            "summary": profile.summary,
            "needs": profile.needs,
            "listed": profile.listed,
        }
        if profile
        else None
    )
    if profile is None:
        award = selectors.latest_award(user=request.user)
        if award is not None:
            initial = {"business_name": award.pitch.business_name}
    form = ShowcaseCardForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        outcome = call_service(
            request,
            services.showcase_save,
            user=request.user,
            card=form.card(),
            listed=form.cleaned_data["listed"],
            photo=form.cleaned_data.get("photo") or None,
            remove_photo=form.cleaned_data["remove_photo"],
            success=_("Your card is in the showcase.")
            if form.cleaned_data["listed"]
            else _("Your card is saved and not shown in the showcase."),
        )
        if outcome.ok:
            return redirect("market:my_showcase")
    interests = list(selectors.interests_for_owner(user=request.user))
    return TemplateResponse(
        request,
        "market/my_showcase.html",
        {"form": form, "profile": profile, "interests": interests, "routed": InterestStatus.ROUTED},
    )


@require_POST
@_login_required
def showcase_withdraw(request):
    call_service(
        request,
        services.showcase_withdraw,
        user=request.user,
        success=_("Your card is no longer in the showcase."),
    )
    return redirect("market:my_showcase")


@require_POST
@_login_required
def interest_answer(request, pk: int):
    interest = selectors.interest_get_for_owner(user=request.user, pk=pk)
    if interest is None:
        raise Http404
    agree = request.POST.get("answer") == "agree"
    call_service(
        request,
        services.interest_answer,
        interest=interest,
        user=request.user,
        agree=agree,
        success=_("Thank you. The programme team will send the introduction.")
        if agree
        else _("Understood. Nothing about you is given to them."),
    )
    return redirect("market:my_showcase")


# --- access to finance ----------------------------------------------------------------------------


@require_GET
def providers(request):
    form = ProviderFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    rows = selectors.providers_public(
        product=filters.get("product", ""), document=filters.get("document", "")
    )
    return serve_cached(
        request,
        lambda: TemplateResponse(
            request, "market/providers.html", {"form": form, "providers": rows}
        ).render(),
    )


@require_GET
@_login_required
def readiness(request):
    items = build_checklist(readiness_facts(user=request.user))
    return TemplateResponse(
        request,
        "market/readiness.html",
        {"items": items, "done": sum(1 for i in items if i.done), "total": len(items)},
    )


@require_http_methods(["GET", "POST"])
@_login_required
def my_referrals(request):
    form = ReferralForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        outcome = call_service(
            request,
            services.referral_create,
            user=request.user,
            actor=request.user,
            success=_("Referral recorded."),
            **form.cleaned_data,
        )
        if outcome.ok:
            return redirect("market:my_referrals")
    return TemplateResponse(
        request,
        "market/my_referrals.html",
        {"form": form, "referrals": list(selectors.referrals_for(user=request.user))},
    )


@require_POST
@_login_required
def referral_move(request, pk: int):

    staff = may_manage_referrals(request.user)
    referral = selectors.referral_get_for(user=request.user, pk=pk, staff=staff)
    if referral is None or not may_move_referral(request.user, referral):
        raise Http404
    form = ReferralMoveForm(request.POST)
    if form.is_valid():
        call_service(
            request,
            services.referral_move,
            referral=referral,
            to=form.cleaned_data["to"],
            actor=request.user,
            success=_("Referral updated."),
        )
    return redirect(
        "market:desk_referrals"
        if staff and referral.user_id != request.user.pk
        else "market:my_referrals"
    )


# --- staff desk -------------------------------------------------------------------------------------


@require_GET
@role_required(Role.STAFF)
def desk_interests(request):
    status = request.GET.get("status", "")
    return TemplateResponse(
        request,
        "market/desk/interests.html",
        {
            "interests": list(selectors.interest_queue(status=status)[:200]),
            "status": status,
            "statuses": InterestStatus.choices,
        },
    )


@require_GET
@role_required(Role.STAFF)
def desk_interest(request, pk: int):
    interest = selectors.interest_get_for_staff(pk=pk)
    if interest is None:
        raise Http404
    return TemplateResponse(
        request,
        "market/desk/interest.html",
        {"interest": interest, "form": StaffNoteForm(), "statuses": InterestStatus},
    )


_ACTIONS = {
    "route": (services.interest_route, gettext_lazy("Sent to the entrepreneur.")),
    "close": (services.interest_close, gettext_lazy("Closed.")),
    "introduce": (services.interest_introduce, gettext_lazy("Introduction sent and recorded.")),
}


@require_POST
@role_required(Role.STAFF)
def desk_interest_action(request, pk: int, action: str):
    if action not in _ACTIONS:
        raise Http404
    interest = selectors.interest_get_for_staff(pk=pk)
    if interest is None:
        raise Http404
    service, done = _ACTIONS[action]
    form = StaffNoteForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    call_service(request, service, interest=interest, actor=request.user, note=note, success=done)
    return redirect("market:desk_interest", pk=interest.pk)


@require_http_methods(["GET", "POST"])
@role_required(Role.STAFF)
def desk_referrals(request):
    form = StaffReferralForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        person = get_user_model().objects.filter(email__iexact=data.pop("email")).first()
        if person is None:
            form.add_error("email", _("Nobody has an account with this e-mail."))
        else:
            outcome = call_service(
                request,
                services.referral_create,
                user=person,
                actor=request.user,
                success=_("Referral recorded."),
                **data,
            )
            if outcome.ok:
                return redirect("market:desk_referrals")
    return TemplateResponse(
        request,
        "market/desk/referrals.html",
        {"form": form, "referrals": list(selectors.referral_queue()[:200])},
    )
