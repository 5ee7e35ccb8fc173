"""Services and selectors are keyword-only and fully typed (issue 16, item 4): every public
function of a ``services``/``selectors`` module (or package) takes its parameters by
keyword (``*, ...``), annotates each of them (``**kwargs`` too) and its return, so a caller
cannot swap two arguments and mypy (``make typecheck``, the Makefile's TYPED list) checks
every call."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = (
    "site",
    "cohorts",
    "mentors",
    "curriculum",
    "pitchday",
    "outcomes",
    "community",
    "market",
    "conversations",
)


def problems(source: str) -> list[str]:
    """``name: what is wrong`` for each public top-level function of ``source``."""
    found = []
    for function in ast.parse(source).body:
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        if function.name.startswith("_"):
            continue
        args = function.args
        wrong = []
        positional = [a.arg for a in [*args.posonlyargs, *args.args]]
        if positional:
            wrong.append("positional " + ", ".join(positional))
        if args.vararg is not None:
            wrong.append("*" + args.vararg.arg)
        missing = [a.arg for a in args.kwonlyargs if a.annotation is None]
        if args.kwarg is not None and args.kwarg.annotation is None:
            missing.append("**" + args.kwarg.arg)
        if missing:
            wrong.append("no annotation on " + ", ".join(missing))
        if function.returns is None:
            wrong.append("no return annotation")
        if wrong:
            found.append(f"{function.name}: {'; '.join(wrong)}")
    return found


def service_and_selector_modules(root: Path = ROOT) -> list[Path]:
    pattern = re.compile(r"(services|selectors)$")
    found = []
    for folder in APPS:
        for path in sorted((root / folder).rglob("*.py")):
            parts = path.relative_to(root / folder).with_suffix("").parts
            if "migrations" in parts:
                continue
            if any(pattern.search(part) for part in parts):
                found.append(path)
    return found


def offenders(root: Path = ROOT) -> list[str]:
    return [
        f"{path.relative_to(root).as_posix()}: {line}"
        for path in service_and_selector_modules(root)
        for line in problems(path.read_text(encoding="utf-8"))
    ]


def test_public_services_and_selectors_are_keyword_only_and_typed():
    assert offenders() == []


def test_guard_finds_positional_and_unannotated_parameters(tmp_path):
    module = tmp_path / "mentors" / "services" / "bookings.py"
    module.parent.mkdir(parents=True)
    module.write_text(
        "def booking_cancel(booking, *, actor, reason: str) -> None: ...\n"
        "def booking_list(*, user: int): ...\n"
        "def booking_update(*, booking: int, **fields) -> None: ...\n"
        "def booking_ok(*, booking: int, **fields: object) -> None: ...\n"
        "def _helper(x): ...\n"
    )
    (tmp_path / "mentors" / "views.py").write_text("def view(request): ...\n")
    assert offenders(tmp_path) == [
        "mentors/services/bookings.py: booking_cancel: positional booking; no annotation on actor",
        "mentors/services/bookings.py: booking_list: no return annotation",
        "mentors/services/bookings.py: booking_update: no annotation on **fields",
    ]
