"""The model's views of an essay."""

from __future__ import annotations

import pytest

from edition.content.model import Essay, Paragraph, Section


def _essay() -> Essay:
    return Essay(
        "e",
        "E",
        "A",
        "2024-01-01",
        sections=[
            Section("", "index", [Paragraph("opening-1", "O.", "essays/e/index.md")]),
            Section("Part", "part", [Paragraph("part-1", "P.", "essays/e/part.md")]),
        ],
        note=Paragraph("note-1", "Note.", "essays/e/index.md", "note"),
        bio=Paragraph("bio-1", "Bio.", "essays/e/part.md", "bio"),
    )


@pytest.mark.parametrize(
    ("page", "ids"),
    [
        ("essays/e/index.md", ["note-1", "opening-1"]),
        ("essays/e/part.md", ["part-1", "bio-1"]),
        ("essays/e/print.md", []),
    ],
    ids=["opening with its note", "last section with the bio", "a page with none"],
)
def test_a_page_shows_its_paragraphs_in_reading_order(page, ids):
    assert [p.id for p in _essay().on_page(page)] == ids
