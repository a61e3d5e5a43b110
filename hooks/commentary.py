"""MkDocs hook: the commentary (notes beside their passages, a page per note, the indexes, annotations.jsonld).

Routes MkDocs' events to this build's commentary part
(:mod:`edition.mkdocs_adapter.commentary`); each handler's priority, and why,
is in :mod:`edition.mkdocs_adapter.order`.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from edition.mkdocs_adapter import order, routes
from edition.mkdocs_adapter.build import EditionBuild, listed
from edition.mkdocs_adapter.commentary import CommentaryPart

PART = "commentary"  # listing this file switches the build's commentary part on


@event_priority(order.PART_SETUP)
def on_config(config: MkDocsConfig) -> None:
    EditionBuild.of(config).start(PART)


@event_priority(order.NOTE_PAGES)
def _note_pages(files: Files, /, *, config: MkDocsConfig) -> Files:
    return _part(config).files(files)


on_files = CombinedEvent(routes.withhold, _note_pages, routes.share_converter, routes.freeze)

on_env = routes.keep_templates
on_nav = routes.record_addresses


@event_priority(order.PAGE_SOURCE)
def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return _part(config).page_markdown(markdown, page)


@event_priority(order.NOTE_TEXT)
def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return _part(config).page_content(html, page)


@event_priority(order.DECORATE_ESSAYS)
def on_page_context(context: dict[str, Any], /, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    return _part(config).page_context(context, page)


@event_priority(order.SITE_FILES)
def _site_files(*, config: MkDocsConfig) -> None:
    _part(config).post_build()


@event_priority(order.JOB_SUMMARY)
def _job_summary(*, config: MkDocsConfig) -> None:
    _part(config).job_summary()


# CombinedEvent's types assume a first positional argument, which on_post_build has not; MkDocs runs both.
on_post_build = CombinedEvent(_site_files, _job_summary, routes.thaw)  # type: ignore[arg-type]

on_build_error = routes.thaw_after_error


def _part(config: MkDocsConfig) -> CommentaryPart:
    return listed(EditionBuild.of(config).commentary)
