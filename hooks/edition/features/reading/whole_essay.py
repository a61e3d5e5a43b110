"""The whole-essay view: every section of an essay on one page, in reading order.

Readers print, save or read offline a whole essay, not a section at a time.
The page is generated from the model with the importer's own paragraph
format (:func:`edition.content.essay_pages.paragraph_block`), so paragraph ids,
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
``<div markdown>`` blocks instead made ``md_in_html`` re-parse the essay, a
third of the page's conversion.

The sections after the opening are not converted twice: their section pages
are converted first (MkDocs reads the generated page last), so the page's
Markdown carries a marker where a section's paragraphs go, and
:func:`splice` puts the section page's own HTML there, before the glossary
links terms (so a term is still linked at its first mention on the page).
That halves the cost of the page. A section page whose HTML holds more than
the importer's paragraphs (another heading, footnotes, whose ids would
collide) is not reused: the page is then converted whole, as is every page
of a build that did not convert the sections first (``--dirty``).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping

from edition.addresses import INDEX, Kind, page_of
from edition.content import frontmatter
from edition.content.dates import long_date
from edition.content.essay_pages import BIO_HEADING, paragraph_block
from edition.content.markup import escape
from edition.content.model import Essay
from edition.content.text import slugify

PART_CLASS = "essay-part"  # the stylesheet skips the rendering of these while off screen
PART_START, PART_END = "<!-- essay-part -->", "<!-- /essay-part -->"  # Markdown keeps HTML comments as they are
SECTION_MARK = "<!-- essay-section: {} -->"  # where a section page's HTML goes
_SECTION_MARK = re.compile(r"<!-- essay-section: ([\w-]+) -->")
_OTHER_BLOCKS = re.compile(r'<h[1-6][\s>]|class="footnote"')
TITLE, CONTENTS, BIO = ":title", ":contents", ":bio"  # keys of heading_ids beside section slugs (no slug has a colon)


def whole_essay(essay: Essay) -> str:
    """The page's source: front matter and the Markdown of every section (see :func:`whole_essay_body`)."""
    meta = {"title": f"{essay.title} (whole essay)", "essay": essay.slug, "search": {"exclude": True}}
    return frontmatter.dump(meta, whole_essay_body(essay))


def whole_essay_body(essay: Essay, spliced: Collection[str] = ()) -> str:
    """The page's Markdown: title, byline, contents, then every section under its heading.

    A section whose slug is in ``spliced`` gets a marker in place of its
    paragraphs, for :func:`splice` to fill with its section page's HTML.
    """
    byline = [f"By {escape(essay.author)}", escape(long_date(essay.date)), f"{essay.reading_time} min read"]
    sections = [s for s in essay.sections if s.slug != INDEX]
    ids = heading_ids(essay)
    blocks = [
        f"# {escape(essay.title)} {{: #{ids[TITLE]} }}",
        "",
        " · ".join(byline),
        "{: .essay-byline }",
        "",
        f"[Read it section by section]({INDEX}.md){{: .essay-view-switch }}",
        "",
    ]
    if essay.note:
        blocks.append(paragraph_block(essay.note))
    if sections:
        blocks += [f"## Contents {{: #{ids[CONTENTS]} }}", ""]
        blocks += [f"{i}. [{escape(s.title)}](#{ids[s.slug]})" for i, s in enumerate(sections, 1)]
        blocks.append("")
    opening = next((s for s in essay.sections if s.slug == INDEX), None)
    if opening and opening.paragraphs:
        blocks += part([paragraph_block(p) for p in opening.paragraphs])
    for section in sections:
        blocks += [f"## {escape(section.title)} {{: #{ids[section.slug]} }}", ""]
        if section.slug in spliced and section.paragraphs:
            blocks += part([SECTION_MARK.format(section.slug)])
        else:
            blocks += part([paragraph_block(p) for p in section.paragraphs])
    if essay.bio:
        blocks += [f"## {BIO_HEADING} {{: #{ids[BIO]} }}", "", *part([paragraph_block(essay.bio)])]
    return "\n".join(blocks)


def heading_ids(essay: Essay) -> dict[str, str]:
    """The id of every heading of the page, each one on it once: by section slug, and TITLE, CONTENTS and BIO.

    A heading's id is its section's slug where no paragraph has that id, or
    the slug with ``_2``, ``_3``... (a section ``Morning`` given twice is
    ``morning`` and ``morning-2``, the id of the first one's second
    paragraph). The ids are explicit: Markdown's table of contents avoids
    the ids it sees, but the sections' paragraphs are spliced in afterwards.
    """
    taken = {p.id for p in essay.paragraphs()}
    wanted = [(s.slug, s.slug) for s in essay.sections if s.slug != INDEX]
    wanted += [(TITLE, slugify(essay.title)), (CONTENTS, "contents"), (BIO, slugify(BIO_HEADING))]
    ids: dict[str, str] = {}
    for key, base in wanted:
        candidate, n = base, 2
        while candidate in taken:
            candidate, n = f"{base}_{n}", n + 1
        taken.add(candidate)
        ids[key] = candidate
    return ids


def section_body(section_html: str, bio_id: str | None = None) -> str | None:
    """A section page's paragraphs as HTML: its ``<h1>`` and the author's bio cut off.

    ``bio_id`` is the bio paragraph's id when the section's page holds it
    (the last section does, under its own heading). None when the page holds
    anything the whole-essay page could not show as it is: no ``<h1>`` first,
    another heading, or footnotes.
    """
    html = section_html.lstrip()
    if not html.startswith("<h1"):
        return None
    body = html[html.find("</h1>") + len("</h1>") :]
    if bio_id is not None:
        at = body.find(f'id="{bio_id}"')
        heading = body.rfind("<h2", 0, at)
        if at < 0 or heading < 0 or body[body.find("</h2>", heading) + len("</h2>") : body.rfind("<", 0, at)].strip():
            return None
        body = body[:heading]
    return None if _OTHER_BLOCKS.search(body) else body.strip() + "\n"


def splice(page_html: str, bodies: Mapping[str, str]) -> str:
    """The page's HTML with each section's marker replaced by that section's paragraphs, ``bodies[slug]``."""
    return _SECTION_MARK.sub(lambda m: bodies[m.group(1)], page_html)


def part(paragraphs: list[str]) -> list[str]:
    """The Markdown of paragraphs between the two markers of one part, or nothing."""
    if not paragraphs:
        return []
    return [PART_START, "", *paragraphs, PART_END, ""]


def open_parts(page_html: str) -> str:
    """The page's HTML with each part's markers made its ``<div class="essay-part">``."""
    return page_html.replace(PART_START, f'<div class="{PART_CLASS}">').replace(PART_END, "</div>")


class WholeEssays:
    """The sections' HTML, kept as the build converts them, for their whole-essay pages.

    The hook hands every converted page to :meth:`take` and asks
    :meth:`markdown` for a whole-essay page's Markdown before converting it.
    """

    def __init__(self, essays: Mapping[str, Essay]) -> None:
        self.essays = essays
        self.bodies: dict[str, dict[str, str]] = {}  # essay slug -> section slug -> paragraphs' HTML
        self.spliced: set[str] = set()

    def markdown(self, slug: str) -> str | None:
        """The whole-essay page's Markdown with markers, when every section after the opening was kept."""
        essay = self.essays.get(slug)
        kept = self.bodies.get(slug, {})
        if essay is None or any(s.slug not in kept for s in essay.sections if s.slug != INDEX and s.paragraphs):
            return None
        self.spliced.add(slug)
        return whole_essay_body(essay, kept)

    def take(self, src: str, html: str) -> str:
        """Keep a section page's paragraphs; fill a whole-essay page and open its parts; return the page's HTML."""
        page = page_of(src)
        if page.kind is Kind.WHOLE_ESSAY:
            return open_parts(splice(html, self.bodies.get(page.essay, {})) if page.essay in self.spliced else html)
        essay = self.essays.get(page.essay) if page.kind is Kind.ESSAY_SECTION else None
        if essay is not None:
            bio = essay.bio.id if essay.bio and essay.bio.page == src else None
            body = section_body(html, bio)
            kept = self.bodies.setdefault(page.essay, {})
            if body is None:
                kept.pop(page.name, None)  # the preview builds a section again: what it kept before is stale
            else:
                kept[page.name] = body
        return html
