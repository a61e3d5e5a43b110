"""Word-level differences between two versions of a paragraph, as HTML a reader (and a screen reader) can follow.

The diff is Google's diff-match-patch over words: each word, run of spaces
or mark of punctuation becomes one character of a private-use alphabet, so
the Myers diff and its semantic cleanup see words, not letters, and a
changed word is shown whole. The semantic cleanup merges the small
equalities (``the``, ``of``) that a rewritten sentence shares with the old
one into one deletion and one insertion, which is what a reader can follow;
``difflib`` leaves them, and shows a rewritten paragraph as dozens of
fragments (figures: PERFORMANCE.md). Two guards keep the cost bounded
and the output the same on every machine (no time-out is used):

- a paragraph that shares less than half its words with the old one was
  rewritten: it is shown as one deletion and one insertion, found in linear
  time (the Myers diff is slowest exactly there);
- a paragraph longer than :data:`MAX_WORD_TOKENS` tokens is compared
  sentence by sentence.

The HTML uses real ``<del>`` and ``<ins>`` elements, each opened by a label
(``removed:``, ``added:``) that the stylesheet hides from sight only: a
screen reader, and the page without its stylesheet, say it, and the
strike-through and underline do not rely on colour. Every word is escaped.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Sequence

from diff_match_patch import diff_match_patch

DELETE, EQUAL, INSERT = -1, 0, 1
REWRITTEN = 0.5  # below this share of words in common, a paragraph is shown as rewritten whole
MAX_WORD_TOKENS = 40_000  # tokens (words, spaces, marks): longer paragraphs are compared by sentences
LABEL_CLASS = "diff-label"  # the stylesheet hides it from sight only
_TOKEN = re.compile(r"\w+(?:['\u2019-]\w+)*|\s+|[^\w\s]")
_SENTENCE = re.compile(r"[^.!?]*[.!?]+[\"'\u2019\u201d)]*\s*|[^.!?]+$")
_PRIVATE = (0xF0000, 0x100000)  # supplementary private-use planes: 131,068 characters, none of them a word or space
_CAPACITY = 2 * 0xFFFE

Segments = list[tuple[int, str]]  # (DELETE | EQUAL | INSERT, text)


def tokens(text: str) -> list[str]:
    """``text`` as words, runs of white space and single marks; joined, they are ``text`` again."""
    return _TOKEN.findall(text)


def sentences(text: str) -> list[str]:
    """``text`` cut after each sentence's closing mark (and quote), keeping every character."""
    return [s for s in _SENTENCE.findall(text) if s]


def _shared(old: Sequence[str], new: Sequence[str]) -> float:
    """The share of words the two versions have in common (as multisets), over the longer one."""
    a = Counter(t for t in old if not t.isspace())
    b = Counter(t for t in new if not t.isspace())
    longest = max(sum(a.values()), sum(b.values()))
    return sum((a & b).values()) / longest if longest else 1.0


def _encode(units: Sequence[str], table: dict[str, str]) -> str:
    out = []
    for unit in units:
        char = table.get(unit)
        if char is None:
            n = len(table)
            char = table[unit] = chr(_PRIVATE[0] + n if n < 0xFFFE else _PRIVATE[1] + n - 0xFFFE)
        out.append(char)
    return "".join(out)


def diff(old: str, new: str) -> Segments:
    """The segments that turn ``old`` into ``new``; equal runs, deletions and insertions of whole words."""
    if old == new:
        return [(EQUAL, old)] if old else []
    old_units, new_units = tokens(old), tokens(new)
    if _shared(old_units, new_units) < REWRITTEN:
        return [(op, text) for op, text in ((DELETE, old), (INSERT, new)) if text]
    if len(old_units) + len(new_units) > MAX_WORD_TOKENS:
        old_units, new_units = sentences(old), sentences(new)
    if len(set(old_units) | set(new_units)) > _CAPACITY:
        return [(op, text) for op, text in ((DELETE, old), (INSERT, new)) if text]
    return unit_diff(old_units, new_units)


def unit_diff(old_units: Sequence[str], new_units: Sequence[str]) -> Segments:
    """diff-match-patch with semantic cleanup over units (words, or sentences), without :func:`diff`'s guards.

    At most :data:`_CAPACITY` distinct units.
    """
    table: dict[str, str] = {}
    a, b = _encode(old_units, table), _encode(new_units, table)
    decode = {char: unit for unit, char in table.items()}
    engine = diff_match_patch()
    engine.Diff_Timeout = 0  # never give up on time: the same diff on every machine
    found = engine.diff_main(a, b, False)
    engine.diff_cleanupSemantic(found)
    return [(op, "".join(decode[c] for c in chars)) for op, chars in found if chars]


def segments_html(segments: Segments) -> str:
    """The segments as HTML: ``<del>`` and ``<ins>`` with their labels, every word escaped."""
    out = []
    for op, text in segments:
        if op == EQUAL:
            out.append(html.escape(text))
        elif op == DELETE:
            out.append(f'<del><span class="{LABEL_CLASS}">removed: </span>{html.escape(text)}</del>')
        else:
            out.append(f'<ins><span class="{LABEL_CLASS}">added: </span>{html.escape(text)}</ins>')
    return "".join(out)


def diff_html(old: str, new: str) -> str:
    """:func:`diff` of two plain texts, as HTML."""
    return segments_html(diff(old, new))
