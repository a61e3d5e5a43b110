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
from edition.conventions import META_GLOSSARY
from edition.features.glossary import pages
from edition.features.glossary.backlinks import Mention
from edition.features.glossary.linker import link_terms, mark_links
from edition.features.glossary.previews import previews
from edition.features.glossary.session import prepare
from edition.mkdocs_adapter.model_page import ModelPage

if TYPE_CHECKING:
    from collections.abc import Callable

    from edition.mkdocs_adapter.build import EditionBuild

LOGGER = "glossary"


class GlossaryPart:
    """One build's glossary, as MkDocs pages."""

    def __init__(self, build: EditionBuild) -> None:
        self.build = build
        self.glossary = prepare(build.site, build.config.mdx_configs.get("toc"))
        build.report(LOGGER, self.glossary.problems)

    def files(self, files: Files) -> Files:
        """Entry pages from the model (never read or converted again); the generated index and preview data."""
        config, terms = self.build.config, self.build.site.terms
        for file in files.documentation_pages():
            slug = self._entry(file.src_uri)
            if slug is not None:
                ModelPage(None, file, config, meta=terms[slug].meta)
        files.append(File.generated(config, glossary_index(), content=pages.index_page(list(terms.values()))))
        mentions = {slug: len(found) for slug, found in self.glossary.mentions.items()}
        files.append(File.generated(config, glossary_previews(), content=previews(terms, mentions, self._entry_url)))
        return files

    def page_markdown(self, markdown: str, page: Page) -> str:
        """An entry's title, escaped once: Material writes ``page.meta.title`` into the page as it is."""
        slug = self._entry(page.file.src_uri)
        if slug is not None:
            page.meta["title"] = escape_html(self.build.site.terms[slug].title)
        return markdown

    def page_content(self, html: str, page: Page) -> str:
        """Link terms in the page; an entry's page first gets its head and body, and their table of contents."""
        matcher = None if page.meta.get(META_GLOSSARY) is False else self.glossary.matcher
        own = self._entry(page.file.src_uri)
        if own:
            body = self.glossary.entries[own]
            html = pages.entry_head(self.build.site.terms[own]) + body.fill(
                resolver(GLOSSARY, self.build.linker(page.url))
            )
            page.toc = get_toc(cast(Any, body.toc))  # the toc extension's tokens, as MkDocs reads them
        exclude = frozenset({own} if own else ())
        html, _ = link_terms(
            html, matcher, self.glossary.summaries, self._url_for(page), exclude=exclude, base=page.url
        )
        self.glossary.linked_sizes[page.file.src_uri] = len(html)
        return html

    def page_context(self, context: dict[str, Any], page: Page) -> dict[str, Any]:
        """Links added since terms were linked are marked; an entry's sources, related entries and mentions."""
        if len(page.content or "") != self.glossary.linked_sizes.get(page.file.src_uri):
            page.content = mark_links(page.content or "", self.glossary.summaries, page.url)
        own = self._entry(page.file.src_uri)
        if own:
            terms, use_dirs = self.build.site.terms, self.build.config.use_directory_urls

            def mention_href(mention: Mention) -> str:
                return relative_url(page_url(mention.page, use_dirs), page.url) + f"#{mention.paragraph}"

            tail, headings = pages.entry_tail(
                terms[own], terms, self.glossary.mentions.get(own, []), self._url_for(page), mention_href
            )
            page.content = (page.content or "") + tail
            _add_to_toc(page, headings)
        return context

    def post_build(self) -> None:
        if self.glossary.unused:
            unused = self.glossary.unused
            self.build.log(LOGGER).info(f"{len(unused)} entries nothing links to or mentions yet: {', '.join(unused)}")

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
