"""Fast extraction of ids and links from one page's final HTML.

A link checker never needs the document tree, only each address, where it
sits in the page and which ids the page has.  One compiled regular expression
over the few tags that carry addresses does that an order of magnitude faster
than building a DOM (BeautifulSoup, ``html.parser``) for every page, which is
what keeps the check cheap on a site of thousands of pages.

Most of a Material page is the theme's own markup (the navigation alone is
a link to every page, on every page), which templates write in one regular
form: ``<tag attr="value">``.  Those parts are read with literal-prefix
patterns that run at memory speed; the page body, where authors write raw
HTML, comments and code samples, gets the careful tag-by-tag scanner.

Each link is attributed to the file a person must edit: the nearest enclosing
element's ``data-source`` (other hooks wrap notes and glossary summaries taken
from other files in one), else the page's own Markdown source when the link
lies inside the rendered content, else the theme/template that wrote the page.
A page that no Markdown file produced (the whole-essay page, generated) still
has its body read tag by tag, so that a note shown there is blamed on the note.

An element of a page's body carrying ``data-linkcheck-ignore`` (maintainers'
raw HTML; contributed text cannot set attributes) is skipped with all that
it contains: none of its addresses is collected. Its ids still count. The
theme's markup is not searched for it: templates need no opt-out, and every
page would pay for the search.
"""

from __future__ import annotations

import html as htmllib
import re
from bisect import bisect_right
from collections.abc import Iterator
from typing import NamedTuple

from edition.addresses import URL_ATTRIBUTES
from edition.conventions import LINKCHECK_IGNORE, SOURCE_ATTRIBUTE
from edition.features.linkcheck.attributes import refresh_url, srcset_urls

# An attribute list that may contain '>' inside quoted values. Possessive
# (Python 3.11): each character can be read only one way, so giving back
# never finds another match, and not trying spares the engine a step per
# character of every long address.
_ATTRS = r"""(?:[^>"']++|"[^"]*+"|'[^']*+')*+"""

# Comments and the bodies of <script>/<style> are matched (and skipped) so
# that markup quoted inside them is not mistaken for a link; a <script>'s own
# attributes are still read for its src.
# The ``<`` is written once, before the alternatives, so that the engine
# skips straight from one ``<`` to the next rather than trying each branch;
# a look-ahead at the next character then passes over, in one step, the
# closing tags and most others (``</p>``, ``<p>``, ``<h2>``), on which
# case-insensitive branches cost a try each: a third of the scan's time.
_FIRSTS = "".join(sorted({name[0] for name in (*URL_ATTRIBUTES, "style")}))
_TAG = re.compile(
    r"<(?=[!" + _FIRSTS + r"])(?:!--.*?-->"
    r"|(script|style)\b(" + _ATTRS + r")>.*?</\1\s*>"
    r"|(" + "|".join(t for t in URL_ATTRIBUTES if t != "script") + r")\b(" + _ATTRS + r")>)",
    re.S | re.I,
)
_ATTR = re.compile(r"""([^\s"'>/=]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
# Any attribute, with or without a value (``data-linkcheck-ignore`` has none).
_ANY_ATTR = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
_A_TAG = re.compile(r"<a\b(" + _ATTRS + ")>", re.I)
# An id attribute. The space before it is checked by :func:`_ids`: a pattern
# starting with a literal lets the engine jump from one "id" to the next,
# where a leading ``\s`` (or a look-behind) tries a match at every space.
_ID = re.compile(r"""id\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_OPEN_TAG = re.compile(r"<([a-zA-Z][\w-]*)\b(" + _ATTRS + ")>")
IGNORE = LINKCHECK_IGNORE
SOURCE = SOURCE_ATTRIBUTE
# The attributes read from each tag: its addresses and what says how to take them.
_READ = {tag: attrs | {"rel", "http-equiv", "type"} for tag, attrs in URL_ATTRIBUTES.items()}
# The names whose absence from a tag (lowercased) proves it holds no address
# and gives no ``<a name>``: most tags of a body (a paragraph's buttons, the
# notes' filter) are passed over without reading their attributes. They are
# looked for as written first, since nearly every tag writes them in lower case.
_NAMED = {tag: (*attrs, "name") if tag == "a" else tuple(attrs) for tag, attrs in URL_ATTRIBUTES.items()}
# Elements with no end tag: an attribute on one covers the tag alone.
_VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]
)
# Theme markup: double-quoted, space-separated attributes (literal prefixes
# let the regex engine jump from match to match).
_THEME_ATTRS = {attr: f' {attr}="' for attr in ("href", "src")}
_THEME_ID = re.compile(r' id="([^"]*)"')
_HINT = re.compile(r'<link rel="(?:preconnect|dns-prefetch)" href="([^"]*)"')
_STRIP_TAGS = re.compile(r"<[^>]*>")


class Link(NamedTuple):
    """One address found in a page.

    ``source`` is the file to edit (a repository-relative Markdown path, or
    the output page for links the theme wrote, then ``theme`` is true);
    ``text`` is the link's words, kept only for ``href="#"`` placeholders so
    the message can quote them.
    """

    url: str
    tag: str
    attr: str
    rel: str
    source: str
    theme: bool
    text: str = ""


class Page(NamedTuple):
    """A written page: its output file, its ids and every link in it.

    ``file`` is relative to ``site_dir`` (``essays/x/index.html``);
    ``src_uri`` is the Markdown source relative to the docs directory, or
    ``None`` for pages no Markdown file produced (404.html, generated pages).
    ``rows`` are the body's links, in full, as plain tuples (the fields of
    :class:`Link`); ``theme`` holds the addresses the
    theme wrote, as bare strings per attribute (``("href", (...))``) because
    there are a thousand of them per page; ``hints`` are the theme's resource
    hints (preconnect), which name an origin and are never fetched; ``whole``
    is false when ``ids`` holds only the body's ids (the theme's are read
    from the written file if a link ever needs them); ``twice`` holds each
    id the body gives more than one element, with the file to edit, as
    ``(id, source)``: a link to it reaches the first only.

    Inside, only plain tuples and strings: a build holds one record per page
    until the end, and the garbage collector stops tracking plain tuples of
    strings, where it scans sets, lists and named tuples in every full
    collection (a large site holds millions of links: seconds of collection).
    The checker makes :class:`Link` objects and id sets when it needs them.
    """

    file: str
    src_uri: str | None
    ids: tuple[str, ...]
    rows: tuple[tuple[str, str, str, str, str, bool, str], ...]
    theme: tuple[tuple[str, tuple[str, ...]], ...] = ()
    hints: tuple[str, ...] = ()
    whole: bool = True
    twice: tuple[tuple[str, str], ...] = ()

    def addresses(self) -> int:
        """How many addresses the page holds."""
        return len(self.rows) + sum(len(urls) for _, urls in self.theme)


def _value(m: re.Match[str], first: int) -> str:
    """The matched alternative of a quoted/unquoted value, entity-decoded."""
    value = m.group(first)
    if value is None:
        value = m.group(first + 1)
        if value is None:
            value = m.group(first + 2)
    return _unescaped(value)


def _unescaped(value: str) -> str:
    """``value`` entity-decoded; most values hold no entity and are returned as they are."""
    return htmllib.unescape(value) if "&" in value else value


def _ids(html: str, lo: int = 0, hi: int | None = None) -> Iterator[str]:
    """The values of ``id`` attributes in ``html[lo:hi]``: an ``id=`` after a space."""
    return (value for _, value in _placed_ids(html, lo, hi))


def _placed_ids(html: str, lo: int = 0, hi: int | None = None) -> Iterator[tuple[int, str]]:
    """``(position, value)`` of each ``id`` attribute in ``html[lo:hi]`` (see :func:`_ids`).

    After a match with no space before it (``data-id=``), the search resumes
    one character on, so no match inside it is skipped.
    """
    hi = len(html) if hi is None else hi
    search = _ID.search
    m = search(html, lo, hi)
    while m is not None:
        at = m.start()
        if at > lo and html[at - 1].isspace():
            yield at, _value(m, 1)
            m = search(html, m.end(), hi)
        else:
            m = search(html, at + 1, hi)


def _names(html: str) -> Iterator[str]:
    """The ``name`` of every ``<a>``: a fragment finds one when no id matches (HTML's "indicated part")."""
    for m in _A_TAG.finditer(html):
        for a in _ATTR.finditer(m.group(1)):
            if a.group(1).lower() == "name":
                yield _value(a, 2)
                break


def extract_ids(html: str) -> frozenset[str]:
    """Every fragment target in the page: each ``id`` and each ``<a name>``."""
    return frozenset(_ids(html)).union(_names(html))


def _tags_with(html: str, attr: str) -> list[re.Match[str]]:
    """The opening tags whose attributes mention ``attr``.

    Each mention is found with ``str.find`` and its tag read from the ``<``
    before it; only when that tag does not contain the mention (the words
    appear in text, or a ``<`` in an attribute value) are all tags read.
    """
    found = []
    at = html.find(attr)
    while at >= 0:
        start = html.rfind("<", 0, at)
        m = _OPEN_TAG.match(html, start) if start >= 0 else None
        if m is None or m.end() <= at:
            return [m for m in _OPEN_TAG.finditer(html) if attr in m.group(2)]
        found.append(m)
        at = html.find(attr, m.end())
    return found


def attr_spans(html: str, attr: str) -> list[tuple[int, int, str]]:
    """Extents of the elements carrying attribute ``attr``, and its value, sorted by start.

    The end is found by counting opening and closing tags of the same name,
    which is exact for well-formed output and needs no tree; a void element
    (``<img>``) ends with its tag. The mere mention of the name in a value
    or in text is not the attribute.
    """
    spans = []
    for m in _tags_with(html, attr):
        found = next((a for a in _ANY_ATTR.finditer(m.group(2)) if a.group(1) == attr), None)
        if found is None:
            continue
        name = m.group(1).lower()
        end = m.end() if name in _VOID else _element_end(html, name, m.end())
        valued = any(found.group(i) is not None for i in (2, 3, 4))
        spans.append((m.start(), end, _value(found, 2) if valued else ""))
    return spans


def _element_end(html: str, name: str, after: int) -> int:
    """Where the element whose start tag ends at ``after`` closes (the page's end if never)."""
    depth = 1
    for t in re.compile(r"<(/?)" + re.escape(name) + r"\b", re.I).finditer(html, after):
        depth += -1 if t.group(1) else 1
        if depth == 0:
            return t.start()
    return len(html)


def _owner(pos: int, spans: list[tuple[int, int, str]], starts: list[int]) -> str | None:
    """The value of the innermost span containing ``pos``."""
    i = bisect_right(starts, pos)
    while i > 0:
        i -= 1
        _, end, value = spans[i]
        if pos < end:
            return value
    return None


def _link_text(html: str, end: int) -> str:
    """The words of an ``<a>`` that ends its start tag at ``end``."""
    close = html.find("</a", end)
    return " ".join(_STRIP_TAGS.sub("", html[end : close if close >= 0 else end]).split())


def _quoted_values(html: str, start: str, lo: int, hi: int) -> list[str]:
    """Each value written ``<start>value"`` in ``html[lo:hi]``, as ``re.findall`` of
    ``start + '([^"]*)"'`` would give them, with ``str.find``.

    Pages with any character beyond Latin-1 are stored two bytes a character,
    where the regular-expression engine and ``str.find`` alike read about a
    byte a nanosecond; ``find`` skips ahead by the literal and is twice as fast.
    """
    values = []
    find, skip = html.find, len(start)
    at = find(start, lo, hi)
    while at >= 0:
        end = find('"', at + skip, hi)
        if end < 0:
            break
        values.append(html[at + skip : end])
        at = find(start, end + 1, hi)
    return values


def _theme_links(html: str, lo: int, hi: int) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The theme's addresses: everything outside ``[lo, hi)``, fast path.

    Only ``href`` and ``src`` are read here: Material writes no ``srcset``,
    comments or single-quoted attributes in its own markup.
    """
    found = []
    for attr, start in _THEME_ATTRS.items():
        urls = _quoted_values(html, start, 0, lo) + _quoted_values(html, start, hi, len(html))
        if "&" in "".join(urls):
            urls = [htmllib.unescape(u) if "&" in u else u for u in urls]
        found.append((attr, tuple(urls)))
    return tuple(found)


def _placed(content: str, html: str) -> int:
    """Where ``content`` first lies in ``html``, as ``html.find(content)``, or -1.

    A body is kilobytes long, and ``find`` with a needle that long prepares
    it whole before it searches; its first 64 characters are found instead
    and the rest compared where they are, which takes half the time.
    """
    prefix = content[:64]
    at = html.find(prefix)
    while at >= 0 and not html.startswith(content, at):
        at = html.find(prefix, at + 1)
    return at


def scan(
    html: str,
    file: str,
    source: str | None = None,
    src_uri: str | None = None,
    content: str | None = None,
) -> Page:
    """Collect the ids and links of one page.

    ``source`` is the page's Markdown file relative to the repository root
    and ``content`` its rendered body (MkDocs' ``page.content``): links inside
    that body are the author's and read carefully, links outside it the
    theme's.  If the body cannot be found verbatim (a later plugin rewrote
    the page), the whole page is read carefully and blamed on the source,
    which is the safer guess for a contributor.  A page without a source
    whose body is given (a generated page) has its body read carefully too:
    what lies in a ``data-source`` element is blamed on that file, the rest
    on the theme, as before.
    """
    if content and (lo := _placed(content, html)) >= 0:
        hi = lo + len(content)
    elif source is None:
        lo, hi = 0, 0
    else:
        lo, hi = 0, len(html)
    # The theme's ids (its toggles, __drawer and the like) are not read when
    # the body was found: links into the page almost always name the body's
    # ids, and the checker reads the whole written page in the rare case one
    # does not (``Page.whole``). That spares a pass over every page's theme.
    whole = lo == hi or (lo == 0 and hi == len(html))
    ids = set(_THEME_ID.findall(html)) if lo == hi else set()
    if any("&" in i for i in ids):
        ids = {htmllib.unescape(i) for i in ids}
    placed = list(_placed_ids(html, lo, hi))
    ids.update(value for _, value in placed)
    twice = _given_twice(html, lo, hi, placed, source or file) if not whole and len(ids) < len(placed) else ()
    links = _body_links(html, lo, hi, source, file, ids) if hi > lo else []
    body = html.find("<body")
    hints = tuple(_HINT.findall(html, 0, body)) if body > 0 else ()
    return Page(file, src_uri, tuple(ids), tuple(links), _theme_links(html, lo, hi), hints, whole, twice)


def _given_twice(
    html: str, lo: int, hi: int, placed: list[tuple[int, str]], source: str
) -> tuple[tuple[str, str], ...]:
    """Each id of the body given to more than one element, once, with the file that gave it again.

    That file is the innermost ``data-source`` around the second element
    (a note, an entry's summary), else the page's source. Only the body is
    read, where the page was found: the theme's ids are the theme's.
    """
    spans = _spans(html, SOURCE, lo, hi)
    starts = [span[0] for span in spans]
    seen: set[str] = set()
    twice: dict[str, str] = {}
    for at, value in placed:
        if value in seen and value not in twice:
            twice[value] = (_owner(at, spans, starts) if spans else None) or source
        seen.add(value)
    return tuple(twice.items())


def _spans(html: str, attr: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """:func:`attr_spans` of ``html[lo:hi]``, placed in ``html``; the slice is made only when ``attr`` occurs."""
    if html.find(attr, lo, hi) < 0:
        return []
    return [(start + lo, end + lo, value) for start, end, value in attr_spans(html[lo:hi], attr)]


def _body_links(
    html: str, lo: int, hi: int, source: str | None, file: str, ids: set[str]
) -> list[tuple[str, str, str, str, str, bool, str]]:
    """Every link in ``html[lo:hi]``, tag by tag; adds ``<a name>`` to ``ids``.

    A link is blamed on the innermost ``data-source`` around it, else on
    ``source``, else (a generated page) on the theme that wrote ``file``.
    """
    spans = _spans(html, SOURCE, lo, hi)
    starts = [s[0] for s in spans]
    ignored = _spans(html, IGNORE, lo, hi)
    skip_starts = [s[0] for s in ignored]
    links = []
    for m in _TAG.finditer(html, lo, hi):
        tag, attrs = m.group(3, 4)
        if tag is None:
            tag, attrs = m.group(1, 2)
            if tag is None or tag.lower() != "script":  # a <style>, or a comment
                continue
        tag = tag.lower()
        named = _NAMED[tag]
        if not any(name in attrs for name in named) and not any(name in attrs.lower() for name in named):
            continue
        if ignored and _owner(m.start(), ignored, skip_starts) is not None:
            continue
        who = (_owner(m.start(), spans, starts) if spans else None) or source
        wanted, read = URL_ATTRIBUTES[tag], _READ[tag]
        values: dict[str, str] = {}
        for name, double, single, bare in _ATTR.findall(attrs):  # the three ways to write a value; one at most is set
            name = name.lower()
            if name in read:
                if name not in values:  # the first of repeated attributes counts, as in a browser
                    values[name] = _unescaped(double or single or bare)
            elif name == "name" and tag == "a":
                ids.add(_unescaped(double or single or bare))
        rel = values.get("rel", "").lower()
        for name, url in values.items():
            if name not in wanted:
                continue
            if name == "srcset":
                urls = srcset_urls(url)
            elif name == "content":
                refresh = refresh_url(url) if values.get("http-equiv", "").lower() == "refresh" else None
                urls = [refresh] if refresh is not None else []
            elif name == "src" and tag == "input" and values.get("type", "").lower() != "image":
                urls = []
            else:
                urls = [url]
            for url in urls:
                text = _link_text(html, m.end()) if tag == "a" and url.strip() in ("", "#") else ""
                links.append((url, tag, name, rel, who or file, who is None, text))
    return links
