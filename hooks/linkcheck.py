"""MkDocs hook: check every link and anchor in the pages the build writes.

Thin adapter over :mod:`edition.features.linkcheck`: pages are collected from their
final HTML as they are written (``on_post_page``, ``on_post_template`` for
404.html), so links added by the theme and by other hooks are seen too, and
verified once against ``site_dir`` in ``on_post_build``.  Problems are logged
as warnings under ``mkdocs.plugins`` so that ``mkdocs build --strict`` fails.
"""

from __future__ import annotations

import os

import mkdocs.plugins
from edition.features.linkcheck.session import LinkCheck, edit_prefixes
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

# A fixed name, not __name__: a hook module is named after its path as written
# in mkdocs.yml ("../../../hooks/linkcheck" would give an empty prefix), and
# "linkcheck: " is the prefix every message and the summary should carry.
log = mkdocs.plugins.get_plugin_logger("linkcheck")
_check: LinkCheck | None = None


def on_config(config: MkDocsConfig) -> None:
    """Start afresh: ``mkdocs serve`` keeps this module between builds."""
    global _check
    _check = LinkCheck(
        root=os.path.dirname(os.path.abspath(config.config_file_path)),
        docs_dir=config.docs_dir,
        site_url=config.site_url or "",
        use_directory_urls=config.use_directory_urls,
        extra=config.extra,
        offline_prefixes=edit_prefixes(config.repo_url or "", config.edit_uri or ""),
    )


def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> None:
    """Collect a page's final HTML; its own body is ``page.content``."""
    source = None if page.file.generated_by else page.file.abs_src_path
    _check.add_page(page.file.dest_uri, output, source, page.file.src_uri, page.content)


def on_post_template(output_content: str, /, *, template_name: str, config: MkDocsConfig) -> None:
    """Collect theme-only pages such as 404.html (the sitemap is not HTML)."""
    if template_name.endswith(".html"):
        _check.add_page(template_name, output_content)


def on_post_build(*, config: MkDocsConfig) -> None:
    """Verify all links once and report each problem as one warning."""
    problems, summary = _check.finish(config.site_dir)
    for problem in problems:
        log.warning(str(problem))
    log.info(summary)
