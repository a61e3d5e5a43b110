"""Online checking against a local HTTP server on 127.0.0.1 (no other network)."""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from collections.abc import Iterator
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from edition.features.linkcheck.external import Cache, Fetcher, Options, check_urls, retry_after

# The test server listens on 127.0.0.1, which the real check refuses: these
# tests let loopback through (test_linkcheck_reach.py tests the refusals).
FAST = Options(
    timeout=0.5,
    retries=2,
    backoff=0.01,
    max_wait=0.05,
    per_host=2,
    workers=4,
    max_redirects=5,
    ttl=60,
    allowed=lambda ip: ip.is_loopback,
)


class Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # the slow handler must not hold up shutdown

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.hits: Counter[str] = Counter()
        self.lock = threading.Lock()
        self.active = 0
        self.most_active = 0

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that timed out closed the socket: expected here


class Handler(BaseHTTPRequestHandler):
    server: Server

    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass

    def _send(self, status: int, headers: dict[str, str] | None = None, body: bytes = b"") -> None:
        # The request stops counting as active before its answer goes out: once the
        # client has the answer it may free its slot and start the next request
        # before this thread would otherwise get to decrement.
        with self.server.lock:
            self.server.active -= 1
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        path = self.path
        with self.server.lock:
            self.server.hits[path] += 1
            hits = self.server.hits[path]
            self.server.active += 1
            self.server.most_active = max(self.server.most_active, self.server.active)
        if path.startswith("/ok"):
            time.sleep(0.03)
            self._send(200, {"Content-Type": "text/html; charset=utf-8"}, b'<h2 id="part">Part</h2>')
        elif path == "/missing":
            self._send(404)
        elif path == "/busy":
            self._send(*((429, {"Retry-After": "7"}) if hits == 1 else (200, {"Content-Type": "text/plain"})))
        elif path == "/always-busy":
            self._send(429, {"Retry-After": formatdate(time.time() + 3600, usegmt=True)})
        elif path == "/moved":
            self._send(301, {"Location": "/ok"})
        elif path in ("/loop-a", "/loop-b"):
            self._send(302, {"Location": "/loop-b" if path == "/loop-a" else "/loop-a"})
        elif path == "/slow":
            time.sleep(1.5)
            self._send(200)
        else:
            self._send(500)


@pytest.fixture
def server() -> Iterator[Server]:
    srv = Server()
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()


def url(srv: Server, path: str) -> str:
    return f"http://127.0.0.1:{srv.server_address[1]}{path}"


def run(srv: Server, paths: list[str], cache: Cache | None = None, sleeps: list[float] | None = None) -> dict[str, str]:
    waits = sleeps if sleeps is not None else []
    fetcher = Fetcher(FAST, sleep=waits.append)
    errors = check_urls([url(srv, p) for p in paths], FAST, cache or Cache(None, FAST.ttl), fetcher)
    base = url(srv, "")
    return {u.removeprefix(base): e.replace(base, "") for u, e in errors.items()}


def test_ok_and_missing(server: Server) -> None:
    assert run(server, ["/ok", "/missing"]) == {"/missing": "is broken: HTTP 404"}


def test_fragments_share_one_fetch(server: Server) -> None:
    errors = run(server, ["/ok", "/ok#part", "/ok#nope"])
    assert errors == {"/ok#nope": ": no anchor '#nope' on /ok"}
    assert server.hits["/ok"] == 1


def test_rate_limit_is_retried_after_the_servers_wait_capped(server: Server) -> None:
    sleeps: list[float] = []
    assert run(server, ["/busy"], sleeps=sleeps) == {}
    assert server.hits["/busy"] == 2
    assert sleeps == [FAST.max_wait]  # Retry-After: 7, capped


def test_rate_limit_that_never_ends_is_reported(server: Server) -> None:
    sleeps: list[float] = []
    assert run(server, ["/always-busy"], sleeps=sleeps) == {"/always-busy": "is broken: HTTP 429"}
    assert server.hits["/always-busy"] == FAST.retries + 1
    assert sleeps == [FAST.max_wait] * FAST.retries


def test_redirects_are_followed_and_loops_reported(server: Server) -> None:
    errors = run(server, ["/moved#part", "/loop-a"])
    assert errors == {"/loop-a": "is broken: redirect loop (/loop-a -> /loop-b -> /loop-a)"}


def test_slow_response_times_out(server: Server) -> None:
    sleeps: list[float] = []
    assert run(server, ["/slow"], sleeps=sleeps) == {"/slow": "could not be fetched: timed out after 0.5s"}
    assert sleeps == [0.01, 0.02]  # exponential backoff without Retry-After


def test_at_most_per_host_requests_at_once(server: Server) -> None:
    assert run(server, [f"/ok?{i}" for i in range(6)]) == {}
    assert server.most_active <= FAST.per_host


def test_cache_skips_fresh_entries_and_refetches_expired(server: Server, tmp_path: Path) -> None:
    clock = [1000.0]
    path = tmp_path / ".cache" / "linkcheck.json"

    def cache() -> Cache:
        return Cache(path, FAST.ttl, now=lambda: clock[0])

    first = cache()
    assert run(server, ["/ok#part", "/missing"], first) == {"/missing": "is broken: HTTP 404"}
    first.save()
    assert server.hits == Counter({"/ok": 1, "/missing": 1})
    saved = json.loads(path.read_text())
    assert saved[url(server, "/ok")]["ids"] == ["part"]

    clock[0] += FAST.ttl - 1  # within the time-to-live: no request at all
    assert run(server, ["/ok#part", "/missing"], cache()) == {"/missing": "is broken: HTTP 404"}
    assert server.hits == Counter({"/ok": 1, "/missing": 1})

    clock[0] += 2  # expired: asked again
    assert run(server, ["/ok#part"], cache()) == {}
    assert server.hits["/ok"] == 2


def test_passing_failures_are_not_cached(server: Server, tmp_path: Path) -> None:
    cache = Cache(tmp_path / "c.json", FAST.ttl)
    run(server, ["/slow"], cache)
    assert cache.entries == {}


def test_a_damaged_cache_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    path.write_text("{not json")
    assert Cache(path, 60).entries == {}


@pytest.mark.parametrize(
    ("header", "wait"),
    [
        (None, None),
        ("", None),
        ("3", 3.0),
        ("120", 30.0),
        (formatdate(1010, usegmt=True), 10.0),
        (formatdate(900, usegmt=True), 0.0),
        ("soon", None),
    ],
)
def test_retry_after(header: str | None, wait: float | None) -> None:
    assert retry_after(header, now=1000.0, cap=30.0) == wait
