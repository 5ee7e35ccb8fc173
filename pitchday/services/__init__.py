"""Every write that matters in pitch day and seed grants (see the submodules).

Refusals are ``semilla.errors.ServiceError`` (re-exported here for the views); a move a
status table refuses is ``semilla.transitions.InvalidTransition``, one of them."""

from semilla.errors import ServiceError
from semilla.transitions import InvalidTransition

__all__ = ["InvalidTransition", "ServiceError"]
