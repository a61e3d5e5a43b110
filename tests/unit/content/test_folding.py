"""Folding: whole strings normalized, invisible characters ignored, every folded character traced back."""

from __future__ import annotations

import sys
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from edition.content.folding import IGNORABLE, TYPOGRAPHIC, clusters, fold, fold_text, starts_cluster
from edition.content.text import normalize, slugify

FOLD_TEXT = [
    # (case, text, folded)
    ("ascii white space", "  a \t b\n\nc  ", "a b c"),
    ("curly quotes and dashes", "\u201cwolf\u201d \u2018x\u2019 a\u2013b a\u2014b \u22121", "\"wolf\" 'x' a-b a-b -1"),
    ("no-break space", "a\u00a0b", "a b"),
    ("NFD to NFC", "cafe\u0301", "caf\u00e9"),
    ("NFC stays", "caf\u00e9", "caf\u00e9"),
    ("marks reordered", "q\u0307\u0323", "q\u0323\u0307"),
    ("two marks compose", "a\u0308\u0304", "\u01df"),
    ("soft hyphen", "won\u00adder\u00adful", "wonderful"),
    ("soft hyphen between letter and accent", "e\u00ad\u0301", "\u00e9"),
    ("zero-width space, joiner, non-joiner", "a\u200bb\u200dc\u200cd", "abcd"),
    ("word joiner and byte-order mark", "\ufeffa\u2060b", "ab"),
    ("bidirectional controls", "\u200ea\u202bb\u202c\u2066c\u2069", "abc"),
    ("variation selector", "\u2764\ufe0f", "\u2764"),
    ("tag characters", "x\U000e0001\U000e0041y", "xy"),
    ("ligature", "\ufb01ne", "fine"),
    ("fullwidth", "\uff21\uff0c\u3000b", "A, b"),
    ("Hangul jamo compose", "\u1100\u1161\u11a8", "\uac01"),
    ("Hangul syllable takes a trailing jamo", "\uac00\u11a8", "\uac01"),
    ("halfwidth katakana with voiced mark", "\uff76\uff9e", "\u30ac"),
    ("Tamil vowel sign composes with the sign before it", "\u0b92\u0bd7", "\u0b94"),
    ("CJK unchanged", "\u5218\u6148\u6b23\u300a\u6d41\u6d6a\u300b", "\u5218\u6148\u6b23\u300a\u6d41\u6d6a\u300b"),
    ("only invisible characters", "\u00ad\u200b \ufeff", ""),
]


@pytest.mark.parametrize("text, folded", [c[1:] for c in FOLD_TEXT], ids=[c[0] for c in FOLD_TEXT])
def test_fold_text(text, folded):
    assert fold_text(text) == folded
    assert fold(text).text == folded


FOLD_SPANS = [
    # (case, text, folded, [(start, end) of each folded character])
    ("plain", "ab", "ab", [(0, 1), (1, 2)]),
    ("accent spans its letter", "e\u0301x", "\u00e9x", [(0, 2), (2, 3)]),
    ("white space run is one space", "a  \n b", "a b", [(0, 1), (1, 2), (5, 6)]),
    ("soft hyphen belongs to no character", "a\u00adb", "ab", [(0, 1), (2, 3)]),
    ("ignorable inside a cluster", "e\u00ad\u0301", "\u00e9", [(0, 3)]),
    ("ligature: every letter spans it", "\ufb01x", "fix", [(0, 1), (0, 1), (1, 2)]),
    ("leading and trailing space dropped", " a ", "a", [(1, 2)]),
]


@pytest.mark.parametrize("text, folded, spans", [c[1:] for c in FOLD_SPANS], ids=[c[0] for c in FOLD_SPANS])
def test_fold_spans(text, folded, spans):
    result = fold(text)
    assert result.text == folded
    assert list(zip(result.starts, result.ends, strict=False)) == spans


# Letters precomposed and decomposed, combining marks (reordering and composing ones), soft hyphens and
# other ignorables, spaces of several kinds, curly quotes, dashes, CJK, a ligature, fullwidth forms,
# Hangul jamo and syllables, halfwidth katakana and its voiced marks, an Indic length mark.
FOLDABLE = (
    "abcXYZ .,'\"-\t\n"
    "\u00a0\u2003\u3000\u200b\u200c\u200d\u2060\ufeff\u00ad\u034f\ufe0f"
    "\u2018\u2019\u201c\u201d\u2013\u2014\u2212\u2033"
    "\u00e9\u00c5\u01df\u0301\u0308\u0304\u0323\u0307\u0338"
    "\u97ec\u5149\ufb01\uff21\uff0c"
    "\u1100\u1161\u11a8\uac00\uff76\uff9e\u3099\u0b92\u0bd7"
)


@given(st.text(alphabet=FOLDABLE, max_size=60))
def test_fold_agrees_with_the_fast_path_and_maps_back(text):
    folded = fold(text)
    assert folded.text == fold_text(text) == normalize(text)
    assert len(folded.starts) == len(folded.ends) == len(folded.text)
    assert folded.starts == sorted(folded.starts)
    assert all(0 <= start < end <= len(text) for start, end in zip(folded.starts, folded.ends, strict=False))
    for char, start, end in zip(folded.text, folded.starts, folded.ends, strict=False):
        assert char == " " or char in fold_text(text[start:end])


@given(st.text(alphabet=FOLDABLE, max_size=40))
def test_clusters_normalize_on_their_own(text):
    """The property the offsets rest on: NFKC of the whole is NFKC of each cluster, joined."""
    kept = "".join(c for c in text if c not in IGNORABLE)
    whole = unicodedata.normalize("NFKC", kept)
    assert "".join(unicodedata.normalize("NFKC", cluster) for _, _, cluster in clusters(text)) == whole


OTHER_DEFAULT_IGNORABLE = [
    0x034F,
    0x115F,
    0x1160,
    0x17B4,
    0x17B5,
    0x2065,
    0x3164,
    0xFFA0,
    *range(0xFFF0, 0xFFF9),
    0xE0000,
    *range(0xE0002, 0xE0020),
    *range(0xE0080, 0xE0100),
    *range(0xE01F0, 0xE1000),
]
VARIATION_SELECTOR = [*range(0x180B, 0x180E), 0x180F, *range(0xFE00, 0xFE10), *range(0xE0100, 0xE01F0)]
PREPENDED_CONCATENATION_MARK = [*range(0x0600, 0x0606), 0x06DD, 0x070F, 0x0890, 0x0891, 0x08E2, 0x110BD, 0x110CD]


def test_ignorable_is_unicodes_default_ignorable_code_point():
    """DerivedCoreProperties.txt: Other_DI + Cf + Variation_Selector - White_Space - FFF9..FFFB - 13430..1343F - PCM."""
    derived = set(OTHER_DEFAULT_IGNORABLE) | set(VARIATION_SELECTOR)
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if (
            unicodedata.category(char) == "Cf"
            and not char.isspace()
            and not 0xFFF9 <= code <= 0xFFFB
            and not 0x13430 <= code <= 0x1343F
            and code not in PREPENDED_CONCATENATION_MARK
        ):
            derived.add(code)
    assert {ord(c) for c in IGNORABLE} == derived


def test_normalization_never_makes_an_ignorable_nor_composes_onto_ascii():
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if char not in IGNORABLE:
            assert IGNORABLE.isdisjoint(unicodedata.normalize("NFKC", char)), hex(code)
        parts = unicodedata.decomposition(char).split()  # the ASCII shortcuts: nothing joins an ASCII character...
        assert not (len(parts) == 2 and not parts[0].startswith("<") and int(parts[1], 16) < 128), hex(code)
    for code in range(128):  # ... and ASCII folds to itself
        assert unicodedata.normalize("NFKC", chr(code)) == chr(code) and starts_cluster(chr(code))


def test_typographic_marks_are_what_normalization_leaves():
    """The plain forms apply after NFKC: a mark it changes would never be seen there."""
    assert all(unicodedata.normalize("NFKC", mark) == mark for mark in TYPOGRAPHIC)


@pytest.mark.parametrize(
    "text, same_as",
    [
        ("Soft\u00adpower", "Softpower"),
        ("Cafe\u0301 culture", "Caf\u00e9 culture"),
        ("\u201cWolf warrior\u201d\u200b diplomacy", '"Wolf warrior" diplomacy'),
    ],
)
def test_slugs_fold_as_quotes_do(text, same_as):
    assert slugify(text) == slugify(same_as)
