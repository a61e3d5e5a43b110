"""MkDocs hook: the reading around the essays (whole-essay and revisions pages, home listing, old paragraph addresses).

Routes MkDocs' events to this build's reading part
(:mod:`edition.mkdocs_adapter.reading`); each handler's priority, and why, is
in :mod:`edition.mkdocs_adapter.order`.
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
from edition.mkdocs_adapter.reading import ReadingPart

PART = "reading"  # listing this file switches the build's reading part on


@event_priority(order.PART_SETUP)
def on_config(config: MkDocsConfig) -> None:
    EditionBuild.of(config).start(PART)


@event_priority(order.WHOLE_ESSAY_PAGES)
def _whole_essay_pages(files: Files, /, *, config: MkDocsConfig) -> Files:
    return _part(config).files(files)


on_files = CombinedEvent(routes.withhold, _whole_essay_pages, routes.share_converter, routes.freeze)

on_env = routes.keep_templates


@event_priority(order.PAGE_SOURCE)
def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return _part(config).page_markdown(markdown, page, files)


@event_priority(order.KEEP_SECTIONS)
def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return _part(config).page_content(html, page, files)


@event_priority(order.PERMALINKS)
def _permalinks(context: dict[str, Any], /, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    return _part(config).permalinks(context, page)


@event_priority(order.DESCRIBE)
def _describe(context: dict[str, Any], /, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    return _part(config).page_context(context, page)


@event_priority(order.ANNOUNCE_FEEDS)
def on_template_context(context: dict[str, Any], /, *, template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    return _part(config).template_context(context)


on_page_context = CombinedEvent(_permalinks, _describe)


@event_priority(order.VALID_HTML)
def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str:
    return _part(config).post_page(output)


@event_priority(order.VALID_HTML)
def on_post_template(output_content: str, /, *, template_name: str, config: MkDocsConfig) -> str:
    return _part(config).post_template(output_content, template_name)


@event_priority(order.SITE_FILES)
def _post_build(*, config: MkDocsConfig) -> None:
    _part(config).post_build()


# CombinedEvent's types assume a first positional argument, which on_post_build has not; MkDocs runs both.
on_post_build = CombinedEvent(_post_build, routes.thaw)  # type: ignore[arg-type]

on_build_error = routes.thaw_after_error


def _part(config: MkDocsConfig) -> ReadingPart:
    return listed(EditionBuild.of(config).reading)
