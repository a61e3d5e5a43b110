"""Link glossary terms in a page's HTML, and give every glossary link its hover text.

Like Python-Markdown's ``abbr`` extension, this works on the element tree's
text, never on Markdown source: text inside headings, links, code, the
quoted passage of a note (``<mark>``, ``<blockquote>``) and the like is left
alone. The HTML is walked once as a stream of tags and text (a linear scan;
pages are produced by Markdown, so tags are well formed), which is far cheaper
than parsing and re-serializing a tree for every page.

A link is a glossary link when its address, resolved from the page that
shows it, is an entry's page: ``../mao-zedong/`` on an entry's page is one,
as ``../../glossary/mao-zedong/`` is on an essay's. HTML added to a page
after its terms were linked (a note shown on an essay page) gets its hover
text from :func:`add_hover`, which reads only the ``<a>`` tags.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable
from urllib.parse import urlsplit

from edition.glossary.matcher import Matcher

_TOKEN = re.compile(r"<!--.*?-->|<[^>]*>|[^<]+", re.DOTALL)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)")
_HREF = re.compile(r"""\shref=(["'])(.*?)\1""", re.DOTALL | re.IGNORECASE)
_A_TAG = re.compile(r"<a\s[^>]*>", re.IGNORECASE)
_GLOSSARY_PATH = re.compile(r"glossary/([^/]+?)(?:/|/index\.html|\.html)?")
SKIP = frozenset({"a", "code", "pre", "kbd", "samp", "script", "style", "h1", "h2", "h3", "h4", "h5", "h6",
                  "mark", "blockquote", "summary", "button", "svg", "math", "textarea", "select"})
VOID = frozenset({"br", "img", "hr", "input", "meta", "link", "wbr", "source", "area", "col", "embed", "track"})


def glossary_slug(href: str, base: str) -> str | None:
    """The entry a link points to, else None.

    ``base`` is the site-relative URL of the page that shows the link
    (``essays/e/part/``): from it, ``../../glossary/soft-power/`` is
    ``soft-power``. Addresses with a scheme or a host are never entries.
    """
    parts = urlsplit(html.unescape(href))
    if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
        return None
    folder = base if base.endswith("/") else posixpath.dirname(base)
    match = _GLOSSARY_PATH.fullmatch(posixpath.normpath(posixpath.join(folder, parts.path)))
    return match.group(1) if match and match.group(1) != "index" else None


def _hover(tag: str, summaries: dict[str, str], base: str) -> tuple[str, str | None]:
    """An opening ``<a>`` tag with its hover text if it links to an entry, and that entry's slug."""
    href = _HREF.search(tag)
    slug = glossary_slug(href.group(2), base) if href else None
    if slug not in summaries:
        return tag, None
    return _with_title(tag, summaries[slug]), slug


def add_hover(page_html: str, summaries: dict[str, str], base: str) -> str:
    """Give every glossary link in ``page_html`` its hover text; nothing else changes.

    For HTML added after :func:`link_terms` ran; only the ``<a>`` tags are read.
    """
    return _A_TAG.sub(lambda match: _hover(match.group(0), summaries, base)[0], page_html)


def _with_title(tag: str, summary: str) -> str:
    """Add ``title`` (the hover text) and a class to an opening ``<a>`` tag that has no title yet."""
    if re.search(r"\stitle=", tag, re.IGNORECASE):
        return tag
    attrs = f' title="{html.escape(summary, quote=True)}"'
    if re.search(r"\sclass=", tag, re.IGNORECASE):
        tag = re.sub(r"""\sclass=(["'])""", r' class=\1glossary-link ', tag, count=1, flags=re.IGNORECASE)
    else:
        attrs += ' class="glossary-link"'
    return tag[:-1].rstrip("/") + attrs + ">"


def link_terms(
    page_html: str,
    matcher: Matcher | None,
    summaries: dict[str, str],
    url_for: Callable[[str], str],
    *,
    exclude: frozenset[str] = frozenset(),
    base: str = "",
) -> tuple[str, set[str]]:
    """Link the first mention of each term and add hover text to every glossary link.

    ``matcher`` may be None to only add hover text (a page with
    ``glossary: false``). ``url_for(slug)`` gives the entry's URL relative to
    this page, whose own site-relative URL is ``base``; ``exclude`` holds
    slugs never auto-linked here (the entry's own page). Returns the new HTML
    and the slugs linked on the page.
    """
    linked: set[str] = set(exclude)
    skip_stack: list[str] = []
    out: list[str] = []
    for token in _TOKEN.findall(page_html):
        if token.startswith("<"):
            tag = _TAG.match(token)
            if tag:
                closing, name = tag.group(1), tag.group(2).lower()
                if name == "a" and not closing:
                    token, slug = _hover(token, summaries, base)
                    if slug:
                        linked.add(slug)
                if name in SKIP and name not in VOID and not token.endswith("/>"):
                    if closing:
                        if name in skip_stack:
                            while skip_stack and skip_stack.pop() != name:
                                pass
                    else:
                        skip_stack.append(name)
            out.append(token)
        elif skip_stack or matcher is None:
            out.append(token)
        else:
            out.append(_link_text(token, matcher, summaries, url_for, linked))
    return "".join(out), linked - exclude


def _link_text(text: str, matcher: Matcher, summaries: dict[str, str], url_for, linked: set[str]) -> str:
    """Wrap the first unlinked mention of each term in this text node."""
    pieces: list[str] = []
    last = 0
    for start, end, slug in matcher.finditer(text):
        if slug in linked or slug not in summaries:
            continue
        linked.add(slug)
        title = html.escape(summaries[slug], quote=True)
        pieces.append(text[last:start])
        pieces.append(f'<a href="{url_for(slug)}" class="glossary-link" title="{title}">{text[start:end]}</a>')
        last = end
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)
