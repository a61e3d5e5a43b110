"""The closest passage: the best window by the real ratio, found without scoring every window."""

from __future__ import annotations

import difflib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edition.content.model import Essay, Paragraph, Section
from edition.features.commentary import closest
from edition.features.commentary.anchor import EssayIndex
from edition.features.commentary.closest import MIN_SIMILARITY, best_window, stretches, widths

# Hypothesis's match-quote fixture (its "solitude" text).
SOLITUDE = (
    "Many years later, as he faced the firing squad, Colonel Aureliano Buend\u00eda was to remember that "
    "distant afternoon when his father took him to discover ice."
)

CLOSEST = [
    # (case, paragraph, quote, passage offered, similarity printed)
    # The case: 'years later, as' (62%) was offered, though 'Many years later,' scores higher.
    ("a word wrong at the start", SOLITUDE, "some yearsh hater", "Many years later,", "65%"),
    ("Hypothesis: some years later", SOLITUDE, "some years later", "Many years later,", "73%"),
    ("two words typed as one", SOLITUDE, "Many yearslater", "Many years later,", "94%"),
    ("a letter missing", SOLITUDE, "Many yers later", "Many years later,", "94%"),
    (
        "a word missing",
        SOLITUDE,
        "the firing squad Colonel Buend\u00eda",
        "the firing squad, Colonel Aureliano Buend\u00eda",
        "85%",
    ),
    ("one word", SOLITUDE, "afternon", "afternoon", "94%"),
    ("more words than the paragraph", "Short one.", "Short one, too", "Short one.", "75%"),
    ("nothing alike", SOLITUDE, "zzz qqq xxx", None, None),
]


def essay(*texts: str) -> Essay:
    paragraphs = [Paragraph(f"p-{n}", text, "essays/e/index.md") for n, text in enumerate(texts, 1)]
    return Essay("e", "E", "A", "2024-01-01", sections=[Section("", "index", paragraphs)])


@pytest.mark.parametrize("text, quote, passage, similar", [c[1:] for c in CLOSEST], ids=[c[0] for c in CLOSEST])
def test_closest(text, quote, passage, similar):
    book = essay(text)
    found = EssayIndex(book).closest(quote, book.paragraphs()[0])
    assert (found and (found[1], f"{found[2]:.0%}")) == ((passage, similar) if passage else None)


def brute_force(quote: str, texts: list[str]) -> tuple[float, int, str] | None:
    """Every window of every width, scored: (ratio, text index, passage) of the first best one."""
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(quote)
    best = None
    for index, text in enumerate(texts):
        words = text.split(" ")
        spans = [
            (start, start + width)
            for start in range(len(words))
            for width in widths(quote)
            if start + width <= len(words)
        ] or [(0, len(words))]
        for start, end in spans:
            matcher.set_seq1(" ".join(words[start:end]))
            ratio = matcher.ratio()
            if ratio > (best[0] if best else MIN_SIMILARITY):
                best = (ratio, index, " ".join(words[start:end]))
    return best


# Few letters and short words, so that many windows look alike: the bounds are put to work and ties are common.
WORD = st.text(alphabet="aebrst,", min_size=1, max_size=4)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.lists(WORD, min_size=1, max_size=25), min_size=1, max_size=5),
    st.lists(WORD, min_size=1, max_size=6),
    st.integers(1, 30),
)
def test_best_window_is_the_best_of_all_windows_by_real_ratio(paragraphs, quote_words, size):
    texts = [" ".join(words) for words in paragraphs]
    quote = " ".join(quote_words)
    found = best_window(quote, [stretch for text in texts for stretch in stretches(text, size)])
    expected = brute_force(quote, texts)
    if expected is None:
        assert found is None
    else:
        assert found is not None
        index, passage, ratio = found
        assert (ratio, passage) == (expected[0], expected[2])  # the same window: ties go to the earliest
        assert passage in texts[[i for i, t in enumerate(texts) for _ in stretches(t, size)][index]]


def test_a_window_may_cross_from_one_stretch_into_the_next():
    words = [f"w{n}" for n in range(500)]
    book = essay(" ".join(words))
    found = EssayIndex(book).closest("w198 w199 w200 w201 w20", book.paragraphs()[0])
    assert found and found[1] == "w198 w199 w200 w201 w202"


def test_the_real_ratios_computed_are_capped(monkeypatch):
    """A text built so that the bounds never rule a window out still costs at most EXACT_LIMIT ratios."""
    calls = []
    real = difflib.SequenceMatcher.ratio
    monkeypatch.setattr(difflib.SequenceMatcher, "ratio", lambda self: calls.append(1) or real(self))
    monkeypatch.setattr(closest, "EXACT_LIMIT", 7)
    # 'bbba' has a common subsequence of 4 with 'bababa' (a bound of 80%) but matching blocks of 2 (40%)
    assert best_window("bababa", stretches(" ".join(["bbba"] * 200), 1000)) is None
    assert len(calls) == 7
