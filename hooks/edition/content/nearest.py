"""What a mistyped name most likely meant: the nearest of a set of names by ``difflib``'s ratio.

Every "Did you mean ...?" of the build comes from here. ``difflib``
compares a word with each candidate in Python, a few microseconds each:
about 20 ms against the 5,000 entries of a large glossary, for every
mistake, and a hostile note of 100 KB can hold two thousand mistakes. So a
large set is first narrowed to the names that share the most pairs of
letters with the word (an index built once per set, when first needed),
and ``difflib`` compares only those. A name close in ratio shares most of
its pairs of letters with the word, so the narrowing keeps it but for
rare ties; the cost is then one lookup per pair of letters.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterable

CUTOFF = 0.6  # difflib's own default: the ratio at which a name is close enough to suggest
_COMPARED_WHOLE = 200  # a set this small is compared name by name
_SHORTLIST = 50  # names of a larger set that difflib compares: those sharing the most pairs of letters


class Names:
    """A set of names to suggest from, indexed by their pairs of letters once it is large."""

    def __init__(self, names: Iterable[str]) -> None:
        self.names = sorted(set(names))
        self._pairs: dict[str, list[int]] | None = None

    def nearest(self, word: str, n: int = 1) -> list[str]:
        """Up to ``n`` names close to ``word``, the closest first."""
        return difflib.get_close_matches(word, self._candidates(word), n=n, cutoff=CUTOFF)

    def _candidates(self, word: str) -> list[str]:
        if len(self.names) <= _COMPARED_WHOLE:
            return self.names
        if self._pairs is None:
            self._pairs = {}
            for number, name in enumerate(self.names):
                for pair in sorted(_pairs_of(name)):
                    self._pairs.setdefault(pair, []).append(number)
        shared: Counter[int] = Counter()
        for pair in sorted(_pairs_of(word)):  # sorted: the shortlist must not depend on the hash seed
            shared.update(self._pairs.get(pair, ()))
        return [self.names[number] for number, _ in shared.most_common(_SHORTLIST)]


def nearest(word: str, names: Iterable[str]) -> str | None:
    """The name of ``names`` closest to ``word``, or None when none is close enough."""
    found = Names(names).nearest(word)
    return found[0] if found else None


def _pairs_of(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)} or {text}
