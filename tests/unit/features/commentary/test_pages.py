"""A note's own page: what search indexes of it, and the whole page."""

from __future__ import annotations

import re

import pytest

from edition.content.model import Comment, Essay, Paragraph, Section, Source
from edition.content.places import Place
from edition.features.commentary import pages
from edition.features.commentary.anchor import ANCHORED, ORPHANED, Anchor

PLACES = {"p-1": Place("Part one", 1)}


def note(**kw) -> Comment:
    values = {
        "essay": "e",
        "name": "n",
        "path": "docs/commentary/e/n.md",
        "title": "A <b>title</b>",
        "author": "A & B",
        "date": "2024-01-01",
        "kind": "context",
        "paragraph": "p-1",
        "quote": "the <quoted> words",
    }
    values.update(kw)
    return Comment(**values)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Plain", '<h1>Plain</h1>\n<div class="note-body"><p>Body</p></div>\n'),
        ("<script>x</script>", '<h1>&lt;script&gt;x&lt;/script&gt;</h1>\n<div class="note-body"><p>Body</p></div>\n'),
    ],
)
def test_note_text_is_title_and_body(title, expected):
    anchor = Anchor(note(title=title), ANCHORED, Paragraph("p-1", "x", "essays/e/index.md"))
    assert pages.note_text(anchor, "<p>Body</p>") == expected


@pytest.mark.parametrize("status", [ANCHORED, ORPHANED])
def test_note_page_adds_byline_passage_and_sources(status):
    paragraph = Paragraph("p-1", "x", "essays/e/index.md") if status == ANCHORED else None
    anchor = Anchor(note(sources=[Source("S", "https://example.org/")]), status, paragraph)
    text = pages.note_text(anchor, "<p>Body</p>")
    page = pages.note_page_html(
        anchor, Essay("e", "E", "Au", "2024-01-01"), text, lambda src, frag="": f"/{src}#{frag}", PLACES
    )
    title, body = text.split("\n", 1)
    assert page.startswith(title + '\n<p class="note-byline">') and body.strip() in page
    assert page.index("note-passage") < page.index("note-body") < page.index("note-sources")
    assert "by A &amp; B" in page and "the &lt;quoted&gt; words" in page
    assert '<ul class="note-sources"><li><a href="https://example.org/" rel="nofollow ugc">S</a></li></ul>' in page
    assert ("/essays/e/index.md#p-1" in page) == (status == ANCHORED)


@pytest.mark.parametrize(
    ("count", "latest", "listed", "says"),
    [(0, 3, 0, False), (3, 3, 3, False), (5, 3, 3, True), (5, 200, 5, False)],
)
def test_site_index_lists_the_newest_notes(count, latest, listed, says):
    anchors = [
        Anchor(
            note(name=f"n{i}", path=f"docs/commentary/e/n{i}.md", date=f"2024-01-{i + 1:02d}"),
            ANCHORED,
            Paragraph("p-1", "x", "essays/e/index.md"),
        )
        for i in range(count)
    ]
    page = pages.site_index(
        anchors, {"e": Essay("e", "E", "Au", "2024-01-01")}, lambda src, frag="": src, PLACES, latest=latest
    )
    assert page.count('<li class="note-item') == listed
    assert (f"The {listed} newest notes of {count};" in page) is says
    names = [f"commentary/e/n{i}.md" for i in reversed(range(count))][:listed]  # newest first
    assert [page.index(f'href="{n}"') for n in names] == sorted(page.index(f'href="{n}"') for n in names)


@pytest.mark.parametrize("name", ["q&a", 'say"hi"', "plain"])
def test_index_links_to_a_callout_escaped_once(name):
    """The callout's id goes into the link once escaped, as it is written on the essay page."""
    paragraph = Paragraph("p-1", "x", "essays/e/index.md")
    anchor = Anchor(note(name=name), ANCHORED, paragraph)
    essay = Essay("e", "E", "Au", "2024-01-01", sections=[Section("E", "index", [paragraph])])
    page = pages.essay_index(
        essay, [anchor], {"e": essay}, lambda src, frag="": f"/{src}" + (f"#{frag}" if frag else ""), PLACES
    )
    escaped = name.replace("&", "&amp;").replace('"', "&quot;")
    assert f'href="/essays/e/index.md#note--{escaped}"' in page
    assert "&amp;amp;" not in page and "&amp;quot;" not in page


@pytest.mark.parametrize(
    ("page", "named"),
    [
        ("note", '<p>&mdash; <a href="/essays/e/index.md#p-1">E &amp; co, Part one, \u00b6 1</a></p>'),
        ("essay index", '<br><a href="/essays/e/index.md#note--n">Part one, \u00b6 1</a></p>'),
        ("site index", '<br>on <a href="/essays/e/index.md#note--n">E &amp; co, Part one, \u00b6 1</a></p>'),
    ],
)
def test_pages_name_a_passage_by_section_and_number_never_by_id(page, named):
    paragraph = Paragraph("p-1", "x", "essays/e/index.md")
    anchor = Anchor(note(), ANCHORED, paragraph)
    essay = Essay("e", "E & co", "Au", "2024-01-01", sections=[Section("Part one", "index", [paragraph])])

    def link(src, frag=""):
        return f"/{src}" + (f"#{frag}" if frag else "")

    html = {
        "note": lambda: pages.note_page_html(anchor, essay, pages.note_text(anchor, ""), link, PLACES),
        "essay index": lambda: pages.essay_index(essay, [anchor], {"e": essay}, link, PLACES),
        "site index": lambda: pages.site_index([anchor], {"e": essay}, link, PLACES),
    }[page]()
    assert named in html
    assert "p-1<" not in html and "paragraph p-1" not in html


@pytest.mark.parametrize("index", ["essay index", "site index"])
@pytest.mark.parametrize(
    ("kinds", "boxes"),
    [([], []), (["question"], ["question"]), (["question", "context", "question"], ["context", "question"])],
)
def test_both_indexes_offer_the_essay_pages_filter_for_the_kinds_they_list(index, kinds, boxes):
    """The same fieldset as on the essay pages, before the list, written by the build (nothing moves on load)."""
    paragraph = Paragraph("p-1", "x", "essays/e/index.md")
    anchors = [Anchor(note(name=f"n{i}", kind=k), ANCHORED, paragraph) for i, k in enumerate(kinds)]
    essay = Essay("e", "E", "Au", "2024-01-01", sections=[Section("E", "index", [paragraph])])
    page = {
        "essay index": lambda: pages.essay_index(essay, anchors, {"e": essay}, lambda src, frag="": src, PLACES),
        "site index": lambda: pages.site_index(anchors, {"e": essay}, lambda src, frag="": src, PLACES),
    }[index]()
    assert re.findall(r'name="note-kind" value="(\w+)"', page) == boxes
    if boxes:
        assert page.index('<fieldset class="note-filter">') < page.index('<ol class="note-list">')


@pytest.mark.parametrize(
    ("kinds", "says"),
    [
        ([], "<p>No notes yet.</p>"),
        (["question"], '<p class="note-kind-counts">1 note (Question: 1).</p>'),
        (["question", "context", "question"], '<p class="note-kind-counts">3 notes (Context: 1, Question: 2).</p>'),
    ],
)
def test_an_essays_index_counts_its_notes_in_words_that_agree(kinds, says):
    """One note is "1 note", not "1 notes"."""
    paragraph = Paragraph("p-1", "x", "essays/e/index.md")
    anchors = [Anchor(note(name=f"n{i}", kind=k), ANCHORED, paragraph) for i, k in enumerate(kinds)]
    essay = Essay("e", "E", "Au", "2024-01-01", sections=[Section("E", "index", [paragraph])])
    assert says in pages.essay_index(essay, anchors, {"e": essay}, lambda src, frag="": src, PLACES)
