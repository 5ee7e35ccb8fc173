"""The dependency vulnerability audit: pip-audit over every pinned package of the project's
environment, and an honest account of what it could check.

pip-audit answers "No known vulnerabilities found" even when the vulnerability service
could not be reached and no package was checked at all (each is then only "skipped").
This script reads pip-audit's JSON report and tells the three cases apart:

- vulnerabilities found: they are listed and the exit status is 1;
- packages checked and none vulnerable: exit 0, with the number checked and the list of
  packages that could not be checked (private or local ones);
- nothing could be checked (no network, or the service refuses): it says so plainly,
  "NOT AUDITED", and exits 0 -- or 3 when ``SEMILLA_AUDIT_REQUIRED=1`` (set it where the
  service is reachable, so that a broken audit cannot pass unnoticed).

Usage (``make audit`` installs pip-audit in its own environment first)::

    python scripts/audit_dependencies.py PIP_AUDIT_EXECUTABLE PYTHON_OF_THE_PROJECT
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

NOT_AUDITED = 3


def frozen_requirements(python: str) -> str:
    """``pip freeze`` of the project's environment, without the project itself."""
    return subprocess.run(  # noqa: S603
        [python, "-m", "pip", "freeze", "--exclude-editable"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def run_pip_audit(pip_audit: str, requirements: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        req = Path(tmp) / "requirements.txt"
        report = Path(tmp) / "report.json"
        req.write_text(requirements)
        proc = subprocess.run(  # noqa: S603
            [
                pip_audit,
                "--requirement",
                str(req),
                "--no-deps",  # the file is the whole, pinned environment
                "--disable-pip",
                "--progress-spinner",
                "off",
                "--format",
                "json",
                "--output",
                str(report),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if not report.exists():
            sys.stderr.write(proc.stdout + proc.stderr)
            raise SystemExit(f"pip-audit failed (status {proc.returncode}) and wrote no report")
        return json.loads(report.read_text())


def summarise(report: dict) -> tuple[list[dict], list[dict], list[dict]]:
    """(checked, skipped, vulnerable) dependencies of a pip-audit JSON report."""
    deps = report.get("dependencies", [])
    skipped = [d for d in deps if d.get("skip_reason")]
    checked = [d for d in deps if not d.get("skip_reason")]
    vulnerable = [d for d in checked if d.get("vulns")]
    return checked, skipped, vulnerable


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__)
        return 2
    pip_audit, python = argv[1], argv[2]
    checked, skipped, vulnerable = summarise(run_pip_audit(pip_audit, frozen_requirements(python)))
    for dep in vulnerable:
        for vuln in dep["vulns"]:
            fixed = ", ".join(vuln.get("fix_versions") or []) or "no fixed release yet"
            print(
                f"VULNERABLE {dep['name']} {dep.get('version', '')}: {vuln['id']} (fixed in {fixed})"
            )
    if vulnerable:
        print(f"{len(vulnerable)} of {len(checked)} checked packages have known vulnerabilities.")
        return 1
    if not checked:
        reason = skipped[0]["skip_reason"] if skipped else "no packages"
        print(
            f"NOT AUDITED: none of the {len(skipped)} packages could be checked; the "
            f"vulnerability service was not reachable from here (first reason: {reason})."
        )
        return NOT_AUDITED if os.environ.get("SEMILLA_AUDIT_REQUIRED") == "1" else 0
    print(f"{len(checked)} packages checked, no known vulnerabilities.")
    if skipped:
        names = ", ".join(d["name"] for d in skipped)
        print(f"{len(skipped)} could not be checked: {names}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
