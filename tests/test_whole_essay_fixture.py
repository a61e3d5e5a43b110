"""The whole-essay page, built with every hook: filled from its sections, or converted whole when it must be."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from test_commentary_fixture import copy, run_build, warnings

PRINT = "essays/e/print/index.html"
LOST_OPENING = (
    "docs/essays/e/index.md: line 11: paragraph '#opening-1' did not reach the page (no id, no notes, no glossary "
    "links): raw HTML opened at the start of '#opening-1' and left open takes in the text after it. Close the tag, or "
    "write the words without HTML. Until then, links to it and to its notes are reported as broken too."
)


def _built(tmp_path: Path, opening: str | None = None) -> tuple[str, list[str]]:
    """The fixture's whole-essay page and the build's warnings; ``opening`` replaces the opening paragraph's words."""
    project = copy("linkcheck-notes", tmp_path)
    if opening is not None:
        page = project / "docs/essays/e/index.md"
        page.write_text(page.read_text().replace("The opening paragraph of the essay.", opening))
    result, site = run_build(project, strict=False)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    return (site / PRINT).read_text(encoding="utf-8"), warnings(result)


def _sidebar(html: str) -> list[str]:
    """The addresses in the page's table of contents (Material's secondary navigation)."""
    toc = html[html.index('<nav class="md-nav md-nav--secondary"') :]
    return re.findall(r'<a href="(#[^"]+)" class="md-nav__link">', toc[: toc.index("</nav>")])


def test_the_page_is_filled_with_its_headings_parts_and_table_of_contents(tmp_path):
    html, _ = _built(tmp_path)
    body = html[html.index('<h1 id="an-essay">') :]
    order = ['<h1 id="an-essay">', '<h2 id="contents">', 'id="opening-1"', '<h2 id="part">', 'id="part-1"']
    assert [body.index(mark) for mark in order] == sorted(body.index(mark) for mark in order)
    parts = re.findall(r'<div class="essay-part" data-source="([^"]*)">', body)
    assert parts == ["docs/essays/e/index.md", "docs/essays/e/part.md"] and "essay-cut" not in html
    assert _sidebar(html) == ["#contents", "#part"]


def test_a_hand_edit_that_leaves_raw_html_open_has_the_page_converted_whole(tmp_path):
    """Unclosed raw HTML takes in what follows it: the page is converted whole, as MkDocs would; the build says why,
    once: the opening page's warning names the paragraph and its line, and the whole-essay page adds nothing."""
    html, found = _built(tmp_path, "<div markdown><div>The opening paragraph of the essay.")
    assert [line for line in found if line.startswith("docs/essays/e/index.md")] == [LOST_OPENING]
    assert "essay-cut" not in html
    assert '<h1 id="an-essay">' in html and '<h2 id="contents">' in html  # before the opening: converted


def test_a_broken_link_in_a_section_is_reported_once_naming_the_section(tmp_path):
    """The whole-essay page shows the section's paragraphs again; its part names their file, so the link check
    blames the section, not the theme, and says it once for both pages."""
    project = copy("linkcheck-notes", tmp_path)
    page = project / "docs/essays/e/part.md"
    page.write_text(page.read_text().replace("symbols and narratives.", "symbols and [narratives](../gone.md)."))
    result, _ = run_build(project, strict=False)
    found = [line for line in warnings(result) if "'../gone.md'" in line]
    assert found == ["docs/essays/e/part.md: link '../gone.md' points to a page that does not exist (essays/gone/)."], (
        found
    )


# Every kind of address MkDocs writes, or leaves, in an opening paragraph.
LINKS = (
    "See [the part](part.md), [its first paragraph](part.md#part-1), [the essay itself](index.md), "
    "[the home page](../../index.md), [a page that is gone](gone.md), [another site](https://example.org/x) "
    "and [this paragraph](#opening-1)."
)
FORCED = ' <span style="--x: url(#opening-1)"></span>'  # an address MkDocs did not write: the page converts the opening


def _opening_part(html: str) -> str:
    start = html.index('<div class="essay-part" data-source="docs/essays/e/index.md">')
    return html[start : html.index("</div>", start)]


def _with_opening(tmp_path: Path, opening: str) -> tuple[str, str]:
    """The whole-essay page and MkDocs' log of a build whose opening paragraph reads ``opening``."""
    project = copy("linkcheck-notes", tmp_path)
    page = project / "docs/essays/e/index.md"
    page.write_text(page.read_text().replace("The opening paragraph of the essay.", opening))
    result, site = run_build(project, strict=False)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    return (site / PRINT).read_text(encoding="utf-8"), result.stderr


def test_the_openings_addresses_read_on_the_whole_essay_page_as_if_it_were_converted_there(tmp_path):
    """The opening page lies one folder up: its HTML is taken with MkDocs' addresses written again for the page,
    and equals the opening converted on the page itself (as it still is when its HTML holds another address)."""
    spliced, log = _with_opening(tmp_path / "spliced", LINKS)
    converted, converting_log = _with_opening(tmp_path / "converted", LINKS + FORCED)
    # MkDocs reads the links of what it converts: the opening's only on the page that converted it again.
    assert "'essays/e/print.md' contains a link 'gone.md'" in converting_log
    assert "essays/e/print.md" not in log
    assert FORCED in _opening_part(converted)
    assert _opening_part(spliced) == _opening_part(converted).replace(FORCED, "")
    moved = re.findall(r'href="([^"]*)"', _opening_part(spliced))[:7]  # the paragraph's own links, before its actions
    assert moved == [
        "../part/",
        "../part/#part-1",
        "../",
        "../../../",
        "gone.md",
        "https://example.org/x",
        "#opening-1",
    ]


def test_a_raw_link_in_the_opening_leads_where_it_leads_on_the_opening_page(tmp_path):
    """MkDocs leaves an address in raw HTML as written; taken one folder down, it is written again all the same."""
    html, _ = _built(tmp_path, 'See <a href="part/">the part</a>.')
    assert '<a href="../part/">the part</a>' in _opening_part(html)


@pytest.mark.parametrize("page", ["index", "part"])
def test_a_missing_paragraph_is_reported_once_as_the_paragraphs_own_page_writes_the_link(tmp_path, page):
    """The whole-essay page shows the opening's and the section's paragraphs one folder further down: the same link
    reads otherwise there, and is named as on its own page, so the build says it once."""
    project = copy("linkcheck-notes", tmp_path)
    source = project / f"docs/essays/e/{page}.md"
    words = {"index": "The opening paragraph of the essay.", "part": "symbols and narratives."}[page]
    source.write_text(source.read_text().replace(words, words + " See [nowhere](part.md#nowhere)."))
    result, _ = run_build(project, strict=False)
    written = {"index": "part/", "part": "./"}[page]  # as MkDocs writes a link to the part from each page
    assert [line for line in warnings(result) if "nowhere" in line] == [
        f"docs/essays/e/{page}.md: link '{written}#nowhere': no paragraph '#nowhere' on essays/e/part/."
    ]
