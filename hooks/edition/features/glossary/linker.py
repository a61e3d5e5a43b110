"""Link glossary terms in a page's HTML, and mark every glossary link so that it previews its entry.

Like Python-Markdown's ``abbr`` extension, this works on the element tree's
text, never on Markdown source: text inside headings, links, code, the
quoted passage of a note (``<mark>``, ``<blockquote>``) and the like is left
alone. The HTML is walked once as a stream of tags and text (a linear scan;
pages are produced by Markdown, so tags are well formed), which is far cheaper
than parsing and re-serializing a tree for every page.

A link is a glossary link when its address, resolved from the page that
shows it, is an entry's page: ``../mao-zedong/`` on an entry's page is one,
as ``../../glossary/mao-zedong/`` is on an essay's. Each gets the class
``glossary-link``, by which the reader's script finds the links that show a
preview (the entry's title, Chinese name, summary and mentions, from the
build's ``glossary/previews.json``) on hover, focus or tap. The summary is
not written into the link (no ``title``): the preview shows it, and a
``title`` would show it a second time, as the theme's tooltip. HTML added
to a page after its terms were linked (a note shown on an essay page) is
marked by :func:`mark_links`, which reads only the ``<a>`` tags. A link
that has a title of its own keeps it and is left as it is.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Collection, Iterator

from edition.addresses import GLOSSARY, INDEX, fixed_address
from edition.features.glossary.matcher import Matcher

# A comment, a tag (its name read when it starts like one: ``</``, a letter) or a run of text, as
# ``(tag, "/" or "", name, text)``: one pass in C, and a tuple a token, where a match object and a
# second pattern per tag cost a sixth more. A ``<`` that no ``>`` closes is text, kept as it is.
_TOKEN = re.compile(r"(<!--.*?-->|<(/?)(?:([a-zA-Z][a-zA-Z0-9]*))?[^>]*>)|([^<]+|<)", re.DOTALL)
_HREF = re.compile(r"""\shref=(["'])(.*?)\1""", re.DOTALL | re.IGNORECASE)
_FOLDER = GLOSSARY + "/"
_A_TAG = re.compile(r"<a\s[^>]*>", re.IGNORECASE)
_A_OPEN = re.compile(r"<a\s", re.IGNORECASE)
_TITLE = re.compile(r"\stitle=", re.IGNORECASE)
_CLASS = re.compile(r"""\sclass=(["'])""", re.IGNORECASE)
_MARKED = re.compile(r"""\sclass=(["'])(?:[^"']*\s)?glossary-link[\s"']""", re.IGNORECASE)
SKIP = frozenset(
    "a code pre kbd samp script style h1 h2 h3 h4 h5 h6 mark blockquote summary button svg math textarea select".split()
)
Found = dict[str, tuple[tuple[int, int, str], ...]]  # a text node -> the names it holds: (start, end, slug)
VOID = frozenset("br img hr input meta link wbr source area col embed track".split())


def glossary_slug(href: str, base: str) -> str | None:
    """The entry a link points to, else None.

    ``base`` is the site-relative URL of the page that shows the link
    (``essays/e/part/``): from it, ``../../../glossary/soft-power/`` is
    ``soft-power``. Addresses with a scheme, a host or a leading ``/`` are
    never entries. Outside the glossary's folder an address can only reach
    an entry by naming the folder, which one substring test rules out for
    most links; this runs for every link of every page, hence the plain
    string work instead of ``urlsplit`` and ``normpath``.
    """
    if "&" in href:
        href = html.unescape(href)
    elif not base.startswith(_FOLDER) and GLOSSARY not in href:
        return None
    path = href.partition("#")[0].partition("?")[0]
    if not path or fixed_address(path):  # a root-relative address, or one with a scheme
        return None
    segments = base.split("/")[:-1]  # the page's folder: 'essays/e/part/' or 'essays/e/part.html' -> essays, e
    for part in path.split("/"):
        if part == "..":
            if not segments:
                return None  # above the site's root
            segments.pop()
        elif part not in ("", "."):
            segments.append(part)
    if segments[-1:] == ["index.html"]:  # glossary/x/index.html is the page glossary/x/
        segments.pop()
    elif segments and segments[-1].endswith(".html"):  # glossary/x.html, with use_directory_urls off
        segments[-1] = segments[-1][: -len(".html")]
    if len(segments) != 2 or segments[0] != GLOSSARY or segments[1] in ("", INDEX):
        return None
    return segments[1]


def _glossary_tag(tag: str, entries: Collection[str], base: str) -> tuple[str, str | None]:
    """An opening ``<a>`` tag marked as a glossary link if it links to an entry, and that entry's slug."""
    href = _HREF.search(tag)
    slug = glossary_slug(href.group(2), base) if href else None
    if slug not in entries:
        return tag, None
    return _marked(tag), slug


def mark_links(page_html: str, entries: Collection[str], base: str, found: set[str] | None = None) -> str:
    """Mark every link to one of ``entries`` in ``page_html`` as a glossary link; nothing else changes.

    For HTML added after :func:`link_terms` ran; only the ``<a>`` tags are read.
    The slugs of the entries linked are added to ``found`` (the page depends on them).
    """

    def mark(tag: str) -> str:
        if _TITLE.search(tag):
            return tag
        tag, slug = _glossary_tag(tag, entries, base)
        if slug and found is not None:
            found.add(slug)
        return tag

    if base.startswith(_FOLDER):
        return _A_TAG.sub(lambda match: mark(match.group(0)), page_html)
    pieces, done = [], 0
    for start, end in _tags_naming_glossary(page_html):  # elsewhere only these can reach an entry
        pieces += [page_html[done:start], mark(page_html[start:end])]
        done = end
    return "".join(pieces) + page_html[done:] if pieces else page_html


def _tags_naming_glossary(page_html: str) -> Iterator[tuple[int, int]]:
    """The spans of the ``<a>`` tags whose text contains 'glossary', found from each occurrence of the word."""
    at = page_html.find(GLOSSARY)
    while at != -1:
        start, end = page_html.rfind("<", 0, at), page_html.find(">", at)
        if end == -1:
            return
        if page_html.rfind(">", start, at) == -1 and _A_OPEN.match(page_html, start):
            yield start, end + 1
        at = page_html.find(GLOSSARY, end)


def _marked(tag: str) -> str:
    """An opening ``<a>`` tag with the class ``glossary-link``, unless it has a title of its own."""
    if _TITLE.search(tag) or _MARKED.search(tag):
        return tag
    if _CLASS.search(tag):
        return _CLASS.sub(r" class=\1glossary-link ", tag, count=1)
    return tag[:-1].rstrip("/") + ' class="glossary-link">'


def link_terms(
    page_html: str,
    matcher: Matcher | None,
    entries: Collection[str],
    url_for: Callable[[str], str],
    *,
    exclude: frozenset[str] = frozenset(),
    base: str = "",
    seen: Found | None = None,
) -> tuple[str, set[str]]:
    """Link the first mention of each term and mark every glossary link.

    ``matcher`` may be None to only mark the page's links (a page with
    ``glossary: false``); ``entries`` holds the entries' slugs.
    ``url_for(slug)`` gives the entry's URL relative to this page, whose
    own site-relative URL is ``base``; ``exclude`` holds slugs never
    auto-linked here (the entry's own page). ``seen`` keeps the names each
    text holds, for the build: the whole-essay page shows the sections' text
    again, and its paragraphs are not matched a second time. Returns the new
    HTML and the slugs linked on the page.
    """
    linked: set[str] = set(exclude)
    skip_stack: list[str] = []
    out: list[str] = []
    for tag, closing, name, text in _TOKEN.findall(page_html):
        if text:
            out.append(
                text if skip_stack or matcher is None else _link_text(text, matcher, entries, url_for, linked, seen)
            )
            continue
        if name:
            name = name.lower()
            if name == "a" and not closing:
                tag, slug = _glossary_tag(tag, entries, base)
                if slug:
                    linked.add(slug)
            if name in SKIP and name not in VOID and not tag.endswith("/>"):
                if closing:
                    if name in skip_stack:
                        while skip_stack and skip_stack.pop() != name:
                            pass
                else:
                    skip_stack.append(name)
        out.append(tag)
    return "".join(out), linked - exclude


def _link_text(
    text: str, matcher: Matcher, entries: Collection[str], url_for, linked: set[str], seen: Found | None
) -> str:
    """Wrap the first unlinked mention of each term in this text node."""
    found = seen.get(text) if seen is not None else None
    if found is None:
        found = tuple(matcher.finditer(text))
        if seen is not None:
            seen[text] = found
    pieces: list[str] = []
    last = 0
    for start, end, slug in found:
        if slug in linked or slug not in entries:
            continue
        linked.add(slug)
        pieces.append(text[last:start])
        href = html.escape(url_for(slug), quote=True)
        pieces.append(f'<a href="{href}" class="glossary-link">{text[start:end]}</a>')
        last = end
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)
