"""The essays as MkDocs shows them: the navigation from the model, each essay's view of it, its pages' titles.

MkDocs would sort an essay's pages by file name and list every essay on
every essay's page; the navigation is built from the model instead
(:mod:`edition.features.reading.navigation`), and an essay's own pages get a
view of it in which only that essay is open (:mod:`.page_nav`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from markupsafe import escape
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from edition.addresses import page_of
from edition.content.graph import Key
from edition.content.site import Site
from edition.features.reading.navigation import site_nav
from edition.mkdocs_adapter.page_nav import essay_views

if TYPE_CHECKING:
    from edition.mkdocs_adapter.build import EditionBuild


class EssaysPart:
    """Navigation, essay views and essay page titles for one build."""

    def __init__(self, build: EditionBuild) -> None:
        self.build = build
        self.views: dict[str, Navigation] = {}
        build.config["nav"] = self.nav_config = self._site_nav()

    def _site_nav(self) -> list:
        return site_nav(list(self.build.site.essays.values()), self.build.settings.nav_tail or [])

    def refresh(self, before: Site) -> set[Key] | None:
        """Nothing to build again, unless the navigation changed: every page shows it, so all must be built."""
        return set() if self._site_nav() == self.nav_config else None

    def forget(self, page: Page) -> None:
        """Nothing is kept per page."""

    def nav(self, nav: Navigation) -> Navigation:
        """Prepare each essay's view of the final navigation."""
        self.views = essay_views(nav)
        return nav

    def page_markdown(self, markdown: str, page: Page) -> str:
        """An essay page's title, escaped once, as ``Markup`` so the theme's own ``| e`` leaves it as it is.

        The title is the essay's words: Material writes ``page.meta.title``
        into ``<title>``, the header and the ``<h1>`` as it is (as the
        navigation's titles, escaped in :mod:`edition.features.reading.navigation`).
        """
        if page_of(page.file.src_uri).of_essay and "title" in page.meta:
            page.meta["title"] = escape(str(page.meta["title"]))
        return markdown

    def page_context(self, context: dict[str, Any], page: Page) -> dict[str, Any]:
        """An essay's pages show only that essay under Essays, so their size does not grow with the library."""
        ref = page_of(page.file.src_uri)
        view = self.views.get(ref.essay) if ref.of_essay else None
        if view is not None:
            context["nav"] = view
        return context
