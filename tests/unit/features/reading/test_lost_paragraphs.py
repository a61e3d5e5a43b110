"""Paragraphs an essay page's HTML lost, the line they start on, and the warning's words."""

from __future__ import annotations

import pytest

from edition.features.reading.lost_paragraphs import lost, lost_paragraphs

PAGE = '<h1 id="t">T</h1>\n<p id="s-1">One.</p>\n<div>Two.\n{: #s-2 }</div>\n<p id="s-10">Ten.</p>\n'


@pytest.mark.parametrize(
    ("ids", "expected"),
    [
        (["s-1", "s-10"], []),
        (["s-1", "s-2", "s-10"], ["s-2"]),
        (["s-1", "s-2", "s-3"], ["s-2", "s-3"]),  # 's-1' is not read as the start of 's-10'
        (["s-10", "s-1"], ["s-1"]),  # looked for in page order: an id only before the last found is lost
        ([], []),
        (["s-1", "x-1", "x-2", "s-10"], ["x-1", "x-2"]),  # after a miss, the rest is looked up in the page's ids
    ],
    ids=["all-there", "one-lost", "prefix-not-a-match", "page-order", "no-paragraphs", "found-after-a-miss"],
)
def test_lost(ids, expected):
    assert lost(PAGE, ids) == expected


MARKDOWN = "---\ntitle: S\n---\n\n# S\n\nOne.\n{: #s-1 }\n\n<div>Two,\non two lines.\n{: #s-2 .essay-bio }\n"


RAW = "raw HTML opened at the start of '#s-2' and left open takes in the text after it."
RAW_HINT = "Close the tag, or write the words without HTML."
NOT_PARAGRAPH = "the text of '#s-1' no longer reads as a paragraph (a heading, an indented line?)."
NOT_HINT = "Write it as a paragraph: its words, then '{: #s-1 }' on the line below, as the importer wrote it."
# The links that break with the lost paragraphs are reported too: the cause is said to come first.
ONE = "Until then, links to it and to its notes are reported as broken too."
MANY = "Until then, links to them and to their notes are reported as broken too."


@pytest.mark.parametrize(
    ("markdown", "missing", "words", "why", "line"),
    [
        (MARKDOWN, ["s-2"], "paragraph '#s-2'", f"{RAW} {RAW_HINT} {ONE}", 10),
        (MARKDOWN, ["s-2", "s-3"], "paragraph '#s-2' and the one after it", f"{RAW} {RAW_HINT} {MANY}", 10),
        (MARKDOWN, ["s-2", "s-3", "s-4"], "paragraph '#s-2' and the 2 after it", f"{RAW} {RAW_HINT} {MANY}", 10),
        (MARKDOWN.replace("One.", "## One."), ["s-1"], "paragraph '#s-1'", f"{NOT_PARAGRAPH} {NOT_HINT} {ONE}", 7),
        (MARKDOWN.replace("One.", "    One."), ["s-1"], "paragraph '#s-1'", f"{NOT_PARAGRAPH} {NOT_HINT} {ONE}", 7),
    ],
    ids=["raw-html-one", "raw-html-two", "raw-html-three", "heading", "indented"],
)
def test_lost_paragraphs(markdown, missing, words, why, line):
    problem = lost_paragraphs("docs/essays/a/b.md", markdown, missing)
    assert str(problem) == (
        f"docs/essays/a/b.md: line {line}: {words} did not reach the page (no id, no notes, no glossary links): {why}"
    )
    assert problem.line == line


def test_a_paragraph_not_found_in_the_file_is_reported_without_a_line():
    problem = lost_paragraphs("docs/essays/a/b.md", "# S\n", ["s-9"])
    assert problem.line is None and "'#s-9' no longer reads as a paragraph" in str(problem)
