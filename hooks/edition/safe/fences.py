"""Fenced code blocks for contributed Markdown: found in one pass, and never given an id or a class.

Python-Markdown's ``fenced_code`` preprocessor writes each block straight
into its HTML stash, past every tree pass, with whatever id and classes the
fence's attribute block names (```` ``` { .md-header #chinas-global-strategy-2 } ````
put Material's class and a paragraph's id on an essay page). It also
searches the whole text again from each unclosed fence and rebuilds the
text after each block, which is quadratic in the number of fences. This preprocessor replaces it under the
same name: it finds fenced blocks as fenced_code does (the first later line
holding the same fence closes one) in one pass over the lines, writes
each as a bare ``<pre><code>``, and reports an attribute block instead of
obeying it. A language after the fence (```` ```python ````) is accepted and
not written: nothing on the site reads it, and a class is a name the
contributor would choose.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable

from markdown.preprocessors import Preprocessor

# The opening line fenced_code accepts: a fence, then {attributes}, or a language and hl_lines.
_OPENING = re.compile(
    r"""(?P<fence>~{3,}|`{3,})[ ]*(?:\{(?P<attrs>.*)\}|\.?[\w#.+-]*[ ]*(?:hl_lines=(?P<q>["']).*?(?P=q)[ ]*)?)"""
)
_CLOSING = re.compile(r"(~{3,}|`{3,})[ ]*")
_MAX_SHOWN = 60  # characters of an attribute block quoted in a message

Report = Callable[[int, str], None]  # (line of the body, message)


def _escape(code: str) -> str:
    return code.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


class Fences(Preprocessor):
    """Stash each fenced code block as ``<pre><code>`` with no attribute; report attribute blocks to ``report``."""

    def __init__(self, md, report: Report):
        super().__init__(md)
        self.report = report

    def run(self, lines: list[str]) -> list[str]:
        closers: dict[str, list[int]] = defaultdict(list)  # fence -> the lines that close it, in order
        for number, line in enumerate(lines):
            match = _CLOSING.fullmatch(line)
            if match:
                closers[match.group(1)].append(number)
        seen = dict.fromkeys(closers, 0)  # how far each fence's closers have been passed: one pass in all
        out: list[str] = []
        start = number = 0
        while number < len(lines):
            opening = _OPENING.fullmatch(lines[number])
            close = self._closer(opening.group("fence"), number, closers, seen) if opening else None
            if opening is None or close is None:
                number += 1
                continue
            if opening.group("attrs") is not None:
                shown = opening.group("attrs")
                shown = shown if len(shown) <= _MAX_SHOWN else shown[:_MAX_SHOWN] + "…"
                message = f"the code fence's attribute block '{{{shown}}}' is not allowed; it was ignored."
                self.report(number + 1, message)
            code = "\n".join(lines[number + 1 : close]) + ("\n" if close > number + 1 else "")
            out += lines[start:number]
            out += ["", self.md.htmlStash.store(f"<pre><code>{_escape(code)}</code></pre>"), ""]
            number = start = close + 1
        return out + lines[start:]

    @staticmethod
    def _closer(fence: str, opening: int, closers: dict[str, list[int]], seen: dict[str, int]) -> int | None:
        """The first line after ``opening`` that closes ``fence``, or None (the fence stays text)."""
        candidates = closers.get(fence, [])
        index = seen.get(fence, 0)
        while index < len(candidates) and candidates[index] <= opening:
            index += 1
        if fence in seen:
            seen[fence] = index
        return candidates[index] if index < len(candidates) else None
