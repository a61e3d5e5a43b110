"""The whole-essay page."""

from __future__ import annotations

import html
import re

import pytest

from edition.content import essay_pages, frontmatter
from edition.content.markup import escape as whole_essay_markup_escape
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


EXTENSIONS = ["attr_list", "toc"]


def _converter(extensions: list[str] | None = None, configs: dict | None = None):
    markdown = pytest.importorskip("markdown")
    extensions = EXTENSIONS if extensions is None else extensions
    return markdown.Markdown(extensions=extensions, extension_configs=configs or {})


def _convert(markdown_text: str) -> str:
    return _converter().convert(markdown_text)


def _learnt(extensions: list[str] | None = None, configs: dict | None = None) -> whole_essay.Headings | None:
    converter = _converter(extensions, configs)
    sample = converter.convert(whole_essay.HEADING_SAMPLE)
    return whole_essay.Headings.learn(sample, getattr(converter, "toc_tokens", []))


def _names(tokens: list[dict]) -> list[tuple]:
    """A table of contents as (level, id, name as text, children); toc leaves '>' unescaped in names, we do not."""
    return [(t["level"], t["id"], html.unescape(t["name"]), _names(t["children"])) for t in tokens]


def _whole(essay: Essay, learn=_learnt) -> whole_essay.WholeEssays:
    """A whole-essay page's maker that has seen every page of ``essay`` converted."""
    whole = whole_essay.WholeEssays({essay.slug: essay}, learn, "docs")
    for name, page in essay_pages.render(essay, "1 March 2024").items():
        converted = _convert(frontmatter.split(page)[1])
        assert whole.take(f"essays/{essay.slug}/{name}", converted) == converted
    return whole


OPENINGS = {
    "an opening taken from its page": ("first", "", True),
    "an opening with an address the mover cannot vouch for, converted again": ("first", " [Out](x.md).", False),
    "an essay with only an opening": ("second", "", True),  # no contents, no section, no bio
}


@pytest.mark.parametrize("slug, added, spliced", OPENINGS.values(), ids=OPENINGS.keys())
def test_a_filled_page_equals_the_essay_converted_whole_and_so_does_its_table_of_contents(slug, added, spliced):
    essay = sample_site().essays[slug]
    essay.sections[0].paragraphs[0].text += added
    whole = whole_essay.WholeEssays({slug: essay}, _learnt, "docs")
    assert whole.markdown(slug) is None or slug == "second"  # nothing kept yet: the first essay is converted whole
    whole = _whole(essay)
    pieces = whole.markdown(slug)
    assert pieces is not None and "## " not in pieces and "The middle" not in pieces
    opening = essay.sections[0].paragraphs[0].text[:10]
    assert (slug in whole.spliced, opening not in pieces) == (spliced, spliced)
    html, contents = whole.fill(slug, _convert(pieces), "../")
    converter = _converter()
    expected = whole.take(f"essays/{slug}/print.md", converter.convert(whole_essay.whole_essay_body(essay)))
    expected = expected.replace('href="index.md"', 'href="../"')  # MkDocs would turn the link into the address
    assert html.split() == expected.split()
    assert _names(contents) == _names(converter.toc_tokens)


SETTINGS = {
    "permalinks": (EXTENSIONS, {"toc": {"permalink": True}}),
    "a permalink symbol and title of the site's own": (EXTENSIONS, {"toc": {"permalink": "#", "permalink_title": "L"}}),
    "the permalink before the text": (EXTENSIONS, {"toc": {"permalink": True, "permalink_leading": True}}),
    "headings that link to themselves": (EXTENSIONS, {"toc": {"anchorlink": True}}),
    "contents from the second level": (EXTENSIONS, {"toc": {"permalink": True, "toc_depth": "2-6"}}),
    "no contents at all": (["attr_list"], {}),
}


@pytest.mark.parametrize("extensions, configs", SETTINGS.values(), ids=SETTINGS.keys())
def test_headings_are_written_as_the_sites_markdown_writes_them(extensions, configs):
    headings = _learnt(extensions, configs)
    assert headings is not None
    titles = ["First *Essay* <b>", 'A & B "q" \\`c\\` _u_ [x](y) {: #z }', "Tom&amp;Jerry &copy; \u2014 \u201cq\u201d"]
    for title in titles:
        for level in (1, 2):
            converter = _converter(extensions, configs)
            expected = converter.convert(f"{'#' * level} {whole_essay_markup_escape(title)} {{: #the-id }}")
            assert headings.html(level, "the-id", html.escape(title, quote=False)) == expected
    converter = _converter(extensions, configs)
    converter.convert("# T {: #t }\n\n## A {: #a }\n\n## B {: #b }\n")
    tokens = getattr(converter, "toc_tokens", [])
    assert _names(headings.contents(("t", "T"), [("a", "A"), ("b", "B")])) == _names(tokens)


@pytest.mark.parametrize(
    "sample_html",
    [
        "",  # a converter that drops headings
        '<h1 id="whole-essay-sample-1">Wholeessaysampleheading</h1>',  # one heading only
        '<h1 id="x">Wholeessaysampleheading</h1>\n<h2 id="whole-essay-sample-2">Wholeessaysampleheading</h2>',
        '<h1 id="whole-essay-sample-1">Other</h1>\n<h2 id="whole-essay-sample-2">Wholeessaysampleheading</h2>',
        '<div><h1 id="whole-essay-sample-1">Wholeessaysampleheading</h1>\n<h2 id="whole-essay-sample-2">'
        "Wholeessaysampleheading</h2></div>",  # wrapped: the page's structure would differ
    ],
    ids=["none", "one", "id not kept", "text not kept", "wrapped"],
)
def test_headings_written_in_a_form_the_sample_does_not_show_are_not_learnt(sample_html):
    assert whole_essay.Headings.learn(sample_html, []) is None


def test_a_page_whose_headings_are_not_known_is_converted_whole():
    whole = _whole(sample_site().essays["first"], learn=lambda: None)
    assert whole.markdown("first") is None and whole.filled == set()


@pytest.mark.parametrize("holder", ["note", "bio"])
def test_a_page_is_converted_whole_when_a_section_is_no_longer_kept_or_the_text_holds_the_cut(holder):
    essay = sample_site().essays["first"]
    whole = _whole(essay)
    assert whole.markdown("first") is not None and whole.filled == {"first"}
    whole.take("essays/first/middle-part.md", "<p>A page edited by hand, without its title</p>")
    assert whole.markdown("first") is None and whole.filled == set()  # the preview: no stale fill
    whole = _whole(essay)
    getattr(essay, holder).text += " " + whole_essay.CUT
    assert whole.markdown("first") is None and whole.spliced == {}


def test_an_opening_taken_from_its_page_may_hold_the_cut():
    """Its HTML is not cut apart: only the note's and the bio's are."""
    essay = sample_site().essays["first"]
    essay.sections[0].paragraphs[0].text += " " + whole_essay.CUT
    whole = _whole(essay)
    pieces = whole.markdown("first")
    assert pieces is not None and "It begins here" not in pieces
    html, _ = whole.fill("first", _convert(pieces), "../")
    assert f"It begins here. {whole_essay.CUT}</p>" in html


@pytest.mark.parametrize("cuts", [0, 1, 3])
def test_pieces_that_lost_or_gained_a_cut_are_not_filled(cuts):
    """Raw HTML left open in a paragraph takes the cuts in (see tests/test_whole_essay_fixture.py)."""
    whole = _whole(sample_site().essays["first"])
    assert whole.markdown("first") is not None
    assert whole.fill("first", "<p>x</p>" + whole_essay.CUT * cuts, "../") is None and whole.filled == set()


def test_the_sample_is_converted_once_per_build():
    learnt = []
    whole = _whole(sample_site().essays["first"], learn=lambda: learnt.append(1) or _learnt())
    for _ in range(3):
        whole.markdown("first")
    assert learnt == [1]


@pytest.mark.parametrize(
    "src, kept",
    [
        ("essays/first/middle-part.md", {"first": {"middle-part"}}),
        ("essays/first/index.md", {}),  # the opening is kept apart (another folder depth: opening_body)
        ("essays/unknown/part.md", {}),
        ("glossary/middle-part.md", {}),
    ],
)
def test_only_sections_of_known_essays_are_kept(src, kept):
    whole = whole_essay.WholeEssays(sample_site().essays, _learnt, "docs")
    whole.take(src, H1 + '<p id="middle-part-1">The middle.</p>\n' + BIO.replace("bio-1", "about-the-author-1"))
    assert {slug: set(bodies) for slug, bodies in whole.bodies.items()} == kept


def test_a_whole_essay_page_converted_whole_gets_its_parts_opened_each_naming_its_file():
    """The link check blames what a part holds on the file named, not on the theme that wrote the page."""
    essay = sample_site().essays["first"]
    whole = whole_essay.WholeEssays(sample_site().essays, _learnt, "docs")
    html = _convert(whole_essay.whole_essay_body(essay))
    opened = whole.take("essays/first/print.md", html)
    assert re.findall(r'<div class="essay-part"(?: data-source="([^"]*)")?>', opened) == [
        "docs/essays/first/index.md",
        "docs/essays/first/middle-part.md",
        f"docs/{essay.bio.page}" if essay.bio else "",
    ]
    assert whole_essay.PART_START not in opened and whole_essay.PART_END not in opened


@pytest.mark.parametrize("sources", [(), ("docs/a.md",), ("docs/a.md", "docs/b.md", "docs/c.md", "docs/d.md")])
def test_parts_are_opened_without_names_when_the_names_do_not_match_the_markers(sources):
    """A hand edit's raw HTML may take a marker in: no part is then given another's file."""
    html = _convert(whole_essay.whole_essay_body(sample_site().essays["first"]))
    opened = whole_essay.open_parts(html, sources)
    assert opened.count('<div class="essay-part">') == 3 and "data-source" not in opened


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


OPENING = '<p id="o-1">One.</p>\n<p id="o-2">{}</p>'
MOVES = {"a/": "../a/", "gone.md": "gone.md"}  # as edition.addresses.moved_address gives them; others: not plain


@pytest.mark.parametrize(
    "second, shown",
    [
        ("Two.", "Two."),
        (
            '<a href="a/">a page</a> and <a href="gone.md">none</a>',
            '<a href="../a/">a page</a> and <a href="gone.md">none</a>',
        ),
        ('<a class="x" title="href=a/" data-href="a/">not addresses</a> href="a/"', "same"),  # text, other names
        ('<a href="odd/">an address the mover cannot vouch for</a>', None),
        ("<a href='a/'>quoted once</a>", None),
        ("<a HREF=a/>bare</a>", None),
        ('<a href = "a/">spaced</a>', None),
        ("<a href='#o-1'>a fragment, quoted once</a> <a href=https://example.org/>bare, absolute</a>", "same"),
        ('<img src="a/" alt="">', '<img src="../a/" alt="">'),
        ('<img srcset="https://example.org/a.png 1x" alt="">', None),
        ('<span style="background: url(a.png)">styled</span>', None),
        ('<svg><use xlink:href="i.svg#x"></use></svg>', None),
        ('<q cite="a/">quoted</q>', None),
    ],
)
def test_an_opening_is_taken_with_each_address_mkdocs_wrote_moved(second, shown):
    html = H1 + '<p id="note-1">Note.</p>\n' + OPENING.format(second)
    body = whole_essay.opening_body(html, ["o-1", "o-2"], MOVES.get)
    expected = None if shown is None else OPENING.format(second if shown == "same" else shown) + "\n"
    assert body == expected


@pytest.mark.parametrize(
    "html",
    [
        H1 + '<p id="o-1">One.</p>',
        H1 + '<p id="o-2">Two.</p>\n<p id="o-1">One.</p>',
        H1 + OPENING.format("Two.") + '\n<h2 id="about">About the author</h2>\n<p id="bio-1">Bio.</p>',
        H1
        + OPENING.format('Two.<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>')
        + '\n<div class="footnote"><ol><li id="fn:1"><p>A note.</p></li></ol></div>',
    ],
    ids=["a paragraph missing", "out of order", "a heading after them", "footnotes"],
)
def test_an_opening_with_more_or_less_than_its_paragraphs_is_converted_again(html):
    assert whole_essay.opening_body(html, ["o-1", "o-2"], MOVES.get) is None


def test_an_opening_kept_from_a_page_built_before_the_essay_changed_is_converted():
    """The preview: the opening's paragraphs were given other ids; what was kept of its page no longer shows them."""
    essay = sample_site().essays["first"]
    whole = _whole(essay)
    essay.sections[0].paragraphs[0].id = "opening-2"
    pieces = whole.markdown("first")
    assert pieces is not None and "{: #opening-2 }" in pieces and "first" not in whole.spliced
