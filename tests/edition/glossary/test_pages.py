"""The glossary's generated pages: the entry's Markdown and its "Mentioned in" HTML."""

from __future__ import annotations

import pytest

from edition.glossary.backlinks import Mention
from edition.glossary.pages import entry_page, index_page, mentions_html
from edition.model import Term


def mention(essay, title, section, paragraph, excerpt):
    return Mention(essay, title, section, f"essays/{essay}/s.md", paragraph, excerpt)


@pytest.mark.parametrize(
    ("mentions", "expected"),
    [
        ([], "<p>No essay mentions this term yet.</p>\n"),
        (
            [mention("a", "First", "Opening", "opening-1", "one"), mention("a", "First", "Later", "later-2", "two")],
            '<h3>First</h3>\n<ul class="glossary-mentions"><li>Opening: <a href="a#opening-1">one</a></li>'
            '<li>Later: <a href="a#later-2">two</a></li></ul>\n',
        ),
        (
            [mention("a", "First", "S", "s-1", "x"), mention("b", "Second", "S", "s-1", "y")],
            '<h3>First</h3>\n<ul class="glossary-mentions"><li>S: <a href="a#s-1">x</a></li></ul>\n'
            '<h3>Second</h3>\n<ul class="glossary-mentions"><li>S: <a href="b#s-1">y</a></li></ul>\n',
        ),
        (
            [mention("a", "<T>", "A & B", "s-1", '"<script>"')],
            '<h3>&lt;T&gt;</h3>\n<ul class="glossary-mentions"><li>A &amp; B: '
            '<a href="a#s-1">&quot;&lt;script&gt;&quot;</a></li></ul>\n',
        ),
    ],
    ids=["none", "one-essay", "two-essays", "escaped"],
)
def test_mentions_html(mentions, expected):
    assert mentions_html(mentions, lambda m: f"{m.essay}#{m.paragraph}") == expected


def test_entry_page_ends_with_the_mentions_heading():
    term = Term("soft-power", "soft power", "Influence by attraction.", "docs/glossary/soft-power.md", body="Body.")
    assert entry_page(term, {"soft-power": term}).rstrip().endswith("## Mentioned in")


def test_index_page_is_kept_out_of_search():
    term = Term("soft-power", "soft power", "Influence by attraction.", "docs/glossary/soft-power.md")
    assert "search:\n  exclude: true\n" in index_page([term])
