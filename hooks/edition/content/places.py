"""Where a paragraph is, as a reader names it: "China's global strategy, ¶ 2".

A paragraph's id is for addresses and notes (``chinas-global-strategy-2``);
readers are never shown one. They are shown the title of the section the
paragraph is in and its number there, counted from 1 as a reader counts
down the page, so the name stays right whatever ids the importer gave (an
id is kept when paragraphs are inserted before it, its number is not).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from edition.addresses import INDEX
from edition.content.essay_pages import BIO_HEADING
from edition.content.model import Essay

OPENING = "Opening"  # the paragraphs before an essay's first heading
PUBLICATION_NOTE = "Publication note"


@dataclass(frozen=True)
class Place:
    """A paragraph's section and its number in that section (0 for the publication note and the biography)."""

    section: str
    number: int = 0

    def __str__(self) -> str:
        return f"{self.section}, \u00b6 {self.number}" if self.number else self.section


def places(essays: Iterable[Essay]) -> dict[str, Place]:
    """Every paragraph's place by its id, in one pass; an id used twice (a build error) keeps its first."""
    found: dict[str, Place] = {}
    for essay in essays:
        if essay.note:
            found.setdefault(essay.note.id, Place(PUBLICATION_NOTE))
        for section in essay.sections:
            title = OPENING if section.slug == INDEX else section.title
            for number, paragraph in enumerate(section.paragraphs, 1):
                found.setdefault(paragraph.id, Place(title, number))
        if essay.bio:
            found.setdefault(essay.bio.id, Place(BIO_HEADING))
    return found
