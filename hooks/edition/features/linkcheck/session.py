"""One build's link check: collect while pages are written, verify at the end.

This is the only stateful part of the package, and it holds plain values
handed over by the hook (paths, settings, page HTML), not MkDocs objects, so
another site engine could drive it with a few lines too.
"""

from __future__ import annotations

import os
import time
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from edition.content.gcpause import gc_paused
from edition.content.problems import Problem
from edition.content.text import counted
from edition.features.linkcheck.check import Checker, external_problems
from edition.features.linkcheck.collect import Page, extract_ids, scan
from edition.features.linkcheck.lines import SourceLines
from edition.features.linkcheck.resolve import BuiltSite

if TYPE_CHECKING:  # the online check's modules (sockets, TLS, threads) are imported when a check goes online
    from edition.features.linkcheck.external import Options

DEFAULT_CACHE = ".cache/linkcheck.json"
_TRUE = ("1", "true", "yes", "on")


def edit_prefixes(repo_url: str, edit_uri: str) -> tuple[str, ...]:
    """URL prefixes of the theme's edit/view links, which are never fetched.

    They point at the repository's copy of each page, which does not exist
    yet for a page written in the change being built.
    """
    if not repo_url or not edit_uri:
        return ()
    base = urljoin(repo_url if repo_url.endswith("/") else repo_url + "/", edit_uri)
    return tuple(sorted({base, base.replace("/edit/", "/raw/"), base.replace("/blob/", "/raw/")}))


def list_site(site_dir: str) -> frozenset[str]:
    """Every file under ``site_dir``, as posix paths relative to it.

    One ``scandir`` per folder, as ``os.walk`` does, without the path joins
    and relative-path arithmetic around it: half the time on a site of
    16,000 page folders. Like ``os.walk``, a link to a folder is not entered.
    """
    files = []
    folders = [("", site_dir)]
    while folders:
        prefix, folder = folders.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if not entry.is_dir():
                    files.append(prefix + entry.name)
                elif not entry.is_symlink():
                    folders.append((prefix + entry.name + "/", entry.path))
    return frozenset(files)


class LinkCheck:
    """The link check of one build.

    ``root`` is the project directory (where ``mkdocs.yml`` is): messages name
    files relative to it.  ``online`` checks web addresses online too (as does
    ``LINKCHECK_EXTERNAL=1`` in ``env``); ``cache`` is where their results are
    kept (relative to ``root``) and ``cache_ttl`` for how many seconds;
    ``paragraph_pages`` are the output folders whose fragments are paragraphs
    (see :class:`~edition.features.linkcheck.check.Checker`).
    """

    def __init__(
        self,
        *,
        root: str,
        docs_dir: str,
        site_url: str = "",
        use_directory_urls: bool = True,
        online: bool = False,
        cache: str = DEFAULT_CACHE,
        cache_ttl: float = 86400,
        env: Mapping[str, str] | None = None,
        offline_prefixes: tuple[str, ...] = (),
        paragraph_pages: tuple[str, ...] = (),
        options: Options | None = None,
        trace: bool = False,
    ) -> None:
        env = os.environ if env is None else env
        self.root = root
        self.docs_prefix = os.path.relpath(docs_dir, root).replace(os.sep, "/") + "/"
        self.docs_abs = os.path.join(os.path.abspath(docs_dir), "")
        self.site_url = site_url if not site_url or site_url.endswith("/") else site_url + "/"
        self.use_directory_urls = use_directory_urls
        self.online = online or env.get("LINKCHECK_EXTERNAL", "").lower() in _TRUE
        self.options, self.cache_ttl = options, cache_ttl
        self.cache_path = Path(root, cache)
        self.offline_prefixes = offline_prefixes
        self.paragraph_pages = paragraph_pages
        self.pages: dict[str, Page] = {}
        self.elapsed = 0.0
        # For the preview (``trace``): what the last check found per page and which files' ids each page read,
        # so that the next check runs only on the pages collected since and those reading their ids.
        self.trace = trace
        self._problems: dict[str, list[Problem]] = {}
        self._consulted: dict[str, set[str]] = {}
        self._collected: set[str] = set()
        self._ids_changed: set[str] = set()
        self._listed: BuiltSite | None = None

    def _relative(self, path: str) -> str:
        """``path`` relative to the repository root, in posix form.

        Pages' sources mostly lie under the docs folder, whose relative form is
        known: a string prefix spares ``relpath`` (and its working-directory
        lookup) on every page.
        """
        if path.startswith(self.docs_abs):
            return self.docs_prefix + path[len(self.docs_abs) :].replace(os.sep, "/")
        return os.path.relpath(path, self.root).replace(os.sep, "/")

    def add_page(
        self,
        file: str,
        html: str,
        src_path: str | None = None,
        src_uri: str | None = None,
        content: str | None = None,
    ) -> None:
        """Collect one written page; ``src_path`` is its absolute Markdown path."""
        start = time.perf_counter()
        source = self._relative(src_path) if src_path else None
        record = scan(html, file, source, src_uri if source else None, content)
        if self.trace:
            before = self.pages.get(file)
            self._collected.add(file)
            if before is None or (before.ids, before.whole) != (record.ids, record.whole):
                self._ids_changed.add(file)
        self.pages[file] = record
        self.elapsed += time.perf_counter() - start

    def remove_page(self, file: str) -> None:
        """Forget a page that is no longer written (the preview removed it)."""
        if self.pages.pop(file, None) is not None:
            self._problems.pop(file, None)
            self._consulted.pop(file, None)
            self._ids_changed.add(file)

    def pages_linking(self, names: Collection[str]) -> set[str]:
        """The pages with a link in their body to a file or page whose last path segment is one of ``names``.

        For the preview, when a page is added or removed: MkDocs and the
        notes' renderer write a link to a page as its address when the page
        exists and as written (``x.md``) when not, so such pages look
        different once it comes or goes. ``names`` holds every spelling
        (``x.md``, ``x``, ``x.html``); the answer may hold a few pages more.
        """
        found = set()
        for file, page in self.pages.items():
            for row in page.rows:
                path = row[0].partition("#")[0].partition("?")[0].rstrip("/")
                if path.rpartition("/")[2] in names:
                    found.add(file)
                    break
        return found

    def finish(
        self, site_dir: str, relist: bool = True, reported_ids: Collection[tuple[str, str]] = ()
    ) -> tuple[list[Problem], str]:
        """Verify everything collected: ``(problems, summary line)``.

        The summary reads "N pages, M links checked, K problems in T.TTs"
        (a count of one in the singular); the hook's logger prefixes it with
        "linkcheck: ". When tracing, a
        check after the first verifies only the pages collected since, those
        whose links read the ids of one of those, and, if files came or went
        (``relist``: the site's files are listed again), those with problems,
        whose suggestions may change; it keeps the other pages' problems.
        ``reported_ids`` are ``(file, id)`` pairs given twice that the caller
        reports itself (a paragraph id the model found copied): the check
        does not report them again for each page that shows them.
        """
        start = time.perf_counter()
        again = self._again(relist)
        site = self._site(site_dir, relist)

        def load_ids(file: str) -> frozenset[str]:
            return extract_ids(Path(site_dir, file).read_text(encoding="utf-8", errors="replace"))

        checker = Checker(
            site,
            self.pages,
            use_directory_urls=self.use_directory_urls,
            docs_prefix=self.docs_prefix,
            load_ids=load_ids,
            offline_prefixes=self.offline_prefixes,
            paragraph_pages=self.paragraph_pages,
            trace=self.trace,
            locate=(lines := SourceLines(self.root)).line,
            locate_id=lines.id_line,
            reported_ids=reported_ids,
        )
        with gc_paused():
            report = checker.run(again)
        if self.trace:
            self._problems.update(report.by_page)
            self._consulted.update(report.consulted)
            self._collected.clear()
            self._ids_changed.clear()
            problems = sorted({problem for found in self._problems.values() for problem in found})
        else:
            problems = sorted(report.problems)
        external = sum(len(uses) for uses in report.external.values())
        if self.online:  # the summary says so even when no address was left to ask
            if report.external:
                from edition.features.linkcheck.external import Cache, check_urls

                options = self.online_options()
                cache = Cache(self.cache_path, options.ttl)
                errors = check_urls(report.external, options, cache)
                cache.save()
                problems += external_problems(report.external, errors, lines.line)
            tail = f", {counted(len(report.external), 'external URL')} checked online"
        else:
            tail = f", {counted(external, 'external link')} skipped (offline)" if external else ""
        self.elapsed += time.perf_counter() - start
        total = (
            counted(report.pages, "page") if again is None else f"{report.pages} of {counted(len(self.pages), 'page')}"
        )
        checked = f"{counted(report.links, 'link')} checked, {counted(len(problems), 'problem')}"
        summary = f"{total}, {checked} in {self.elapsed:.2f}s{tail}"
        self.elapsed = 0.0
        return problems, summary

    def online_options(self) -> Options:
        """The online check's settings; its module (sockets, TLS, threads: 20 ms to import) is loaded only now."""
        from edition.features.linkcheck.external import Options

        return self.options or Options(ttl=self.cache_ttl)

    def _again(self, relist: bool) -> set[str] | None:
        """The pages the next check must verify, or None for all of them."""
        if not self.trace or not self._problems or self.online:
            return None
        again = set(self._collected)
        changed = self._ids_changed
        if changed:
            again.update(page for page, files in self._consulted.items() if not files.isdisjoint(changed))
        if relist:
            again.update(page for page, found in self._problems.items() if found)
        return again

    def _site(self, site_dir: str, relist: bool) -> BuiltSite:
        """The built site's files, listed again unless the caller knows that none came or went."""
        if relist or self._listed is None:
            self._listed = BuiltSite(list_site(site_dir), urlsplit(self.site_url or "/").path or "/", self.site_url)
        return self._listed
