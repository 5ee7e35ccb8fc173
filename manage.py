#!/usr/bin/env python
"""Django's command-line utility for Semilla (development settings by default)."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "semilla.settings.dev")
    try:
        from django.core.management import execute_from_command_line
    except ImportError as exc:  # pragma: no cover
        raise ImportError("Django is not installed: run `make run` (it creates .venv).") from exc
    try:
        import semilla  # noqa: F401
    except ImportError as exc:  # pragma: no cover
        raise ImportError(
            "The package 'semilla' (the folder site/) is not installed: run `make run`, or"
            " `pip install -e .` inside your virtual environment."
        ) from exc
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
