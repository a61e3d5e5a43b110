"""The whole-essay page."""

from __future__ import annotations

import pytest

from edition import frontmatter, print_view
from sample import sample_site


@pytest.mark.parametrize(
    "src, slug",
    [("essays/first/print.md", "first"), ("essays/first/index.md", None), ("print.md", None), ("essays/a/b/print.md", None)],
)
def test_essay_of(src, slug):
    assert print_view.essay_of(src) == slug


def test_whole_essay_has_every_paragraph_in_order_and_is_excluded_from_search():
    essay = sample_site().essays["first"]
    meta, body = frontmatter.split(print_view.whole_essay(essay))
    assert meta == {"title": "First *Essay* <b> (whole essay)", "essay": "first", "search": {"exclude": True}}
    order = ["{: #note-1 .publication-note }", "## Contents", "{: #opening-1 }", "## Middle part {: #middle-part }",
             "{: #middle-part-1 }", "## About the author", "{: #about-the-author-1 .author-bio }"]
    positions = [body.index(marker) for marker in order]
    assert positions == sorted(positions)
    assert "# First \\*Essay\\* &lt;b\\>" in body and "By A. Author · 1 March 2024 · 4 min read" in body


def test_paragraphs_under_each_heading_form_one_part_and_headings_stay_outside():
    """The stylesheet skips off-screen parts; the table of contents measures the headings, so they stay outside."""
    markdown = pytest.importorskip("markdown")
    essay = sample_site().essays["first"]
    _, body = frontmatter.split(print_view.whole_essay(essay))
    html = print_view.open_parts(markdown.markdown(body, extensions=["attr_list", "toc"]))
    part = f'<div class="{print_view.PART_CLASS}">'
    assert "<!--" not in html and html.count("</div>") == 3
    assert html.count(part) == 3  # the opening, the middle part, the author's bio
    chunks = html.split(part)[1:]
    assert ['id="opening-1"' in chunks[0], 'id="middle-part-1"' in chunks[1], 'id="about-the-author-1"' in chunks[2]] == [True] * 3
    for chunk in chunks:
        inside = chunk.split("</div>")[0]
        assert "<h2" not in inside and "<p" in inside, inside
    assert html.index('<h2 id="middle-part">') < html.index('id="middle-part-1"')
    assert 'id="note-1"' in html.split(part)[0]  # the publication note is at the top, always rendered


def test_a_section_without_paragraphs_gets_no_empty_part():
    essay = sample_site().essays["first"]
    essay.sections[1].paragraphs.clear()
    _, body = frontmatter.split(print_view.whole_essay(essay))
    assert body.count(print_view.PART_START) == body.count(print_view.PART_END) == 2 and "## Middle part" in body
