"""A glossary entry's front matter: one case per rule, each message naming the field and the type it must have."""

from __future__ import annotations

import datetime as dt

import pytest

from edition.content.model import Source
from edition.content.term_schema import page_meta, validate
from edition.content.terms import load_term

GOOD = {
    "title": "Soft power",
    "summary": "Influence by attraction.",
    "aliases": ["soft-power politics", "SP"],
    "zh": "软实力",
    "see_also": ["hard-power"],
    "sources": [{"title": "Nye, Soft Power (2004)", "url": "https://example.org/nye"}],
}
ALLOWED = "allowed: title, summary, aliases, zh, see_also, sources, status."


def entry(**changes):
    return {**GOOD, **changes}


def test_valid_entry_has_clean_values_and_the_page_s_metadata_is_its_title():
    clean, errors = validate(entry(summary="  Influence by attraction.  "))
    assert errors == []
    assert clean == {
        "title": "Soft power",
        "summary": "Influence by attraction.",
        "aliases": ["soft-power politics", "SP"],
        "zh": "软实力",
        "see_also": ["hard-power"],
        "sources": [Source("Nye, Soft Power (2004)", "https://example.org/nye")],
        "status": "",
    }
    assert page_meta(clean) == {"title": "Soft power"}


def test_a_stub_and_a_single_alias_are_accepted():
    clean, errors = validate({"title": "Stubby", "summary": "", "status": "stub", "aliases": "ST"})
    assert errors == [] and clean["status"] == "stub" and clean["aliases"] == ["ST"]


RULES = [
    # (rule, front matter, expected messages, whether the entry is still usable)
    ("unknown field template", entry(template="main.html"), [f"'template' is not a known field; {ALLOWED}"], True),
    ("unknown field search", entry(search={"exclude": True}), [f"'search' is not a known field; {ALLOWED}"], True),
    ("a key that is not text", {**GOOD, 2024: "x"}, [f"'2024' is not a known field; {ALLOWED}"], True),
    (
        "a key of a hostile length",
        {**GOOD, "k" * 500: "x"},
        [f"'{'k' * 59}\u2026' is not a known field; {ALLOWED}"],
        True,
    ),
    (
        "title missing",
        {k: v for k, v in GOOD.items() if k != "title"},
        ["'title' is missing or empty; write 'title: ...'."],
        False,
    ),
    ("title a list", entry(title=["Soft", "power"]), ["'title' must be text, not a list."], False),
    ("title a number", entry(title=1984), ["'title' must be text, not a number; put it in quotes."], False),
    ("title a date", entry(title=dt.date(2023, 1, 1)), ["'title' must be text, not a date; put it in quotes."], False),
    ("title too long", entry(title="x" * 600), ["'title' is 600 characters long; a name may be at most 100."], False),
    ("title markup", entry(title="<b>Soft</b>"), ["'title' must be plain text: '<' and '>' are not allowed."], True),
    ("summary a list", entry(summary=["a", "b"]), ["'summary' must be text, not a list."], True),
    (
        "aliases a mapping",
        entry(aliases={"a": 1}),
        ["'aliases' must be a list of '- ...' lines, not 'key: value' lines."],
        True,
    ),
    ("aliases a number", entry(aliases=7), ["'aliases' must be a list of '- ...' lines, not a number."], True),
    ("alias a list", entry(aliases=["SP", ["x"]]), ["'aliases[2]' must be text, not a list."], True),
    ("alias empty", entry(aliases=["SP", None]), ["'aliases[2]' is empty; write a name or remove the line."], True),
    (
        "alias too long",
        entry(aliases=["y" * 140]),
        ["'aliases[1]' is 140 characters long; a name may be at most 100."],
        True,
    ),
    (
        "alias markup",
        entry(aliases=["<i>SP</i>"]),
        ["'aliases[1]' must be plain text: '<' and '>' are not allowed."],
        True,
    ),
    ("zh a list", entry(zh=["软", "实力"]), ["'zh' must be text, not a list."], True),
    ("zh too long", entry(zh="软" * 101), ["'zh' is 101 characters long; keep it to 100."], True),
    (
        "see_also text of the wrong type",
        entry(see_also=[3]),
        ["'see_also[1]' must be text, not a number; put it in quotes."],
        True,
    ),
    (
        "sources a mapping",
        entry(sources={"title": "T"}),
        ["'sources' must be a list of '- title: ...' / '  url: ...' items, not 'key: value' lines."],
        True,
    ),
    (
        "source javascript",
        entry(sources=[{"title": "T", "url": "javascript:alert(1)"}]),
        ["'sources[1].url' must be an address starting with http:// or https:// (got 'javascript:alert(1)')."],
        True,
    ),
    (
        "source protocol-less",
        entry(sources=[{"title": "T", "url": "example.org/x"}]),
        ["'sources[1].url' must be an address starting with http:// or https:// (got 'example.org/x')."],
        True,
    ),
    (
        "source url a list",
        entry(sources=[{"title": "T", "url": ["https://e.org"]}]),
        ["'sources[1].url' must be a web address, not a list."],
        True,
    ),
    (
        "source without title",
        entry(sources=[{"url": "https://e.org"}]),
        ["'sources' item 1 needs a 'title' and a 'url'."],
        True,
    ),
    ("status unknown", entry(status="draft"), ["'status' is 'draft'; allowed: stub (or no 'status' line)."], True),
    ("status a list", entry(status=["stub"]), ["'status' must be text, not a list; allowed: stub."], True),
]


@pytest.mark.parametrize("front, expected, usable", [r[1:] for r in RULES], ids=[r[0] for r in RULES])
def test_each_rule_names_the_field_and_its_type(front, expected, usable):
    clean, errors = validate(front)
    assert errors == expected
    assert bool(clean["title"]) == usable


def test_wrong_values_do_not_reach_the_page_or_the_model():
    bad_source = {"title": "T", "url": "javascript:alert(1)"}
    front = entry(aliases=["SP", ["x"], "z" * 140], sources=[bad_source], template="x.html")
    clean, _ = validate(front)
    assert clean["aliases"] == ["SP"] and clean["sources"] == []
    assert page_meta(clean) == {"title": "Soft power"}


@pytest.mark.parametrize(
    "text, problems, loaded",
    [
        ("---\ntitle: T\nsummary: S.\n---\nBody\n", [], True),
        ("\ufeff---\ntitle: T\nsummary: S.\n---\nBody\n", [], True),  # a byte order mark is not front matter
        (
            "---\ntitle: T\nzh: 2023-02-30\n---\n",
            [
                "docs/glossary/t.md: front matter is not valid YAML (line 3): '2023-02-30' cannot be read as a date: "
                "day is out of range for month. Fix the lines between the two '---'."
            ],
            False,
        ),
        ("---\ntitle: [T]\n---\n", ["docs/glossary/t.md: 'title' must be text, not a list."], False),
        (
            "---\ntitle: T\nsummary: S.\ntemplate: main.html\n---\n",
            [f"docs/glossary/t.md: 'template' is not a known field; {ALLOWED}"],
            True,
        ),
        ("No front matter.\n", ["docs/glossary/t.md: 'title' is missing or empty; write 'title: ...'."], False),
    ],
    ids=["good", "bom", "impossible date", "title a list", "unknown field", "no front matter"],
)
def test_load_term(tmp_path, text, problems, loaded):
    path = tmp_path / "t.md"
    path.write_text(text, encoding="utf-8")
    term, found = load_term(path, "docs/glossary/t.md")
    assert [str(p) for p in found] == problems
    assert (term is not None) == loaded
    if term:
        assert term.meta == {"title": "T"}  # the page's metadata: nothing the theme could act on
