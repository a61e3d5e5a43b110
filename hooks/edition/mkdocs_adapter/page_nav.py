"""The navigation an essay's own pages show: the library's, with only that essay under Essays.

With ``navigation.prune`` Material still renders every sibling of the
current page's ancestors, so on an essay's page the Essays section listed
every essay of the library: a page's size, and the time to render and
check it, grew with the library (figures: PERFORMANCE.md, "Figures
behind the design"). An essay's pages (its sections and its whole-essay page)
therefore get a view of the navigation in which Essays holds a link to the
home page, which lists every essay, and this essay. Every other page keeps
the whole navigation, where Essays is pruned to one link.

The home page is linked with a plain ``Link``, not made the section's index
page: Material then gives the section's nested ``<nav>`` an icon-only label
as its name, and axe reports two navigation landmarks with the same name.

The views share MkDocs' own items: nothing in the real navigation changes
(a page's parents, its previous and next pages, its breadcrumbs).
"""

from __future__ import annotations

from mkdocs.structure.nav import Link, Navigation, Section

from edition.addresses import Kind, page_of

ALL_ESSAYS = "All essays"  # the link to the home page's listing, first under Essays


def essay_views(nav: Navigation) -> dict[str, Navigation]:
    """A navigation per essay slug, for the pages of that essay; empty if there is no section of essays.

    The section of essays is the one whose every child is an essay's section
    (found by its pages' addresses, not by its title, which is the reader's).
    """
    essays = next((item for item in nav.items if _holds_essays(item)), None)
    if essays is None:
        return {}
    home = [Link(ALL_ESSAYS, nav.homepage.url)] if nav.homepage else []
    views = {}
    for essay in essays.children:
        slug = essay_slug(essay)
        if slug is None:
            continue
        only = Section(essays.title, [*home, essay])
        only.active = True  # expanded on every page of the essay, its whole-essay page included
        items = [only if item is essays else item for item in nav.items]
        views[slug] = Navigation(items, nav.pages)
    return views


def _holds_essays(item: object) -> bool:
    children = (getattr(item, "children", None) or []) if getattr(item, "is_section", False) else []
    return bool(children) and all(essay_slug(child) is not None for child in children)


def essay_slug(section: object) -> str | None:
    """The slug of an essay's navigation section, read from its first page (the essay's opening)."""
    children = getattr(section, "children", None) or []
    first = next(iter(children), None)
    file = getattr(first, "file", None)
    page = page_of(file.src_uri) if file else None
    return page.essay if page is not None and page.kind is Kind.ESSAY_OPENING else None
