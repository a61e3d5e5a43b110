"""The site-wide files a step updates for the pages it built: Material's search index and the sitemap.

Material's search plugin adds a page's entries to one list while the page
is built and writes the list as ``search/search_index.json`` at the end of
the build. A step builds a few pages, so the entries are kept per page
(every entry's address starts with its page's): the step's own entries
replace those of the pages it built, and the list is put back together in
the order of the site's pages, which is the order a full build adds them
in. The file is then byte for byte the one a full build writes.

The sitemap lists every page with its address and the build's date: it
changes only when pages come or go (or the date changes, which makes the
preview build everything), and is then written again whole by MkDocs'
own template.
"""

from __future__ import annotations

from collections.abc import Iterable

import jinja2
from material.plugins.search.plugin import SearchPlugin
from mkdocs.commands.build import _build_theme_template
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

SITEMAP = "sitemap.xml"


class SearchEntries:
    """Material's search index of the last build, by page address."""

    def __init__(self, plugin: SearchPlugin) -> None:
        self.plugin = plugin  # its index is asked for each time: the plugin makes a new one in every on_config
        self.by_url = _by_page(plugin.search_index.entries)

    def start(self) -> None:
        """A step begins: the search plugin's list will hold the entries of the pages it builds."""
        self.plugin.search_index.entries = []

    def finish(self, built: Iterable[str], order: Iterable[str]) -> None:
        """The pages at ``built`` have the entries now in the list; put the list together in the pages' ``order``."""
        index = self.plugin.search_index
        found = _by_page(index.entries)
        for url in built:
            self.by_url[url] = found.get(url, [])
        index.entries = [entry for url in order for entry in self.by_url.get(url, ())]

    def forget(self, url: str) -> None:
        """The page at ``url`` is gone."""
        self.by_url.pop(url, None)


def _by_page(entries: list[dict]) -> dict[str, list[dict]]:
    pages: dict[str, list[dict]] = {}
    for entry in entries:
        pages.setdefault(entry["location"].partition("#")[0], []).append(entry)
    return pages


def search_plugin(config: MkDocsConfig) -> SearchPlugin | None:
    """Material's search plugin of this build, if it is on."""
    found = [plugin for plugin in config.plugins.values() if isinstance(plugin, SearchPlugin)]
    return found[0] if found and found[0].config.enabled else None


def write_sitemap(env: jinja2.Environment, files: Files, config: MkDocsConfig, nav: Navigation) -> None:
    """Write the sitemap (and its gzipped copy) again, as a full build does, if the theme has one.

    A full build writes it before it builds the pages, so it lists every
    page's address as MkDocs first gave it, before any ``on_page_context``
    (the reading part points a whole-essay page's canonical address at its
    essay there): those first addresses are put back while it is written.
    """
    if SITEMAP not in config.theme.static_templates:
        return
    pages = [file.page for file in files.documentation_pages() if file.page is not None]
    kept = [(page.canonical_url, page.abs_url) for page in pages]
    for page in pages:
        page._set_canonical_url(config.site_url)
    try:
        _build_theme_template(SITEMAP, env, files, config, nav)
    finally:
        for page, (canonical, absolute) in zip(pages, kept, strict=True):
            page.canonical_url, page.abs_url = canonical, absolute
