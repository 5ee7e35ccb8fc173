"""Start Semilla's real processes (gunicorn web servers, django-q2 clusters) against the
test database, for integration tests that cross process boundaries."""

import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
#: var/ folder of the processes started here (static files collected once, private files)
PROCESS_VAR_DIR = ROOT / "var" / "integration"
#: the host name a load balancer presents to every web process
PUBLIC_HOST = "semilla.test"


def database_url() -> str:
    s = connection.settings_dict
    if connection.vendor == "postgresql":
        return f"postgres://{s['USER']}:{s['PASSWORD']}@{s['HOST']}:{s['PORT'] or 5432}/{s['NAME']}"
    return f"sqlite:///{s['NAME']}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def process_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "semilla.settings.production",
            # the test process signs queued tasks: the clusters must share its key
            "SECRET_KEY": settings.SECRET_KEY,
            "ALLOWED_HOSTS": f"127.0.0.1,localhost,{PUBLIC_HOST}",
            "DATABASE_URL": database_url(),
            "SECURE_SSL_REDIRECT": "false",
            "Q_WORKERS": "1",
            "EMAIL_URL": "consolemail://",
            "SEMILLA_VAR_DIR": str(PROCESS_VAR_DIR),
        }
    )
    env.update(extra)
    return env


def _stop(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    _end_group(proc.pid)
    if proc.stdout:
        proc.stdout.close()


def _end_group(pgid: int, timeout: float = 5.0) -> None:
    """End what is left of the process group once its leader has exited: gunicorn's
    workers and the task cluster's worker, monitor and pusher can outlive it by a moment,
    each holding a database connection (which keeps the test database from being dropped
    at the end of the run)."""
    deadline = time.monotonic() + timeout
    while _live_members(pgid) and time.monotonic() < deadline:
        try:
            os.killpg(pgid, signal.SIGKILL)
        except ProcessLookupError:
            return
        time.sleep(0.1)


def _live_members(pgid: int) -> list[int]:
    """The processes of group ``pgid`` that have not exited (zombies have: their
    connections are closed)."""
    members = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        state, pgrp = fields[0], int(fields[2])
        if pgrp == pgid and state != "Z":
            members.append(int(stat.parent.name))
    return members


def collect_static() -> None:
    """Production settings serve hashed, compressed static files: collect them once."""
    manifest = PROCESS_VAR_DIR / "static" / "staticfiles.json"
    if manifest.exists():
        return
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v", "0"],
        cwd=ROOT,
        env=process_env(),
        check=True,
        timeout=600,
    )


@contextmanager
def web_servers(count: int = 2, env: dict[str, str] | None = None):
    """``count`` gunicorn processes on their own ports (``env``: more environment, such as
    REDIS_URL); yields their base URLs."""
    collect_static()
    procs, urls = [], []
    try:
        for _ in range(count):
            port = free_port()
            log_dir = PROCESS_VAR_DIR / "logs"
            log_dir.mkdir(parents=True, exist_ok=True)
            log = open(log_dir / f"web-{port}.log", "wb")  # noqa: SIM115 - closed by _stop
            proc = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "-c",
                    "gunicorn.conf.py",
                    "semilla.wsgi",
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--workers",
                    "1",
                    "--threads",
                    "4",
                ],
                cwd=ROOT,
                env=process_env(LOG_LEVEL="WARNING", **(env or {})),
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
            log.close()
            procs.append(proc)
            urls.append(f"http://127.0.0.1:{port}")
        for url in urls:
            wait_until_up(url)
        yield urls
    finally:
        for proc in procs:
            _stop(proc)


@contextmanager
def task_clusters(count: int = 2, env: dict[str, str] | None = None):
    procs = []
    try:
        log_dir = PROCESS_VAR_DIR / "logs"
        log_dir.mkdir(parents=True, exist_ok=True)
        for n in range(count):
            with open(log_dir / f"qcluster-{n}.log", "wb") as log:
                procs.append(
                    subprocess.Popen(
                        [sys.executable, "manage.py", "qcluster"],
                        cwd=ROOT,
                        env=process_env(**(env or {})),
                        stdout=log,
                        stderr=subprocess.STDOUT,
                        start_new_session=True,
                    )
                )
        yield procs
    finally:
        for proc in procs:
            _stop(proc)


def wait_until_up(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/healthz/", timeout=5) as response:  # noqa: S310
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, OSError):
            time.sleep(0.3)
    raise TimeoutError(f"{url} did not start")


class Browserless:
    """A tiny HTTP client that keeps cookies by hand (production cookies are Secure, and
    this test talks plain HTTP on loopback), shared across several servers. Like a load
    balancer, it presents one public host name to every web process."""

    def __init__(self, host: str = PUBLIC_HOST):
        self.cookies: dict[str, str] = {}
        self.host = host

    def request(
        self, url: str, data: dict | None = None, files: dict | None = None
    ) -> tuple[int, str, dict]:
        """GET, or POST ``data`` (with ``files``: ``{field: (name, type, bytes)}``, as
        multipart/form-data)."""
        content_type = "application/x-www-form-urlencoded"
        if files:
            content_type, body = _multipart(data or {}, files)
        else:
            body = urllib.parse.urlencode(data).encode() if data is not None else None
        req = urllib.request.Request(url, data=body)  # noqa: S310
        req.add_header("Host", self.host)
        if self.cookies:
            req.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        if body is not None:
            req.add_header("Content-Type", content_type)
            req.add_header("X-CSRFToken", self.cookies.get("csrftoken", ""))
        opener = urllib.request.build_opener(NoRedirect)
        try:
            response = opener.open(req, timeout=30)
        except urllib.error.HTTPError as err:
            response = err
        for header in response.headers.get_all("Set-Cookie") or []:
            name, value = header.split(";", 1)[0].split("=", 1)
            self.cookies[name.strip()] = value.strip()
        text = response.read().decode("utf-8", "replace")
        return response.status, text, dict(response.headers)

    def csrf_from(self, html: str) -> str:
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        return match.group(1) if match else ""


def _multipart(data: dict, files: dict) -> tuple[str, bytes]:
    boundary = f"semilla{secrets.token_hex(12)}"
    lines: list[bytes] = []
    for name, value in data.items():
        lines += [
            f"--{boundary}".encode(),
            f'Content-Disposition: form-data; name="{name}"'.encode(),
            b"",
            str(value).encode(),
        ]
    for name, (filename, content_type, content) in files.items():
        lines += [
            f"--{boundary}".encode(),
            f'Content-Disposition: form-data; name="{name}"; filename="{filename}"'.encode(),
            f"Content-Type: {content_type}".encode(),
            b"",
            content,
        ]
    lines += [f"--{boundary}--".encode(), b""]
    return f"multipart/form-data; boundary={boundary}", b"\r\n".join(lines)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None
