"""Setting a note's front matter values in place: only their spans change, and every value reads back."""

from __future__ import annotations

import pytest
import yaml

from edition.content import frontmatter
from edition.features.commentary.note_fields import set_values

NOTE = (
    "---\n"
    'title: "On paragraph: x"  # a comment that mentions paragraph:\n'
    "target:\n"
    "  paragraph: upstream-1\n"
    '  quote: "worn smooth"\n'
    "---\n\nBody with target:\n  paragraph: kept.\n"
)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (
            {("target", "paragraph"): "upstream-3"},
            NOTE.replace("  paragraph: upstream-1", "  paragraph: upstream-3"),
        ),
        (
            {("target", "quote"): 'Liu\'s "disdain": of'},
            NOTE.replace('  quote: "worn smooth"', '  quote: "Liu\'s \\"disdain\\": of"'),
        ),
        (
            {("status",): "resolved", ("resolved_in",): 2},
            NOTE.replace('"worn smooth"\n---', '"worn smooth"\nstatus: resolved\nresolved_in: 2\n---'),
        ),
        (
            {("target", "quote"): "worn smooth and slippery", ("revision",): 5},
            NOTE.replace('"worn smooth"\n---', '"worn smooth and slippery"\nrevision: 5\n---'),
        ),
    ],
    ids=["a plain value", "a value that needs quoting", "keys added", "a value replaced and a key added"],
)
def test_only_the_values_change(values, expected):
    changed = set_values(NOTE, values)
    assert changed == expected
    meta, body = frontmatter.split(changed)
    for path, value in values.items():
        found = meta
        for key in path:
            found = found[key]
        assert found == value
    assert body == frontmatter.split(NOTE)[1]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("No front matter.\n", {("status",): "resolved"}),
        ("---\ntarget: [\n---\n", {("status",): "resolved"}),
        ("---\ntarget:\n  quote: |\n    a\n---\n", {("target", "quote"): "b"}),
        ("---\na: &q x\ntarget:\n  quote: *q\n---\n", {("target", "quote"): "b"}),
        ("---\n{title: x}\n---\n", {("status",): "resolved"}),
        ("---\ntarget: {}\n---\n", {("target", "quote"): "b"}),
    ],
    ids=["no front matter", "not YAML", "a block scalar", "an alias", "a flow mapping", "a key not at the top"],
)
def test_what_cannot_be_set_exactly_is_refused(text, values):
    assert set_values(text, values) is None


def test_an_expected_value_that_differs_is_refused():
    assert set_values(NOTE, {("target", "paragraph"): "b"}, expect={("target", "paragraph"): "other"}) is None
    assert yaml.safe_load(NOTE.split("---")[1])["target"]["paragraph"] == "upstream-1"
