"""Naming what a re-import changed: one case per kind of change, and the cases that must not be mistaken."""

from __future__ import annotations

import pytest

from edition.features.importer.changes import Placed, classify

A = "The river keeps a notebook of its own and writes a page in silt each spring."
B = "The ferrymen read that notebook better than anyone who lives along the banks."
C = "Herons stand in the reeds like question marks while the water barely moves."
D = "The marsh was drained once in a dry decade and flooded when the rains returned."
NEW = "A fisherman's hut stands on stilts at the edge of the marsh before dawn."
SHIPS, GULLS = "Ships wait in the harbour.", "Gulls circle over the boats."  # short sentences: few trigrams each


def placed(*items: Placed | tuple[str, ...]) -> list[Placed]:
    """Paragraphs as (id, text) on page 'p', or (id, text, page); a Placed stays as it is."""
    return [item if isinstance(item, Placed) else Placed(item[0], (*item, "p")[2], item[1]) for item in items]


def summary(old: list[Placed], new: list[Placed]) -> list[tuple[str, list[str], list[str]]]:
    return [(c.kind, [v.id for v in c.old], [v.id for v in c.new]) for c in classify(old, new)]


OLD = placed(("p-1", A), ("p-2", B), ("p-3", C), ("p-4", D))
SHORT = placed(("p-1", A), ("p-2", B), ("p-3", C), ("p-4", f"{SHIPS} {GULLS}"))
CASES = [
    ("nothing", OLD, []),
    ("markup only", placed(("p-1", A.replace("river", "[river](../../glossary/river.md)")), *OLD[1:]), []),
    ("a word", placed(("p-1", A.replace("silt", "mud")), *OLD[1:]), [("edited", ["p-1"], ["p-1"])]),
    ("added", [*OLD[:2], *placed(("p-5", NEW)), *OLD[2:]], [("added", [], ["p-5"])]),
    ("removed", [OLD[0], *OLD[2:]], [("removed", ["p-2"], [])]),
    ("moved in order", [OLD[1], OLD[0], *OLD[2:]], [("moved", ["p-2"], ["p-2"])]),
    ("moved to a page", [*OLD[:3], Placed("p-4", "q", D)], [("moved", ["p-4"], ["p-4"])]),
    (
        "split, the id kept by a piece",
        [*OLD[:3], *placed(("p-4", D[:42]), ("p-5", D[43:]))],
        [("split", ["p-4"], ["p-4", "p-5"])],
    ),
    (
        "split in three, no piece kept the id",
        placed(("p-5", A[:26]), ("p-6", A[27:50]), ("p-7", A[51:]), *OLD[1:]),
        [("split", ["p-1"], ["p-5", "p-6", "p-7"])],
    ),
    ("joined", placed(("p-1", A), ("p-2", B), ("p-3", f"{C} {D}")), [("joined", ["p-3", "p-4"], ["p-3"])]),
    (
        "joined, no part kept the id",
        placed(("p-5", f"{A} {B} {C}"), ("p-4", D)),
        [("joined", ["p-1", "p-2", "p-3"], ["p-5"])],
    ),
    ("repeated, not split", [*OLD, *placed(("p-5", D))], [("added", [], ["p-5"])]),
    (
        "every kind at once, in the order of the new text",
        placed(("p-1", A.replace("silt", "mud")), ("p-5", NEW), ("p-3", f"{C} {D}")),
        [
            ("edited", ["p-1"], ["p-1"]),
            ("removed", ["p-2"], []),  # where it stood: after p-1, before the new paragraph
            ("added", [], ["p-5"]),
            ("joined", ["p-3", "p-4"], ["p-3"]),
        ],
    ),
]


@pytest.mark.parametrize("new, expected", [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_each_change_is_named(new, expected):
    assert summary(OLD, new) == expected


SHORT_CASES = [
    (
        "split, a short piece with a word changed (most of its trigrams broken, its words kept)",
        [*SHORT[:3], *placed(("p-5", SHIPS.replace("wait", "sleep")), ("p-4", GULLS))],
        [("split", ["p-4"], ["p-5", "p-4"])],
    ),
    (
        "not split: a short new paragraph that shares a trigram but few words",
        [*SHORT[:3], *placed(("p-5", "Nobody in the harbour knew her name."), ("p-4", GULLS))],
        [("added", [], ["p-5"]), ("edited", ["p-4"], ["p-4"])],
    ),
]


@pytest.mark.parametrize("new, expected", [case[1:] for case in SHORT_CASES], ids=[case[0] for case in SHORT_CASES])
def test_short_pieces_are_told_by_their_words(new, expected):
    """A paragraph of two short sentences, cut in two (found by the revisions property test)."""
    assert summary(SHORT, new) == expected


def test_a_removal_records_the_paragraph_it_followed_on_its_page():
    old = placed(("p-1", A), ("p-2", B), ("q-1", C, "q"), ("q-2", D, "q"))
    [first, second] = classify(old, [old[0], old[3]])
    assert (first.kind, first.after, second.kind, second.after) == ("removed", "p-1", "removed", "")


def test_a_near_repeat_removed_beside_a_join_is_removed_not_joined():
    """Found by the revisions property test: the removed paragraph's words are all in the joined one, but only as
    often as the two joined paragraphs put them there, so it was no part of the join."""
    first, second = "Serial1 river stone lamp harbour.", "Serial2 river stone harbour lamp."
    near = "Serial3 river stone lamp harbour."
    old = placed(("p-1", first), ("p-2", second), ("q-1", near, "q"))
    assert summary(old, placed(("p-2", f"{first} {second}"))) == [
        ("joined", ["p-1", "p-2"], ["p-2"]),
        ("removed", ["q-1"], []),
    ]
    repeated = placed(("p-2", f"{first} {second} {near}"))  # joined all three: the third's words are there again
    assert summary(old, repeated) == [("joined", ["p-1", "p-2", "q-1"], ["p-2"])]
