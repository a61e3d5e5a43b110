"""Backlink collection and each linter rule."""

from __future__ import annotations

import pytest

from edition.content.memo import Memo
from edition.content.model import Comment, Essay, Paragraph, Section, Term
from edition.features.glossary import backlinks, lint
from edition.features.glossary.matcher import Matcher

COMMON = (
    "every '{}' in the essays would link here. "
    "Use a more specific name (e.g. 'soft power', not 'power'); link the word by hand where it means this entry."
)


def term(slug, title, **kw):
    return Term(
        slug=slug, title=title, summary=kw.pop("summary", f"About {title}."), path=f"docs/glossary/{slug}.md", **kw
    )


TERMS = {
    "soft-power": term("soft-power", "soft power", see_also=["liu-cixin"]),
    "liu-cixin": term("liu-cixin", "Liu Cixin", aliases=["Liu"]),
}


def essay():
    first = Section(
        "",
        "index",
        [Paragraph("opening-1", "Intro on [soft power](../../glossary/soft-power.md) by Liu.", "essays/e/index.md")],
    )
    second = Section(
        "Culture",
        "culture",
        [
            Paragraph("culture-1", "Nothing to see.", "essays/e/culture.md"),
            Paragraph("culture-2", "Liu Cixin writes.", "essays/e/culture.md"),
        ],
    )
    return Essay("e", "An Essay", "A. Author", "2024-01-01", sections=[first, second])


def test_collect_mentions():
    matcher = Matcher({"soft power": "soft-power", "Liu Cixin": "liu-cixin", "Liu": "liu-cixin"})
    found = backlinks.collect([essay()], matcher, set(TERMS))
    assert [(m.section, m.paragraph, m.page) for m in found["liu-cixin"]] == [
        ("An Essay", "opening-1", "essays/e/index.md"),
        ("Culture", "culture-2", "essays/e/culture.md"),
    ]
    assert [m.paragraph for m in found["soft-power"]] == ["opening-1"]
    assert found["soft-power"][0].excerpt == "Intro on soft power by Liu."


def test_explicit_link_counts_without_matcher():
    found = backlinks.collect([essay()], None, set(TERMS))
    assert list(found) == ["soft-power"]


@pytest.mark.parametrize(
    "text, start, end, expected",
    [
        ("short text", 0, 5, "short text"),
        (
            "word " * 40 + "TARGET" + " word" * 40,
            200,
            206,
            "\u2026" + ("word " * 8).strip() + " TARGET " + ("word " * 8).strip() + "\u2026",
        ),
    ],
)
def test_excerpt(text, start, end, expected):
    assert backlinks.excerpt(text, start, end, width=90) == expected


@pytest.mark.parametrize(
    "terms, expected",
    [
        (
            {"a": term("a", "Alpha", see_also=["b"])},
            ["docs/glossary/a.md: 'see_also' names 'b', which is not a glossary entry."],
        ),
        (
            {"a": term("a", "Alpha", aliases=["AL"]), "b": term("b", "Beta", aliases=["al"])},
            [
                "docs/glossary/b.md: claims the name 'al', which docs/glossary/a.md claims too. Keep it in one "
                "entry's title or aliases."
            ],
        ),
        (
            {"a": term("a", "Alpha", status="stub")},
            [
                "docs/glossary/a.md: is a stub. Write a summary and a few sentences with sources, then remove "
                "'status: stub'."
            ],
        ),
        (
            {"a": term("a", "Alpha", summary="")},
            ["docs/glossary/a.md: has no 'summary'. Add one plain sentence: 'summary: ...'."],
        ),
        (
            {"a": term("a", "Alpha", summary="x" * 201)},
            [
                "docs/glossary/a.md: 'summary' is 201 characters long; the limit is 200. Shorten it; the body can "
                "say more."
            ],
        ),
        (
            {"a": term("a", "Alpha", summary="See [B](b.md).")},
            [
                "docs/glossary/a.md: 'summary' contains markup; it is shown as plain hover text. Remove links, HTML "
                "and '*', '_', '`' marks."
            ],
        ),
        (
            {"a": term("a", "Alpha", summary="<b>x</b>")},
            [
                "docs/glossary/a.md: 'summary' contains markup; it is shown as plain hover text. Remove links, HTML "
                "and '*', '_', '`' marks."
            ],
        ),
        ({"a": term("a", "Alpha")}, []),
        (
            {"a": term("a", "Time")},
            [f"docs/glossary/a.md: title 'Time' is a common English word: {COMMON.format('time')}"],
        ),
        (
            {"a": term("a", "Soft power", aliases=["Power", "SP", "power's"])},
            [f"docs/glossary/a.md: alias 'Power' is a common English word: {COMMON.format('power')}"],
        ),
        (
            {"a": term("a", "United States", aliases=["US"])},
            [f"docs/glossary/a.md: alias 'US' is a common English word: {COMMON.format('us')}"],
        ),
        ({"a": term("a", "Liu Cixin", aliases=["Liu", "Cixin Liu", "Deng", "Mao", "ACRI", "UK", "London", "AL"])}, []),
    ],
)
def test_rules(terms, expected):
    assert [str(p) for p in lint.lint(terms, [], [], "docs")] == expected


def test_missing_target_with_suggestion():
    paragraph = Paragraph("p-1", "See [soft power](../../glossary/soft-powr.md).", "essays/e/index.md")
    e = Essay("e", "E", "A", "2024-01-01", sections=[Section("", "index", [paragraph])])
    note = Comment(
        "e",
        "n",
        "docs/commentary/e/n.md",
        "T",
        "A",
        "2024-01-01",
        "context",
        "p-1",
        "See",
        body="[x](../../glossary/nope.md)",
    )
    problems = [str(p) for p in lint.lint(TERMS, [e], [note], "docs")]
    assert problems == [
        "docs/essays/e/index.md: links to glossary entry 'soft-powr', which does not exist. Did you mean "
        "'soft-power'? Or create docs/glossary/soft-powr.md.",
        "docs/commentary/e/n.md: links to glossary entry 'nope', which does not exist. Or create "
        "docs/glossary/nope.md.",
    ]


def test_the_common_word_list_is_the_shipped_one():
    words = lint.common_words()
    assert len(words) == 1861 and {"the", "time", "power", "people", "us", "may"} <= words
    assert not {"liu", "deng", "mao", "acri", "nato", "london", "uk", "obama"} & words  # names are what entries are for


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("No links.", ()),
        ("[a](../glossary/x.md) [b](../../glossary/y.md#s) [c](../glossary/x.md)", ("x", "y")),
        ("[a](glossary/x.md) [b](../glossary/index.md) [c](../glossary/z.html)", ("x", "index")),
    ],
    ids=["none", "each-once-in-order", "forms"],
)
def test_glossary_links_are_read_once_per_text(text, expected):
    memo = Memo()
    assert backlinks.glossary_links(text, memo) == expected
    assert backlinks.glossary_links(text, memo) == expected
    assert (memo.misses, memo.hits) == (1, 1)


def test_lint_with_a_memo_finds_what_it_finds_without():
    comments = [
        Comment("e", "n", "docs/c/e/n.md", "T", "A", "2024-01-01", "note", "p", "q", "[x](../../glossary/nope.md)")
    ]
    memo = Memo()
    plain = lint.lint(TERMS, [], comments, "docs")
    assert plain and lint.lint(TERMS, [], comments, "docs", memo) == plain == lint.lint(
        TERMS, [], comments, "docs", memo
    )
    assert memo.hits
