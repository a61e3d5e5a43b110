"""One build's commentary: every note anchored once, rendered on demand.

The hook creates a :class:`Commentary` in ``on_config`` (a fresh one per
build, since ``mkdocs serve`` keeps hook modules) and asks it for page HTML;
this class knows nothing of MkDocs beyond the ``link`` callables it is given,
so scripts and tests use it directly.
"""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from collections.abc import Callable
from functools import partial

from edition.addresses import (
    DocsPath,
    Kind,
    Linker,
    callout_id,
    commentary_index,
    note_page,
    page_of,
    repo_path,
    resolver,
)
from edition.content.contributed.names import ascii_name
from edition.content.memo import NO_MEMO, Memo
from edition.content.model import Essay
from edition.content.places import places
from edition.content.problems import Problem
from edition.content.site import Site
from edition.features.commentary import export, notices, pages, render
from edition.features.commentary.anchor import Anchor
from edition.features.commentary.revised import CHANGED, REMOVED, anchor_all, follow_up
from edition.features.commentary.scaffold import unique_name
from edition.safe.markdown import Rendered, SafeMarkdown

_BRANCH = re.compile(r"^(?:edit|blob)/([^/]+)/")


def branch_of(edit_uri: str, default: str = "main") -> str:
    """The branch named by an ``edit_uri`` such as ``edit/main/docs/``."""
    match = _BRANCH.match(edit_uri or "")
    return match.group(1) if match else default


class Commentary:
    """Anchors, problems and page HTML for the notes of one site."""

    def __init__(self, site: Site, repo_url: str = "", edit_uri: str = "", memo: Memo = NO_MEMO):
        """``memo`` keeps anchors and rendered bodies between the preview's builds (:mod:`edition.content.memo`)."""
        self.site = site
        self.anchors: list[Anchor] = anchor_all(site.comments, site.essays, memo)
        self.by_page: dict[str, Anchor] = {note_page(a.comment.essay, a.comment.name): a for a in self.anchors}
        self.by_essay: dict[str, list[Anchor]] = defaultdict(list)  # each essay's index lists its own
        for anchor in self.anchors:
            self.by_essay[anchor.comment.essay].append(anchor)
        self.by_paragraph: dict[str, list[Anchor]] = defaultdict(list)
        for anchor in render.by_date(a for a in self.anchors if a.placed):
            self.by_paragraph[anchor.paragraph_id].append(anchor)
        self.markdown = memo.value("safe markdown", "notes", SafeMarkdown)
        self.repo_url, self.branch = repo_url, branch_of(edit_uri)
        self.problems: list[Problem] = [a.problem for a in self.anchors if a.problem]
        self.follow_ups: list[Problem] = [f for a in self.anchors if a.status == CHANGED and (f := follow_up(a))]
        self.names: dict[str, set[str]] = defaultdict(set)
        self._proposals: dict[tuple[str, str], str] = {}  # (essay, paragraph id): its proposal link
        for comment in site.comments:
            self.names[comment.essay].add(comment.name)
        self.places = places(site.essays.values())  # how pages name a note's paragraph to readers
        self.neighbours = {  # each note's previous and next in its essay's reading order, by name
            slug: render.neighbours(render.in_reading_order(essay, self.by_essay.get(slug, [])))
            for slug, essay in site.essays.items()
        }
        self.bodies: dict[str, Rendered] = {}  # rendered once, filled per page
        self.exported: dict[int, tuple[Anchor, Essay | None, str]] = {}  # each note's JSON in the export, by its anchor
        for anchor in self.anchors:
            body = anchor.comment.body
            rendered = memo.value("note body", body, partial(self.markdown.render_once, body))
            self.bodies[anchor.comment.path] = rendered
            self.problems += rendered.reported(anchor.comment.path, anchor.comment.body_line)

    # -- essay pages -------------------------------------------------------

    def decorate_essay(self, page_html: str, src: str, link: Linker) -> str:
        """The essay page built from ``src`` with its notes' highlights and callouts, paragraph actions and filter.

        A callout links the previous and next notes where they are shown: on
        the whole-essay page, on that page; elsewhere, on their sections' pages.
        """
        ref = page_of(src)
        essay_slug, one_page = ref.essay, ref.kind is Kind.WHOLE_ESSAY
        essay = self.site.essays.get(essay_slug)
        if essay is None:
            return page_html
        ids = {p.id for p in essay.paragraphs()}
        around = self.neighbours[essay_slug]

        def here(page: str, ident: str) -> str:
            """The address of ``ident`` on ``page`` (a docs file), as short as it can be from this page."""
            return f"#{ident}" if one_page or page == src else link(page, ident) or f"#{ident}"

        def callout_href(anchor: Anchor) -> str:
            page = anchor.paragraph.page if anchor.paragraph else src  # a neighbour is placed: it has a paragraph
            return here(page, callout_id(anchor.comment.name))

        def neighbour(anchor: Anchor | None) -> render.Neighbour | None:
            return None if anchor is None else render.Neighbour(callout_href(anchor), anchor.comment.title)

        def note(anchor: Anchor, highlighted: bool) -> str:
            permalink = link(note_page(anchor.comment.essay, anchor.comment.name)) or ""
            previous, following = around.get(anchor.comment.name, (None, None))
            body = self.body(anchor, link)
            return render.callout(
                anchor.comment,
                body,
                permalink,
                highlighted,
                neighbour(previous),
                neighbour(following),
                notices.notice(anchor, link),
                notices.applied(anchor),
            )

        def cite(pid: str) -> render.Citable:
            """A paragraph is cited at its section's page, also from the whole-essay page."""
            page = found[1].page if (found := self.site.paragraph(pid)) else src
            href = f"#{pid}" if page == src else link(page, pid) or f"#{pid}"
            return render.Citable(href, str(self.places.get(pid, "")))

        page_html = render.decorate(
            page_html, ids, self.by_paragraph, note, lambda pid: self.propose_url(essay_slug, pid), cite
        )
        kinds = (a.comment.kind for a in self.by_essay.get(essay_slug, []) if a.placed)
        proposals = (
            render.proposals(self.names.get(essay_slug, ()), self._note_template(essay_slug)) if self.repo_url else ""
        )
        return render.after_title(page_html, render.note_filter(kinds) + proposals)

    def propose_url(self, essay_slug: str, pid: str) -> str | None:
        """GitHub's new-file page for a note on ``pid`` (None without ``repo_url``).

        The file is named after the paragraph, as the build accepts names (a
        paragraph id may hold letters outside ASCII).
        """
        if not self.repo_url:
            return None
        if (essay_slug, pid) not in self._proposals:  # a paragraph is on its section's page and the whole essay's
            self._proposals[essay_slug, pid] = self._propose_url(essay_slug, pid)
        return self._proposals[essay_slug, pid]

    def _propose_url(self, essay_slug: str, pid: str) -> str:
        name = unique_name(ascii_name(pid, "note"), self.names[essay_slug])
        folder = posixpath.dirname(repo_path(self.site.docs_rel, note_page(essay_slug, name)))
        return render.propose_link(self.repo_url, self.branch, folder, f"{name}.md")

    def _note_template(self, essay_slug: str) -> str:
        essay = self.site.essays.get(essay_slug)
        return render.note_template(essay.revision if essay else 1)

    # -- note bodies and pages ---------------------------------------------

    def body(self, anchor: Anchor, link: Linker) -> str:
        """The note's body as safe HTML, its relative links made relative to the page being built."""
        src = note_page(anchor.comment.essay, anchor.comment.name)
        return self.bodies[anchor.comment.path].fill(resolver(posixpath.dirname(src), link))

    # -- generated pages ---------------------------------------------------

    def index_pages(self) -> list[DocsPath]:
        """The generated index pages: the site's and one per essay."""
        return [commentary_index(), *(commentary_index(slug) for slug in self.site.essays)]

    def _index(self, src: str) -> tuple[bool, Essay | None]:
        """Whether ``src`` is a generated index, and its essay (None for the site's)."""
        page = page_of(src)
        essay = self.site.essays.get(page.essay) if page.kind is Kind.ESSAY_COMMENTARY else None
        return page.kind is Kind.COMMENTARY_INDEX or essay is not None, essay

    def page_title(self, src: str) -> str | None:
        """The plain-text title of a note page or generated index, or None for other pages."""
        if src in self.by_page:
            return self.by_page[src].comment.title
        is_index, essay = self._index(src)
        if is_index:
            return f"Commentary on {essay.title}" if essay else "Commentary"
        return None

    def searchable_html(self, src: str, link: Linker) -> str | None:
        """The part of a note page that search indexes (None for other pages)."""
        anchor = self.by_page.get(src)
        return None if anchor is None else pages.note_text(anchor, self.body(anchor, link))

    def note_html(self, src: str, text_html: str, link: Linker) -> str:
        """A note's whole page around its searchable part ``text_html``."""
        anchor = self.by_page[src]
        return pages.note_page_html(anchor, self.site.essays.get(anchor.comment.essay), text_html, link, self.places)

    def index_html(self, src: str, link: Linker) -> str | None:
        """The HTML of a generated index page, or None for other pages."""
        is_index, essay = self._index(src)
        if not is_index:
            return None
        if essay is None:
            return pages.site_index(self.anchors, self.site.essays, link, self.places)
        return pages.essay_index(essay, self.by_essay.get(essay.slug, []), self.site.essays, link, self.places)

    def earlier_text(self, essay_slug: str, link: Linker) -> str:
        """The revisions page's "Earlier text": the notes on paragraphs a revision removed ('' when none)."""
        removed = [a for a in self.by_essay.get(essay_slug, []) if a.status == REMOVED]
        return pages.earlier_text(removed, link) if removed else ""

    # -- export ------------------------------------------------------------

    def annotations(self, url: Callable[[str], str], collection_id: str, label: str) -> str:
        """``annotations.jsonld``; a note whose anchor and essay are the objects they were last time keeps its JSON.

        The preview's memo gives an unchanged note the same anchor, and an
        unchanged essay (with its revision record) the same object; a page's
        address does not change between its steps.
        """
        kept, self.exported = self.exported, {}
        items = []
        for anchor in export.oldest_first(self.anchors):
            essay = self.site.essays.get(anchor.comment.essay)
            old = kept.get(id(anchor))
            fresh = old is not None and old[0] is anchor and old[1] is essay
            line = old[2] if old is not None and fresh else export.item(anchor, url, essay)
            self.exported[id(anchor)] = (anchor, essay, line)
            items.append(line)
        return export.dumps_items(items, collection_id, label)
