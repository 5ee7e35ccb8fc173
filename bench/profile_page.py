"""Profile one page as the serving benchmark loads it: the production settings on the
benchmark database, the demo account of a role (or anonymous), cProfile over a number of
requests made in-process (no HTTP), the top functions by cumulative time.

Usage::

    python bench/profile_page.py /es/mi-espacio/ --role entrepreneur [--requests 30]
        [--sort tottime] [--callers 'registry.py.*is_installed'] [--callees 'serve']
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (  # noqa: E402
    collectstatic,
    django_call,
    prepare_sqlite,
    secret_key,
    serve_env,
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path")
    parser.add_argument("--role", default="", help="a role's demo account (default: anonymous)")
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--sort", default="cumulative", help="cumulative, tottime, ncalls...")
    parser.add_argument(
        "--callers", default="", help="also show what calls functions matching this"
    )
    parser.add_argument("--callees", default="", help="also show what functions matching this call")
    args = parser.parse_args(argv)
    db = prepare_sqlite("profile")
    try:
        collectstatic(serve_env(db, secret_key()))  # the pages link hashed static files
        result = django_call(
            db, "profile", secret_key(), path=args.path, role=args.role,
            requests=args.requests, top=args.top, sort=args.sort,
            callers=args.callers, callees=args.callees,
        )  # fmt: skip
    finally:
        db.cleanup()
    print(f"status {result['status']}")
    print(result["profile"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
