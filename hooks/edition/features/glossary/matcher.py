"""Find glossary names in text with one compiled pattern, however many terms there are.

All titles and aliases go into a prefix tree that is compiled into a single
regular expression (``liu(?:\\s+cixin)?|...``). At any position the engine
follows one branch of the tree, so matching costs time linear in the text and
in the length of the longest name, not in the number of terms. The optional tails are greedy, so the longest name
wins ("The Wandering Earth II" before "The Wandering Earth"), and the
boundary checks make matches whole words, case-insensitively.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from edition.content.text import normalize

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# A word character that is not CJK: Chinese names need no spaces around them.
_WORDISH = rf"[^\W{_CJK}]"
_CLASS = {"'": "['\u2019\u2018]", "-": "[-\u2010\u2011\u2013]", " ": r"\s+", '"': '["\u201c\u201d]'}
_END = ""
_PLAIN = re.compile("[" + re.escape("".join(_CLASS)) + "]")  # the characters a name's pattern matches with a class


def _key(name: str) -> str:
    return normalize(name).lower()


def _regex(root: dict) -> str:
    """The pattern of a prefix tree, built with a stack of pieces rather than by recursion.

    A name is a chain of as many nodes as it has characters; a recursive
    builder needed one Python frame per character and raised
    ``RecursionError`` on a name of about 500. Each node becomes its
    branches (``(?:a...|b...)`` when there are several), made optional
    (``(?:...)?``) when a name also ends there; pieces are pushed in reverse
    and strings appended as they come off the stack, so the work is linear
    in the size of the tree.
    """
    out: list[str] = []
    stack: list[str | dict] = [root]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            out.append(item)
            continue
        branches = [(char, child) for char, child in item.items() if char != _END]
        if not branches:
            continue
        parts: list[str | dict] = []
        for char, child in branches:
            parts += ["|", _CLASS.get(char) or re.escape(char), child]
        parts = parts[1:]
        if len(branches) > 1:
            parts = ["(?:", *parts, ")"]
        if _END in item:
            parts = ["(?:", *parts, ")?"]
        stack.extend(reversed(parts))
    return "".join(out)


def _literals(keys: Iterable[str]) -> list[str] | None:
    """The longest plain run of each name (see :meth:`Matcher.occurs`); None if a name has none."""
    runs = [max(_PLAIN.split(key), key=len) for key in keys]
    return None if not all(runs) else list(dict.fromkeys(runs))


class Matcher:
    """Finds every glossary name in a text, longest first, whole words only."""

    def __init__(self, names: dict[str, str]):
        """``names`` maps a title or alias to the slug of its entry."""
        self.slugs: dict[str, str] = {}
        root: dict = {}
        for name, slug in names.items():
            key = _key(name)
            if not key or key in self.slugs:
                continue
            self.slugs[key] = slug
            node = root
            for char in key:
                node = node.setdefault(char, {})
            node[_END] = {}
        trie = _regex(root)
        self.source = rf"(?<!{_WORDISH})(?:{trie})(?!{_WORDISH})" if trie else ""
        self.pattern = re.compile(self.source) if trie else None
        self._folding_pattern: re.Pattern[str] | None = None
        self._literals = _literals(self.slugs)

    def occurs(self, text: str) -> bool:
        """Whether :meth:`finditer` finds a name in ``text``.

        Every name holds a run of plain characters (no quote, dash or space,
        which match several) that the lowered text holds wherever the name
        occurs; a text holding none of them is passed over without running
        the pattern, which tries every position. The preview asks this of
        every page's text when a name changes.
        """
        lowered = text.lower()
        if self._literals is not None and len(lowered) == len(text) and not any(p in lowered for p in self._literals):
            return False
        return next(self.finditer(text), None) is not None

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        """``(start, end, slug)`` for each name in ``text``, left to right, never overlapping.

        The names are stored in lower case, so the text is lowered once and
        matched case-sensitively, which halves the regular expression's time
        (``re.IGNORECASE`` folds every character it tries). A few characters
        change length when lowered (``İ``); such a text is matched with a
        case-insensitive pattern instead (compiled on first need: compiling
        thousands of names takes a noticeable part of a second), so offsets
        always index ``text``.
        """
        if self.pattern is None:
            return
        lowered = text.lower()
        if len(lowered) == len(text):
            matches = self.pattern.finditer(lowered)
        else:
            if self._folding_pattern is None:
                self._folding_pattern = re.compile(self.source, re.IGNORECASE)
            matches = self._folding_pattern.finditer(text)
        for match in matches:
            slug = self.slugs.get(_key(match.group(0)))
            if slug and match.end() > match.start():
                yield match.start(), match.end(), slug
