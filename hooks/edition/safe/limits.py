"""Limits on a stranger's Markdown, checked before Python-Markdown does work that grows faster than the text.

In Python-Markdown 3.11 these inputs cost time quadratic in their size, or
recursion as deep as they are (``scripts/markdown_scaling.py`` shows each
case at n, 2n and 4n characters; figures: PERFORMANCE.md, "Figures behind the design"), and
each limit below bounds one of them, so that rendering a body costs time
linear in its length:

- nested or unclosed ``[`` (each scans the rest of its block for its ``]``),
  and ``![`` images inside links;
- ``>`` quotes and list items nested in one another (one parser recursion per level);
- many lines in one block (text between blank lines): headings, rules and
  setext underlines each split the block and put the rest back;
- long blocks: inline patterns rebuild their text once per match;
- references to footnotes (each one searches every earlier reference and
  every footnote);
- elements nested in one another, e.g. thousands of ``*`` on each side of
  a word: the serializer and other tree passes recurse once per level.

A body past a limit is refused with a :class:`Refused` naming the case; the
renderer reports it and shows the body as plain text.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

MAX_CHARS = 100 * 1024  # as a note file may be (edition.content.notes.MAX_BYTES); glossary entries too
MAX_BLOCK_LINES = 200
MAX_BLOCK_CHARS = 20_000
MAX_BRACKETS = 32
MAX_CONTAINERS = 16  # quotes and list levels
MAX_FOOTNOTE_MARKS = 200
MAX_DEPTH = 64  # elements inside one another, in the rendered tree

HINT = "Simplify or shorten the body."
_ESCAPED = re.compile(r"\\.")
_BRACKET = re.compile(r"[\[\]]")
# A line's quote and list markers: each opens one more level of the block parser.
_CONTAINER = re.compile(r"(?:[ \t]*(?:>|[*+-](?=[ \t])|\d{1,9}[.)](?=[ \t])))+")
_MARKER = re.compile(r">|[*+-]|\d+[.)]")


class Refused(Exception):
    """A body past one of the limits: ``message`` names the case, ``hint`` what to do."""

    def __init__(self, message: str, hint: str = HINT):
        super().__init__(message)
        self.message, self.hint = message, hint


def check_size(text: str) -> None:
    """Refuse a body longer than :data:`MAX_CHARS` before any other work."""
    if len(text) > MAX_CHARS:
        raise Refused(f"is {len(text):,} characters long; at most {MAX_CHARS:,} are allowed.", "Shorten it.")


def _bracket_depth(block: str) -> int:
    """How deep ``[`` nest in ``block`` (an unclosed one counts to the end), escaped ones skipped."""
    depth = deepest = 0
    for match in _BRACKET.finditer(_ESCAPED.sub("", block)):
        depth = depth + 1 if match.group() == "[" else max(depth - 1, 0)
        deepest = max(deepest, depth)
    return deepest


def _containers(line: str) -> int:
    """How many quote and list levels ``line`` opens: its indentation (4 columns a level) and its markers."""
    indent = len(line) - len(line.lstrip(" \t"))
    markers = _CONTAINER.match(line)
    return len(line[:indent].expandtabs(4)) // 4 + (len(_MARKER.findall(markers.group())) if markers else 0)


def check_blocks(lines: list[str]) -> None:
    """Refuse lines (fenced code already stashed) past a block, bracket, nesting or footnote limit."""
    block: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            block.append(line)
            continue
        if block:
            _check_block(block)
            block = []
    marks = sum(line.count("[^") for line in lines)
    if marks > MAX_FOOTNOTE_MARKS:
        raise Refused(
            f"has {marks:,} footnote marks ('[^'); at most {MAX_FOOTNOTE_MARKS:,} are allowed.", "Use fewer footnotes."
        )


def _check_block(block: list[str]) -> None:
    if len(block) > MAX_BLOCK_LINES:
        raise Refused(
            f"has {len(block):,} lines with no blank line between them; at most {MAX_BLOCK_LINES:,} are allowed.",
            "Put blank lines between paragraphs, lists and tables, or shorten them.",
        )
    text = "\n".join(block)
    if len(text) > MAX_BLOCK_CHARS:
        raise Refused(
            f"has {len(text):,} characters with no blank line between them; at most {MAX_BLOCK_CHARS:,} are allowed.",
            "Put blank lines between paragraphs, or shorten them.",
        )
    depth = _bracket_depth(text)
    if depth > MAX_BRACKETS:
        raise Refused(
            f"nests brackets {depth:,} deep; at most {MAX_BRACKETS} are allowed.",
            "Close each '[' with ']', or write '\\[' for a bracket.",
        )
    depth = max(_containers(line) for line in block)
    if depth > MAX_CONTAINERS:
        raise Refused(
            f"nests quotes and lists {depth:,} deep; at most {MAX_CONTAINERS} are allowed.",
            "Use fewer '>' and list levels.",
        )


class Blocks(Preprocessor):
    """:func:`check_blocks` as a step of the Markdown pipeline, after fenced code is stashed."""

    def run(self, lines: list[str]) -> list[str]:
        check_blocks(lines)
        return lines


class Depth(Treeprocessor):
    """Refuse a tree nested past :data:`MAX_DEPTH`, before the passes that recurse once per level."""

    def run(self, root: etree.Element) -> None:
        stack = [(child, 1) for child in root]
        deepest, depth = root, 0
        while stack:
            element, level = stack.pop()
            if level > depth:
                deepest, depth = element, level
            stack.extend((child, level + 1) for child in element)
        if depth > MAX_DEPTH:
            raise Refused(
                f"nests {_kind(deepest)} {depth:,} deep; at most {MAX_DEPTH} are allowed.",
                "Use fewer levels of '*', '_', '>' or lists.",
            )


def _kind(element: etree.Element) -> str:
    """What a contributor wrote to nest ``element``, in words."""
    if element.tag in ("em", "strong"):
        return "emphasis ('*' or '_')"
    if element.tag in ("ul", "ol", "li", "blockquote"):
        return "quotes and lists"
    return f"'{element.tag}' elements"
