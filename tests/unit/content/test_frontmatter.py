"""Front matter: every way YAML can fail is a FrontMatterError naming the line, in bounded work, with either loader."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from edition.content import frontmatter
from edition.content.frontmatter import FrontMatterError, split

NOT_VALID = "front matter is not valid YAML"
ALIAS = "aliases are not allowed: write the value out in full"
BOMB = "\n".join(
    ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    + [f"{c}: &{c} [{', '.join(['*' + p] * 9)}]" for p, c in zip("abcdefgh", "bcdefghi", strict=True)]
)

REFUSED = [
    # (case, front matter lines, message): the file's line 1 is the opening '---'
    (
        "impossible date",
        "title: x\ndate: 2023-02-30",
        f"{NOT_VALID} (line 3): '2023-02-30' cannot be read as a date: day is out of range for month",
    ),
    (
        "impossible month",
        "date: 2023-13-01",
        f"{NOT_VALID} (line 2): '2023-13-01' cannot be read as a date: month must be in 1..12",
    ),
    (
        "timestamp tag on text",
        "when: !!timestamp 'soon'",
        f"{NOT_VALID} (line 2): 'soon' cannot be read as a date: 'NoneType' object has no attribute 'groupdict'",
    ),
    (
        "int tag on text",
        "a: 1\nb: !!int 'abc'",
        f"{NOT_VALID} (line 3): 'abc' cannot be read as a whole number: invalid literal for int() with base 10: 'abc'",
    ),
    (
        "float tag on text",
        "b: !!float 'abc'",
        f"{NOT_VALID} (line 2): 'abc' cannot be read as a number: could not convert string to float: 'abc'",
    ),
    (
        "bool tag on text",
        "b: !!bool 'maybe'",
        f"{NOT_VALID} (line 2): 'maybe' cannot be read as true or false: 'maybe'",
    ),
    (
        "a number past Python's digit limit",
        "b: " + "9" * 5000,
        f"{NOT_VALID} (line 2): '{'9' * 39}\u2026' cannot be read as a whole number: "
        "Exceeds the limit (4300 digits) for integer string conversion: value has 5000 d\u2026",
    ),
    (
        "python tag",
        "title: !!python/object/apply:os.system ['echo hi']",
        f"{NOT_VALID} (line 2): could not determine a constructor for the tag "
        "'tag:yaml.org,2002:python/object/apply:os.system'",
    ),
    ("unhashable key", "? [a]\n: b", f"{NOT_VALID} (line 2): found unhashable key"),
    ("syntax", "title: a: b", f"{NOT_VALID} (line 2): mapping values are not allowed in this context"),
    ("control character", "a: 1\nb: x\x07", f"{NOT_VALID} (line 3): control characters are not allowed"),
    ("alias", "a: &x [1]\nb: *x", f"front matter uses the YAML alias '*x' (line 3); {ALIAS}"),
    ("merge key", "a: &x {k: 1}\nb:\n  <<: *x", f"front matter uses the YAML alias '*x' (line 4); {ALIAS}"),
    ("alias bomb", BOMB, f"front matter uses the YAML alias '*a' (line 3); {ALIAS}"),
    (
        "deep nesting",
        "a: " + "[" * 7 + "]" * 7,
        f"front matter nests values more than {frontmatter.MAX_DEPTH} levels deep (line 2); "
        "a field holds text, a list or 'key: value' lines",
    ),
    (
        "nesting at libyaml's limit",
        "a: " + "[" * 999 + "]" * 999,
        f"front matter nests values more than {frontmatter.MAX_DEPTH} levels deep (line 2); "
        "a field holds text, a list or 'key: value' lines",
    ),
    ("a list", "- a\n- b", "front matter must be a set of 'key: value' lines"),
]
PURE_PYTHON_DIFFERS = {  # the pure-Python parser words some errors its own way, and recurses where libyaml stops
    "syntax": f"{NOT_VALID} (line 2): mapping values are not allowed here",
    "control character": f"{NOT_VALID} (line 3): special characters are not allowed",
    "nesting at libyaml's limit": f"front matter nests values more than {frontmatter.MAX_DEPTH} levels deep; "
    "a field holds text, a list or 'key: value' lines",
}


@pytest.fixture(params=["libyaml", "pure Python"])
def loader(request, monkeypatch):
    """Both of PyYAML's safe loaders: the build uses libyaml's when PyYAML has it."""
    if request.param == "pure Python":
        monkeypatch.setattr(frontmatter, "_LOADER", yaml.SafeLoader)
    return request.param


@pytest.mark.parametrize("front, expected", [r[1:] for r in REFUSED], ids=[r[0] for r in REFUSED])
def test_refused_with_the_line(loader, request, front, expected):
    text = f"---\n{front}\n---\n\nBody.\n"
    case = request.node.callspec.id.split("-", 1)[1]
    if loader == "pure Python":
        expected = PURE_PYTHON_DIFFERS.get(case, expected)
    with pytest.raises(FrontMatterError) as caught:
        split(text)
    assert str(caught.value) == expected


@pytest.mark.parametrize(
    "text, meta, body",
    [
        ("---\ntitle: x\n---\nBody", {"title": "x"}, "Body"),
        ("\ufeff---\ntitle: x\n---\nBody", {"title": "x"}, "Body"),  # a byte order mark, as Windows editors write it
        ("\ufeffNo front matter", {}, "No front matter"),
        ("---\n---\nBody", {}, "Body"),
        ("---\ndate: 2024-02-29\n---\n", {"date": dt.date(2024, 2, 29)}, ""),
        ("---\na: &x 1\n---\n", {"a": 1}, ""),  # an anchor alone repeats nothing
        ("---\na: [[[[[x]]]]]\n---\n", {"a": [[[[["x"]]]]]}, ""),  # six levels: the most allowed
        (
            "---\nsources:\n- title: T\n  url: https://e.org\n---\n",
            {"sources": [{"title": "T", "url": "https://e.org"}]},
            "",
        ),
    ],
    ids=[
        "plain",
        "bom",
        "bom without front matter",
        "empty",
        "leap day",
        "anchor without alias",
        "six levels",
        "sources",
    ],
)
def test_accepted(loader, text, meta, body):
    assert split(text) == (meta, body)


def test_the_alias_bomb_is_refused_before_anything_is_expanded(monkeypatch):
    """Nine aliases of nine would be 9**8 strings; the walk stops at the first alias, constructing nothing."""
    monkeypatch.setattr(yaml.constructor.BaseConstructor, "construct_document", lambda *a: pytest.fail("constructed"))
    with pytest.raises(FrontMatterError, match="alias"):
        split(f"---\n{BOMB}\n---\n")
