"""The site's navigation, built from the model rather than from file names.

MkDocs would sort an essay's pages alphabetically; readers need them in the
order the importer recorded. Each essay is one section whose index page is its
opening; with ``navigation.prune`` the other pages carry Essays as one link,
and an essay's own pages show only that essay (:mod:`edition.mkdocs_adapter.page_nav`), so a
page's size does not grow with the library. Glossary entries and
notes stay out of the navigation (thousands of them would bloat every page);
they are reached from their index pages.

Titles are HTML-escaped here, as ``Markup``: they are an essay's words, and
Material writes navigation titles into the sidebar, the header and the
footer's previous and next links as they are, except where it escapes them
itself (the footer's ``aria-label``), which leaves a ``Markup`` string as it is.
"""

from __future__ import annotations

from markupsafe import escape

from edition import addresses
from edition.content.model import Essay

ESSAYS_TITLE = "Essays"  # the navigation's section of essays
HOME_TITLE = "Home"


def essay_nav(essay: Essay) -> dict:
    """One essay as a navigation section: its opening first, then its sections in order."""
    items: list = [addresses.essay_page(essay.slug)]
    items += [
        {escape(s.title): addresses.essay_page(essay.slug, s.slug)} for s in essay.sections if s.slug != addresses.INDEX
    ]
    return {escape(essay.title): items}


def site_nav(essays: list[Essay], extra: list | None = None) -> list:
    """The whole navigation: home, the essays newest first, then the site's own pages."""
    ordered = sorted(essays, key=lambda e: (e.date, e.slug), reverse=True)
    return [
        {HOME_TITLE: addresses.HOME},
        {ESSAYS_TITLE: [essay_nav(e) for e in ordered]},
        *(extra or []),
    ]
