"""Paragraphs an essay page's HTML lost, the line they start on, and the warning's words."""

from __future__ import annotations

import pytest

from edition.features.reading.lost_paragraphs import lost, lost_paragraphs, paragraph_line

PAGE = '<h1 id="t">T</h1>\n<p id="s-1">One.</p>\n<div>Two.\n{: #s-2 }</div>\n<p id="s-10">Ten.</p>\n'


@pytest.mark.parametrize(
    ("ids", "expected"),
    [
        (["s-1", "s-10"], []),
        (["s-1", "s-2", "s-10"], ["s-2"]),
        (["s-1", "s-2", "s-3"], ["s-2", "s-3"]),  # 's-1' is not read as the start of 's-10'
        (["s-10", "s-1"], ["s-1"]),  # looked for in page order: an id only before the last found is lost
        ([], []),
    ],
    ids=["all-there", "one-lost", "prefix-not-a-match", "page-order", "no-paragraphs"],
)
def test_lost(ids, expected):
    assert lost(PAGE, ids) == expected


MARKDOWN = "---\ntitle: S\n---\n\n# S\n\nOne.\n{: #s-1 }\n\n<div>Two,\non two lines.\n{: #s-2 .essay-bio }\n"


@pytest.mark.parametrize(
    ("pid", "expected"),
    [("s-1", 7), ("s-2", 10), ("s", None), ("s-3", None)],
    ids=["first", "two-lines-with-class", "an-id-begun", "absent"],
)
def test_paragraph_line(pid, expected):
    assert paragraph_line(MARKDOWN, pid) == expected


@pytest.mark.parametrize(
    ("missing", "words"),
    [
        (["a-1"], "paragraph '#a-1' did not reach the page"),
        (["a-1", "a-2"], "paragraph '#a-1' and the one after it did not reach the page"),
        (["a-1", "a-2", "a-3"], "paragraph '#a-1' and the 2 after it did not reach the page"),
    ],
    ids=["one", "two", "three"],
)
def test_lost_paragraphs(missing, words):
    problem = lost_paragraphs("docs/essays/a/b.md", missing, 12)
    assert str(problem) == (
        f"docs/essays/a/b.md: {words} (no id, no notes, no glossary links): raw HTML opened at the start of "
        f"'#a-1' and left open takes in the text after it. Close the tag, or write the words without HTML."
    )
    assert problem.line == 12
