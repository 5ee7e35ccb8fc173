"""The payout rail interface."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from ..models import Disbursement

Outcome = Literal["paid", "pending", "failed"]


@dataclass(frozen=True)
class RailResult:
    """What the provider said. ``pending``: accepted, the money moves later (or a person
    must record it); ``failed`` with ``definitive=False``: the outcome is unknown (timeout,
    provider error) and a retry with the same idempotency key is safe."""

    outcome: Outcome
    reference: str = ""
    amount: int | None = None
    definitive: bool = False
    message: str = ""


class RailError(Exception):
    """The rail cannot be used (not configured, destination not ready)."""


class PayoutRail(ABC):
    code: str = ""
    #: a person records the payment (reference and proof) after making it elsewhere
    manual: bool = False

    @abstractmethod
    def execute(self, disbursement: Disbursement) -> RailResult:
        """Send the payment. Must be safe to call again for the same disbursement: the
        disbursement's idempotency key identifies the payment at the provider."""

    @abstractmethod
    def find_payment(self, disbursement: Disbursement) -> RailResult | None:
        """Ask the provider whether this disbursement was paid (None: nothing known)."""

    @abstractmethod
    def in_flight_text(self, disbursement: Disbursement) -> str:
        """What the grantee reads while this payment is PROCESSING: only what is true
        for this rail (a manual rail has sent nothing until finance records it)."""

    @abstractmethod
    def approved_text(self, disbursement: Disbursement) -> str:
        """What the approver reads once the payment is approved and handed to the rail."""

    def destination_ready(self, payout_details) -> bool:
        return True


_REGISTRY: dict[str, PayoutRail] = {}


def register_rail(*codes: str):
    def decorator(cls):
        for code in codes:
            instance = cls()
            instance.code = code
            _REGISTRY[code] = instance
        return cls

    return decorator


def get_rail(code: str) -> PayoutRail:
    try:
        return _REGISTRY[code]
    except KeyError as exc:
        raise RailError(f"unknown payout rail {code!r}") from exc
