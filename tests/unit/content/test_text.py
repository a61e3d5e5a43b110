"""Small text helpers: counts in words that agree with them."""

from __future__ import annotations

import pytest

from edition.content.text import counted, cut_html


@pytest.mark.parametrize(
    ("count", "word", "plural", "expected"),
    [
        (0, "note", "", "0 notes"),
        (1, "note", "", "1 note"),
        (2, "note", "", "2 notes"),
        (1, "entry", "entries", "1 entry"),
        (4, "entry", "entries", "4 entries"),
        (1, "external URL", "", "1 external URL"),
        (1200, "link", "", "1200 links"),
    ],
)
def test_counted(count, word, plural, expected):
    assert counted(count, word, plural) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\u2026the middle of a quote\u2026", "&hellip;the middle of a quote&hellip;"),
        ("whole", "whole"),
        ('<b>"Tom" & Jerry\u2026</b>', "&lt;b&gt;&quot;Tom&quot; &amp; Jerry&hellip;&lt;/b&gt;"),
        # Other wide characters are the text's own, and stay.
        ("\u5317\u4eac, Zh\u014du \u2026", "\u5317\u4eac, Zh\u014du &hellip;"),
    ],
)
def test_cut_html_escapes_and_writes_ellipses_as_references(text: str, expected: str) -> None:
    assert cut_html(text) == expected
