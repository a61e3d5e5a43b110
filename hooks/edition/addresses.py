"""The site's address scheme: every folder name, page path and id the edition makes, in one place.

Everything else asks this module (as Quartz's ``util/path.ts`` owns that
site generator's paths): which page a source file is (:func:`page_of`), where
a page of a kind lives (the builders), its address (:func:`page_url`) and
how one page links to another (:func:`relative_url`, :func:`linker`).

Three kinds of path are never mixed, so each has its own type:

- :data:`RepoPath`, relative to the repository root, as messages name files
  (``docs/commentary/e/note.md``);
- :data:`DocsPath`, relative to the docs folder, as MkDocs names a source
  (its ``src_uri``: ``commentary/e/note.md``);
- :data:`SiteUrl`, relative to the site's root, as MkDocs addresses a page
  (its ``url``: ``commentary/e/note/``).

The paragraph-id grammar lives here too: paragraph ids are what readers
link to and notes anchor on, and the ids the build derives from a note's
name (its callout and its highlighted quote) must never collide with them.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from typing import NewType

RepoPath = NewType("RepoPath", str)
DocsPath = NewType("DocsPath", str)
SiteUrl = NewType("SiteUrl", str)

ESSAYS = "essays"  # one folder per essay: its opening (index), its sections, its whole-essay page
GLOSSARY = "glossary"  # one file per entry, and the generated index
COMMENTARY = "commentary"  # one folder per essay, one file per note, and the generated indexes
FEEDS = "feeds"  # the Atom feeds, generated
INDEX = "index"  # a folder's own page
WHOLE_ESSAY = "print"  # the whole-essay page of an essay's folder
REVISIONS = "revisions"  # the revisions page of an essay's folder, generated from its revision record
RESERVED_PAGES = frozenset({INDEX, WHOLE_ESSAY, COMMENTARY, REVISIONS})  # names a section's page may never take
REVISION_RECORD = (
    "revisions.yml"  # an essay's revision record, beside its pages: the build reads it, never publishes it
)
HOME = DocsPath("index.md")

# A paragraph id: what follows '#' in a paragraph's address. The importer
# makes them as '<section-slug>-<n>' (slugs never hold two hyphens in a row).
PARAGRAPH_ID = re.compile(r"[\w-]+")


class Kind(Enum):
    """What a page of the site is, read from its source path."""

    HOME = "home"
    ESSAY_OPENING = "essay opening"  # essays/<essay>/index.md: title, byline, contents, opening paragraphs
    ESSAY_SECTION = "essay section"  # essays/<essay>/<section>.md
    WHOLE_ESSAY = "whole essay"  # essays/<essay>/print.md, generated
    REVISIONS = "revisions"  # essays/<essay>/revisions.md, generated from essays/<essay>/revisions.yml
    GLOSSARY_INDEX = "glossary index"  # glossary/index.md, generated
    GLOSSARY_ENTRY = "glossary entry"  # glossary/<entry>.md
    COMMENTARY_INDEX = "commentary index"  # commentary/index.md, generated
    ESSAY_COMMENTARY = "essay commentary"  # commentary/<essay>/index.md, generated
    NOTE = "note"  # commentary/<essay>/<note>.md
    OTHER = "other"  # any other page (hand-written pages, assets)


@dataclass(frozen=True)
class PageRef:
    """What :func:`page_of` reads from a source path: the kind of page, its essay, its own name.

    ``name`` is the section's slug, the entry's slug or the note's name
    (empty where the kind has none).
    """

    kind: Kind
    essay: str = ""
    name: str = ""

    @property
    def of_essay(self) -> bool:
        """Whether the page is one of an essay's own pages (its opening, a section or the whole essay)."""
        return self.kind in (Kind.ESSAY_OPENING, Kind.ESSAY_SECTION, Kind.WHOLE_ESSAY)


_OTHER = PageRef(Kind.OTHER)


@lru_cache(maxsize=65536)
def page_of(src: str) -> PageRef:
    """What the page built from ``src`` (a :data:`DocsPath`) is; the one reading of a source path.

    Only the shape of the path is read: whether an essay or an entry of that
    name exists is the model's to say. Kept per path (a ``PageRef`` is
    frozen): every part asks it of every page at several events, some fifteen
    thousand times in a build of 800 pages.
    """
    if src == HOME:
        return PageRef(Kind.HOME)
    folder, _, rest = src.partition("/")
    if not rest.endswith(".md") or folder not in (ESSAYS, GLOSSARY, COMMENTARY):  # most pages: no split
        return _OTHER
    parts = rest[: -len(".md")].split("/")
    if folder == GLOSSARY and len(parts) == 1:
        return PageRef(Kind.GLOSSARY_INDEX) if parts[0] == INDEX else PageRef(Kind.GLOSSARY_ENTRY, name=parts[0])
    if len(parts) == 1:
        return PageRef(Kind.COMMENTARY_INDEX) if folder == COMMENTARY and parts[0] == INDEX else _OTHER
    if len(parts) != 2 or folder == GLOSSARY:
        return _OTHER
    essay, name = parts
    if folder == COMMENTARY:
        return PageRef(Kind.ESSAY_COMMENTARY, essay) if name == INDEX else PageRef(Kind.NOTE, essay, name)
    if name == INDEX:
        return PageRef(Kind.ESSAY_OPENING, essay, INDEX)
    if name == REVISIONS:
        return PageRef(Kind.REVISIONS, essay, REVISIONS)
    return PageRef(Kind.WHOLE_ESSAY if name == WHOLE_ESSAY else Kind.ESSAY_SECTION, essay, name)


# -- where each kind of page lives (DocsPath) --------------------------------


def essay_page(essay: str, section: str = INDEX) -> DocsPath:
    """An essay's opening page, or the page of one of its sections."""
    return DocsPath(f"{ESSAYS}/{essay}/{section}.md")


def whole_essay_page(essay: str) -> DocsPath:
    return DocsPath(f"{ESSAYS}/{essay}/{WHOLE_ESSAY}.md")


def revisions_page(essay: str) -> DocsPath:
    """An essay's revisions page: every revision of its text, newest first."""
    return DocsPath(f"{ESSAYS}/{essay}/{REVISIONS}.md")


def revision_record(essay: str) -> DocsPath:
    """An essay's revision record (YAML, written by the importer): not a page, and never published."""
    return DocsPath(f"{ESSAYS}/{essay}/{REVISION_RECORD}")


def is_revision_record(src: str) -> bool:
    """Whether ``src`` (a :data:`DocsPath`) is an essay's revision record, which the build keeps out of the site."""
    parts = src.split("/")
    return len(parts) == 3 and parts[0] == ESSAYS and bool(parts[1]) and parts[2] == REVISION_RECORD


def glossary_index() -> DocsPath:
    return DocsPath(f"{GLOSSARY}/{INDEX}.md")


def glossary_entry(slug: str) -> DocsPath:
    return DocsPath(f"{GLOSSARY}/{slug}.md")


def commentary_index(essay: str = "") -> DocsPath:
    """The site's commentary index, or one essay's."""
    return DocsPath(f"{COMMENTARY}/{essay}/{INDEX}.md" if essay else f"{COMMENTARY}/{INDEX}.md")


def note_page(essay: str, name: str) -> DocsPath:
    return DocsPath(f"{COMMENTARY}/{essay}/{name}.md")


def glossary_previews() -> DocsPath:
    """Every entry's preview (title, Chinese name, summary, mentions): fetched once by a page that shows one."""
    return DocsPath(f"{GLOSSARY}/previews.json")


def essays_feed() -> DocsPath:
    """The Atom feed of new essays."""
    return DocsPath(f"{FEEDS}/{ESSAYS}.xml")


def notes_feed(essay: str = "") -> DocsPath:
    """The Atom feed of new notes: the site's, or one essay's."""
    return DocsPath(f"{FEEDS}/notes-{essay}.xml" if essay else f"{FEEDS}/notes.xml")


def feeds_sitemap() -> DocsPath:
    """An empty sitemap beside the feeds.

    Material fetches and parses the ``sitemap.xml`` beside every address a
    page's ``<link rel="alternate">`` names (it takes them for the site in
    other languages): without this file that is a failed request per feed,
    and at the site's root it would be the whole site's sitemap, parsed
    again for each feed on every page.
    """
    return DocsPath(f"{FEEDS}/sitemap.xml")


def glossary_link_from_essay(slug: str) -> str:
    """How an essay's page links an entry in its Markdown (the importer writes this; MkDocs resolves it)."""
    return f"../../{glossary_entry(slug)}"


# -- repository paths ---------------------------------------------------------


def repo_path(docs_rel: str, src: str) -> RepoPath:
    """The repository path of a docs file: ``docs_rel`` is the docs folder's (``docs``)."""
    return RepoPath(f"{docs_rel}/{src}")


# -- ids derived from names ---------------------------------------------------


def callout_id(name: str) -> str:
    """The id of a note's callout on an essay page: ``note--<name>``.

    Paragraph ids never hold two hyphens in a row, so these ids cannot
    collide with a paragraph's (``note-1`` is the publication note). The id
    is text; whoever writes it into HTML escapes it.
    """
    return f"note--{name}"


def quote_id(name: str) -> str:
    """The id of a note's highlighted passage: ``quote--<name>``."""
    return f"quote--{name}"


def revision_id(number: int) -> str:
    """The id of a revision's part of the revisions page: ``revision--3`` (never a paragraph's id)."""
    return f"revision--{number}"


def earlier_text_id() -> str:
    """The id of the revisions page's part that lists the notes on removed paragraphs."""
    return "earlier--text"


# -- addresses ----------------------------------------------------------------

Linker = Callable[..., "str | None"]
_IGNORED = re.compile(r"[\x00-\x20\x7f]+")  # browsers skip these in an address: tab and newline anywhere, spaces around


def network_path(url: str) -> bool:
    r"""Whether a browser reads ``url`` as another site's address in the page's scheme.

    ``//host/x`` (a network-path reference) is not a file of this site
    however relative it looks; browsers read a backslash as a slash and drop
    tabs, newlines and leading spaces, so ``\\host``, ``/\host`` and
    ``/<tab>/host`` name a host too.
    """
    return _IGNORED.sub("", url)[:2].replace("\\", "/") == "//"


def page_url(src: str, use_directory_urls: bool = True) -> SiteUrl:
    """The site-relative URL MkDocs gives the page built from ``src``: ``essays/x/a.md`` -> ``essays/x/a/``.

    Any other file keeps its path (``feeds/notes.xml``).
    """
    if not src.endswith(".md"):
        return SiteUrl(src)
    stem = src[:-3]
    if not use_directory_urls:
        return SiteUrl(stem + ".html")
    if stem == INDEX:
        return SiteUrl("")
    if stem.endswith("/" + INDEX):
        return SiteUrl(stem[: -len(INDEX)])
    return SiteUrl(stem + "/")


def _folder(page: str) -> str:
    """The folder a relative address on the page at ``page`` (a :data:`SiteUrl`) starts from, with its slash."""
    return page if page.endswith("/") or not page else posixpath.dirname(page) + "/"


def relative_url(target: str, from_page: str) -> str:
    """``target`` (a :data:`SiteUrl`) as seen from the page at ``from_page`` (another).

    Computed on the path segments, like MkDocs' own ``get_relative_url``:
    ``posixpath.relpath`` would do, but it asks the operating system for the
    working directory on every call, and a large site makes hundreds of
    thousands of these links.
    """
    # MkDocs calls the home page's URL "./"
    base_parts = [part for part in _folder(from_page).split("/") if part and part != "."]
    target_parts = [part for part in target.split("/") if part and part != "."]
    common = 0
    for mine, theirs in zip(base_parts, target_parts, strict=False):
        if mine != theirs:
            break
        common += 1
    rel = "/".join([".."] * (len(base_parts) - common) + target_parts[common:]) or "."
    if target.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return rel


# Which attributes of which elements hold an address: the HTML standard's index of attributes whose value is a
# URL, limited to the elements where a browser uses them (the link check's reasons are in
# :mod:`edition.features.linkcheck.attributes`). The link check reads them; the whole-essay page moves them.
URL_ATTRIBUTES: dict[str, frozenset[str]] = {
    tag: frozenset(attrs.split())
    for tag, attrs in {
        "a": "href",
        "area": "href",
        "link": "href",
        "img": "src srcset",
        "source": "src srcset",
        "iframe": "src",
        "audio": "src",
        "video": "src poster",
        "track": "src",
        "embed": "src",
        "script": "src",
        "object": "data",
        "input": "src formaction",
        "button": "formaction",
        "form": "action",
        "blockquote": "cite",
        "q": "cite",
        "ins": "cite",
        "del": "cite",
        "meta": "content",
    }.items()
}

_PLAIN_ADDRESS = re.compile(r"[A-Za-z0-9._~/#?=+-]*")  # nothing encoded, escaped or spaced: compared as it is
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


def fixed_address(address: str) -> bool:
    """Whether ``address`` means the same place from any page: a fragment, root-relative, or with a scheme."""
    return address.startswith(("#", "/")) or _SCHEME.match(address) is not None


def moved_address(address: str, from_page: str, to_page: str, known: Collection[str]) -> str | None:
    """``address`` as MkDocs writes it on the page at ``from_page``, as MkDocs would write it on ``to_page``.

    MkDocs writes a link to a file of the site relative to the page, and
    leaves every other address as written. So a relative address whose
    target, read from ``from_page``, is one of ``known`` (every file's
    :data:`SiteUrl`) is written again relative to ``to_page``; a fragment, an
    absolute or root-relative address, and a relative one to no file stay as
    they are. None for an address that is not plain (percent-encoded, an
    entity, a space): the caller converts the text for ``to_page`` instead.
    """
    if not address or fixed_address(address):
        return address
    if _PLAIN_ADDRESS.fullmatch(address) is None:
        return None
    path, hash_, fragment = address.partition("#")
    path, mark, query = path.partition("?")
    if not path:  # a query alone: MkDocs leaves it, and it means the page it is on
        return address
    target = posixpath.normpath(_folder(from_page) + path)
    if target == ".":  # the site's root: MkDocs calls the home page's URL "./"
        target = "./" if "./" in known else ""
    elif path.endswith("/") or posixpath.basename(path) in (".", ".."):
        target += "/"
    if target not in known:
        return address
    return relative_url(target, to_page) + mark + query + hash_ + fragment


def linker(urls: Mapping[str, str], from_page: str) -> Linker:
    """``link(src, fragment="")``: the address of a docs file as seen from the page at ``from_page``.

    ``urls`` maps every file's :data:`DocsPath` to its :data:`SiteUrl`;
    ``link`` answers None for a file the site does not have.
    """

    def link(src: str, fragment: str = "") -> str | None:
        url = urls.get(src)
        if url is None:
            return None
        return relative_url(url, from_page) + (f"#{fragment}" if fragment else "")

    return link


def resolver(folder: str, link: Linker) -> Callable[[str], str]:
    """How a relative address written in a docs file in ``folder`` reads on the page ``link`` serves.

    ``../essays/x/a.md#p`` written in ``glossary/`` becomes the essay page's
    address relative to that page; an address to no file of the site stays
    as written (the link check reports it, naming the file to edit).
    """

    def resolve(href: str) -> str:
        path, _, fragment = href.partition("#")
        if not path or network_path(path):
            return href
        return link(posixpath.normpath(posixpath.join(folder, path)), fragment) or href

    return resolve
