"""The seed-grant ledger is insert-only (a trigger refuses updates and deletes), so nothing
in it can be erased: every service that writes a ledger row must describe it with ids and
references only, never a grantee's or sponsor's name, e-mail or business."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from pitchday.enums import ContributionStatus, EntryKind, RailCode
from pitchday.models import Contribution, LedgerEntry
from pitchday.services import disbursements as disbursement_services
from pitchday.services import grants as grant_services
from pitchday.services.stripe_events import event_process
from semilla.enums import Role
from tests.factories.files import pdf_bytes
from tests.factories.pitchday import make_confirmed_details, make_fund, make_grant

pytestmark = pytest.mark.django_db

GRANTEE = "Yolimar Cárdenas Briceño"
GRANTEE_EMAIL = "yolimar.memo@example.org"
SPONSOR = "Fundación Rosalba Quintero"
SPONSOR_EMAIL = "rosalba.quintero@example.org"
PDF = pdf_bytes()


def _personal_texts(grant) -> list[str]:
    return [
        GRANTEE,
        "Yolimar",
        "Cárdenas",
        GRANTEE_EMAIL,
        grant.business_name,
        SPONSOR,
        "Rosalba",
        SPONSOR_EMAIL,
    ]


def test_no_ledger_memo_carries_a_person(
    make_user, staff_user, finance_user, django_capture_on_commit_callbacks
):
    grantee = make_user(Role.ENTREPRENEUR, full_name=GRANTEE, email=GRANTEE_EMAIL)
    fund = make_fund(budget=500_000_000_00, accepts_contributions=True)  # budget
    grant_services.fund_add_budget(fund=fund, amount=1_000_00, actor=finance_user)  # budget

    from pitchday.wagtail_hooks import book_budget

    book_budget(fund, 10, finance_user)  # budget added in the staff console

    # commitment (offer), disbursement paid by hand with a reference naming the grantee,
    # then a reversal reported by the provider (its ids only)
    grant = make_grant(fund=fund, grantee=grantee, accept=True, amount=3_000_000_00)
    make_confirmed_details(grantee, rail=RailCode.NEQUI, holder_name=GRANTEE)
    disbursement = disbursement_services.disbursement_request(
        tranche=grant.tranches.get(number=1), actor=staff_user
    )
    with django_capture_on_commit_callbacks(execute=True):
        disbursement_services.disbursement_approve(disbursement=disbursement, actor=finance_user)
    disbursement_services.disbursement_record_payment(
        disbursement=disbursement,
        actor=finance_user,
        reference=f"Nequi a {GRANTEE} {GRANTEE_EMAIL}",
        proof=SimpleUploadedFile("comprobante.pdf", PDF, "application/pdf"),
    )
    disbursement.refresh_from_db()
    assert disbursement.provider_reference.startswith("Nequi a Yolimar")  # kept, erasable
    with transaction.atomic():
        disbursement_services.settle_from_provider(
            disbursement_id=disbursement.pk,
            reference="tr_test_memo",
            amount=disbursement.amount,
            amount_reversed=1_000_00,
            reversal_ids=("trr_1Abc",),
            source="reconciliation",
        )

    # release (a second grant to the same person, cancelled)
    other = make_grant(fund=fund, grantee=grantee, amount=1_000_000_00)
    grant_services.grant_cancel(grant=other, actor=staff_user, note=f"{GRANTEE} desistió")

    # a sponsor's contribution confirmed by Stripe's webhook
    contribution = Contribution.objects.create(
        fund=fund,
        amount=2_000_000_00,
        currency=fund.currency,
        sponsor_name=SPONSOR,
        sponsor_email=SPONSOR_EMAIL,
        checkout_session_id="cs_test_memo",
    )
    event_process(
        event={
            "id": "evt_memo",
            "type": "checkout.session.completed",
            "created": 1,
            "data": {
                "object": {
                    "id": "cs_test_memo",
                    "payment_status": "paid",
                    "amount_total": contribution.amount,
                    "currency": fund.currency.lower(),
                }
            },
        },
        source="webhook",
    )
    contribution.refresh_from_db()
    assert contribution.status == ContributionStatus.PAID

    entries = list(LedgerEntry.objects.order_by("pk"))
    assert {e.kind for e in entries} == set(EntryKind.values)  # every kind was written
    for entry in entries:
        written = f"{entry.memo} {entry.external_id}".casefold()
        for text in _personal_texts(grant):
            assert text.casefold() not in written, (entry.kind, entry.memo)
    by_kind = {e.kind: e.memo for e in entries}
    assert by_kind[EntryKind.DISBURSEMENT] == f"{grant.reference} #1 disbursement {disbursement.pk}"
    assert by_kind[EntryKind.CONTRIBUTION] == f"contribution {contribution.pk} cs_test_memo"
    assert by_kind[EntryKind.RELEASE] == f"{other.reference} cancelled"
