"""Link glossary terms in a page's HTML, and give every glossary link its hover text.

Like Python-Markdown's ``abbr`` extension, this works on the element tree's
text, never on Markdown source: text inside headings, links, code, the
quoted passage of a note (``<mark>``, ``<blockquote>``) and the like is left
alone. The HTML is walked once as a stream of tags and text (a linear scan;
pages are produced by Markdown, so tags are well formed), which is far cheaper
than parsing and re-serializing a tree for every page.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from edition.glossary.matcher import Matcher

_TOKEN = re.compile(r"<!--.*?-->|<[^>]*>|[^<]+", re.DOTALL)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)")
_HREF = re.compile(r"""\shref=(["'])(.*?)\1""", re.DOTALL)
_GLOSSARY_HREF = re.compile(r"(?:^|/)glossary/([^/#?]+?)(?:/|\.html)?(?:#[^/]*)?$")
SKIP = frozenset({"a", "code", "pre", "kbd", "samp", "script", "style", "h1", "h2", "h3", "h4", "h5", "h6",
                  "mark", "blockquote", "summary", "button", "svg", "math", "textarea", "select"})
VOID = frozenset({"br", "img", "hr", "input", "meta", "link", "wbr", "source", "area", "col", "embed", "track"})


def glossary_slug(href: str) -> str | None:
    """The entry slug a link points to (``../../glossary/soft-power/`` -> ``soft-power``), else None."""
    match = _GLOSSARY_HREF.search(html.unescape(href))
    return match.group(1) if match and match.group(1) != "index" else None


def _with_title(tag: str, summary: str) -> str:
    """Add ``title`` (the hover text) and a class to an opening ``<a>`` tag that has no title yet."""
    if re.search(r"\stitle=", tag):
        return tag
    attrs = f' title="{html.escape(summary, quote=True)}"'
    if re.search(r"\sclass=", tag):
        tag = re.sub(r"""\sclass=(["'])""", r' class=\1glossary-link ', tag, count=1)
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
) -> tuple[str, set[str]]:
    """Link the first mention of each term and add hover text to every glossary link.

    ``matcher`` may be None to only add hover text (a page with
    ``glossary: false``). ``url_for(slug)`` gives the entry's URL relative to
    this page; ``exclude`` holds slugs never auto-linked here (the entry's own
    page). Returns the new HTML and the slugs linked on the page.
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
                    href = _HREF.search(token)
                    slug = glossary_slug(href.group(2)) if href else None
                    if slug in summaries:
                        linked.add(slug)
                        token = _with_title(token, summaries[slug])
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
        href = html.escape(url_for(slug), quote=True)
        pieces.append(f'<a href="{href}" class="glossary-link" title="{title}">{text[start:end]}</a>')
        last = end
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)
