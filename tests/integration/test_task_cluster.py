"""A real django-q2 cluster (`manage.py qcluster` in its own process) picks up a task
queued through the ORM broker and completes it."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.integration, pytest.mark.slow]


def _database_url() -> str:
    s = connection.settings_dict
    if connection.vendor == "postgresql":
        return f"postgres://{s['USER']}:{s['PASSWORD']}@{s['HOST']}:{s['PORT'] or 5432}/{s['NAME']}"
    return f"sqlite:///{s['NAME']}"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_qcluster_process_runs_queued_task(monkeypatch):
    from django_q.conf import Conf
    from django_q.models import Success
    from django_q.tasks import async_task

    monkeypatch.setattr(Conf, "SYNC", False)
    task_id = async_task("semilla.tasks.ping", "hola")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "semilla.settings.test",
        "Q_SYNC": "false",
        "DATABASE_URL": _database_url(),
        "Q_WORKERS": "1",
    }
    proc = subprocess.Popen(
        [sys.executable, "manage.py", "qcluster"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        done = None
        while time.monotonic() < deadline:
            done = Success.objects.filter(id=task_id).first()
            if done is not None:
                break
            time.sleep(0.5)
        assert done is not None, "the cluster did not complete the task within 60 s"
        assert done.result == "hola"
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        if proc.stdout:
            proc.stdout.close()
