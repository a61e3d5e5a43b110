"""MkDocs hook: show the commentary beside its passages and give every note a page.

Thin adapter over :mod:`edition.commentary`: the notes are anchored once in
``on_config`` (problems logged there, so ``--strict`` fails), essay pages get
their highlights, callouts and paragraph actions in ``on_page_content`` (so
Material's search indexes them), note pages are rendered from the model
instead of from the stranger's Markdown, the index pages are generated, and
the notes are exported as ``annotations.jsonld`` after the build. Listed
after ``hooks/essays.py``, which loads the model.
"""

from __future__ import annotations

import html
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from edition import build
from edition.commentary.session import Commentary
from edition.files import write_atomic

log = get_plugin_logger(__name__)
_notes: Commentary | None = None
_files: Files | None = None
ESSAYS = "essays/"


def on_config(config: MkDocsConfig) -> None:
    """Anchor every note of the new build and report each problem once."""
    global _notes
    _notes = Commentary(build.current(), config.repo_url or "", config.edit_uri or "")
    for problem in _notes.problems:
        log.warning(str(problem))


def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    """Add the commentary index pages (site-wide and per essay) unless written by hand."""
    global _files
    for src_uri in _notes.index_uris():
        if files.get_file_from_path(src_uri) is None:
            files.append(File.generated(config, src_uri, content=""))
    _files = files
    return files


def _linker(page: Page):
    """``link(src_uri, fragment)``: the address of a docs file relative to ``page``."""

    def link(src_uri: str, fragment: str = "") -> str | None:
        target = _files.get_file_from_path(src_uri)
        if target is None:
            return None
        return target.url_relative_to(page.file) + (f"#{fragment}" if fragment else "")

    return link


def _path(page: Page) -> str:
    return os.path.relpath(page.file.abs_src_path, _notes.site.root).replace(os.sep, "/") if page.file.abs_src_path else ""


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Never let MkDocs render a note's own Markdown; give note and index pages a safe title."""
    title = _notes.page_title(_path(page), page.file.src_uri)
    if title is None:
        return markdown
    page.meta = {"title": html.escape(title)}
    return ""


def on_page_content(content: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Essay pages get their notes; note and index pages get HTML built from the model."""
    src_uri = page.file.src_uri
    if src_uri.startswith(ESSAYS):
        return _notes.decorate_essay(content, src_uri.split("/")[1], _linker(page))
    generated = _notes.page_html(_path(page), src_uri, _linker(page))
    return content if generated is None else generated


def on_post_build(*, config: MkDocsConfig) -> None:
    """Write every note as a W3C Web Annotation to ``annotations.jsonld``."""
    base = config.site_url or ""

    def url(src_uri: str) -> str:
        target = _files.get_file_from_path(src_uri)
        return base + (target.url if target else src_uri)

    data = _notes.annotations(url, base + "annotations.jsonld", f"Commentary on {config.site_name}")
    write_atomic(Path(config.site_dir) / "annotations.jsonld", data)
