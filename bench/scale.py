"""Benchmark: the staff lists, dashboards and exports with 100 times the rows (data at scale).

The pages of ``bench/lists.py`` (the console's application, participant and session lists,
a cohort's selection board, the indicator dashboard, the access audit, a reviewer's queue,
the finance desk's home, grants, payments and reconciliation, the console's home, "Mi
espacio" of programme staff, finance and a funder, the funders' indicator page) and its
exports, timed side by side on two copies of the benchmark database: one with 1,000
applicants, one with ``1,000 × factor``. At the default factor 100 that is issue 22's
scale: 100,000 submitted applications, 20,000 participants, 500,000 mentoring sessions
(over 200 mentors and 20,000 accepted matches), 50,000 ledger rows (25,000 grants, 50,000
tranches, 25,000 paid disbursements and 2,500 requested), 100,000 review assignments
(100 per reviewer) and 100,000 access-audit rows; all bulk inserted. The goal: the same
number of queries, at most 1.5 times the time at 1,000 rows, and exports linear
(``scale_exports_linear``: applicants per second at the large size at least two thirds of
the small size's).

``BENCH_SCALE_FACTOR`` sets the factor (the default 100; 10 with ``--quick``, so that a
CI-like run finishes in a few minutes).

Usage::

    python bench/scale.py [--quick]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import log, print_figures  # noqa: E402
from bench.lists import measure  # noqa: E402

BASE_ROWS = 1000


def factor(quick: bool) -> int:
    return int(os.environ.get("BENCH_SCALE_FACTOR", "10" if quick else "100"))


def run(quick: bool) -> dict[str, object]:
    big = BASE_ROWS * factor(quick)
    log(f"data at scale: {BASE_ROWS:,} and {big:,} rows per list")
    figures = measure((BASE_ROWS, big), rounds=5, repeat=1, prefix="scale")
    return {"scale_rows": big, **figures}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="factor 10, for CI-like runs")
    args = parser.parse_args(argv)
    print_figures(run(args.quick))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
