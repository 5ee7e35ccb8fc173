"""Form fields shared by pitch day's forms."""

from __future__ import annotations

from typing import Any

from django import forms

__all__ = ["MAX_PESOS", "PesosField"]

MAX_PESOS = 10_000_000_000


class PesosField(forms.IntegerField):
    """Money typed and shown in whole pesos, cleaned to integer minor units (x100).

    ``initial`` (and a model value) is in minor units, like every amount in the code: the
    field shows it in pesos, so no view converts units. People may type thousands
    separators and a dollar sign (``$1.200.000``)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_PESOS)
        super().__init__(**kwargs)

    def prepare_value(self, value: Any) -> Any:
        # Typed data (a string) is shown back as typed; a stored amount is minor units.
        if isinstance(value, int) and not isinstance(value, bool):
            return value // 100
        return value

    def clean(self, value: Any) -> int | None:
        if isinstance(value, str):
            value = value.replace(".", "").replace(",", "").replace("$", "").strip()
        whole = super().clean(value)
        return None if whole is None else whole * 100
