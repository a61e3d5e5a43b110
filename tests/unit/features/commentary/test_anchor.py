"""Anchoring: exact, normalized, moved, ambiguous, approximate and orphaned notes."""

from __future__ import annotations

import pytest

from edition.content.model import Comment, Essay, Paragraph, Section
from edition.features.commentary.anchor import ANCHORED, MOVED, ORPHANED, EssayIndex, anchor
from edition.features.commentary.revised import anchor_all

P1 = (
    "The wolf warrior style was *not well received*. Soft power is built through "
    "[creative concepts](../../glossary/x.md), symbols, and narratives, and the films are part of the effort."
)
P2 = "Recently, the \u201cwolf warrior\u201d diplomat was shifted aside \u2014 a change of tack."
P3 = "Cafe\u0301 culture in Bei\u00adjing grew around the new\u00adcomers."  # decomposed accent, soft hyphens
P4 = "The caf\u00e9 owners of Beijing met them."  # precomposed accent


def essay() -> Essay:
    texts = [P1, P2, P3, P4]
    return Essay(
        "e",
        "An essay",
        "A",
        "2024-01-01",
        sections=[
            Section("", "index", [Paragraph(f"opening-{n}", t, "essays/e/index.md") for n, t in enumerate(texts, 1)])
        ],
    )


def note(paragraph: str, quote: str, essay_slug: str = "e") -> Comment:
    return Comment(
        essay_slug, "n", f"docs/commentary/{essay_slug}/n.md", "T", "A", "2024-01-01", "context", paragraph, quote
    )


CASES = [
    # (case, paragraph, quote, status, placed in, message or None)
    ("exact", "opening-1", "Soft power is built", ANCHORED, "opening-1", None),
    ("across markup", "opening-1", "not well received. Soft power", ANCHORED, "opening-1", None),
    ("link text", "opening-1", "through creative concepts, symbols", ANCHORED, "opening-1", None),
    (
        "straight quotes and hyphen",
        "opening-2",
        '"wolf warrior" diplomat was shifted aside - a',
        ANCHORED,
        "opening-2",
        None,
    ),
    ("white space", "opening-2", "was   shifted\n aside", ANCHORED, "opening-2", None),
    (
        "moved",
        "opening-1",
        "was shifted aside",
        MOVED,
        "opening-2",
        "docs/commentary/e/n.md: target quote 'was shifted aside' is not in paragraph 'opening-1'; it appears in "
        "'opening-2'. "
        "Run: python scripts/reanchor.py --write",
    ),
    (
        "paragraph gone, quote unique",
        "opening-9",
        "change of tack",
        MOVED,
        "opening-2",
        "docs/commentary/e/n.md: target.paragraph names paragraph 'opening-9', which does not exist in essay 'e'; it "
        "appears in "
        "'opening-2'. Run: python scripts/reanchor.py --write",
    ),
    (
        "ambiguous in paragraph",
        "opening-1",
        "the",
        ORPHANED,
        None,
        "docs/commentary/e/n.md: target quote 'the' occurs 2 times in paragraph 'opening-1'. "
        "Quote more words (target.quote) so that it occurs only once.",
    ),
    (
        "ambiguous in essay",
        "opening-9",
        "wolf warrior",
        ORPHANED,
        None,
        "docs/commentary/e/n.md: target.paragraph names paragraph 'opening-9', which does not exist in essay 'e'; "
        "the quote "
        "'wolf warrior' occurs 2 times in the essay ('opening-1', 'opening-2'). "
        "Set target.paragraph to the right one and quote more words so that it occurs once there.",
    ),
    (
        "approximate",
        "opening-2",
        "was shiftd asid",
        ORPHANED,
        None,
        "docs/commentary/e/n.md: target quote 'was shiftd asid' is not in paragraph 'opening-2' nor anywhere else in "
        "essay 'e'. "
        "The closest passage is 'was shifted aside' in 'opening-2' (94% similar): copy the words exactly from the "
        "page into target.quote.",
    ),
    (
        "approximate elsewhere",
        "opening-2",
        "creative concept, symbol",
        ORPHANED,
        None,
        "docs/commentary/e/n.md: target quote 'creative concept, symbol' is not in paragraph 'opening-2' nor "
        "anywhere else in essay 'e'. "
        "The closest passage is 'creative concepts, symbols,' in 'opening-1' (94% similar): copy the words exactly "
        "from the page into target.quote.",
    ),
    (
        "not at all",
        "opening-2",
        "entirely unrelated words",
        ORPHANED,
        None,
        "docs/commentary/e/n.md: target quote 'entirely unrelated words' is not in paragraph 'opening-2' nor "
        "anywhere else in essay 'e'. "
        "No similar passage was found: copy the words exactly from the page into target.quote.",
    ),
    ("case matters", "opening-2", "WAS SHIFTED ASIDE", ORPHANED, None, None),
    ("precomposed quote, decomposed text", "opening-3", "Caf\u00e9 culture", ANCHORED, "opening-3", None),
    ("decomposed quote, precomposed text", "opening-4", "cafe\u0301 owners", ANCHORED, "opening-4", None),
    ("soft hyphens in the text", "opening-3", "Beijing grew around the newcomers", ANCHORED, "opening-3", None),
    (
        "soft hyphen and joiners in the quote",
        "opening-4",
        "owners\u200d of Bei\u00adjing\u2060 met",
        ANCHORED,
        "opening-4",
        None,
    ),
    (
        "accent still matters",
        "opening-4",
        "cafe owners",
        ORPHANED,
        None,
        "docs/commentary/e/n.md: target quote 'cafe owners' is not in paragraph 'opening-4' nor anywhere else in essay "
        "'e'. The closest passage is 'caf\u00e9 owners' in 'opening-4' (91% similar): copy the words exactly from the "
        "page into target.quote.",
    ),
    (
        "nothing a reader sees",
        "opening-1",
        "\u00ad\u200b \ufeff",
        ORPHANED,
        None,
        "docs/commentary/e/n.md: target quote '\\xad\\u200b \\ufeff' has no characters a reader sees (only spaces or "
        "invisible formatting characters). Copy the exact words from the page into target.quote.",
    ),
    (
        "message on one line",
        "opening-2",
        "was\nshiftd\n  asid",
        ORPHANED,
        None,
        "docs/commentary/e/n.md: target quote 'was shiftd asid' is not in paragraph 'opening-2' nor anywhere else in "
        "essay 'e'. The closest passage is 'was shifted aside' in 'opening-2' (94% similar): copy the words exactly "
        "from "
        "the page into target.quote.",
    ),
]


@pytest.mark.parametrize("paragraph, quote, status, placed, message", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_anchor(paragraph, quote, status, placed, message):
    result = anchor(note(paragraph, quote), EssayIndex(essay()))
    assert result.status == status
    assert (result.paragraph.id if result.paragraph else None) == placed
    if message is not None:
        assert str(result.problem) == message
    assert (result.problem is None) == (status == ANCHORED)


def test_anchored_note_keeps_context_for_the_selector():
    result = anchor(note("opening-2", "was shifted aside"), EssayIndex(essay()))
    assert (result.prefix, result.suffix) == (
        'ly, the "wolf warrior" diplomat ',
        " - a change of tack.",
    )  # 32 characters before


def test_note_in_a_folder_without_essay_is_orphaned():
    (result,) = anchor_all([note("opening-1", "Soft power", "missing")], {"e": essay()})
    assert result.status == ORPHANED
    assert str(result.problem) == (
        "docs/commentary/missing/n.md: is in a folder with no essay: there is no docs/essays/missing/. "
        "Move the note into docs/commentary/<essay-slug>/ of the essay it discusses."
    )
