"""Render a stranger's Markdown so that nothing in it can run or restyle the site.

Notes arrive by pull request from anyone, so their bodies are not given to
the site's own Markdown configuration (which allows raw HTML, ``attr_list``
and ``md_in_html``). Instead one private :class:`markdown.Markdown` instance
with a short list of harmless extensions is used, raw HTML is turned into
text by removing the two parsers that recognise it, and a final tree pass
keeps only allow-listed elements and attributes and only safe addresses.
Each layer alone would stop the known attacks; together they do not depend
on one another being right.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE

from edition.problems import Problem

# No "smarty": quotes and dashes stay as the contributor typed them, as the
# essays' do (the site's Markdown does not convert them either), and the
# extension's inline patterns doubled the time of rendering a note.
EXTENSIONS = ["footnotes", "tables", "fenced_code", "sane_lists"]
ELEMENTS = frozenset(
    "a abbr blockquote br code del div em h1 h2 h3 h4 h5 h6 hr img li ol p pre span strong sub sup "
    "table tbody td tfoot th thead tr ul".split()
)
ATTRIBUTES = frozenset({"href", "src", "alt", "title", "class", "id", "align"})
LINK_SCHEMES = ("http", "https", "mailto")
IMAGE_SCHEMES = ()  # images only from the site itself: no third-party requests, no tracking pixels
_TOKEN = re.compile(r"^[\w:.-]+( [\w:.-]+)*$")  # class and id values Markdown itself produces
_CONTROL = re.compile(r"[\x00-\x20\x7f-\x9f]+")

Resolver = Callable[[str], str]
_PLACEHOLDER = "edition-relative-link-"  # survives the sanitizer: a plain relative address


def scheme_of(url: str) -> str | None:
    """The scheme of ``url`` as a browser reads it ("" when relative, None when unreadable).

    Entities are decoded (also those Markdown hides behind its ampersand
    placeholder) and control characters and spaces removed anywhere, since
    browsers ignore them: ``&#106;ava\tscript:`` is ``javascript:``.
    """
    plain = _CONTROL.sub("", html.unescape(url.replace(AMP_SUBSTITUTE, "&")))
    try:
        return urlsplit(plain).scheme.lower()
    except ValueError:
        return None


def address_problem(url: str, schemes: tuple[str, ...]) -> str | None:
    """Why ``url`` may not be used, or None: only ``schemes`` and relative addresses pass."""
    scheme = scheme_of(url)
    if scheme == "" or scheme in schemes:
        return None
    allowed = ", ".join(schemes) + (" or relative" if schemes else "relative")
    return f"address '{url.replace(AMP_SUBSTITUTE, '&')}' is not allowed (only {allowed} addresses)"


class _Clean(Treeprocessor):
    """Drop what is not allow-listed; rewrite relative links and image sources through the resolver."""

    def __init__(self, md, owner: "SafeMarkdown"):
        super().__init__(md)
        self.owner = owner

    def run(self, root: etree.Element) -> None:
        self._clean(root)

    def _clean(self, parent: etree.Element) -> None:
        index = 0
        while index < len(parent):
            child = parent[index]
            if child.tag not in ELEMENTS or self._bad_address(child):
                index = self._unwrap(parent, index)
                continue
            for name in list(child.attrib):
                if name not in ATTRIBUTES or (name in ("class", "id") and not _TOKEN.match(child.attrib[name])):
                    del child.attrib[name]
            attr = "href" if child.tag == "a" else "src" if child.tag == "img" else None
            url = child.get(attr) if attr else None
            if url and not url.startswith("#") and scheme_of(url) == "":
                child.set(attr, self.owner.resolve(url))  # a site file, addressed from the page that shows it
            self._clean(child)
            index += 1

    def _bad_address(self, element: etree.Element) -> bool:
        attr, schemes = ("src", IMAGE_SCHEMES) if element.tag == "img" else ("href", LINK_SCHEMES)
        url = element.get(attr)
        problem = address_problem(url, schemes) if url is not None else None
        if problem:
            what = "image" if element.tag == "img" else "link"
            self.owner.problems.append(f"{what} {problem}; it was replaced by its text.")
        return bool(problem)

    @staticmethod
    def _unwrap(parent: etree.Element, index: int) -> int:
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
        return index  # the first lifted child (if any) is cleaned next


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
    problems: list[str]
    toc: list[dict] = field(default_factory=list)

    def reported(self, path: str) -> list[Problem]:
        """Each unsafe address the text had, as a problem of the file at ``path``."""
        return [Problem(path, f"body: {message}", "Use an http(s), mailto or relative address.") for message in self.problems]

    def fill(self, resolve: Resolver) -> str:
        """The HTML with each relative address as ``resolve`` gives it for the page being built."""
        out = self.html
        for number, href in enumerate(self.relative):
            out = out.replace(f'"{_PLACEHOLDER}{number}"', f'"{html.escape(resolve(href))}"', 1)
        return out


class SafeMarkdown:
    """One reusable renderer: ``render(text, resolve)`` returns (HTML, problems).

    ``resolve`` maps an allowed, relative link address as written in the
    note (e.g. ``../../glossary/soft-power.md``) to the address to print on
    the page being built; by default addresses are kept as written. With
    ``toc`` (the ``toc`` extension's settings), headings get ids and
    permalinks and :meth:`render_once` returns their tokens.
    """

    def __init__(self, toc: dict | None = None) -> None:
        extensions, configs = list(EXTENSIONS), {"footnotes": {"UNIQUE_IDS": True}}
        if toc is not None:
            extensions.append("toc")
            configs["toc"] = toc
        self.md = markdown.Markdown(extensions=extensions, extension_configs=configs)
        self.md.preprocessors.deregister("html_block")
        self.md.inlinePatterns.deregister("html")
        self.md.treeprocessors.register(_Clean(self.md, self), "commentary-clean", 0)
        self.problems: list[str] = []
        self.resolve: Resolver = str

    def render(self, text: str, resolve: Resolver | None = None) -> tuple[str, list[str]]:
        self.problems, self.resolve = [], resolve or str
        self.md.reset()
        return self.md.convert(text), self.problems

    def render_once(self, text: str) -> Rendered:
        """``text`` rendered with its relative addresses left as placeholders (see :class:`Rendered`)."""
        relative: list[str] = []

        def placeholder(href: str) -> str:
            relative.append(href)
            return f"{_PLACEHOLDER}{len(relative) - 1}"

        body_html, problems = self.render(text, placeholder)
        return Rendered(body_html, relative, problems, list(getattr(self.md, "toc_tokens", [])))
