"""Payout rails: one interface, several ways to move money. Grant logic only talks to
``get_rail(code)``; adding a provider means adding a module here and registering it."""

from .base import PayoutRail, RailError, RailResult, get_rail, register_rail
from .recorded import RecordedRail
from .stripe_connect import StripeConnectRail

__all__ = [
    "PayoutRail",
    "RailError",
    "RailResult",
    "RecordedRail",
    "StripeConnectRail",
    "get_rail",
    "register_rail",
]
