"""The one rule for a contributed file's name, a valid name to suggest, and a name made safe to print.

A file name becomes an address on the site, an id in a page and a line in
a message, so it is data, never markup: lower-case ASCII letters, digits and
single hyphens. That also rules out names that differ only in case or in
Unicode normalization (two files with one address on one filesystem and
two on another).
"""

from __future__ import annotations

import re
import unicodedata

from edition.content.text import slugify

NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
RULE = "lower-case letters a-z, digits and single hyphens"
_UNPRINTABLE = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def is_name(text: str) -> bool:
    """Whether ``text`` (a file name without ``.md``, or a folder name) follows the rule."""
    return NAME.fullmatch(text) is not None


def ascii_name(text: str, fallback: str) -> str:
    """A name that follows the rule, made from ``text``: ``"Café Zürich"`` -> ``cafe-zurich``.

    :func:`edition.content.text.slugify` keeps letters outside ASCII; here accents
    are folded away and other scripts dropped, leaving ``fallback`` when
    nothing is left.
    """
    if is_name(text):  # already one (most paragraph ids): slugifying and folding would give it back unchanged
        return text
    folded = unicodedata.normalize("NFKD", slugify(text, "")).encode("ascii", "ignore").decode("ascii")
    name = slugify(folded, "")
    return name if is_name(name) else fallback


def printable(text: str) -> str:
    """``text`` with control, format and unpaired surrogate characters written as escapes.

    A hostile file name may hold a line break (a second, forged message), a
    bidirectional override (a message that reads otherwise than it is) or
    bytes that are not UTF-8 (which the log could not print at all).
    """
    if text.isprintable():
        return text
    return "".join(ascii(char)[1:-1] if unicodedata.category(char) in _UNPRINTABLE else char for char in text)
