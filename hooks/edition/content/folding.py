"""Text compared as a reader reads it: one folding for quotes, paragraphs, names and slugs.

A note's quote is typed (or pasted) by a stranger and must find the words on
the page whatever the keyboard did: straight or curly quotes, a hyphen for a
dash, a line break for a space, a decomposed accent (``cafe`` + U+0301) for a
precomposed one, a soft hyphen the page carries but no reader sees. Folding
is therefore:

1. drop the characters Unicode says are *default ignorable*
   (:data:`IGNORABLE`): readers do not see them, and a copy from the page
   may or may not carry them;
2. NFKC over the whole string (never code point by code point: composing
   ``e`` + U+0301 into ``é`` needs both characters at once);
3. typographic quotes and dashes to their plain forms (:data:`TYPOGRAPHIC`);
4. every run of white space (no-break spaces included) to one space, none
   at either end.

:func:`fold_text` does this at C speed; :func:`fold` does the same while
recording which characters of the original each folded character came
from, so that a match in the folded text maps back onto the page (the
highlighter wraps exactly those characters). It normalizes the text in
clusters, each starting at a character that nothing before it can compose
or reorder with, so that the concatenation of the clusters' foldings is the
folding of the whole string (a property test checks ``fold(t)[0] ==
fold_text(t)``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache
from typing import NamedTuple

# Applied after NFKC, which has already made U+00A0 a space, U+2011 a U+2010 and U+2033 two U+2032.
TYPOGRAPHIC = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2010": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
}
_TYPOGRAPHIC_TABLE = str.maketrans(TYPOGRAPHIC)
_TYPOGRAPHIC = re.compile("[" + "".join(TYPOGRAPHIC) + "]")


# Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt, unchanged
# from Unicode 14 to 16), all of it: the soft hyphen; the combining grapheme
# joiner; the Arabic letter mark and the other bidirectional controls
# (U+200E-200F, U+202A-202E, U+2066-2069); the Hangul fillers; the Khmer
# inherent vowels; the Mongolian free variation selectors and vowel
# separator; the zero-width space, non-joiner and joiner; the word joiner and
# invisible operators (U+2060-2064); the variation selectors; the byte-order
# mark (zero-width no-break space); the shorthand format controls; the musical
# symbol format controls; the tag characters; and the code points the
# standard reserves as ignorable. None of them is seen by a reader;
# ``tests/edition/test_folding.py`` derives the set from its definition and
# Python's Unicode data, and checks that NFKC never produces one.
_IGNORABLE_RANGES = (
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x061C, 0x061C),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x206F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
)
IGNORABLE = frozenset(chr(code) for low, high in _IGNORABLE_RANGES for code in range(low, high + 1))
_IGNORABLES = re.compile("[" + "".join(f"{chr(low)}-{chr(high)}" for low, high in _IGNORABLE_RANGES) + "]")

# Hangul syllables compose algorithmically (no decomposition in the data):
# a vowel jamo joins a leading consonant, a trailing consonant a syllable.
_HANGUL_VOWELS = range(0x1161, 0x1176)
_HANGUL_TRAILS = range(0x11A8, 0x11C3)
_DECOMPOSITIONS_END = 0x20000  # beyond plane 1 only single ideographs decompose (CJK compatibility)


class Folded(NamedTuple):
    """A folded text; folded character ``i`` came from ``original[starts[i]:ends[i]]``.

    The span is the whole cluster the character was normalized in (``é``
    folded from ``e`` + U+0301 spans both), so a highlight never cuts an
    accent from its letter.
    """

    text: str
    starts: list[int]
    ends: list[int]


def fold_text(text: str) -> str:
    """``text`` folded (see the module docstring): the fast path, for whole paragraphs and quotes."""
    if text.isascii():  # nothing to drop, normalize or translate: most of an English essay
        return " ".join(text.split())
    text = unicodedata.normalize("NFKC", _IGNORABLES.sub("", text))
    return " ".join(_TYPOGRAPHIC.sub(_plain, text).split())  # a search, cheaper than translating every character


def _plain(match: re.Match[str]) -> str:
    return TYPOGRAPHIC[match.group()]


def fold(text: str) -> Folded:
    """``text`` folded as :func:`fold_text` folds it, and where each folded character came from."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    space = True  # drop leading white space
    for start, end, cluster in clusters(text):
        if not cluster.isascii():
            cluster = unicodedata.normalize("NFKC", cluster).translate(_TYPOGRAPHIC_TABLE)
        for char in cluster:
            if char.isspace():
                if space:
                    continue
                char, space = " ", True
            else:
                space = False
            out.append(char)
            starts.append(start)
            ends.append(end)
    if out and out[-1] == " ":
        del out[-1], starts[-1], ends[-1]
    return Folded("".join(out), starts, ends)


def clusters(text: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, characters)`` of each run of ``text`` that normalizes on its own, ignorables dropped.

    A run ends before a character that starts a cluster (:func:`starts_cluster`):
    NFKC of the whole text is then the concatenation of NFKC of each run.
    An ignorable character belongs to the run around it but is not part of
    its characters, exactly as :func:`fold_text` drops it before normalizing.
    """
    parts: list[str] = []
    start = end = 0
    for index, char in enumerate(text):
        if char >= "\x80" and char in IGNORABLE:
            continue
        if parts and (char < "\x80" or starts_cluster(char)):  # the ASCII test first: most text, no call
            yield start, end, "".join(parts)
            parts = []
        if not parts:
            start = index
        parts.append(char)
        end = index + 1
    if parts:
        yield start, end, "".join(parts)


@cache
def starts_cluster(char: str) -> bool:
    """Whether normalization leaves everything before ``char`` alone (Unicode's "boundary before").

    True when the first character of ``char``'s compatibility decomposition
    is a starter (combining class 0) that never composes with a character
    before it. Ignorable characters are not cluster starts (they vanish);
    ASCII characters all are (no decomposition ends in one).
    """
    if char < "\x80":
        return True
    if char in IGNORABLE:
        return False
    first = unicodedata.normalize("NFKD", char)[0]
    return unicodedata.combining(first) == 0 and ord(first) not in _composes_backward()


@cache
def _composes_backward() -> frozenset[int]:
    """Starters that canonical composition joins to the character before them.

    The second character of every two-character canonical decomposition
    that is a starter (Indic and Myanmar vowel signs and length marks, as of
    Unicode 14, read from Python's own data), and the Hangul vowel and
    trailing jamo. Counting a decomposition the composition excludes only
    makes a cluster longer, which is always safe.
    """
    found = set(_HANGUL_VOWELS) | set(_HANGUL_TRAILS)
    for code in range(_DECOMPOSITIONS_END):
        parts = unicodedata.decomposition(chr(code)).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            second = int(parts[1], 16)
            if unicodedata.combining(chr(second)) == 0:
                found.add(second)
    return frozenset(found)
