"""Recorded rails: finance pays by bank transfer, Nequi, Daviplata or cash outside Semilla,
then records the reference and the proof. Executing only hands the payment to finance."""

from django.utils.translation import gettext, gettext_noop

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

    def in_flight_text(self, disbursement) -> str:
        return gettext(
            "The programme's finance team will make this payment (%(method)s) and record "
            "it here. Nothing has been sent yet; we will write to you when it is recorded."
        ) % {"method": disbursement.get_rail_display()}

    def approved_text(self, disbursement) -> str:
        return gettext(
            "Approved. Nothing has been sent yet: finance must now make the payment "
            "(%(method)s) outside Semilla and record its reference and proof here."
        ) % {"method": disbursement.get_rail_display()}

    def find_payment(self, disbursement) -> RailResult | None:
        if disbursement.provider_reference:
            return RailResult(
                "paid", reference=disbursement.provider_reference, amount=disbursement.amount
            )
        return None
