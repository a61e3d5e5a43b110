"""What a page says about itself to search engines and link previews.

Every page gets a description that summarizes *it*, not the site: an essay's
summary, a section's first sentence, a glossary entry's summary, a note's
title. Search results and shared links show this text, and Lighthouse's SEO
audit requires it. Pure functions of the model and a page's source path; the
hook puts the result into ``page.meta["description"]``, which Material's
template writes into ``<meta name="description">`` and ours into ``og:description``.
"""

from __future__ import annotations

from edition.content.essay_pages import summary_of
from edition.content.markup import first_sentence, plain_text
from edition.content.site import ESSAYS_DIR, Site

LIMIT = 160  # what search engines show of a description
GLOSSARY_INDEX = "Every name and idea the essays use, A to Z, with a one-line summary and the paragraphs that mention it."
COMMENTARY_INDEX = "Editorial notes on the essays, each anchored to the exact passage it discusses."


def _short(text: str) -> str:
    """The first sentence of ``text``, cut to what a search result shows."""
    return first_sentence(" ".join(text.split()), LIMIT)


def _essay_description(site: Site, slug: str, section_slug: str) -> str | None:
    """A section's first sentence; for the essay's index and whole-essay pages, the essay's."""
    essay = site.essays.get(slug)
    if essay is None:
        return None
    section = next((s for s in essay.sections if s.slug == section_slug and s.paragraphs), None)
    if section is None or section_slug == "index":
        return _short(summary_of(essay))
    return _short(plain_text(section.paragraphs[0].text))


def description(src_uri: str, site: Site) -> str | None:
    """The description of the page built from ``src_uri``; None leaves the site's description."""
    parts = src_uri[: -len(".md")].split("/")
    if parts[0] == ESSAYS_DIR and len(parts) == 3:
        return _essay_description(site, parts[1], parts[2])
    if parts[0] == "glossary" and len(parts) == 2:
        term = site.terms.get(parts[1])
        return GLOSSARY_INDEX if parts[1] == "index" else (_short(term.summary) if term and term.summary else None)
    if parts[0] == "commentary":
        note = site.comment_at(src_uri)
        if note is None:
            return COMMENTARY_INDEX if parts[-1] == "index" else None
        essay = site.essays.get(note.essay)
        on = f" on {essay.title}" if essay else ""
        return _short(f"{note.title}: a {note.kind} note by {note.author}{on}.")
    return None
