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

from bench import load, run, serving, wrkload
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
        "serving_sqlite_cached_lesson_ratio": 0.9,
        "serving_sqlite_cached_lesson_sql_per_request": 0,
        "serving_sqlite_uncached_lesson_ratio": 0.2,
        "serving_sqlite_dashboard_mentor_ratio": 0.16,
        "serving_sqlite_signed_in_lesson_ratio": 0.14,
        "serving_sqlite_cohort_list_ratio": 0.6,
        "serving_sqlite_cohort_list_sql_per_request": 0,
        "matching_ratio": 0.5,
        "matching_objectives_equal": False,
        "mixed_sqlite_database_locked": 0,
        "mixed_sqlite_status_5xx": 0,
    }

    rows = {(r["goal"], r["what"]): (r["result"], r["target"]) for r in run.evaluate(figures)}

    assert rows == {
        ("P1", "cached lesson ÷ bare Django, sqlite"): ("PASS", "≥ 0.7"),
        ("P2", "rendered lesson ÷ bare Django, sqlite"): ("MISS", "≥ 0.25"),
        ("P10", "Mi espacio, mentor ÷ bare Django, sqlite"): ("PASS", "≥ 0.15"),
        ("P11", "signed-in lesson ÷ bare Django, sqlite"): ("MISS", "≥ 0.15"),
        ("P12", "cohort list (page cache) ÷ bare Django, sqlite"): ("PASS", "≥ 0.5"),
        ("P4", "matching ÷ scipy dense, same objective"): ("MISS", "≤ 1"),
        ("P9", "mixed load 90/10, 'database is locked', sqlite"): ("PASS", "= 0"),
    }


def test_evaluate_cached_page_with_queries_misses():
    figures = {
        "serving_sqlite_cached_lesson_ratio": 0.9,
        "serving_sqlite_cached_lesson_sql_per_request": 3,
    }

    (row,) = [r for r in run.evaluate(figures) if r["goal"] == "P1"]

    assert row["result"] == "MISS"
    assert row["notes"] == "serving_sqlite_cached_lesson_sql_per_request=3"


def test_evaluate_cached_cohort_page_with_queries_misses():
    figures = {"serving_sqlite_cohort_ratio": 2.0, "serving_sqlite_cohort_sql_per_request": 1}

    (row,) = [r for r in run.evaluate(figures) if r["goal"] == "P12"]

    assert row["result"] == "MISS"


# --- wrk: the pure parts ----------------------------------------------------------------

WRK_OUTPUT = """Running 1s test @ http://127.0.0.1:8000/
  1 threads and 4 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     1.90ms    2.11ms  22.32ms   90.83%
  2160 requests in 1.01s, 388.80KB read
Requests/sec:   2138.61
Transfer/sec:    384.95KB
WRK-REPORT {"requests":2160,"duration_us":1010000,"bytes":398131,"connect_errors":0,"read_errors":1,"write_errors":0,"timeouts":2,"non_2xx_3xx":7,"p50_us":1500,"p90_us":3000,"p95_us":4250,"p99_us":12000}
"""


def test_wrk_report_is_parsed():
    result = wrkload.parse_report(WRK_OUTPUT)

    assert result.requests == 2160
    assert result.seconds == 1.01
    assert result.bytes == 398131
    assert result.errors == 3
    assert result.non_2xx_3xx == 7
    assert result.latency_ms == {50: 1.5, 90: 3.0, 95: 4.25, 99: 12.0}
    assert round(result.rps, 1) == 2138.6


def test_wrk_output_without_report_is_refused():
    with pytest.raises(ValueError, match="no wrk report"):
        wrkload.parse_report("Requests/sec:   2138.61\n")


def test_wrk_lua_script_prints_every_field_the_parser_reads():
    for field in ("requests", "duration_us", "bytes", "non_2xx_3xx", "timeouts", "p95_us"):
        assert field in wrkload.REPORT_LUA.replace("p%d_us", "p95_us")
    assert wrkload.MARKER.strip() in wrkload.REPORT_LUA


def test_cpu_share_of_the_machine_and_of_the_load():
    assert wrkload.cpu_share(0.5, 2.0, 2) == 0.125
    assert wrkload.cpu_share(1.0, 0.0, 2) == 0.0
    assert wrkload.share_of(1.0, 3.0) == 0.25
    assert wrkload.share_of(0.0, 0.0) == 0.0


def test_ratios_are_taken_round_by_round_and_skip_empty_bases():
    assert wrkload.ratios([50.0, 60.0, 70.0], [100.0, 0.0, 140.0]) == [0.5, 0.5]
    with pytest.raises(ValueError, match="one base per round"):
        wrkload.ratios([1.0], [1.0, 2.0])


def test_median_of_rounds_and_of_nothing():
    assert wrkload.median([3.0, 1.0, 2.0, 10.0, 0.5]) == 2.0
    assert wrkload.median([]) == 0.0


def test_round_order_moves_every_target_through_every_place():
    names = ["bare", "a", "b"]

    orders = [wrkload.round_order(names, r) for r in range(6)]

    assert orders[:3] == [["bare", "a", "b"], ["bare", "b", "a"], ["b", "bare", "a"]]
    firsts = {order[0] for order in orders}
    lasts = {order[-1] for order in orders}
    assert firsts == set(names)
    assert lasts == set(names)


def test_serving_summary_ratios_to_the_bare_project_and_baseline():
    def result(rps, wrk_cpu=0.1, server_cpu=1.9):
        return wrkload.WrkResult(
            requests=int(rps),
            seconds=1.0,
            bytes=0,
            errors=0,
            non_2xx_3xx=0,
            latency_ms={50: 1.0, 90: 2.0, 95: 3.0, 99: 4.0},
            wrk_cpu_seconds=wrk_cpu,
            server_cpu_seconds=server_cpu,
            wall_seconds=1.0,
        )

    runs = {
        "bare": [result(2000), result(1000), result(2000)],
        "baseline": [result(1000), result(500), result(1000)],
        "cached_lesson": [result(1600), result(900), result(1000)],
    }

    figures = serving.summarise("serving_sqlite", runs, cores=2)

    assert figures["serving_sqlite_cached_lesson_ratio"] == 0.8  # 0.8, 0.9, 0.5
    assert figures["serving_sqlite_cached_lesson_ratio_to_baseline"] == 1.6  # 1.6, 1.8, 1.0
    assert figures["serving_sqlite_baseline_ratio"] == 0.5
    assert figures["serving_sqlite_cached_lesson_rps"] == 1000.0
    assert figures["serving_sqlite_wrk_cpu_share"] == 0.05
    assert figures["serving_sqlite_wrk_cpu_of_load"] == 0.05
    assert figures["serving_sqlite_wrk_cpu_of_load_bare"] == 0.05
    assert "serving_sqlite_bare_ratio" not in figures


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

    days = ["2026-12-06", "2026-12-07"]
    with_bookings = {a["name"] for a in mixed_load.actions(pages, "c", "a@b.c", True, days)}
    without = {a["name"] for a in mixed_load.actions(pages, "c", "a@b.c", False, days)}
    no_days = {a["name"] for a in mixed_load.actions(pages, "c", "a@b.c", True, [])}

    assert "booking" in with_bookings
    assert with_bookings - without == {"booking"}
    assert "booking" not in no_days


def test_mixed_load_books_a_time_picked_from_a_days_page():
    """The booking page lists days; a day's page (``?dia=``) links its free times
    (``hora=``, seconds since the epoch) and the short form posts one of them."""
    import random

    from bench import load, mixed_load

    pages = {"lesson": "/es/aprende/x/", "cohort_list": "/es/cohortes/", "signup": "/s/",
             "login": "/l/"}  # fmt: skip
    days = ["2026-12-06", "2026-12-07"]
    booking = [a for a in mixed_load.actions(pages, "c", "a@b.c", True, days)
               if a["name"] == "booking"]  # fmt: skip
    body = (
        b'<a class="day-button" href="?dia=2026-12-06#horas">'
        b'<a class="time-button" href="?dia=2026-12-06&amp;hora=1796562000#reservar">'
        b'<a class="time-button" href="?dia=2026-12-06&amp;hora=1796565600#reservar">'
    )

    picked = load._pick(booking[0]["pick"], body, random.Random(1))

    assert [a["path"] for a in booking] == [
        "/es/mentores/reservar/?dia=2026-12-06",
        "/es/mentores/reservar/?dia=2026-12-07",
    ]
    assert {a["post_path"] for a in booking} == {"/es/mentores/reservar/"}
    assert sum(a["weight"] for a in booking) == 3
    assert picked["hora"] in {"1796562000", "1796565600"}
