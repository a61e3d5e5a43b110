"""MkDocs hook: the essays' navigation, built from the model, and each essay's view of it.

Routes MkDocs' events to this build's essays part
(:mod:`edition.mkdocs_adapter.essays`); each handler's priority, and why, is
in :mod:`edition.mkdocs_adapter.order`. Every hook of the edition makes the
build object on ``on_config`` and withholds contributed files on ``on_files``.
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
from edition.mkdocs_adapter.essays import EssaysPart

PART = "essays"  # listing this file switches the build's essays part on


@event_priority(order.PART_SETUP)
def on_config(config: MkDocsConfig) -> None:
    EditionBuild.of(config).start(PART)


on_files = CombinedEvent(routes.withhold, routes.share_converter, routes.freeze)

on_env = routes.keep_templates


@event_priority(order.ESSAY_VIEWS)
def on_nav(nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
    return _part(config).nav(nav)


@event_priority(order.PAGE_SOURCE)
def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return _part(config).page_markdown(markdown, page)


@event_priority(order.ESSAY_VIEW)
def on_page_context(context: dict[str, Any], /, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    return _part(config).page_context(context, page)


on_post_build = routes.thaw

on_build_error = routes.thaw_after_error


def _part(config: MkDocsConfig) -> EssaysPart:
    return listed(EditionBuild.of(config).essays)
