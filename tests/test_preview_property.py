"""Property: after any sequence of edits on a small library, the preview's site is what a clean full build makes.

Hypothesis writes sequences of edits of the kinds ``make serve`` meets,
over a library of two imported essays: notes written (anchored on a
paragraph, or on a quote that is not there), edited and deleted; glossary
entries written under names the essays hold (so that mentions appear, move
and vanish, and two entries may claim one name), renamed and deleted;
essays imported again with paragraphs swapped or reworded; the hand-written
home page linking to notes and entries that may not exist. Files are drawn
from small pools, so a later edit often changes or removes what an earlier
one made. After every edit the preview follows it by building pages (never
the whole site: none of these edits needs it), and the site must equal a
clean full build byte for byte (the search index may differ only in the
order of its entries), with the same problems reported
(:class:`preview_support.Session`).

A full build takes a second or two, so ``make test`` tries a handful of
sequences; ``PREVIEW_PROPERTY=long`` tries many more.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from edition.features.importer.run import import_essay
from library import essay_text, library
from preview_support import Session
from support import property_settings

ESSAYS = 2
SECTIONS = 3
PROFILE = property_settings(5, 60, "PREVIEW_PROPERTY")

NAMES = ["plain thing", "Paragraph 2", "Orbital tether", "essay 2"]  # each in the text, or made so by a re-import
REWORDS = [
    ("says one plain thing", "says one Orbital tether"),
    ("Paragraph 1 of part 1", "Paragraph 1 of part one"),
    ("ends.", "ends, with a [link](#)."),
]
ID_LINE = re.compile(r"^(.+)\n\{: #([a-z0-9-]+) \}$", re.MULTILINE)
NOTE = """---
title: Note {slot}
author: Test Writer
date: 2024-05-0{day}
kind: context
target:
  paragraph: {paragraph}
  quote: "{quote}"
---

{body}
"""
ENTRY = """---
title: {title}
summary: {summary}
{aliases}---

An entry of the test library.
"""
BODIES = [
    "A note.",
    "See [the entry](../../glossary/entry-0.md) and [another note](note-1.md).",
    "See [the second essay](../../essays/essay-2/index.md#opening-1).",
]
HOMES = [
    "# Home\n\nThe library's home page.\n",
    "# Home\n\nSee [a note](commentary/essay-1/note-0.md) and [an entry](glossary/entry-1.md).\n",
]


@dataclass(frozen=True)
class Edit:
    """One edit: ``kind`` and the small numbers that choose its file and its content."""

    kind: str
    a: int
    b: int
    c: int

    def apply(self, project: Path) -> None:
        getattr(self, f"_{self.kind}")(project)

    def _note(self, project: Path) -> None:
        essay = project / "docs" / "essays" / f"essay-{self.a % ESSAYS + 1}"
        paragraphs = [match for page in sorted(essay.glob("*.md")) for match in ID_LINE.findall(page.read_text())]
        text, paragraph = paragraphs[self.b % len(paragraphs)]
        quote = " ".join(text.split()[:4]) if self.c % 4 else "words that are not there"
        folder = project / "docs" / "commentary" / essay.name
        folder.mkdir(parents=True, exist_ok=True)
        body = BODIES[self.c % len(BODIES)]
        note = NOTE.format(slot=self.c % 2, day=self.b % 9 + 1, paragraph=paragraph, quote=quote, body=body)
        (folder / f"note-{self.c % 2}.md").write_text(note, encoding="utf-8")

    def _drop_note(self, project: Path) -> None:
        (project / "docs" / "commentary" / f"essay-{self.a % ESSAYS + 1}" / f"note-{self.c % 2}.md").unlink(True)

    def _entry(self, project: Path) -> None:
        title = NAMES[self.b % len(NAMES)]
        alias = NAMES[self.c % len(NAMES)]
        aliases = f"aliases:\n- {alias}\n" if alias != title and self.c % 3 else ""
        summary = f"A name the test library uses, version {self.c}."
        entry = ENTRY.format(title=title, summary=summary, aliases=aliases)
        (project / "docs" / "glossary").mkdir(exist_ok=True)
        (project / "docs" / "glossary" / f"entry-{self.a % 2}.md").write_text(entry, encoding="utf-8")

    def _drop_entry(self, project: Path) -> None:
        (project / "docs" / "glossary" / f"entry-{self.a % 2}.md").unlink(missing_ok=True)

    def _reimport(self, project: Path) -> None:
        number = self.a % ESSAYS + 1
        text = essay_text(number, SECTIONS)
        if self.b % 2:  # the two paragraphs of a section swapped: their ids, and the notes on them, follow the text
            section = self.c % (SECTIONS - 1) + 1
            first, second = (f"Paragraph {p} of part {section} in essay {number}" for p in (1, 2))
            text = text.replace(first, "\0").replace(second, first).replace("\0", second)
        old, new = REWORDS[self.c % len(REWORDS)]
        source = project / "sources" / f"essay-{number}.txt"
        source.write_text(text.replace(old, new), encoding="utf-8")
        import_essay(source, project, message="An edit")  # a re-import that changes the text records a revision

    def _home(self, project: Path) -> None:
        (project / "docs" / "index.md").write_text(HOMES[self.b % len(HOMES)], encoding="utf-8")


EDITS = st.builds(
    Edit,
    st.sampled_from(["note", "note", "drop_note", "entry", "entry", "drop_entry", "reimport", "home"]),
    st.integers(0, 7),
    st.integers(0, 7),
    st.integers(0, 7),
)


@PROFILE
@given(st.lists(EDITS, min_size=1, max_size=4))
def test_any_edits_leave_the_site_a_full_build_would_make(edits: list[Edit]) -> None:
    with tempfile.TemporaryDirectory(prefix="preview-property-") as folder:
        project = library(Path(folder), ESSAYS, SECTIONS)
        session = Session(project)
        for number, edit in enumerate(edits, 1):
            edit.apply(project)
            outcome = session.update()
            assert outcome.kind in ("pages", "nothing"), f"edit {number} ({edit}): {outcome}"
            session.check(f"edit {number} of {edits}")
