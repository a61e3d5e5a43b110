"""Small text helpers: counts in words that agree with them."""

from __future__ import annotations

import pytest

from edition.content.text import counted


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
