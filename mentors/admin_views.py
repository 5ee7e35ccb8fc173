"""Staff console screens of the mentors app (inside the Wagtail admin): the vetting
queue, matching runs (create, watch progress, review with pins and exclusions, re-run,
publish) and requests to end matches."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from cohorts.models import Participant
from semilla.service_call import call_service, submit_form

from . import selectors, services
from .enums import MENTOR_TRANSITIONS, EndRequestStatus, MentorStatus, RunStatus
from .forms import (
    PAIR_FLAGS,
    EndMatchForm,
    InterviewForm,
    NewRunForm,
    PairForm,
    PairHealthFilterForm,
    TransitionForm,
)
from .models import ExcludedPair, Match, MatchEndRequest, MatchingRun, MentorProfile
from .permissions import may_manage_mentors


def _staff(view):
    def wrapper(request, *args, **kwargs):
        if not may_manage_mentors(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


class StaffPage(WagtailAdminTemplateMixin, TemplateView):
    http_method_names = ["get"]
    header_icon = "group"

    @method_decorator(_staff)
    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)


class VettingQueueView(StaffPage):
    """Mentors in vetting (applied, vetted) and paused, with the allowed moves."""

    template_name = "mentors/admin/vetting.html"
    page_title = gettext_lazy("Mentor vetting")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        profiles = list(
            MentorProfile.objects.filter(
                status__in=[MentorStatus.APPLIED, MentorStatus.VETTED, MentorStatus.PAUSED]
            )
            .select_related("user")
            .order_by("status", "created_at")
        )
        for p in profiles:
            p.allowed_moves = [
                (s, MentorStatus(s).label) for s in sorted(MENTOR_TRANSITIONS[p.status])
            ]
        context["profiles"] = profiles
        return context


@require_POST
@_staff
def record_interview(request, pk: int):
    profile = get_object_or_404(MentorProfile, pk=pk)
    submit_form(
        request,
        InterviewForm(request.POST),
        services.mentor_record_interview,
        success=_("Interview recorded."),
        profile=profile,
        actor=request.user,
    )
    return redirect("mentors_admin:vetting")


@require_POST
@_staff
def transition(request, pk: int):
    profile = get_object_or_404(MentorProfile, pk=pk)
    form = TransitionForm(request.POST)
    if not form.is_valid() or form.cleaned_data["to"] not in MentorStatus.values:
        messages.error(request, _("This change of status is not allowed."))
        return redirect("mentors_admin:vetting")
    call_service(
        request,
        services.mentor_transition,
        success=_("Status changed."),
        profile=profile,
        to=form.cleaned_data["to"],
        actor=request.user,
        note=form.cleaned_data["note"],
    )
    return redirect("mentors_admin:vetting")


class RunIndexView(StaffPage):
    http_method_names = ["get", "post"]
    template_name = "mentors/admin/runs.html"
    page_title = gettext_lazy("Matching runs")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["runs"] = list(MatchingRun.objects.select_related("cohort", "created_by")[:50])
        context["form"] = kwargs.get("form") or NewRunForm()
        context["open_end_requests"] = MatchEndRequest.objects.filter(
            status=EndRequestStatus.OPEN
        ).count()
        return context

    def post(self, request, *args, **kwargs):
        form = NewRunForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        run = services.matching_run_create(
            cohort=form.cleaned_data["cohort"],
            actor=request.user,
            fairness=form.cleaned_data["fairness"],
        )
        return redirect("mentors_admin:run", pk=run.pk)


class RunReviewView(StaffPage):
    """Every proposed pair with its score and explanation, pins, exclusions and the
    unmatched with their reasons. While the run computes, the status polls (htmx)."""

    template_name = "mentors/admin/run_review.html"

    def get_page_title(self):
        return _("Matching run #%(pk)s") % {"pk": self.kwargs["pk"]}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        try:
            run = selectors.run_for_review(pk=self.kwargs["pk"])
        except MatchingRun.DoesNotExist as exc:
            raise Http404 from exc
        context["run"] = run
        context.update(selectors.run_review_rows(run=run))
        return context


class RunProgressView(StaffPage):
    template_name = "mentors/admin/_run_status.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["run"] = get_object_or_404(MatchingRun, pk=self.kwargs["pk"])
        return context

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        run = context["run"]
        if (
            run.is_finished
            and self.request.headers.get("HX-Request")
            and self.request.GET.get("poll")
        ):
            # The run finished while the page was polling: reload the full review.
            response["HX-Redirect"] = reverse("mentors_admin:run", kwargs={"pk": run.pk})
        return response


def _run_and_pair(request, pk):
    run = get_object_or_404(MatchingRun, pk=pk)
    form = PairForm(request.POST)
    if not form.is_valid():
        raise Http404
    participant = get_object_or_404(
        Participant.objects.select_related("application", "user", "cohort"),
        pk=form.cleaned_data["participant"],
        cohort=run.cohort,
    )
    mentor = get_object_or_404(MentorProfile, pk=form.cleaned_data["mentor"])
    return run, participant, mentor, form.cleaned_data["reason"]


def _pair_view(service, *, success, with_reason: bool = False):
    """A button of the run's review screen acting on the pair named in the post (pin it,
    exclude it): the same checks, service call and way back for each."""

    @require_POST
    @_staff
    def view(request, pk: int):
        run, participant, mentor, reason = _run_and_pair(request, pk)
        extra = {"reason": reason} if with_reason else {}
        call_service(
            request,
            service,
            success=success,
            run=run,
            participant=participant,
            mentor=mentor,
            actor=request.user,
            **extra,
        )
        return redirect("mentors_admin:run", pk=run.pk)

    return view


run_pin = _pair_view(
    services.matching_run_pin, success=gettext_lazy("Pair pinned. Re-run to optimise around it.")
)


@require_POST
@_staff
def run_unpin(request, pk: int):
    run, participant, _mentor, _reason = _run_and_pair(request, pk)
    call_service(request, services.matching_run_unpin, run=run, participant=participant)
    return redirect("mentors_admin:run", pk=run.pk)


run_exclude = _pair_view(
    services.matching_run_exclude,
    success=gettext_lazy("Pair excluded for this cohort. Re-run to apply it."),
    with_reason=True,
)


@require_POST
@_staff
def run_include(request, pk: int, exclusion_pk: int):
    run = get_object_or_404(MatchingRun, pk=pk)
    exclusion = get_object_or_404(ExcludedPair, pk=exclusion_pk, cohort=run.cohort)
    services.matching_run_include(exclusion=exclusion)
    return redirect("mentors_admin:run", pk=run.pk)


@require_POST
@_staff
def run_rerun(request, pk: int):
    run = get_object_or_404(MatchingRun, pk=pk)
    fairness = request.POST.get("fairness") == "on"
    call_service(
        request, services.matching_run_rerun, run=run, actor=request.user, fairness=fairness
    )
    return redirect("mentors_admin:run", pk=run.pk)


@require_POST
@_staff
def run_publish(request, pk: int):
    run = get_object_or_404(MatchingRun, pk=pk)
    outcome = call_service(request, services.matching_run_publish, run=run, actor=request.user)
    if outcome.ok:
        created = outcome.value
        messages.success(
            request,
            ngettext(
                "Published: %(count)s mentor was asked to confirm.",
                "Published: %(count)s mentors were asked to confirm.",
                len(created),
            )
            % {"count": len(created)},
        )
    return redirect("mentors_admin:run", pk=run.pk)


class EndRequestsView(StaffPage):
    template_name = "mentors/admin/end_requests.html"
    page_title = gettext_lazy("Requests to end a match")
    #: a refused "end the match" form and its match, shown again with its errors
    end_form: EndMatchForm | None = None
    end_match_id: int | None = None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["requests"] = list(
            MatchEndRequest.objects.filter(status=EndRequestStatus.OPEN).select_related(
                "match__participant__user", "match__mentor__user", "requested_by"
            )
        )
        context["form"] = EndMatchForm()
        context["end_form"] = self.end_form
        context["end_match_id"] = self.end_match_id
        return context


@require_POST
@_staff
def match_end(request, pk: int):
    match = get_object_or_404(Match, pk=pk)
    form = EndMatchForm(request.POST)
    if not form.is_valid():
        # nothing changes: the list again, the form's errors above it and on its row
        view = EndRequestsView(end_form=form, end_match_id=match.pk)
        view.setup(request)
        return view.render_to_response(view.get_context_data(), status=400)
    call_service(
        request,
        services.match_end,
        success=_("The match was ended."),
        match=match,
        actor=request.user,
        note=form.cleaned_data["note"],
        rematch=form.cleaned_data["rematch"],
    )
    return redirect("mentors_admin:end_requests")


RUN_STATUSES_POLLING = (RunStatus.QUEUED, RunStatus.RUNNING)


class PairHealthView(StaffPage):
    """Every active pair: sessions, no-shows, last contact, hours, average rating, with
    the pairs that need attention flagged (inactive for N days, low rating, sessions
    not logged, late cancellations); and volunteer hours per mentor."""

    template_name = "mentors/admin/pair_health.html"
    page_title = gettext_lazy("Health of the pairs")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = PairHealthFilterForm(self.request.GET or None)
        data = form.cleaned_data if form.is_valid() else {}
        days = data.get("inactive_days") or 21
        cohort = data.get("cohort")
        pairs = selectors.pair_health(inactive_days=days, cohort_id=cohort.pk if cohort else None)
        if data.get("attention"):
            pairs = [p for p in pairs if p.flags]
        context.update(
            {
                "form": form,
                "inactive_days": days,
                "pairs": pairs,
                "mentors": selectors.hours_per_mentor(cohort_id=cohort.pk if cohort else None),
                "flag_labels": PAIR_FLAGS,
                "low_rating": selectors.LOW_RATING,
            }
        )
        return context
