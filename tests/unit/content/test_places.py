"""How readers are told where a paragraph is: its section's title and its number there, never its id."""

from __future__ import annotations

import pytest

from edition.content.model import Essay, Paragraph, Section
from edition.content.places import Place, places

ESSAY = Essay(
    "e",
    "The essay",
    "A",
    "2024-01-01",
    sections=[
        Section("The essay", "index", [Paragraph("opening-1", "a"), Paragraph("opening-2", "b")]),
        Section("China's global strategy", "chinas-global-strategy", [Paragraph("x-9", "c"), Paragraph("x-2", "d")]),
    ],
    note=Paragraph("note-1", "Note: first published elsewhere.", kind="note"),
    bio=Paragraph("bio-1", "The author writes.", kind="bio"),
)


@pytest.mark.parametrize(
    ("pid", "shown"),
    [
        ("opening-1", "Opening, \u00b6 1"),  # before the first heading: the opening, not the essay's title again
        ("opening-2", "Opening, \u00b6 2"),
        ("x-9", "China's global strategy, \u00b6 1"),  # counted down the page, whatever the id says
        ("x-2", "China's global strategy, \u00b6 2"),
        ("note-1", "Publication note"),
        ("bio-1", "About the author"),
    ],
)
def test_a_paragraph_is_named_by_its_section_and_number(pid, shown):
    assert str(places([ESSAY])[pid]) == shown


def test_an_id_used_twice_keeps_the_place_of_its_first_use():
    other = Essay("f", "F", "A", "2024-01-01", sections=[Section("Later", "later", [Paragraph("x-9", "e")])])
    assert places([ESSAY, other])["x-9"] == Place("China's global strategy", 1)
