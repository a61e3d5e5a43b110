"""Small text helpers shared by the importer, the glossary and the anchorer.

They live together because each of them must agree exactly with the others:
the slug the importer gives a glossary link is the file name the glossary
loader looks for, and the normalization the anchorer applies to a quote is
the one it applies to the paragraph.
"""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
_SPACES = re.compile(r"\s+")
_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u200b": "",
    }
)
WORD = re.compile(r"\w+(?:['\u2019-]\w+)*", re.UNICODE)
WORDS_PER_MINUTE = 200


def slugify(text: str, fallback: str = "untitled") -> str:
    """Lower-case ASCII-and-letters slug: ``"China's global strategy"`` -> ``chinas-global-strategy``.

    Apostrophes vanish rather than split words (``china-s`` would read badly
    in a URL); letters outside ASCII are kept, so a Chinese heading still
    yields a usable, distinct slug.
    """
    text = unicodedata.normalize("NFKC", text).translate(_TRANSLATE).lower()
    text = text.replace("'", "")
    slug = _NON_WORD.sub("-", text).strip("-_").replace("_", "-")
    slug = re.sub(r"-{2,}", "-", slug)
    return slug or fallback


def normalize(text: str) -> str:
    """Fold typographic quotes, dashes and runs of white space.

    Used wherever two pieces of text must be compared as a reader would:
    a quote typed with straight quotes still matches curly quotes in the
    essay.
    """
    text = unicodedata.normalize("NFKC", text).translate(_TRANSLATE)
    return _SPACES.sub(" ", text).strip()


def words(text: str) -> list[str]:
    """The words of ``text`` (letters, digits, inner apostrophes and hyphens)."""
    return WORD.findall(text)


def reading_minutes(word_count: int) -> int:
    """Minutes to read ``word_count`` words at a steady 200 words a minute (at least 1)."""
    return max(1, -(-word_count // WORDS_PER_MINUTE))
