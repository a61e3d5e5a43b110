"""What a page says about itself to search engines and link previews.

Every page gets a description that summarizes *it*, not the site: an essay's
summary, a section's first sentence, how often an essay was revised, a
glossary entry's summary, a note's title. Search results and shared links
show this text, and Lighthouse's SEO audit requires it. Pure functions of the model and a page's source path; the
hook puts the result into ``page.meta["description"]``, which Material's
template writes into ``<meta name="description">`` and ours into ``og:description``.
"""

from __future__ import annotations

from edition.addresses import INDEX, Kind, page_of
from edition.content.essay_pages import summary_of
from edition.content.history import History
from edition.content.markup import first_sentence, plain_text
from edition.content.site import Site
from edition.features.reading.revisions import summary_line, title

LIMIT = 160  # what search engines show of a description
GLOSSARY_INDEX_DESCRIPTION = (
    "Every name and idea the essays use, A to Z, with a one-line summary and the paragraphs that mention it."
)
COMMENTARY_INDEX_DESCRIPTION = "Editorial notes on the essays, each anchored to the exact passage it discusses."


def _short(text: str) -> str:
    """The first sentence of ``text``, cut to what a search result shows."""
    return first_sentence(" ".join(text.split()), LIMIT)


def _essay_description(site: Site, slug: str, section_slug: str) -> str | None:
    """A section's first sentence; for the essay's index and whole-essay pages, the essay's."""
    essay = site.essays.get(slug)
    if essay is None:
        return None
    section = next((s for s in essay.sections if s.slug == section_slug and s.paragraphs), None)
    if section is None or section_slug == INDEX:
        return _short(summary_of(essay))
    return _short(plain_text(section.paragraphs[0].text))


def description(src: str, site: Site) -> str | None:
    """The description of the page built from ``src``; None leaves the site's description."""
    page = page_of(src)
    if page.of_essay:
        return _essay_description(site, page.essay, page.name)
    if page.kind is Kind.REVISIONS:
        essay = site.essays.get(page.essay)
        return _short(f"{title(essay.title)}: {summary_line(History(essay)).lower()}.") if essay else None
    if page.kind is Kind.GLOSSARY_INDEX:
        return GLOSSARY_INDEX_DESCRIPTION
    if page.kind is Kind.GLOSSARY_ENTRY:
        term = site.terms.get(page.name)
        return _short(term.summary) if term and term.summary else None
    if page.kind in (Kind.COMMENTARY_INDEX, Kind.ESSAY_COMMENTARY):
        return COMMENTARY_INDEX_DESCRIPTION
    note = site.comment_at(src) if page.kind is Kind.NOTE else None
    if note is None:
        return None
    essay = site.essays.get(note.essay)
    on = f" on {essay.title}" if essay else ""
    return _short(f"{note.title}: a {note.kind} note by {note.author}{on}.")
