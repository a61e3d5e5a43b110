"""The two folders that take pull requests: where their files go, how large they may be, how to read one.

Both loaders read through :meth:`Folder.read_text`, so a note and a
glossary entry are refused for the same reasons, in the same words.
Glossary entries have a limit as notes do: an entry is a summary and a few
paragraphs (the largest on the site is about 2 KB), and without a limit one
pull request could make every build read, parse and render megabytes. The
notes' 100 KB leaves ample room and gives contributors one number to know.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from edition import addresses
from edition.content import frontmatter
from edition.content.contributed.reader import TooLarge, Unreadable, read_bounded
from edition.content.problems import Problem

MAX_BYTES = 100 * 1024
# The field a schema's message is about: every message starts with it in quotes ('target.quote' is ...,
# 'sources' item 2 needs ...), as edition.content.fields writes them.
_FIELD = re.compile(r"'(?P<field>[^']+)'(?: item (?P<item>\d+))?")
_PARENT = re.compile(r"(?:\.[^.\[]*|\[\d+\])$")  # the last part of a field's name: '.quote' or '[2]'


@dataclass(frozen=True)
class Parsed:
    """A contributed file's front matter (as YAML values), its body, and the file's line the body starts on.

    ``lines`` maps each field to its line (:func:`edition.content.frontmatter.field_lines`).
    """

    meta: dict[str, Any]
    body: str
    body_line: int
    lines: dict[str, int] = field(default_factory=dict)

    def problem(self, rel: str, message: str) -> Problem:
        """A schema's ``message`` about this file as a problem on the line of the field it names."""
        return Problem(rel, message, line=self.field_line(message))

    def field_line(self, message: str) -> int:
        """The line of the field a schema's message names, else of the nearest field around it that is written.

        A field that is missing altogether is the front matter's fault: its
        first line, the opening ``---``.
        """
        found = _FIELD.match(message)
        name = found.group("field") if found else ""
        if found and found.group("item"):
            name += f"[{found.group('item')}]"
        while name:
            if name in self.lines:
                return self.lines[name]
            name = _PARENT.sub("", name) if _PARENT.search(name) else ""
        return 1


@dataclass(frozen=True)
class Folder:
    """One contributed folder under the docs folder.

    ``depth`` counts the parts of a published file's path relative to the
    docs folder (``commentary/<essay-slug>/<name>.md`` has 3), ``layout``
    spells that path out for messages.
    """

    name: str
    noun: str
    nouns: str
    depth: int
    layout: str
    shorten: str
    fallback: str
    fix_front_matter: str
    max_bytes: int = MAX_BYTES

    def read_text(self, path: Path, rel: str) -> tuple[str | None, list[Problem]]:
        """The text of one file of this folder, or None with the reason it was not read (``rel`` names it)."""
        try:
            data = read_bounded(path, self.max_bytes)
        except TooLarge as exc:
            limit = f"a {self.noun} may be at most {self.max_bytes // 1024} KB"
            return None, [Problem(rel, f"{exc.reason}; {limit}.", self.shorten)]
        except Unreadable as exc:
            return None, [Problem(rel, f"{exc.reason}.", "Replace it with a Markdown file, or delete it.")]
        try:
            return data.decode("utf-8"), []
        except UnicodeDecodeError:
            return None, [Problem(rel, "is not UTF-8 text.", "Save it as UTF-8.")]

    def read_front_matter(self, path: Path, rel: str) -> tuple[Parsed | None, list[Problem]]:
        """One file of this folder read and split, or None with the reason (``rel`` names the file)."""
        text, unread = self.read_text(path, rel)
        if text is None:
            return None, unread
        try:
            meta, body, lines = frontmatter.read(text)
        except frontmatter.FrontMatterError as exc:
            return None, [Problem(rel, f"{exc}.", self.fix_front_matter, exc.line)]
        return Parsed(meta, body, frontmatter.body_line(text, body), lines), []


COMMENTARY = Folder(
    name=addresses.COMMENTARY,
    noun="note",
    nouns="notes",
    depth=3,
    layout=addresses.note_page("<essay-slug>", "<name>"),
    shorten="Shorten it or split it into several notes.",
    fallback="note",
    fix_front_matter="Fix the lines between the two '---'; see CONTRIBUTING.md for an example.",
)
GLOSSARY = Folder(
    name=addresses.GLOSSARY,
    noun="glossary entry",
    nouns="glossary entries",
    depth=2,
    layout=addresses.glossary_entry("<name>"),
    shorten="Shorten it; the sources can say more.",
    fallback="entry",
    fix_front_matter="Fix the lines between the two '---'.",
)
FOLDERS = {folder.name: folder for folder in (COMMENTARY, GLOSSARY)}
