"""Agreement with the text-quote anchorers of Hypothesis (``match-quote``) and ``dom-anchor-text-quote``.

The cases are theirs, or in their spirit, run through this anchorer and, when
a quote is placed, through the highlighter over the paragraph's HTML. Where
the outcome differs from the peer's by design, the row says why:

- a quote is placed only where its words stand exactly (after folding) and
  once; an approximate or repeated match is an orphan with a suggestion,
  never a guess (the peers place the best approximate match, and break ties
  between repeats with a position hint);
- the approximate suggestion is scored by ``SequenceMatcher.ratio`` over
  whole-word windows (the peers score edit distance over characters), so it
  ends at word boundaries and keeps punctuation attached to the words;
- prefix and suffix context are not used: the paragraph id is the hint.
"""

from __future__ import annotations

import html
import re

import pytest

from edition.content.folding import fold_text
from edition.content.model import Comment, Essay, Paragraph, Section
from edition.features.commentary import render
from edition.features.commentary.anchor import ANCHORED, EssayIndex, anchor

# Hypothesis's match-quote fixtures.
SOLITUDE = (
    "Many years later, as he faced the firing squad, Colonel Aureliano Buend\u00eda was to remember that "
    "distant afternoon when his father took him to discover ice."
)
CITIES = (
    "It was the best of times, it was the worst of times, it was the age of wisdom, it was the age of "
    "foolishness, it was the epoch of belief, it was the epoch of incredulity, it was the season of Light, it "
    "was the season of Darkness, it was the spring of hope, it was the winter of despair, we had everything "
    "before us, we had nothing before us, we were all going direct to Heaven, we were all going direct the "
    "other way."
)
# The lorem ipsum of dom-anchor-text-quote's fixture.
LOREM = (
    "Pellentesque habitant morbi tristique senectus et netus et malesuada fames ac turpis egestas. Aenean "
    "ultricies mi vitae est. Mauris placerat eleifend leo. Quisque sit amet est et sapien ullamcorper pharetra. "
    "Vestibulum erat wisi, condimentum sed, commodo vitae, ornare sit amet, wisi. Aenean fermentum, elit eget "
    "tincidunt condimentum, eros ipsum rutrum orci, sagittis tempus lacus enim ac dui."
)

PLACED, CLOSEST, NONE, REPEATED, INVISIBLE = "placed", "closest", "no similar passage", "repeated", "nothing visible"

CASES = [
    # (case, paragraph text, quote, outcome, passage placed or suggested)
    ("match-quote: exact match", SOLITUDE, "discover ice", PLACED, "discover ice"),
    ("match-quote: best approximate match", SOLITUDE, "some years later", CLOSEST, "Many years later,"),
    ("match-quote: no acceptable approximate match", CITIES, SOLITUDE, NONE, None),
    ("match-quote: empty quote", SOLITUDE, "", INVISIBLE, None),
    ("match-quote: empty text", "", "foobar", NONE, None),
    # The peer breaks the tie with a position hint; here a repeated quote asks for more words.
    ("match-quote: quote twice in the text", CITIES, "before us", REPEATED, None),
    ("match-quote: approximate, twice: the first", CITIES, "befor us", CLOSEST, "before us,"),
    ("match-quote: match at the end of the text", "Some document text", "text", PLACED, "text"),
    ("text-quote: exact quote", LOREM, "commodo vitae", PLACED, "commodo vitae"),
    (
        "text-quote: exact quote longer than 32 characters",
        LOREM,
        "Quisque sit amet est et sapien ullamcorper pharetra",
        PLACED,
        "Quisque sit amet est et sapien ullamcorper pharetra",
    ),
    # The peer places a close quote; here it is suggested, not placed.
    ("text-quote: close quote", LOREM, "commodo cites", CLOSEST, "commodo vitae,"),
    ("text-quote: quote not found", LOREM, "bogus", NONE, None),
    (
        "text-quote: long quote not found",
        LOREM,
        "Quisque sit amet est et sapien ullam triceracorn",
        CLOSEST,
        "leo. Quisque sit amet est et sapien ullamcorper",
    ),
    ("white space differs", SOLITUDE, "Many  years\n later", PLACED, "Many years later"),
    ("no-break space in the text", "a distant\u00a0afternoon", "distant afternoon", PLACED, "distant afternoon"),
    ("case differs", SOLITUDE, "many years later", CLOSEST, "Many years later,"),
    (
        "straight quotes for curly",
        "the \u201cwolf warrior\u201d style",
        '"wolf warrior" style',
        PLACED,
        '"wolf warrior" style',
    ),
    ("curly apostrophe for straight", "China's power", "China\u2019s power", PLACED, "China's power"),
    ("hyphen for a dash", "aside \u2014 a change", "aside - a change", PLACED, "aside - a change"),
    ("decomposed quote, precomposed text", SOLITUDE, "Aureliano Buendi\u0301a", PLACED, "Aureliano Buend\u00eda"),
    ("precomposed quote, decomposed text", "Colonel Buendi\u0301a was", "Buend\u00eda was", PLACED, "Buend\u00eda was"),
    ("soft hyphens in the text", "the fir\u00ading squad", "firing squad", PLACED, "firing squad"),
    ("soft hyphen in the quote", SOLITUDE, "fir\u00ading squad", PLACED, "firing squad"),
    ("zero-width space and word joiner in the quote", SOLITUDE, "firing\u200b \u2060squad", PLACED, "firing squad"),
    (
        "CJK",
        "\u5218\u6148\u6b23\u7684\u300a\u6d41\u6d6a\u5730\u7403\u300b",
        "\u300a\u6d41\u6d6a\u5730\u7403\u300b",
        PLACED,
        "\u300a\u6d41\u6d6a\u5730\u7403\u300b",
    ),
    (
        "fullwidth parentheses in the text",
        "The Wandering Earth\uff08\u6d41\u6d6a\u5730\u7403\uff09 opened",
        "Earth(\u6d41\u6d6a\u5730\u7403)",
        PLACED,
        "Earth(\u6d41\u6d6a\u5730\u7403)",
    ),
    ("an accent is not ignored", SOLITUDE, "Aureliano Buendia", CLOSEST, "Aureliano Buend\u00eda"),
]


def note(quote: str) -> Comment:
    return Comment("e", "n", "docs/commentary/e/n.md", "T", "A", "2024-01-01", "context", "p-1", quote)


def marked(page: str) -> str:
    """The text inside the ``<mark>`` elements of ``page``, entities decoded."""
    return html.unescape("".join(re.findall(r"<mark[^>]*>(.*?)</mark>", page, re.S)))


@pytest.mark.parametrize("text, quote, outcome, passage", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_peer_case(text, quote, outcome, passage):
    book = Essay("e", "E", "A", "2024-01-01", sections=[Section("", "index", [Paragraph("p-1", text, "x")])])
    result = anchor(note(quote), EssayIndex(book))
    hint = result.problem.hint if result.problem else ""
    message = result.problem.message if result.problem else ""
    if outcome == PLACED:
        assert result.status == ANCHORED
        folded = fold_text(text)
        assert folded[result.start : result.end] == fold_text(passage)
        page, found = render.highlight(html.escape(text, quote=False), quote, "n", "L")
        assert found and fold_text(marked(page)) == fold_text(quote)
    elif outcome == CLOSEST:
        assert f"The closest passage is '{passage}' in 'p-1'" in hint
    elif outcome == NONE:
        assert hint.startswith("No similar passage was found")
    elif outcome == REPEATED:
        assert "occurs 2 times in paragraph 'p-1'" in message
    else:
        assert "has no characters a reader sees" in message
