"""Export ("My data"), erasure (anonymisation), data requests and retention."""

import datetime
import io
import json
import zipfile

import pytest
from django.apps import apps
from django.core import mail
from django.core.files.storage import storages
from django.db import connection, models
from django.utils import timezone, translation

from semilla.errors import ServiceError
from semilla.privacy import services
from semilla.privacy.enums import DataRequestKind, DataRequestStatus, ErasureReason
from semilla.privacy.models import DataRequest, ErasureLog, InactivityNotice
from semilla.privacy.registry import REGISTRY, entries
from semilla.transitions import InvalidTransition
from semilla.upload_pipeline import clean_pdf
from tests.privacy.conftest import NAME, RECEIPT, SECRET_TEXTS

pytestmark = pytest.mark.django_db


def _archive(user) -> tuple[dict, zipfile.ZipFile]:
    archive = zipfile.ZipFile(io.BytesIO(services.build_export_zip(user=user)))
    return json.loads(archive.read("data.json")), archive


def test_export_covers_every_registered_model(person):
    data, archive = _archive(person)
    installed = {entry.label for entry, _model in entries()}
    assert set(data["records"]) == installed
    assert installed <= {entry.label for entry in REGISTRY}
    # every row the person has, in every registered model, is in the archive
    for entry, model in entries():
        expected = set(
            model._base_manager.filter(entry.person_q(person.pk, person.email)).values_list(
                "pk", flat=True
            )
        )
        assert {row["id"] for row in data["records"][entry.label]["rows"]} == expected, entry.model
    assert data["records"]["semilla.user"]["rows"][0]["full_name"] == NAME
    assert "password" not in data["records"]["semilla.user"]["rows"][0]
    assert "code_hash" not in data["records"]["pitchday.payoutdetails"]["rows"][0]


def test_export_has_rows_from_every_app(person):
    data, _archive_file = _archive(person)
    with_rows = {label for label, record in data["records"].items() if record["rows"]}
    assert {
        "semilla.user",
        "semilla.consentrecord",
        "semilla.notificationsettings",
        "semilla.datarequest",
        "cohorts.application",
        "cohorts.applicationdocument",
        "cohorts.applicationstatuschange",
        "pitchday.grant",
        "pitchday.payoutdetails",
        "pitchday.evidence",
        "pitchday.milestone",
        "account.emailaddress",
    } <= with_rows


def test_export_zip_holds_the_persons_files(person):
    data, archive = _archive(person)
    names = archive.namelist()
    documents = [n for n in names if n.startswith("files/cohorts.applicationdocument/")]
    evidence = [n for n in names if n.startswith("files/pitchday.evidence/")]
    assert len(documents) == 1 and documents[0].endswith("PPT Yolimar.pdf")
    assert archive.read(documents[0]) == b"%PDF-1.4 documento"
    assert len(evidence) == 1 and archive.read(evidence[0]) == clean_pdf(RECEIPT)
    assert sorted(data["files"]) == sorted(documents + evidence)
    assert "README.txt" in names


def test_export_of_another_person_excludes_this_one(person, other_entrepreneur):
    data, _archive_file = _archive(other_entrepreneur)
    assert NAME not in json.dumps(data, ensure_ascii=False)


def _text_columns():
    """Every column of every table (by introspection), as (table, column)."""
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        for table in tables:
            for column in connection.introspection.get_table_description(cursor, table):
                yield table, column.name  # every column, cast to text when searched


def _rows_containing(text: str) -> list[tuple[str, str]]:
    found = []
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table, column in _text_columns():
            cursor.execute(
                f"SELECT COUNT(*) FROM {quote(table)} "  # noqa: S608
                f"WHERE CAST({quote(column)} AS TEXT) LIKE %s",
                [f"%{text}%"],
            )
            if cursor.fetchone()[0]:
                found.append((table, column))
    return found


def test_erasure_leaves_no_personal_text_and_no_files(person, staff_user, console_footprint):
    from semilla.reporting.selectors import Filters, build_report

    storage = storages["private"]
    files = [
        d.storage_name
        for d in apps.get_model("cohorts.ApplicationDocument").objects.filter(
            application__user=person
        )
    ]
    evidence = [
        e.file.name
        for e in apps.get_model("pitchday.Evidence").objects.filter(
            milestone__tranche__grant__grantee=person
        )
    ]
    assert all(storage.exists(n) for n in files + evidence)
    before = build_report(filters=Filters.default(), suppress=False)
    ledger_before = list(
        apps.get_model("pitchday.LedgerEntry")
        .objects.values_list("amount", flat=True)
        .order_by("pk")
    )
    assert _rows_containing(NAME) != []

    with django_capture_on_commit():
        log = services.person_erase(user=person, actor=staff_user)

    for text in SECRET_TEXTS:
        assert _rows_containing(text) == [], text
    assert not any(storage.exists(n) for n in files + evidence)
    after = build_report(filters=Filters.default(), suppress=False)
    assert [(i.key, i.total.value) for i in after.indicators] == [
        (i.key, i.total.value) for i in before.indicators
    ]
    assert (
        list(
            apps.get_model("pitchday.LedgerEntry")
            .objects.values_list("amount", flat=True)
            .order_by("pk")
        )
        == ledger_before
    )
    person.refresh_from_db()
    assert person.is_active is False
    assert person.email == f"erased-{person.pk}@erased.invalid"
    assert not person.has_usable_password()
    application = person.cohort_applications.get()
    assert application.birth_date == datetime.date(1991, 1, 1)
    assert application.sex == "female"
    assert log.summary["cohorts.application"] == 1
    _assert_console_history_kept_without_the_person(person, console_footprint)
    assert ErasureLog.objects.filter(subject_ref=person.pk).count() == 1
    journal = services.read_journal()
    assert [r["subject"] for r in journal] == [person.pk]


def _assert_console_history_kept_without_the_person(person, footprint):
    """The console's history rows stay (who changed what, when), without the person."""
    from django.contrib.admin.models import LogEntry
    from wagtail.models import ModelLogEntry, Revision

    staff_logs = ModelLogEntry.objects.filter(user_id=footprint["staff"]).order_by("pk")
    assert [(e.label, e.data, e.action) for e in staff_logs] == [("", {}, "wagtail.edit")] * 3
    kept = ModelLogEntry.objects.get(pk=footprint["kept_log"])
    assert (kept.label, kept.user_id) == (footprint["kept_label"], person.pk)
    revisions = {
        r.content_type.model: r for r in Revision.objects.filter(user_id=footprint["staff"])
    }
    assert sorted(revisions) == ["application", "payoutdetails", "user"]
    application = revisions["application"].content
    assert (application["sex"], application["birth_date"], application["phone"]) == (
        "female",
        "1991-01-01",
        "",
    )
    assert revisions["user"].content["email"] == f"erased-{person.pk}@erased.invalid"
    assert revisions["payoutdetails"].content["document_number"] == ""
    assert {r.object_str for r in revisions.values()} == {""}
    admin = LogEntry.objects.filter(user_id=footprint["staff"])
    assert [(e.object_repr, e.change_message) for e in admin] == [("", "")] * 3


class django_capture_on_commit:  # noqa: N801
    """Run on_commit callbacks of the block (the test transaction never commits)."""

    def __enter__(self):
        from django.test import TestCase

        self._ctx = TestCase.captureOnCommitCallbacks(execute=True)
        return self._ctx.__enter__()

    def __exit__(self, *exc):
        return self._ctx.__exit__(*exc)


def test_erasure_leaves_other_people_alone(person, other_entrepreneur):
    other_name = other_entrepreneur.full_name
    with django_capture_on_commit():
        services.person_erase(user=person)
    other_entrepreneur.refresh_from_db()
    assert other_entrepreneur.full_name == other_name
    assert other_entrepreneur.is_active is True


def test_reapply_erasures_skips_people_already_erased(person):
    with django_capture_on_commit():
        services.person_erase(user=person)
    assert services.reapply_erasures() == []


# --- data requests -------------------------------------------------------------------------


def test_data_request_deadlines_in_colombian_business_days(entrepreneur, monkeypatch):
    wednesday = datetime.datetime(2026, 3, 25, 10, tzinfo=datetime.UTC)
    monkeypatch.setattr(timezone, "now", lambda: wednesday)
    query = services.data_request_create(user=entrepreneur, kind=DataRequestKind.QUERY)
    claim = services.data_request_create(user=entrepreneur, kind=DataRequestKind.ERASURE)
    # Holy week 2026: Thursday 2 and Friday 3 April are holidays
    assert query.due_on == datetime.date(2026, 4, 10)
    assert claim.due_on == datetime.date(2026, 4, 17)


def test_data_request_answered_with_history_and_email(entrepreneur, data_protection_user):
    with django_capture_on_commit():
        request = services.data_request_create(
            user=entrepreneur, kind=DataRequestKind.QUERY, details="¿Qué datos tienen?"
        )
    assert [m.to for m in mail.outbox] == [[entrepreneur.email], [data_protection_user.email]]
    with django_capture_on_commit():
        services.data_request_transition(
            request=request, to=DataRequestStatus.IN_PROGRESS, actor=data_protection_user
        )
        done = services.data_request_transition(
            request=request,
            to=DataRequestStatus.COMPLETED,
            actor=data_protection_user,
            response="Le enviamos el archivo con sus datos.",
        )
    assert done.resolved_by == data_protection_user
    assert [(e.from_status, e.to_status) for e in done.history.all()] == [
        ("", "received"),
        ("received", "in_progress"),
        ("in_progress", "completed"),
    ]
    assert "Le enviamos el archivo" in mail.outbox[-1].body
    with pytest.raises(InvalidTransition):
        services.data_request_transition(
            request=done, to=DataRequestStatus.IN_PROGRESS, actor=data_protection_user
        )


def test_data_request_closing_needs_an_answer(entrepreneur, data_protection_user):
    request = services.data_request_create(user=entrepreneur, kind=DataRequestKind.QUERY)
    with pytest.raises(ValueError, match="answer"):
        services.data_request_transition(
            request=request, to=DataRequestStatus.COMPLETED, actor=data_protection_user
        )


def test_erasure_request_completed_erases_the_person(person, data_protection_user):
    request = services.data_request_create(user=person, kind=DataRequestKind.ERASURE)
    with django_capture_on_commit():
        services.data_request_transition(
            request=request,
            to=DataRequestStatus.COMPLETED,
            actor=data_protection_user,
            erase=True,
            response="Sus datos fueron borrados.",
        )
    person.refresh_from_db()
    assert person.full_name == ""
    assert ErasureLog.objects.get(subject_ref=person.pk).request_id == request.pk
    assert DataRequest.objects.get(pk=request.pk).details == ""


def test_data_request_extension_once(entrepreneur, data_protection_user):
    request = services.data_request_create(user=entrepreneur, kind=DataRequestKind.QUERY)
    extended = services.data_request_extend(
        request=request, actor=data_protection_user, note="Necesitamos revisar archivos en papel."
    )
    assert extended.due_on == services.request_due_on(
        kind="query", received=timezone.localdate(request.received_at), extended=True
    )
    with pytest.raises(ServiceError):
        services.data_request_extend(request=extended, actor=data_protection_user, note="x")


def test_data_requests_reminder_to_staff_once_a_day(entrepreneur, data_protection_user):
    request = services.data_request_create(user=entrepreneur, kind=DataRequestKind.QUERY)
    DataRequest.objects.filter(pk=request.pk).update(due_on=timezone.localdate())
    mail.outbox.clear()
    with django_capture_on_commit():
        assert services.data_requests_remind() == 1
    assert [m.to for m in mail.outbox] == [[data_protection_user.email]]
    assert f"#{request.pk}" in mail.outbox[0].body
    assert services.data_requests_remind() == 0


# --- retention --------------------------------------------------------------------------------


def test_inactive_accounts_warned_then_erased(entrepreneur, other_entrepreneur, settings):
    settings.PRIVACY_INACTIVE_DAYS = 365
    settings.PRIVACY_INACTIVE_WARNING_DAYS = 30
    long_ago = timezone.now() - datetime.timedelta(days=400)
    type(entrepreneur).objects.filter(pk=entrepreneur.pk).update(last_login=long_ago)
    type(other_entrepreneur).objects.filter(pk=other_entrepreneur.pk).update(
        last_login=timezone.now()
    )
    with django_capture_on_commit():
        assert services.inactive_accounts_warn() == 1
    assert [m.to for m in mail.outbox] == [[entrepreneur.email]]
    notice = InactivityNotice.objects.get()
    assert notice.removal_on == timezone.localdate() + datetime.timedelta(days=30)
    assert services.inactive_accounts_warn() == 0  # told once
    assert services.inactive_accounts_remove() == 0  # not yet
    InactivityNotice.objects.update(removal_on=timezone.localdate())
    with django_capture_on_commit():
        assert services.inactive_accounts_remove() == 1
    entrepreneur.refresh_from_db()
    assert entrepreneur.is_active is False
    assert ErasureLog.objects.get().reason == ErasureReason.RETENTION


def test_inactive_account_kept_when_the_person_returns(entrepreneur, settings):
    settings.PRIVACY_INACTIVE_DAYS = 365
    type(entrepreneur).objects.filter(pk=entrepreneur.pk).update(
        last_login=timezone.now() - datetime.timedelta(days=400)
    )
    services.inactive_accounts_warn()
    InactivityNotice.objects.update(removal_on=timezone.localdate())
    type(entrepreneur).objects.filter(pk=entrepreneur.pk).update(last_login=timezone.now())
    assert services.inactive_accounts_remove() == 0
    assert InactivityNotice.objects.get().outcome == "returned"


def test_text_columns_scan_finds_something():
    """The scan used by the erasure tests really looks at text columns."""
    assert ("semilla_user", "email") in set(_text_columns())
    assert isinstance(models.TextField(), models.Field)


def test_data_request_answer_reads_in_the_requesters_language_whoever_answers(
    entrepreneur, data_protection_user
):
    """The kind and the status travel as codes and are named when the message renders, in
    the requester's language, not in the language of the staff member who answered."""
    entrepreneur.language = "en"
    entrepreneur.save(update_fields=["language"])
    with django_capture_on_commit():
        request = services.data_request_create(user=entrepreneur, kind=DataRequestKind.QUERY)
    with django_capture_on_commit(), translation.override("es"):
        services.data_request_transition(
            request=request, to=DataRequestStatus.IN_PROGRESS, actor=data_protection_user
        )
        services.data_request_transition(
            request=request,
            to=DataRequestStatus.COMPLETED,
            actor=data_protection_user,
            response="Here is the file with your data.",
        )
    answered = mail.outbox[-1].body
    assert "Your request (Query: what data do you hold about me?): Answered." in answered


def test_a_request_sent_again_moments_later_is_the_same_request(
    entrepreneur, data_protection_user, monkeypatch
):
    """A double tap or a reload re-sends the form: one request, one notice each; the same
    words ten minutes later, another kind, or other words are new requests."""
    start = timezone.now()
    with django_capture_on_commit():
        first = services.data_request_create(
            user=entrepreneur, kind=DataRequestKind.QUERY, details="¿Qué datos tienen?"
        )
        again = services.data_request_create(
            user=entrepreneur, kind=DataRequestKind.QUERY, details="¿Qué datos tienen?"
        )
    assert again.pk == first.pk
    assert len(mail.outbox) == 2  # the person and the data-protection officer, once
    other_words = services.data_request_create(
        user=entrepreneur, kind=DataRequestKind.QUERY, details="Y mis documentos"
    )
    other_kind = services.data_request_create(
        user=entrepreneur, kind=DataRequestKind.CORRECTION, details="¿Qué datos tienen?"
    )
    monkeypatch.setattr(timezone, "now", lambda: start + datetime.timedelta(minutes=10, seconds=1))
    later = services.data_request_create(
        user=entrepreneur, kind=DataRequestKind.QUERY, details="¿Qué datos tienen?"
    )
    assert len({first.pk, other_words.pk, other_kind.pk, later.pk}) == 4
