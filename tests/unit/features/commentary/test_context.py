"""A repeated quote told apart by target.prefix and target.suffix (W3C TextQuoteSelector); the context tools write."""

from __future__ import annotations

import pytest

from edition.content.folding import fold_text
from edition.content.model import Comment, Essay, Paragraph, Section
from edition.features.commentary.anchor import ANCHORED, MOVED, ORPHANED, EssayIndex, anchor, context, starts

P1 = "When the Earth stops, the Earth moves; the Earth, they say, is home. The \u201cEarth\u201d is ours."
P2 = "Nothing repeats in this paragraph."
TEXT = fold_text(P1)


def essay() -> Essay:
    paragraphs = [Paragraph("opening-1", P1, "essays/e/index.md"), Paragraph("opening-2", P2, "essays/e/index.md")]
    return Essay("e", "An essay", "A", "2024-01-01", sections=[Section("", "index", paragraphs)])


def note(paragraph: str, quote: str, prefix: str = "", suffix: str = "") -> Comment:
    lines = {"target": 6, "target.paragraph": 7, "target.quote": 8}
    return Comment(
        "e", "n", "docs/commentary/e/n.md", "T", "A", "2024-01-01", "context", paragraph, quote,
        prefix=prefix, suffix=suffix, lines=lines,
    )  # fmt: skip


def nth(quote: str, number: int) -> int:
    """Where occurrence ``number`` (from 1) of ``quote`` starts in the folded paragraph."""
    return starts(TEXT, fold_text(quote))[number - 1]


AMBIGUOUS = "docs/commentary/e/n.md: target quote 'the Earth' occurs 3 times in paragraph 'opening-1'"
CASES = [
    # (case, paragraph, quote, prefix, suffix, status, occurrence placed (from 1), message or None)
    ("no context: ambiguous as before", "opening-1", "the Earth", "", "", ORPHANED, None,
     f"{AMBIGUOUS}. Quote more words (target.quote) so that it occurs only once."),
    ("prefix picks the second", "opening-1", "the Earth", "stops,", "", ANCHORED, 2, None),
    ("suffix picks the second", "opening-1", "the Earth", "", "moves;", ANCHORED, 2, None),
    ("prefix picks the first", "opening-1", "the Earth", "When", "", ANCHORED, 1, None),
    ("suffix with punctuation picks the third", "opening-1", "the Earth", "", ", they", ANCHORED, 3, None),
    ("both together", "opening-1", "the Earth", "moves;", ", they say", ANCHORED, 3, None),
    ("context folded like the quote", "opening-1", "Earth", "The \u201c", "\u201d is", ANCHORED, 4, None),
    ("space at the join ignored", "opening-1", "the Earth", "stops, ", " moves", ANCHORED, 2, None),
    ("prefix ends inside a word", "opening-1", "he Earth", "stops, t", "", ANCHORED, 2, None),
    ("fits none", "opening-1", "the Earth", "nowhere", "", ORPHANED, None,
     f"{AMBIGUOUS}, and target.prefix and target.suffix fit none of them. Copy them from the words just before "
     "and after the quote on the page, or quote more words (target.quote) so that it occurs only once."),
    ("fits several", "opening-1", "Earth", "the", "", ORPHANED, None,
     "docs/commentary/e/n.md: target quote 'Earth' occurs 4 times in paragraph 'opening-1', and target.prefix and "
     "target.suffix fit 3 of them. Copy them from the words just before and after the quote on the page, or quote "
     "more words (target.quote) so that it occurs only once."),
    ("a unique quote needs no context", "opening-1", "is home", "nowhere", "else", ANCHORED, 1, None),
    ("moved: the context chooses in the essay", "opening-2", "the Earth", "stops,", "", MOVED, 2,
     "docs/commentary/e/n.md: target quote 'the Earth' is not in paragraph 'opening-2'; it appears in 'opening-1'. "
     "Run: python scripts/reanchor.py --write"),
]  # fmt: skip


@pytest.mark.parametrize(
    "paragraph, quote, prefix, suffix, status, occurrence, message", [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_prefix_and_suffix_choose_between_occurrences(paragraph, quote, prefix, suffix, status, occurrence, message):
    placed = anchor(note(paragraph, quote, prefix, suffix), EssayIndex(essay()))
    assert placed.status == status
    assert (str(placed.problem) if placed.problem else None) == message
    if occurrence is None:
        assert placed.paragraph is None
    else:
        assert placed.paragraph_id == "opening-1"
        assert placed.start == nth(quote, occurrence)
        assert placed.occurrence == occurrence - 1


CONTEXTS = [
    # (case, quote, occurrence (from 1), expected prefix and suffix)
    ("unique: none needed", "is home", 1, ("", "")),
    ("first: one word each side", "the Earth", 1, ("When", "stops,")),
    ("second", "the Earth", 2, ("stops,", "moves;")),
    ("third: punctuation is a word", "the Earth", 3, ("moves;", ",")),
    ("at the paragraph's start", "When the", 1, ("", "")),
    ("one word is enough", "the", 1, ("When", "Earth")),
    ("last: nothing after it", "ours.", 1, ("", "")),
]


@pytest.mark.parametrize("quote, number, expected", [c[1:] for c in CONTEXTS], ids=[c[0] for c in CONTEXTS])
def test_context_is_the_fewest_words_that_choose_the_occurrence(quote, number, expected):
    start = nth(quote, number)
    assert context(TEXT, start, start + len(fold_text(quote))) == expected


def test_context_grows_on_both_sides_until_it_tells_them_apart():
    text = "I say it is so. You say it is not."
    first, second = text.index("it"), text.rindex("it")
    assert context(text, first, first + 2) == ("I say", "is so.")
    assert context(text, second, second + 2) == ("You say", "is not.")


@pytest.mark.parametrize("quote, number", [(q, n) for q in ("the Earth", "Earth", "e") for n in (1, 2, 3)])
def test_the_context_written_by_a_tool_anchors_at_that_occurrence(quote, number):
    start = nth(quote, number)
    prefix, suffix = context(TEXT, start, start + len(fold_text(quote)))
    placed = anchor(note("opening-1", quote, prefix, suffix), EssayIndex(essay()))
    assert (placed.status, placed.start) == (ANCHORED, start)


LINES = [
    # (case, paragraph, quote, line of the problem)
    ("ambiguous quote: the quote's line", "opening-1", "the Earth", 8),
    ("not in the essay: the quote's line", "opening-1", "nowhere at all", 8),
    ("moved: the quote's line", "opening-2", "is home", 8),
    ("no such paragraph: the paragraph's line", "opening-9", "is home", 7),
    ("invisible quote: the quote's line", "opening-1", "\u00ad", 8),
]


@pytest.mark.parametrize("paragraph, quote, line", [c[1:] for c in LINES], ids=[c[0] for c in LINES])
def test_an_anchoring_problem_is_on_the_line_of_the_field_at_fault(paragraph, quote, line):
    placed = anchor(note(paragraph, quote), EssayIndex(essay()))
    assert placed.problem is not None and placed.problem.line == line
