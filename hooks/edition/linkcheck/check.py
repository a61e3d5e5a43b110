"""Verify every collected link once the whole site is written.

Verification happens after the build, against the files really under
``site_dir``, so a link is judged by what a reader's browser would fetch.
Results are memoised per (directory, address): navigation repeats the same
addresses on every page, and resolving each distinct one once keeps the
check linear in the number of distinct links rather than in the page size.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from edition.linkcheck.collect import Link, Page
from edition.linkcheck.resolve import (
    OutsideSite,
    Site,
    base_dir,
    display,
    join,
    looks_like_page,
    md_page,
    split,
    target_file,
)
from edition.problems import Problem

ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})
# Resource hints name an origin, not a document: there is nothing to fetch.
OFFLINE_RELS = frozenset({"preconnect", "dns-prefetch"})

_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
# 'http//example.org' is a relative path to a browser: catch the typo.
_MISSING_COLON = re.compile(r"(https?|ftps?|mailto)//", re.I)
_HOST = re.compile(r"[^\s/?#\\<>\"'`{}|^]+")
_HTML = (".html", ".htm")


@dataclass
class Report:
    """What one check found: problems, counts, and web addresses to fetch.

    ``external`` maps each http(s) URL (fragment included) to the links that
    use it, so an online result can be reported at every place it is written.
    """

    problems: list[Problem] = field(default_factory=list)
    pages: int = 0
    links: int = 0
    external: dict[str, list[Link]] = field(default_factory=dict)


def link_problem(link: Link, what: str, hint: str = "") -> Problem:
    """The one message shape: source file, the link as written, what is wrong."""
    origin = " (from the theme/template)" if link.theme else ""
    sep = "" if what.startswith(":") else " "
    return Problem(link.source, f"link '{link.url}'{origin}{sep}{what}.", hint)


def _closest(word: str, candidates: Iterable[str]) -> str | None:
    """The nearest candidate by ``difflib`` ratio, if any is close enough."""
    match = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return match[0] if match else None


def _did_you_mean(suggestion: str | None) -> str:
    return f"Did you mean '{suggestion}'?" if suggestion else ""


def url_syntax_error(url: str) -> tuple[str, str] | None:
    """What is wrong with an absolute URL's syntax, and a fix, or ``None``.

    Only http, https and mailto are allowed: ``javascript:`` runs code and
    ``data:`` embeds content that no reader can follow or archive.
    """
    m = _SCHEME.match(url)
    if not m:
        return None
    scheme = m.group(1).lower()
    rest = url[m.end():]
    if scheme in ("http", "https"):
        if not rest.startswith("//"):
            fixed = f"{scheme}://{rest.lstrip('/')}"
            return "is a malformed URL (no '//' after the scheme)", _did_you_mean(fixed)
        return _authority_error(url)
    if scheme == "mailto":
        if "@" not in rest:
            return "is a mailto: link with no address", "Write 'mailto:name@example.org'."
        return None
    if scheme in ("javascript", "data"):
        return f"uses a {scheme}: URL, which is not allowed", "Link to a page or file instead."
    allowed = ", ".join(sorted(ALLOWED_SCHEMES))
    return f"uses the scheme '{scheme}:', which is not allowed (allowed: {allowed})", ""


def _authority_error(url: str) -> tuple[str, str] | None:
    """Host and port checks for an http(s) or protocol-relative URL."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as exc:
        return f"is a malformed URL ({exc})", ""
    if not parts.hostname:
        return "is a malformed URL (no host)", ""
    if not _HOST.fullmatch(parts.netloc):
        return "is a malformed URL (bad characters in the host)", ""
    return None


class Checker:
    """Checks the links of all pages against one :class:`Site`.

    ``docs_prefix`` is the docs directory relative to the repository root
    (``docs/``), used to turn a link's source path back into a docs-relative
    one for resolving ``.md`` addresses; ``load_ids`` reads the ids of an
    HTML file that was not collected (a static ``.html`` file, or a page
    skipped by ``--dirty``); ``offline_prefixes`` are URL prefixes never
    fetched online (edit links for pages not pushed yet).
    """

    def __init__(
        self,
        site: Site,
        pages: Mapping[str, Page],
        *,
        use_directory_urls: bool = True,
        docs_prefix: str = "docs/",
        load_ids: Callable[[str], frozenset[str]] | None = None,
        offline_prefixes: tuple[str, ...] = (),
    ) -> None:
        self.site = site
        self.pages = pages
        self.use_directory_urls = use_directory_urls
        self.docs_prefix = docs_prefix
        self.load_ids = load_ids
        self.offline_prefixes = offline_prefixes
        self._resolved: dict[tuple[str, str], tuple[str, object, bool]] = {}
        self._ids: dict[str, frozenset[str]] = {}
        self._page_urls: list[str] | None = None

    def run(self) -> Report:
        """Check every link of every page; each problem is reported once."""
        report = Report(pages=len(self.pages))
        seen: set[Problem] = set()
        for page in self.pages.values():
            base = base_dir(page.file)
            for link in page.links:
                report.links += 1
                problem = self.check(page, base, link, report.external)
                if problem is not None and problem not in seen:
                    seen.add(problem)
                    report.problems.append(problem)
        return report

    # -- one link ---------------------------------------------------------

    def check(self, page: Page, base: str, link: Link, external: dict[str, list[Link]]) -> Problem | None:
        """Check one link; http(s) URLs are queued in ``external``."""
        url = link.url.strip()
        if url == "#":
            if link.theme:
                return None
            return Problem(link.source, f"link with no address: [{link.text}](#).", "Give it a target or remove the link.")
        if not url:
            return self._problem(link, "has no address") if link.attr != "href" else None
        if url.startswith("#"):
            return self._fragment(page.file, url[1:], link, same_page=True)
        if _MISSING_COLON.match(url):
            scheme = url.split("/", 1)[0]
            fixed = f"{scheme}://{url[len(scheme) + 2:]}"
            return self._problem(link, "is a malformed URL (no ':' after the scheme)", _did_you_mean(fixed))
        if url.startswith("//"):
            error = _authority_error("https:" + url)
            return self._problem(link, *error) if error else self._queue(link, url, external)
        m = _SCHEME.match(url)
        if m is None:
            return self._internal(page, base, link, url)
        if self.site.origin and url.startswith(self.site.origin):
            return self._internal(page, base, link, self.site.prefix + url[len(self.site.origin):])
        if m.group(1).lower() == "data" and link.theme and link.attr != "href":
            return None
        error = url_syntax_error(url)
        if error:
            return self._problem(link, *error)
        if m.group(1).lower() in ("http", "https"):
            return self._queue(link, url, external)
        return None

    def _queue(self, link: Link, url: str, external: dict[str, list[Link]]) -> None:
        if link.rel not in OFFLINE_RELS and not url.startswith(self.offline_prefixes or ("\0",)):
            external.setdefault(url, []).append(link)
        return None

    def _problem(self, link: Link, what: str, hint: str = "") -> Problem:
        return link_problem(link, what, hint)

    def _internal(self, page: Page, base: str, link: Link, url: str) -> Problem | None:
        path, _query, fragment = split(url)
        if not path:
            return self._fragment(page.file, fragment, link, same_page=True) if fragment else None
        key = (base, path)
        resolved = self._resolved.get(key)
        if resolved is None:
            try:
                rel, is_dir = join(base, path, self.site.prefix)
            except OutsideSite as exc:
                resolved = ("outside", str(exc), False)
            else:
                file = target_file(rel, is_dir, self.site)
                resolved = ("ok", file, is_dir) if file else ("missing", rel, is_dir)
            self._resolved[key] = resolved
        state, value, is_dir = resolved
        if state == "ok":
            return self._fragment(str(value), fragment, link) if fragment else None
        if state == "outside":
            return self._problem(link, f"points {value}")
        return self._missing(page, link, path, str(value), is_dir)

    def _missing(self, page: Page, link: Link, path: str, rel: str, is_dir: bool) -> Problem:
        if rel.endswith(".md") and not link.theme:
            return self._markdown(page, link, path)
        if looks_like_page(rel, is_dir):
            shown = rel + "/" if is_dir and rel else rel or "./"
            hint = _did_you_mean("https://" + path if path.startswith("www.") else self._closest_page(shown))
            return self._problem(link, f"points to a page that does not exist ({shown})", hint)
        hint = _did_you_mean(_closest(rel, self.site.files))
        return self._problem(link, f"points to a file that does not exist ({rel})", hint)

    def _markdown(self, page: Page, link: Link, path: str) -> Problem:
        """A '.md' address survived the build: name the page it was meant for.

        MkDocs resolves such links from the Markdown file's folder, so the
        intended page is found the same way, from the link's own source.
        """
        prefix = self.docs_prefix
        src_uri = link.source[len(prefix):] if link.source.startswith(prefix) else page.src_uri
        intended = md_page(src_uri, path, self.use_directory_urls) if src_uri else None
        if intended is None:
            return self._problem(link, "points to a Markdown file outside the docs directory")
        if target_file(intended.rstrip("/"), intended.endswith("/") or not intended, self.site):
            href = posixpath.relpath(intended or ".", base_dir(page.file) or ".")
            if self.use_directory_urls:
                href = "./" if href == "." else href + "/"
            return self._problem(
                link,
                "points to a Markdown file; MkDocs rewrites '.md' links in Markdown, not in raw HTML",
                f"Write '{href}' instead.",
            )
        shown = intended or "./"
        return self._problem(
            link, f"points to a page that does not exist ({shown})", _did_you_mean(self._closest_page(shown))
        )

    def _closest_page(self, url: str) -> str | None:
        if self._page_urls is None:
            self._page_urls = sorted(display(f) for f in self.site.files if f.endswith(_HTML) and f != "404.html")
        return _closest(url, self._page_urls)

    # -- fragments --------------------------------------------------------

    def ids(self, file: str) -> frozenset[str] | None:
        """The ids of an HTML file, or ``None`` for files that have none to check."""
        if file in self._ids:
            return self._ids[file]
        page = self.pages.get(file)
        if page is not None:
            ids: frozenset[str] | None = page.ids
        elif file.endswith(_HTML) and self.load_ids is not None:
            ids = self.load_ids(file)
        else:
            ids = None
        if ids is not None:
            self._ids[file] = ids
        return ids

    def _fragment(self, file: str, fragment: str | None, link: Link, same_page: bool = False) -> Problem | None:
        if not fragment or fragment == "top":
            return None
        ids = self.ids(file)
        if ids is None or fragment in ids or unquote(fragment) in ids:
            return None
        where = "this page" if same_page else display(file)
        kind = "paragraph" if file.startswith("essays/") else "anchor"
        suggestion = _closest(fragment, (i for i in ids if not i.startswith("__")))
        return self._problem(
            link,
            f": no {kind} '#{fragment}' on {where}",
            _did_you_mean(f"#{suggestion}" if suggestion else None),
        )


def external_problems(uses: Mapping[str, list[Link]], errors: Mapping[str, str]) -> list[Problem]:
    """One problem per place a failing web address is written.

    ``errors`` maps a URL (fragment included) to what went wrong online.
    """
    return sorted({link_problem(link, error) for url, error in errors.items() for link in uses.get(url, ())})
