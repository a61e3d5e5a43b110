"""The passage most like a quote the essay does not contain: the suggestion in an orphan's message.

A quote with a typo often has fewer words than the passage it was copied
from (``Many yearslater`` for ``Many years later,``), so the windows
compared are runs of whole words from as many words as the quote has to
:data:`SPREAD` more, scored by ``difflib``'s ``SequenceMatcher.ratio`` (the
similarity the message prints). Never fewer: the ratio rewards leaving out a
word the writer got wrong (``years later,`` is 79% like ``Some years later``,
``Many years later,`` 73%), and a suggestion without that word hides the
mistake it should show. On simulated mistakes (a wrong word, a merged or
split word, an extra or missing word, typos) over the real and the
benchmark's paragraphs, the suggestion holds the whole passage meant 97% of
the time this way, 81% with windows down to two words fewer.

The ratio is costly, so windows are scored best-first over upper bounds
(see :func:`best_window`) until no bound left can beat the best ratio
found. The result is the window with the highest real ratio (ties go to the
earliest window: first stretch, then first word, then fewest words), as if
every window had been scored; ``tests/edition/commentary/test_closest.py``
checks that against brute force. :data:`EXACT_LIMIT` caps the real ratios
computed, so a text built to defeat the bounds still costs bounded time.
"""

from __future__ import annotations

import difflib
import heapq
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate

SPREAD = 2  # windows from the quote's word count to this many words more
MIN_SIMILARITY = 0.6  # below this, a passage is not worth offering
EXACT_LIMIT = 200  # real ratios computed per quote at most

Bounded = Iterator[tuple[float, tuple[int, ...], str]]  # (upper bound, rank, passage or "" for a start)


@dataclass(frozen=True)
class Stretch:
    """Where windows may start: words ``first`` to ``last - 1`` of a folded text (a window may end later).

    ``words`` is the whole text split at its spaces and ``offsets[i]`` where
    word ``i`` starts; the stretches of one paragraph share both lists.
    """

    text: str
    words: list[str]
    offsets: list[int]
    first: int
    last: int


def stretches(text: str, size: int) -> list[Stretch]:
    """``text`` (folded) as stretches of ``size`` words, so that a long paragraph is searched in parts."""
    words = text.split(" ")
    offsets = list(accumulate((len(word) + 1 for word in words), initial=0))
    return [Stretch(text, words, offsets, first, first + size) for first in range(0, len(words), size)]


def widths(quote: str) -> range:
    """The window widths, in words, compared with ``quote`` (a folded text)."""
    count = quote.count(" ") + 1
    return range(count, count + SPREAD + 1)


def best_window(quote: str, searched: Sequence[Stretch]) -> tuple[int, str, float] | None:
    """``(stretch index, passage, ratio)`` of the window most like ``quote``, or None below :data:`MIN_SIMILARITY`.

    Best-first over upper bounds, each tighter and dearer than the one
    before, so that most windows cost little: each start first gets one
    bound for all its windows (from its widest window, slid along the text a
    word at a time); a start still in the running gets each window's
    ``quick_ratio`` bound; a window still in the running gets the bound of
    the longest common subsequence (the ratio's matching blocks are one), and
    only then its real ratio. A rank orders windows as the text does.
    """
    need = dict(Counter(quote))
    heap: list[tuple[float, tuple[int, ...], int, int, str]] = []  # (-bound, rank, level, stretch index, passage)
    for index, stretch in enumerate(searched):
        heap += (
            (-bound, rank, _WINDOW if passage else _START, index, passage)
            for bound, rank, passage in _starts(stretch, index, quote, need)
        )
    heapq.heapify(heap)
    subsequence = _Subsequence(quote)
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(quote)
    best_rank: tuple[int, ...] = (-1,)
    best_ratio, best_index, best_passage = MIN_SIMILARITY, -1, ""
    ratios = 0
    while heap and ratios < EXACT_LIMIT:
        negative, rank, level, index, passage = heapq.heappop(heap)
        if -negative < best_ratio or (-negative == best_ratio and rank > best_rank):
            break  # nothing left can beat the best, nor tie it from earlier in the text
        if level == _START:
            for bound, window_rank, window in _windows(searched[index], rank, quote, need):
                heapq.heappush(heap, (-bound, window_rank, _WINDOW, index, window))
        elif level == _WINDOW:
            heapq.heappush(heap, (-subsequence.bound(passage), rank, _SUBSEQUENCE, index, passage))
        else:
            matcher.set_seq1(passage)
            ratio = matcher.ratio()
            ratios += 1
            if ratio > best_ratio or (ratio == best_ratio and best_passage and rank < best_rank):
                best_ratio, best_rank, best_index, best_passage = ratio, rank, index, passage
    return (best_index, best_passage, best_ratio) if best_passage else None


_START, _WINDOW, _SUBSEQUENCE = range(3)  # what a heap entry's bound is: of a start, a window, a window's subsequence


class _Subsequence:
    """The longest common subsequence of a window and the quote, bit-parallel (Hyyrö 2004): a tight, cheap bound.

    ``SequenceMatcher``'s matching blocks are a common subsequence, so twice
    its length over both lengths bounds the ratio. One integer holds a row of
    the dynamic programme, a bit per character of the quote, so a window
    costs a few integer operations per character instead of a row of cells.
    """

    def __init__(self, quote: str):
        self.quote = quote
        self.masks: dict[str, int] = {}
        for position, char in enumerate(quote):
            self.masks[char] = self.masks.get(char, 0) | 1 << position
        self.full = (1 << len(quote)) - 1

    def bound(self, window: str) -> float:
        """Twice the common subsequence's length over both lengths."""
        masks, full = self.masks, self.full
        row = full
        for char in window:
            matched = row & masks.get(char, 0)
            row = ((row + matched) | (row - matched)) & full
        common = len(self.quote) - row.bit_count()
        return 2.0 * common / (len(window) + len(self.quote))


class _Tally:
    """How many characters a window shares with the quote (as multisets), kept as words join and leave it."""

    def __init__(self, need: dict[str, int]):
        self.need = need
        self.have: dict[str, int] = {}
        self.shared = 0

    def add(self, word: str) -> None:
        need, have = self.need, self.have
        for char in word:
            count = have.get(char, 0)
            if count < need.get(char, 0):
                self.shared += 1
            have[char] = count + 1

    def remove(self, word: str) -> None:
        need, have = self.need, self.have
        for char in word:
            count = have[char] - 1
            if count < need.get(char, 0):
                self.shared -= 1
            have[char] = count


def _bound(shared: int, letters: int, words: int, length: int, quote: str, spaces: int) -> float:
    """``quick_ratio``'s bound for a window of ``length`` characters, ``words`` words, sharing ``shared`` letters."""
    return 2.0 * (min(shared, letters) + min(words - 1, spaces)) / (length + len(quote))


def _starts(stretch: Stretch, index: int, quote: str, need: dict[str, int]) -> Bounded:
    """``(bound, rank, "")`` for each start of a window in ``stretch``: one bound for all its windows.

    The letters shared by the start's widest window bound those of every
    narrower one; the widest window slides along the text, a word leaving
    and a word joining at each step. A paragraph shorter than the narrowest
    width is one window, as a whole, with its own bound.
    """
    text, words, offsets = stretch.text, stretch.words, stretch.offsets
    span, spaces = widths(quote), need.get(" ", 0)
    if len(words) < span.start:
        if stretch.first == 0:
            shared = sum(min(count, need.get(char, 0)) for char, count in Counter(text).items())
            yield 2.0 * shared / (len(text) + len(quote)), (index, 0, len(words)), text
        return
    widest = span.stop - 1
    tally = _Tally(need)
    for word in words[stretch.first : stretch.first + widest]:
        tally.add(word)
    for start in range(stretch.first, min(stretch.last, len(words) - span.start + 1)):
        if start > stretch.first:
            tally.remove(words[start - 1])
            if start + widest - 1 < len(words):
                tally.add(words[start + widest - 1])
        bound = 0.0
        for width in span:
            if start + width > len(words):
                break
            length = offsets[start + width] - offsets[start] - 1
            bound = max(bound, _bound(tally.shared, length - width + 1, width, length, quote, spaces))
        yield bound, (index, start, 0), ""


def _windows(stretch: Stretch, rank: tuple[int, ...], quote: str, need: dict[str, int]) -> Bounded:
    """``(bound, rank, passage)`` of each window at the start ``rank`` names, its own ``quick_ratio`` bound."""
    index, start = rank[0], rank[1]
    words, offsets, span = stretch.words, stretch.offsets, widths(quote)
    tally = _Tally(need)
    for end in range(start, min(len(words), start + span.stop - 1)):
        tally.add(words[end])
        width = end - start + 1
        if width >= span.start:
            length = offsets[end + 1] - offsets[start] - 1
            bound = _bound(tally.shared, length, width, length, quote, need.get(" ", 0))
            yield bound, (index, start, width), stretch.text[offsets[start] : offsets[end + 1] - 1]
