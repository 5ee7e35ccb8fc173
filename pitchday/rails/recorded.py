"""Recorded rails: finance pays by bank transfer, Nequi, Daviplata or cash outside Semilla,
then records the reference and the proof. Executing only hands the payment to finance."""

from django.utils.translation import gettext_noop

from ..enums import RailCode
from .base import PayoutRail, RailResult, register_rail


@register_rail(RailCode.BANK_TRANSFER, RailCode.NEQUI, RailCode.DAVIPLATA, RailCode.CASH)
class RecordedRail(PayoutRail):
    manual = True

    def execute(self, disbursement) -> RailResult:
        if disbursement.provider_reference:
            return RailResult(
                "paid", reference=disbursement.provider_reference, amount=disbursement.amount
            )
        return RailResult(
            "pending", message=gettext_noop("Waiting for finance to record the payment.")
        )

    def find_payment(self, disbursement) -> RailResult | None:
        if disbursement.provider_reference:
            return RailResult(
                "paid", reference=disbursement.provider_reference, amount=disbursement.amount
            )
        return None
