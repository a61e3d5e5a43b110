"""Word diffs for the revisions page: whole words, escaped, labelled, bounded on rewrites and long paragraphs."""

from __future__ import annotations

import pytest

from edition.features.reading.word_diff import (
    DELETE,
    EQUAL,
    INSERT,
    MAX_WORD_TOKENS,
    diff,
    diff_html,
    sentences,
    tokens,
)


@pytest.mark.parametrize(
    ("old", "new", "segments"),
    [
        ("", "", []),
        ("Same words.", "Same words.", [(EQUAL, "Same words.")]),
        (
            "worn smooth and slipery over",
            "worn smooth and slippery over",
            [(EQUAL, "worn smooth and "), (DELETE, "slipery"), (INSERT, "slippery"), (EQUAL, " over")],
        ),
        ("A cat sat.", "A cat sat down.", [(EQUAL, "A cat sat"), (INSERT, " down"), (EQUAL, ".")]),
        ("One two three.", "", [(DELETE, "One two three.")]),
        ("", "Four five.", [(INSERT, "Four five.")]),
        # rewritten: fewer than half the words shared, shown whole rather than as fragments
        (
            "The river ran dry in the summer of the flood.",
            "Nobody drains the marsh now, and the herons came back.",
            [
                (DELETE, "The river ran dry in the summer of the flood."),
                (INSERT, "Nobody drains the marsh now, and the herons came back."),
            ],
        ),
    ],
    ids=["empty", "equal", "a word fixed", "a word added", "all removed", "all added", "rewritten"],
)
def test_diff_shows_whole_words(old, new, segments):
    assert diff(old, new) == segments


def test_a_changed_word_is_shown_whole_not_by_letters():
    assert diff("the despidal of", "the disdain of") == [
        (EQUAL, "the "),
        (DELETE, "despidal"),
        (INSERT, "disdain"),
        (EQUAL, " of"),
    ]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("Don't stop-gap, ok?", ["Don't", " ", "stop-gap", ",", " ", "ok", "?"]),
        ("Liu\u2019s  word", ["Liu\u2019s", "  ", "word"]),
    ],
)
def test_tokens_are_words_spaces_and_marks_that_join_back(text, parts):
    assert tokens(text) == parts and "".join(tokens(text)) == text


def test_sentences_keep_every_character():
    text = 'One. "Two!" Three? four'
    assert sentences(text) == ["One. ", '"Two!" ', "Three? ", "four"]


def test_a_paragraph_longer_than_the_limit_is_compared_by_sentences():
    sentence = " ".join(["word"] * 9) + ". "
    old = sentence * (MAX_WORD_TOKENS // 19 + 1)
    new = old.replace(sentence, sentence.replace("word.", "verb."), 1)
    segments = diff(old, new)
    assert "".join(t for op, t in segments if op != INSERT) == old
    assert "".join(t for op, t in segments if op != DELETE) == new
    assert [op for op, _ in segments] == [DELETE, INSERT, EQUAL]  # the changed sentence, whole


def test_the_html_escapes_every_word_and_labels_each_change():
    html = diff_html('a <script>alert("x")</script> b', "a <img src=x onerror=alert(1)> b")
    assert "<script" not in html and "<img" not in html
    assert html.count('<del><span class="diff-label">removed: </span>') == 1
    assert html.count('<ins><span class="diff-label">added: </span>') == 1
    assert html.startswith("a &lt;<del>") and html.endswith("img src=x onerror=alert(1)</ins>&gt; b")
