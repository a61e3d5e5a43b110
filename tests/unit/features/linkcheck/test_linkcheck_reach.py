"""The online check never reaches the build machine or its network: real servers on loopback record every hit.

Each server is a separate process (``tests/hits_server.py``) stopped by its
pid. The refusals use the check's real address policy; where a test needs a
first hop that is allowed, it lets exactly one loopback address through, as
if it were public, and a made-up name resolve to it.
"""

from __future__ import annotations

import ipaddress
import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from edition.features.linkcheck.external import Cache, Fetcher, Options, check_urls
from support import ROOT

HINT = "Link to a public address instead"


class HitsServer:
    """A server process on ``address`` and the requests it saw."""

    def __init__(self, address: str, hits: Path) -> None:
        self.address, self.hits = address, hits
        self.process = subprocess.Popen(
            [sys.executable, str(ROOT / "tests" / "hits_server.py"), address, str(hits)],
            stdout=subprocess.PIPE,
            text=True,
        )
        self.port = int(self.process.stdout.readline())

    def url(self, path: str, host: str | None = None) -> str:
        return f"http://{host or self.address}:{self.port}{path}"

    def seen(self) -> list[str]:
        return self.hits.read_text().splitlines() if self.hits.exists() else []

    def stop(self) -> None:
        os.kill(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=10)
        self.process.stdout.close()


@pytest.fixture
def servers(tmp_path: Path) -> Iterator[Callable[[str], HitsServer]]:
    started: list[HitsServer] = []

    def start(address: str) -> HitsServer:
        started.append(HitsServer(address, tmp_path / f"hits-{len(started)}.txt"))
        return started[-1]

    yield start
    for server in started:
        server.stop()


def run(urls: list[str], **options: object) -> dict[str, str]:
    opts = Options(timeout=2, retries=0, **options)
    return check_urls(urls, opts, Cache(None, 60), Fetcher(opts))


def only(address: str) -> Callable[[ipaddress.IPv4Address | ipaddress.IPv6Address], bool]:
    """An address policy that lets ``address`` through as if it were public, and nothing else local."""
    return lambda ip: str(ip) == address


def test_loopback_spellings_are_refused_without_a_request(servers) -> None:
    server = servers("127.0.0.1")
    urls = [
        server.url("/secret"),
        server.url("/secret", "localhost"),
        server.url("/secret", "2130706433"),
        server.url("/secret", "0x7f.1"),
        server.url("/secret", "[::ffff:127.0.0.1]"),
    ]
    errors = run(urls)
    assert errors == {
        urls[0]: f"points to a private or local network address (127.0.0.1) and is not checked online. {HINT}",
        urls[1]: f"points to a private or local network address (localhost) and is not checked online. {HINT}",
        urls[2]: f"points to a private or local network address (127.0.0.1) and is not checked online. {HINT}",
        urls[3]: f"points to a private or local network address (127.0.0.1) and is not checked online. {HINT}",
        urls[4]: f"points to a private or local network address (::ffff:7f00:1) and is not checked online. {HINT}",
    }
    assert server.seen() == []


def test_a_name_that_resolves_to_loopback_is_refused(servers) -> None:
    server = servers("127.0.0.1")
    url = server.url("/secret", "rebind.test")
    errors = run([url], resolver=lambda host, port: ["93.184.215.14", "127.0.0.1"])
    assert errors == {
        url: f"points to a private or local network address (127.0.0.1) and is not checked online. {HINT}"
    }
    assert server.seen() == []


def test_the_connection_goes_to_the_address_judged_and_names_the_host(servers) -> None:
    """'pinned.test' exists in no DNS: the request reached the server only through the judged address."""
    server = servers("127.0.0.1")
    url = server.url("/page#part", "pinned.test")
    assert run([url], resolver=lambda host, port: ["127.0.0.1"], allowed=only("127.0.0.1")) == {}
    assert server.seen() == [f"/page pinned.test:{server.port}"]


def test_a_redirect_to_a_private_address_is_not_followed(servers) -> None:
    public = servers("127.0.0.1")  # stands for a public host
    private = servers("127.0.0.2")
    target = private.url("/secret")
    url = public.url(f"/redirect?to={target}")
    errors = run([url], allowed=only("127.0.0.1"))
    assert errors == {
        url: f"redirects to '{target}', a private or local network address (127.0.0.2), "
        f"which is not checked online. {HINT}"
    }
    assert [hit.split()[0] for hit in public.seen()] == [f"/redirect?to={target}"]
    assert private.seen() == []


@pytest.mark.parametrize("target", ["file:///etc/passwd", "ftp://example.org/x"])
def test_a_redirect_to_another_scheme_is_not_followed(servers, target: str) -> None:
    server = servers("127.0.0.1")
    url = server.url(f"/redirect?to={target}")
    errors = run([url], allowed=only("127.0.0.1"))
    assert errors == {url: f"is broken: it redirects to '{target}', which is not a web address"}
    assert len(server.seen()) == 1
