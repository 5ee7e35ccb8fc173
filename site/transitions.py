"""One way to change a status: a declared table of allowed moves, one function that makes
every move, and one abstract history model that records it.

A status field declares its machine next to its model or enum::

    APPLICATION = StatusMachine(
        model="cohorts.Application",
        moves={Status.DRAFT: {Status.SUBMITTED}, ...},
        history="cohorts.ApplicationStatusChange",
        history_fk="application",
    )

and a service moves an object inside its transaction::

    transition(application, machine=APPLICATION, to=Status.SUBMITTED, actor=user)

``transition`` re-reads the row under ``select_for_update`` (unless the caller already
holds the lock and says so), refuses a move that is not in the table with
``InvalidTransition``, saves only the status (and the extra fields the caller names),
writes one history row when the machine has a history table, and runs ``on_commit`` after
the transaction commits. ``tests/semilla/test_transitions_scan.py`` fails when production
code assigns ``.status`` anywhere else."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from django.apps import apps
from django.conf import settings
from django.db import models, router, transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .errors import ServiceError

__all__ = ["InvalidTransition", "StatusHistory", "StatusMachine", "record", "transition"]

M = TypeVar("M", bound=models.Model)


class InvalidTransition(ServiceError):
    """A move that is not in the status field's table of allowed moves."""

    def __init__(self, from_status: str, to_status: str, *, labels: Mapping[str, Any]) -> None:
        super().__init__(
            _("This change is not possible: “%(from)s” cannot become “%(to)s”.")
            % {
                "from": labels.get(from_status, from_status) or "—",
                "to": labels.get(to_status, to_status),
            }
        )
        self.from_status = from_status
        self.to_status = to_status


@dataclass(frozen=True)
class StatusMachine:
    """The allowed moves of one status field, and where its history is written.

    ``model`` and ``history`` are ``"app_label.Model"`` strings (resolved lazily, so the
    machine can live in ``enums.py``). ``history=None`` means the status keeps no history
    table (its rows carry their own timestamps)."""

    model: str
    moves: Mapping[str, Iterable[str]]
    field: str = "status"
    history: str | None = None
    history_fk: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "moves", {str(k): frozenset(str(v) for v in vs) for k, vs in self.moves.items()}
        )
        if self.history and not self.history_fk:
            raise ValueError("a machine with a history table needs history_fk")

    def allows(self, from_status: str, to_status: str) -> bool:
        return str(to_status) in self.moves.get(str(from_status), frozenset())

    def sources_of(self, to_status: str) -> frozenset[str]:
        """The statuses from which ``to_status`` may be reached."""
        return frozenset(k for k, vs in self.moves.items() if str(to_status) in vs)

    def model_class(self) -> type[models.Model]:
        return apps.get_model(self.model)

    def history_class(self) -> type[StatusHistory] | None:
        return apps.get_model(self.history) if self.history else None  # type: ignore[return-value]

    def refusal(self, from_status: str, to_status: str) -> InvalidTransition:
        """The error for a move this machine refuses (for checks made before a move)."""
        return InvalidTransition(str(from_status), str(to_status), labels=self.labels())

    def labels(self) -> dict[str, Any]:
        field = self.model_class()._meta.get_field(self.field)
        return {str(value): label for value, label in field.flatchoices}  # type: ignore[union-attr]


def transition(
    obj: M,
    *,
    machine: StatusMachine,
    to: str,
    actor: Any = None,
    note: str = "",
    locked: bool = False,
    fields: Mapping[str, Any] | None = None,
    on_commit: Callable[[], Any] | None = None,
    **history_extra: Any,
) -> M:
    """Move ``obj`` to ``to`` and record it. Must run inside ``transaction.atomic``.

    ``locked=True`` says the caller has just read ``obj`` with ``select_for_update`` in
    this transaction; otherwise the row is re-read under a lock here and its current
    status is the one checked. ``fields`` are set and saved together with the status.
    ``history_extra`` are extra columns of the history row (e.g. ``kind`` or ``at``).
    Returns ``obj``, updated."""
    model = type(obj)
    using = router.db_for_write(model, instance=obj)
    if not transaction.get_connection(using).in_atomic_block:
        raise RuntimeError("transition() must run inside transaction.atomic")
    if locked:
        current = str(getattr(obj, machine.field))
    else:
        current = str(
            model._default_manager.using(using)
            .select_for_update()
            .values_list(machine.field, flat=True)
            .get(pk=obj.pk)
        )
    to = str(to)
    if not machine.allows(current, to):
        raise machine.refusal(current, to)
    setattr(obj, machine.field, to)
    update_fields = [machine.field]
    for name, value in (fields or {}).items():
        setattr(obj, name, value)
        update_fields.append(name)
    if any(f.name == "updated_at" for f in model._meta.concrete_fields):
        update_fields.append("updated_at")
    obj.save(using=using, update_fields=update_fields)
    if machine.history:
        record(
            obj,
            machine=machine,
            from_status=current,
            to_status=to,
            actor=actor,
            note=note,
            **history_extra,
        )
    if on_commit is not None:
        transaction.on_commit(on_commit, using=using)
    return obj


def record(
    obj: models.Model,
    *,
    machine: StatusMachine,
    from_status: str = "",
    to_status: str = "",
    actor: Any = None,
    note: str = "",
    **history_extra: Any,
) -> StatusHistory:
    """Write one history row without moving the status: the creation of an object
    (``from_status`` blank) or an event that leaves the status as it is. ``transition``
    calls it for every move."""
    history = machine.history_class()
    if history is None:
        raise ValueError(f"{machine.model} keeps no status history")
    return history._default_manager.using(router.db_for_write(history, instance=obj)).create(
        **{machine.history_fk: obj},
        from_status=str(from_status),
        to_status=str(to_status),
        actor=actor,
        note=note,
        **history_extra,
    )


class StatusHistory(models.Model):
    """The one shape of a status history row: who moved what, from, to, why, when.

    Each owner model has its own concrete table (its foreign key differs). ``actor`` is
    PROTECT: an account that moved something is never deleted (erasure anonymises it),
    so the trail never loses its actor. ``from_status`` is blank for a creation. A row reads
    as "<owner id>: from → to" (the owner: its first foreign key other than ``actor``)."""

    from_status = models.CharField(_("from"), max_length=20, blank=True)
    to_status = models.CharField(_("to"), max_length=20, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("by"),
    )
    note = models.TextField(_("note"), blank=True)
    at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["at", "pk"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def __str__(self) -> str:
        moved = f"{self.from_status or '·'} → {self.to_status}"
        owner = next(
            (
                f
                for f in self._meta.concrete_fields
                if isinstance(f, models.ForeignKey) and f.name != "actor"
            ),
            None,
        )
        return moved if owner is None else f"{getattr(self, owner.attname)}: {moved}"

    @classmethod
    def of(
        cls,
        choices: type[models.TextChoices],
        verbose_name: str | Promise | None = None,
        verbose_name_plural: str | Promise | None = None,
    ) -> type[StatusHistory]:
        """An abstract history base whose ``from_status`` (blank for a creation) and
        ``to_status`` take their values and labels from ``choices``, the status enum::

            class MentorStatusChange(
                StatusHistory.of(
                    MentorStatus, _("mentor status change"), _("mentor status changes")
                )
            ):
                profile = models.ForeignKey(MentorProfile, ...)

        The two names, when given, are the table's ``verbose_name`` and
        ``verbose_name_plural`` (its subclasses inherit them with the base's ordering).

        The one way to give a history table its status choices (the fields are not
        re-declared in each app); a history that also records moves of other objects
        (``GrantEvent``) subclasses ``StatusHistory`` itself."""
        names = {
            key: value
            for key, value in (
                ("verbose_name", verbose_name),
                ("verbose_name_plural", verbose_name_plural),
            )
            if value is not None
        }
        attrs: dict[str, Any] = {
            "__module__": cls.__module__,
            "__qualname__": f"{cls.__qualname__}.of({choices.__name__})",
            "from_status": models.CharField(
                _("from"), max_length=20, choices=choices.choices, blank=True
            ),
            "to_status": models.CharField(_("to"), max_length=20, choices=choices.choices),
            "Meta": type("Meta", (cls.Meta,), {"abstract": True, **names}),
        }
        return type(f"{cls.__name__}Of{choices.__name__}", (cls,), attrs)
