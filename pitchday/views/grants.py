"""Seed grants on the public site: the grantee's pages, the staff and finance desk, the
sponsor's contribution page and the Stripe webhook."""

from __future__ import annotations

from urllib.parse import urlencode

import stripe
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from semilla.downloads import Seen, private_download
from semilla.enums import Role
from semilla.exports import csv_response
from semilla.permissions import is_finance, role_required
from semilla.privacy import audit_access
from semilla.service_call import call_service, submit_form

from .. import money
from ..enums import DisbursementStatus, GrantStatus, MilestoneStatus, RailCode
from ..forms.grants import (
    AgreementForm,
    CodeForm,
    ContributionForm,
    EvidenceForm,
    GrantCreateForm,
    MilestoneReviewForm,
    NoteForm,
    PayoutDetailsForm,
    RecordPaymentForm,
    ReportForm,
    UpdateRequestForm,
)
from ..models import (
    Disbursement,
    Fund,
    Milestone,
    PayoutDetailsUpdateRequest,
    ReconciliationIssue,
    Tranche,
)
from ..permissions import GRANT_MANAGERS, may_manage_grants
from ..rails import get_rail
from ..rails.stripe_connect import stripe_configured
from ..selectors import grants as selectors
from ..services import contributions as contribution_services
from ..services import disbursements as disbursement_services
from ..services import grants as grant_services
from ..services import reconciliation as reconciliation_services
from ..services.stripe_events import WebhookRejected, webhook_receive

MANAGERS = GRANT_MANAGERS


def _client_ip(request) -> str | None:
    return request.META.get("REMOTE_ADDR") or None


# --- grantee --------------------------------------------------------------------------------


@require_GET
@login_required
def grant_list(request):
    grants = selectors.grant_list_for_grantee(user=request.user)
    confirmed, pending = selectors.payout_details_current(user=request.user)
    return render(
        request,
        "pitchday/grants/list.html",
        {"grants": grants, "confirmed": confirmed, "pending": pending},
    )


@require_GET
@login_required
def grant_detail(request, reference):
    grant = selectors.grant_get_for_user(user=request.user, reference=reference)
    confirmed, pending = selectors.payout_details_current(user=grant.grantee)
    tranches = selectors.grant_tranches_for_page(grant=grant)
    paid = money.tranche_balances(tranche_ids=[t.pk for t in tranches])
    return render(
        request,
        "pitchday/grants/detail.html",
        {
            "grant": grant,
            "balance": money.grant_balance(grant=grant),
            "tranches": [(tranche, paid[tranche.pk]) for tranche in tranches],
            "confirmed": confirmed,
            "pending": pending,
            "is_grantee": grant.grantee_id == request.user.pk,
            "use_of_funds": money.use_of_funds(grant=grant),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def grant_agreement(request, reference):
    grant = selectors.grant_get_for_user(user=request.user, reference=reference)
    is_grantee = grant.grantee_id == request.user.pk
    form = AgreementForm(request.POST or None)
    if request.method == "POST":
        if not is_grantee:
            raise PermissionDenied
        if form.is_valid():
            outcome = call_service(
                request,
                grant_services.grant_accept_agreement,
                success=_("Thank you: the agreement is accepted."),
                grant=grant,
                user=request.user,
                language=translation.get_language(),
                ip=_client_ip(request),
            )
            if outcome.ok:
                return redirect(grant.get_absolute_url())
    language = translation.get_language()
    return render(
        request,
        "pitchday/grants/agreement.html",
        {
            "grant": grant,
            "form": form,
            "terms": grant.terms_for(language),
            "is_grantee": is_grantee,
            "can_accept": is_grantee and grant.status == GrantStatus.OFFERED,
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def milestone_detail(request, reference, pk):
    milestone = selectors.milestone_get_for_user(user=request.user, reference=reference, pk=pk)
    grant = milestone.tranche.grant
    is_grantee = grant.grantee_id == request.user.pk
    budget_lines = list(grant.budget_lines.all())
    evidence_form = EvidenceForm(budget_lines=budget_lines)
    report_form = ReportForm(initial={"report": milestone.report})
    if request.method == "POST":
        if not is_grantee:
            raise PermissionDenied
        if "upload" in request.POST:
            evidence_form = EvidenceForm(request.POST, request.FILES, budget_lines=budget_lines)
            if evidence_form.is_valid():
                data = evidence_form.cleaned_data
                line = next((b for b in budget_lines if b.pk == data["budget_line"]), None)
                outcome = call_service(
                    request,
                    grant_services.evidence_add,
                    success=_("Evidence uploaded."),
                    milestone=milestone,
                    user=request.user,
                    uploaded=data["file"],
                    kind=data["kind"],
                    description=data["description"],
                    amount_spent=data["amount_spent"],
                    budget_line=line,
                )
                if outcome.ok:
                    return redirect(request.path)
        else:
            report_form = ReportForm(request.POST)
            if report_form.is_valid():
                outcome = call_service(
                    request,
                    grant_services.milestone_submit,
                    success=_("Sent to the programme team for review."),
                    milestone=milestone,
                    user=request.user,
                    report=report_form.cleaned_data["report"],
                )
                if outcome.ok:
                    return redirect(grant.get_absolute_url())
    return _milestone_page(request, milestone, evidence_form=evidence_form, report_form=report_form)


def _milestone_page(
    request,
    milestone: Milestone,
    *,
    evidence_form: EvidenceForm | None = None,
    report_form: ReportForm | None = None,
    review_form: MilestoneReviewForm | None = None,
):
    """The milestone's page (from ``milestone_get_for_user``), with the forms as posted."""
    grant = milestone.tranche.grant
    editable = (
        grant.grantee_id == request.user.pk
        and grant.status == GrantStatus.ACTIVE
        and milestone.status in (MilestoneStatus.PENDING, MilestoneStatus.CHANGES_REQUESTED)
    )
    return render(
        request,
        "pitchday/grants/milestone.html",
        {
            "grant": grant,
            "milestone": milestone,
            "evidence": milestone.evidence.all(),
            "evidence_form": (
                EvidenceForm(budget_lines=list(grant.budget_lines.all()))
                if evidence_form is None
                else evidence_form
            ),
            "report_form": (
                ReportForm(initial={"report": milestone.report})
                if report_form is None
                else report_form
            ),
            "review_form": MilestoneReviewForm() if review_form is None else review_form,
            "editable": editable,
            "can_review": may_manage_grants(request.user)
            and milestone.status == MilestoneStatus.SUBMITTED,
        },
    )


@require_GET
@login_required
def evidence_file(request, pk):
    evidence = selectors.evidence_get_for_user(user=request.user, pk=pk)
    grantee_id = evidence.milestone.tranche.grant.grantee_id
    seen = Seen(
        subject=grantee_id,
        fields=["evidence_file"],
        reason="grant evidence downloaded",
        obj=evidence,
    )
    return private_download(
        request,
        evidence.file,
        filename=evidence.original_name,
        content_type=evidence.content_type,
        seen=None if grantee_id == request.user.pk else seen,
    )


WAITING_FOR_STAFF = gettext_lazy(
    "Your e-mail address changed less than 72 hours ago, so we did not send a code to it."
    " The programme team will check these details with you before any payment; we told"
    " your previous address."
)


@require_http_methods(["GET", "POST"])
@login_required
def payout_details(request):
    """Only the signed-in person enters their own details; nobody else has this page."""
    confirmed, pending = selectors.payout_details_current(user=request.user)
    form = PayoutDetailsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        outcome = call_service(
            request, grant_services.payout_details_submit, user=request.user, **form.cleaned_data
        )
        if outcome.ok:
            details = outcome.value
            if grant_services.payout_details_waiting_for_staff(details=details):
                messages.warning(request, WAITING_FOR_STAFF)
            else:
                messages.success(
                    request, _("We sent a code to your e-mail. Enter it to confirm your details.")
                )
            return redirect("pitchday:payout_details")
    return render(
        request,
        "pitchday/grants/payout.html",
        {
            "form": form,
            "code_form": CodeForm(),
            "confirmed": confirmed,
            "pending": pending,
            "pending_waits_for_staff": bool(
                pending and grant_services.payout_details_waiting_for_staff(details=pending)
            ),
            "stripe_available": stripe_configured(),
            "update_requests": list(
                PayoutDetailsUpdateRequest.objects.filter(
                    user=request.user, resolved_at__isnull=True
                )[:3]
            ),
        },
    )


@require_POST
@login_required
def payout_confirm(request):
    submit_form(
        request,
        CodeForm(request.POST),
        grant_services.payout_details_confirm,
        success=_("Your payout details are confirmed."),
        invalid=_("The code has 6 digits."),
        user=request.user,
    )
    return redirect("pitchday:payout_details")


@require_POST
@login_required
def payout_resend(request):
    call_service(
        request,
        grant_services.payout_details_resend_code,
        success=_("We sent you a new code."),
        user=request.user,
    )
    return redirect("pitchday:payout_details")


@require_POST
@login_required
def payout_stripe_start(request):
    """Create (or reuse) the grantee's Stripe account and send them to onboarding."""

    rail = get_rail(RailCode.STRIPE)
    holder = request.POST.get("holder_name", "").strip() or request.user.get_full_name()
    unreachable = _("Stripe could not be reached. Try again in a few minutes.")
    back = request.build_absolute_uri(reverse("pitchday:payout_details"))
    try:
        account_id = rail.create_account(user=request.user)
    except stripe.StripeError:
        messages.error(request, unreachable)
        return redirect("pitchday:payout_details")
    outcome = call_service(
        request,
        grant_services.payout_details_submit,
        user=request.user,
        rail=RailCode.STRIPE,
        holder_name=holder,
        stripe_account_id=account_id,
    )
    if not outcome.ok:
        return redirect("pitchday:payout_details")
    try:
        url = rail.onboarding_link(account_id=account_id, return_url=back, refresh_url=back)
    except stripe.StripeError:
        messages.error(request, unreachable)
        return redirect("pitchday:payout_details")
    # A link, not a redirect: the site's CSP (form-action 'self') forbids a form post
    # from ending on another origin.
    return render(
        request,
        "pitchday/external_continue.html",
        {
            "url": url,
            "title": _("Connect with Stripe"),
            "text": _(
                "Stripe will ask for your identity and bank details. When you finish, "
                "come back here and enter the code we sent to your e-mail."
            ),
            "button": _("Continue to Stripe"),
        },
    )


# --- sponsors -------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def contribute(request, fund_pk):
    fund = get_object_or_404(Fund, pk=fund_pk, accepts_contributions=True)
    form = ContributionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        done = request.build_absolute_uri(reverse("pitchday:contribute_thanks"))
        back = request.build_absolute_uri(request.path)
        outcome = call_service(
            request,
            contribution_services.contribution_start,
            fund=fund,
            success_url=done,
            cancel_url=back,
            **form.cleaned_data,
        )
        if outcome.ok:
            _contribution, url = outcome.value
            return render(
                request,
                "pitchday/external_continue.html",
                {
                    "url": url,
                    "title": _("Support the seed fund"),
                    "text": _(
                        "You will pay on Stripe's secure page. Your contribution is added "
                        "to the fund when Stripe confirms the payment."
                    ),
                    "button": _("Continue to the secure payment page"),
                },
            )
    return render(request, "pitchday/contribute.html", {"fund": fund, "form": form})


@require_GET
def contribute_thanks(request):
    """Shown after Checkout; credits nothing (the signed webhook does)."""
    return render(request, "pitchday/contribute_thanks.html")


# --- staff and finance desk -------------------------------------------------------------------


@require_GET
@role_required(Role.STAFF, Role.FINANCE, Role.FUNDER)
def desk_home(request):
    context: dict = {"funds": money.fund_balances_shown()}
    if may_manage_grants(request.user):
        counts = selectors.desk_counts()
        context.update(
            milestone_count=counts.milestones,
            disbursement_count=counts.disbursements,
            issue_count=counts.issues,
        )
    return render(request, "pitchday/desk/home.html", context)


@require_GET
@role_required(*MANAGERS)
def desk_grants(request):
    status = request.GET.get("status", "")
    if status not in GrantStatus.values:
        status = ""
    page = selectors.grants_page_for_desk(status=status or None, page=request.GET.get("page"))
    return render(
        request,
        "pitchday/desk/grants.html",
        {
            "grants": page.object_list,
            "page": page,
            "query": urlencode({"status": status}) if status else "",
            "status": status,
            "statuses": GrantStatus.choices,
        },
    )


@require_http_methods(["GET", "POST"])
@role_required(Role.STAFF)
def desk_grant_create(request):
    form = GrantCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        outcome = call_service(
            request,
            grant_services.grant_create_by_staff,
            fund=data["fund"],
            grantee=data["grantee_email"],
            business_name=data["business_name"],
            amount=data["amount"],
            percentages=data["percentages"],
            actor=request.user,
            offer=data["offer"],
        )
        if outcome.ok:
            grant = outcome.value
            messages.success(request, _("Grant %(ref)s created.") % {"ref": grant.reference})
            return redirect("pitchday:desk_grant", grant.reference)
    return render(request, "pitchday/desk/grant_create.html", {"form": form})


@require_GET
@role_required(*MANAGERS)
def desk_grant(request, reference):
    grant = selectors.grant_get_for_user(user=request.user, reference=reference)
    tranches = list(grant.tranches.all())
    paid = money.tranche_balances(tranche_ids=[t.pk for t in tranches])
    return render(
        request,
        "pitchday/desk/grant.html",
        {
            "grant": grant,
            "balance": money.grant_balance(grant=grant),
            "fund_balance": money.fund_balance(fund=grant.fund_id),
            "tranches": [(tranche, paid[tranche.pk]) for tranche in tranches],
            "use_of_funds": money.use_of_funds(grant=grant),
            "history": grant.history.select_related("actor")[:50],
            "update_form": UpdateRequestForm(),
        },
    )


@require_GET
@role_required(Role.STAFF, Role.FINANCE, Role.FUNDER)
def use_of_funds_export(request, reference):
    """CSV: each tranche, its milestone, evidence and receipts against planned uses. Funders
    get the aggregate version without the grantee's name."""
    grant = selectors.grant_get_for_report(reference=reference)
    manager = may_manage_grants(request.user)
    header = [
        _("Grant"),
        _("Grantee") if manager else "",
        _("Section"),
        _("Item"),
        _("Planned (minor units)"),
        _("Spent or paid (minor units)"),
        _("Status"),
        _("Evidence"),
    ]

    def rows():
        name = grant.grantee.get_full_name() if manager else ""
        tranches = list(grant.tranches.all())
        paid = money.tranche_balances(tranche_ids=[t.pk for t in tranches])
        for tranche in tranches:
            evidence = tranche.milestone.evidence.all()
            yield [
                grant.reference,
                name,
                _("Tranche %(n)s") % {"n": tranche.number},
                tranche.milestone.title,
                tranche.amount,
                paid[tranche.pk].paid_out,
                tranche.get_status_display(),
                len(evidence),
            ]
            for item in evidence:
                yield [
                    grant.reference,
                    name,
                    _("Receipt"),
                    # the grantee's own words may name people: funders get the kind
                    (item.description if manager else "") or item.get_kind_display(),
                    "",
                    item.amount_spent or "",
                    tranche.milestone.get_status_display(),
                    item.original_name if manager else "",
                ]
        for row in money.use_of_funds(grant=grant):
            yield [
                grant.reference,
                name,
                _("Planned use"),
                row.item or _("Not assigned"),
                row.planned,
                row.spent,
                "",
                "",
            ]

    return csv_response(filename=f"uso-de-fondos-{grant.reference}.csv", header=header, rows=rows())


@require_POST
@role_required(Role.STAFF)
def desk_request_payment(request, pk):
    tranche = get_object_or_404(Tranche.objects.select_related("grant"), pk=pk)
    call_service(
        request,
        disbursement_services.disbursement_request,
        success=_("Payment requested. A finance officer must approve it."),
        tranche=tranche,
        actor=request.user,
        note=request.POST.get("note", ""),
    )
    return redirect("pitchday:desk_grant", tranche.grant.reference)


@require_POST
@role_required(*MANAGERS)
def desk_request_payout_update(request, reference):
    grant = selectors.grant_get_for_user(user=request.user, reference=reference)
    submit_form(
        request,
        UpdateRequestForm(request.POST),
        grant_services.payout_details_request_update,
        success=_("We asked the grantee to update their payout details."),
        invalid=_("Say why the details need an update."),
        user=grant.grantee,
        actor=request.user,
    )
    return redirect("pitchday:desk_grant", reference)


@require_GET
@role_required(Role.STAFF)
def desk_milestones(request):
    return render(
        request,
        "pitchday/desk/milestones.html",
        {"milestones": selectors.milestones_awaiting_review()},
    )


@require_POST
@role_required(Role.STAFF)
def desk_milestone_review(request, pk):
    milestone = get_object_or_404(Milestone.objects.select_related("tranche__grant"), pk=pk)
    form = MilestoneReviewForm(request.POST)
    if not form.is_valid():
        # the page again, the error in the reader's language; nothing reviewed
        shown = selectors.milestone_get_for_user(
            user=request.user, reference=milestone.tranche.grant.reference, pk=milestone.pk
        )
        return _milestone_page(request, shown, review_form=form)
    call_service(
        request,
        grant_services.milestone_review,
        success=_("Review saved."),
        milestone=milestone,
        actor=request.user,
        approve=form.approves(),
        note=form.cleaned_data["note"],
    )
    return redirect("pitchday:desk_milestones")


@require_GET
@role_required(*MANAGERS)
def desk_disbursements(request):
    status = request.GET.get("status", "")
    if status not in DisbursementStatus.values:
        status = ""
    page = selectors.disbursements_page_for_desk(
        status=status or None, page=request.GET.get("page")
    )
    disbursements = list(page.object_list)
    # the page shows each payee's (masked) payout details and account holder
    audit_access(
        actor=request.user,
        subject=[d.payout_details.user_id for d in disbursements if d.payout_details_id],
        fields=["payout_details", "holder_name"],
        reason="payments desk",
        model="pitchday.disbursement",
        path=request.get_full_path()[:255],
    )
    return render(
        request,
        "pitchday/desk/disbursements.html",
        {
            "disbursements": disbursements,
            "page": page,
            "query": urlencode({"status": status}) if status else "",
            "status": status,
            "statuses": DisbursementStatus.choices,
            "is_finance": is_finance(request.user),
            "note_form": NoteForm(),
            "record_form": RecordPaymentForm(),
        },
    )


def _disbursement_approve(request, disbursement: Disbursement) -> None:
    outcome = call_service(
        request,
        disbursement_services.disbursement_approve,
        disbursement=disbursement,
        actor=request.user,
        note=request.POST.get("note", ""),
    )
    if outcome.ok:
        approved = outcome.value
        messages.success(request, get_rail(approved.rail).approved_text(approved))


def _disbursement_cancel(request, disbursement: Disbursement) -> None:
    call_service(
        request,
        disbursement_services.disbursement_cancel,
        success=_("Payment cancelled."),
        disbursement=disbursement,
        actor=request.user,
        note=request.POST.get("note", ""),
    )


def _disbursement_retry(request, disbursement: Disbursement) -> None:
    call_service(
        request,
        disbursement_services.disbursement_retry,
        success=_("Retried with the same payment key."),
        disbursement=disbursement,
        actor=request.user,
    )


def _disbursement_record(request, disbursement: Disbursement) -> None:
    submit_form(
        request,
        RecordPaymentForm(request.POST, request.FILES),
        disbursement_services.disbursement_record_payment,
        success=_("Payment recorded."),
        invalid=_("Enter the payment reference."),
        disbursement=disbursement,
        actor=request.user,
    )


#: The payments desk's buttons (the ``action`` in the URL) and the handler of each.
DISBURSEMENT_ACTIONS = {
    "approve": _disbursement_approve,
    "cancel": _disbursement_cancel,
    "retry": _disbursement_retry,
    "record": _disbursement_record,
}


@require_POST
@role_required(*MANAGERS)
def desk_disbursement_action(request, pk, action):
    handler = DISBURSEMENT_ACTIONS.get(action)
    if handler is None:
        raise Http404
    handler(request, get_object_or_404(Disbursement, pk=pk))
    return redirect("pitchday:desk_disbursements")


@require_GET
@role_required(*MANAGERS)
def disbursement_proof(request, pk):
    disbursement = get_object_or_404(
        Disbursement.objects.exclude(proof="").select_related("tranche__grant"), pk=pk
    )
    # a proof of payment shows where the money went (account, holder)
    return private_download(
        request,
        disbursement.proof,
        filename=f"comprobante-{disbursement.pk}",
        content_type=disbursement.proof_content_type,
        seen=Seen(
            subject=disbursement.tranche.grant.grantee_id,
            fields=["payment_proof"],
            reason="proof of payment downloaded",
            obj=disbursement,
        ),
    )


@require_http_methods(["GET", "POST"])
@role_required(Role.FINANCE)
def desk_reconciliation(request):
    if request.method == "POST":
        if "resolve" in request.POST:
            pk = request.POST["resolve"]
            if not pk.isdigit():  # a tampered form: no such difference, not a server error
                raise Http404
            issue = get_object_or_404(ReconciliationIssue, pk=pk)
            reconciliation_services.issue_resolve(
                issue=issue, actor=request.user, note=request.POST.get("note", "")
            )
            messages.success(request, _("Marked as resolved."))
        elif not stripe_configured():
            messages.error(request, _("Stripe is not configured."))
        else:
            try:
                run = reconciliation_services.reconcile_stripe()
            except stripe.StripeError:
                messages.error(request, _("Stripe could not be reached. Try again later."))
            else:
                messages.success(
                    request,
                    ngettext(
                        "Reconciliation done: %(n)s new difference.",
                        "Reconciliation done: %(n)s new differences.",
                        run.issues_found,
                    )
                    % {"n": run.issues_found},
                )
        return redirect("pitchday:desk_reconciliation")
    page = selectors.open_reconciliation_issues_page(page=request.GET.get("page"))
    return render(
        request,
        "pitchday/desk/reconciliation.html",
        {
            "issues": page.object_list,
            "page": page,
            "last_run": selectors.reconciliation_last_run(),
        },
    )


# --- Stripe webhook (outside the language prefix) --------------------------------------------


@csrf_exempt
@require_POST
def stripe_webhook(request):
    try:
        webhook_receive(payload=request.body, signature=request.headers.get("Stripe-Signature"))
    except WebhookRejected:
        return HttpResponseBadRequest("invalid signature")
    return HttpResponse(status=200)
