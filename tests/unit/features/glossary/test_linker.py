"""Linking terms in page HTML: first mention only, skipped contexts, every glossary link marked to preview."""

from __future__ import annotations

import posixpath
import re
from urllib.parse import urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edition.features.glossary.linker import glossary_slug, link_terms, mark_links
from edition.features.glossary.matcher import Matcher

MATCHER = Matcher({"soft power": "soft-power", "Liu Cixin": "liu-cixin", "Liu": "liu-cixin"})
SUMMARIES = {"soft-power": "Influence by attraction.", "liu-cixin": 'Writer of "hard" SF & more.'}


def url_for(slug):
    return f"../glossary/{slug}/"


def link(html, **kwargs):
    return link_terms(html, MATCHER, SUMMARIES, url_for, base="essays/", **kwargs)[0]


SP = '<a href="../glossary/soft-power/" class="glossary-link">{}</a>'


@pytest.mark.parametrize(
    "html, expected",
    [
        ("<p>Soft power and soft power.</p>", f"<p>{SP.format('Soft power')} and soft power.</p>"),
        ("<h2>Soft power</h2><p>soft power</p>", f"<h2>Soft power</h2><p>{SP.format('soft power')}</p>"),
        (
            '<p><a href="x/">soft power</a> soft power</p>',
            f'<p><a href="x/">soft power</a> {SP.format("soft power")}</p>',
        ),
        ("<p><code>soft power</code></p>", "<p><code>soft power</code></p>"),
        ("<pre><code>soft power</code></pre>", "<pre><code>soft power</code></pre>"),
        ('<p><mark class="note-quote">soft power</mark></p>', '<p><mark class="note-quote">soft power</mark></p>'),
        ("<blockquote><p>soft power</p></blockquote>", "<blockquote><p>soft power</p></blockquote>"),
        ("<p>soft<br>power</p>", "<p>soft<br>power</p>"),
        ("<p><em>soft power</em></p>", f"<p><em>{SP.format('soft power')}</em></p>"),
        ("<!-- soft power --><p>soft power</p>", f"<!-- soft power --><p>{SP.format('soft power')}</p>"),
        (
            '<p title="soft power">x</p><p>soft power</p>',
            f'<p title="soft power">x</p><p>{SP.format("soft power")}</p>',
        ),
        (
            "<h2><code>x</code> soft power</h2><p>Soft power</p>",
            f"<h2><code>x</code> soft power</h2><p>{SP.format('Soft power')}</p>",
        ),
        ("<blockquote><pre>a</pre>soft power</blockquote>", "<blockquote><pre>a</pre>soft power</blockquote>"),
        ("<p><svg/>soft power</p>", f"<p><svg/>{SP.format('soft power')}</p>"),
        ("<p>softpower soft powers</p>", "<p>softpower soft powers</p>"),
        ("<CODE>soft power</CODE>", "<CODE>soft power</CODE>"),
        ("<!-- <code> --><p>soft power</p>", f"<!-- <code> --><p>{SP.format('soft power')}</p>"),
        ("<p>1 < 2</p><p>soft power</p>", f"<p>1 < 2</p><p>{SP.format('soft power')}</p>"),
        # "</ code>" closes nothing (a browser reads a comment): the text after it is still code.
        ("<code>x</ code><p>soft power</p>", "<code>x</ code><p>soft power</p>"),
        ("<p>soft power <", f"<p>{SP.format('soft power')} <"),
    ],
    ids=[
        "first-only",
        "heading",
        "link",
        "code",
        "pre",
        "mark",
        "blockquote",
        "br",
        "em",
        "comment",
        "attribute",
        "nested-skip",
        "nested-same",
        "self-closing",
        "whole-words",
        "upper-case",
        "comment-holding-a-tag",
        "stray-less-than",
        "no-name-closes-nothing",
        "unclosed-less-than",
    ],
)
def test_link_terms(html, expected):
    assert link(html) == expected


def test_explicit_link_is_marked_and_counts_as_the_mention():
    html = '<p><a href="../../glossary/liu-cixin/">Liu Cixin</a> and Liu.</p>'
    out, linked = link_terms(html, MATCHER, SUMMARIES, url_for, base="essays/e/")
    assert out == '<p><a href="../../glossary/liu-cixin/" class="glossary-link">Liu Cixin</a> and Liu.</p>'
    assert linked == {"liu-cixin"}


def test_mention_before_an_explicit_link_is_linked():
    """An author's link counts as the mention from where it stands, as a reader meets it."""
    html = '<p>Liu wrote.</p><p><a href="../glossary/liu-cixin/">Liu Cixin</a> and Liu.</p>'
    out, linked = link_terms(html, MATCHER, SUMMARIES, url_for, base="essays/")
    assert out.count('class="glossary-link"') == 2 and out.startswith(
        '<p><a href="../glossary/liu-cixin/" class="glossary-link"'
    )
    assert out.endswith(" and Liu.</p>") and linked == {"liu-cixin"}


def test_no_matcher_only_marks_links():
    html = '<p>soft power <a href="../glossary/soft-power.html">it</a></p>'
    out, _ = link_terms(html, None, SUMMARIES, url_for, base="essays/x.html")
    assert out == '<p>soft power <a href="../glossary/soft-power.html" class="glossary-link">it</a></p>'


def test_own_page_is_not_linked():
    assert link("<p>soft power</p>", exclude=frozenset({"soft-power"})) == "<p>soft power</p>"


@pytest.mark.parametrize(
    "html",
    [
        '<p><a class="x" title="mine" href="../glossary/soft-power/">a</a></p>',  # its own title: left as it is
        '<p><a href="../glossary/soft-power/" class="x glossary-link">a</a></p>',  # marked already: marked once
    ],
)
def test_a_link_with_its_own_title_or_already_marked_is_kept(html):
    assert link(html) == html
    assert mark_links(html, SUMMARIES, "essays/") == html


@pytest.mark.parametrize(
    "href, base, slug",
    [
        ("../../glossary/soft-power/", "essays/e/", "soft-power"),
        ("../../../glossary/soft-power/", "essays/e/part/", "soft-power"),
        ("../glossary/soft-power.html", "essays/e.html", "soft-power"),
        ("../../glossary/soft-power/index.html", "essays/e/", "soft-power"),
        ("glossary/soft-power/#sources", "", "soft-power"),
        ("../soft-power/", "glossary/charm/", "soft-power"),  # from one entry to another
        ("soft-power.html", "glossary/charm.html", "soft-power"),
        ("soft-power/", "glossary/", "soft-power"),  # from the glossary's index
        ("../glossary/", "essays/", None),
        ("../glossary/index.html", "essays/", None),
        ("index.html", "glossary/index.html", None),
        ("../", "glossary/charm/", None),
        ("#top", "glossary/charm/", None),
        ("", "glossary/charm/", None),
        ("../essays/x/", "glossary/", None),
        ("../../essays/glossary/x/", "essays/e/", None),  # a folder named glossary elsewhere
        ("https://example.org/glossary/soft-power/", "essays/", None),  # another site's glossary
        ("//example.org/glossary/soft-power/", "essays/", None),
        ("/glossary/soft-power/", "essays/", None),
    ],
)
def test_glossary_slug(href, base, slug):
    assert glossary_slug(href, base) == slug


@pytest.mark.parametrize(
    "html, base, expected",
    [
        (
            '<p><a href="../../glossary/soft-power/">it</a></p>',
            "essays/e/",
            '<p><a href="../../glossary/soft-power/" class="glossary-link">it</a></p>',
        ),
        (
            '<a class="note-link" href="../soft-power/">x</a>',
            "glossary/charm/",
            '<a class="glossary-link note-link" href="../soft-power/">x</a>',
        ),
        (
            '<A HREF="../liu-cixin/">x</A>',
            "glossary/charm/",
            '<A HREF="../liu-cixin/" class="glossary-link">x</A>',
        ),
        ('<a href="../../glossary/unknown/">x</a>', "essays/e/", '<a href="../../glossary/unknown/">x</a>'),
        (
            '<a href="https://e.org/">soft power</a> soft power',
            "essays/e/",
            '<a href="https://e.org/">soft power</a> soft power',
        ),
        (
            '<a title="mine" href="../soft-power/">x</a>',
            "glossary/charm/",
            '<a title="mine" href="../soft-power/">x</a>',
        ),
        ("<abbr>soft power</abbr>", "essays/e/", "<abbr>soft power</abbr>"),
    ],
    ids=[
        "essay page",
        "entry page, with a class",
        "upper case",
        "no such entry",
        "other links and text",
        "own title kept",
        "not a link",
    ],
)
def test_mark_links_marks_glossary_links_and_nothing_else(html, base, expected):
    assert mark_links(html, SUMMARIES, base) == expected


def _resolved_slug(href, base):
    """The reference: the standard library's URL parsing and path arithmetic."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
        return None
    path = posixpath.normpath(posixpath.join(base if base.endswith("/") else posixpath.dirname(base), parts.path))
    match = None if path.startswith("..") else re.fullmatch(r"glossary/([^/]+?)(?:/|/index\.html|\.html)?", path)
    return match.group(1) if match and match.group(1) != "index" else None


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(["..", ".", "", "glossary", "x", "x.html", "index.html", "essays", "mailto:a"]),
        min_size=1,
        max_size=6,
    ).map("/".join),
    st.sampled_from(["", "#f", "?q=1"]),
    st.sampled_from(
        [
            "",
            "essays/",
            "essays/e/part/",
            "essays/e/part.html",
            "glossary/",
            "glossary/index.html",
            "glossary/x/",
            "glossary/x.html",
            "commentary/e/n/",
        ]
    ),
)
def test_glossary_slug_agrees_with_urlsplit_and_normpath(path, tail, base):
    """The linker resolves addresses with plain string work (it runs for every link); the standard library agrees."""
    assert glossary_slug(path + tail, base) == _resolved_slug(path + tail, base)


@pytest.mark.parametrize(
    "address, written",
    [
        ("../glossary/soft-power/", "../glossary/soft-power/"),
        (
            '../glossary/x" onmouseover="alert(1)" y="/',
            "../glossary/x&quot; onmouseover=&quot;alert(1)&quot; y=&quot;/",
        ),
        ("../glossary/q&a/", "../glossary/q&amp;a/"),
        ("../glossary/a'b/", "../glossary/a&#x27;b/"),
    ],
    ids=["plain", "quotes", "ampersand", "apostrophe"],
)
def test_the_entry_address_is_escaped_in_href(address, written):
    out, _ = link_terms("<p>soft power</p>", MATCHER, SUMMARIES, lambda slug: address)
    assert out == f'<p><a href="{written}" class="glossary-link">soft power</a></p>'


@pytest.mark.parametrize(
    "pages",
    [
        ["<p>Soft power, said Liu.</p>", "<h1>T</h1><p>Soft power, said Liu.</p><p>Liu Cixin and soft power.</p>"],
        ["<p>Liu Cixin</p><p>Liu.</p>", "<p>Liu.</p><p>Liu Cixin</p>", "<p>no names</p>"],
    ],
)
def test_names_remembered_between_pages_link_each_page_as_if_matched_afresh(pages):
    """The whole-essay page shows its sections' text again: a text's names are matched once per build."""
    seen: dict = {}
    calls = []

    class Counting(Matcher):
        def finditer(self, text):
            calls.append(text)
            return super().finditer(text)

    counting = Counting({"soft power": "soft-power", "Liu Cixin": "liu-cixin", "Liu": "liu-cixin"})
    for html in pages:
        remembered = link_terms(html, counting, SUMMARIES, url_for, base="essays/", seen=seen)
        assert remembered == link_terms(html, MATCHER, SUMMARIES, url_for, base="essays/")
    assert len(calls) == len(set(calls)) == len(seen)  # each text matched once, whichever page showed it first
