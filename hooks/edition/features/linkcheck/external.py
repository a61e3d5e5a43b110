"""Opt-in online checking of web addresses, polite to the hosts it asks.

Builds usually run without a network, so this only runs when asked
(``LINKCHECK_EXTERNAL=1`` or ``linkcheck_external: true`` in the edition's settings).  Each
page is fetched once for all the anchors that point into it; at most
``per_host`` requests go to one host at a time; 429 and 5xx answers are
retried with exponential backoff that honours ``Retry-After``; redirects are
followed by hand so a loop is reported rather than silently cut off; and
results are kept in a JSON cache with a time-to-live so that repeated builds
do not ask again.  Only the standard library is used.

The addresses come from strangers' notes, and the check runs on the build
machine: every request, the first and each redirect, goes only to an http(s)
host whose every address is public (:mod:`.netaddr`), over a connection to
exactly the addresses judged (:mod:`.connect`). Anything else is reported,
by name, as not checked.
"""

from __future__ import annotations

import email.utils
import http.client
import json
import os
import ssl
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from email.message import Message
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from edition.features.linkcheck.collect import extract_ids
from edition.features.linkcheck.connect import get
from edition.features.linkcheck.netaddr import (
    IP,
    NOT_PUBLIC,
    NOT_PUBLIC_HINT,
    NotPublic,
    Resolver,
    is_public,
    public_addresses,
    resolve,
)
from edition.features.linkcheck.resolve import fragment_id

REDIRECTS = frozenset({301, 302, 303, 307, 308})
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_BODY = 5 * 1024 * 1024  # enough for any page's ids; guards against huge files

Headers = Mapping[str, str] | Message  # a response's headers, or none when there was no response


@dataclass(frozen=True)
class Options:
    """Knobs for online checking; tests shrink the times to milliseconds.

    ``resolver`` and ``allowed`` are for tests alone (a made-up name that
    resolves to a local test server); no setting of the site reaches them.
    """

    timeout: float = 10.0
    retries: int = 2
    backoff: float = 1.0
    max_wait: float = 30.0
    per_host: int = 2
    workers: int = 8
    max_redirects: int = 10
    ttl: float = 86400.0
    user_agent: str = "edition-linkcheck/1 (static site link checker)"
    resolver: Resolver = resolve
    allowed: Callable[[IP], bool] = is_public


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
        self._tls = ssl.create_default_context()
        self._slots: dict[str, threading.Semaphore] = {}
        self._lock = threading.Lock()

    def _slot(self, url: str) -> threading.Semaphore:
        host = urlsplit(url).netloc.lower()
        with self._lock:
            if host not in self._slots:
                self._slots[host] = threading.Semaphore(self.options.per_host)
            return self._slots[host]

    def _request(self, url: str, want_ids: bool) -> tuple[int, Headers, bytes, str | None]:
        """One GET: ``(status, headers, body, network error)``; body only if needed.

        Raises :class:`NotPublic` before any connection when the host is, or
        resolves to, an address that must not be asked.
        """
        o = self.options
        try:
            parts = urlsplit(url)
            port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
            addresses = public_addresses(parts.hostname or "", port, o.resolver, o.allowed)
            with self._slot(url):
                status, headers, body = get(
                    url,
                    addresses,
                    timeout=o.timeout,
                    headers={"User-Agent": o.user_agent},
                    max_body=MAX_BODY,
                    want_body=want_ids,
                    tls=self._tls,
                )
            return status, headers, body, None
        except TimeoutError:
            return 0, {}, b"", f"timed out after {o.timeout:g}s"
        except (OSError, ValueError, http.client.HTTPException) as exc:
            return 0, {}, b"", f"could not connect ({exc})"

    def _with_retries(self, url: str, want_ids: bool) -> tuple[int, Headers, bytes, str | None]:
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
        """Follow ``url`` to its final page: ``(outcome, is_html)``.

        Each redirect is judged as the first address was: only http(s), only
        public hosts (a redirect to ``file:`` or to ``127.0.0.1`` is reported,
        not followed). Refusals are not cached: a name's addresses may change.
        """
        chain = [url]
        for _ in range(self.options.max_redirects + 1):
            try:
                status, headers, body, error = self._with_retries(chain[-1], want_ids)
            except NotPublic as exc:
                return Outcome(_refused(chain, exc.address), lasting=False), False
            if error:
                return Outcome(f"could not be fetched: {error}", lasting=False), False
            if status in REDIRECTS:
                location = headers.get("Location")
                if not location:
                    return Outcome(f"is broken: HTTP {status} redirect without a Location"), False
                target = urljoin(chain[-1], location).partition("#")[0]
                if urlsplit(target).scheme.lower() not in ("http", "https"):
                    return Outcome(f"is broken: it redirects to '{target}', which is not a web address"), False
                if target in chain:
                    loop = " -> ".join([*chain[chain.index(target) :], target])
                    return Outcome(f"is broken: redirect loop ({loop})"), False
                chain.append(target)
                continue
            if status >= 400:
                return Outcome(f"is broken: HTTP {status}", lasting=status not in RETRY_STATUSES), False
            html = "html" in headers.get("Content-Type", "")
            ids = tuple(sorted(extract_ids(body.decode("utf-8", "replace")))) if body else None
            return Outcome(ids=ids), html
        return Outcome(f"is broken: more than {self.options.max_redirects} redirects"), False


def _refused(chain: list[str], address: str) -> str:
    """What to say of a chain of addresses whose last one is not public (the hint rides along)."""
    if len(chain) == 1:
        what = NOT_PUBLIC.format(address)
    else:
        what = (
            f"redirects to '{chain[-1]}', a private or local network address ({address}), which is not checked online"
        )
    return f"{what}. {NOT_PUBLIC_HINT.rstrip('.')}"


def _has_anchor(fragment: str, ids: Iterable[str]) -> bool:
    """Whether a page's ids satisfy a fragment (:func:`~edition.features.linkcheck.resolve.fragment_id` says which id).

    ``#!`` and ``#/`` routes are for scripts, not ids; GitHub-style pages
    prefix heading ids with ``user-content-`` and map them in script.
    """
    wanted = fragment_id(fragment)
    if wanted is None or wanted.startswith(("!", "/")):
        return True
    known = set(ids)
    return any(f in known or f"user-content-{f}" in known for f in (wanted, unquote(wanted)))


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
            for (page, _), (outcome, html) in zip(todo, results, strict=False):
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
