"""The line of a broken link in the file to edit, so that a pull request can show the problem on it.

The checker reads links from the final HTML, where MkDocs has rewritten
the Markdown's addresses (``soft-power.md#history`` is now
``../soft-power/#history``). The line is found by looking for what the
author wrote: the address as it appears in the page (raw HTML, a missing
page MkDocs left alone, a web address), the same with HTML's escapes, the
Markdown file it was rewritten from, and last its fragment alone; each
first as an attribute's value or a Markdown link's target, then anywhere.
An address written both in raw HTML and in Markdown is so found in the
raw HTML, where MkDocs did not rewrite it. Only problems ask, so only the
few files with a broken link are read, each once.
"""

from __future__ import annotations

import html
import posixpath
from pathlib import Path

from edition.features.linkcheck.collect import Link


def written_forms(url: str) -> list[str]:
    """What the author may have written for ``url`` as the page holds it, most telling first."""
    candidates = [url, html.escape(url)]
    path, _, fragment = url.partition("#")
    name = posixpath.basename(path.rstrip("/")) if path and not path.startswith(("http:", "https:", "//")) else ""
    if name and "." not in name:  # a page's address: MkDocs made it from a Markdown file
        candidates.append(f"{name}.md" + (f"#{fragment}" if fragment else ""))
    if fragment:
        candidates.append(f"#{fragment}")
    candidates = [c for c in dict.fromkeys(candidates) if c]
    wrapped = [form for c in candidates for form in (f'="{c}"', f"='{c}'", f"({c})", f"({c} ")]
    return wrapped + [c for c in candidates if any(char.isalnum() for char in c)]


def line_in(text: str, url: str) -> int | None:
    """The line (from 1) of ``text`` where ``url`` is written, in one of its :func:`written_forms`, or None."""
    for form in written_forms(url):
        at = text.find(form)
        if at != -1:
            return text.count("\n", 0, at) + 1
    return None


def id_line(text: str, value: str) -> int | None:
    """The line (from 1) of ``text`` that gives the id ``value`` a second time, else the only one, or None.

    An id is given as an attribute (``id="x"``) or in Markdown's attribute
    lists (``{ #x }``, ``{: #x .class }``); the second is the one to change
    when a page has it twice, the first may come from another file.
    """
    forms = (f'id="{value}"', f"id='{value}'", f"#{value} ", f"#{value}}}")
    found = sorted(at for form in forms for at in _occurrences(text, form))
    if not found:
        return None
    at = found[1] if len(found) > 1 else found[0]
    return text.count("\n", 0, at) + 1


def _occurrences(text: str, form: str) -> list[int]:
    found, at = [], text.find(form)
    while at != -1:
        found.append(at)
        at = text.find(form, at + 1)
    return found


class SourceLines:
    """The lines of links in the files under ``root`` (the repository), each file read once, when first asked.

    Each answer is kept: a note's broken link is found on every page that
    shows the note, and a note of 100 KB may hold two thousand of them,
    each a search through the file.
    """

    def __init__(self, root: str) -> None:
        self.root = Path(root)
        self.texts: dict[str, str | None] = {}
        self.lines: dict[tuple[str, str], int | None] = {}

    def line(self, link: Link) -> int | None:
        """Where ``link`` is written in its source file; None for the theme's links and files that cannot be read."""
        if link.theme:
            return None
        key = (link.source, link.url)
        if key not in self.lines:
            text = self._text(link.source)
            self.lines[key] = None if text is None else line_in(text, link.url)
        return self.lines[key]

    def id_line(self, source: str, value: str) -> int | None:
        """Where ``source`` gives the id ``value`` again (see :func:`id_line`); None when it cannot be read."""
        text = self._text(source)
        return None if text is None else id_line(text, value)

    def _text(self, source: str) -> str | None:
        if source not in self.texts:
            try:
                self.texts[source] = (self.root / source).read_text(encoding="utf-8", errors="replace")
            except OSError:
                self.texts[source] = None
        return self.texts[source]
