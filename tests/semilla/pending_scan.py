"""The shape shared by the guards that scan our modules with a table of pending files
(function-level imports, typed services): a file in the table must hold exactly the
number it says (so the table only shrinks), any other file must hold none."""

from collections.abc import Callable, Iterable
from pathlib import Path


def pending_offenders(
    paths: Iterable[Path],
    *,
    root: Path,
    pending: dict[str, int],
    check: Callable[[str], list],
    what: str,
) -> list[str]:
    found = []
    for path in paths:
        relative = path.relative_to(root).as_posix()
        wrong = check(path.read_text(encoding="utf-8"))
        if relative in pending:
            if len(wrong) != pending[relative]:
                found.append(f"{relative}: {len(wrong)} {what}, PENDING says {pending[relative]}")
            continue
        found.extend(f"{relative}:{line}" for line in wrong)
    return found
