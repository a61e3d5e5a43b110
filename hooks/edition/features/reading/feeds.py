"""Atom feeds (RFC 4287) of new essays and of new notes, site-wide and per essay.

A reader follows the edition in a feed reader instead of coming back to
look. Each feed is written from the model, newest first, at most
:data:`LATEST` entries. A feed must never make a reader see an old entry as
new, so everything in it is a function of the content, never of the build:
an entry's id is its page's permanent address, its dates are the essay's or
the note's, and the feed's own ``updated`` is its newest entry's.

Notes and their titles come from strangers: every value goes through
ElementTree, which escapes it, and characters XML 1.0 cannot hold (a control
character YAML let through) are dropped first, so a hostile note cannot make
a feed unreadable.
"""

from __future__ import annotations

import heapq
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, partial

from edition.addresses import (
    HOME,
    DocsPath,
    commentary_index,
    essay_page,
    essays_feed,
    feeds_sitemap,
    note_page,
    notes_feed,
    page_of,
)
from edition.content.markup import first_sentence, plain_text
from edition.content.model import Comment, Essay
from edition.content.places import Place, places
from edition.content.site import Site

ATOM = "http://www.w3.org/2005/Atom"
LATEST = 50  # entries per feed: a reader's update, not an archive (every page is in the sitemap)
SUMMARY = 300  # characters of a note's text in its entry
EPOCH = "1970-01-01"  # the updated date of a feed that has no entry yet
EMPTY_SITEMAP = (  # see edition.addresses.feeds_sitemap
    '<?xml version="1.0" encoding="utf-8"?>\n'
    "<!-- Empty on purpose: Material looks for a sitemap beside every <link rel=alternate> address. -->\n"
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n'
)
# What XML 1.0 forbids, spelled as the few characters it is rather than as the complement of what it allows
# ([^\t\n\r\x20-\ud7ff...]): the same set, which compiles in a tenth of the time (6 ms at every build's start).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

ET.register_namespace("", ATOM)


@dataclass
class Entry:
    """One entry: ``date`` is YYYY-MM-DD, ``url`` the page's absolute address (also the entry's id)."""

    title: str
    url: str
    date: str
    author: str
    summary: str
    author_url: str = ""
    category: str = ""


@dataclass
class Feed:
    """A feed's own facts: its title, its address, the page it is the feed of, and its entries."""

    title: str
    url: str
    page: str
    entries: list[Entry] = field(default_factory=list)


def _text(value: str) -> str:
    return _NOT_XML.sub("", value)


def _timestamp(date: str) -> str:
    """A YYYY-MM-DD date as an RFC 3339 timestamp (midnight UTC: the model keeps days, not times)."""
    return f"{date}T00:00:00Z"


def _child(parent: ET.Element, tag: str, text: str = "", **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {key: _text(value) for key, value in attrs.items()})
    if text:
        element.text = _text(text)
    return element


def atom(feed: Feed) -> str:
    """The feed as an Atom document, newest entry first, at most :data:`LATEST` entries."""
    entries = sorted(feed.entries, key=lambda e: (e.date, e.url), reverse=True)[:LATEST]
    root = ET.Element(f"{{{ATOM}}}feed")
    _child(root, "id", feed.url)
    _child(root, "title", feed.title)
    _child(root, "updated", _timestamp(max((e.date for e in entries), default=EPOCH)))
    _child(root, "link", rel="self", type="application/atom+xml", href=feed.url)
    _child(root, "link", rel="alternate", type="text/html", href=feed.page)
    for entry in entries:
        item = _child(root, "entry")
        _child(item, "id", entry.url)
        _child(item, "title", entry.title)
        _child(item, "published", _timestamp(entry.date))
        _child(item, "updated", _timestamp(entry.date))
        _child(item, "link", rel="alternate", type="text/html", href=entry.url)
        author = _child(item, "author")
        _child(author, "name", entry.author)
        if entry.author_url:
            _child(author, "uri", entry.author_url)
        if entry.category:
            _child(item, "category", term=entry.category, label=entry.category.capitalize())
        _child(item, "summary", entry.summary, type="text")
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


Kept = dict[DocsPath, tuple[tuple[object, ...], str]]  # a feed's path: what it was made from, and its text


def _reused(kept: Kept, path: DocsPath, made_from: tuple[object, ...], make: Callable[[], str]) -> str:
    """The text ``kept`` for ``path`` when it was made from these very objects; else ``make()``, kept."""
    was, text = kept.get(path, ((), ""))
    same = len(was) == len(made_from) and all(a is b for a, b in zip(was, made_from, strict=True))
    if was and same:
        return text
    text = make()
    kept[path] = (made_from, text)
    return text


def _may_be_latest(notes: list[Comment]) -> list[Comment]:
    """The notes dated no earlier than the :data:`LATEST`-th newest: every note :func:`atom` can keep, in order.

    :func:`atom` breaks ties between dates by address, so all the notes of
    the last date that can make the cut stay candidates.
    """
    if len(notes) <= LATEST:
        return notes
    cutoff = heapq.nlargest(LATEST, (note.date for note in notes))[-1]
    return [note for note in notes if note.date >= cutoff]


def essay_entries(essays: Iterable[Essay], url: Callable[[Essay], str]) -> list[Entry]:
    """An entry per essay; ``url(essay)`` is the absolute address of its opening page."""
    return [Entry(e.title, url(e), e.date, e.author, e.summary or e.title) for e in essays]


def note_entries(
    notes: Iterable[Comment], essays: Mapping[str, Essay], places: Mapping[str, Place], url: Callable[[Comment], str]
) -> list[Entry]:
    """An entry per note; ``url(note)`` is the absolute address of its page."""
    entries = []
    for note in notes:
        essay = essays.get(note.essay)
        where = ", ".join(str(part) for part in (essay.title if essay else "", places.get(note.paragraph, "")) if part)
        said = first_sentence(plain_text(note.body), SUMMARY)
        summary = f"On \u201c{note.quote}\u201d ({where}): {said}" if where else f"On \u201c{note.quote}\u201d: {said}"
        entries.append(
            Entry(note.title, url(note), note.date, note.author, summary, note.author_url, category=note.kind)
        )
    return entries


class Feeds:
    """The feeds of one site: which exist, which a page links to, and their documents.

    ``notes`` says whether the site publishes notes (its commentary is
    built): without it there are no notes' feeds to link or write.
    """

    def __init__(self, site: Site, site_name: str, notes: bool) -> None:
        self.site, self.site_name, self.notes = site, site_name, notes

    def links(self, src: str) -> list[tuple[str, DocsPath]]:
        """``(title, feed's path in the site)`` of the feeds the page built from ``src`` announces.

        Every page: new essays and new notes; an essay's pages, its
        commentary and its notes: that essay's notes too.
        """
        found = [(f"New essays: {self.site_name}", essays_feed())]
        if self.notes:
            found.append((f"New notes: {self.site_name}", notes_feed()))
            essay = self.site.essays.get(page_of(src).essay)
            if essay is not None:
                found.append((f"New notes on {essay.title}", notes_feed(essay.slug)))
        return found

    def documents(
        self, published: Callable[[str], bool], absolute: Callable[[str], str], kept: Kept | None = None
    ) -> dict[DocsPath, str]:
        """Every feed as ``{path in the site: Atom text}``, and the empty sitemap beside them.

        ``published(src)`` says whether a note's page is built (a refused
        note has none); ``absolute(src)`` is a docs file's page address.
        ``kept`` holds the feeds an earlier call wrote (the preview's): a
        feed made from the very same essay and note objects is not written
        again, so a note edit writes the site's notes feed and its essay's.
        """
        kept = {} if kept is None else kept
        essays = self.site.essays
        out = {feeds_sitemap(): EMPTY_SITEMAP}
        out[essays_feed()] = _reused(
            kept,
            essays_feed(),
            tuple(essays.values()),
            lambda: atom(
                Feed(
                    f"New essays: {self.site_name}",
                    absolute(essays_feed()),
                    absolute(HOME),
                    essay_entries(essays.values(), lambda e: absolute(essay_page(e.slug))),
                )
            ),
        )
        if not self.notes:
            return out
        notes = [c for c in self.site.comments if published(note_page(c.essay, c.name))]
        by_essay: dict[str, list[Comment]] = defaultdict(list)
        for note in notes:
            by_essay[note.essay].append(note)
        made: dict[int, Entry] = {}

        @cache
        def where() -> Mapping[str, Place]:
            """How pages name each paragraph: read only when a feed is written, not when every feed is kept."""
            return places(essays.values())

        def entries(chosen: list[Comment]) -> list[Entry]:
            """The entries of the notes that can be among the newest (at 10,000 notes, all of them took seconds)."""
            chosen = _may_be_latest(chosen)
            new = [c for c in chosen if id(c) not in made]
            url = lambda c: absolute(note_page(c.essay, c.name))  # noqa: E731
            made.update(zip(map(id, new), note_entries(new, essays, where(), url), strict=True))
            return [made[id(c)] for c in chosen]

        def notes_document(title: str, slug: str | None, mine: list[Comment]) -> str:
            page = absolute(commentary_index(slug) if slug else commentary_index())
            return atom(Feed(title, absolute(notes_feed(slug) if slug else notes_feed()), page, entries(mine)))

        title = f"New notes: {self.site_name}"
        everything = (*essays.values(), *notes)
        out[notes_feed()] = _reused(kept, notes_feed(), everything, lambda: notes_document(title, None, notes))
        for slug, essay in essays.items():
            mine = by_essay.get(slug, [])
            text = partial(notes_document, f"New notes on {essay.title}", slug, mine)
            out[notes_feed(slug)] = _reused(kept, notes_feed(slug), (essay, *mine), text)
        return out
