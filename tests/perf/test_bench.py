"""The benchmark suite's own parts: every registered benchmark exposes ``run(quick)``, the
runner judges goals as the issue states them, the load generator counts what it sees, and
the baseline view and SQL counter behave (they are mounted only for benchmarks)."""

import http.server
import importlib
import inspect
import threading
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.test import RequestFactory
from django.urls import NoReverseMatch, reverse

from bench import load, run
from semilla import benchmark

BENCH_DIR = Path(run.__file__).parent


def _present_benchmarks() -> list[str]:
    return [name for name in run.discover([]) if (BENCH_DIR / f"{name}.py").exists()]


@pytest.mark.parametrize("name", _present_benchmarks())
def test_benchmark_module_exposes_run_quick(name):
    module = importlib.import_module(f"bench.{name}")

    parameters = list(inspect.signature(module.run).parameters)

    assert callable(module.run)
    assert parameters == ["quick"]


def test_discover_lists_registered_benchmarks_first():
    names = run.discover([])

    assert names[: len(run.REGISTRY)] == list(run.REGISTRY)
    assert set(names) & run.HELPERS == set()


def test_evaluate_pass_and_miss_with_targets():
    figures = {
        "serving_sqlite_cached_ratio": 0.9,
        "serving_sqlite_cached_sql_per_request": 0.0,
        "serving_sqlite_uncached_ratio": 0.2,
        "matching_ratio": 0.5,
        "matching_objectives_equal": False,
        "mixed_sqlite_database_locked": 0,
        "mixed_sqlite_status_5xx": 0,
    }

    rows = {(r["goal"], r["what"]): (r["result"], r["target"]) for r in run.evaluate(figures)}

    assert rows == {
        ("P1", "cached lesson ÷ bare view, sqlite"): ("PASS", "≥ 0.7"),
        ("P2", "uncached lesson ÷ bare view, sqlite"): ("MISS", "≥ 0.25"),
        ("P4", "matching ÷ scipy dense, same objective"): ("MISS", "≤ 1"),
        ("P9", "mixed load 90/10, 'database is locked', sqlite"): ("PASS", "= 0"),
    }


def test_evaluate_cached_page_with_queries_misses():
    figures = {"serving_sqlite_cached_ratio": 0.9, "serving_sqlite_cached_sql_per_request": 3.0}

    (row,) = [r for r in run.evaluate(figures) if r["goal"] == "P1"]

    assert row["result"] == "MISS"
    assert row["notes"] == "serving_sqlite_cached_sql_per_request=3"


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):  # noqa: N802 - the standard library's name
        body = b"hola"
        self.send_response(200 if self.path == "/ok" else 404)
        self.send_header("Content-Length", str(len(body)))
        self.send_header(load.QUERIES_HEADER, "0")
        self.send_header("Set-Cookie", "csrftoken=abc; Path=/")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def tiny_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def test_load_ab_rounds_count_statuses_and_queries(tiny_server):
    plan = {
        "mode": "ab", "host": "127.0.0.1", "port": tiny_server, "connections": 2,
        "rounds": 3, "seconds": 0.05, "warmup": 0.01,
        "targets": [{"name": "a", "path": "/ok"}, {"name": "b", "path": "/missing"}],
    }  # fmt: skip

    result = load.run_ab(plan)

    a, b = result["targets"]["a"], result["targets"]["b"]
    assert len(a["rps"]) == 3
    assert set(a["statuses"]) == {"200"}
    assert set(b["statuses"]) == {"404"}
    assert a["queries"] == {"0": a["requests"]}
    assert a["mean_bytes"] == 4


def test_load_client_keeps_cookies(tiny_server):
    client = load.Client("127.0.0.1", tiny_server)

    response = client.request("GET", "/ok")
    client.close()

    assert response.status == 200
    assert client.cookies == {"csrftoken": "abc"}


def test_baseline_view_is_not_mounted_outside_benchmarks():
    with pytest.raises(NoReverseMatch):
        reverse("bench_baseline")


def test_baseline_view_answers_plain_ok():
    response = benchmark.baseline(RequestFactory().get("/bench/baseline/"))

    assert response.status_code == 200
    assert response.content == b"ok\n"


def test_baseline_view_refuses_post():
    response = benchmark.baseline(RequestFactory().post("/bench/baseline/"))

    assert response.status_code == 405


@pytest.mark.django_db
def test_query_count_middleware_counts_statements():
    def view(request):
        list(get_user_model().objects.all())
        get_user_model().objects.filter(pk=1).exists()
        return benchmark.baseline(request)

    response = benchmark.QueryCountMiddleware(view)(RequestFactory().get("/"))

    assert response[benchmark.QUERIES_HEADER] == "2"
    assert response[benchmark.CACHE_QUERIES_HEADER] == "0"


def test_evaluate_list_pages_goal_needs_equal_and_few_queries():
    figures = {
        "lists_ratio": 1.2,
        "lists_max_queries": 14,
        "lists_queries_equal": True,
        "lists_pages_failed": 0,
    }

    (passing,) = [r for r in run.evaluate(figures) if r["goal"] == "P3"]
    (too_many,) = [
        r for r in run.evaluate({**figures, "lists_max_queries": 16}) if r["goal"] == "P3"
    ]
    (growing,) = [
        r for r in run.evaluate({**figures, "lists_queries_equal": False}) if r["goal"] == "P3"
    ]

    assert (passing["result"], passing["target"]) == ("PASS", "≤ 1.5")
    assert too_many["result"] == "MISS"
    assert growing["result"] == "MISS"


def test_load_pick_chooses_a_value_found_on_the_form_page():
    import random

    body = (
        b'<input name="starts_at" value="2026-12-01T13:00:00+00:00">'
        b'<input name="starts_at" value="2026-12-02T13:00:00+00:00">'
    )
    fields = {"starts_at": r'name="starts_at" value="([^"]+)"'}

    picked = load._pick(fields, body, random.Random(1))

    assert picked["starts_at"] in {"2026-12-01T13:00:00+00:00", "2026-12-02T13:00:00+00:00"}
    assert load._pick(fields, b"<p>no free times</p>", random.Random(1)) is None


def test_mixed_load_books_sessions_only_when_the_pairs_exist():
    from bench import mixed_load

    pages = {"lesson": "/es/aprende/x/", "cohort_list": "/es/cohortes/", "signup": "/s/",
             "login": "/l/"}  # fmt: skip

    with_bookings = {a["name"] for a in mixed_load.actions(pages, "c", "a@b.c", True)}
    without = {a["name"] for a in mixed_load.actions(pages, "c", "a@b.c", False)}

    assert "booking" in with_bookings
    assert with_bookings - without == {"booking"}
