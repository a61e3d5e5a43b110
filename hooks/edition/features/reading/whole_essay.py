"""The whole-essay view: every section of an essay on one page, in reading order.

Readers print, save or read offline a whole essay, not a section at a time.
The page is generated from the model with the importer's own paragraph
format (:func:`edition.content.essay_pages.paragraph_block`), so paragraph ids,
glossary links and commentary anchors are the same as on the section pages.
It is kept out of Material's search (``search: exclude``), so each passage is
found once, on its section page, and its canonical address is the essay's
index page (set by the hook, since MkDocs computes canonical URLs itself).

The paragraphs under each heading are wrapped in ``<div class="essay-part">``
(the headings stay outside, so the table of contents can measure them),
whose ``data-source`` names the file they come from: the link check blames a
broken link there on that file, once for both pages, not on the theme. The
stylesheet gives these parts ``content-visibility: auto``: the browser skips
style and layout of every part off screen, so a long essay loads as fast as
one of its sections (Material restyles the whole page several times while it
starts). Printing, find-in-page and links to a paragraph still reach all of it.
The Markdown marks each part with two HTML comments, which :func:`open_parts`
turns into the ``<div>`` once the page is HTML: wrapping the Markdown in
``<div markdown>`` blocks instead made ``md_in_html`` re-parse the essay, a
third of the page's conversion.

Nothing is converted twice. Section pages are converted first (MkDocs
reads the generated page last), and each one's paragraphs are kept as
Markdown made them (:meth:`WholeEssays.take`). The page's own Markdown is
then only what no section page holds at this folder depth: the publication
note and the author's bio, cut apart by :data:`CUT`. The opening page lies
one folder up: its paragraphs are taken with each address MkDocs wrote in
them written again for the whole-essay page (:func:`opening_body`), or
converted here when its HTML holds an address MkDocs did not write.
:meth:`WholeEssays.fill` writes the rest from the model: the title, byline
and contents, each heading in the form the site's Markdown gives it
(:class:`Headings`, learnt from one sample per build, so the permalinks
follow the ``toc`` settings), and the page's table of contents.
The glossary links terms after that, on the whole page (a term is linked at
its first mention on the page). The page's conversion went from 9.5 ms to
2.1–2.6 ms in a build, then to 0.9 ms once the opening was taken from its
page (figures: PERFORMANCE.md, "The hooks' fixed cost").
A section page whose HTML holds more than the importer's paragraphs
(another heading, footnotes, whose ids would collide) is not reused: the
page is then converted whole, as is every page of a build that did not
convert the sections first (``--dirty``) or whose Markdown writes headings
in a form the sample does not show.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from edition.addresses import INDEX, URL_ATTRIBUTES, Kind, fixed_address, page_of, repo_path
from edition.content import frontmatter
from edition.content.dates import long_date
from edition.content.essay_pages import BIO_HEADING, paragraph_block
from edition.content.markup import escape
from edition.content.model import Essay, Paragraph, Section
from edition.content.text import slugify
from edition.conventions import SOURCE_ATTRIBUTE

PART_CLASS = "essay-part"  # the stylesheet skips the rendering of these while off screen
PART_START, PART_END = "<!-- essay-part -->", "<!-- /essay-part -->"  # Markdown keeps HTML comments as they are
CUT = "<!-- essay-cut -->"  # between the note, the opening and the bio in a filled page's Markdown
_OTHER_BLOCKS = re.compile(r'<h[1-6][\s>]|class="footnote"')
# In the opening's HTML: each tag's attributes, and each attribute that holds an address (the link check's table) in any
# of the ways HTML writes one. Python-Markdown writes href and src double-quoted; only those are moved (opening_body).
_START_TAG = re.compile(r"""<[A-Za-z][\w-]*((?:[^>"']++|"[^"]*+"|'[^']*+')*+)>""")
_NAMES = "|".join(sorted({name for names in URL_ATTRIBUTES.values() for name in names}, key=lambda n: (-len(n), n)))
_ADDRESS = re.compile(rf"""(\s)((?:xlink:)?(?:{_NAMES}))(\s*=\s*)("[^"]*+"|'[^']*+'|[^\s"'>]*+)""", re.I)
TITLE, CONTENTS, BIO = ":title", ":contents", ":bio"  # keys of heading_ids beside section slugs (no slug has a colon)
CONTENTS_HEADING, SWITCH_TEXT = "Contents", "Read it section by section"

_SAMPLE_TEXT = "Wholeessaysampleheading"
_SAMPLE_IDS = {1: "whole-essay-sample-1", 2: "whole-essay-sample-2"}
HEADING_SAMPLE = "\n\n".join(f"{'#' * n} {_SAMPLE_TEXT} {{: #{i} }}" for n, i in _SAMPLE_IDS.items()) + "\n"
_ID, _TEXT = "\x00i\x00", "\x00t\x00"  # a heading template's slots (no heading's HTML holds a NUL)
_SLOTS = re.compile(f"({_ID}|{_TEXT})")

Token = dict[str, Any]  # a table-of-contents entry as Python-Markdown's toc gives it: level, id, name, children


@dataclass(frozen=True)
class Headings:
    """How the site's Markdown writes a heading with an explicit id, and which levels its contents list.

    Learnt once per build from :data:`HEADING_SAMPLE` converted with the
    site's extensions, so a filled page's headings are the converter's own:
    permalinks or not, their symbol, title and class, ``toc_depth``.
    """

    templates: Mapping[int, str]  # level -> the heading's HTML with _ID and _TEXT slots
    listed: frozenset[int]

    @classmethod
    def learn(cls, sample_html: str, tokens: Sequence[Token]) -> Headings | None:
        """From the sample's HTML and table of contents; None when they are not the two headings expected."""
        lines = sample_html.strip().split("\n")
        if len(lines) != len(_SAMPLE_IDS):
            return None
        templates: dict[int, str] = {}
        for (level, sample_id), line in zip(_SAMPLE_IDS.items(), lines, strict=True):
            if not line.startswith(f"<h{level} ") or line.count(_SAMPLE_TEXT) != 1 or sample_id not in line:
                return None
            templates[level] = line.replace(sample_id, _ID).replace(_SAMPLE_TEXT, _TEXT)
        return cls(templates, frozenset(_levels(tokens)))

    def html(self, level: int, id_: str, text: str) -> str:
        """A heading's HTML; ``text`` is HTML already."""
        slots = {_ID: id_, _TEXT: text}
        return "".join(slots.get(piece, piece) for piece in _SLOTS.split(self.templates[level]))

    def contents(self, title: tuple[str, str], headings: Sequence[tuple[str, str]]) -> list[Token]:
        """The table of contents of a page of one ``<h1>`` ``title`` and ``<h2>`` ``headings``, each (id, HTML)."""
        second = [_token(2, *h) for h in headings] if 2 in self.listed else []
        return [_token(1, *title, children=second)] if 1 in self.listed else second


def _token(level: int, id_: str, name: str, children: list[Token] | None = None) -> Token:
    return {"level": level, "id": id_, "name": name, "children": children or []}


def _levels(tokens: Sequence[Token]) -> Iterator[int]:
    for token in tokens:
        yield token["level"]
        yield from _levels(token["children"])


def whole_essay(essay: Essay) -> str:
    """The page's source: front matter and the Markdown of every section (see :func:`whole_essay_body`)."""
    meta = {"title": f"{essay.title} (whole essay)", "essay": essay.slug, "search": {"exclude": True}}
    return frontmatter.dump(meta, whole_essay_body(essay))


def whole_essay_body(essay: Essay) -> str:
    """The page's Markdown, converted whole: title, byline, contents, then every section under its heading."""
    ids = heading_ids(essay)
    blocks = [
        f"# {escape(essay.title)} {{: #{ids[TITLE]} }}",
        "",
        byline(essay, escape),
        "{: .essay-byline }",
        "",
        f"[{SWITCH_TEXT}]({INDEX}.md){{: .essay-view-switch }}",
        "",
    ]
    if essay.note:
        blocks.append(paragraph_block(essay.note))
    sections = _sections(essay)
    if sections:
        blocks += [f"## {CONTENTS_HEADING} {{: #{ids[CONTENTS]} }}", ""]
        blocks += [f"{i}. [{escape(s.title)}](#{ids[s.slug]})" for i, s in enumerate(sections, 1)]
        blocks.append("")
    blocks += part([paragraph_block(p) for p in _opening(essay)])
    for section in sections:
        blocks += [f"## {escape(section.title)} {{: #{ids[section.slug]} }}", ""]
        blocks += part([paragraph_block(p) for p in section.paragraphs])
    if essay.bio:
        blocks += [f"## {BIO_HEADING} {{: #{ids[BIO]} }}", "", *part([paragraph_block(essay.bio)])]
    return "\n".join(blocks)


def pieces_body(essay: Essay, opening: bool = True) -> str:
    """The Markdown a filled page still converts: the publication note, the opening's paragraphs, the bio, cut apart.

    Without ``opening`` the middle piece is empty: the opening page's HTML fills it (:func:`opening_body`).
    """
    note = [paragraph_block(essay.note)] if essay.note else []
    bio = [paragraph_block(essay.bio)] if essay.bio else []
    paragraphs = [paragraph_block(p) for p in _opening(essay)] if opening else []
    return "\n".join([*note, CUT, "", *paragraphs, CUT, "", *bio])


def byline(essay: Essay, esc: Callable[[str], str]) -> str:
    """The byline, "By <author> · <date> · <n> min read", each word from the source escaped by ``esc``."""
    return " \u00b7 ".join([f"By {esc(essay.author)}", esc(long_date(essay.date)), f"{essay.reading_time} min read"])


def _sections(essay: Essay) -> list[Section]:
    return [s for s in essay.sections if s.slug != INDEX]


def _opening(essay: Essay) -> list[Paragraph]:
    opening = next((s for s in essay.sections if s.slug == INDEX), None)
    return opening.paragraphs if opening else []


def _html_text(text: str) -> str:
    """A title from the source as the heading's HTML (Markdown trims and joins the spaces of a heading too)."""
    return html_lib.escape(" ".join(text.split()), quote=False)


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


def opening_body(opening_html: str, ids: Sequence[str], move: Callable[[str], str | None]) -> str | None:
    """The opening page's paragraphs as HTML for the whole-essay page, from the first of ``ids`` to the page's end.

    The opening page lies one folder above the whole-essay page: each
    address MkDocs wrote in it is given by ``move`` as MkDocs would write it
    there (:func:`edition.addresses.moved_address`). None, and the page
    converts the opening's paragraphs itself, when a paragraph is missing
    (a hand edit), when anything but paragraphs follows them (a heading: the
    bio of an essay without sections; footnotes), or when an address is
    written where MkDocs writes none: single-quoted or bare, in another
    attribute, in a ``srcset`` or a stylesheet's ``url()``, or not plain.
    """
    if not ids:
        return None
    first = re.search(rf'<p\b[^>]*?\sid="{re.escape(ids[0])}"', opening_html)
    if first is None:
        return None
    body = opening_html[first.start() :].strip()
    if _OTHER_BLOCKS.search(body) or "url(" in body.lower() or any(f'id="{i}"' not in body for i in ids):
        return None
    pieces, done = [], 0
    for tag in _START_TAG.finditer(body):
        for address in _ADDRESS.finditer(body, tag.start(1), tag.end(1)):
            space, name, equals, value = address.groups()
            if name in ("href", "src") and space == " " and equals == "=" and value.startswith('"'):
                moved = move(value[1:-1])
                if moved is None:
                    return None
                pieces += [body[done : address.start(4)], f'"{moved}"']
                done = address.end(4)
            elif name.lower() == "srcset" or not fixed_address(value.strip("\"'")):
                return None
    return "".join([*pieces, body[done:]]) + "\n"


def part(paragraphs: list[str]) -> list[str]:
    """The Markdown of paragraphs between the two markers of one part, or nothing."""
    if not paragraphs:
        return []
    return [PART_START, "", *paragraphs, PART_END, ""]


def open_parts(page_html: str, sources: Sequence[str] = ()) -> str:
    """The page's HTML with each part's markers made its ``<div class="essay-part">``; ``sources``: each one's file.

    When the markers are not one per source (a hand edit's raw HTML took
    some in), no part names a file.
    """
    pieces = page_html.split(PART_START)
    named = sources if len(sources) == len(pieces) - 1 else [""] * (len(pieces) - 1)
    out = [pieces[0]]
    for source, piece in zip(named, pieces[1:], strict=True):
        out += [_part_start(source), piece]
    return "".join(out).replace(PART_END, "</div>")


class WholeEssays:
    """The sections' HTML, kept as the build converts them, for their whole-essay pages.

    The hook hands every converted page to :meth:`take`, asks :meth:`markdown`
    for a whole-essay page's Markdown before converting it, and :meth:`fill`
    for the page's HTML once converted, when :meth:`markdown` cut it down.
    ``learn`` converts :data:`HEADING_SAMPLE` with the site's Markdown; it is
    called once, when the first page is to be filled.
    """

    def __init__(
        self,
        essays: Mapping[str, Essay],
        learn: Callable[[], Headings | None],
        docs_rel: str,
        mover: Callable[[str], Callable[[str], str | None]] = lambda slug: lambda address: None,
    ) -> None:
        self.essays = essays
        self.mover = mover  # essay slug -> (an address on its opening page -> the same on its whole-essay page)
        self.docs_rel = docs_rel  # the docs folder in the repository: each part names the file it comes from
        self.bodies: dict[str, dict[str, str]] = {}  # essay slug -> section slug -> paragraphs' HTML
        self.filled: set[str] = set()  # essays whose page's Markdown was cut down, to be filled
        self.openings: dict[str, str] = {}  # essay slug -> its opening's paragraphs, made for the whole-essay page
        self.spliced: dict[str, str] = {}  # essays whose page's Markdown left the opening out -> what fills it
        self._learn = learn

    @cached_property
    def headings(self) -> Headings | None:
        """The site's headings, learnt when first needed."""
        return self._learn()

    def markdown(self, slug: str) -> str | None:
        """The page's Markdown cut down to its pieces (:func:`pieces_body`), when its sections' HTML can fill the rest.

        None (convert the page whole) when a section with paragraphs was not
        kept, the site's headings are not known, or the essay's text holds
        :data:`CUT` itself.
        """
        essay = self.essays.get(slug)
        kept = self.bodies.get(slug, {})
        self.filled.discard(slug)
        self.spliced.pop(slug, None)
        if essay is None or any(s.slug not in kept for s in _sections(essay) if s.paragraphs):
            return None
        opening = self.openings.get(slug)
        if opening is not None and any(f'id="{p.id}"' not in opening for p in _opening(essay)):
            opening = None  # kept from an opening page built before the essay changed (the preview): converted
        pieces = pieces_body(essay, opening=opening is None)
        if pieces.count(CUT) != 2 or self.headings is None:
            return None
        self.filled.add(slug)
        if opening is not None:
            self.spliced[slug] = opening
        return pieces

    def fill(self, slug: str, converted: str, opening_href: str) -> tuple[str, list[Token]] | None:
        """The page's HTML and table of contents from its pieces' HTML, ``converted``.

        ``opening_href`` is the essay's address as seen from the page. Only
        for an essay in :attr:`filled`. None (convert the page whole) when
        ``converted`` lost a cut: a paragraph edited by hand opened raw HTML
        it did not close, which took the cut in.
        """
        essay, kept, headings = self.essays[slug], self.bodies.get(slug, {}), self.headings
        pieces = converted.split(CUT)
        if headings is None or len(pieces) != 3:
            self.filled.discard(slug)
            self.spliced.pop(slug, None)
            return None
        note, opening, bio = pieces
        opening = self.spliced.pop(slug, opening)
        ids = heading_ids(essay)
        title = (ids[TITLE], _html_text(essay.title))
        out = [
            headings.html(1, *title),
            f'<p class="essay-byline">{byline(essay, _html_text)}</p>',
            f'<p><a class="essay-view-switch" href="{html_lib.escape(opening_href)}">{SWITCH_TEXT}</a></p>',
            note.strip(),
        ]
        listed: list[tuple[str, str]] = []
        sections = _sections(essay)
        if sections:
            listed.append((ids[CONTENTS], CONTENTS_HEADING))
            out += [headings.html(2, *listed[-1]), "<ol>"]
            out += [f'<li><a href="#{ids[s.slug]}">{_html_text(s.title)}</a></li>' for s in sections]
            out.append("</ol>")
        out += self._part_html(opening, _opening(essay))
        for section in sections:
            listed.append((ids[section.slug], _html_text(section.title)))
            out += [headings.html(2, *listed[-1]), *self._part_html(kept.get(section.slug, ""), section.paragraphs)]
        if essay.bio:
            listed.append((ids[BIO], BIO_HEADING))
            out += [headings.html(2, *listed[-1]), *self._part_html(bio, [essay.bio])]
        return "\n".join(line for line in out if line) + "\n", headings.contents(title, listed)

    def take(self, src: str, html: str) -> str:
        """Keep a section page's paragraphs, and the opening's made for the whole-essay page (:func:`opening_body`);
        open the parts of a whole-essay page converted whole; return the HTML."""
        page = page_of(src)
        if page.kind is Kind.WHOLE_ESSAY:
            essay = self.essays.get(page.essay)
            return open_parts(html, [self._source(group) for group in _parts(essay)] if essay else [])
        if page.kind is Kind.ESSAY_OPENING:
            essay = self.essays.get(page.essay)
            slug = page.essay
            body = opening_body(html, [p.id for p in _opening(essay)], self.mover(slug)) if essay else None
            if body is None:
                self.openings.pop(slug, None)  # the preview builds the opening again: what it kept is stale
            else:
                self.openings[slug] = body
            return html
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

    def _source(self, paragraphs: Sequence[Paragraph]) -> str:
        """The file in the repository the paragraphs of one part come from."""
        return repo_path(self.docs_rel, paragraphs[0].page) if paragraphs and paragraphs[0].page else ""

    def _part_html(self, html: str, paragraphs: Sequence[Paragraph]) -> list[str]:
        """Paragraphs' HTML as one part, or nothing."""
        html = html.strip()
        return [_part_start(self._source(paragraphs)), html, "</div>"] if html else []


def _parts(essay: Essay) -> list[list[Paragraph]]:
    """The paragraphs of each part of the page, in order, as :func:`whole_essay_body` makes them parts."""
    groups = [_opening(essay), *(s.paragraphs for s in _sections(essay)), [essay.bio] if essay.bio else []]
    return [group for group in groups if group]


def _part_start(source: str) -> str:
    """A part's opening tag: ``data-source`` names the file its paragraphs come from.

    The link check blames what it finds inside on that file: a broken link
    or an id given twice in a section is the section's, not the theme's
    (the page is generated), and is reported once for both pages.
    """
    named = f' {SOURCE_ATTRIBUTE}="{html_lib.escape(source)}"' if source else ""
    return f'<div class="{PART_CLASS}"{named}>'
