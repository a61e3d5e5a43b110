"""MkDocs hook: show the commentary beside its passages and give every note a page.

Thin adapter over :mod:`edition.features.commentary`: the notes are anchored once in
``on_config`` (problems logged there, so ``--strict`` fails), essay pages get
their highlights, callouts and paragraph actions, note pages are rendered
from the model instead of from the stranger's Markdown, the index pages are
generated, and the notes are exported as ``annotations.jsonld`` after the
build. Listed after ``hooks/essays.py``, which loads the model, and before
``hooks/glossary.py``, which links terms in a note's text before this hook
wraps it in its page.

Essay pages are decorated in ``on_page_context``, after Material's search
plugin has indexed them (plugins run before hooks for the same event): a
callout is indexed once, on the note's own page, and the paragraph actions
are not text to find, so search never parses them. A note's own page is
indexed with its title and body only; its byline, passage and sources are
added afterwards. Index pages only repeat what note pages hold and are kept
out of search and glossary linking altogether.
"""

from __future__ import annotations

import html
from pathlib import Path

from edition.addresses import linker
from edition.content.files import write_atomic
from edition.content.gcpause import gc_paused
from edition.features.commentary.session import Commentary
from edition.mkdocs_adapter import build
from edition.mkdocs_adapter.model_page import ModelPage
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)
_notes: Commentary | None = None
ESSAYS = "essays/"


def on_config(config: MkDocsConfig) -> None:
    """Anchor every note of the new build and report each problem once."""
    global _notes
    with gc_paused():  # every note anchored and rendered: many objects, no cycles
        _notes = Commentary(build.current(), config.repo_url or "", config.edit_uri or "")
    for problem in _notes.problems:
        log.warning(str(problem))


def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    """Generate the commentary index pages; a note's page is rendered from the model.

    Only notes that loaded are left under ``commentary/`` (the essays hook
    withholds everything else, a hand-written index page included). Index
    pages are always generated from the model. A published note's page is a
    :class:`edition.mkdocs_adapter.model_page.ModelPage`: MkDocs neither reads its file
    again nor renders Markdown for it.
    """
    for src_uri in _notes.index_uris():
        files.append(File.generated(config, src_uri, content=""))
    for file in files.documentation_pages():
        if _path(file) in _notes.by_path:
            ModelPage(None, file, config)  # the model has the note: MkDocs neither reads nor renders its file
    return files


def _linker(page: Page):
    """``link(src_uri, fragment)``: the address of a docs file relative to ``page``."""
    return linker(build.urls(), page.url)


def _path(file: File) -> str:
    """The file's path relative to the repository root, as notes and messages name it."""
    return _notes.docs_prefix + file.src_uri if file.abs_src_path else ""


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Never let MkDocs render a note's own Markdown; give note and index pages a safe title."""
    path = _path(page.file)
    title = _notes.page_title(path, page.file.src_uri)
    if title is None:
        return markdown
    page.meta = {"title": html.escape(title)}
    if path not in _notes.by_path:  # an index: its titles and quotes are each note's, found there
        page.meta.update(search={"exclude": True}, glossary=False)
    return ""


def on_page_content(content: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Note pages get their title and body (what search indexes), index pages their HTML."""
    link = _linker(page)
    text = _notes.searchable_html(_path(page.file), link)
    if text is None:
        text = _notes.index_html(page.file.src_uri, link)
    return content if text is None else text


def on_page_context(context: dict, /, *, page: Page, config: MkDocsConfig, nav) -> dict:
    """Once search has indexed the page: essay pages get their notes, note pages the rest of theirs."""
    src_uri = page.file.src_uri
    if src_uri.startswith(ESSAYS):
        page.content = _notes.decorate_essay(page.content, src_uri.split("/")[1], _linker(page))
    elif (path := _path(page.file)) in _notes.by_path:
        page.content = _notes.note_html(path, page.content, _linker(page))
    return context


def on_post_build(*, config: MkDocsConfig) -> None:
    """Write every note as a W3C Web Annotation to ``annotations.jsonld``."""
    base = config.site_url or ""

    def url(src_uri: str) -> str:
        return base + build.urls().get(src_uri, src_uri)

    data = _notes.annotations(url, base + "annotations.jsonld", f"Commentary on {config.site_name}")
    write_atomic(Path(config.site_dir) / "annotations.jsonld", data)
