"""Paragraph matching across imports and the allocation of new ids."""

from __future__ import annotations

import pytest

from edition.features.importer.ids import IdAllocator, match_paragraphs

OLD = [
    ("a-1", "The first paragraph talks about rivers and the cities built on them."),
    ("a-2", "The second paragraph is about bridges, ferries and the people who cross."),
    ("a-3", "A third paragraph closes the section with a thought about time."),
]


@pytest.mark.parametrize(
    "new, expected",
    [
        ([t for _, t in OLD], ["a-1", "a-2", "a-3"]),
        # a word fixed keeps the id
        ([OLD[0][1].replace("rivers", "streams"), OLD[1][1], OLD[2][1]], ["a-1", "a-2", "a-3"]),
        # typographic quotes and spacing do not matter
        (["The  first paragraph talks about rivers and the cities built on them."], ["a-1"]),
        # inserted paragraph gets no old id; order changes do not move ids
        ([OLD[2][1], "Something entirely new, about mountains.", OLD[0][1]], ["a-3", None, "a-1"]),
        # a rewritten paragraph is new text: its old id is not reused
        (["Completely different words here now, nothing shared at all."], [None]),
        # a paragraph removed: the others keep theirs
        ([OLD[0][1], OLD[2][1]], ["a-1", "a-3"]),
    ],
)
def test_match_paragraphs(new, expected):
    assert match_paragraphs(OLD, new) == expected


def test_duplicate_paragraphs_match_in_order():
    old = [("x-1", "Same."), ("x-2", "Same.")]
    assert match_paragraphs(old, ["Same.", "Same.", "Same."]) == ["x-1", "x-2", None]


def test_an_old_id_is_used_once():
    old = [("x-1", "The cat sat on the mat all day long in the sun.")]
    new = ["The cat sat on the mat all day long in the rain.", "The cat sat on the mat all day long in the snow."]
    assert match_paragraphs(old, new) == ["x-1", None]


@pytest.mark.parametrize(
    "issued, elsewhere, base, expected",
    [
        (set(), set(), "reflection", "reflection-1"),
        ({"reflection-1", "reflection-2"}, set(), "reflection", "reflection-3"),
        ({"reflection-1"}, set(), "opening", "opening-1"),
        # a retired id is never issued again
        ({"reflection-5"}, set(), "reflection", "reflection-6"),
        # taken by another essay: prefixed with this essay's slug
        (set(), {"opening-1"}, "opening", "my-essay-opening-1"),
        ({"my-essay-opening-1"}, {"opening-1", "opening-2"}, "opening", "my-essay-opening-2"),
    ],
)
def test_allocator(issued, elsewhere, base, expected):
    assert IdAllocator("my-essay", issued, elsewhere).new(base) == expected


def test_allocator_never_repeats():
    allocator = IdAllocator("e", set(), set())
    ids = [allocator.new("s") for _ in range(50)]
    assert len(set(ids)) == 50
