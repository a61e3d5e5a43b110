"""The line of a broken link in its Markdown file, whatever MkDocs made of its address."""

from __future__ import annotations

from pathlib import Path

import pytest

from edition.features.linkcheck.collect import Link
from edition.features.linkcheck.lines import SourceLines, id_line, line_in

SOURCE = """---
title: A page
---

# A page

See [the entry](../../glossary/soft-power.md#histroy) and [a missing page](gone.md).
<a href="../../images/map.png">raw HTML</a> and <a href="?a=1&amp;b=2">a query</a>.

A [web page](https://example.org/x) and [a paragraph](#conclusoin), a [map](map.png) and [a placeholder](#).
Raw HTML that MkDocs does not rewrite: <img src='map.png'> and <a href="tel:">a blank number</a>.
[Call](tel:+15550100).
"""

CASES = [
    # (case, the address as the built page holds it, its line in SOURCE)
    ("written as it is (a missing page MkDocs left alone)", "gone.md", 7),
    ("raw HTML", "../../images/map.png", 8),
    ("escaped in raw HTML", "?a=1&b=2", 8),
    ("rewritten by MkDocs from a Markdown file", "../../../glossary/soft-power/#histroy", 7),
    ("a web address", "https://example.org/x", 10),
    ("a fragment of the page itself", "#conclusoin", 10),
    ("not written anywhere", "../elsewhere/", None),
    ("in raw HTML before Markdown, which MkDocs rewrote", "map.png", 11),
    ("an attribute's whole value", "tel:", 11),
    ("a placeholder, not a heading", "#", 10),
]


@pytest.mark.parametrize("url, line", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_the_line_of_a_link_as_its_author_wrote_it(url: str, line: int | None) -> None:
    assert line_in(SOURCE, url) == line


def test_each_file_is_read_once_and_theme_links_have_no_line(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "page.md").write_text(SOURCE, encoding="utf-8")
    lines = SourceLines(str(tmp_path))
    assert lines.line(Link("gone.md", "a", "href", "", "docs/page.md", False)) == 7
    (tmp_path / "docs" / "page.md").unlink()
    assert lines.line(Link("#conclusoin", "a", "href", "", "docs/page.md", False)) == 10
    assert lines.line(Link("gone.md", "a", "href", "", "site/page.html", True)) is None
    assert lines.line(Link("gone.md", "a", "href", "", "docs/missing.md", False)) is None


IDS = "A.\n{ #a }\n\n<p id=\"b\">B</p>\n\nC, [to a](#a).\n{: #a .x }\n\n<span id='c'></span>\n"


@pytest.mark.parametrize(
    ("value", "line"),
    [
        ("a", 7),  # given again on line 7: the link to it on line 6 is not where it is given
        ("b", 4),  # given once here (the other element came from another file)
        ("c", 9),
        ("d", None),
    ],
)
def test_the_line_that_gives_an_id_again(value: str, line: int | None) -> None:
    assert id_line(IDS, value) == line


def test_an_id_is_located_through_the_files_lines(tmp_path: Path) -> None:
    (tmp_path / "page.md").write_text(IDS)
    assert SourceLines(str(tmp_path)).id_line("page.md", "a") == 7
