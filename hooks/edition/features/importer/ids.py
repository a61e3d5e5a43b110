"""Keep paragraph ids stable from one import to the next.

Commentary points at paragraph ids, so an id must stay with its paragraph
when the essay is re-imported after an edit, and must never move to other
text. Old and new paragraphs are matched in two passes, both close to linear
in the number of paragraphs (no all-pairs comparison):

1. identical text (after normalizing white space, quotes and dashes);
2. for what is left, candidates that share rare word trigrams (an inverted
   index), confirmed by a word-level similarity ratio; a lightly edited
   paragraph keeps its id, a rewritten one gets a new id.

New ids are ``<section-slug>-<n>`` with ``n`` past every number that section
slug ever used (retired ids are never reissued), prefixed with the essay slug
when another essay already owns the plain id, so ids are unique site-wide.
"""

from __future__ import annotations

import re
from collections import defaultdict
from difflib import SequenceMatcher

from edition.content.text import normalize, words

SIMILARITY = 0.6  # word-level ratio at which an edited paragraph keeps its id
MAX_CANDIDATES = 5  # best trigram-sharing candidates confirmed per paragraph
COMMON_TRIGRAM = 50  # trigrams shared by more old paragraphs than this carry no signal
_NUMBERED = re.compile(r"^(?P<base>.+)-(?P<n>\d+)$")


def _key(text: str) -> str:
    return normalize(text).lower()


def _trigrams(tokens: list[str]) -> set[tuple[str, ...]]:
    if len(tokens) < 3:
        return {tuple(tokens)} if tokens else set()
    return {tuple(tokens[i : i + 3]) for i in range(len(tokens) - 2)}


def match_paragraphs(old: list[tuple[str, str]], new: list[str]) -> list[str | None]:
    """For each new paragraph text, the id of the old paragraph it continues, or None.

    ``old`` is ``[(id, text), ...]`` from the previous import, in order.
    """
    result: list[str | None] = [None] * len(new)
    by_text: dict[str, list[int]] = defaultdict(list)
    for index, (_, text) in enumerate(old):
        by_text[_key(text)].append(index)
    used: set[int] = set()
    for position, text in enumerate(new):
        queue = by_text.get(_key(text))
        if queue:
            index = queue.pop(0)
            used.add(index)
            result[position] = old[index][0]
    _match_edited(old, new, result, used)
    return result


def _match_edited(old: list[tuple[str, str]], new: list[str], result: list[str | None], used: set[int]) -> None:
    """Second pass: pair edited paragraphs through shared word trigrams."""
    old_tokens = {i: [w.lower() for w in words(normalize(t))] for i, (_, t) in enumerate(old) if i not in used}
    if not old_tokens:
        return  # a first import, or every old paragraph found unchanged: nothing to pair
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, tokens in old_tokens.items():
        for gram in _trigrams(tokens):
            index[gram].append(i)
    for position, text in enumerate(new):
        if result[position] is not None:
            continue
        tokens = [w.lower() for w in words(normalize(text))]
        shared: dict[int, int] = defaultdict(int)
        for gram in _trigrams(tokens):
            owners = index.get(gram, ())
            if len(owners) > COMMON_TRIGRAM:
                continue
            for i in owners:
                if i not in used:
                    shared[i] += 1
        best, best_ratio = None, SIMILARITY
        for i in sorted(shared, key=lambda k: (-shared[k], k))[:MAX_CANDIDATES]:
            ratio = SequenceMatcher(None, old_tokens[i], tokens, autojunk=False).ratio()
            if ratio >= best_ratio:
                best, best_ratio = i, ratio
        if best is not None:
            used.add(best)
            result[position] = old[best][0]


class IdAllocator:
    """Issues new ids that no paragraph of any essay has, or ever had."""

    def __init__(self, essay_slug: str, ever_issued: set[str], taken_elsewhere: set[str]):
        self.essay_slug = essay_slug
        self.taken = set(ever_issued) | set(taken_elsewhere)
        self.taken_elsewhere = set(taken_elsewhere)
        self.next_number: dict[str, int] = defaultdict(lambda: 1)
        for issued in ever_issued:
            match = _NUMBERED.match(issued)
            if match:
                base = match.group("base").removeprefix(f"{essay_slug}-")
                number = int(match.group("n")) + 1
                self.next_number[base] = max(self.next_number[base], number)

    def new(self, base: str) -> str:
        """A fresh id for a paragraph in the section whose slug is ``base``."""
        while True:
            number = self.next_number[base]
            self.next_number[base] = number + 1
            candidate = f"{base}-{number}"
            if candidate in self.taken_elsewhere:
                candidate = f"{self.essay_slug}-{candidate}"
            if candidate not in self.taken:
                self.taken.add(candidate)
                return candidate
