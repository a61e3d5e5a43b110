"""The link check as MkDocs drives it: every page collected as it is written, all verified at the end.

Pages are collected from their final HTML (``on_post_page``, and
``on_post_template`` for 404.html), so links the theme and the other parts
add are seen too, and verified once against ``site_dir`` after the build
(``order.VERIFY_LINKS``). The checker knows nothing of essays: the build
hands it what it needs (which output folders hold paragraphs) as data.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from mkdocs.structure.pages import Page

from edition.addresses import ESSAYS
from edition.features.linkcheck.session import LinkCheck, edit_prefixes

if TYPE_CHECKING:
    from edition.mkdocs_adapter.build import EditionBuild

LOGGER = "linkcheck"  # every message and the summary start with "linkcheck: "


class LinkCheckPart:
    """One build's link check."""

    def __init__(self, build: EditionBuild) -> None:
        self.build = build
        config, settings = build.config, build.settings
        self.check = LinkCheck(
            root=os.path.dirname(os.path.abspath(config.config_file_path)),
            docs_dir=config.docs_dir,
            site_url=config.site_url or "",
            use_directory_urls=config.use_directory_urls,
            online=settings.linkcheck_external,
            cache=settings.linkcheck_cache,
            cache_ttl=settings.linkcheck_cache_ttl,
            offline_prefixes=edit_prefixes(config.repo_url or "", config.edit_uri or ""),
            paragraph_pages=(f"{ESSAYS}/",),
        )

    def post_page(self, output: str, page: Page) -> None:
        """Collect a page's final HTML; its own body is ``page.content``."""
        source = None if page.file.generated_by else page.file.abs_src_path
        self.check.add_page(page.file.dest_uri, output, source, page.file.src_uri, page.content)

    def post_template(self, output: str, template_name: str) -> None:
        """Collect theme-only pages such as 404.html (the sitemap is not HTML)."""
        if template_name.endswith(".html"):
            self.check.add_page(template_name, output)

    def post_build(self) -> None:
        """Verify all links once; report each problem as one warning, then the summary."""
        problems, summary = self.check.finish(self.build.config.site_dir)
        self.build.report(LOGGER, problems)
        self.build.log(LOGGER).info(summary)
