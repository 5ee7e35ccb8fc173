"""The one base of every refusal a service raises (``ServiceError``).

A service that refuses an action raises ``ServiceError`` (or a subclass) with a translated
message; views show ``error.message`` as is. Catch ``ServiceError`` to catch them all."""

from __future__ import annotations

from django.utils.functional import Promise

__all__ = ["ServiceError"]


class ServiceError(Exception):
    """A refused action; ``message`` is translated and safe to show to the person."""

    def __init__(self, message: str | Promise = "") -> None:
        super().__init__(str(message))
        self.message = message

    def __str__(self) -> str:
        return str(self.message)
