"""The glossary as MkDocs builds it: the index, entry pages, automatic term links, previews everywhere.

An entry's page is a :class:`.model_page.ModelPage`: MkDocs neither reads
the entry's file again nor converts its Markdown; the body is rendered once
per build with the contributors' safe Markdown and put on its page in
``on_page_content``, its links made relative to that page.

Terms are linked in ``on_page_content`` (``order.LINK_TERMS``), in the
page's own text: on an essay page that is before the commentary adds its
callouts and paragraph actions, so the glossary annotates the essay and a
note is linked on its own page. An entry's sources, related entries and
mentions are added once search has indexed the entry, as HTML, with their
headings added to the table of contents. Every glossary link, on every
page, is marked as one, so that it previews its entry (the data is one file,
``glossary/previews.json``, written with the other files): links in the
page's own text are marked as terms are linked, links added later (the
notes shown on essay pages) in ``on_page_context`` after the notes are
placed (``order.ENTRY_TAIL``); only a page whose HTML grew since is read
again.
"""

from __future__ import annotations

from html import escape as escape_html
from typing import TYPE_CHECKING, Any, cast

from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, get_toc

from edition.addresses import (
    GLOSSARY,
    Kind,
    glossary_entry,
    glossary_index,
    glossary_previews,
    page_of,
    page_url,
    relative_url,
    resolver,
)
from edition.content.graph import MENTIONS, PAGE, TERM, TERMS, Key
from edition.content.site import Site
from edition.content.text import counted
from edition.conventions import META_GLOSSARY
from edition.features.glossary import pages
from edition.features.glossary.backlinks import Mention
from edition.features.glossary.changes import entry_changes, pages_naming
from edition.features.glossary.linker import link_terms, mark_links
from edition.features.glossary.previews import previews
from edition.features.glossary.session import GlossaryBuild, prepare
from edition.mkdocs_adapter.data_files import rewrite
from edition.mkdocs_adapter.model_page import ModelPage

if TYPE_CHECKING:
    from collections.abc import Callable

    from edition.mkdocs_adapter.build import EditionBuild

LOGGER = "glossary"


class GlossaryPart:
    """One build's glossary, as MkDocs pages."""

    def __init__(self, build: EditionBuild) -> None:
        self.build = build
        self.glossary = self._prepared()
        self.texts: dict[str, str] = {}  # each page's final text, kept for the preview only

    def _prepared(self) -> GlossaryBuild:
        glossary = prepare(self.build.site, self.build.config.mdx_configs.get("toc"), self.build.memo)
        self.build.report(LOGGER, glossary.problems)
        return glossary

    def refresh(self, before: Site) -> set[Key]:
        """Prepare the glossary again (the memo keeps what did not change); the entries whose card, names or mentions
        changed."""
        old, self.glossary = self.glossary, self._prepared()
        self.glossary.linked_sizes = old.linked_sizes
        changes = entry_changes(before.terms, self.build.site.terms, old.mentions, self.glossary.mentions)
        keys: set[Key] = {(TERM, slug) for slug in changes.cards} | {(MENTIONS, slug) for slug in changes.mentions}
        if changes.cards:
            keys.add((TERMS, ""))
            index = self.build.files.get_file_from_path(glossary_index()) if self.build.files else None
            if index is not None and index.generated_by:
                index.content_string = pages.index_page(list(self.build.site.terms.values()))
        if changes.names:
            keys |= {(PAGE, src) for src in pages_naming(self.texts, changes.names)}
        if self.build.files and (changes.cards or changes.mentions):
            rewrite(self.build.files, glossary_previews(), self._previews())
        return keys

    def forget(self, page: Page) -> None:
        """Drop the page's text and size."""
        self.texts.pop(page.file.src_uri, None)
        self.glossary.linked_sizes.pop(page.file.src_uri, None)

    def files(self, files: Files) -> Files:
        """Entry pages from the model (never read or converted again); the generated index and preview data."""
        config, terms = self.build.config, self.build.site.terms
        for file in files.documentation_pages():
            self.adopt(file)
        files.append(File.generated(config, glossary_index(), content=pages.index_page(list(terms.values()))))
        files.append(File.generated(config, glossary_previews(), content=self._previews()))
        return files

    def _previews(self) -> str:
        """The preview data's text, from the model and the glossary's mentions."""
        mentions = {slug: len(found) for slug, found in self.glossary.mentions.items()}
        return previews(self.build.site.terms, mentions, self._entry_url)

    def adopt(self, file: File) -> bool:
        """Give an entry's file its page, made from the model; whether ``file`` is an entry's."""
        slug = self._entry(file.src_uri)
        if slug is None:
            return False
        ModelPage(None, file, self.build.config, meta=self.build.site.terms[slug].meta)
        return True

    def page_markdown(self, markdown: str, page: Page) -> str:
        """An entry's title, escaped once: Material writes ``page.meta.title`` into the page as it is."""
        slug = self._entry(page.file.src_uri)
        if slug is not None:
            page.meta["title"] = escape_html(self.build.site.terms[slug].title)
        return markdown

    def page_content(self, html: str, page: Page) -> str:
        """Link terms in the page; the index first gets its lists, an entry's page its head and body and their toc."""
        matcher = None if page.meta.get(META_GLOSSARY) is False else self.glossary.matcher
        if page_of(page.file.src_uri).kind is Kind.GLOSSARY_INDEX:
            terms = list(self.build.site.terms.values())
            html = pages.fill_index(html, terms, self.build.config.use_directory_urls)
        own = self._entry(page.file.src_uri)
        if own:
            body = self.glossary.entries[own]
            html = pages.entry_head(self.build.site.terms[own]) + body.fill(
                resolver(GLOSSARY, self.build.linker(page.url))
            )
            page.toc = get_toc(cast(Any, body.toc))  # the toc extension's tokens, as MkDocs reads them
        exclude = frozenset({own} if own else ())
        html, linked = link_terms(
            html,
            matcher,
            self.glossary.summaries,
            self._url_for(page),
            exclude=exclude,
            base=page.url,
            seen=self.glossary.seen,
        )
        self.glossary.linked_sizes[page.file.src_uri] = len(html)
        self.build.graph.record(page.file.src_uri, *((TERM, slug) for slug in linked))
        return html

    def page_context(self, context: dict[str, Any], page: Page) -> dict[str, Any]:
        """Links added since terms were linked are marked; an entry's sources, related entries and mentions."""
        src, graph = page.file.src_uri, self.build.graph
        if len(page.content or "") != self.glossary.linked_sizes.get(src):
            marked: set[str] = set()
            page.content = mark_links(page.content or "", self.glossary.summaries, page.url, marked)
            graph.record(src, *((TERM, slug) for slug in marked))
        if page_of(src).kind is Kind.GLOSSARY_INDEX:
            graph.record(src, (TERMS, ""))
        own = self._entry(src)
        if own:
            graph.record(src, (MENTIONS, own), *((TERM, slug) for slug in self.build.site.terms[own].see_also))
            terms, use_dirs = self.build.site.terms, self.build.config.use_directory_urls

            def mention_href(mention: Mention) -> str:
                return relative_url(page_url(mention.page, use_dirs), page.url) + f"#{mention.paragraph}"

            tail, headings = pages.entry_tail(
                terms[own],
                terms,
                self.glossary.mentions.get(own, []),
                self._url_for(page),
                mention_href,
                self.build.site.docs_rel,
            )
            page.content = (page.content or "") + tail
            _add_to_toc(page, headings)
        if self.build.preview:
            self.texts[src] = page.content or ""
        return context

    def post_build(self) -> None:
        if self.glossary.unused:
            unused = self.glossary.unused
            self.build.log(LOGGER).info(
                f"{counted(len(unused), 'entry', 'entries')} nothing links to or mentions yet: {', '.join(unused)}"
            )

    def _entry(self, src: str) -> str | None:
        """The slug of the entry page built from ``src``, else None."""
        ref = page_of(src)
        return ref.name if ref.kind is Kind.GLOSSARY_ENTRY and ref.name in self.build.site.terms else None

    def _entry_url(self, slug: str) -> str:
        """An entry's address relative to the site's root."""
        return page_url(glossary_entry(slug), self.build.config.use_directory_urls)

    def _url_for(self, page: Page) -> Callable[[str], str]:
        """``url_for(slug)``: an entry's address relative to ``page``."""
        return lambda slug: relative_url(self._entry_url(slug), page.url)


def _add_to_toc(page: Page, headings: list[tuple[str, str]]) -> None:
    """List headings added after Markdown in the page's table of contents.

    At the top level; under the body's own ``<h1>`` if it has one, whose
    children are what Material shows as the table of contents.
    """
    items = page.toc.items
    parent = items[0].children if len(items) == 1 and items[0].level == 1 else items
    parent.extend(AnchorLink(title, ident, 2) for ident, title in headings)
