"""The whole-essay page."""

from __future__ import annotations

import re

import pytest

from edition.content import essay_pages, frontmatter
from edition.content.model import Essay, Paragraph, Section
from edition.features.reading import whole_essay
from sample import sample_site


def test_whole_essay_has_every_paragraph_in_order_and_is_excluded_from_search():
    essay = sample_site().essays["first"]
    meta, body = frontmatter.split(whole_essay.whole_essay(essay))
    assert meta == {"title": "First *Essay* <b> (whole essay)", "essay": "first", "search": {"exclude": True}}
    order = [
        "{: #note-1 .publication-note }",
        "## Contents",
        "{: #opening-1 }",
        "## Middle part {: #middle-part }",
        "{: #middle-part-1 }",
        "## About the author",
        "{: #about-the-author-1 .author-bio }",
    ]
    positions = [body.index(marker) for marker in order]
    assert positions == sorted(positions)
    assert "# First \\*Essay\\* &lt;b\\>" in body and "By A. Author · 1 March 2024 · 4 min read" in body


def test_paragraphs_under_each_heading_form_one_part_and_headings_stay_outside():
    """The stylesheet skips off-screen parts; the table of contents measures the headings, so they stay outside."""
    markdown = pytest.importorskip("markdown")
    essay = sample_site().essays["first"]
    _, body = frontmatter.split(whole_essay.whole_essay(essay))
    html = whole_essay.open_parts(markdown.markdown(body, extensions=["attr_list", "toc"]))
    part = f'<div class="{whole_essay.PART_CLASS}">'
    assert "<!--" not in html and html.count("</div>") == 3
    assert html.count(part) == 3  # the opening, the middle part, the author's bio
    chunks = html.split(part)[1:]
    assert [
        'id="opening-1"' in chunks[0],
        'id="middle-part-1"' in chunks[1],
        'id="about-the-author-1"' in chunks[2],
    ] == [True] * 3
    for chunk in chunks:
        inside = chunk.split("</div>")[0]
        assert "<h2" not in inside and "<p" in inside, inside
    assert html.index('<h2 id="middle-part">') < html.index('id="middle-part-1"')
    assert 'id="note-1"' in html.split(part)[0]  # the publication note is at the top, always rendered


def test_a_section_without_paragraphs_gets_no_empty_part():
    essay = sample_site().essays["first"]
    essay.sections[1].paragraphs.clear()
    _, body = frontmatter.split(whole_essay.whole_essay(essay))
    assert body.count(whole_essay.PART_START) == body.count(whole_essay.PART_END) == 2 and "## Middle part" in body


H1 = '<h1 id="s">S<a class="headerlink" href="#s" title="Permanent link">&para;</a></h1>\n'
BIO = '<h2 id="about-the-author">About the author</h2>\n<p class="author-bio" id="bio-1">Bio.</p>'


@pytest.mark.parametrize(
    "html, bio_id, body",
    [
        (H1 + '<p id="s-1">A</p>\n<p id="s-2">B</p>', None, '<p id="s-1">A</p>\n<p id="s-2">B</p>\n'),
        ("\n" + H1 + '<p id="s-1">A</p>', None, '<p id="s-1">A</p>\n'),
        (H1 + '<p id="s-1">A</p>\n' + BIO, "bio-1", '<p id="s-1">A</p>\n'),
        ('<p id="s-1">A</p>', None, None),  # no title first: a hand-made page
        (
            H1 + '<p id="s-1">A</p>\n<h2 id="more">More</h2>\n<p id="s-2">B</p>',
            None,
            None,
        ),  # a heading the contents would miss
        (H1 + '<p id="s-1">A</p>\n' + BIO, None, None),  # the bio's heading, when the model puts the bio elsewhere
        (
            H1 + '<p id="s-1">A</p>\n<h2>About</h2>\n<p>Added by hand.</p>\n<p class="author-bio" id="bio-1">Bio.</p>',
            "bio-1",
            None,
        ),
        (H1 + '<p id="s-1">A</p>', "bio-1", None),  # the bio is not on this page after all
        (
            H1 + '<p id="s-1">A<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup></p>\n'
            '<div class="footnote"><ol><li id="fn:1"><p>F</p></li></ol></div>',
            None,
            None,
        ),  # footnote ids would collide
    ],
)
def test_section_body_is_the_paragraphs_or_nothing(html, bio_id, body):
    assert whole_essay.section_body(html, bio_id) == body


def _convert(markdown_text: str) -> str:
    markdown = pytest.importorskip("markdown")
    return markdown.markdown(markdown_text, extensions=["attr_list", "toc"])


def test_whole_essay_from_its_sections_html_equals_the_essay_converted_whole():
    essay = sample_site().essays["first"]
    whole = whole_essay.WholeEssays({"first": essay})
    assert whole.markdown("first") is None  # no section kept yet: convert the whole essay
    for name, page in essay_pages.render(essay, "1 March 2024").items():
        html = _convert(frontmatter.split(page)[1])
        assert whole.take(f"essays/first/{name}", html) == html
    spliced = whole.markdown("first")
    assert whole_essay.SECTION_MARK.format("middle-part") in spliced and "The middle" not in spliced
    filled = whole.take("essays/first/print.md", _convert(spliced))
    assert filled.split() == whole_essay.open_parts(_convert(whole_essay.whole_essay_body(essay))).split()


@pytest.mark.parametrize(
    "src, kept",
    [
        ("essays/first/middle-part.md", {"first": {"middle-part"}}),
        ("essays/first/index.md", {}),  # the opening is converted with the whole essay (another folder depth)
        ("essays/unknown/part.md", {}),
        ("glossary/middle-part.md", {}),
    ],
)
def test_only_sections_of_known_essays_are_kept(src, kept):
    whole = whole_essay.WholeEssays(sample_site().essays)
    whole.take(src, H1 + '<p id="middle-part-1">The middle.</p>\n' + BIO.replace("bio-1", "about-the-author-1"))
    assert {slug: set(bodies) for slug, bodies in whole.bodies.items()} == kept


def test_an_essay_without_sections_has_its_whole_essay_page_taken_as_converted():
    """Only an opening (no heading in the source): no section to splice, and no KeyError."""
    essay = sample_site().essays["second"]
    whole = whole_essay.WholeEssays({"second": essay})
    for name, page in essay_pages.render(essay, "2 January 2025").items():
        whole.take(f"essays/second/{name}", _convert(frontmatter.split(page)[1]))
    html = _convert(whole.markdown("second"))
    assert (
        whole.take("essays/second/print.md", html) == whole_essay.open_parts(html) and 'id="second-opening-1"' in html
    )


def test_a_whole_essay_page_not_spliced_is_left_as_converted():
    whole = whole_essay.WholeEssays(sample_site().essays)
    html = "<p>" + whole_essay.SECTION_MARK.format("middle-part") + "</p>"  # a hand-written page quoting the marker
    assert whole.take("essays/first/print.md", html) == html


def _essay(title: str, sections: dict[str, list[str]], bio: bool = False) -> Essay:
    """An essay whose sections (slug -> paragraph ids) hold paragraphs with those ids."""
    parts = [
        Section(slug, slug, [Paragraph(pid, "Text.", f"essays/e/{slug}.md") for pid in ids])
        for slug, ids in sections.items()
    ]
    about = Paragraph("about-the-author-1", "Bio.", "essays/e/index.md", "bio") if bio else None
    return Essay("e", title, "A", "2024-01-01", sections=parts, bio=about)


T, C, B = whole_essay.TITLE, whole_essay.CONTENTS, whole_essay.BIO


@pytest.mark.parametrize(
    "essay, expected",
    [
        (
            _essay("Title", {"index": ["opening-1"], "morning": ["morning-1"]}),
            {"morning": "morning", T: "title", C: "contents", B: "about-the-author"},
        ),
        (
            _essay("T", {"index": [], "morning": ["morning-1", "morning-2"], "morning-2": ["morning-2-1"]}),
            {"morning": "morning", "morning-2": "morning-2_2", T: "t", C: "contents", B: "about-the-author"},
        ),
        (
            _essay("Morning 2", {"index": [], "morning": ["morning-1", "morning-2"], "contents": ["c-1"]}, bio=True),
            {"morning": "morning", "contents": "contents", T: "morning-2_2", C: "contents_2", B: "about-the-author"},
        ),
    ],
    ids=["no clash", "a repeated heading's slug is a paragraph's id", "title and contents clash"],
)
def test_heading_ids_are_unique_on_the_page(essay, expected):
    assert whole_essay.heading_ids(essay) == expected


def test_every_id_of_the_whole_essay_page_is_unique_with_repeated_headings():
    sections = {"index": ["opening-1"], "morning": ["morning-1", "morning-2"], "morning-2": ["morning-2-1"]}
    essay = _essay("Morning 2", sections)
    html = _convert(whole_essay.whole_essay_body(essay))
    ids = re.findall(r' id="([^"]+)"', html)
    assert len(ids) == len(set(ids)) and 'href="#morning-2_2"' in html and 'id="morning-2_2"' in html
