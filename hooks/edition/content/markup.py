"""What a reader sees of a line of inline Markdown: the words without the markup.

The glossary's excerpts, an essay's summary and the commentary anchorer all
compare against the text as read, not as typed: ``[Liu Cixin](#)`` reads
``Liu Cixin`` and ``*The Wandering Earth*`` reads ``The Wandering Earth``.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_EMPHASIS = re.compile(r"(\*{1,3}|_{1,3})(?=\S)(.+?)(?<=\S)\1")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>])")
_CODE = re.compile(r"`([^`]*)`")
_HELD = re.compile("\x02(\\d+)\x03")  # an escaped character held out of the patterns (as Python-Markdown holds it)
_SENTENCE = re.compile(r"^(.+?[.!?])(?=\s+[A-Z\"'\u2018\u201c(]|\s*$)")
MAX_SUMMARY = 200


@lru_cache(maxsize=1 << 17)
def plain_text(markdown: str) -> str:
    """The reader's text of one paragraph of inline Markdown.

    Escaped characters are set aside first, as Markdown does: ``\\*`` is a
    star, never half of an emphasis, and ``\\[`` never opens a link.

    A build asks this of every paragraph several times (anchoring notes,
    finding the glossary's mentions, descriptions, feeds), so answers are
    kept per text. A pattern runs only when its opening character is in
    the text: the link and emphasis patterns start with no fixed character,
    so the engine tries them at every position, most of a paragraph's cost.
    """
    text = _ESCAPE.sub(lambda m: f"\x02{ord(m.group(1))}\x03", markdown) if "\\" in markdown else markdown
    text = _LINK.sub(r"\1", text) if "[" in text else text
    text = _CODE.sub(r"\1", text) if "`" in text else text
    previous = None
    while previous != text and ("*" in text or "_" in text):
        previous, text = text, _EMPHASIS.sub(r"\2", text)
    if "\x02" in text:
        text = _HELD.sub(lambda m: chr(int(m.group(1))), text)
    return html.unescape(" ".join(text.split()))


def first_sentence(text: str, limit: int = MAX_SUMMARY) -> str:
    """The first sentence of ``text``, cut at a word boundary to ``limit`` characters."""
    match = _SENTENCE.match(text)
    sentence = match.group(1) if match else text
    if len(sentence) <= limit:
        return sentence
    cut = sentence[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "\u2026"


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()>#+!-])")


def escape(text: str) -> str:
    """``text`` as literal Markdown: no emphasis, link, HTML or heading can come from it."""
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    return _MD_SPECIAL.sub(r"\\\1", text)
