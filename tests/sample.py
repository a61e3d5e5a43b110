"""A tiny model of an edition, built in memory, for unit tests of the page builders."""

from __future__ import annotations

from edition.content.model import Comment, Essay, Paragraph, Section, Term
from edition.content.site import Site


def sample_site() -> Site:
    """Two essays (one with a tricky title), one term, two notes (one hostile-looking)."""
    first = Essay(
        "first",
        "First *Essay* <b>",
        "A. Author",
        "2024-03-01",
        summary="It begins [here].",
        reading_time=4,
        sections=[
            Section("", "index", [Paragraph("opening-1", "It begins here.", "essays/first/index.md")]),
            Section(
                "Middle part",
                "middle-part",
                [Paragraph("middle-part-1", "The middle, with soft power.", "essays/first/middle-part.md")],
            ),
        ],
        note=Paragraph("note-1", "Note: First printed elsewhere.", "essays/first/index.md", "note"),
        bio=Paragraph("about-the-author-1", "A. Author writes.", "essays/first/middle-part.md", "bio"),
    )
    second = Essay(
        "second",
        "Second",
        "B. Writer",
        "2025-01-02",
        summary="Later.",
        reading_time=1,
        sections=[Section("", "index", [Paragraph("second-opening-1", "Later.", "essays/second/index.md")])],
    )
    notes = [
        Comment(
            "first",
            "old",
            "docs/commentary/first/old.md",
            "Old note",
            "Ed",
            "2026-01-01",
            "context",
            "opening-1",
            "begins",
        ),
        Comment(
            "first",
            "new",
            "docs/commentary/first/new.md",
            "New [note] <i>",
            "Ed",
            "2026-02-01",
            "question",
            "middle-part-1",
            "middle",
        ),
    ]
    term = Term("soft-power", "soft power", "Influence by attraction.", "docs/glossary/soft-power.md")
    return Site(essays={"first": first, "second": second}, terms={"soft-power": term}, comments=notes)
