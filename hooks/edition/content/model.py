"""The one model of the edition: essays, sections, paragraphs, terms and notes.

Plain dataclasses, defined once and shared by the importer, the glossary
linker, the commentary anchorer, the link checker and the scripts, so that no
part of the project re-parses the same Markdown with a private rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from edition.content.revisions import Revision


@dataclass
class Paragraph:
    """One paragraph of an essay, with the id that commentary and links key on.

    ``text`` is the paragraph's inline Markdown exactly as published (glossary
    links included); ``page`` is the Markdown file it lives in, relative to
    the docs directory.
    """

    id: str
    text: str
    page: str = ""
    kind: str = "body"  # body | note (publication note) | bio (author biography)


@dataclass
class Section:
    """A run of paragraphs under one heading; the opening section has no heading.

    ``slug`` is also the page's file name without ``.md`` (``index`` for the
    opening section).
    """

    title: str
    slug: str
    paragraphs: list[Paragraph] = field(default_factory=list)


@dataclass
class Essay:
    """An imported essay: its metadata and its sections in reading order."""

    slug: str
    title: str
    author: str
    date: str  # YYYY-MM-DD
    sections: list[Section] = field(default_factory=list)
    note: Paragraph | None = None
    bio: Paragraph | None = None
    source: str = ""  # path of the source text, relative to the repository
    summary: str = ""  # one line for listings and page descriptions
    reading_time: int = 0  # minutes
    publication: str = ""  # where the essay first appeared (a periodical's name), when known
    revisions: list[Revision] = field(default_factory=list)  # from the revision record; none: as first published

    @property
    def revision(self) -> int:
        """The number of the revision the pages show: 1 until an import records another."""
        return self.revisions[-1].number if self.revisions else 1

    def paragraphs(self) -> list[Paragraph]:
        """Every paragraph in reading order: note, sections, biography."""
        out = [self.note] if self.note else []
        for section in self.sections:
            out.extend(section.paragraphs)
        if self.bio:
            out.append(self.bio)
        return out

    def on_page(self, page: str) -> list[Paragraph]:
        """The paragraphs the page built from ``page`` (a docs path) shows, in reading order."""
        return [p for p in self.paragraphs() if p.page == page]


@dataclass
class Source:
    """A work cited for the facts in a glossary entry or a note."""

    title: str
    url: str


@dataclass
class Term:
    """A glossary entry, loaded from ``docs/glossary/<slug>.md``."""

    slug: str
    title: str
    summary: str
    path: str  # relative to the repository root, for messages
    aliases: list[str] = field(default_factory=list)
    zh: str = ""
    see_also: list[str] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    status: str = ""  # "stub" for importer-made placeholders
    body: str = ""  # the entry's Markdown after the front matter
    meta: dict = field(default_factory=dict)  # the front matter as written: the page's metadata
    body_line: int = 1  # the file's line on which the body starts, for messages about the body
    lines: dict[str, int] = field(default_factory=dict)  # each front-matter field's line, for messages about it

    def names(self) -> list[str]:
        """The title and every alias: the words that should link here."""
        return [self.title, *self.aliases]


@dataclass
class Comment:
    """One editorial note, loaded from ``docs/commentary/<essay>/<name>.md``."""

    essay: str
    name: str  # file name without .md
    path: str  # relative to the repository root, for messages
    title: str
    author: str
    date: str
    kind: str
    paragraph: str
    quote: str
    body: str = ""
    author_url: str = ""
    sources: list[Source] = field(default_factory=list)
    body_line: int = 1  # the file's line on which the body starts, for messages about the body
    revision: int = 1  # the revision of the essay the note was written against
    status: str = "open"  # "resolved" once a later revision applied what the note asked for
    resolved_in: int = 0  # that revision
    prefix: str = ""  # target.prefix: the words just before the quote, when it occurs more than once
    suffix: str = ""  # target.suffix: the words just after it
    lines: dict[str, int] = field(default_factory=dict)  # each front-matter field's line, for messages about it
