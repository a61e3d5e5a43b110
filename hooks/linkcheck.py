"""MkDocs hook: check every link and anchor in the pages the build writes.

Routes MkDocs' events to this build's link-check part
(:mod:`edition.mkdocs_adapter.linkcheck`); each handler's priority, and why,
is in :mod:`edition.mkdocs_adapter.order`.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.pages import Page

from edition.mkdocs_adapter import order, routes
from edition.mkdocs_adapter.build import EditionBuild, listed
from edition.mkdocs_adapter.linkcheck import LinkCheckPart

PART = "linkcheck"  # listing this file switches the build's link check on


@event_priority(order.PART_SETUP)
def on_config(config: MkDocsConfig) -> None:
    EditionBuild.of(config).start(PART)


on_files = CombinedEvent(routes.withhold, routes.share_converter, routes.freeze)

on_env = routes.keep_templates


@event_priority(order.COLLECT_LINKS)
def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> None:
    _part(config).post_page(output, page)


@event_priority(order.COLLECT_LINKS)
def on_post_template(output_content: str, /, *, template_name: str, config: MkDocsConfig) -> None:
    _part(config).post_template(output_content, template_name)


@event_priority(order.VERIFY_LINKS)
def _post_build(*, config: MkDocsConfig) -> None:
    _part(config).post_build()


# CombinedEvent's types assume a first positional argument, which on_post_build has not; MkDocs runs both.
on_post_build = CombinedEvent(_post_build, routes.thaw)  # type: ignore[arg-type]

on_build_error = routes.thaw_after_error


def _part(config: MkDocsConfig) -> LinkCheckPart:
    return listed(EditionBuild.of(config).linkcheck)
