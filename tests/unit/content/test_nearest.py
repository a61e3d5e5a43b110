"""Tables for suggesting what a mistyped name meant, in small sets and in sets large enough to be narrowed first."""

from __future__ import annotations

import difflib
import random
import string

import pytest

from edition.content.nearest import CUTOFF, Names, nearest

SMALL = ["soft-power", "hard-power", "hugo-award", "liu-cixin", "wolf-warrior-diplomacy"]


@pytest.mark.parametrize(
    ("word", "meant"),
    [
        ("soft-powr", "soft-power"),
        ("hugo-awards", "hugo-award"),
        ("wolf-warrior", "wolf-warrior-diplomacy"),
        ("zzz", None),  # nothing close enough: no guess
        ("", None),
    ],
)
def test_a_small_set_gives_difflib_s_own_answer(word: str, meant: str | None) -> None:
    assert nearest(word, SMALL) == meant
    assert nearest(word, SMALL) == next(iter(difflib.get_close_matches(word, sorted(SMALL), n=1, cutoff=CUTOFF)), None)


def _slugs(count: int, seed: int) -> list[str]:
    """Glossary-like names: two or three made-up words joined by hyphens."""
    rng = random.Random(seed)
    words = ["".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(3, 9))) for _ in range(count)]
    return sorted({"-".join(rng.sample(words, rng.randint(2, 3))) for _ in range(count)})


def _typo(name: str, rng: random.Random) -> str:
    """One letter dropped, doubled or replaced: the mistakes a suggestion is for."""
    at = rng.randrange(len(name))
    return rng.choice([name[:at] + name[at + 1 :], name[:at] + name[at] + name[at:], name[:at] + "x" + name[at + 1 :]])


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_large_set_narrowed_first_still_finds_the_name_a_typo_came_from(seed: int) -> None:
    names = _slugs(3000, seed)
    large = Names(names)
    rng = random.Random(seed)
    for meant in rng.sample(names, 40):
        word = _typo(meant, rng)
        whole = difflib.get_close_matches(word, names, n=1, cutoff=CUTOFF)
        assert large.nearest(word) == whole, word  # the same answer as comparing every name


def test_the_answer_does_not_depend_on_the_order_names_come_in() -> None:
    names = _slugs(1000, 7)
    word = _typo(names[10], random.Random(7))
    assert Names(names).nearest(word) == Names(reversed(names)).nearest(word)


def test_several_answers_come_closest_first() -> None:
    assert Names(["essays/x", "essays/y", "images", "files"]).nearest("essays/z", 3) == ["essays/y", "essays/x"]
