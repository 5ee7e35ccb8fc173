"""Shared helpers for the benchmark suite.

- Timing: :func:`timed`, :func:`median`, :func:`interleaved` (A/B rounds in alternating
  order, so that neither contender always runs first on a warm or cold machine).
- Databases prepared for a benchmark (:func:`prepare_database`): migrated, with the cache
  table and the demo data (``seed_demo``: curriculum, cohorts, mentors, ...). The first
  preparation is kept as a template keyed by a fingerprint of the migrations and demo
  code, so later runs only copy it: a SQLite file under ``var/bench/`` (always), and a
  PostgreSQL database when ``BENCH_DATABASE_URL`` is set
  (``postgres://user@host:port/name``; ``name`` is the prefix of the databases made).
- Serving: :class:`Gunicorn` starts the site under gunicorn with the production settings
  (the repository's ``gunicorn.conf.py``, 2 workers) on a free loopback port, and
  :class:`TaskCluster` starts ``manage.py qcluster``; both log to files that benchmarks
  search for errors.
- :func:`run_load` runs ``bench/load.py`` (the load generator) in its own process.
- :func:`django_call` runs one of the Django-side set-up functions at the bottom of this
  file in a subprocess against a benchmark database (``python bench/common.py call ...``).
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import http.client
import json
import os
import secrets
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_VAR = ROOT / "var" / "bench"
PYTHON = sys.executable
MANAGE = str(ROOT / "manage.py")
PREP_SETTINGS = "semilla.settings.dev"  # seed_demo needs DEBUG; serving uses production
SERVE_SETTINGS = "semilla.settings.production"
# Lines in server and task-cluster logs that count as errors of a benchmark.
LOCKED = "database is locked"


_STARTED = time.monotonic()


def log(message: str) -> None:
    """Progress goes to standard error; results are the ``name: value`` lines."""
    print(f"[bench {time.monotonic() - _STARTED:6.1f}s] {message}", file=sys.stderr, flush=True)


# --- timing ------------------------------------------------------------------------------


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    """Seconds taken by ``fn()`` (after a garbage collection) and its result."""
    gc.collect()
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def median(values: list[float]) -> float:
    return statistics.median(values)


def interleaved(
    contenders: dict[str, Callable[[], object]], *, rounds: int
) -> dict[str, list[float]]:
    """Run every contender once per round, in an order that alternates between rounds
    (A B, B A, A B, ...); returns each contender's list of seconds."""
    names = list(contenders)
    times: dict[str, list[float]] = {name: [] for name in names}
    for round_no in range(rounds):
        order = names if round_no % 2 == 0 else names[::-1]
        for name in order:
            times[name].append(timed(contenders[name])[0])
    return times


def print_figures(figures: dict[str, object]) -> None:
    """The ``name: value`` lines every benchmark prints."""
    for name, value in figures.items():
        text = str(value).lower() if isinstance(value, bool) else value
        print(f"{name}: {text}", flush=True)


# --- processes ----------------------------------------------------------------------------


def measured_rounds(rounds: int, work: Callable[[], object]) -> tuple[float, int, object]:
    """Run ``work`` ``rounds`` times in-process (inside a Django subprocess): the median
    wall time, the SQL statements of the last round, and what its last call returned."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times: list[float] = []
    queries = 0
    result: object = None
    for _round in range(rounds):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            result = work()
            times.append(time.perf_counter() - started)
        queries = len(captured.captured_queries)
    return statistics.median(times), queries, result


def run_in_django(
    script: str, *, name: str, quick: bool, message: str, timeout: float
) -> dict[str, object]:
    """Run ``script --inner`` against a fresh copy of the SQLite bench template (development
    settings, DEBUG for query capture) and return the figures its last line prints."""
    db = prepare_sqlite(name)
    try:
        env = base_env(DJANGO_SETTINGS_MODULE=PREP_SETTINGS, DATABASE_URL=db.url, DEBUG="true")
        log(message)
        output = subprocess.run(  # noqa: S603
            [PYTHON, script, "--inner", "--rounds", "3" if quick else "7"],
            env=env,
            cwd=str(ROOT),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=True,
        )
        return json.loads(output.stdout.strip().splitlines()[-1])
    finally:
        db.cleanup()


def in_django_main(
    argv: list[str] | None,
    *,
    doc: str,
    inner: Callable[[int], dict[str, object]],
    run: Callable[[bool], dict[str, object]],
) -> int:
    """The command line of a benchmark that times code inside Django (see
    :func:`run_in_django`): ``--quick`` for fewer rounds; ``--inner`` is the subprocess."""
    import argparse

    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--rounds", type=int, default=5, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.inner:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", PREP_SETTINGS)
        print(json.dumps(inner(args.rounds)))
        return 0
    print_figures(run(args.quick))
    return 0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def base_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST"))}
    env.update({"PYTHONPATH": str(ROOT), "SEMILLA_VAR_DIR": str(BENCH_VAR)})
    env.update(extra)
    return env


def manage(*args: str, env: dict[str, str], timeout: float = 900) -> str:
    """Run ``manage.py`` and return its output; raise with the output's tail on failure."""
    proc = subprocess.run(  # noqa: S603
        [PYTHON, MANAGE, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if proc.returncode != 0:
        tail = (proc.stdout + proc.stderr)[-3000:]
        raise RuntimeError(f"manage.py {' '.join(args)} failed ({proc.returncode}):\n{tail}")
    return proc.stdout


def http_get(port: int, path: str, timeout: float = 10) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path, headers={"Host": f"127.0.0.1:{port}"})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


# --- databases ----------------------------------------------------------------------------


def fingerprint() -> str:
    """Changes when the demo data or the starter curriculum change. (New migrations do
    not need a new template: every preparation migrates the template first.) The runner
    pins it for its whole run (``BENCH_FINGERPRINT``), so code edited meanwhile does not
    send every benchmark back to preparing a template."""
    pinned = os.environ.get("BENCH_FINGERPRINT", "")
    if pinned:
        return pinned
    digest = hashlib.sha256()
    patterns = ["*/demo.py", "curriculum/content/**/*", "curriculum/loader.py"]
    files = sorted({p for pattern in patterns for p in ROOT.glob(pattern) if p.is_file()})
    for path in files:
        if ".venv" in path.parts or "var" in path.parts:
            continue
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


@dataclass
class Database:
    vendor: str  # "sqlite" or "postgresql"
    url: str
    cleanup: Callable[[], None] = field(repr=False, default=lambda: None)


def secret_key() -> str:
    """One secret key for the benchmark databases and servers, kept under var/bench, so
    that sessions and queued tasks made while preparing stay valid when serving."""
    path = BENCH_VAR / "secret_key"
    if not path.exists():
        BENCH_VAR.mkdir(parents=True, exist_ok=True)
        path.write_text("bench-" + secrets.token_urlsafe(48))
        path.chmod(0o600)
    return path.read_text().strip()


def _prep_env(url: str) -> dict[str, str]:
    return base_env(
        DJANGO_SETTINGS_MODULE=PREP_SETTINGS,
        DATABASE_URL=url,
        DEBUG="true",
        SECRET_KEY=secret_key(),
    )


def _migrations_state() -> str:
    digest = hashlib.sha256()
    for path in sorted(ROOT.glob("*/migrations/*.py")):
        stat = path.stat()
        digest.update(f"{path}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def _migrate(url: str, stamp: Path | None = None) -> None:
    """Apply migrations (and the cache table) unless ``stamp`` says they already were."""
    state = _migrations_state()
    if stamp is not None and stamp.exists() and stamp.read_text() == state:
        return
    env = _prep_env(url)
    manage("createcachetable", env=env)  # first: migrations' writes bump the table cache
    manage("migrate", "--no-input", "-v", "0", env=env)
    if stamp is not None:
        stamp.write_text(state)


def _seed(url: str) -> None:
    log("  migrate")
    _migrate(url)
    log("  demo data")
    failures = _django_run(_prep_env(url), "seed")
    for app, error in failures.items():
        log(f"  WARNING: the {app} demo data failed ({error}); the benchmark goes on without it")


def _sqlite_copy(source: Path, target: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


def _reuse_templates() -> bool:
    """``BENCH_KEEP_TEMPLATE=1`` reuses the last template even when the fingerprint
    changed (while developing benchmarks next to moving code; never in CI)."""
    return os.environ.get("BENCH_KEEP_TEMPLATE", "") in ("1", "true", "yes")


@contextlib.contextmanager
def _preparation_lock(vendor: str) -> Iterator[None]:
    """One preparation per database vendor at a time across processes (benchmarks may
    run side by side; the SQLite and PostgreSQL templates may be built at once)."""
    import fcntl

    BENCH_VAR.mkdir(parents=True, exist_ok=True)
    with open(BENCH_VAR / f"prepare-{vendor}.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def prepare_sqlite(name: str) -> Database:
    with _preparation_lock("sqlite"):
        return _prepare_sqlite(name)


def _prepare_sqlite(name: str) -> Database:
    BENCH_VAR.mkdir(parents=True, exist_ok=True)
    template = BENCH_VAR / f"template-{fingerprint()}.sqlite3"
    existing = sorted(
        (p for p in BENCH_VAR.glob("template-*.sqlite3") if p.name != "template-building.sqlite3"),
        key=lambda p: p.stat().st_mtime,
    )
    if _reuse_templates() and existing and not template.exists():
        template = existing[-1]
    if not template.exists():
        for old in BENCH_VAR.glob("template-*"):
            old.unlink()
        log(f"preparing the SQLite template {template.name} (first run: a few minutes)")
        building = BENCH_VAR / "template-building.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{building}{suffix}").unlink(missing_ok=True)
        _seed(f"sqlite:///{building}")
        _sqlite_copy(building, template)
        template.with_suffix(".migrated").write_text(_migrations_state())
        for suffix in ("", "-wal", "-shm"):
            Path(f"{building}{suffix}").unlink(missing_ok=True)
    else:  # new migrations since the template was made
        _migrate(f"sqlite:///{template}", template.with_suffix(".migrated"))
    target = BENCH_VAR / f"{name}.sqlite3"
    _sqlite_copy(template, target)

    def cleanup() -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)

    return Database("sqlite", f"sqlite:///{target}", cleanup)


def _pg_admin(url: str):
    import psycopg

    parts = urllib.parse.urlsplit(url)
    admin = parts._replace(path="/postgres").geturl()
    return psycopg.connect(admin, autocommit=True)


def prepare_postgresql(name: str, url: str) -> Database:
    with _preparation_lock("postgresql"):
        return _prepare_postgresql(name, url)


def _prepare_postgresql(name: str, url: str) -> Database:
    parts = urllib.parse.urlsplit(url)
    prefix = parts.path.lstrip("/") or "semilla_bench"
    template = f"{prefix}_tpl_{fingerprint()}"
    target = f"{prefix}_{name}"
    with _pg_admin(url) as conn:
        existing = {
            row[0]
            for row in conn.execute(
                "SELECT datname FROM pg_database WHERE datname LIKE %s", [f"{prefix}_%"]
            )
        }
        templates = sorted(d for d in existing if d.startswith(f"{prefix}_tpl_"))
        if _reuse_templates() and templates and template not in existing:
            template = templates[-1]
        if template not in existing:
            for old in existing:
                if old.startswith(f"{prefix}_tpl_"):
                    conn.execute(f'DROP DATABASE IF EXISTS "{old}" WITH (FORCE)')
            building = f"{prefix}_building"
            conn.execute(f'DROP DATABASE IF EXISTS "{building}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{building}"')
            log(f"preparing the PostgreSQL template {template} (first run: a few minutes)")
            _seed(parts._replace(path=f"/{building}").geturl())
            conn.execute(f'ALTER DATABASE "{building}" RENAME TO "{template}"')
            (BENCH_VAR / f"{template}.migrated").write_text(_migrations_state())
        else:
            stamp = BENCH_VAR / f"{template}.migrated"
            _migrate(parts._replace(path=f"/{template}").geturl(), stamp)
        conn.execute(f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{target}" TEMPLATE "{template}"')

    def cleanup() -> None:
        with _pg_admin(url) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)')

    return Database("postgresql", parts._replace(path=f"/{target}").geturl(), cleanup)


def databases(name: str) -> Iterator[Database]:
    """SQLite always; PostgreSQL too when ``BENCH_DATABASE_URL`` is set."""
    yield prepare_sqlite(name)
    url = os.environ.get("BENCH_DATABASE_URL", "")
    if url:
        yield prepare_postgresql(name, url)


# --- serving ------------------------------------------------------------------------------


def serve_env(db: Database, secret_key: str) -> dict[str, str]:
    """The production settings, configured for plain HTTP on loopback."""
    return base_env(
        DJANGO_SETTINGS_MODULE=SERVE_SETTINGS,
        SECRET_KEY=secret_key,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=db.url,
        SECURE_SSL_REDIRECT="false",
        SECURE_HSTS_SECONDS="0",
        SEMILLA_BENCH_BASELINE="true",
        LOG_LEVEL="WARNING",
        EMAIL_URL="consolemail://",
    )


def collectstatic(env: dict[str, str]) -> None:
    """Hashed, compressed static files (whitenoise's manifest storage) under var/bench,
    collected again only when a static source changed."""
    digest = hashlib.sha256()
    import django
    import wagtail

    digest.update(f"{django.__version__} {wagtail.__version__}".encode())
    sources = [ROOT / "static", *ROOT.glob("*/static")]
    for path in sorted(
        p for d in sources if d.parts[-2] not in (".venv", "var") for p in d.rglob("*")
    ):
        if path.is_file():
            stat = path.stat()
            digest.update(f"{path}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    stamp = BENCH_VAR / "static.stamp"
    if stamp.exists() and stamp.read_text() == digest.hexdigest():
        return
    log("collecting static files (first run)")
    manage("collectstatic", "--no-input", "-v", "0", env=env)
    stamp.write_text(digest.hexdigest())


class _Process:
    """A background process started in its own process group, logging to a file."""

    name = "process"

    def __init__(self, args: list[str], env: dict[str, str], log_path: Path) -> None:
        self.args, self.env, self.log_path = args, env, log_path
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        self._log = open(self.log_path, "wb")  # noqa: SIM115
        self.proc = subprocess.Popen(  # noqa: S603
            self.args,
            cwd=ROOT,
            env=self.env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def stop(self) -> None:
        if self.proc is None:
            return
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        self._log.close()
        self.proc = None

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def count(self, needle: str) -> int:
        return self.log_text().count(needle)

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


class Gunicorn(_Process):
    """The site under gunicorn with ``gunicorn.conf.py`` and 2 workers.

    Two settings differ from the configuration file, for the measurement's sake: access
    logging is off (the log would cost as much as a small page), and ``max_requests`` is 0
    (a worker restart every 2,000 requests means one every second or two under this load;
    in production it happens a few times a day)."""

    name = "gunicorn"

    def __init__(
        self,
        env: dict[str, str],
        log_path: Path,
        workers: int = 2,
        app: str = "semilla.wsgi:application",
    ) -> None:
        self.port = free_port()
        env = {**env, "WEB_CONCURRENCY": str(workers), "GUNICORN_BIND": f"127.0.0.1:{self.port}"}
        self.health_path = "/healthz/" if app.startswith("semilla.") else "/"
        args = [
            PYTHON, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py"),
            "--access-logfile", "/dev/null", "--max-requests", "0", app,
        ]  # fmt: skip
        super().__init__(args, env, log_path)

    def start(self) -> None:
        super().start()
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"gunicorn exited:\n{self.log_text()[-3000:]}")
            with contextlib.suppress(OSError, http.client.HTTPException):
                if http_get(self.port, self.health_path)[0] == 200:
                    return
            time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"gunicorn did not answer within 120 s:\n{self.log_text()[-3000:]}")


class TaskCluster(_Process):
    """``manage.py qcluster`` with the same settings as the web processes."""

    name = "qcluster"

    def __init__(self, env: dict[str, str], log_path: Path) -> None:
        super().__init__([PYTHON, MANAGE, "qcluster"], env, log_path)


def run_load(plan: dict, timeout: float) -> dict:
    """Run the load generator in its own process with ``plan``; return its results."""
    proc = subprocess.run(  # noqa: S603
        [PYTHON, str(ROOT / "bench" / "load.py"), "-"],
        input=json.dumps(plan),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        cwd=ROOT,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"load generator failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout)


# --- Django-side set-up, run in a subprocess against a benchmark database -------------------


def django_call(db: Database, function: str, secret_key: str, **kwargs) -> object:
    """Run ``dj_<function>(**kwargs)`` below with Django set up on ``db``; return its
    JSON result. ``secret_key`` must be the server's (sessions are signed with it)."""
    env = base_env(
        DJANGO_SETTINGS_MODULE=SERVE_SETTINGS,
        SECRET_KEY=secret_key,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=db.url,
        SECURE_SSL_REDIRECT="false",
    )
    return _django_run(env, function, **kwargs)


def _django_run(env: dict[str, str], function: str, **kwargs) -> object:
    proc = subprocess.run(  # noqa: S603
        [PYTHON, __file__, "call", function, json.dumps(kwargs)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"{function} failed:\n{(proc.stdout + proc.stderr)[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def dj_seed() -> dict[str, str]:
    """The demo data of every app (as ``seed_demo``), one app at a time: an app whose demo
    fails (code being changed) is reported and skipped, the others still load."""
    import importlib

    from semilla.management.commands.seed_demo import APP_DEMOS

    failures: dict[str, str] = {}
    for app in APP_DEMOS:
        try:
            module = importlib.import_module(f"{app}.demo")
        except ModuleNotFoundError as exc:
            if exc.name == f"{app}.demo":
                continue
            failures[app] = f"{type(exc).__name__}: {exc}"
            continue
        try:
            module.seed(stdout=sys.stderr)
        except Exception as exc:  # noqa: BLE001 - reported, the other apps still load
            failures[app] = f"{type(exc).__name__}: {exc}"
    # Benchmarks start with an empty task queue: only the load's own tasks are measured.
    from django_q.models import OrmQ

    OrmQ.objects.all().delete()
    return failures


def dj_pages() -> dict[str, str]:
    """Paths of the pages the serving benchmarks load (Spanish)."""
    from django.urls import NoReverseMatch, reverse
    from django.utils import translation

    from curriculum.models import LessonPage

    translation.activate("es")
    lesson = LessonPage.objects.live().filter(locale__language_code="es").order_by("path").first()
    paths = {"home": "/es/", "lesson": lesson.url if lesson else ""}
    for name, url_name in [
        ("cohort_list", "cohorts:list"),
        ("signup", "account_signup"),
        ("login", "account_login"),
    ]:
        try:
            paths[name] = reverse(url_name)
        except NoReverseMatch:
            paths[name] = ""
    return paths


def dj_visitors(count: int, password: str) -> dict[str, object]:
    """``count`` signed-in entrepreneurs, each with a draft application in an open cohort
    and a session; plus the e-mail of an account that logs in with ``password``."""
    from allauth.account.models import EmailAddress
    from django.conf import settings
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.urls import reverse
    from django.utils import timezone, translation
    from django.utils.module_loading import import_string

    from cohorts import selectors as cohort_selectors
    from cohorts import services as cohort_services
    from cohorts.forms import AboutForm

    translation.activate("es")
    User = get_user_model()  # noqa: N806
    SessionStore = import_string(f"{settings.SESSION_ENGINE}.SessionStore")  # noqa: N806
    cohort = cohort_selectors.cohorts_open().first()
    visitors = []
    for i in range(count):
        email = f"carga{i:03d}@bench.semilla.invalid"
        user, _ = User.objects.get_or_create(
            email=email, defaults={"full_name": f"Persona de carga {i}"}
        )
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        variables: dict[str, str] = {}
        form_data: dict[str, object] = {}
        if cohort is not None:
            application = cohort_services.application_start(user=user, cohort=cohort)
            form = AboutForm(instance=application)
            form_data = {
                "birth_date": "1991-04-12",
                "sex": form.fields["sex"].choices[1][0],
                "population_group": form.fields["population_group"].choices[0][0],
                "nationality": form.fields["nationality"].choices[1][0],
                "document_type": form.fields["document_type"].choices[1][0],
                "municipality": str(form.fields["municipality"].choices[1][0]),
                "phone": "+57 300 123 4567",
            }
            # the documents offered depend on the answers (nationality, population group):
            # the first one this draft accepts
            for choice, _label in form.fields["document_type"].choices:
                if not choice:
                    continue
                form_data["document_type"] = choice
                check = AboutForm(data=form_data, instance=application)
                if check.is_valid():
                    break
            if not check.is_valid():
                raise RuntimeError(f"the draft form does not validate: {check.errors.as_json()}")
            variables["draft_path"] = reverse(
                "cohorts:step", kwargs={"pk": application.pk, "step": "about"}
            )
        visitors.append(
            {
                "email": email,
                "cookies": {settings.SESSION_COOKIE_NAME: session.session_key},
                "vars": variables,
                "draft_form": {k: str(v) for k, v in form_data.items()},
            }
        )
    booking_days: list[str] = []
    try:
        booking_days = _booking_pairs([User.objects.get(email=v["email"]) for v in visitors])
        bookings = "" if booking_days else "no free day on the booking page"
    except Exception as exc:  # noqa: BLE001 - the mix then runs without bookings
        bookings = f"{type(exc).__name__}: {exc}"
    login_user, created = User.objects.get_or_create(
        email="acceso@bench.semilla.invalid", defaults={"full_name": "Persona que entra"}
    )
    if created or not login_user.check_password(password):
        login_user.set_password(password)
        login_user.save()
    EmailAddress.objects.update_or_create(
        user=login_user, email=login_user.email, defaults={"verified": True, "primary": True}
    )
    return {
        "visitors": visitors,
        "login_email": login_user.email,
        "cohort": cohort.slug if cohort else "",
        "bookings_unavailable": bookings,
        "booking_days": booking_days,
        "now": timezone.now().isoformat(),
    }


def _booking_pairs(users: list) -> list[str]:
    """Each visitor becomes the mentee of an accepted match in a mentoring cohort, with a
    mentor (one for every two visitors) free three hours every morning for two weeks, so
    that the mixed load can book sessions (``/es/mentores/reservar/``). Returns the days
    (``YYYY-MM-DD``, in the first visitor's zone) on which the booking page offers times:
    the page lists the days, a day's page (``?dia=``) its times (``hora=``), and the form
    posts one of them."""
    import datetime

    from django.db import transaction
    from django.utils import timezone

    from cohorts.models import Application, Cohort, Participant, Programme
    from mentors.models import Match, MentorProfile, WeeklyAvailability
    from semilla.models import User

    now = timezone.now()
    with transaction.atomic():
        programme, _ = Programme.objects.get_or_create(name="Programa de carga")
        cohort, _ = Cohort.objects.get_or_create(
            slug="cohorte-de-carga-mentorias",
            defaults={
                "programme": programme,
                "name": "Cohorte de carga (mentorías)",
                "city": "cucuta",
                "starts_on": now.date(),
                "ends_on": now.date() + datetime.timedelta(days=90),
                "seats": 1000,
                "opens_at": now - datetime.timedelta(days=30),
                "closes_at": now - datetime.timedelta(days=1),
                "mentoring_hours_per_pair": 500,
                "max_upcoming_bookings": 500,
            },
        )
        mentors = []
        for i in range((len(users) + 1) // 2):
            mentor_user, _ = User.objects.get_or_create(
                email=f"mentora{i:03d}@bench.semilla.invalid",
                defaults={"full_name": f"Mentora de carga {i}"},
            )
            mentor, created = MentorProfile.objects.get_or_create(
                user=mentor_user,
                defaults={
                    "status": "active",
                    "headline": "Finanzas",
                    "bio": "Mentora del benchmark",
                    "expertise": ["finance"],
                    "languages": ["es"],
                    "capacity": 10,
                    "min_notice_hours": 0,
                    "buffer_minutes": 0,
                    "horizon_days": 14,
                },
            )
            if created:
                WeeklyAvailability.objects.bulk_create(
                    WeeklyAvailability(
                        mentor=mentor,
                        weekday=day,
                        start_time=datetime.time(8),
                        end_time=datetime.time(11),
                    )
                    for day in range(7)
                )
            mentors.append(mentor)
        for n, user in enumerate(users):
            application, _ = Application.objects.get_or_create(
                user=user,
                cohort=cohort,
                defaults={"status": "confirmed", "submitted_at": now, "languages": ["es"]},
            )
            participant, _ = Participant.objects.get_or_create(
                cohort=cohort, user=user, defaults={"application": application}
            )
            Match.objects.get_or_create(
                cohort=cohort,
                participant=participant,
                defaults={"mentor": mentors[n // 2], "status": "accepted", "respond_by": now},
            )
        for mentor in mentors:
            MentorProfile.objects.filter(pk=mentor.pk).update(
                active_mentees=Match.objects.filter(mentor=mentor).count()
            )
    from zoneinfo import ZoneInfo

    from mentors import selectors as mentor_selectors
    from semilla.timezones import default_timezone

    if not users:
        return []
    first = users[0]
    match = mentor_selectors.accepted_match_for_mentee(user=first)
    if match is None:
        return []
    zone = ZoneInfo(default_timezone(first))
    options = mentor_selectors.booking_options(match=match, zone=zone)
    return [d.day.isoformat() for d in options.days]


def dj_serving_setup() -> dict[str, object]:
    """What the serving benchmark needs: page paths (a lesson, the cohort list, an open
    cohort's page) and a signed-in session for the demo account of each role (with the
    second factor passed for the roles that need it, as allauth records a sign-in with
    password and TOTP code). The warm-up reads the lesson once with the entrepreneur's
    session, so the benchmark measures the repeat view (P11)."""
    from allauth.account.internal.flows.login import record_authentication
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.conf import settings
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.utils import translation
    from django.utils.module_loading import import_string

    from cohorts import selectors as cohort_selectors
    from semilla.demo import DEMO_ACCOUNTS
    from semilla.permissions import requires_second_factor

    translation.activate("es")
    User = get_user_model()  # noqa: N806
    SessionStore = import_string(f"{settings.SESSION_ENGINE}.SessionStore")  # noqa: N806
    pages = dj_pages()
    cohort = cohort_selectors.cohorts_open().first()
    pages["cohort"] = cohort.get_absolute_url() if cohort else ""
    sessions: dict[str, str] = {}
    for account in DEMO_ACCOUNTS:
        if account.superuser or len(account.roles) != 1:
            continue
        user = User.objects.filter(email=account.email).first()
        if user is None:
            continue
        if (
            requires_second_factor(user)
            and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
        ):
            TOTP.activate(user, generate_totp_secret())

        class _Request:  # what allauth's record_authentication reads and writes
            session = SessionStore()

        request = _Request()
        request.session[SESSION_KEY] = str(user.pk)
        request.session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        request.session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        record_authentication(request, user, "password", email=user.email)
        if requires_second_factor(user):
            record_authentication(request, user, "mfa", type="totp")
        request.session.create()
        sessions[str(account.roles[0])] = (
            f"{settings.SESSION_COOKIE_NAME}={request.session.session_key}"
        )
    return {"pages": pages, "sessions": sessions}


def dj_profile(
    path: str,
    role: str = "",
    requests: int = 30,
    top: int = 40,
    callees: str = "",
    sort: str = "cumulative",
    callers: str = "",
) -> dict[str, str]:
    """Profile ``requests`` GETs of ``path`` (as the demo account of ``role``, or
    anonymous) in this process with the serving settings; the top functions by
    ``sort`` (cumulative time, or e.g. ``tottime``), as text, and what the functions
    matching ``callees`` (a regular expression) call and those matching ``callers`` are
    called by. ``python bench/profile_page.py`` prints it."""
    import cProfile
    import io
    import pstats

    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    if role:
        name, key = dj_serving_setup()["sessions"][role].split("=", 1)
        client.cookies[name] = key
    for _ in range(3):  # warm: caches, remembered routes, the first visit's write
        status = client.get(path).status_code
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(requests):
        client.get(path)
    profile.disable()
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out)
    stats.sort_stats(sort).print_stats(top)
    if callees:
        stats.print_callees(callees)
    if callers:
        stats.print_callers(callers)
    return {"status": str(status), "profile": out.getvalue()}


def dj_mixed_setup(count: int, password: str) -> dict[str, object]:
    """What the mixed-load benchmark needs, in one process: page paths, visitors, counts."""
    return {"pages": dj_pages(), **dj_visitors(count, password), "counts": dj_counts()}


def dj_counts() -> dict[str, int]:
    """Row counts that the mixed-load benchmark reports (what the writes did)."""
    from django.contrib.auth import get_user_model
    from django.contrib.sessions.models import Session
    from django_q.models import Success

    from cohorts.models import Application
    from mentors.models import Booking

    return {
        "bookings": Booking.objects.count(),
        "users": get_user_model().objects.count(),
        "sessions": Session.objects.count(),
        "tasks_done": Success.objects.count(),
        "applications_about_done": Application.objects.exclude(current_step="about").count(),
    }


def _call_main(argv: list[str]) -> int:
    import django

    django.setup()
    function = globals()[f"dj_{argv[1]}"]
    result = function(**json.loads(argv[2]))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] != "call":
        print("usage: bench/common.py call <function> '<json kwargs>'", file=sys.stderr)
        raise SystemExit(2)
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
    sys.path.insert(0, str(ROOT))
    raise SystemExit(_call_main(sys.argv[1:]))
