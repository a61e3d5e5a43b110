"""The essay page format read back: paragraphs with their ids, and prose a hand edit left without one."""

from __future__ import annotations

import pytest

from edition.content.essay_pages import paragraph_line, parse_page

OPENING = (
    "# Title\n\nBy A · 1 January 2024 · 1 min read\n{: .essay-byline }\n\nNote: first published.\n"
    "{: #note-1 .publication-note }\n\n## Contents\n\n1. [Part](part.md)\n\nOpening.\n{: #opening-1 }\n"
)


@pytest.mark.parametrize(
    ("added", "unmarked"),
    [
        ("", []),
        ("A paragraph added by hand.", [16]),
        ("A paragraph added by hand,\non two lines.", [16]),
        ("> A quotation added by hand.", [16]),
        ("## A heading", []),
        ("- a list\n- of two", []),
        ("2) a list numbered with a parenthesis", []),
        ("| a | table |\n|---|---|", []),
        ('<div class="aside">Raw HTML</div>', []),
        ("```\ncode\n```", []),
        ("    indented code", []),
        ("---", []),
        ("![a map](map.png)", []),
        ('!!! note "An admonition"', []),
        ("[ref]: https://example.org", []),
        ("[^1]: A footnote.", []),
        ("*[HTML]: Hypertext Markup Language", []),
        ("{: .styled }", []),
        ("Styled by hand.\n{: .aside }", []),
        ("Given its id by hand.\n{: #opening-2 }", []),
        ("\n\n\nAfter three blank lines.", [19]),
    ],
    ids=[
        "importer's page",
        "one line",
        "two lines",
        "quotation",
        "heading",
        "list",
        "numbered list",
        "table",
        "raw html",
        "fence",
        "indented code",
        "rule",
        "image",
        "admonition",
        "link definition",
        "footnote",
        "abbreviation",
        "attribute line",
        "classes only",
        "with an id",
        "line counted after blank lines",
    ],
)
def test_prose_without_an_id_is_found_with_its_line(added, unmarked):
    body = OPENING + ("\n" + added + "\n" if added else "")
    paragraphs, lines = parse_page(body, "essays/e/index.md")
    assert lines == unmarked
    assert [p.id for p in paragraphs][:2] == ["note-1", "opening-1"]


def test_paragraphs_keep_their_text_kind_and_page():
    paragraphs, _ = parse_page(OPENING, "essays/e/index.md")
    assert [(p.id, p.text, p.page, p.kind) for p in paragraphs] == [
        ("note-1", "Note: first published.", "essays/e/index.md", "note"),
        ("opening-1", "Opening.", "essays/e/index.md", "body"),
    ]


SECTION = "---\ntitle: S\n---\n\n# S\n\nOne.\n{: #s-1 }\n\n<div>Two,\non two lines.\n{: #s-2 .essay-bio }\n"


@pytest.mark.parametrize(
    ("pid", "expected"),
    [("s-1", 7), ("s-2", 10), ("s", None), ("s-3", None)],
    ids=["first", "two-lines-with-class", "an-id-begun", "absent"],
)
def test_paragraph_line(pid, expected):
    assert paragraph_line(SECTION, pid) == expected
