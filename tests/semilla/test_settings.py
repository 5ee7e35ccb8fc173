"""Production settings refuse unsafe defaults; `check --deploy` is clean."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOOD_ENV = {
    "SECRET_KEY": "a-long-random-production-key-0123456789-abcdefghijklmnopqrstuvwxyz",
    "ALLOWED_HOSTS": "semilla.example.org",
    "DATABASE_URL": "sqlite:////tmp/semilla-check.sqlite3",
}


def _manage(*args, env_overrides):
    env = {
        k: v
        for k, v in os.environ.items()
        if k
        not in (
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "DATABASE_URL",
            "DJANGO_SETTINGS_MODULE",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        )
    }
    env["DJANGO_SETTINGS_MODULE"] = "semilla.settings.production"
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"])
def test_production_refuses_to_start_without(missing):
    env = {k: v for k, v in GOOD_ENV.items() if k != missing}
    result = _manage("check", env_overrides=env)
    assert result.returncode != 0
    assert f"{missing} must be set" in result.stderr


@pytest.mark.slow
def test_production_check_deploy_clean():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env_overrides=GOOD_ENV)
    assert result.returncode == 0, result.stderr


def _production_setting(expression: str, **env_overrides) -> str:
    result = _manage(
        "shell",
        "-c",
        f"from django.conf import settings; print({expression})",
        env_overrides={**GOOD_ENV, **env_overrides},
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]  # after the shell's own greeting


def test_production_database_cache_keeps_far_more_than_djangos_300_entries():
    """Every signed-in person's pages and values live in the table cache: with Django's
    default of 300 entries the database cache would delete a third of them on every
    write past the 300th."""
    options = 'settings.CACHES["default"]["OPTIONS"]["MAX_ENTRIES"]'
    assert _production_setting(options) == "20000"
    assert _production_setting(options, CACHE_MAX_ENTRIES="50000") == "50000"
