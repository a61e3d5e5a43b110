"""The whole-essay page, built with every hook: filled from its sections, or converted whole when it must be."""

from __future__ import annotations

import re
from pathlib import Path

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
