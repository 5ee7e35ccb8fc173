"""scripts/audit_dependencies.py: pip-audit's report read honestly. A run that could check
nothing is "NOT AUDITED", never "no known vulnerabilities"."""

import importlib.util
import json
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "audit_dependencies.py"


@pytest.fixture(scope="module")
def audit():
    spec = importlib.util.spec_from_file_location("audit_dependencies", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fake_pip_audit(tmp_path, report: dict) -> str:
    """An executable that, like pip-audit, writes its JSON report to --output."""
    exe = tmp_path / "pip-audit"
    exe.write_text(
        f"#!{sys.executable}\n"
        "import sys\n"
        "out = sys.argv[sys.argv.index('--output') + 1]\n"
        f"open(out, 'w').write({json.dumps(json.dumps(report))})\n"
    )
    exe.chmod(0o755)
    return str(exe)


CHECKED = {"name": "django", "version": "5.2.19", "vulns": []}
SKIPPED = {
    "name": "wagtail",
    "skip_reason": "Dependency not found on PyPI and could not be audited",
}
VULNERABLE = {
    "name": "pillow",
    "version": "1.0",
    "vulns": [{"id": "PYSEC-0000-1", "fix_versions": ["1.1"], "description": "x"}],
}


def run(audit, tmp_path, monkeypatch, report):
    monkeypatch.setattr(audit, "frozen_requirements", lambda python: "django==5.2.19\n")
    return audit.main(["audit", fake_pip_audit(tmp_path, report), sys.executable])


def test_vulnerabilities_fail_and_are_named(audit, tmp_path, monkeypatch, capsys):
    status = run(audit, tmp_path, monkeypatch, {"dependencies": [CHECKED, VULNERABLE]})

    assert status == 1
    out = capsys.readouterr().out
    assert "VULNERABLE pillow 1.0: PYSEC-0000-1 (fixed in 1.1)" in out


def test_checked_packages_pass_and_the_unchecked_are_listed(audit, tmp_path, monkeypatch, capsys):
    status = run(audit, tmp_path, monkeypatch, {"dependencies": [CHECKED, SKIPPED]})

    assert status == 0
    out = capsys.readouterr().out
    assert "1 packages checked, no known vulnerabilities." in out
    assert "1 could not be checked: wagtail" in out


def test_nothing_checked_is_not_audited(audit, tmp_path, monkeypatch, capsys):
    """pip-audit itself would say "No known vulnerabilities found" here."""
    status = run(audit, tmp_path, monkeypatch, {"dependencies": [SKIPPED, SKIPPED]})

    assert status == 0
    out = capsys.readouterr().out
    assert out.startswith("NOT AUDITED: none of the 2 packages could be checked")
    assert "no known vulnerabilities" not in out


def test_nothing_checked_fails_where_the_audit_is_required(audit, tmp_path, monkeypatch):
    monkeypatch.setenv("SEMILLA_AUDIT_REQUIRED", "1")

    assert run(audit, tmp_path, monkeypatch, {"dependencies": [SKIPPED]}) == audit.NOT_AUDITED


def test_a_pip_audit_that_writes_no_report_is_an_error(audit, tmp_path, monkeypatch):
    exe = tmp_path / "broken"
    exe.write_text(f"#!{sys.executable}\nimport sys; sys.exit(2)\n")
    exe.chmod(0o755)
    monkeypatch.setattr(audit, "frozen_requirements", lambda python: "")

    with pytest.raises(SystemExit, match="wrote no report"):
        audit.main(["audit", str(exe), sys.executable])


def test_the_project_environment_is_frozen_without_the_project(audit):
    frozen = audit.frozen_requirements(sys.executable)

    lines = frozen.lower().splitlines()
    assert any(line.startswith("django==") for line in lines)
    assert not any(line.startswith(("semilla", "-e")) for line in lines)
