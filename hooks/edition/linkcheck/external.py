"""Opt-in online checking of web addresses, polite to the hosts it asks.

Builds usually run without a network, so this only runs when asked
(``LINKCHECK_EXTERNAL=1`` or ``extra: linkcheck_external: true``).  Each
page is fetched once for all the anchors that point into it; at most
``per_host`` requests go to one host at a time; 429 and 5xx answers are
retried with exponential backoff that honours ``Retry-After``; redirects are
followed by hand so a loop is reported rather than silently cut off; and
results are kept in a JSON cache with a time-to-live so that repeated builds
do not ask again.  Only the standard library is used.
"""

from __future__ import annotations

import email.utils
import json
import os
import socket
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from edition.linkcheck.collect import extract_ids

REDIRECTS = frozenset({301, 302, 303, 307, 308})
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_BODY = 5 * 1024 * 1024  # enough for any page's ids; guards against huge files


@dataclass(frozen=True)
class Options:
    """Knobs for online checking; tests shrink the times to milliseconds."""

    timeout: float = 10.0
    retries: int = 2
    backoff: float = 1.0
    max_wait: float = 30.0
    per_host: int = 2
    workers: int = 8
    max_redirects: int = 10
    ttl: float = 86400.0
    user_agent: str = "edition-linkcheck/1 (static site link checker)"


@dataclass(frozen=True)
class Outcome:
    """The result of fetching one URL (no fragment).

    ``ids`` is set for HTML pages fetched because an anchor points into them;
    ``lasting`` marks results worth caching: a timeout, a 5xx or a 429 may
    pass, so those are asked again on the next build.
    """

    error: str | None = None
    ids: tuple[str, ...] | None = None
    lasting: bool = True


class Cache:
    """URL -> outcome, on disk as JSON, each entry valid for ``ttl`` seconds."""

    def __init__(self, path: Path | None, ttl: float, now: Callable[[], float] = time.time) -> None:
        self.path = path
        self.ttl = ttl
        self.now = now
        self.entries: dict[str, dict] = {}
        if path is not None and path.is_file():
            try:
                self.entries = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                self.entries = {}  # a damaged cache only costs a refetch

    def get(self, url: str, want_ids: bool) -> Outcome | None:
        """A fresh outcome for ``url``, or ``None`` if it must be fetched."""
        entry = self.entries.get(url)
        if not entry or self.now() - entry.get("time", 0) > self.ttl:
            return None
        ids = entry.get("ids")
        if want_ids and ids is None and entry.get("html"):
            return None
        return Outcome(entry.get("error"), tuple(ids) if ids is not None else None)

    def put(self, url: str, outcome: Outcome, html: bool) -> None:
        if outcome.lasting:
            ids = list(outcome.ids) if outcome.ids is not None else None
            self.entries[url] = {"time": self.now(), "error": outcome.error, "ids": ids, "html": html}

    def save(self) -> None:
        """Write the live entries atomically (temp file + rename)."""
        if self.path is None:
            return
        now = self.now()
        live = {u: e for u, e in self.entries.items() if now - e.get("time", 0) <= self.ttl}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".linkcheck-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(live, out, indent=0, sort_keys=True)
        os.replace(tmp, self.path)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Hand redirects back to the caller, which follows them and spots loops."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: ANN001, ANN201
        return None


def retry_after(value: str | None, now: float, cap: float) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (seconds or HTTP date), capped."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), cap)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, min(when.timestamp() - now, cap))


class Fetcher:
    """Fetches URLs with a per-host concurrency limit, retries and redirects."""

    def __init__(self, options: Options, sleep: Callable[[float], None] = time.sleep) -> None:
        self.options = options
        self.sleep = sleep
        self._opener = urllib.request.build_opener(_NoRedirect)
        self._slots: dict[str, threading.Semaphore] = {}
        self._lock = threading.Lock()

    def _slot(self, url: str) -> threading.Semaphore:
        host = urlsplit(url).netloc.lower()
        with self._lock:
            if host not in self._slots:
                self._slots[host] = threading.Semaphore(self.options.per_host)
            return self._slots[host]

    def _request(self, url: str, want_ids: bool) -> tuple[int, dict[str, str], bytes, str | None]:
        """One GET: ``(status, headers, body, network error)``; body only if needed."""
        request = urllib.request.Request(url, headers={"User-Agent": self.options.user_agent})
        with self._slot(url):
            try:
                with self._opener.open(request, timeout=self.options.timeout) as response:
                    headers = dict(response.headers.items())
                    html = "html" in headers.get("Content-Type", "")
                    body = response.read(MAX_BODY) if want_ids and html else b""
                    return response.status, headers, body, None
            except urllib.error.HTTPError as exc:
                return exc.code, dict(exc.headers.items()) if exc.headers else {}, b"", None
            except (TimeoutError, socket.timeout):
                return 0, {}, b"", f"timed out after {self.options.timeout:g}s"
            except urllib.error.URLError as exc:
                reason = exc.reason
                if isinstance(reason, (TimeoutError, socket.timeout)):
                    return 0, {}, b"", f"timed out after {self.options.timeout:g}s"
                return 0, {}, b"", f"could not connect ({reason})"
            except (OSError, ValueError) as exc:
                return 0, {}, b"", f"could not connect ({exc})"

    def _with_retries(self, url: str, want_ids: bool) -> tuple[int, dict[str, str], bytes, str | None]:
        """Retry rate limits, server errors and network failures with backoff."""
        o = self.options
        for attempt in range(o.retries + 1):
            status, headers, body, error = self._request(url, want_ids)
            if attempt == o.retries or not (error or status in RETRY_STATUSES):
                break
            wait = retry_after(headers.get("Retry-After"), time.time(), o.max_wait)
            self.sleep(wait if wait is not None else min(o.backoff * 2**attempt, o.max_wait))
        return status, headers, body, error

    def fetch(self, url: str, want_ids: bool) -> tuple[Outcome, bool]:
        """Follow ``url`` to its final page: ``(outcome, is_html)``."""
        chain = [url]
        for _ in range(self.options.max_redirects + 1):
            status, headers, body, error = self._with_retries(chain[-1], want_ids)
            if error:
                return Outcome(f"could not be fetched: {error}", lasting=False), False
            if status in REDIRECTS:
                location = headers.get("Location")
                if not location:
                    return Outcome(f"is broken: HTTP {status} redirect without a Location"), False
                target = urljoin(chain[-1], location).partition("#")[0]
                if target in chain:
                    loop = " -> ".join(chain[chain.index(target):] + [target])
                    return Outcome(f"is broken: redirect loop ({loop})"), False
                chain.append(target)
                continue
            if status >= 400:
                return Outcome(f"is broken: HTTP {status}", lasting=status not in RETRY_STATUSES), False
            html = "html" in headers.get("Content-Type", "")
            ids = tuple(sorted(extract_ids(body.decode("utf-8", "replace")))) if body else None
            return Outcome(ids=ids), html
        return Outcome(f"is broken: more than {self.options.max_redirects} redirects"), False


def _has_anchor(fragment: str, ids: Iterable[str]) -> bool:
    """Whether a page's ids satisfy a fragment.

    Text fragments and ``#!`` routes are for scripts, not ids; GitHub-style
    pages prefix heading ids with ``user-content-`` and map them in script.
    """
    if not fragment or fragment == "top" or fragment.startswith((":~:", "!", "/")):
        return True
    ids = set(ids)
    return any(f in ids or f"user-content-{f}" in ids for f in (fragment, unquote(fragment)))


def check_urls(urls: Iterable[str], options: Options, cache: Cache, fetcher: Fetcher | None = None) -> dict[str, str]:
    """Check web addresses online; returns ``{url: what is wrong}`` for failures.

    URLs differing only in their fragment are fetched once; the fragments
    are then looked up in that page's ids.
    """
    parts = {url: url.partition("#")[::2] for url in urls}
    fragments: dict[str, set[str]] = {}
    for page, fragment in parts.values():
        fragments.setdefault(page, set()).add(fragment)
    fetcher = fetcher or Fetcher(options)
    outcomes: dict[str, Outcome] = {}
    todo = []
    for page, frags in fragments.items():
        want_ids = any(frags - {""})
        cached = cache.get(page, want_ids)
        if cached is not None:
            outcomes[page] = cached
        else:
            todo.append((page, want_ids))
    if todo:
        with ThreadPoolExecutor(max_workers=options.workers) as pool:
            results = pool.map(lambda job: fetcher.fetch(*job), todo)
            for (page, _), (outcome, html) in zip(todo, results):
                outcomes[page] = outcome
                cache.put(page, outcome, html)
    errors = {}
    for url, (page, fragment) in parts.items():
        outcome = outcomes[page]
        if outcome.error:
            errors[url] = outcome.error
        elif outcome.ids is not None and not _has_anchor(fragment, outcome.ids):
            errors[url] = f": no anchor '#{fragment}' on {page}"
    return errors
