"""Essay-page decoration: highlights across markup, callouts in date order, actions, escaping."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from edition.content import frontmatter
from edition.content.model import Comment, Paragraph
from edition.content.note_schema import validate
from edition.features.commentary import render
from edition.features.commentary.anchor import ANCHORED, Anchor

MARK = '<mark class="note-quote" id="quote--n" aria-details="note--n">'
MORE = '<mark class="note-quote" aria-details="note--n">'
REF = '<a class="note-ref" href="#note--n" aria-label="L"></a>'

HIGHLIGHTS = [
    ("plain", "a b c d", "b c", f"a {MARK}b c</mark>{REF} d"),
    ("across em", "a <em>b c</em> d", "c d", f"a <em>b {MARK}c</mark></em>{MORE} d</mark>{REF}"),
    (
        "ends inside a link",
        'x <a href="/g">Zhao Lijian</a>, y',
        "x Zhao",
        f'{MARK}x </mark><a href="/g">{MORE}Zhao</mark> Lijian</a>{REF}, y',
    ),
    (
        "entities",
        "He said &#39;wolf&#39; &amp; left",
        "said 'wolf' &",
        f"He {MARK}said &#39;wolf&#39; &amp;</mark>{REF} left",
    ),
    ("typographic quotes", "the \u201cwolf\u201d way", '"wolf" way', f"the {MARK}\u201cwolf\u201d way</mark>{REF}"),
    ("line break in source", "a\nb", "a b", f"{MARK}a\nb</mark>{REF}"),
    (
        "decomposed quote, precomposed page",
        "le caf\u00e9 au lait",
        "cafe\u0301 au",
        f"le {MARK}caf\u00e9 au</mark>{REF} lait",
    ),
    (
        "precomposed quote, decomposed page",
        "le cafe\u0301 au lait",
        "caf\u00e9 au",
        f"le {MARK}cafe\u0301 au</mark>{REF} lait",
    ),
    ("accent written as an entity", "cafe&#769; au lait", "caf\u00e9 au", f"{MARK}cafe&#769; au</mark>{REF} lait"),
    (
        "quote ends on a decomposed letter",
        "un cafe\u0301, merci",
        "un caf\u00e9",
        f"{MARK}un cafe\u0301</mark>{REF}, merci",
    ),
    (
        "soft hyphen in the page, across markup",
        "a won\u00adder<em>ful</em> day",
        "wonderful day",
        f"a {MARK}won\u00adder</mark><em>{MORE}ful</mark></em>{MORE} day</mark>{REF}",
    ),
    ("soft hyphen in the quote", "a wonderful day", "won\u00adderful", f"a {MARK}wonderful</mark>{REF} day"),
    (
        "a match that cuts an accent is not the reader's",
        "cafe\u0301 or cafe",
        "cafe",
        f"cafe\u0301 or {MARK}cafe</mark>{REF}",
    ),
    (
        "a match inside an entity is not the reader's",
        "R&amp;D and amp; here",
        "amp;",
        f"R&amp;D and {MARK}amp;</mark>{REF} here",
    ),
    (
        "unknown entity before a folded quote",
        "a &foo; \u201cwolf\u201d b",
        '"wolf" b',
        f"a &foo; {MARK}\u201cwolf\u201d b</mark>{REF}",
    ),
    (
        "entity of two characters before a folded quote",
        "&NotEqualTilde; \u201cwolf\u201d",
        '"wolf"',
        f"&NotEqualTilde; {MARK}\u201cwolf\u201d</mark>{REF}",
    ),
]


@pytest.mark.parametrize("inner, quote, expected", [c[1:] for c in HIGHLIGHTS], ids=[c[0] for c in HIGHLIGHTS])
def test_highlight(inner, quote, expected):
    assert render.highlight(inner, quote, "n", "L") == (expected, True)


OCCURRENCES = [
    # (case, paragraph HTML, quote, occurrences passed over, expected)
    ("second", "the film, the film", "the film", 1, f"the film, {MARK}the film</mark>{REF}"),
    ("second across markup", "a <em>b</em> a b", "a b", 1, f"a <em>b</em> {MARK}a b</mark>{REF}"),
    ("third, folded", "“x” “x” “x”", '"x"', 2, f"“x” “x” {MARK}“x”</mark>{REF}"),
    ("overlapping, as the anchorer counts", "aaa", "aa", 1, f"a{MARK}aa</mark>{REF}"),
]  # fmt: skip


@pytest.mark.parametrize(
    "inner, quote, passed, expected", [c[1:] for c in OCCURRENCES], ids=[c[0] for c in OCCURRENCES]
)
def test_highlight_marks_the_occurrence_the_anchor_chose(inner, quote, passed, expected):
    assert render.highlight(inner, quote, "n", "L", passed) == (expected, True)


def test_highlight_of_a_missing_occurrence_leaves_html_alone():
    assert render.highlight("the film", "the film", "n", "L", 1) == ("the film", False)


def test_highlight_not_found_leaves_html_alone():
    assert render.highlight("a <em>b</em>", "zzz", "n", "L") == ("a <em>b</em>", False)


def test_overlapping_highlights_nest():
    once, _ = render.highlight("a b c d", "a b c", "one", "L")
    twice, found = render.highlight(once, "c d", "two", "L")
    assert found
    assert twice.count("<mark") == twice.count("</mark>") == 3
    assert 'id="quote--one"' in twice and 'id="quote--two"' in twice


def comment(name="n", date="2024-01-01", title="T", **kw) -> Comment:
    values = {
        "essay": "e",
        "name": name,
        "path": f"docs/commentary/e/{name}.md",
        "title": title,
        "author": "A",
        "date": date,
        "kind": "context",
        "paragraph": "p-1",
        "quote": "b",
    }
    values.update(kw)
    return Comment(**values)


def placed(c: Comment) -> Anchor:
    return Anchor(c, ANCHORED, Paragraph("p-1", "a b", "essays/e/index.md"))


def test_decorate_places_callouts_after_paragraph_in_date_order():
    notes = {"p-1": render.by_date([placed(comment("late", "2024-03-01")), placed(comment("early", "2024-01-01"))])}
    page = '<h1>E</h1>\n<p id="p-1">a b</p>\n<p id="other">x</p>'
    out = render.decorate(page, {"p-1", "other"}, notes, lambda a, h: f"[{a.comment.name}:{h}]", lambda pid: None)
    assert out.index("[early:True]") < out.index("[late:True]")
    assert out.index("</p>") < out.index('<div class="paragraph-actions">') < out.index("[early")
    assert out.count('<div class="paragraph-actions">') == 2


def test_paragraphs_outside_the_essay_are_untouched():
    page = '<p id="intro">Hi</p>'
    assert render.decorate(page, {"p-1"}, {}, lambda a, h: "", lambda pid: None) == page


def test_callout_escapes_front_matter_and_links_both_ways():
    html = render.callout(comment(title='Q&A " onmouseover="x', author="<b>"), "<p>body</p>", "../n/", True)
    assert 'onmouseover="x' not in html and "<b>" not in html
    assert "Q&amp;A &quot; onmouseover=&quot;x" in html
    assert 'id="note--n"' in html and 'href="#quote--n"' in html
    assert 'data-source="docs/commentary/e/n.md"' in html
    assert html.startswith('<details class="note-callout info"')
    assert '<span class="note-meta">by <span class="note-author">&lt;b&gt;</span>, <time datetime=' in html


def test_callout_without_highlight_links_to_the_paragraph():
    assert 'href="#p-1">&uarr; passage' in render.callout(comment(), "", "x/", False)


def test_paragraph_actions_are_labelled_links():
    html = render.paragraph_actions("p-1", "https://github.com/o/r/new/main/docs/commentary/e?filename=p-1.md")
    assert '<a class="paragraph-permalink" href="#p-1" aria-label="Link to this paragraph">' in html
    assert 'aria-label="Propose a note on this paragraph"' in html
    assert render.paragraph_actions("p-1", None).count("<a ") == 1


def test_the_propose_link_names_the_file_only():
    url = render.propose_link("https://github.com/o/r/", "main", "docs/commentary/e", "p-1.md")
    assert url == "https://github.com/o/r/new/main/docs/commentary/e?filename=p-1.md"


def _note(revision: int, pid: str) -> str:
    """The note the page's script adds to a comment action's address, as annotate.js joins it (``value=``)."""
    value = render.note_template(revision).replace(render.PARAGRAPH_SLOT, quote(pid, safe=""))
    return parse_qs(urlsplit(f"https://github.com/o/r/new/main/e?filename=x.md&value={value}").query)["value"][0]


@pytest.mark.parametrize(("revision", "pid"), [(1, "p-1"), (3, "p-1"), (2, "zh\u014du-2")])
def test_the_note_to_start_from_names_the_paragraph_and_the_revision(revision, pid):
    assert _note(revision, pid) == (
        '---\ntitle: "Your title"  # what your note says, in a few words\n'
        'author: "Your name"  # as it should appear on the note\n'
        "date: YYYY-MM-DD  # the day you write it\n"
        "kind: context  # one of: context, critique, correction, question, translation\n"
        f"revision: {revision}  # the revision of the essay you read (its revisions page lists them)\n"
        f'target:\n  paragraph: {pid}\n  quote: ""  # copy the exact words your note is about\n---\n\n'
        "Write your note here. See CONTRIBUTING.md.\n"
    )


def test_the_note_template_holds_one_slot_and_no_other_brace():
    template = render.note_template(1)
    assert template.count(render.PARAGRAPH_SLOT) == 1
    assert template.replace(render.PARAGRAPH_SLOT, "").count("{") == 0


def test_the_proposed_note_is_valid_once_the_page_fills_in_its_date_and_quote():
    """annotate.js replaces the `date:` and `  quote:` lines and adds the context: every other field is valid."""
    note = _note(2, "p-1")
    filled = re.sub(r"(?m)^date: .*$", "date: 2024-02-01", note)
    filled = re.sub(r"(?m)^  quote: .*$", '  quote: "some words"\n  prefix: "just"', filled)
    meta, _ = frontmatter.split(filled)
    clean, errors = validate(meta, today=dt.date(2024, 2, 1))
    assert errors == []
    assert (clean["quote"], clean["prefix"], clean["paragraph"]) == ("some words", "just", "p-1")
    assert clean["revision"] == 2


@pytest.mark.parametrize(
    "inner, quote",
    [
        ("plain text with a quote in it", "a quote"),
        ('text <a href="../g/">inside a link</a> after', "inside a"),
        ("R&amp;D spending rose", "R&D spending"),
        ("<em>emphasis</em> then words", "then words"),
        ("across <em>the emphasis</em> and on", "across the emphasis and"),
        ('ends <a href="../g/">inside a link</a> here', "ends inside"),
        ('starts <a href="../g/">inside a link</a> here', "link here"),
        ('a <a href="x"><em>nested</em> link</a>, after', "a nested link, after"),
        ('the title="words in a tag" <b>words in a tag</b>', "words in a tag"),
    ],
)
def test_between_tags_fast_path_agrees_with_the_folded_search(inner, quote):
    assert render._between_tags(inner, quote) == render._folded(inner, quote)


@pytest.mark.parametrize(
    "inner, quote",
    [
        ("cafe\u0301 au lait", "cafe"),  # the page goes on with a combining mark
        ("cafe&#769; au lait", "cafe"),  # ... written as an entity
        ("won\u00adderful", "won"),  # ... with an invisible character
        ("R&amp;D", "amp;D"),  # starts inside an entity
        ("a\u0301b", "\u0301b"),  # starts with a combining mark
    ],
)
def test_fast_path_leaves_what_is_not_the_readers_match_to_the_folded_search(inner, quote):
    assert render._between_tags(inner, quote) is None


@pytest.mark.parametrize(
    "name, written",
    [("n", "n"), ("q&a", "q&amp;a"), ('say"hi"', "say&quot;hi&quot;"), ("<b>", "&lt;b&gt;")],
    ids=["plain", "ampersand", "quotes", "tag"],
)
def test_ids_from_a_note_name_are_escaped_once_wherever_written(name, written):
    """The ids are text; every attribute they go into escapes them once (never twice, never not at all)."""
    assert render.callout_id(name) == f"note--{name}" and render.quote_id(name) == f"quote--{name}"
    callout = render.callout(comment(name=name), "", "x/", True)
    assert f'id="note--{written}"' in callout and f'href="#quote--{written}"' in callout
    marked, found = render.highlight("a b c", "b", name, "L")
    assert found
    assert f'id="quote--{written}" aria-details="note--{written}"' in marked
    assert f'href="#note--{written}"' in marked
    assert "&amp;amp;" not in callout + marked and "&amp;quot;" not in callout + marked


@pytest.mark.parametrize(
    ("previous", "following", "links"),
    [
        (None, None, []),
        (
            render.Neighbour("../a/#note--x", 'Say "hi" & <go>'),
            None,
            [
                '<a class="note-prev" href="../a/#note--x" aria-label="Previous note: Say &quot;hi&quot; &amp; '
                '&lt;go&gt;">&larr; Previous note</a>'
            ],
        ),
        (
            render.Neighbour("#note--a", "A"),
            render.Neighbour("#note--b", "B"),
            [
                '<a class="note-prev" href="#note--a" aria-label="Previous note: A">&larr; Previous note</a>',
                '<a class="note-next" href="#note--b" aria-label="Next note: B">Next note &rarr;</a>',
            ],
        ),
    ],
    ids=["only note", "last note, hostile title", "between two"],
)
def test_a_callout_links_the_previous_and_next_notes_named_by_title(previous, following, links):
    html = render.callout(comment(), "", "../n/", True, previous, following)
    found = re.findall(r'<a class="note-(?:prev|next)".*?</a>', html)
    assert found == links
    assert '<button type="button" class="note-cite" aria-haspopup="dialog" aria-expanded="false">' in html


def test_neighbours_are_the_notes_before_and_after_in_reading_order():
    a, b, c = (placed(comment(name)) for name in "abc")
    around = render.neighbours([a, b, c])
    assert {name: (p and p.comment.name, n and n.comment.name) for name, (p, n) in around.items()} == {
        "a": (None, "b"),
        "b": ("a", "c"),
        "c": ("b", None),
    }


@pytest.mark.parametrize(
    ("kinds", "boxes"),
    [
        ([], []),
        (["question", "context", "question"], ["context", "question"]),  # each kind once, in the schema's order
        (list(render.KINDS), list(render.KINDS)),
    ],
)
def test_the_filter_offers_the_kinds_the_essay_s_notes_have(kinds, boxes):
    html = render.note_filter(kinds)
    assert re.findall(r'<input type="checkbox" name="note-kind" value="(\w+)" checked>', html) == boxes
    assert (html.startswith('<fieldset class="note-filter"><legend>Notes shown</legend>')) == bool(boxes)
    assert html.count('role="status"') == bool(boxes)  # present before any change, so a change is announced


@pytest.mark.parametrize(
    ("names", "note", "expected"),
    [
        (set(), "n", '<div class="note-proposal" hidden data-note-names="" data-note-value="n"></div>\n'),
        (
            {"zhou", "biding-time", "a-2"},  # sorted, so that the page does not change between builds
            "---%0A",
            '<div class="note-proposal" hidden data-note-names="a-2 biding-time zhou" '
            'data-note-value="---%0A"></div>\n',
        ),
        (
            ['x"><script>'],
            '"><b>',
            '<div class="note-proposal" hidden data-note-names="x&quot;&gt;&lt;script&gt;" '
            'data-note-value="&quot;&gt;&lt;b&gt;"></div>\n',
        ),
    ],
)
def test_the_page_holds_every_note_name_of_its_essay_and_the_note_to_start_from(names, note, expected):
    assert render.proposals(names, note) == expected


def test_a_paragraph_s_actions_carry_no_icon_markup():
    """The stylesheet draws the icons: an inline SVG in each paragraph's actions was half a kilobyte a paragraph."""
    html = render.paragraph_actions(
        "p-1", "https://github.com/o/r/new/main/e?filename=p-1.md", render.Citable("#p-1", "¶ 1")
    )
    assert "<svg" not in html and len(html) < 600


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("<h1>T</h1>\n<p>x</p>", "<h1>T</h1>\n[+]\n<p>x</p>"),
        ('<h1 id="t">T<a href="#t">¶</a></h1><h1>U</h1>', '<h1 id="t">T<a href="#t">¶</a></h1>\n[+]<h1>U</h1>'),
        ("<p>no title</p>", "[+]<p>no title</p>"),
    ],
)
def test_the_filter_goes_right_after_the_page_s_title(page, expected):
    assert render.after_title(page, "[+]") == expected


def test_a_paragraph_offers_its_citation_with_its_address_and_place_escaped():
    html = render.paragraph_actions("p-1", None, render.Citable('../s/#p-1" x="', "China's strategy, \u00b6 2"))
    assert (
        '<button type="button" class="paragraph-cite" aria-label="Cite this paragraph" aria-haspopup="dialog" '
        'aria-expanded="false" data-cite-href="../s/#p-1&quot; x=&quot;" '
        'data-cite-place="China&#x27;s strategy, \u00b6 2">'
    ) in html
    assert html.index("paragraph-permalink") < html.index("paragraph-cite")


def test_decorate_gives_highlights_their_note_s_kind_and_paragraphs_their_citation():
    notes = {"p-1": [placed(comment("n", kind="critique"))]}
    out = render.decorate(
        '<p id="p-1">a b</p>', {"p-1"}, notes, lambda a, h: "", lambda pid: None, lambda pid: render.Citable("#x", pid)
    )
    assert '<mark class="note-quote" id="quote--n" aria-details="note--n" data-kind="critique">b</mark>' in out
    assert '<a class="note-ref" href="#note--n" aria-label="Context note: T" data-kind="critique"></a>' not in out
    assert 'aria-label="Critique note: T" data-kind="critique"></a>' in out
    assert 'data-cite-place="p-1"' in out
