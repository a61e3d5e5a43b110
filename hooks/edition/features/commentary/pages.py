"""The commentary's own pages: one per note, one per essay, one for the site.

Note pages are MkDocs pages whose Markdown came from a stranger, so their
content is not MkDocs' rendering of that file but HTML built here from the
model. Index pages are generated. All of it is written from escaped values;
``link(src_uri, fragment)`` (supplied by the hook) turns a docs-relative
file into an address relative to the page being built.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Mapping

from edition import addresses
from edition.addresses import Linker, callout_id, commentary_index, earlier_text_id, essay_page, revisions_page
from edition.content.markup import plain_text
from edition.content.model import Essay
from edition.content.places import Place
from edition.content.text import counted
from edition.conventions import SOURCE_ATTRIBUTE
from edition.features.commentary.anchor import ORPHANED, Anchor
from edition.features.commentary.notices import notice
from edition.features.commentary.render import KIND_STYLE, in_reading_order, kind_label, note_filter, time_tag
from edition.features.commentary.revised import REMOVED, Revised

esc = html.escape
Places = Mapping[str, Place]  # paragraph id -> where a reader finds it
LATEST = 200  # notes on the site-wide commentary page; each essay's page lists all of its own
ORPHAN_TEXT = (
    "Orphaned: its passage could not be found unambiguously in the essay, so the note is not shown beside the text."
)


def note_src(anchor: Anchor) -> str:
    """The note's Markdown file relative to the docs directory."""
    return addresses.note_page(anchor.comment.essay, anchor.comment.name)


def _href(link: Linker, src: str, fragment: str = "") -> str:
    """The escaped address of a docs file from the page being built (the build made it: it exists)."""
    return esc(link(src, fragment) or "")


def _byline(anchor: Anchor) -> str:
    c = anchor.comment
    author = esc(c.author)
    if c.author_url:
        author = f'<a href="{esc(c.author_url)}" rel="nofollow ugc">{author}</a>'
    return (
        f'<span class="note-kind {KIND_STYLE[c.kind]}">{esc(kind_label(c.kind))}</span> by {author}, {time_tag(c.date)}'
    )


def _passage_link(
    anchor: Anchor, essay: Essay | None, link: Linker, fragment: str, places: Places, with_essay: bool
) -> str:
    """A link to the note's passage, named as a reader names it (the essay's title, the section, ¶ number)."""
    if anchor.status == REMOVED and anchor.history is not None and essay is not None:
        number = anchor.history.changed.number
        where = esc(f"{essay.title}: a paragraph removed in revision {number}")
        href = link(revisions_page(essay.slug), earlier_text_id())
        return f'<a href="{esc(href)}">{where}</a>' if href else where
    if anchor.paragraph is None or essay is None:
        return f'<span class="note-orphan">{ORPHAN_TEXT}</span>'
    where = str(places.get(anchor.paragraph.id, ""))
    if with_essay:
        where = f"{essay.title}, {where}" if where else essay.title
    return f'<a href="{_href(link, anchor.paragraph.page, fragment)}">{esc(where)}</a>'


def note_text(anchor: Anchor, body_html: str) -> str:
    """What search indexes of a note's page: its title and its body.

    The passage repeats the essay's words (found on the essay's page), the
    byline and sources are not what a reader searches for; leaving them to
    :func:`note_page` keeps the search index and its parsing to the note.
    """
    return f'<h1>{esc(anchor.comment.title)}</h1>\n<div class="note-body">{body_html}</div>\n'


def note_page_html(anchor: Anchor, essay: Essay | None, text_html: str, link: Linker, places: Places) -> str:
    """The permalink page of one note, around its :func:`note_text` (as other hooks left it).

    The byline and the passage go after the title, the sources at the end.
    """
    c = anchor.comment
    title, _, body = text_html.partition("</h1>\n")
    fragment = anchor.paragraph_id if anchor.placed else ""
    parts = [
        f"{title}</h1>",
        f'<p class="note-byline">{_byline(anchor)}</p>',
        f'<blockquote class="note-passage"><p>{esc(c.quote)}</p>'
        f"<p>&mdash; {_passage_link(anchor, essay, link, fragment, places, True)}</p></blockquote>",
        notice(anchor, link),
        body.rstrip("\n"),
    ]
    if c.sources:
        items = "".join(f'<li><a href="{esc(s.url)}" rel="nofollow ugc">{esc(s.title)}</a></li>' for s in c.sources)
        parts.append(f'<h2 id="sources">Sources</h2>\n<ul class="note-sources">{items}</ul>')
    return "\n".join(parts) + "\n"


def _item(anchor: Anchor, essays: dict[str, Essay], link: Linker, places: Places, with_essay: bool) -> str:
    c = anchor.comment
    essay = essays.get(c.essay)
    where = _passage_link(anchor, essay, link, callout_id(c.name), places, with_essay)
    if with_essay and anchor.placed:
        where = f"on {where}"
    orphan = {ORPHANED: " note-item-orphaned", REMOVED: " note-item-removed"}.get(anchor.status, "")
    return (
        f'<li class="note-item{orphan}" data-kind="{esc(c.kind)}" {SOURCE_ATTRIBUTE}="{esc(c.path)}">'
        f'<p class="note-item-title"><a href="{_href(link, note_src(anchor))}">{esc(c.title)}</a></p>'
        f'<p class="note-item-meta">{_byline(anchor)}<br>{where}</p>'
        f'<p class="note-item-quote">&ldquo;{esc(c.quote)}&rdquo;</p></li>'
    )


def _kind_counts(anchors: list[Anchor]) -> str:
    counts = Counter(a.comment.kind for a in anchors)
    shown = ", ".join(f"{esc(kind_label(k))}: {n}" for k, n in sorted(counts.items()))
    return (
        f'<p class="note-kind-counts">{counted(len(anchors), "note")} ({shown}).</p>'
        if anchors
        else "<p>No notes yet.</p>"
    )


def _removed_count(anchors: list[Anchor]) -> str:
    """How many notes discuss paragraphs a revision removed (orphaned by a revision, not by a mistake)."""
    count = sum(1 for a in anchors if a.status == REMOVED)
    if not count:
        return ""
    notes = "1 note discusses a paragraph" if count == 1 else f"{count} notes discuss paragraphs"
    return (
        f'<p class="note-removed-count">{notes} that a revision removed from its essay; '
        "each is listed under &ldquo;Notes on earlier text&rdquo; on its essay's commentary page.</p>\n"
    )


def earlier_text(anchors: list[Anchor], link: Linker) -> str:
    """The revisions page's part for the notes on removed paragraphs: each paragraph as it read, and its notes."""
    groups: dict[str, tuple[Revised, list[Anchor]]] = {}
    for anchor in anchors:
        if anchor.history is not None:
            groups.setdefault(anchor.history.paragraph.id, (anchor.history, []))[1].append(anchor)
    parts = [
        f'<h2 id="{earlier_text_id()}">Earlier text</h2>',
        "<p>Paragraphs that a revision removed and that notes discuss. Each note keeps its own page.</p>",
    ]
    for history, group in groups.values():
        notes = "".join(
            f'<li><a href="{_href(link, note_src(a))}">{esc(a.comment.title)}</a>: '
            f"{esc(kind_label(a.comment.kind))} by {esc(a.comment.author)}, "
            f"on &ldquo;{esc(a.comment.quote)}&rdquo;</li>"
            for a in group
        )
        parts.append(
            f'<blockquote class="earlier-text"><p>{esc(plain_text(history.paragraph.text))}</p></blockquote>\n'
            f'<p>Removed in <a href="#{addresses.revision_id(history.changed.number)}">revision '
            f"{history.changed.number}</a>. Notes on it:</p>\n<ul>{notes}</ul>"
        )
    return "\n".join(parts) + "\n"


def essay_index(essay: Essay, anchors: list[Anchor], essays: dict[str, Essay], link: Linker, places: Places) -> str:
    """Commentary on one essay: notes in reading order, notes on removed paragraphs next, orphans last."""
    placed = in_reading_order(essay, anchors)
    orphans = [a for a in anchors if not a.placed and a.status != REMOVED]
    removed = [a for a in anchors if a.status == REMOVED]
    parts = [
        f"<h1>Commentary on {esc(essay.title)}</h1>",
        f'<p>Notes on <a href="{_href(link, essay_page(essay.slug))}">{esc(essay.title)}</a>, in reading order.</p>',
        _kind_counts(anchors) + note_filter(a.comment.kind for a in anchors),
        '<ol class="note-list">' + "".join(_item(a, essays, link, places, False) for a in placed) + "</ol>",
    ]
    if removed:
        parts.append('<h2 id="earlier-text">Notes on earlier text</h2>')
        parts.append("<p>Their paragraphs were removed in a revision of the essay; each note keeps its page.</p>")
        items = "".join(_item(a, essays, link, places, False) for a in removed)
        parts.append(f'<ul class="note-list">{items}</ul>')
    if orphans:
        parts.append('<h2 id="orphaned">Orphaned notes</h2>')
        items = "".join(_item(a, essays, link, places, False) for a in orphans)
        parts.append(f'<ul class="note-list">{items}</ul>')
    return "\n".join(parts) + "\n"


def site_index(
    anchors: list[Anchor], essays: dict[str, Essay], link: Linker, places: Places, latest: int = LATEST
) -> str:
    """The newest ``latest`` notes, newest first, and a link to each essay's commentary.

    Every note is listed on its essay's page (:func:`essay_index`); listing
    them all here again made a page that grew with the library. The filter by
    kind is the essay pages' (:func:`render.note_filter`): one choice, kept
    across the site (without scripts every note shows).
    """
    newest = sorted(anchors, key=lambda a: (a.comment.date, a.comment.path), reverse=True)
    by_essay = "".join(
        f'<li><a href="{_href(link, commentary_index(slug))}">{esc(essay.title)}</a></li>'
        for slug, essay in sorted(essays.items())
    )
    shown = newest[:latest]
    items = "".join(_item(a, essays, link, places, True) for a in shown)
    heading = (
        f"<p>The {len(shown)} newest notes of {len(newest)}; every note is listed on its essay's commentary page.</p>\n"
        if len(shown) < len(newest)
        else ""
    )
    return (
        "<h1>Commentary</h1>\n"
        "<p>Notes by readers and editors on passages of the essays, newest first. "
        "Every note has its own page; on the essay it appears right after the passage it discusses.</p>\n"
        f"<p>By essay:</p>\n<ul>{by_essay}</ul>\n"
        f"{_kind_counts(anchors)}\n{_removed_count(anchors)}{note_filter(a.comment.kind for a in shown)}{heading}"
        f'<ol class="note-list">{items}</ol>\n'
    )
