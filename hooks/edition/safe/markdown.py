"""Render a stranger's Markdown so that nothing in it can run, restyle the site or stall the build.

Notes and glossary entry bodies arrive by pull request from anyone, so they
are not given to the site's own Markdown configuration (which allows raw
HTML, ``attr_list`` and ``md_in_html``). Instead one private
:class:`markdown.Markdown` instance with a short list of harmless extensions
is used, in layers that do not depend on one another being right:

1. raw HTML is turned into text by removing the two parsers that recognise
   it (and each piece is reported, with its line); fenced code is stashed by
   :mod:`edition.safe.fences`, which gives it no id or class;
2. :mod:`edition.safe.limits` refuses bodies on which Python-Markdown
   would do more than linear work or recurse deeply, naming the case;
3. a tree pass keeps only the elements, attributes and addresses of
   :mod:`edition.safe.allowlist`, reporting unsafe addresses;
4. the final HTML, stash and postprocessors included, goes through ``nh3``
   with the same allow-list.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import markdown
from markdown.inlinepatterns import HTML_RE, InlineProcessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE

from edition.content.problems import Problem
from edition.safe import allowlist, limits
from edition.safe.allowlist import address_problem, scheme_of
from edition.safe.fences import Fences

# No "smarty": quotes and dashes stay as the contributor typed them, as the
# essays' do (the site's Markdown does not convert them either), and the
# extension's inline patterns doubled the time of rendering a note.
EXTENSIONS = ["footnotes", "tables", "fenced_code", "sane_lists"]
MAX_RAW_HTML_REPORTS = 10  # lines with raw HTML reported one by one; the rest are counted in one more line

Resolver = Callable[[str], str]
_PLACEHOLDER = "edition-relative-link-"  # survives the sanitizer: a plain relative address
_ADDRESS_HINTS = {
    "link": "Use an http(s), mailto or relative address.",
    "image": "Use a picture from the site itself, by a relative address.",
}
_FENCE_HINT = "Remove the braces and what is between them: a code block takes no id or class."
_RAW_HTML_HINT = "Write Markdown instead, or put the HTML between backticks to show it as code."
_MAX_SHOWN = 40  # characters of a raw HTML tag quoted in a message


@dataclass(frozen=True)
class Finding:
    """A problem in a rendered text: ``line`` counts from the text's first line (None when unknown).

    ``at`` is the line a message that names none (``body: link address ...``)
    is about, for the problem's line alone.
    """

    message: str
    hint: str
    line: int | None = None
    at: int | None = None

    def problem(self, path: str, body_line: int = 1) -> Problem:
        """This finding as a problem of the file at ``path``, whose body starts on line ``body_line``."""
        line = body_line + self.line - 1 if self.line else None
        at = line or (body_line + self.at - 1 if self.at else None)
        return Problem(path, f"{f'line {line}' if line else 'body'}: {self.message}", self.hint, at)


class _Clean(Treeprocessor):
    """Drop what is not allow-listed; rewrite relative links and image sources through the resolver.

    Iterative, not recursive: the tree's depth is bounded by
    :class:`edition.safe.limits.Depth` already, but no input should
    meet Python's recursion limit here.
    """

    def __init__(self, md, owner: SafeMarkdown):
        super().__init__(md)
        self.owner = owner

    def run(self, root: etree.Element) -> None:
        stack = [root]
        while stack:
            parent = stack.pop()
            index = 0
            while index < len(parent):
                child = parent[index]
                if child.tag not in allowlist.ELEMENTS or self._bad_address(child):
                    _unwrap(parent, index)  # its first lifted child (if any) is looked at next
                    continue
                for name, value in list(child.attrib.items()):
                    if not allowlist.allowed(child.tag, name, value):
                        del child.attrib[name]
                attr = "href" if child.tag == "a" else "src" if child.tag == "img" else None
                url = child.get(attr) if attr else None
                if attr and url and not url.startswith("#") and scheme_of(url) == "":
                    child.set(attr, self.owner.resolve(url))  # a site file, addressed from the page that shows it
                stack.append(child)
                index += 1

    def _bad_address(self, element: etree.Element) -> bool:
        attr = "src" if element.tag == "img" else "href"
        url = element.get(attr)
        problem = address_problem(url, allowlist.schemes_for(element.tag)) if url is not None else None
        if problem:
            what = "image" if element.tag == "img" else "link"
            at = self.owner.first_line(url.replace(AMP_SUBSTITUTE, "&")) if url else None
            self.owner.findings.append(
                Finding(f"{what} {problem}; it was replaced by its text.", _ADDRESS_HINTS[what], at=at)
            )
        return bool(problem)


def _unwrap(parent: etree.Element, index: int) -> None:
    """Replace ``parent[index]`` by its text and children (an image by its alt text)."""
    child = parent[index]
    text = (child.get("alt") or "") if child.tag == "img" else (child.text or "")
    kids = [] if child.tag == "img" else list(child)
    tail = child.tail or ""
    parent.remove(child)
    if index > 0:
        before = parent[index - 1]
        before.tail = (before.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
    for offset, kid in enumerate(kids):
        parent.insert(index + offset, kid)
    last = parent[index + len(kids) - 1] if kids else (parent[index - 1] if index > 0 else None)
    if last is not None:
        last.tail = (last.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail


class _RawHtml(InlineProcessor):
    """Where Markdown would have read raw HTML: keep it as text, and report the line it is on."""

    def __init__(self, owner: SafeMarkdown):
        super().__init__(HTML_RE)
        self.owner = owner

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[str, int, int]:  # type: ignore[override]
        # (the stubs type InlineProcessor.handleMatch as Pattern's; this is InlineProcessor's documented signature)
        self.owner.raw_html(m.group(0))
        return m.group(0), m.start(0), m.end(0)


@dataclass
class Rendered:
    """A text rendered once, for every page that shows it.

    ``html`` holds numbered placeholders where the text has relative
    addresses (``relative``, as written): each page fills them with
    addresses relative to itself (:meth:`fill`), a string replacement where
    rendering again would run Markdown once per page. ``toc`` holds the
    headings' tokens when the renderer was asked for a table of contents.
    """

    html: str
    relative: list[str]
    problems: list[Finding]
    toc: list[dict] = field(default_factory=list)

    def reported(self, path: str, body_line: int = 1) -> list[Problem]:
        """Each problem the text had, as a problem of the file at ``path`` whose body starts on ``body_line``."""
        return [finding.problem(path, body_line) for finding in self.problems]

    def fill(self, resolve: Resolver) -> str:
        """The HTML with each relative address as ``resolve`` gives it for the page being built."""
        out = self.html
        for number, href in enumerate(self.relative):
            out = out.replace(f'"{_PLACEHOLDER}{number}"', f'"{html.escape(resolve(href))}"', 1)
        return out


class SafeMarkdown:
    """One reusable renderer: ``render(text, resolve)`` returns (HTML, findings).

    ``resolve`` maps an allowed, relative link address as written in the
    note (e.g. ``../../glossary/soft-power.md``) to the address to print on
    the page being built; by default addresses are kept as written. With
    ``toc`` (the ``toc`` extension's settings), headings get ids and
    permalinks and :meth:`render_once` returns their tokens; its ``[TOC]``
    marker is switched off, so a body cannot place a second table of contents.
    """

    def __init__(self, toc: dict | None = None) -> None:
        extensions = list(EXTENSIONS)
        configs: dict[str, dict[str, Any]] = {"footnotes": {"UNIQUE_IDS": True}}
        if toc is not None:
            extensions.append("toc")
            configs["toc"] = {**toc, "marker": ""}
        self.md = markdown.Markdown(extensions=extensions, extension_configs=configs)
        self.md.preprocessors.deregister("html_block")
        self.md.preprocessors.register(Fences(self.md, self._fence_attributes), "fenced_code_block", 25)
        self.md.preprocessors.register(limits.Blocks(self.md), "edition-limits", 24)
        self.md.inlinePatterns.register(_RawHtml(self), "html", 90)
        self.md.treeprocessors.register(limits.Depth(self.md), "edition-depth", 19)  # after inline, before prettify
        self.md.treeprocessors.register(_Clean(self.md, self), "commentary-clean", 0)
        self.findings: list[Finding] = []
        self.resolve: Resolver = str
        self._source, self._seen, self._raw_lines = "", (0, 1), set[int | None]()

    def render(self, text: str, resolve: Resolver | None = None) -> tuple[str, list[Finding]]:
        """``text`` as safe HTML, and what was wrong with it.

        A text past one of :mod:`edition.safe.limits` (or one that
        still meets Python's recursion or memory limits) is not rendered: a
        line saying why stands in its place.
        """
        self.findings, self.resolve = [], resolve or str
        self._source, self._seen, self._raw_lines = text, (0, 1), set()
        self.md.reset()
        try:
            limits.check_size(text)
            body_html = self.md.convert(text)
        except limits.Refused as refused:
            return self._refused(refused.message, refused.hint)
        except RecursionError:
            return self._refused("is nested too deeply to render.", limits.HINT)
        except MemoryError:
            return self._refused("needs more memory to render than the build has.", limits.HINT)
        if len(self._raw_lines) > MAX_RAW_HTML_REPORTS:
            more = len(self._raw_lines) - MAX_RAW_HTML_REPORTS
            self.findings.append(Finding(f"raw HTML on {more:,} more lines is shown as text.", _RAW_HTML_HINT))
        return allowlist.clean(body_html), self.findings

    def render_once(self, text: str) -> Rendered:
        """``text`` rendered with its relative addresses left as placeholders (see :class:`Rendered`)."""
        relative: list[str] = []

        def placeholder(href: str) -> str:
            relative.append(href)
            return f"{_PLACEHOLDER}{len(relative) - 1}"

        body_html, findings = self.render(text, placeholder)
        return Rendered(body_html, relative, findings, list(getattr(self.md, "toc_tokens", [])))

    def _refused(self, message: str, hint: str) -> tuple[str, list[Finding]]:
        self.md.reset()  # a convert that stopped half-way leaves state behind
        converter: Any = self.md  # toc_tokens is the toc extension's attribute, not the class's
        converter.toc_tokens = []
        return f"<p>This text is not shown: it {html.escape(message)}</p>", [*self.findings, Finding(message, hint)]

    def _fence_attributes(self, line: int, message: str) -> None:
        self.findings.append(Finding(message, _FENCE_HINT, line))

    def raw_html(self, tag: str) -> None:
        """Report raw HTML, shown as text: once a line, the first :data:`MAX_RAW_HTML_REPORTS` lines one by one."""
        line = self._line_of(tag)
        if line in self._raw_lines:
            return
        self._raw_lines.add(line)
        if len(self._raw_lines) <= MAX_RAW_HTML_REPORTS:
            shown = tag if len(tag) <= _MAX_SHOWN else tag[:_MAX_SHOWN] + "…"
            self.findings.append(Finding(f"raw HTML '{shown}' is shown as text.", _RAW_HTML_HINT, line))

    def first_line(self, snippet: str) -> int | None:
        """The line of the text being rendered on which ``snippet`` first occurs, or None."""
        found = self._source.find(snippet)
        return None if found < 0 else self._source.count("\n", 0, found) + 1

    def _line_of(self, snippet: str) -> int | None:
        """The line of the source on which ``snippet`` next occurs, counting on from the last one found."""
        pos, line = self._seen
        found = self._source.find(snippet, pos)
        if found < 0:
            pos, line, found = 0, 1, self._source.find(snippet)
        if found < 0:
            return None  # changed by Markdown's whitespace rules (tabs): reported without a line
        line += self._source.count("\n", pos, found)
        self._seen = (found, line)
        return line
