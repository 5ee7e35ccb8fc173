from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from semilla import ratelimit
from semilla.enums import City
from semilla.pagecache_middleware import serve_cached
from semilla.service_call import call_service

from . import permissions, selectors, services
from .forms import (
    AnswerForm,
    PartnerProfileForm,
    PartnerRegisterForm,
    PostForm,
    PostStatusForm,
    ReplyForm,
)
from .models import GuideIndexPage


@require_GET
def guides(request):
    """The "Know your rights" section in the reader's language (the navigation links here)."""
    language = (translation.get_language() or "es")[:2]
    index = GuideIndexPage.objects.live().filter(locale__language_code=language).first()
    if index is None:
        index = GuideIndexPage.objects.live().first()
    if index is None:
        raise Http404(_("The guides have not been published yet."))
    return redirect(index.get_url(request=request))


# --- employer partners: public ----------------------------------------------------------------


@require_GET
def partners(request):
    """Public: the approved employer partners and their pledges (cached for anonymous)."""
    return serve_cached(
        request,
        lambda: TemplateResponse(
            request, "community/partners.html", {"partners": selectors.partners_public()}
        ),
    )


@require_GET
def partner(request, slug: str):
    """Public: one approved partner's profile, pledge and open posts (cached)."""
    found = selectors.partner_get_public(slug=slug)
    if found is None:
        raise Http404
    return serve_cached(
        request,
        lambda: TemplateResponse(request, "community/partner.html", {"partner": found}),
    )


@require_http_methods(["GET", "POST"])
def employer_register(request):
    """Public: an organisation registers its interest (rate limited per address)."""
    form = PartnerRegisterForm(request.POST or None)
    if request.method == "POST":
        who = request.META.get("REMOTE_ADDR", "")
        if not ratelimit.allow("employer_register", who=who):
            messages.error(request, _("Too many registrations from here. Try again later."))
            return TemplateResponse(
                request, "community/employer_register.html", {"form": form}, status=429
            )
        if form.is_valid():
            outcome = call_service(
                request, services.partner_register, applicant=request.user, **form.cleaned_data
            )
            if outcome.ok:
                return redirect("community:employer_register_thanks")
    return TemplateResponse(request, "community/employer_register.html", {"form": form})


@require_GET
def employer_register_thanks(request):
    return TemplateResponse(request, "community/employer_register_thanks.html", {})


# --- employer partners: the partner's space ---------------------------------------------------


def _partner_or_404(request):
    found = permissions.partner_of(request.user)
    if found is None:
        raise Http404
    return found


def _partners_own_or_404(request, selector, pk: int):
    """A post or an answer of the person's own partner, by ``selector`` (another
    partner's: 404)."""
    found = selector(partner=_partner_or_404(request), pk=pk)
    if found is None:
        raise Http404
    return found


@login_required
@require_http_methods(["GET", "POST"])
def employer_home(request):
    """The partner's space: its profile and pledge, and its posts with their answers."""
    partner = _partner_or_404(request)
    form = PartnerProfileForm(request.POST or None, instance=partner)
    if request.method == "POST" and form.is_valid():
        outcome = call_service(
            request,
            services.partner_profile_update,
            success=_("Your public profile is saved."),
            partner=partner,
            actor=request.user,
            **form.cleaned_data,
        )
        if outcome.ok:
            return redirect("community:employer_home")
    return TemplateResponse(
        request,
        "community/employer_home.html",
        {"partner": partner, "form": form, "posts": selectors.partner_posts(partner=partner)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def post_create(request):
    partner = _partner_or_404(request)
    form = PostForm(request.POST or None, initial={"city": partner.city})
    if request.method == "POST" and form.is_valid():
        outcome = call_service(
            request,
            services.post_create,
            success=_("Your post is published."),
            partner=partner,
            actor=request.user,
            **form.cleaned_data,
        )
        if outcome.ok:
            return redirect("community:employer_post", pk=outcome.value.pk)
    return TemplateResponse(request, "community/post_form.html", {"form": form})


@login_required
@require_GET
def employer_post(request, pk: int):
    """One of the partner's own posts and the answers to it (another partner's: 404)."""
    post = _partners_own_or_404(request, selectors.partner_post_get, pk)
    return TemplateResponse(
        request,
        "community/employer_post.html",
        {
            "post": post,
            "answers": selectors.post_answers(post=post),
            "reply_form": ReplyForm(),
        },
    )


@login_required
@require_POST
def employer_post_status(request, pk: int):
    post = _partners_own_or_404(request, selectors.partner_post_get, pk)
    form = PostStatusForm(request.POST)
    if form.is_valid():
        call_service(
            request,
            services.post_set_status,
            success=_("Saved."),
            post=post,
            to=form.cleaned_data["to"],
            actor=request.user,
        )
    return redirect("community:employer_post", pk=post.pk)


@login_required
@require_POST
def answer_reply(request, pk: int):
    answer = _partners_own_or_404(request, selectors.answer_get_for_partner, pk)
    form = ReplyForm(request.POST)
    if form.is_valid():
        call_service(
            request,
            services.answer_reply,
            success=_("Your reply was sent."),
            answer=answer,
            actor=request.user,
            reply=form.cleaned_data["reply"],
        )
    else:
        messages.error(request, _("Write a reply first."))
    return redirect("community:employer_post", pk=answer.post_id)


# --- opportunities: participants and alumni ---------------------------------------------------


def _may_see_or_404(request) -> None:
    if not permissions.may_see_opportunities(request.user):
        raise Http404


@login_required
@require_GET
def opportunities(request):
    """Open jobs and supplier needs of the partners, in the person's city by default."""
    _may_see_or_404(request)
    city = request.GET.get("city")
    if city is None:
        city = selectors.person_city(user=request.user)
    if city not in City.values:
        city = ""
    posts = selectors.opportunities_for(user=request.user, city=city, today=timezone.localdate())
    return TemplateResponse(
        request,
        "community/opportunities.html",
        {"posts": posts, "city": city, "cities": City.choices},
    )


@login_required
@require_http_methods(["GET", "POST"])
def opportunity(request, pk: int):
    """One open post: its details and the person's answer (or the form to answer)."""
    _may_see_or_404(request)
    post = selectors.opportunity_get(pk=pk, today=timezone.localdate())
    if post is None:
        raise Http404
    answer = selectors.answer_of(post=post, user=request.user)
    form = AnswerForm(request.POST or None) if answer is None else None
    if request.method == "POST" and form is not None and form.is_valid():
        outcome = call_service(
            request,
            services.answer_create,
            success=_("Your answer was sent. The organisation will contact you."),
            post=post,
            user=request.user,
            **form.cleaned_data,
        )
        if outcome.ok:
            return redirect("community:opportunity", pk=post.pk)
    return TemplateResponse(
        request, "community/opportunity.html", {"post": post, "answer": answer, "form": form}
    )
