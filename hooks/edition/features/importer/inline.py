"""A paragraph of the source as Markdown: its words as words, and the three things the plain-text shape marks up.

The importer's input is text. The plain-text shape lets an essay mark up
three things, and nothing else: a term for the glossary, ``[words](#)``; a
link, ``[words](https://...)`` (or ``http:``, ``mailto:``); emphasis,
``*words*``, ``**words**``, ``_words_`` or ``__words__`` (delimiters that
stand at word boundaries, as Python-Markdown reads ``_``). Every other
character that Markdown, its extensions (``attr_list``, ``abbr``,
footnotes, admonitions, fences) or HTML could read as markup is escaped, so
``<b onmouseover=...>`` and ``{: onclick=... }`` in a source come out on the
page as those characters, and ``&amp;`` as those five. The escapes are ones
:func:`edition.content.markup.plain_text` undoes, so the model reads back the words
of the source exactly.
"""

from __future__ import annotations

import re

LINK = re.compile(r"\[(?P<words>[^\[\]\n^][^\[\]\n]*)\]\((?P<href>#|(?:https?://|mailto:)[^\s()<>\\\"']+)\)")
EMPHASIS = re.compile(r"(?<![\w\\*])(?P<d>\*\*|\*|__|_)(?=[^\s*_])(?P<inner>.+?)(?<=[^\s*_\\])(?P=d)(?![\w*])")
_LITERAL = {
    "\\": "\\\\",
    "`": "\\`",
    "*": "\\*",
    "_": "\\_",
    "{": "\\{",
    "}": "\\}",
    "[": "\\[",
    "]": "\\]",
    "&": "&amp;",
    "<": "&lt;",
}
_SPECIAL = re.compile(r"[\\`*_{}\[\]&<!]")  # the characters inline_markdown looks at
# What Markdown reads as the start of a block other than a paragraph, once the inline escapes are made:
# a heading, quote, list item, rule or admonition (backslash-escapable), or details and fences (not
# escapable: written as a character reference). ``[``, ``*`` and ``_`` are already escaped.
_BLOCK_START = re.compile(r"^(?:#|>|[-+](?=\s|$)|-{3,}|!{3})")
_NUMBERED = re.compile(r"^(\d+)([.)])(?=\s|$)")
_ENTITY_START = re.compile(r"^(?:\?{3}|~{3})")


def inline_markdown(text: str) -> str:
    """``text`` (one line of the source) as inline Markdown: the allowed markup kept, every other character literal."""
    out: list[str] = []
    position = 0
    while position < len(text):
        special = _SPECIAL.search(text, position)  # plain words are copied in one piece, not a character at a time
        if special is None:
            out.append(text[position:])
            break
        out.append(text[position : special.start()])
        position = special.start()
        char = text[position]
        match = None
        if char == "[":
            match = LINK.match(text, position)
            if match:
                words, href = match.group("words"), match.group("href")
                out.append(f"[{inline_markdown(words)}]({href})")
        elif char in "*_":
            match = EMPHASIS.match(text, position)
            if match:
                d = match.group("d")
                out.append(f"{d}{inline_markdown(match.group('inner'))}{d}")
        if match:
            position = match.end()
            continue
        if char == "!" and LINK.match(text, position + 1):
            out.append("\\!")  # not an image
        else:
            out.append(_LITERAL.get(char, char))
        position += 1
    return "".join(out)


def escape_block_start(markdown: str) -> str:
    """Keep a paragraph a paragraph: escape a start Markdown would read as another kind of block."""
    numbered = _NUMBERED.match(markdown)
    if numbered:
        return f"{numbered.group(1)}\\{numbered.group(2)}{markdown[numbered.end() :]}"
    if _BLOCK_START.match(markdown):
        return "\\" + markdown
    if _ENTITY_START.match(markdown):
        return f"&#{ord(markdown[0])};{markdown[1:]}"
    return markdown


def paragraph_markdown(text: str) -> str:
    """A paragraph of the source as the Markdown of one paragraph."""
    return escape_block_start(inline_markdown(text))
