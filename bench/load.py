"""A small HTTP load generator for the serving benchmarks (standard library only).

It runs as its own process, apart from the server under test, and is driven by a JSON
plan (a file path, or ``-`` for standard input); it prints one JSON document with the
results. It does not import Django, so it stays light next to the server.

Two modes:

``ab``
    Side-by-side throughput of several targets (paths on the same server). After a
    warm-up of every target, each round measures every target for ``seconds`` with
    ``connections`` keep-alive connections (one thread each); the order of the targets
    rotates from round to round so that no target always runs first or last. For every
    target it reports requests per second for each round, status counts, latency
    percentiles, and the values of the ``X-Bench-Queries`` / ``X-Bench-Cache-Queries``
    headers (SQL statements per request, see ``semilla.benchmark``).

``mix``
    A mixed workload for ``duration`` seconds: each connection is a virtual visitor who
    picks actions by weight. Actions are ``get`` (a page), ``post`` (a form: the page is
    fetched first for its CSRF cookie, counted as ``<name>:form``, then the form is
    posted; ``form`` is a dict, or the name of a dict in the visitor's data; ``pick``
    maps field names to regular expressions whose matches on the form page give the
    field's value, one chosen at random, such as a free slot) and the visitor may be
    signed in (a session cookie from the plan) or anonymous. Placeholders ``{n}``
    (a number unique to this run) and any key of the visitor's ``vars`` are filled into
    paths and form values. Reports counts per action and status class.

Usage::

    python bench/load.py plan.json
"""

from __future__ import annotations

import html
import http.client
import itertools
import json
import random
import statistics
import sys
import threading
import time
import urllib.parse
from collections import Counter
from dataclasses import dataclass, field

QUERIES_HEADER = "X-Bench-Queries"
CACHE_QUERIES_HEADER = "X-Bench-Cache-Queries"
TIMEOUT_S = 30.0


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes


class Client:
    """One keep-alive connection with a tiny cookie jar (name=value, no attributes)."""

    def __init__(self, host: str, port: int, cookies: dict[str, str] | None = None) -> None:
        self.host, self.port = host, port
        self.cookies: dict[str, str] = dict(cookies or {})
        self.conn: http.client.HTTPConnection | None = None

    def _connection(self) -> http.client.HTTPConnection:
        if self.conn is None:
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=TIMEOUT_S)
        return self.conn

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def request(
        self, method: str, path: str, form: dict[str, str] | None = None, referer: str = ""
    ) -> Response:
        headers = {"Host": f"{self.host}:{self.port}", "Accept-Language": "es"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form, doseq=True).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        if referer:
            headers["Referer"] = referer
        for attempt in (1, 2):
            conn = self._connection()
            try:
                conn.request(method, path, body=body, headers=headers)
                raw = conn.getresponse()
                data = raw.read()
            except (http.client.HTTPException, OSError):
                # The server closed an idle keep-alive connection: retry once on a new one.
                self.close()
                if attempt == 2:
                    raise
                continue
            if raw.getheader("Connection", "").lower() == "close":
                self.close()
            for header in raw.headers.get_all("Set-Cookie") or []:
                pair = header.split(";", 1)[0]
                name, _, value = pair.partition("=")
                value = value.strip().strip('"')
                if value:
                    self.cookies[name.strip()] = value
                else:
                    self.cookies.pop(name.strip(), None)
            return Response(raw.status, raw.headers, data)
        raise AssertionError("unreachable")


@dataclass
class Tally:
    """What one target (or action) saw: statuses, latencies, SQL counts, bytes."""

    statuses: Counter = field(default_factory=Counter)
    queries: Counter = field(default_factory=Counter)
    cache_queries: Counter = field(default_factory=Counter)
    latencies: list[float] = field(default_factory=list)
    errors: Counter = field(default_factory=Counter)
    bytes: int = 0

    def add(self, response: Response, seconds: float) -> None:
        self.statuses[str(response.status)] += 1
        self.latencies.append(seconds)
        self.bytes += len(response.body)
        q = response.headers.get(QUERIES_HEADER)
        if q is not None:
            self.queries[q] += 1
        q = response.headers.get(CACHE_QUERIES_HEADER)
        if q is not None:
            self.cache_queries[q] += 1

    def merge(self, other: Tally) -> None:
        self.statuses.update(other.statuses)
        self.queries.update(other.queries)
        self.cache_queries.update(other.cache_queries)
        self.errors.update(other.errors)
        self.latencies.extend(other.latencies)
        self.bytes += other.bytes

    @property
    def requests(self) -> int:
        return sum(self.statuses.values())

    def summary(self) -> dict[str, object]:
        lat = sorted(self.latencies)

        def pct(p: float) -> float | None:
            if not lat:
                return None
            return round(lat[min(len(lat) - 1, int(p * len(lat)))] * 1000, 2)

        return {
            "requests": self.requests,
            "statuses": dict(self.statuses),
            "errors": dict(self.errors),
            "queries": dict(self.queries),
            "cache_queries": dict(self.cache_queries),
            "latency_ms_p50": pct(0.50),
            "latency_ms_p95": pct(0.95),
            "mean_bytes": round(self.bytes / self.requests) if self.requests else 0,
        }


def _hammer(host: str, port: int, path: str, until: float, tally: Tally) -> None:
    client = Client(host, port)
    try:
        while time.perf_counter() < until:
            start = time.perf_counter()
            try:
                response = client.request("GET", path)
            except (http.client.HTTPException, OSError) as exc:
                tally.errors[type(exc).__name__] += 1
                continue
            tally.add(response, time.perf_counter() - start)
    finally:
        client.close()


def _segment(plan: dict, path: str, seconds: float) -> tuple[float, Tally]:
    """``connections`` threads hit ``path`` for ``seconds``; returns (requests/s, tally)."""
    tallies = [Tally() for _ in range(plan["connections"])]
    start = time.perf_counter()
    until = start + seconds
    threads = [
        threading.Thread(target=_hammer, args=(plan["host"], plan["port"], path, until, t))
        for t in tallies
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    total = Tally()
    for t in tallies:
        total.merge(t)
    return total.requests / elapsed, total


def run_ab(plan: dict) -> dict[str, object]:
    targets = plan["targets"]
    for target in targets:  # warm-up: fill caches, start every worker thread
        _segment(plan, target["path"], plan.get("warmup", 1.0))
    rps: dict[str, list[float]] = {t["name"]: [] for t in targets}
    tallies: dict[str, Tally] = {t["name"]: Tally() for t in targets}
    for round_no in range(plan["rounds"]):
        shift = round_no % len(targets)
        order = targets[shift:] + targets[:shift]
        if round_no % 2:
            order = order[::-1]
        for target in order:
            rate, tally = _segment(plan, target["path"], plan["seconds"])
            rps[target["name"]].append(round(rate, 1))
            tallies[target["name"]].merge(tally)
    return {
        "mode": "ab",
        "targets": {
            name: {
                "rps": rps[name],
                "rps_median": round(statistics.median(rps[name]), 1),
                **tallies[name].summary(),
            }
            for name in rps
        },
    }


_counter = itertools.count(1)
_counter_lock = threading.Lock()


def _unique() -> str:
    with _counter_lock:
        return f"{int(time.time())}{next(_counter):06d}"


def _fill(value, variables: dict[str, str]):
    if isinstance(value, str):
        return value.format(**variables)
    if isinstance(value, list):
        return [_fill(v, variables) for v in value]
    if isinstance(value, dict):
        return {k: _fill(v, variables) for k, v in value.items()}
    return value


def _pick(fields: dict[str, str], body: bytes, rng: random.Random) -> dict[str, str] | None:
    """For each field, one of the values its pattern (a regular expression with one
    group) finds on the form page, chosen at random; None when one finds nothing."""
    import re

    text = body.decode("utf-8", "replace")
    picked = {}
    for name, pattern in fields.items():
        found = re.findall(pattern, text)
        if not found:
            return None
        picked[name] = html.unescape(rng.choice(found))
    return picked


def _visitor(plan: dict, visitor: dict, until: float, tallies: dict[str, Tally], seed: int):
    rng = random.Random(seed)
    actions = plan["actions"]
    weights = [a["weight"] for a in actions]
    signed_in = Client(plan["host"], plan["port"], visitor.get("cookies"))
    anonymous = Client(plan["host"], plan["port"])
    base = f"http://{plan['host']}:{plan['port']}"
    try:
        while time.perf_counter() < until:
            action = rng.choices(actions, weights)[0]
            client = signed_in if action.get("auth") else anonymous
            if action.get("fresh"):  # a first visit: no cookies at all
                client.close()
                client.cookies.clear()
            variables = {**visitor.get("vars", {}), "n": _unique()}
            tally = tallies[action["name"]]
            path = _fill(action["path"], variables)
            start = time.perf_counter()
            try:
                if action["kind"] == "get":
                    response = client.request("GET", path)
                else:
                    form_page = client.request("GET", path)
                    tallies[action["name"] + ":form"].add(form_page, time.perf_counter() - start)
                    if form_page.status != 200:
                        continue
                    form = action["form"]
                    if isinstance(form, str):  # the name of a form in the visitor's data
                        form = visitor[form]
                    form = _fill(form, variables)
                    picked = _pick(action.get("pick", {}), form_page.body, rng)
                    if picked is None:  # nothing left to choose on the form (all booked)
                        tallies[action["name"] + ":form"].errors["nothing_to_pick"] += 1
                        continue
                    form.update(picked)
                    form["csrfmiddlewaretoken"] = client.cookies.get("csrftoken", "")
                    post_path = _fill(action.get("post_path", action["path"]), variables)
                    start = time.perf_counter()
                    response = client.request("POST", post_path, form, referer=base + path)
            except (http.client.HTTPException, OSError) as exc:
                tally.errors[type(exc).__name__] += 1
                client.close()
                continue
            tally.add(response, time.perf_counter() - start)
    finally:
        signed_in.close()
        anonymous.close()


def _mix_tallies(actions: list[dict]) -> dict[str, Tally]:
    tallies = {a["name"]: Tally() for a in actions}
    tallies.update({a["name"] + ":form": Tally() for a in actions if a["kind"] == "post"})
    return tallies


def run_mix(plan: dict) -> dict[str, object]:
    tallies_per_visitor = [_mix_tallies(plan["actions"]) for _ in plan["visitors"]]
    start = time.perf_counter()
    until = start + plan["duration"]
    threads = [
        threading.Thread(target=_visitor, args=(plan, visitor, until, tallies, i))
        for i, (visitor, tallies) in enumerate(
            zip(plan["visitors"], tallies_per_visitor, strict=True)
        )
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    totals = _mix_tallies(plan["actions"])
    for tallies in tallies_per_visitor:
        for name, tally in tallies.items():
            totals[name].merge(tally)
    kinds = {a["name"]: a["kind"] for a in plan["actions"]}
    return {
        "mode": "mix",
        "seconds": round(elapsed, 2),
        "actions": {
            # "get" for pages and the form pages of writes, "post" for the writes
            name: {"kind": kinds.get(name, "get"), **tally.summary()}
            for name, tally in totals.items()
        },
    }


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    plan = json.load(sys.stdin if argv[0] == "-" else open(argv[0], encoding="utf-8"))  # noqa: SIM115
    result = run_ab(plan) if plan["mode"] == "ab" else run_mix(plan)
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
