"""Verify every collected link once the whole site is written.

Verification happens after the build, against the files really under
``site_dir``, so a link is judged by what a reader's browser would fetch.
The theme's links (about a thousand per page on a large site, mostly the
navigation) pass through a fast path of one string join and one set lookup
each; only the rest, and any miss, get the full check, whose resolutions are
memoised per (directory, address).
"""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from edition.addresses import page_url, relative_url
from edition.content.nearest import Names
from edition.content.problems import Problem
from edition.features.linkcheck.attributes import SELF_WHEN_EMPTY
from edition.features.linkcheck.collect import Link, Page
from edition.features.linkcheck.netaddr import NOT_PUBLIC, NOT_PUBLIC_HINT, local_host
from edition.features.linkcheck.resolve import (
    Addresses,
    BuiltSite,
    OutsideSite,
    ancestors,
    base_dir,
    display,
    fragment_id,
    join,
    looks_like_page,
    md_page,
    split,
    target_file,
)

ALLOWED_SCHEMES = frozenset({"http", "https", "mailto", "tel", "sms"})
_PHONE_SCHEMES = ("tel", "sms")
# Resource hints name an origin, not a document: there is nothing to fetch.
OFFLINE_RELS = frozenset({"preconnect", "dns-prefetch"})

_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
# 'http//example.org' is a relative path to a browser: catch the typo.
_MISSING_COLON = re.compile(r"(https?|ftps?|mailto)//", re.I)
_HOST = re.compile(r"[^\s/?#\\<>\"'`{}|^]+")
_NETLOC_END = re.compile(r"[/?#]")  # where urlsplit ends the host part
_URL_REMOVED_CHARS = re.compile(r"[\t\r\n]")
_URL_EDGES = "".join(map(chr, range(0x21)))  # C0 controls and space: browsers strip them from both ends
# Two slashes, either of them a backslash, start an address on another host.
_OTHER_HOST = ("//", "\\\\", "/\\", "\\/")
_BEFORE_QUERY = re.compile(r"^[^?#]*")
_NUMBERED = re.compile(r"(.+)-([0-9]+)")  # one of a numbered series of ids, as paragraphs are: the-opening-2
_HTML = (".html", ".htm")
_NEVER = 1 << 30  # more folders than any page is deep


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
    by_page: dict[str, list[Problem]] = field(default_factory=dict)  # when tracing: each page's own problems
    consulted: dict[str, set[str]] = field(default_factory=dict)  # when tracing: the files whose ids each page read


def _climb(url: str) -> tuple[int, str]:
    """Split a relative address into how many folders it climbs and the rest.

    ``../../a/`` climbs 2 to ``a/``; ``../..`` (Material's link home from a
    page two folders down) climbs 2 to the folder itself.
    """
    k = 0
    while url.startswith("../", k):
        k += 3
    if url.endswith("..") and len(url) == k + 2:
        return k // 3 + 1, ""
    return k // 3, url[k:]


def browser_form(url: str) -> str:
    """``url`` as a browser's URL parser reads it before anything else (WHATWG URL standard).

    Control characters and spaces at either end go, and tabs and line
    breaks anywhere: ``java\tscript:`` is ``javascript:``, ``/\t/host`` is ``//host``.
    """
    url = url.strip(_URL_EDGES)
    return _URL_REMOVED_CHARS.sub("", url) if "\t" in url or "\n" in url or "\r" in url else url


def _own_id(url: str, ids: frozenset[str]) -> bool:
    """Whether ``url`` is ``#id`` of an id in ``ids``, exactly as :meth:`Checker.check` would pass it.

    ``check`` strips spaces first, so an address ending in one is left to it.
    """
    return url[:1] == "#" and len(url) > 1 and not url[-1].isspace() and url[1:] in ids


Locate = Callable[[Link], "int | None"]  # the line a link is written on in its source file (None: unknown)


def _nowhere(link: Link) -> int | None:
    return None


LocateId = Callable[[str, str], "int | None"]  # the line a source file gives an id on (None: unknown)


def _no_line(source: str, value: str) -> int | None:
    return None


def link_problem(link: Link, what: str, hint: str = "", line: int | None = None) -> Problem:
    """The one message shape: source file, the link as written, what is wrong; ``line`` is where it is written."""
    origin = " (from the theme/template)" if link.theme else ""
    sep = "" if what.startswith(":") else " "
    return Problem(link.source, f"link '{link.url}'{origin}{sep}{what}.", hint, line)


def given_twice(value: str, source: str, file: str, line: int | None = None) -> Problem:
    """An id that more than one element of the page at ``file`` has: a link to it reaches the first only."""
    return Problem(
        source,
        f"id '{value}' is given to more than one element of {display(file)}; a link to '#{value}' reaches the first.",
        "Give each element an id of its own.",
        line,
    )


def _did_you_mean(suggestion: str | None) -> str:
    return f"Did you mean '{suggestion}'?" if suggestion else ""


@functools.lru_cache(maxsize=1 << 16)
def url_syntax_error(url: str) -> tuple[str, str] | None:
    """What is wrong with an absolute URL's syntax, and a fix, or ``None``.

    Only http, https and mailto are allowed: ``javascript:`` runs code and
    ``data:`` embeds content that no reader can follow or archive. Cached:
    the same addresses (sources, edit links) recur on thousands of pages.
    """
    m = _SCHEME.match(url)
    if not m:
        return None
    scheme = m.group(1).lower()
    rest = url[m.end() :]
    if scheme in ("http", "https"):
        if not rest.startswith("//"):
            fixed = f"{scheme}://" + rest.lstrip("/\\")
            return "is a malformed URL (no '//' after the scheme)", _did_you_mean(fixed)
        if _URL_REMOVED_CHARS.search(url):  # urlsplit drops these before it splits
            return _authority_error(url)
        end = _NETLOC_END.search(rest, 2)
        return _netloc_error(rest[2 : end.start() if end else len(rest)])
    if scheme == "mailto":
        if "@" not in rest:
            return "is a mailto: link with no address", "Write 'mailto:name@example.org'."
        return None
    if scheme in _PHONE_SCHEMES:
        if not any(c.isdigit() for c in rest.split("?", 1)[0]):
            return f"is a {scheme}: link with no number", f"Write '{scheme}:+15550100' with the real number."
        return None
    if scheme in ("javascript", "data"):
        return f"uses a {scheme}: URL, which is not allowed", "Link to a page or file instead."
    allowed = ", ".join(sorted(ALLOWED_SCHEMES))
    return f"uses the scheme '{scheme}:', which is not allowed (allowed: {allowed})", ""


@functools.lru_cache(maxsize=4096)
def _netloc_error(netloc: str) -> tuple[str, str] | None:
    """:func:`_authority_error` depends on the host part alone: checked once per host.

    Edit links and proposal links are different on every page and paragraph,
    but they all name one host.
    """
    return _authority_error(f"http://{netloc}")


def _authority_error(url: str) -> tuple[str, str] | None:
    """Host and port checks for an http(s) or protocol-relative URL.

    A host that is local or private by its spelling alone (``127.0.0.1``,
    ``[::1]``, ``2130706433``, ``localhost``) is refused here, offline too:
    no reader can follow it, and the online check must not fetch it.
    """
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as exc:
        return f"is a malformed URL ({exc})", ""
    if not parts.hostname:
        return "is a malformed URL (no host)", ""
    if not _HOST.fullmatch(parts.netloc):
        return "is a malformed URL (bad characters in the host)", ""
    local = local_host(parts.hostname)
    if local is not None:
        return NOT_PUBLIC.format(local), NOT_PUBLIC_HINT
    return None


class Checker:
    """Checks the links of all pages against one :class:`BuiltSite`.

    ``docs_prefix`` is the docs directory relative to the repository root
    (``docs/``), used to turn a link's source path back into a docs-relative
    one for resolving ``.md`` addresses; ``load_ids`` reads the ids of an
    HTML file that was not collected (a static ``.html`` file, or a page
    skipped by ``--dirty``); ``offline_prefixes`` are URL prefixes never
    fetched online (edit links for pages not pushed yet); ``paragraph_pages``
    are the output folders whose pages' fragments are paragraphs (messages
    say "no paragraph '#x'" there, "no anchor" elsewhere): what the site is
    made of is the caller's knowledge, handed over as data. ``locate``
    gives the line a link is written on, asked only for the links reported,
    and ``locate_id`` the line a file gives an id the page has twice;
    ``reported_ids`` holds ``(file, id)`` pairs given twice that the caller
    has reported already, which the check does not report again.
    """

    def __init__(
        self,
        site: BuiltSite,
        pages: Mapping[str, Page],
        *,
        use_directory_urls: bool = True,
        docs_prefix: str = "docs/",
        load_ids: Callable[[str], frozenset[str]] | None = None,
        offline_prefixes: tuple[str, ...] = (),
        paragraph_pages: tuple[str, ...] = (),
        trace: bool = False,
        locate: Locate = _nowhere,
        locate_id: LocateId = _no_line,
        reported_ids: Collection[tuple[str, str]] = (),
    ) -> None:
        self.site = site
        self.reported_ids = frozenset(reported_ids)  # (file, id) given twice that the caller has reported already
        self.trace = trace
        self._reading: set[str] | None = None  # when tracing, the files whose ids the page being checked read
        self.locate = locate
        self.locate_id = locate_id
        self.paragraph_pages = paragraph_pages
        self.pages = pages
        self.use_directory_urls = use_directory_urls
        self.docs_prefix = docs_prefix
        self.load_ids = load_ids
        self.offline_prefixes = offline_prefixes
        self._resolved: dict[tuple[str, str], tuple[str, object, bool]] = {}
        self._ids: dict[str, tuple[frozenset[str], bool]] = {}  # file -> (ids, all of the file's)
        self._id_hints: dict[str, tuple[frozenset[str], _IdHints]] = {}  # by file, for the ids it was made from
        self._addresses: dict[str, Addresses] = {}  # the site's pages ("") and its files by extension
        self._routes: dict[str, tuple[int, str]] = {}

    def run(self, only: Iterable[str] | None = None) -> Report:
        """Check every link of every page (of the pages ``only`` names); each problem is reported once.

        Each address first takes :meth:`_passes`, a few string operations
        and set lookups; only the rest become :class:`Link` objects for the
        full check. When tracing, the report also says which problems each
        page has and which files' ids each page read, for the preview to
        check again only the pages a change can affect.
        """
        pages = self.pages.values() if only is None else [self.pages[f] for f in only if f in self.pages]
        report = Report(pages=len(pages))
        seen: set[Problem] = set()
        for page in pages:
            base = base_dir(page.file)
            up = ancestors(base)
            report.links += page.addresses()
            if self.trace:
                self._reading = report.consulted[page.file] = set()
            found: dict[Problem, None] = {}  # each problem once, in the page's order (a note may repeat a link)
            ids = self.ids(page.file) or frozenset()
            for attr, urls in page.theme:
                for url in urls:
                    if not self._passes(url, up, ids):
                        link = Link(url, "", attr, "preconnect" if url in page.hints else "", page.file, True)
                        self._add(self.check(page, base, link, report.external), found)
            for row in page.rows:
                if not self._passes(row[0], up, ids):
                    self._add(self.check(page, base, Link._make(row), report.external), found)
            for value, source in page.twice:
                if (source, value) not in self.reported_ids:
                    self._add(given_twice(value, source, page.file, self.locate_id(source, value)), found)
            if self.trace:
                report.by_page[page.file] = list(found)
            report.problems += [problem for problem in found if problem not in seen]
            seen.update(found)
        self._reading = None
        return report

    @staticmethod
    def _add(problem: Problem | None, found: dict[Problem, None]) -> None:
        if problem is not None:
            found.setdefault(problem)

    def _passes(self, url: str, up: list[str], ids: frozenset[str]) -> bool:
        """Whether ``url``, written in the page whose folders are ``up``, certainly passes :meth:`check`.

        A fragment of the page itself (a note, a paragraph, the table of
        contents) is one set lookup. A relative address (``../../a/b/#p``)
        is its ancestor folder plus the rest, and its path is fine when that
        string is a servable path: one set lookup for the navigation links
        of every page, and for the links to paragraphs in other pages, whose
        fragment is then looked up in the target's ids. A full address into
        the site (the canonical link) is its path from the root. Anything
        else (queries, escapes, ``.``, other schemes, misses) answers False
        and takes the full check, which also explains what is wrong.
        """
        if url[:1] == "#" or not url:
            return _own_id(url, ids)
        path, _, fragment = url.partition("#")
        route = self._routes.get(path)
        if route is None:
            route = self._routes[path] = self._route(path)
        climb, rest = route
        if climb < 0:
            target = rest
        elif climb < len(up):
            target = up[climb] + rest
        else:
            return False
        if target not in self.site.servable:
            return False
        if not fragment or fragment == "top":
            return True
        if target in self.site.files:
            file = target
        else:
            file = target + "index.html" if not target or target.endswith("/") else target + "/index.html"
        found = self.ids(file)
        return found is None or fragment in found

    def _route(self, path: str) -> tuple[int, str]:
        """How :meth:`_passes` finds a path's target: ``(folders climbed, rest)``.

        ``-1`` climbs to the root (a full address into the site), and a
        climb no page reaches (other schemes) never passes. Kept per path:
        the navigation repeats the same few addresses on every page.
        """
        origin = self.site.origin
        if origin and path.startswith(origin):
            return -1, path[len(origin) :]
        if _SCHEME.match(path):
            return _NEVER, ""
        return _climb(path)

    # -- one link ---------------------------------------------------------

    def check(self, page: Page, base: str, link: Link, external: dict[str, list[Link]]) -> Problem | None:
        """Check one link; http(s) URLs are queued in ``external``."""
        url = browser_form(link.url)
        if url in ("", "#"):
            return self._empty(link, url)
        if url.startswith("#"):
            return self._fragment(page.file, url[1:], link, same_page=True)
        if _MISSING_COLON.match(url):
            scheme = url.split("/", 1)[0]
            fixed = f"{scheme}://{url[len(scheme) + 2 :]}"
            return self._problem(link, "is a malformed URL (no ':' after the scheme)", _did_you_mean(fixed))
        if url.startswith(_OTHER_HOST):
            return self._other_host(link, url, external)
        m = _SCHEME.match(url)
        if m is None:
            return self._internal(page, base, link, url)
        if self.site.origin and url.startswith(self.site.origin):
            return self._internal(page, base, link, self.site.prefix + url[len(self.site.origin) :])
        if m.group(1).lower() == "data" and link.theme and link.attr != "href":
            return None
        error = url_syntax_error(url)
        if error:
            return self._problem(link, *error)
        if m.group(1).lower() in ("http", "https"):
            self._queue(link, url, external)
        return None

    def _empty(self, link: Link, url: str) -> Problem | None:
        """``""`` and ``#`` alike: the top of this page, which in an author's ``<a>`` is a placeholder.

        The theme writes such links on purpose (a menu toggle); a form's
        empty ``action`` posts to the page itself. Anywhere else an empty
        address fetches the page itself where a picture or script was meant.
        """
        if link.theme or link.attr in SELF_WHEN_EMPTY:
            return None
        if link.tag in ("a", "area") and link.attr == "href":
            what = f"link with no address: [{link.text}]({url})."
            return Problem(link.source, what, "Give it a target or remove the link.", self.locate(link))
        return self._problem(link, "has no address")

    def _other_host(self, link: Link, url: str, external: dict[str, list[Link]]) -> Problem | None:
        """A protocol-relative address (``//host/x``): another site, reached with this page's scheme.

        Browsers read a backslash there as a slash, so ``\\\\host`` and
        ``/\\host`` leave the site too, where a reader of the source sees a
        path: those spellings are reported with what they mean.
        """
        meant = "https://" + _BEFORE_QUERY.sub(lambda m: m.group().replace("\\", "/"), url[2:], count=1)
        if not url.startswith("//"):
            return self._problem(
                link,
                f"is read by browsers as '{meant}', an address on another site",
                f"Write '{meant}' if that is meant.",
            )
        error = _authority_error(meant)
        if error:
            return self._problem(link, *error)
        self._queue(link, meant, external)
        return None

    def _queue(self, link: Link, url: str, external: dict[str, list[Link]]) -> None:
        """Keep a web address for the online check, unless it is never fetched."""
        if link.rel not in OFFLINE_RELS and not url.startswith(self.offline_prefixes):
            external.setdefault(url, []).append(link)
        return None

    def _problem(self, link: Link, what: str, hint: str = "") -> Problem:
        return link_problem(link, what, hint, self.locate(link))

    def _internal(self, page: Page, base: str, link: Link, url: str) -> Problem | None:
        path, _query, fragment = split(url)
        if not path:
            return self._fragment(page.file, fragment, link, same_page=True) if fragment else None
        state, value, is_dir = self._resolve(base, path)
        if state == "ok":
            if not fragment:
                return None
            shown, own_target = self._as_on_its_page(page, link, path, str(value), fragment)
            if own_target not in (None, value) and self._fragment(own_target, fragment, link) is not None:
                return None  # copied as it is, and broken on its own page too: reported there, once
            return self._fragment(str(value), fragment, shown)
        if state == "outside":
            return self._problem(link, f"points {value}")
        return self._missing(page, link, path, str(value), is_dir)

    def _resolve(self, base: str, path: str) -> tuple[str, object, bool]:
        """Where ``path`` leads from the folder ``base``, kept per pair: ``("ok", file, is_dir)``,
        ``("missing", rel, is_dir)`` or ``("outside", why, False)``."""
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
        return resolved

    def _source_uri(self, link: Link) -> str | None:
        """The Markdown file a link comes from, relative to the docs folder; None for one outside it (the theme)."""
        prefix = self.docs_prefix
        return link.source[len(prefix) :] if link.source.startswith(prefix) else None

    def _as_on_its_page(self, page: Page, link: Link, path: str, file: str, fragment: str) -> tuple[Link, str | None]:
        """``link`` to ``file`` as named in a message, and the file it reaches from its own page if it was copied.

        A paragraph's link is shown on its own page and on the whole-essay
        page: the opening's one folder down, its addresses written again (the
        same link reads otherwise there, and is named as on its own page), a
        section's at the same depth, copied as it is (it may then reach
        another page from each: its own page's answer is given too). Either
        way a missing fragment is one problem, not one per page that shows it.
        """
        src_uri = self._source_uri(link)
        if link.theme or src_uri is None or src_uri == page.src_uri:
            return link, None
        own = page_url(src_uri, self.use_directory_urls)
        state, reached, _ = self._resolve(base_dir(own + "index.html" if own.endswith("/") or not own else own), path)
        if state == "ok":
            return link, str(reached)
        return link._replace(url=f"{relative_url(display(file), own)}#{fragment}"), None

    def _missing(self, page: Page, link: Link, path: str, rel: str, is_dir: bool) -> Problem:
        if path.startswith("www."):
            return self._problem(link, "is a web address without 'https://'", _did_you_mean("https://" + path))
        if not link.theme and not path.startswith("/"):
            problem = self._from_source(page, link, path)
            if problem is not None:
                return problem
        if looks_like_page(rel, is_dir):
            shown = rel + "/" if is_dir and rel else rel or "./"
            return self._no_page(link, shown)
        return self._no_file(link, rel)

    def _no_file(self, link: Link, rel: str) -> Problem:
        """A link to a file the site does not have (``rel``, in the site), with the nearest one of its kind.

        A picture is mistaken for another picture, not for a page.
        """
        kind = posixpath.splitext(rel)[1].lower()
        hint = _did_you_mean(self._of_kind(kind).closest(rel))
        return self._problem(link, f"points to a file that does not exist ({rel})", hint)

    def _from_source(self, page: Page, link: Link, path: str) -> Problem | None:
        """Read a missing relative address from its Markdown file, as MkDocs would.

        MkDocs rewrites a Markdown link only when its target exists, and never
        touches raw HTML.  So a missing address is either a '.md' link to a
        page that does not exist (name that page, as the author meant it), raw
        HTML written relative to the Markdown file (say what to write), or a
        file missing from beside the Markdown file. That file is named as the
        author meant it, and as MkDocs names it, so a note shown on its page,
        its section's page and the whole-essay page is reported once, not once
        per folder its address would reach from each. Returns ``None`` when
        this reading explains nothing (an address outside the docs).
        """
        src_uri = self._source_uri(link)
        src_uri = page.src_uri if src_uri is None else src_uri
        if not src_uri:
            return None
        is_md = path.endswith(".md")
        if is_md:
            intended = md_page(src_uri, path, self.use_directory_urls)
        else:
            intended = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), unquote(path)))
            intended = "" if intended == "." else intended + ("/" if path.endswith("/") else "")
        if intended is None or intended.startswith("../") or intended == "..":
            return None
        is_dir = not intended or intended.endswith("/")
        if target_file(intended.rstrip("/"), is_dir, self.site):
            href = posixpath.relpath(intended or ".", base_dir(page.file) or ".")
            if is_dir:
                href = "./" if href == "." else href + "/"
            what = (
                "points to a Markdown file; MkDocs rewrites '.md' links in Markdown, not in raw HTML"
                if is_md
                else "is read from the built page, not from its Markdown file (MkDocs does not rewrite raw HTML)"
            )
            return self._problem(link, what, f"Write '{href}' instead.")
        if is_md:
            shown = intended or "./"
            return self._no_page(link, shown)
        return None if looks_like_page(intended, is_dir) else self._no_file(link, intended)

    def _no_page(self, link: Link, shown: str) -> Problem:
        """A link to a page the site does not have (``shown`` as the site would name it), with the nearest one."""
        return self._problem(
            link, f"points to a page that does not exist ({shown})", _did_you_mean(self._of_kind("").closest(shown))
        )

    def _of_kind(self, kind: str) -> Addresses:
        """The site's pages (``kind`` empty), or its files whose name ends in ``kind`` (``.png``), listed once."""
        if kind not in self._addresses:
            if kind:
                listed = sorted(f for f in self.site.files if f.lower().endswith(kind))
            else:
                listed = sorted(display(f) for f in self.site.files if f.endswith(_HTML) and f != "404.html")
            self._addresses[kind] = Addresses(listed)
        return self._addresses[kind]

    # -- fragments --------------------------------------------------------

    def ids(self, file: str, whole: bool = False) -> frozenset[str] | None:
        """The ids of an HTML file, or ``None`` for files that have none to check.

        A collected page gives the ids it was collected with (often only its
        body's); ``whole`` asks for every id of the written file, read from
        disk when the record does not hold them all.
        """
        if self._reading is not None:
            self._reading.add(file)
        known = self._ids.get(file)
        if known is not None and (known[1] or not whole):
            return known[0]
        page = self.pages.get(file)
        if page is not None and (page.whole or not whole or self.load_ids is None):
            ids, complete = frozenset(page.ids), page.whole or self.load_ids is None
        elif file.endswith(_HTML) and self.load_ids is not None:
            # The written file adds the theme's ids to those collected (which
            # hold the body's <a name> anchors too): a union, never a swap.
            ids, complete = self.load_ids(file).union(page.ids if page is not None else ()), True
        else:
            return None
        self._ids[file] = (ids, complete)
        return ids

    def _fragment(self, file: str, fragment: str | None, link: Link, same_page: bool = False) -> Problem | None:
        """Whether the page ``file`` has what ``fragment`` points at (see :func:`fragment_id`)."""
        fragment = fragment_id(fragment or "")
        if fragment is None:
            return None
        ids = self.ids(file)
        if ids is None or fragment in ids or unquote(fragment) in ids:
            return None
        ids = self.ids(file, whole=True) or ids
        if fragment in ids or unquote(fragment) in ids:
            return None
        where = "this page" if same_page else display(file)
        paragraphs = bool(self.paragraph_pages) and file.startswith(self.paragraph_pages)
        kind = "paragraph" if paragraphs else "anchor"
        if file not in self._id_hints or self._id_hints[file][0] is not ids:
            self._id_hints[file] = (ids, _IdHints(ids, paragraphs))
        return self._problem(link, f": no {kind} '#{fragment}' on {where}", self._id_hints[file][1].hint(fragment))


class _IdHints:
    """What to say of a fragment missing from one page: made once per page, whatever the number of mistakes.

    A fragment of a numbered series (``#the-opening-9``) gets the series'
    range on the page, not its nearest spelling (``#the-opening-2``): that
    is a guess at another paragraph, which a contributor may take as it is
    and so link the wrong passage without any warning; the range sends them
    to the page to find the one they mean. Other ids get the nearest by
    spelling.
    """

    def __init__(self, ids: Collection[str], paragraphs: bool) -> None:
        self.where = "its ¶ link" if paragraphs else "its address"
        self.series: dict[str, list[int]] = {}
        for ident in ids:
            numbered = _NUMBERED.fullmatch(ident)
            if numbered:
                self.series.setdefault(numbered.group(1), []).append(int(numbered.group(2)))
        self.names = Names(i for i in ids if not i.startswith("__"))

    def hint(self, fragment: str) -> str:
        numbered = _NUMBERED.fullmatch(fragment)
        numbers = self.series.get(numbered.group(1), []) if numbered else []
        if numbered and numbers:
            stem, low, high = numbered.group(1), min(numbers), max(numbers)
            first, last = f"'#{stem}-{low}'", f"'#{stem}-{high}'"
            has = f"only {first}" if low == high else f"{first} to {last}"
            return f"The page has {has}: copy the one meant from {self.where}."
        found = self.names.nearest(fragment)
        return _did_you_mean(f"#{found[0]}" if found else None)


def external_problems(
    uses: Mapping[str, list[Link]], errors: Mapping[str, str], locate: Locate = _nowhere
) -> list[Problem]:
    """One problem per place a failing web address is written.

    ``errors`` maps a URL (fragment included) to what went wrong online.
    """
    found = {link_problem(link, error, "", locate(link)) for url, error in errors.items() for link in uses.get(url, ())}
    return sorted(found)
