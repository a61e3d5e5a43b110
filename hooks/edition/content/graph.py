"""What each page of the site shows, so that a change rebuilds exactly the pages it can alter.

The preview behind ``make serve`` (:mod:`edition.mkdocs_adapter.preview`)
rebuilds, after a save, only the pages whose output depends on what changed.
This module is where the build keeps that knowledge. Facts are named by
keys, ``(kind, name)`` pairs; two sides agree on them:

- while a page is built, the part that puts a fact on it **records** the
  fact's key for that page (:meth:`DependencyGraph.record`);
- after a save, each part compares its state before and after and
  **emits** the keys of the facts that changed; the pages that recorded
  any of them are rebuilt (:meth:`DependencyGraph.pages`).

The keys: which pages record each (and which part records it), and when it is emitted (and by which part):

``("page", src)``
    Recorded implicitly by every page, and by the whole-essay page for each section whose HTML it takes
    (reading). Emitted when the page's own file changed (preview) or when the page is built again, so
    that pages using its output follow; a part may name a page outright.
``("essay", slug)``
    Recorded by every page of the essay, for its citation tags and the revision in its proposal links
    (reading, commentary), by the whole-essay page, the revisions page and the home page's card (reading),
    its notes' pages, its commentary index and the site's commentary index (commentary). Emitted when any
    file of the essay changed (build).
``("paragraph", id)``
    Recorded by every page showing the paragraph, for the notes beside it (commentary). Emitted when a
    note was placed on or moved off the paragraph, or changed there (commentary).
``("notes", slug)``
    Recorded by the essay's pages, whose "add a note" links name the next free file name, and by its
    commentary index; ``("notes", "")`` by the site's commentary index (commentary) and the home page's
    latest notes (reading). Emitted when a note of the essay was added or removed, or placed, moved or given
    another kind, date or title: every page of the essay shows the kinds of its notes (the filter) and each
    note's neighbours in reading order, by title; ``("notes", "")`` when any note changed (commentary).
``("note", src)``
    Recorded by the note's page and its essay's commentary index (commentary). Emitted when the note's
    file or its anchor changed (commentary).
``("term", slug)``
    Recorded by every page linking to the entry, for the link and its hover text, and by the entries
    listing it under "see also" (glossary). Emitted when the entry's title, summary or names changed, or
    it was added or removed (glossary).
``("terms", "")``
    Recorded by the glossary index and the home page (its count of entries; reading); emitted with any
    ``("term", slug)`` (glossary).
``("mentions", slug)``
    Recorded by the entry's page; emitted when the paragraphs mentioning the entry changed (glossary).

Two things cannot be recorded, because the page that will show them did
not show them before: a glossary name added to an entry (the glossary
searches the text of every page for the names that changed) and a file
added or removed (the link check finds the pages whose links point at
it). Each part also answers them on refresh, as pages.

Pages of a kind listed in :data:`DECLARED` are rebuilt only when a key
they recorded is emitted. Every other page (hand-written pages, and any kind of page added later whose part
does not record its facts yet) is rebuilt on every change, so a page is
never left stale because nobody declared what it shows. A new kind of page
is declared by adding its kind here once its part records what it shows;
a new fact is a new key kind, recorded and emitted by its part, and a line
in this table. Site-wide files are written again by their parts'
``on_post_build`` on every change (``annotations.jsonld``); the search index
keeps each page's entries and replaces those of the pages rebuilt, and the
sitemap is written again when pages are added or removed
(:mod:`edition.mkdocs_adapter.preview.site_files`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Final

from edition.addresses import Kind

Key = tuple[str, str]

PAGE: Final = "page"
ESSAY: Final = "essay"
PARAGRAPH: Final = "paragraph"
NOTES: Final = "notes"
NOTE: Final = "note"
TERM: Final = "term"
TERMS: Final = "terms"
MENTIONS: Final = "mentions"

# The kinds of page whose parts record every fact they show (see the table above).
DECLARED: Final = frozenset(
    {
        Kind.HOME,
        Kind.ESSAY_OPENING,
        Kind.ESSAY_SECTION,
        Kind.WHOLE_ESSAY,
        Kind.REVISIONS,
        Kind.NOTE,
        Kind.ESSAY_COMMENTARY,
        Kind.COMMENTARY_INDEX,
        Kind.GLOSSARY_ENTRY,
        Kind.GLOSSARY_INDEX,
    }
)


class DependencyGraph:
    """Which keys each page recorded when it was last built, and the other way round."""

    def __init__(self) -> None:
        self._keys: dict[str, set[Key]] = defaultdict(set)
        self._pages: dict[Key, set[str]] = defaultdict(set)

    def record(self, src: str, *keys: Key) -> None:
        """The page built from ``src`` (a docs path) shows the facts ``keys``."""
        mine = self._keys[src]
        for key in keys:
            if key not in mine:
                mine.add(key)
                self._pages[key].add(src)

    def forget(self, src: str) -> None:
        """The page is about to be built again, or is gone: drop what it recorded."""
        for key in self._keys.pop(src, ()):
            pages = self._pages[key]
            pages.discard(src)
            if not pages:
                del self._pages[key]

    def keys(self, src: str) -> frozenset[Key]:
        return frozenset(self._keys.get(src, ()))

    def pages(self, keys: Iterable[Key]) -> set[str]:
        """The pages to build again when the facts ``keys`` changed.

        Every page that recorded one of ``keys``; the page ``src`` of a key
        ``("page", src)`` itself, whatever it recorded; then, again and again,
        every page that uses the output of a page found.
        """
        found: set[str] = set()
        todo = list(keys)
        while todo:
            key = todo.pop()
            named = [key[1]] if key[0] == PAGE else []
            for src in [*named, *self._pages.get(key, ())]:
                if src not in found:
                    found.add(src)
                    todo.append((PAGE, src))
        return found


class UnrecordedGraph(DependencyGraph):
    """The graph of a build no preview follows (``mkdocs build``): nothing is asked of it, so nothing is kept.

    Every page's records cost a few microseconds and some memory; a full
    build of 16,000 pages made them for nothing.
    """

    def record(self, src: str, *keys: Key) -> None:
        """Kept by no one."""
