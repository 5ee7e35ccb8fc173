"""Every write of the privacy package: "My data" exports, erasure (anonymisation) and its
journal, data-rights requests with their deadlines, and the retention of inactive
accounts. Driven by ``registry.REGISTRY``."""

from __future__ import annotations

import datetime
import io
import json
import logging
import zipfile
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.crypto import get_random_string
from django.utils.translation import gettext as _
from django_q.tasks import async_task

from ..enums import ConsentPurpose
from ..errors import ServiceError
from ..models import NotificationSettings, User
from ..notifications import notify
from ..resubmission import lock_person, sent_again
from ..transitions import record, transition
from . import conf, consent_revoke
from .audit import data_protection_staff
from .business_days import add_business_days
from .enums import (
    DATA_REQUEST,
    DEADLINE_DAYS,
    EXTENSION_DAYS,
    DataExportStatus,
    DataRequestKind,
    DataRequestStatus,
    ErasureReason,
    ErasureSource,
)
from .models import DataExport, DataRequest, ErasureLog, InactivityNotice
from .registry import DELETE, Entry, FileSpec, entries, history

logger = logging.getLogger(__name__)


# --- collecting a person's data -----------------------------------------------------------


@dataclass
class PersonFile:
    storage: Any
    name: str
    zip_name: str


@dataclass
class PersonData:
    records: dict[str, dict[str, Any]] = field(default_factory=dict)
    files: list[PersonFile] = field(default_factory=list)

    @property
    def row_count(self) -> int:
        return sum(len(r["rows"]) for r in self.records.values())


def _file_field(model: type[models.Model], name: str) -> models.FileField:
    field = model._meta.get_field(name)
    if not isinstance(field, models.FileField):
        raise TypeError(f"{model.__name__}.{name} is registered as a file but is not one")
    return field


def _attname(model: type[models.Model], name: str) -> str:
    field = model._meta.get_field(name)
    if not isinstance(field, models.Field):
        raise TypeError(f"{model.__name__}.{name} is registered as a file but is a relation")
    return field.attname


def _storage_for(model: type[models.Model], spec: FileSpec):
    if spec.storage:
        return storages[spec.storage]
    return _file_field(model, spec.field).storage


def _export_fields(entry: Entry, model: type[models.Model]) -> list[str]:
    return [f.attname for f in model._meta.concrete_fields if f.name not in entry.secret]


def collect_person_data(*, user: User, using: str = "default") -> PersonData:
    """Every registered row about ``user`` (one query per registered model, whatever the
    amount of data) and the list of their files."""
    data = PersonData()
    for entry, model in entries():
        names = _export_fields(entry, model)
        rows = list(
            model._base_manager.using(using)
            .filter(entry.person_q(user.pk, user.email))
            .order_by("pk")
            .values(*names)
        )
        data.records[entry.label] = {"name": str(model._meta.verbose_name_plural), "rows": rows}
        for spec in entry.files:
            storage = _storage_for(model, spec)
            attname = _attname(model, spec.field)
            for row in rows:
                name = row.get(attname)
                if not name:
                    continue
                shown = row.get(spec.display) if spec.display else ""
                base = (shown or str(name).rsplit("/", 1)[-1]).replace("/", "_")
                data.files.append(
                    PersonFile(
                        storage=storage,
                        name=str(name),
                        zip_name=f"files/{entry.label}/{row['id']}-{base}",
                    )
                )
    return data


def _readme(user) -> str:
    with translation.override(user.language or "es"):
        return (
            _(
                "This archive holds everything Semilla keeps about you, as of the date in "
                "data.json. data.json lists each kind of record with its rows; the files folder "
                "holds the documents you uploaded. To correct or erase anything, use the "
                '"My data" page or write to the data protection team.'
            )
            + "\n"
        )


def build_export_zip(*, user: User, data: PersonData | None = None) -> bytes:
    """The ZIP of "My data": data.json, README.txt and the person's files."""
    data = data or collect_person_data(user=user)
    payload = {
        "generated_at": timezone.now(),
        "person": {"id": user.pk, "email": user.email},
        "records": data.records,
        "files": [f.zip_name for f in data.files],
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "data.json", json.dumps(payload, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)
        )
        archive.writestr("README.txt", _readme(user))
        for item in data.files:
            try:
                with item.storage.open(item.name, "rb") as handle:
                    archive.writestr(item.zip_name, handle.read())
            except FileNotFoundError:
                logger.warning("export: file %s is missing", item.zip_name)
    return buffer.getvalue()


def export_is_small(*, data: PersonData) -> bool:
    return (
        len(data.files) <= conf.export_inline_max_files()
        and data.row_count <= conf.export_inline_max_rows()
    )


@transaction.atomic(durable=True)
def data_export_request(*, user: User) -> DataExport:
    """Queue a background export (for people with many files or rows)."""

    pending = DataExport.objects.filter(user=user, status=DataExportStatus.PENDING).first()
    if pending is not None:
        return pending
    export = DataExport.objects.create(user=user)
    transaction.on_commit(partial(async_task, "semilla.privacy.tasks.build_data_export", export.pk))
    return export


def data_export_build(*, export_id: int) -> DataExport:
    """Build a queued export into private storage and tell its owner."""

    export = DataExport.objects.select_related("user").get(pk=export_id)
    if export.status != DataExportStatus.PENDING:
        return export
    content = build_export_zip(user=export.user)
    storage = storages["private"]
    name = storage.save(f"exports/{get_random_string(32)}.zip", ContentFile(content))
    now = timezone.now()
    with transaction.atomic():
        DataExport.objects.filter(pk=export.pk).update(
            status=DataExportStatus.READY,
            storage_name=name,
            size=len(content),
            ready_at=now,
            expires_at=now + datetime.timedelta(days=conf.export_keep_days()),
        )
        notify(
            user=export.user,
            key=f"privacy/export_ready:{export.pk}",
            template="privacy/export_ready",
            context={"days": conf.export_keep_days()},
        )
    export.refresh_from_db()
    return export


def data_exports_expire() -> int:
    """Delete export files past their date (scheduled daily)."""

    expired = list(
        DataExport.objects.filter(status=DataExportStatus.READY, expires_at__lt=timezone.now())
    )
    storage = storages["private"]
    for export in expired:
        if export.storage_name:
            storage.delete(export.storage_name)
    DataExport.objects.filter(pk__in=[e.pk for e in expired]).update(
        status=DataExportStatus.EXPIRED, storage_name=""
    )
    return len(expired)


# --- erasure --------------------------------------------------------------------------------


def _erase_rows(*, user_id: int, email: str, using: str) -> tuple[dict[str, int], list]:
    """Anonymise or delete every registered row of the person; return the rows changed per
    model and the files to delete once the transaction commits."""
    summary: dict[str, int] = {}
    files: list[tuple[Any, str]] = []
    touched: dict[type[models.Model], tuple[Entry, list]] = {}
    for entry, model in entries():
        manager = model._base_manager.using(using)
        queryset = manager.filter(entry.person_q(user_id, email))
        file_attnames = [(spec, _attname(model, spec.field)) for spec in entry.files]
        needs_rows = bool(file_attnames or entry.replace or entry.coarsen)
        pks = list(queryset.values_list("pk", flat=True))
        if not pks:
            continue
        touched[model] = (entry, pks)
        summary[entry.label] = len(pks)
        scoped = manager.filter(pk__in=pks)
        if file_attnames:
            for spec, attname in file_attnames:
                storage = _storage_for(model, spec)
                names = scoped.exclude(**{attname: ""}).values_list(attname, flat=True)
                files.extend((storage, name) for name in names if name)
        if entry.erase == DELETE:
            scoped.delete()
            continue
        changes: dict[str, Any] = {name: "" for name in entry.text}
        changes.update({spec.field: "" for spec, _attname in file_attnames})
        changes.update({k: v for k, v in entry.replace.items() if not callable(v)})
        if changes:
            scoped.update(**changes)
        if needs_rows:
            per_row = {k: v for k, v in entry.replace.items() if callable(v)}
            for pk in pks:
                row_changes = {k: v(pk) for k, v in per_row.items()}
                for name in entry.coarsen:
                    value = manager.filter(pk=pk).values_list(name, flat=True).first()
                    if value:
                        row_changes[name] = value.replace(month=1, day=1)
                if row_changes:
                    manager.filter(pk=pk).update(**row_changes)
    summary.update(_scrub_history(touched=touched, using=using))
    return summary, files


def _anonymised_snapshot(entry: Entry, content: Any, pk: Any) -> Any:
    """A JSON copy of a registered record (a revision's content) with the same erasure
    as the record itself: what the entry blanks, replaces or coarsens goes here too."""
    if entry.erase == DELETE or not isinstance(content, dict):
        return {}
    result = dict(content)
    for name in (*entry.text, *entry.secret, *(spec.field for spec in entry.files)):
        if name in result:
            result[name] = ""
    for name, value in entry.replace.items():
        if name in result:
            result[name] = value(pk) if callable(value) else value
    for name in entry.coarsen:
        if result.get(name):
            result[name] = f"{str(result[name])[:4]}-01-01"
    return result


def _scrub_history(
    *, touched: dict[type[models.Model], tuple[Entry, list]], using: str
) -> dict[str, int]:
    """The staff console's history (``registry.HISTORY``: log entries, revisions) keeps a
    label and sometimes a copy of each record it names: take the person out of the rows
    about their records. Returns the rows changed per history table."""

    changed: dict[str, int] = {}
    for spec, history_model in history():
        manager = history_model._base_manager.using(using)
        for model, (entry, pks) in touched.items():
            content_type = ContentType.objects.db_manager(using).get_for_model(
                model, for_concrete_model=False
            )
            about = Q()
            for name in spec.content_types:
                about |= Q(**{name: content_type})
            rows = manager.filter(about, **{f"{spec.object_id}__in": [str(pk) for pk in pks]})
            if spec.snapshot:
                for row in rows.only("pk", spec.object_id, *spec.snapshot):
                    row_pk = getattr(row, spec.object_id)
                    manager.filter(pk=row.pk).update(
                        **{
                            name: _anonymised_snapshot(entry, getattr(row, name), row_pk)
                            for name in spec.snapshot
                        }
                    )
            blank: dict[str, Any] = {name: "" for name in spec.text}
            blank.update({name: {} for name in spec.data})
            count = rows.update(**blank) if blank else rows.count()
            if count:
                key = history_model._meta.label_lower
                changed[key] = changed.get(key, 0) + count
    return changed


def _journal_append(record: dict) -> None:
    path = conf.erasure_journal_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as journal:
        journal.write(json.dumps(record, sort_keys=True) + "\n")


def _delete_files(files: list) -> None:
    for storage, name in files:
        try:
            storage.delete(name)
        except OSError:
            logger.exception("erasure: could not delete a file")


def _erase(
    *,
    user_id: int,
    actor_id: int | None,
    reason: str,
    request_id: int | None,
    source: str,
    using: str,
):
    email = (
        User.objects.using(using).filter(pk=user_id).values_list("email", flat=True).first() or ""
    )
    summary, files = _erase_rows(user_id=user_id, email=email, using=using)
    log = ErasureLog.objects.using(using).create(
        subject_ref=user_id,
        reason=reason,
        source=source,
        request_id=request_id,
        actor_id=actor_id,
        summary=summary,
    )
    transaction.on_commit(partial(_delete_files, files), using=using)
    return log


@transaction.atomic(durable=True)
def person_erase(
    *,
    user: User,
    actor: User | None = None,
    reason: str = ErasureReason.REQUEST,
    request: DataRequest | None = None,
) -> ErasureLog:
    """Erase a person: every personal text and file goes; rows that feed indicators or
    accounting stay, anonymised. Logged in the database and in the erasure journal (for
    restored backups)."""
    log = _erase(
        user_id=user.pk,
        actor_id=actor.pk if actor else None,
        reason=str(reason),
        request_id=request.pk if request else None,
        source=ErasureSource.ORIGINAL,
        using="default",
    )
    record = {
        "subject": user.pk,
        "erased_at": log.erased_at.isoformat(),
        "reason": str(reason),
        "log": log.pk,
    }
    transaction.on_commit(partial(_journal_append, record))
    return log


def read_journal(*, path: Path | None = None) -> list[dict]:
    path = path or conf.erasure_journal_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def reapply_erasures(*, using: str = "default", journal: Path | None = None) -> list[int]:
    """After restoring a backup: erase again everyone in the journal (and in the database's
    own log) whose data came back. Returns the ids erased again."""

    wanted = {int(r["subject"]) for r in read_journal(path=journal)}
    wanted |= set(ErasureLog.objects.using(using).values_list("subject_ref", flat=True))
    redone = []
    for user_id in sorted(wanted):
        user = User.objects.using(using).filter(pk=user_id).first()
        if user is None:
            continue
        if not user.is_active and user.email.endswith("@erased.invalid") and not user.full_name:
            continue  # already erased in this database
        with transaction.atomic(using=using):
            _erase(
                user_id=user_id,
                actor_id=None,
                reason=ErasureReason.REQUEST,
                request_id=None,
                source=ErasureSource.REPLAY,
                using=using,
            )
        redone.append(user_id)
    return redone


# --- data requests --------------------------------------------------------------------------


def request_due_on(*, kind: str, received: datetime.date, extended: bool = False) -> datetime.date:
    days = DEADLINE_DAYS[DataRequestKind(kind)]
    if extended:
        days += EXTENSION_DAYS[DataRequestKind(kind)]
    return add_business_days(received, days)


@transaction.atomic(durable=True)
def data_request_create(*, user: User, kind: str, details: str = "") -> DataRequest:
    """A new request, the person and the data-protection staff told. The same request sent
    again moments later (a double tap, a reload) is the one already received."""
    now = timezone.now()
    lock_person(user)
    again = sent_again(
        DataRequest.objects.filter(
            user=user,
            kind=kind,
            details=details,
            status__in=[DataRequestStatus.RECEIVED, DataRequestStatus.IN_PROGRESS],
        ),
        at="received_at",
        now=now,
    )
    if again is not None:
        return again
    request = DataRequest.objects.create(
        user=user,
        kind=kind,
        details=details,
        received_at=now,
        due_on=request_due_on(kind=kind, received=timezone.localdate(now)),
    )
    record(request, machine=DATA_REQUEST, to_status=request.status, actor=user, at=now)
    # The person and the data-protection staff are told the same facts.
    context = {"kind": str(kind), "request_id": request.pk, "due_on": request.due_on.isoformat()}
    notify(user=user, template="privacy/request_received", context=context)
    for staff in data_protection_staff():
        notify(user=staff, template="privacy/request_new", context=context)
    return request


@transaction.atomic(durable=True)
def data_request_transition(
    *,
    request: DataRequest,
    to: str,
    actor: User,
    note: str = "",
    response: str = "",
    erase: bool = False,
) -> DataRequest:
    """Move a request (received -> in progress -> answered/refused). Answering an erasure
    request with ``erase`` erases the person in the same transaction."""

    locked = DataRequest.objects.select_for_update().get(pk=request.pk)
    if not DATA_REQUEST.allows(locked.status, to):
        raise DATA_REQUEST.refusal(locked.status, to)
    closing = to in (DataRequestStatus.COMPLETED, DataRequestStatus.REJECTED)
    if closing and not response.strip():
        raise ValueError("an answer to the person is required")
    now = timezone.now()
    fields: dict[str, Any] = {}
    if response:
        fields["response"] = response
    if closing:
        fields.update(resolved_at=now, resolved_by=actor)
    transition(
        locked,
        machine=DATA_REQUEST,
        to=to,
        actor=actor,
        note=note,
        locked=True,
        fields=fields,
        at=now,
    )
    if closing:
        user = locked.user
        notify(
            user=user,
            template="privacy/request_answered",
            context={
                "kind": locked.kind,
                "status": locked.status,
                "response": locked.response,
            },
        )
    if erase and to == DataRequestStatus.COMPLETED and locked.kind == DataRequestKind.ERASURE:
        log = _erase(
            user_id=locked.user_id,
            actor_id=actor.pk,
            reason=ErasureReason.REQUEST,
            request_id=locked.pk,
            source=ErasureSource.ORIGINAL,
            using="default",
        )
        transaction.on_commit(
            partial(
                _journal_append,
                {
                    "subject": locked.user_id,
                    "erased_at": log.erased_at.isoformat(),
                    "reason": ErasureReason.REQUEST,
                    "log": log.pk,
                },
            )
        )
    return locked


@transaction.atomic(durable=True)
def data_request_extend(*, request: DataRequest, actor: User, note: str) -> DataRequest:
    """Use the legal extension once (5 more business days for queries, 8 for claims);
    the person must be told why."""

    locked = DataRequest.objects.select_for_update().get(pk=request.pk)
    if locked.extended or not locked.is_open:
        raise ServiceError(_("The deadline can be extended only once, while the request is open."))
    locked.extended = True
    locked.due_on = request_due_on(
        kind=locked.kind, received=timezone.localdate(locked.received_at), extended=True
    )
    locked.save(update_fields=["extended", "due_on"])
    record(
        locked,
        machine=DATA_REQUEST,
        from_status=locked.status,
        to_status=locked.status,
        actor=actor,
        note=note,
    )
    return locked


def data_requests_remind() -> int:
    """Scheduled daily: remind data-protection staff of open requests due soon or overdue
    (once a day)."""

    today = timezone.localdate()
    horizon = add_business_days(today, conf.request_reminder_days())
    due = list(
        DataRequest.objects.filter(
            status__in=[DataRequestStatus.RECEIVED, DataRequestStatus.IN_PROGRESS],
            due_on__lte=horizon,
        )
        .filter(Q(reminded_on__isnull=True) | Q(reminded_on__lt=today))
        .order_by("due_on", "pk")
    )
    if not due:
        return 0
    items = [
        {
            "id": r.pk,
            "kind": str(r.kind),
            "due_on": r.due_on.isoformat(),
            "overdue": r.due_on < today,
        }
        for r in due
    ]
    with transaction.atomic():
        for staff in data_protection_staff():
            notify(user=staff, template="privacy/request_reminder", context={"requests": items})
        DataRequest.objects.filter(pk__in=[r.pk for r in due]).update(reminded_on=today)
    return len(due)


# --- retention of inactive accounts --------------------------------------------------------


def _retention_holds():
    """People whose data must be kept for a legal obligation (seed-grant accounting)."""

    if apps.is_installed("pitchday"):
        return Q(grants__isnull=False)
    return Q(pk__in=[])


def inactive_accounts_warn() -> int:
    """Scheduled daily: tell people whose account has had no sign-in for the retention
    period minus the warning period that it will be removed unless they sign in."""

    now = timezone.now()
    cutoff = now - datetime.timedelta(days=conf.inactive_days() - conf.inactive_warning_days())
    inactive = (
        User.objects.filter(
            is_active=True, is_staff=False, is_superuser=False, inactivity_notice__isnull=True
        )
        .filter(Q(last_login__lt=cutoff) | Q(last_login__isnull=True, date_joined__lt=cutoff))
        .exclude(_retention_holds())
        .distinct()
    )
    removal_on = timezone.localdate(now) + datetime.timedelta(days=conf.inactive_warning_days())
    count = 0
    for user in inactive:
        with transaction.atomic():
            InactivityNotice.objects.create(user=user, warned_at=now, removal_on=removal_on)
            notify(
                user=user,
                template="privacy/inactivity_warning",
                context={"removal_on": removal_on.isoformat()},
            )
        count += 1
    return count


def inactive_accounts_remove() -> int:
    """Scheduled daily: erase the people warned whose removal date passed without a
    sign-in; close the notices of those who came back."""

    now = timezone.now()
    today = timezone.localdate(now)
    notices = InactivityNotice.objects.filter(closed_at__isnull=True).select_related("user")
    erased = 0
    for notice in notices:
        user = notice.user
        if user.last_login and user.last_login > notice.warned_at:
            InactivityNotice.objects.filter(pk=notice.pk).update(closed_at=now, outcome="returned")
            continue
        if notice.removal_on > today:
            continue
        if type(user).objects.filter(pk=user.pk).filter(_retention_holds()).exists():
            InactivityNotice.objects.filter(pk=notice.pk).update(closed_at=now, outcome="held")
            continue
        person_erase(user=user, reason=ErasureReason.RETENTION)
        InactivityNotice.objects.filter(pk=notice.pk).update(closed_at=now, outcome="erased")
        erased += 1
    return erased


def inactivity_notice_close(*, user: User) -> None:
    """The person signed in again: their account stays."""

    InactivityNotice.objects.filter(user=user, closed_at__isnull=True).update(
        closed_at=timezone.now(), outcome="returned"
    )


# --- consents ---------------------------------------------------------------------------------


@transaction.atomic(durable=True)
def consent_withdraw(*, user: User, purpose: str) -> int:
    """Revoke an authorisation and stop what depends on it here (message channels)."""

    revoked = consent_revoke(user=user, purpose=purpose)
    if purpose == ConsentPurpose.WHATSAPP:
        NotificationSettings.objects.filter(user=user).update(whatsapp=False)
    elif purpose == ConsentPurpose.SMS:
        NotificationSettings.objects.filter(user=user).update(sms=False)
    return revoked
