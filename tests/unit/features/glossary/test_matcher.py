"""The one-pattern matcher: whole words, case, longest match, aliases, non-ASCII, scale."""

from __future__ import annotations

import pytest

from edition.features.glossary.matcher import Matcher

NAMES = {
    "The Wandering Earth": "twe",
    "The Wandering Earth II": "twe2",
    "Liu Cixin": "liu",
    "Liu": "liu",
    "刘慈欣": "liu",
    "soft power": "soft-power",
    "UEG": "ueg",
    "Remembrance of Earth's Past": "rep",
    "zero-sum": "zero-sum",
}


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The Wandering Earth II is a prequel to The Wandering Earth.",
            [("The Wandering Earth II", "twe2"), ("The Wandering Earth", "twe")],
        ),
        ("LIU CIXIN and liu", [("LIU CIXIN", "liu"), ("liu", "liu")]),
        ("Liu's novel", [("Liu", "liu")]),
        ("Liuzhou is a city", []),
        ("a soft  power move", [("soft  power", "soft-power")]),
        ("softpower, soft-powered", []),
        ("the UEG Assembly", [("UEG", "ueg")]),
        ("作家刘慈欣的小说", [("刘慈欣", "liu")]),
        ("Remembrance of Earth\u2019s Past trilogy", [("Remembrance of Earth\u2019s Past", "rep")]),
        ("a zero-sum mentality", [("zero-sum", "zero-sum")]),
        ("", []),
        ("\u0130stanbul and Liu Cixin", [("Liu Cixin", "liu")]),
        ("\u0130 UEG, then liu", [("UEG", "ueg"), ("liu", "liu")]),
    ],
)
def test_finditer(text, expected):
    matcher = Matcher(NAMES)
    assert [(text[a:b], slug) for a, b, slug in matcher.finditer(text)] == expected


def test_empty_glossary_matches_nothing():
    assert list(Matcher({}).finditer("anything at all")) == []


def test_five_thousand_terms_compile_into_one_pattern():
    names = {f"term{i} name{i % 97}": f"t{i}" for i in range(5000)}
    matcher = Matcher(names)
    text = "see term4999 name52 and term12 name12 but not term12 name13x"
    assert [s for _, _, s in matcher.finditer(text)] == ["t4999", "t12"]
    assert matcher.pattern.pattern.count("term") == 1  # a prefix tree, not 5,000 alternatives


@pytest.mark.parametrize("length", [100, 600, 5000], ids=["the schema's limit", "past it", "far past it"])
def test_a_long_name_compiles_without_recursion(length):
    """The builder recursed once per character: 500 to 600 characters raised RecursionError."""
    name = "x" * length
    assert [slug for _, _, slug in Matcher({name: "long"}).finditer(f"a {name} b")] == ["long"]


def test_names_nested_as_deep_as_the_schema_allows_compile():
    """Each name that is a prefix of the next nests a group; the schema's 100 characters bound the nesting."""
    names = {"a" * n: f"a{n}" for n in range(1, 101)}
    assert [slug for _, _, slug in Matcher(names).finditer("aaa " + "a" * 100)] == ["a3", "a100"]


@pytest.mark.parametrize(
    "names",
    [NAMES, *({name: slug} for name, slug in NAMES.items()), {"- -": "dashes"}],
    ids=["all", *NAMES, "no-plain-run"],
)
@pytest.mark.parametrize(
    "text",
    [
        "The Wandering Earth II is a prequel",
        "LIU CIXIN and liu",
        "Liuzhou is a city",
        "a soft \n power move",
        "softpower, soft-powered",
        "作家刘慈欣的小说",
        "Remembrance of Earth\u2019s Past trilogy",
        "a zero\u2011sum mentality",
        "\u0130 UEG, then liu",
        "a \u2010 \u2013 b",
        "",
    ],
)
def test_occurs_is_whether_finditer_finds_a_name(names, text):
    matcher = Matcher(names)
    assert matcher.occurs(text) is (next(matcher.finditer(text), None) is not None)
