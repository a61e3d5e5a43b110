"""The glossary's generated pages: an entry's head and tail as HTML, the index as Markdown."""

from __future__ import annotations

import pytest

from edition.content.model import Source, Term
from edition.features.glossary.backlinks import Mention
from edition.features.glossary.pages import entry_head, entry_tail, fill_index, index_page

PERMALINK = '<a class="headerlink" href="#{0}" title="Permanent link">&para;</a>'
A, B = ('<li data-source="docs/essays/a/s.md">', '<li data-source="docs/essays/b/s.md">')  # a mention names its page
MENTIONED = f'<h2 id="mentioned-in">Mentioned in{PERMALINK.format("mentioned-in")}</h2>\n'


def term(slug="soft-power", title="soft power", **kw):
    return Term(
        slug, title, kw.pop("summary", "Influence by attraction."), f"docs/glossary/{slug}.md", body="Body.", **kw
    )


def mention(essay, title, section, paragraph, excerpt):
    return Mention(essay, title, section, f"essays/{essay}/s.md", paragraph, excerpt)


def tail(entry, mentions=(), terms=None):
    terms = terms or {entry.slug: entry}
    return entry_tail(
        entry, terms, list(mentions), lambda slug: f"../{slug}/", lambda m: f"{m.essay}#{m.paragraph}", "docs"
    )


@pytest.mark.parametrize(
    ("mentions", "expected"),
    [
        ([], MENTIONED + "<p>No essay mentions this term yet.</p>\n"),
        (
            [mention("a", "First", "Opening", "opening-1", "one"), mention("a", "First", "Later", "later-2", "two")],
            MENTIONED + f'<h3>First</h3>\n<ul class="glossary-mentions">{A}Opening: <a href="a#opening-1">one</a></li>'
            f'{A}Later: <a href="a#later-2">two</a></li></ul>\n',
        ),
        (
            [mention("a", "First", "S", "s-1", "x"), mention("b", "Second", "S", "s-1", "y")],
            MENTIONED + f'<h3>First</h3>\n<ul class="glossary-mentions">{A}S: <a href="a#s-1">x</a></li></ul>\n'
            f'<h3>Second</h3>\n<ul class="glossary-mentions">{B}S: <a href="b#s-1">y</a></li></ul>\n',
        ),
        (
            [mention("a", "<T>", "A & B", "s-1", '"<script>"')],
            MENTIONED + f'<h3>&lt;T&gt;</h3>\n<ul class="glossary-mentions">{A}A &amp; B: '
            '<a href="a#s-1">&quot;&lt;script&gt;&quot;</a></li></ul>\n',
        ),
    ],
    ids=["none", "one-essay", "two-essays", "escaped"],
)
def test_mentions(mentions, expected):
    assert tail(term(), mentions) == (expected, [("mentioned-in", "Mentioned in")])


def test_sources_and_related_entries_come_first_marked_to_preview():
    other = term("liu-cixin", "Liu Cixin", summary='Writer of "hard" SF.')
    entry = term(see_also=["liu-cixin", "missing"], sources=[Source("A <b> site", "https://example.org/?a=1&b=2")])
    html, headings = tail(entry, terms={"soft-power": entry, "liu-cixin": other})
    assert headings == [("sources", "Sources"), ("see-also", "See also"), ("mentioned-in", "Mentioned in")]
    assert '<ol><li><a href="https://example.org/?a=1&amp;b=2">A &lt;b&gt; site</a></li></ol>' in html
    assert (
        '<ul><li><a href="../liu-cixin/" class="glossary-link">Liu Cixin</a>: Writer of &quot;hard&quot; SF.</li></ul>'
    ) in html
    assert html.index('id="sources"') < html.index('id="see-also"') < html.index('id="mentioned-in"')


@pytest.mark.parametrize(
    "fields, expected",
    [
        ({}, '<p class="glossary-summary">Attraction.</p>\n'),
        ({"summary": ""}, ""),
        (
            {"zh": "软实力", "aliases": ["soft-power", "charm"]},
            '<p class="glossary-summary">Attraction.</p>\n'
            '<p class="glossary-names"><strong>Chinese:</strong> 软实力 · '
            "<strong>Also:</strong> soft-power, charm</p>\n",
        ),
        (
            {"summary": 'A <b> & "c"', "aliases": ["<i>x</i>"]},
            '<p class="glossary-summary">A &lt;b&gt; &amp; "c"</p>\n<p class="glossary-names"><strong>Also:</strong> '
            "&lt;i&gt;x&lt;/i&gt;</p>\n",
        ),
    ],
    ids=["summary", "nothing", "names", "escaped"],
)
def test_entry_head_is_summary_then_names_as_html(fields, expected):
    assert entry_head(term(**{"summary": "Attraction.", **fields})) == expected


def test_index_page_is_kept_out_of_search():
    assert "search:\n  exclude: true\n" in index_page([term()])


@pytest.mark.parametrize(
    ("fields", "use_directory_urls", "expected"),
    [
        ({}, True, '<li><a href="soft-power/">soft power</a>: Influence by attraction.</li>'),
        ({}, False, '<li><a href="soft-power.html">soft power</a>: Influence by attraction.</li>'),
        ({"zh": "软实力", "summary": ""}, True, '<li><a href="soft-power/">soft power</a> (软实力)</li>'),
        (
            {"title": "<b>x</b> & y", "zh": "<i>", "summary": "A <script>\n\n'z' \"q\""},
            True,
            '<li><a href="soft-power/">&lt;b&gt;x&lt;/b&gt; &amp; y</a> (&lt;i&gt;): A &lt;script&gt; \'z\' "q"</li>',
        ),
    ],
    ids=["directory-urls", "file-urls", "no-summary", "escaped-on-one-line"],
)
def test_the_index_lists_each_letter_as_html_after_conversion(fields, use_directory_urls, expected):
    terms = [term(**fields)]
    page = index_page(terms)
    letter = "other" if fields.get("title", "s").startswith("<") else "s"
    marker = f"<!-- glossary-index letter-{letter} -->"
    assert f"## {letter.upper() if letter == 's' else '#'} {{: #letter-{letter} }}\n\n{marker}\n" in page
    html = f'<h2 id="letter-{letter}">S</h2>\n{marker}\n'
    assert fill_index(html, terms, use_directory_urls) == f'<h2 id="letter-{letter}">S</h2>\n<ul>\n{expected}\n</ul>\n'
