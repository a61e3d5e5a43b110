"""The link check as MkDocs drives it: every page collected as it is written, all verified at the end.

Pages are collected from their final HTML (``on_post_page``, and
``on_post_template`` for 404.html), so links the theme and the other parts
add are seen too, and verified once against ``site_dir`` after the build
(``order.VERIFY_LINKS``). The checker knows nothing of essays: the build
hands it what it needs (which output folders hold paragraphs) as data.
"""

from __future__ import annotations

import os
from collections.abc import Collection
from typing import TYPE_CHECKING

from mkdocs.structure.pages import Page

from edition.addresses import ESSAYS
from edition.content.graph import Key
from edition.content.site import Site
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
            trace=build.preview,
        )
        self.relist = True  # whether files may have come or gone since the last check (the preview knows)

    def refresh(self, before: Site) -> set[Key]:
        """The check keeps nothing of the model: each page's links are collected when the page is written."""
        return set()

    def forget(self, page: Page) -> None:
        """A page that is no longer written."""
        self.check.remove_page(page.file.dest_uri)

    def linking(self, names: Collection[str]) -> set[str]:
        """The output files of the pages whose body links to a file whose last path segment is in ``names``."""
        return self.check.pages_linking(names)

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
        site = self.build.site  # a paragraph id a hand edit copied is reported by the model
        problems, summary = self.check.finish(self.build.config.site_dir, self.relist, site.copied_ids())
        self.relist = True
        self.build.report(LOGGER, problems)
        self.build.log(LOGGER).info(summary)
