"""The one export writer (``semilla.exports``): no spreadsheet download runs a formula.

- ``test_no_code_writes_csv_or_xlsx_outside_the_writer`` scans the apps' code: nothing but
  ``semilla.exports`` imports ``csv`` or ``openpyxl`` or names a CSV/XLSX content type.
- ``test_every_export_url_is_in_the_hostile_list`` finds every export URL (views that call
  the writer, console listings with ``list_export``) and fails when one is missing from
  ``EXPORTS`` below, or when a function calls the writer without being a URL's view.
- ``test_hostile_value_neutralised_in_every_export`` puts values that a spreadsheet would
  run (``=HYPERLINK(...)`` after each of ``= + - @``, a tab, a carriage return) where each
  export writes text, downloads every export (CSV and XLSX where both exist) and checks
  that the value arrives with a leading ``'`` and never as a formula.

To add an export: call ``semilla.exports.csv_response`` / ``xlsx_response`` /
``spreadsheet_response`` from its view, then add one entry to ``EXPORTS`` (a function that
creates a row holding the hostile value and returns who downloads what).
"""

from __future__ import annotations

import ast
import csv
import datetime
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from openpyxl import load_workbook

from semilla import exports
from semilla.enums import Role

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
APP_DIRS = {"site": "semilla", "cohorts": "cohorts", "mentors": "mentors"}
APP_DIRS |= {"pitchday": "pitchday", "curriculum": "curriculum"}
WRITER_MODULE = ROOT / "site" / "exports.py"
WRITERS = {"csv_response", "xlsx_response", "spreadsheet_response"}
PAYLOAD = 'HYPERLINK("http://evil.example/x","ver")'
#: what a spreadsheet reads as the start of a formula (written out here, not taken from the
#: writer, so that a writer that forgets one fails)
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


# --- the code scan ---------------------------------------------------------------------------


def _app_files():
    for folder, package in APP_DIRS.items():
        for path in sorted((ROOT / folder).rglob("*.py")):
            if "migrations" in path.parts or path == WRITER_MODULE:
                continue
            relative = path.relative_to(ROOT / folder).with_suffix("")
            parts = [p for p in relative.parts if p != "__init__"]
            yield path, ".".join([package, *parts])


def _bypasses(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
        found.extend(
            f"line {node.lineno}: imports {name}"
            for name in names
            if name == "csv" or name.split(".")[0] == "openpyxl"
        )
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if "text/csv" in node.value or "spreadsheetml" in node.value:
                found.append(f"line {node.lineno}: names a spreadsheet content type")
    return found


def test_no_code_writes_csv_or_xlsx_outside_the_writer():
    offenders = {}
    for path, _module in _app_files():
        problems = _bypasses(ast.parse(path.read_text(), filename=str(path)))
        if problems:
            offenders[str(path.relative_to(ROOT))] = problems
    assert offenders == {}


def test_code_scan_catches_a_bypass():
    """The scan itself: a view that writes its own CSV is caught."""
    source = (
        "import csv\nfrom django.http import HttpResponse\n"
        "def view(request):\n"
        "    response = HttpResponse(content_type='text/csv')\n"
        "    csv.writer(response).writerow(['=1+1'])\n"
        "    return response\n"
    )
    assert _bypasses(ast.parse(source)) == [
        "line 1: imports csv",
        "line 4: names a spreadsheet content type",
    ]


def _writer_callers() -> set[tuple[str, str]]:
    """(module, function) of every function in the apps that calls the writer."""
    callers = set()
    for path, module in _app_files():
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for inner in ast.walk(node):
                if isinstance(inner, ast.Call):
                    func = inner.func
                    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                    if name in WRITERS:
                        callers.add((module, node.name))
    return callers


# --- the URL scan ----------------------------------------------------------------------------


def _url_patterns(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _url_patterns(pattern, inner)
        elif isinstance(pattern, URLPattern):
            yield f"{namespace}{pattern.name}" if pattern.name else str(pattern.pattern), pattern


def _function(callback):
    while hasattr(callback, "__wrapped__"):
        callback = callback.__wrapped__
    return callback.__module__, callback.__name__


def _is_listing_export(callback) -> bool:
    from wagtail.admin.views.mixins import SpreadsheetExportMixin
    from wagtail.contrib.forms.views import SubmissionsListView

    if _function(callback) == ("wagtail.contrib.forms.views", "get_submissions_list_view"):
        return True  # hands over to the form page's SubmissionsListView
    view_class = getattr(callback, "view_class", None)
    if view_class is None or not issubclass(view_class, SpreadsheetExportMixin):
        return False
    if issubclass(view_class, SubmissionsListView):
        return True  # its columns are the form's fields, set per request
    initkwargs = getattr(callback, "view_initkwargs", {})
    return bool(initkwargs.get("list_export", view_class.list_export))


def export_urls() -> tuple[set[str], set[tuple[str, str]]]:
    """The names of every export URL, and the writer callers that are some URL's view."""
    callers = _writer_callers()
    names, reached = set(), set()
    for name, pattern in _url_patterns():
        function = _function(pattern.callback)
        if function in callers:
            names.add(name)
            reached.add(function)
        elif _is_listing_export(pattern.callback):
            names.add(name)
    return names, reached


# --- hostile data for each export --------------------------------------------------------------

Download = tuple[object, str, dict, str]  # user, path, query, format


def _cohort_applications(make_user, value) -> list[Download]:
    from tests.factories.cohorts import ApplicationFactory

    staff = make_user(Role.STAFF)
    staff.user_permissions.add(Permission.objects.get(codename="view_sensitive_data"))
    application = ApplicationFactory(business_name=value, user__full_name=value)
    return [(staff, reverse("cohorts_export", args=[application.cohort_id]), {}, "csv")]


def _use_of_funds(make_user, value) -> list[Download]:
    from pitchday.models import Evidence
    from tests.factories.pitchday import make_grant

    grantee = make_user(Role.ENTREPRENEUR)
    grant = make_grant(grantee=grantee, accept=True)
    Evidence.objects.create(
        milestone=grant.tranches.order_by("number").last().milestone,
        kind="receipt",
        file="pitchday/evidence/hostil.pdf",
        original_name="factura.pdf",
        content_type="application/pdf",
        size=10,
        description=value,
        amount_spent=1_000_00,
        uploaded_by=grantee,
    )
    url = reverse("pitchday:use_of_funds_export", args=[grant.reference])
    return [(make_user(Role.STAFF), url, {}, "csv")]


def _consents(make_user, value) -> list[Download]:
    from semilla.enums import ConsentPurpose
    from semilla.privacy import consent_record

    consent_record(
        user=make_user(Role.ENTREPRENEUR, full_name=value), purpose=ConsentPurpose.APPLICATION
    )
    viewer = make_user(Role.STAFF)
    viewer.user_permissions.add(
        Permission.objects.get(content_type__app_label="semilla", codename="view_consentrecord")
    )
    return [(viewer, reverse("privacy_admin_consents_export"), {}, "csv")]


def _indicators(fmt):
    def build(make_user, value) -> list[Download]:
        from tests.factories.cohorts import ApplicationFactory

        ApplicationFactory(cohort__name=value)
        today = timezone.localdate()
        period = {"date_from": today.replace(day=1).isoformat(), "date_to": today.isoformat()}
        return [(make_user(Role.STAFF), reverse(f"reporting_export_{fmt}"), period, fmt)]

    return build


def _superuser(make_user):
    return make_user(Role.STAFF, is_superuser=True)


def _page(value, user):
    from wagtail.models import Page

    root = Page.get_first_root_node()
    page = root.add_child(
        instance=Page(
            title=value,
            slug=f"hostil-{Page.objects.count()}",
            live=True,
            last_published_at=timezone.now() - datetime.timedelta(days=400),
            locked=True,
            locked_by=user,
            locked_at=timezone.now(),
        )
    )
    page.save_revision(user=user)
    return page


def _listing(name, build):
    """A console listing: its page and its htmx results, as CSV and as XLSX."""

    def downloads(make_user, value) -> list[Download]:
        user = _superuser(make_user)
        build(value, user)
        path = reverse(name)
        return [(user, path, {"export": fmt}, fmt) for fmt in exports.FORMATS]

    return downloads


def _workflow(value, user):
    from wagtail.models import GroupApprovalTask, Workflow, WorkflowTask

    page = _page(value, user)
    workflow = Workflow.objects.create(name=value)
    task = GroupApprovalTask.objects.create(name=value)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    workflow.start(page, user)


def _history(value, user):
    from wagtail.log_actions import log

    log(instance=_page(value, user), action="wagtail.edit", user=user)


def _redirect(value, user):
    from wagtail.contrib.redirects.models import Redirect

    Redirect.objects.create(old_path=f"/hostil-{Redirect.objects.count()}", redirect_link=value)


EXPORTS: dict[str, Callable[..., list[Download]]] = {
    "cohorts_export": _cohort_applications,
    "pitchday:use_of_funds_export": _use_of_funds,
    "privacy_admin_consents_export": _consents,
    "reporting_export_csv": _indicators("csv"),
    "reporting_export_xlsx": _indicators("xlsx"),
    **{
        f"wagtailadmin_reports:{name}{suffix}": _listing(
            f"wagtailadmin_reports:{name}{suffix}", build
        )
        for name, build in [
            ("locked_pages", _page),
            ("aging_pages", _page),
            ("site_history", _history),
            ("workflow", _workflow),
            ("workflow_tasks", _workflow),
        ]
        for suffix in ("", "_results")
    },
    "wagtailredirects:index": _listing("wagtailredirects:index", _redirect),
    "wagtailredirects:index_results": _listing("wagtailredirects:index_results", _redirect),
}

#: export URLs that cannot produce a file in Semilla, and why
UNREACHABLE = {
    "wagtailforms:list_submissions": "Semilla has no form page (test_no_form_pages)",
    "wagtailforms:list_submissions_results": "Semilla has no form page (test_no_form_pages)",
}


def test_every_export_url_is_in_the_hostile_list():
    names, reached = export_urls()
    assert names == set(EXPORTS) | set(UNREACHABLE)
    # every function that calls the writer is itself an export URL's view (no helper that
    # would hide an export from the scan above)
    assert _writer_callers() - reached == set()


def test_no_form_pages():
    """Wagtail's form submissions export is unreachable while no page model is a form."""
    from django.apps import apps
    from wagtail.contrib.forms.models import FormMixin

    assert [m for m in apps.get_models() if issubclass(m, FormMixin)] == []


def test_wagtail_listing_exports_use_the_writer():
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    assert SpreadsheetExportMixin.as_spreadsheet is exports._wagtail_as_spreadsheet


# --- downloading ------------------------------------------------------------------------------


def _body(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def _cells(response, fmt) -> list:
    if fmt == "csv":
        text = _body(response).decode("utf-8")
        assert text.startswith(exports.BOM)
        return [c for row in csv.reader(io.StringIO(text[1:], newline="")) for c in row]
    book = load_workbook(io.BytesIO(_body(response)))
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    return [c.value for c in cells]


def _safe(value, fmt):
    """The value as the writer sends it (an XLSX reader reads a carriage return as a new
    line, as XML does)."""
    return "'" + (value.replace("\r", "\n") if fmt == "xlsx" else value)


@pytest.mark.parametrize("name", list(EXPORTS))
def test_hostile_value_neutralised_in_every_export(make_user, client_for, name):
    """Each of the six first characters in turn, where the export writes text."""
    for value in [first + PAYLOAD for first in TRIGGERS]:
        for user, path, query, fmt in EXPORTS[name](make_user, value):
            response = client_for(user).get(path, query)
            assert response.status_code == 200, (path, query)
            assert response["Cache-Control"] == "private, no-store"
            assert response["Content-Disposition"].startswith("attachment; filename=")
            cells = _cells(response, fmt)
            assert _safe(value, fmt) in cells, (path, fmt, value)
            assert value not in cells
            assert [c for c in cells if isinstance(c, str) and c.startswith("=")] == []


# --- the writer itself ------------------------------------------------------------------------


@pytest.mark.parametrize("first", TRIGGERS)
def test_writer_neutralises_every_trigger_in_csv_and_xlsx(first):
    value = first + "1+1"
    header = ["texto", "número"]
    rows = [[value, -5], ["normal", 2.5]]
    csv_cells = _cells(exports.csv_response(filename="x", header=header, rows=rows), "csv")
    assert csv_cells == ["texto", "número", "'" + value, "-5", "normal", "2.5"]
    book = load_workbook(
        io.BytesIO(
            exports.xlsx_response(filename="x", sheets=[exports.Sheet("s", header, rows)]).content
        )
    )
    sheet = book.worksheets[0]
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [
        ["texto", "número"],
        [_safe(value, "xlsx"), -5],
        ["normal", 2.5],
    ]
    assert [c.data_type for c in sheet[2]] == ["s", "n"]


def test_writer_keeps_numbers_and_dates_and_drops_control_characters():
    when = datetime.datetime(2026, 3, 1, 15, 30, tzinfo=datetime.UTC)
    rows = [[-12, 3, "a\x00b\x01c", when, datetime.date(2026, 3, 1), None, True]]
    csv_cells = _cells(exports.csv_response(filename="x", header=list("abcdefg"), rows=rows), "csv")
    assert csv_cells[7:] == [
        "-12",
        "3",
        "ab\x01c",
        "2026-03-01T10:30:00-05:00",
        "2026-03-01",
        "",
        "True",
    ]
    response = exports.xlsx_response(
        filename="x", sheets=[exports.Sheet("s", list("abcdefg"), rows)]
    )
    row = [c.value for c in load_workbook(io.BytesIO(response.content)).worksheets[0][2]]
    assert row == [
        -12,
        3,
        "abc",
        datetime.datetime(2026, 3, 1, 10, 30),
        datetime.datetime(2026, 3, 1, 0, 0),
        None,
        "True",
    ]


def test_writer_file_name_is_safe():
    response = exports.csv_response(filename='a"b/c d.csv', header=["x"], rows=[])
    assert response["Content-Disposition"] == 'attachment; filename="a-b-c-d.csv"'
