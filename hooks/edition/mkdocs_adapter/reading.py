"""The reading experience as MkDocs builds it: whole-essay and revisions pages, home listing, descriptions, old
addresses, feeds, valid HTML.

The whole-essay page lives here entirely: it is generated in ``on_files``,
each section page's HTML is kept as Markdown made it (``on_page_content``,
``order.KEEP_SECTIONS``), the page's Markdown is cut down to what no
section page holds (``on_page_markdown``) and its HTML filled from the
model and the kept sections before the glossary links terms
(``on_page_content``), with its headings in the form this site's Markdown
gives them; its canonical address is the essay's (``on_page_context``).

So does each essay's revisions page: generated in ``on_files``, linked from
the essay's opening page, its HTML written from the revision record in
``on_page_content``. Once search has indexed an essay's page
(``order.PERMALINKS``), the ids its earlier revisions published there get
their anchors and notices (:mod:`edition.features.reading.permalinks`); an
essay never revised costs nothing there.

Each opening and section page's HTML is checked, once converted, for the
id of every paragraph the model puts on it: a hand edit that left raw HTML
open loses the paragraphs after it in silence otherwise
(:mod:`edition.features.reading.lost_paragraphs`).

With a ``site_url`` (feeds need absolute addresses) the Atom feeds are
generated with the other files, once the file list says which notes are
published, and every page's template is told which feeds to announce
(:data:`FEEDS`); an essay's pages are also given their citation tags
(:data:`CITATION`). ``overrides/main.html`` writes both into the ``<head>``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

import markdown
from markupsafe import escape
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from edition.addresses import (
    REVISIONS,
    WHOLE_ESSAY,
    DocsPath,
    Kind,
    commentary_index,
    essay_page,
    moved_address,
    page_of,
    page_url,
    repo_path,
    revisions_page,
    whole_essay_page,
)
from edition.content.graph import ESSAY, NOTES, PAGE, TERMS, Key
from edition.content.history import History
from edition.content.site import Site
from edition.conventions import LISTING_HOME, META_GLOSSARY, META_LISTING, META_SEARCH
from edition.features.reading import citation, listings, revisions, seo
from edition.features.reading.feeds import Feeds, Kept
from edition.features.reading.lost_paragraphs import lost, lost_paragraphs
from edition.features.reading.permalinks import add_permalinks, retired_page_html, retired_pages, retired_title
from edition.features.reading.valid_html import fix_material_markup
from edition.features.reading.whole_essay import (
    HEADING_SAMPLE,
    Headings,
    WholeEssays,
    heading_ids,
    whole_essay,
    whole_essay_body,
)
from edition.mkdocs_adapter.data_files import rewrite
from edition.mkdocs_adapter.model_page import ModelPage

if TYPE_CHECKING:
    from edition.mkdocs_adapter.build import EditionBuild

CONTENTS = "\n## Contents\n"  # the opening page's list of sections, as the importer writes it
WHOLE_ESSAY_LINK = f"[Read the whole essay on one page]({WHOLE_ESSAY}.md)"  # beside the opening, in its folder
VIEW_SWITCH = "\n{}\n{{: .essay-view-switch }}\n"
FEEDS = "edition_feeds"  # template context: (title, path in the site) of each feed the page announces
CITATION = "edition_citation"  # template context: (name, content) of each citation <meta> of an essay's page


class ReadingPart:
    """The pages around the essays for one build."""

    def __init__(self, build: EditionBuild) -> None:
        self.build = build
        self.whole = WholeEssays(build.site.essays, self._headings, build.site.docs_rel, self._mover)
        self.feeds: Feeds | None = None  # made with the file list, when the site has an address
        self.stale_feeds = False  # the model changed since the feeds were written (the preview)
        self.kept_feeds: Kept = {}  # each feed's text and what it was made from, for the preview's next step
        self._histories: dict[str, History] = {}

    def _headings(self) -> Headings | None:
        """How this site's Markdown writes the whole-essay page's headings (one sample converted)."""
        config = self.build.config
        converter = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
        return Headings.learn(converter.convert(HEADING_SAMPLE), getattr(converter, "toc_tokens", []))

    def history(self, slug: str) -> History | None:
        """The history of essay ``slug``, read from the model when first asked for."""
        essay = self.build.site.essays.get(slug)
        if essay is None:
            return None
        if slug not in self._histories:
            self._histories[slug] = History(essay)
        return self._histories[slug]

    def _mover(self, slug: str) -> Callable[[str], str | None]:
        """How an address on the essay's opening page reads on its whole-essay page, one folder down."""
        urls = self.build.urls
        opening, whole = urls.get(essay_page(slug)), urls.get(whole_essay_page(slug))
        if opening is None or whole is None:
            return lambda address: None
        known = self.build.site_urls()
        return lambda address: moved_address(address, opening, whole, known)

    def files(self, files: Files) -> Files:
        """Generate every essay's whole-essay and revisions pages, the pages earlier revisions had, and the feeds.

        A generated page is not added when a file of its name exists.
        """
        config = self.build.config
        generated: dict[DocsPath, str] = {}
        for essay in self.build.site.essays.values():
            generated[whole_essay_page(essay.slug)] = whole_essay(essay)
            generated[revisions_page(essay.slug)] = ""
            if essay.revision > 1:
                history = self.history(essay.slug)
                for page in retired_pages(history) if history else []:
                    generated[essay_page(essay.slug, page)] = ""
        if config.site_url:
            generated.update(self._feeds(files))
        for src, content in generated.items():
            if files.get_file_from_path(src) is None:
                file = File.generated(config, src, content=content)
                files.append(file)
                if not content and file.is_documentation_page():  # a revisions or retired page: written, not converted
                    ModelPage(None, file, config)
        return files

    def _feeds(self, files: Files) -> dict[DocsPath, str]:
        """Every feed's text, from the model and the notes that have a page in ``files``."""
        has_notes = files.get_file_from_path(commentary_index()) is not None
        self.feeds = Feeds(self.build.site, self.build.config.site_name, has_notes)

        def published(src: str) -> bool:
            return files.get_file_from_path(src) is not None

        return self.feeds.documents(published, self._absolute, self.kept_feeds)

    def _absolute(self, src: str) -> str:
        """The absolute address of the page or file built from ``src`` (the site has an address)."""
        return urljoin(self.build.config.site_url or "", page_url(src, self.build.config.use_directory_urls))

    def retired(self, src: str) -> History | None:
        """The essay's history when ``src`` is a page only an earlier revision of it had (generated here)."""
        ref = page_of(src)
        history = self.history(ref.essay) if ref.kind is Kind.ESSAY_SECTION and ref.essay else None
        return history if history is not None and ref.name in retired_pages(history) else None

    def refresh(self, before: Site) -> set[Key]:
        """Follow the new model; a changed essay's whole-essay page gets its new Markdown (the graph does the rest).

        A changed essay's history is read again when next asked for.
        """
        essays = self.whole.essays = self.build.site.essays
        files = self.build.files
        for slug, essay in essays.items():
            if before.essays.get(slug) is not essay:
                self._histories.pop(slug, None)
            file = files.get_file_from_path(whole_essay_page(slug)) if files else None
            if before.essays.get(slug) is not essay and file is not None and file.generated_by:
                file.content_string = whole_essay(essay)
        self.stale_feeds = self.feeds is not None  # post_build writes only the feeds whose notes changed
        return set()

    def post_build(self) -> None:
        """In the preview, the feeds again once the edit's notes are published or withheld (a full build wrote them)."""
        files = self.build.files
        if self.stale_feeds and files:
            self.stale_feeds = False
            for src, text in self._feeds(files).items():
                rewrite(files, src, text)

    def forget(self, page: Page) -> None:
        """Nothing to drop: a section's kept HTML goes with its essay's navigation, which the preview never changes."""

    def page_markdown(self, markdown: str, page: Page, files: Files) -> str:
        """The home listing; the opening page's links; the whole-essay page's markers; the revisions page's title."""
        if page.meta.get(META_LISTING) == LISTING_HOME:
            page.meta.setdefault(META_GLOSSARY, False)  # a listing of titles and summaries, not prose to annotate
            index = commentary_index() if files.get_file_from_path(commentary_index()) else None
            # every essay's card, the number of entries, the latest notes
            essays = ((ESSAY, slug) for slug in self.build.site.essays)
            self.build.graph.record(page.file.src_uri, *essays, (TERMS, ""), (NOTES, ""))
            return markdown + listings.home_listing(self.build.site, index)
        src = page.file.src_uri
        ref = page_of(src)
        history = self.history(ref.essay) if ref.kind in (Kind.ESSAY_OPENING, Kind.REVISIONS) else None
        if ref.kind in (Kind.ESSAY_OPENING, Kind.REVISIONS):
            self.build.graph.record(src, (ESSAY, ref.essay))  # the essay's first sentence, its revision record
        if ref.kind is Kind.ESSAY_OPENING:
            links = [WHOLE_ESSAY_LINK]
            if history is not None:  # "Revised 3 times; last on ..." (or "As first published")
                links.append(f"[{revisions.summary_line(history)}]({REVISIONS}.md)")
            link = VIEW_SWITCH.format(" \u00b7 ".join(links))
            return markdown.replace(CONTENTS, link + CONTENTS, 1) if CONTENTS in markdown else markdown + link
        if ref.kind is Kind.WHOLE_ESSAY and page.file.generated_by:
            essay = self.build.site.essays.get(ref.essay)
            sections = [essay_page(ref.essay, s.slug) for s in essay.sections] if essay else []
            self.build.graph.record(src, (ESSAY, ref.essay), *((PAGE, section) for section in sections))
            return self.whole.markdown(ref.essay) or markdown
        if ref.kind is Kind.REVISIONS and history is not None and page.file.generated_by:
            title = escape(revisions.title(history.essay.title))
            page.meta.update({"title": title, META_SEARCH: {"exclude": True}, META_GLOSSARY: False})
            return ""
        old = self.retired(page.file.src_uri) if page.file.generated_by else None
        if old is not None:
            title = escape(retired_title(old.essay.title))
            page.meta.update({"title": title, META_SEARCH: {"exclude": True}, META_GLOSSARY: False})
            return ""
        return markdown

    def page_content(self, html: str, page: Page, files: Files) -> str:
        """Check an essay page's paragraphs; keep a section's HTML; fill a whole-essay page (or open its parts,
        converted whole); write revisions."""
        ref = page_of(page.file.src_uri)
        if ref.kind in (Kind.ESSAY_OPENING, Kind.ESSAY_SECTION) and not page.file.generated_by:
            self._check_paragraphs(html, page)
        if ref.kind is Kind.WHOLE_ESSAY and ref.essay in self.whole.filled and page.file.generated_by:
            essay = self.whole.essays[ref.essay]
            filled = self.whole.fill(ref.essay, html, self.build.linker(page.url)(essay_page(ref.essay)) or "")
            if filled is not None:
                page.toc = get_toc(filled[1])  # type: ignore[arg-type]  # toc's tokens, as Markdown gives them
                if page.present_anchor_ids is not None:  # what MkDocs checks links to the page's anchors against
                    page.present_anchor_ids.update(heading_ids(essay).values())
                return filled[0]
            # Raw HTML left open in the note or an opening paragraph took a cut in. It took in that paragraph's
            # id line too, so the opening page's check of its paragraphs has said so, naming the line.
            page.markdown = whole_essay_body(essay)  # converted whole after all, as MkDocs converts a page
            page.render(self.build.config, files)
            html = page.content or ""
        history = self.history(ref.essay) if ref.kind is Kind.REVISIONS and page.file.generated_by else None
        if history is not None:
            return revisions.revisions_html(history, self.build.linker(page.url))
        old = self.retired(page.file.src_uri) if page.file.generated_by else None
        if old is not None:
            return retired_page_html(old, self.build.linker(page.url))
        return self.whole.take(page.file.src_uri, html)

    def _check_paragraphs(self, html: str, page: Page) -> None:
        """Warn when paragraphs the model puts on an essay's page are not in its HTML (a hand edit lost them)."""
        src = page.file.src_uri
        essay = self.build.site.essays.get(page_of(src).essay)
        missing = lost(html, [p.id for p in essay.on_page(src)]) if essay else []
        if missing:
            path = repo_path(self.build.site.docs_rel, src)
            self.build.report("reading", [lost_paragraphs(path, page.file.content_string, missing)])

    def permalinks(self, context: dict[str, Any], page: Page) -> dict[str, Any]:
        """Once search has indexed an essay's page: the ids its earlier revisions published there."""
        ref = page_of(page.file.src_uri)
        history = self.history(ref.essay) if ref.of_essay else None
        if history is None or history.number == 1:
            return context
        titles = {s.slug: s.title for s in history.essay.sections}
        section = None if ref.kind is Kind.WHOLE_ESSAY else ref.name
        link = self.build.linker(page.url)
        page.content = add_permalinks(page.content or "", history, section, link, titles)
        return context

    def page_context(self, context: dict[str, Any], page: Page) -> dict[str, Any]:
        """Describe the page; point a whole-essay page's canonical address at the essay.

        The description and the edit button's address are stored escaped
        (``Markup`` strings) because Material's templates write
        ``page.meta.description`` and ``page.edit_url`` into attributes
        unescaped; the edit address holds the file's name as it is.
        """
        config = self.build.config
        if page.edit_url:
            page.edit_url = escape(page.edit_url)
        src = page.file.src_uri
        text = page.meta.get("description") or seo.description(src, self.build.site)
        if text:
            page.meta["description"] = escape(text)
        ref = page_of(src)
        if ref.kind is Kind.WHOLE_ESSAY and config.site_url:
            page.canonical_url = self._absolute(essay_page(ref.essay))
        essay = self.build.site.essays.get(ref.essay) if ref.of_essay else None
        if essay is not None:
            self.build.graph.record(src, (ESSAY, ref.essay))  # the citation tags: title, author, revision ...
            language = str(config.theme.get("language") or "")
            context[CITATION] = citation.meta_tags(essay, page.canonical_url or "", language, config.site_url or "")
        return self.template_context(context, src)

    def template_context(self, context: dict[str, Any], src: str = "") -> dict[str, Any]:
        """The feeds a page announces; ``src`` is empty for a template that is no page (404.html)."""
        if self.feeds is not None:
            context[FEEDS] = self.feeds.links(src)
        return context

    def post_page(self, output: str) -> str:
        return fix_material_markup(output)

    def post_template(self, output: str, template_name: str) -> str:
        """The 404 page is a template, not a page: it gets the same corrections."""
        return fix_material_markup(output) if template_name == "404.html" else output
