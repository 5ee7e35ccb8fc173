import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction

from pitchday.enums import (
    EntryKind,
    GrantStatus,
    MilestoneStatus,
    PayoutDetailsStatus,
    RailCode,
    TrancheStatus,
)
from pitchday.models import LedgerEntry, LedgerImmutableError, PayoutDetails
from pitchday.money import fund_balance
from pitchday.services import ServiceError
from pitchday.services import grants as svc
from semilla.enums import Role
from tests.factories.files import pdf_bytes, png_bytes
from tests.factories.pitchday import make_fund, make_grant

PNG = png_bytes()
PDF = pdf_bytes()


def test_split_amount_gives_rest_to_last_tranche():
    assert svc.split_amount(amount=1001, percentages=[50, 30, 20]) == [500, 300, 201]


def test_split_amount_rejects_percentages_not_summing_to_100():
    with pytest.raises(ServiceError):
        svc.split_amount(amount=1000, percentages=[50, 30])


@pytest.mark.django_db
def test_fund_balances_follow_commitments():
    fund = make_fund(budget=1_000_00)
    make_grant(fund=fund, amount=600_00)
    summary = fund_balance(fund=fund)
    assert (summary.total, summary.available, summary.committed, summary.paid_out) == (
        1_000_00,
        400_00,
        600_00,
        0,
    )


@pytest.mark.django_db
def test_grant_offer_refuses_to_over_commit_the_fund():
    fund = make_fund(budget=1_000_00)
    make_grant(fund=fund, amount=700_00)
    second = make_grant(fund=fund, amount=400_00, offer=False)
    with pytest.raises(ServiceError):
        svc.grant_offer(grant=second, actor=second.created_by)
    second.refresh_from_db()
    assert second.status == GrantStatus.DRAFT
    assert fund_balance(fund=fund).committed == 700_00


@pytest.mark.django_db
def test_ledger_rows_cannot_be_updated_or_deleted():
    fund = make_fund(budget=1_000_00)
    entry = LedgerEntry.objects.get(fund=fund)
    entry.amount = 1
    with pytest.raises(LedgerImmutableError):
        entry.save()
    with pytest.raises(LedgerImmutableError):
        entry.delete()
    with pytest.raises(LedgerImmutableError):
        LedgerEntry.objects.filter(pk=entry.pk).update(amount=5)
    with pytest.raises(LedgerImmutableError):
        LedgerEntry.objects.filter(pk=entry.pk).delete()


@pytest.mark.django_db
def test_ledger_trigger_refuses_raw_update():
    from django.db import DatabaseError, connection

    fund = make_fund(budget=1_000_00)
    entry = LedgerEntry.objects.get(fund=fund)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE pitchday_ledgerentry SET amount = 1 WHERE id = %s", [entry.pk])
    assert LedgerEntry.objects.get(pk=entry.pk).amount == 1_000_00


@pytest.mark.django_db
def test_ledger_kind_must_use_its_accounts():
    fund = make_fund(budget=1_000_00)
    with pytest.raises(IntegrityError), transaction.atomic():
        LedgerEntry.objects.create(
            fund=fund,
            kind=EntryKind.BUDGET,
            debit="paid_out",
            credit="funding",
            amount=5,
            currency="COP",
        )


@pytest.mark.django_db
def test_accepting_agreement_records_terms_and_unlocks_first_tranche(entrepreneur):
    grant = make_grant(grantee=entrepreneur)
    svc.grant_accept_agreement(grant=grant, user=entrepreneur, language="en", ip="10.0.0.1")
    grant.refresh_from_db()
    assert grant.status == GrantStatus.ACTIVE
    assert grant.accepted_language == "en"
    assert grant.accepted_terms_sha256 == svc.terms_digest(text=grant.terms_en)
    statuses = list(grant.tranches.order_by("number").values_list("status", flat=True))
    assert statuses == [TrancheStatus.PAYABLE, TrancheStatus.LOCKED, TrancheStatus.LOCKED]


@pytest.mark.django_db
def test_only_the_grantee_accepts_the_agreement(entrepreneur, other_entrepreneur):
    grant = make_grant(grantee=entrepreneur)
    with pytest.raises(ServiceError):
        svc.grant_accept_agreement(grant=grant, user=other_entrepreneur, language="es", ip=None)
    grant.refresh_from_db()
    assert grant.status == GrantStatus.OFFERED


@pytest.mark.django_db
def test_evidence_type_is_checked_by_content(entrepreneur):
    grant = make_grant(grantee=entrepreneur, accept=True)
    milestone = grant.tranches.get(number=2).milestone
    fake_pdf = SimpleUploadedFile("factura.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")
    with pytest.raises(ServiceError):
        svc.evidence_add(milestone=milestone, user=entrepreneur, uploaded=fake_pdf, kind="receipt")
    real = SimpleUploadedFile("foto.jpg", PNG, "image/jpeg")
    evidence = svc.evidence_add(
        milestone=milestone, user=entrepreneur, uploaded=real, kind="photo", amount_spent=100_00
    )
    assert evidence.content_type == "image/png"
    assert evidence.file.storage.exists(evidence.file.name)


@pytest.mark.django_db
def test_milestone_approval_makes_tranche_payable(entrepreneur, staff_user):
    grant = make_grant(grantee=entrepreneur, accept=True)
    milestone = grant.tranches.get(number=2).milestone
    svc.evidence_add(
        milestone=milestone,
        user=entrepreneur,
        kind="receipt",
        uploaded=SimpleUploadedFile("f.pdf", PDF, "application/pdf"),
    )
    svc.milestone_submit(milestone=milestone, user=entrepreneur, report="Compré el horno.")
    svc.milestone_review(milestone=milestone, actor=staff_user, approve=True)
    milestone.refresh_from_db()
    assert milestone.status == MilestoneStatus.APPROVED
    assert milestone.tranche.status == TrancheStatus.PAYABLE


@pytest.mark.django_db
def test_milestone_changes_requested_keeps_tranche_locked(entrepreneur, staff_user):
    grant = make_grant(grantee=entrepreneur, accept=True)
    milestone = grant.tranches.get(number=2).milestone
    svc.evidence_add(
        milestone=milestone,
        user=entrepreneur,
        kind="receipt",
        uploaded=SimpleUploadedFile("f.pdf", PDF, "application/pdf"),
    )
    svc.milestone_submit(milestone=milestone, user=entrepreneur, report="Listo")
    svc.milestone_review(
        milestone=milestone, actor=staff_user, approve=False, note="Falta la factura del horno"
    )
    milestone.refresh_from_db()
    assert milestone.status == MilestoneStatus.CHANGES_REQUESTED
    assert milestone.tranche.status == TrancheStatus.LOCKED


@pytest.mark.django_db
def test_milestone_submit_needs_evidence(entrepreneur):
    grant = make_grant(grantee=entrepreneur, accept=True)
    milestone = grant.tranches.get(number=2).milestone
    with pytest.raises(ServiceError):
        svc.milestone_submit(milestone=milestone, user=entrepreneur, report="Listo")


def _code_from_mail(mailoutbox):
    import re

    return re.search(r"\b(\d{6})\b", mailoutbox[-1].body).group(1)


@pytest.mark.django_db
def test_payout_details_confirmed_by_code_sent_to_grantee(
    entrepreneur, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        details = svc.payout_details_submit(
            user=entrepreneur, rail=RailCode.NEQUI, holder_name="Yuleisy", phone="3001112233"
        )
    assert mailoutbox[-1].to == [entrepreneur.email]
    with pytest.raises(ServiceError):
        svc.payout_details_confirm(
            user=entrepreneur,
            code="000000" if _code_from_mail(mailoutbox) != "000000" else "111111",
        )
    svc.payout_details_confirm(user=entrepreneur, code=_code_from_mail(mailoutbox))
    details.refresh_from_db()
    assert details.status == PayoutDetailsStatus.CONFIRMED


@pytest.mark.django_db
def test_payout_details_change_is_logged_and_supersedes(
    entrepreneur, mailoutbox, django_capture_on_commit_callbacks
):
    for phone in ("3001112233", "3009998877"):
        with django_capture_on_commit_callbacks(execute=True):
            svc.payout_details_submit(
                user=entrepreneur, rail=RailCode.NEQUI, holder_name="Yuleisy", phone=phone
            )
        svc.payout_details_confirm(user=entrepreneur, code=_code_from_mail(mailoutbox))
    rows = list(
        PayoutDetails.objects.filter(user=entrepreneur)
        .order_by("pk")
        .values_list("phone", "status")
    )
    assert rows == [("3001112233", "superseded"), ("3009998877", "confirmed")]


@pytest.mark.django_db
def test_payout_code_locks_after_too_many_attempts(
    entrepreneur, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        svc.payout_details_submit(
            user=entrepreneur, rail=RailCode.NEQUI, holder_name="Y", phone="3001112233"
        )
    code = _code_from_mail(mailoutbox)
    wrong = "123456" if code != "123456" else "654321"
    for _attempt in range(svc.CODE_MAX_ATTEMPTS):
        with pytest.raises(ServiceError):
            svc.payout_details_confirm(user=entrepreneur, code=wrong)
    with pytest.raises(ServiceError):
        svc.payout_details_confirm(user=entrepreneur, code=code)


@pytest.mark.django_db
def test_grant_cancel_releases_commitment(staff_user):
    fund = make_fund(budget=1_000_00)
    grant = make_grant(fund=fund, amount=500_00)
    svc.grant_cancel(grant=grant, actor=staff_user, note="Desistió")
    summary = fund_balance(fund=fund)
    assert (summary.total, summary.available, summary.committed, summary.paid_out) == (
        1_000_00,
        1_000_00,
        0,
        0,
    )
    assert set(grant.tranches.values_list("status", flat=True)) == {TrancheStatus.CANCELLED}


@pytest.mark.django_db
def test_staff_request_for_update_emails_the_grantee(
    entrepreneur, make_user, mailoutbox, django_capture_on_commit_callbacks
):
    staff = make_user(Role.STAFF)
    with django_capture_on_commit_callbacks(execute=True):
        svc.payout_details_request_update(
            user=entrepreneur, actor=staff, reason="El número de cuenta no existe"
        )
    assert mailoutbox[-1].to == [entrepreneur.email]


@pytest.mark.django_db
def test_staff_request_for_update_email_links_to_the_payout_details(
    entrepreneur, make_user, mailoutbox, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        svc.payout_details_request_update(
            user=entrepreneur, actor=make_user(Role.STAFF), reason="El número de cuenta no existe"
        )
    link = f"{settings.SITE_URL}/es/pitch/datos-de-pago/"
    assert mailoutbox[-1].body.splitlines().count(link) == 1


@pytest.mark.django_db
def test_update_request_sent_again_moments_later_is_sent_once(
    entrepreneur, make_user, mailoutbox, django_capture_on_commit_callbacks
):
    from pitchday.models import PayoutDetailsUpdateRequest

    staff = make_user(Role.STAFF)
    with django_capture_on_commit_callbacks(execute=True):
        first = svc.payout_details_request_update(
            user=entrepreneur, actor=staff, reason="El número de cuenta no existe"
        )
        again = svc.payout_details_request_update(
            user=entrepreneur, actor=staff, reason="El número de cuenta no existe "
        )
        other = svc.payout_details_request_update(
            user=entrepreneur, actor=staff, reason="Falta el nombre del titular"
        )
    assert again.pk == first.pk != other.pk
    assert PayoutDetailsUpdateRequest.objects.count() == 2
    assert [m.to for m in mailoutbox] == [[entrepreneur.email]] * 2
