"""The whole-essay view: every section of an essay on one page, in reading order.

Readers print, save or read offline a whole essay, not a section at a time.
The page is generated from the model with the importer's own paragraph
format (:func:`edition.essay_pages.paragraph_block`), so paragraph ids,
glossary links and commentary anchors are the same as on the section pages.
It is kept out of Material's search (``search: exclude``), so each passage is
found once, on its section page, and its canonical address is the essay's
index page (set by the hook, since MkDocs computes canonical URLs itself).

The paragraphs under each heading are wrapped in ``<div class="essay-part">``
(the headings stay outside, so the table of contents can measure them). The
stylesheet gives these parts ``content-visibility: auto``: the browser skips
style and layout of every part off screen, so a long essay loads as fast as
one of its sections (Material restyles the whole page several times while it
starts). Printing, find-in-page and links to a paragraph still reach all of it.
The Markdown marks each part with two HTML comments, which :func:`open_parts`
turns into the ``<div>`` once the page is HTML: wrapping the Markdown in
``<div markdown>`` blocks instead made ``md_in_html`` re-parse the essay,
about 7 ms per essay, a third of the page's conversion.
"""

from __future__ import annotations

from edition import frontmatter
from edition.dates import long_date
from edition.essay_pages import BIO_HEADING, paragraph_block
from edition.markup import escape
from edition.model import Essay
from edition.site import ESSAYS_DIR, essay_of_page

PAGE = "print"
PART_CLASS = "essay-part"  # the stylesheet skips the rendering of these while off screen
PART_START, PART_END = "<!-- essay-part -->", "<!-- /essay-part -->"  # Markdown keeps HTML comments as they are


def src_uri(slug: str) -> str:
    """The generated page of essay ``slug``, relative to the docs directory (``essays/<slug>/print.md``)."""
    return f"{ESSAYS_DIR}/{slug}/{PAGE}.md"


def essay_of(src: str) -> str | None:
    """The essay slug when ``src`` is a whole-essay page, else None."""
    return essay_of_page(src) if src.endswith(f"/{PAGE}.md") else None


def whole_essay(essay: Essay) -> str:
    """The page's Markdown: title, byline, contents, then every section under its heading."""
    byline = [f"By {escape(essay.author)}", escape(long_date(essay.date)), f"{essay.reading_time} min read"]
    sections = [s for s in essay.sections if s.slug != "index"]
    meta = {"title": f"{essay.title} (whole essay)", "essay": essay.slug, "search": {"exclude": True}}
    blocks = [
        f"# {escape(essay.title)}",
        "",
        " · ".join(byline),
        "{: .essay-byline }",
        "",
        "[Read it section by section](index.md){: .essay-view-switch }",
        "",
    ]
    if essay.note:
        blocks.append(paragraph_block(essay.note))
    if sections:
        blocks += ["## Contents {: #contents }", ""]
        blocks += [f"{i}. [{escape(s.title)}](#{s.slug})" for i, s in enumerate(sections, 1)]
        blocks.append("")
    opening = next((s for s in essay.sections if s.slug == "index"), None)
    if opening and opening.paragraphs:
        blocks += part([paragraph_block(p) for p in opening.paragraphs])
    for section in sections:
        blocks += [f"## {escape(section.title)} {{: #{section.slug} }}", ""]
        blocks += part([paragraph_block(p) for p in section.paragraphs])
    if essay.bio:
        blocks += [f"## {BIO_HEADING}", ""] + part([paragraph_block(essay.bio)])
    return frontmatter.dump(meta, "\n".join(blocks))


def part(paragraphs: list[str]) -> list[str]:
    """The Markdown of paragraphs between the two markers of one part, or nothing."""
    if not paragraphs:
        return []
    return [PART_START, "", *paragraphs, PART_END, ""]


def open_parts(page_html: str) -> str:
    """The page's HTML with each part's markers made its ``<div class="essay-part">``."""
    return page_html.replace(PART_START, f'<div class="{PART_CLASS}">').replace(PART_END, "</div>")
