"""Small text helpers shared by the importer, the glossary and the anchorer.

They live together because each of them must agree exactly with the others:
the slug the importer gives a glossary link is the file name the glossary
loader looks for, and the normalization the anchorer applies to a quote is
the one it applies to the paragraph.
"""

from __future__ import annotations

import html
import re

from edition.content.folding import fold_text

_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
WORD = re.compile(r"\w+(?:['\u2019-]\w+)*", re.UNICODE)
WORDS_PER_MINUTE = 200
# Where a quoted text was cut. Pages write it as "&hellip;" (see :func:`cut_html`).
ELLIPSIS = "\u2026"


def counted(count: int, word: str, plural: str = "") -> str:
    """``count`` and ``word``, plural unless the count is one: "1 note", "3 notes", "2 entries" (``plural`` given).

    Messages and pages say how many of a thing there are; "1 problems" reads
    as a slip to a reader and makes a contributor doubt the rest.
    """
    return f"{count} {word if count == 1 else plural or word + 's'}"


def slugify(text: str, fallback: str = "untitled") -> str:
    """Lower-case ASCII-and-letters slug: ``"China's global strategy"`` -> ``chinas-global-strategy``.

    Apostrophes vanish rather than split words (``china-s`` would read badly
    in a URL); letters outside ASCII are kept, so a Chinese heading still
    yields a usable, distinct slug.
    """
    text = fold_text(text).lower().replace("'", "")
    slug = _NON_WORD.sub("-", text).strip("-_").replace("_", "-")
    slug = re.sub(r"-{2,}", "-", slug)
    return slug or fallback


def normalize(text: str) -> str:
    """``text`` as a reader compares it: :func:`edition.content.folding.fold_text`.

    Used wherever two pieces of text must be compared as a reader would: a
    quote typed with straight quotes or a decomposed accent still matches
    the essay's curly quotes and precomposed letters, and a soft hyphen
    changes nothing.
    """
    return fold_text(text)


def words(text: str) -> list[str]:
    """The words of ``text`` (letters, digits, inner apostrophes and hyphens)."""
    return WORD.findall(text)


def reading_minutes(word_count: int) -> int:
    """Minutes to read ``word_count`` words at a steady 200 words a minute (at least 1)."""
    return max(1, -(-word_count // WORDS_PER_MINUTE))


def cut_html(text: str) -> str:
    """``text``, a quotation that may have been cut, as HTML: escaped, and its ellipses written ``&hellip;``.

    A page whose words are all Latin-1 then stays one byte a character: a
    single wider character makes Python store the whole page two bytes a
    character, and every later step (search, the link check, writing) read twice as much.
    """
    return html.escape(text).replace(ELLIPSIS, "&hellip;")
