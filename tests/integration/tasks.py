"""Task wrappers used by the integration tests: a real Semilla task, made to stall on its
first attempt so that a test can kill the worker at a chosen moment."""

import os
import time
from pathlib import Path

from django.db import transaction
from django.utils.module_loading import import_string

#: how long the first attempt stalls (the test kills the worker well before this)
STALL_SECONDS = 90


def stall_first_attempt(task_path: str, marker: str, when: str, *args, **kwargs):
    """Run the task ``task_path``. On the first attempt (no ``marker`` file yet) write the
    worker's process id to ``marker`` and stall, ``when`` = "before_commit" (inside one
    transaction with the task's writes: a kill must roll them back) or "after_commit" (the
    effect is committed but the broker has not been told: the task will be delivered
    again and must not repeat the effect)."""
    task = import_string(task_path)
    first = not Path(marker).exists()
    if when == "before_commit":
        with transaction.atomic():
            result = task(*args, **kwargs)
            if first:
                _stall(marker)
        return result
    result = task(*args, **kwargs)
    if first:
        _stall(marker)
    return result


def _stall(marker: str) -> None:
    Path(marker).write_text(str(os.getpid()))
    time.sleep(STALL_SECONDS)
