"""The commentary as MkDocs builds it: notes beside their passages, a page per note, the indexes, the export.

The notes are anchored once when the part is made (problems logged then, so
``--strict`` fails). A note's page is a :class:`.model_page.ModelPage`:
MkDocs neither reads the stranger's file again nor renders its Markdown;
the page is written from the model. Essay pages are decorated once search
has indexed them (``order.DECORATE_ESSAYS``): a callout is found once, on the
note's own page, and the paragraph actions are not text to find. A note's
page is indexed with its title and body only; its byline, passage and
sources are added afterwards. Index pages only repeat what note pages hold
and are kept out of search and glossary linking. An essay's revisions page
(the reading part's) gets the notes whose paragraphs a revision removed.
Notes whose passage a revision changed are not problems (the build passes):
each gets one line at the INFO level saying what a maintainer may do. In
GitHub Actions the job summary lists the notes a pull request changes,
where each will appear (:meth:`CommentaryPart.job_summary`).
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from edition.addresses import COMMENTARY, Kind, PageRef, note_page, page_of, repo_path
from edition.content.files import write_atomic
from edition.content.gcpause import gc_paused
from edition.content.graph import ESSAY, NOTE, NOTES, PARAGRAPH, Key
from edition.content.site import Site
from edition.conventions import META_GLOSSARY, META_SEARCH
from edition.features.commentary.anchor import ANCHORED, MOVED, Anchor
from edition.features.commentary.changes import note_changes
from edition.features.commentary.pages import note_src
from edition.features.commentary.session import Commentary
from edition.mkdocs_adapter.github import NoteRow
from edition.mkdocs_adapter.model_page import ModelPage

if TYPE_CHECKING:
    from edition.mkdocs_adapter.build import EditionBuild

EXPORT = "annotations.jsonld"  # every note as a W3C Web Annotation, at the site's root


class CommentaryPart:
    """One build's commentary, as MkDocs pages."""

    def __init__(self, build: EditionBuild) -> None:
        self.build = build
        self.notes = self._anchored()

    def _anchored(self) -> Commentary:
        """Every note anchored and rendered (problems reported): many objects, no cycles, so no collection."""
        config = self.build.config
        with gc_paused():
            notes = Commentary(self.build.site, config.repo_url or "", config.edit_uri or "", self.build.memo)
        self.build.report("commentary", notes.problems)
        for follow_up in notes.follow_ups:  # a passage a revision changed: advice, not a problem
            self.build.log("commentary").info(str(follow_up))
        return notes

    def refresh(self, before: Site) -> set[Key]:
        """Anchor the notes again (the memo keeps those whose note and essay did not change); what shows differently."""
        old, self.notes = self.notes, self._anchored()
        self.notes.exported = old.exported
        changes = note_changes(old, self.notes)
        keys: set[Key] = {(NOTE, src) for src in changes.notes} | {(PARAGRAPH, pid) for pid in changes.paragraphs}
        keys |= {(NOTES, slug) for slug in changes.essays} | ({(NOTES, "")} if changes.notes else set())
        return keys

    def forget(self, page: Page) -> None:
        """Nothing is kept per page."""

    def files(self, files: Files) -> Files:
        """Generate the index pages; a published note's page is rendered from the model, not read."""
        for src in self.notes.index_pages():
            index = File.generated(self.build.config, src, content="")
            files.append(index)
            ModelPage(None, index, self.build.config)  # its HTML is written in on_page_content: nothing to convert
        for file in files.documentation_pages():
            self.adopt(file)
        return files

    def adopt(self, file: File) -> bool:
        """Give a published note's file its page, rendered from the model; whether ``file`` is a note's."""
        if file.src_uri not in self.notes.by_page:
            return False
        ModelPage(None, file, self.build.config)
        return True

    def page_markdown(self, markdown: str, page: Page) -> str:
        """Never let MkDocs render a note's own Markdown; give note and index pages a safe title."""
        src = page.file.src_uri
        title = self.notes.page_title(src)
        if title is None:
            return markdown
        page.meta = {"title": html.escape(title)}
        if src not in self.notes.by_page:  # an index: its titles and quotes are each note's, found there
            page.meta.update({META_SEARCH: {"exclude": True}, META_GLOSSARY: False})
        return ""

    def page_content(self, content: str, page: Page) -> str:
        """Note pages get their title and body (what search indexes), index pages their HTML."""
        link = self.build.linker(page.url)
        src = page.file.src_uri
        if page_of(src).kind is Kind.REVISIONS:
            return content + self.notes.earlier_text(page_of(src).essay, link)
        text = self.notes.searchable_html(src, link)
        if text is None:
            text = self.notes.index_html(src, link)
            if text is not None:
                self._record_index(src, page_of(src))
        return content if text is None else text

    def page_context(self, context: dict[str, Any], page: Page) -> dict[str, Any]:
        """Once search has indexed the page: essay pages get their notes, note pages the rest of theirs."""
        src = page.file.src_uri
        ref = page_of(src)
        if ref.of_essay:
            page.content = self.notes.decorate_essay(page.content or "", src, self.build.linker(page.url))
            self._record_essay_page(src, ref)
        elif src in self.notes.by_page:
            page.content = self.notes.note_html(src, page.content or "", self.build.linker(page.url))
            self.build.graph.record(src, (NOTE, src), (ESSAY, ref.essay))
        return context

    def _record_essay_page(self, src: str, ref: PageRef) -> None:
        """An essay's page shows the notes on its paragraphs and, in its proposal links, note names and the revision."""
        essay = self.build.site.essays.get(ref.essay)
        whole = ref.kind is Kind.WHOLE_ESSAY
        shown = [p.id for p in (essay.paragraphs() if whole else essay.on_page(src))] if essay else []
        self.build.graph.record(src, (ESSAY, ref.essay), (NOTES, ref.essay), *((PARAGRAPH, pid) for pid in shown))

    def _record_index(self, src: str, ref: PageRef) -> None:
        """An essay's commentary lists its notes; the site's lists the newest of all and every essay."""
        graph, notes = self.build.graph, self.notes
        if ref.kind is Kind.ESSAY_COMMENTARY:
            listed = notes.by_essay.get(ref.essay, [])
            graph.record(src, (ESSAY, ref.essay), (NOTES, ref.essay), *((NOTE, note_src(a)) for a in listed))
        else:
            graph.record(src, (NOTES, ""), *((ESSAY, slug) for slug in self.build.site.essays))

    def post_build(self) -> None:
        """Write every note as a W3C Web Annotation to ``annotations.jsonld``."""
        config = self.build.config
        base = config.site_url or ""

        def url(src: str) -> str:
            return base + self.build.urls.get(src, src)

        data = self.notes.annotations(url, base + EXPORT, f"Commentary on {config.site_name}")
        write_atomic(Path(config.site_dir) / EXPORT, data)

    def job_summary(self) -> None:
        """In GitHub Actions, the job summary: the notes the pull request changes (else those not anchored)."""
        github = self.build.github
        if not github.enabled:
            return
        shown = [a for a in self.notes.anchors if github.wants(a.comment.path)]
        if github.changed is None:
            shown = [a for a in self.notes.anchors if a.status != ANCHORED]
        rows = [self._row(anchor) for anchor in shown]
        folder = repo_path(self.build.site.docs_rel, COMMENTARY) + "/"
        read = {anchor.comment.path for anchor in self.notes.anchors}
        root = Path(self.build.config.config_file_path or ".").parent
        rows += [
            NoteRow(path, "not read: see the problems below")
            for path in github.changed or ()
            if path.startswith(folder) and path.endswith(".md") and path not in read and (root / path).is_file()
        ]
        github.write_summary(sorted(rows, key=lambda row: row.path))

    def _row(self, anchor: Anchor) -> NoteRow:
        """One note's line of the summary: where readers will find it, by its full address."""
        base, note = self.build.config.site_url or "", anchor.comment
        if anchor.paragraph is None:
            page = self.build.urls.get(note_page(note.essay, note.name), "")
            return NoteRow(note.path, "orphaned: listed on the commentary pages only", note.paragraph, base + page)
        address = f"{base}{self.build.urls.get(anchor.paragraph.page, '')}#{anchor.paragraph.id}"
        state = f"moved here from '{note.paragraph}'" if anchor.status == MOVED else anchor.status
        return NoteRow(note.path, state, anchor.paragraph.id, address)
