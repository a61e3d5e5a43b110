"""The one allow-list of what a stranger's Markdown may publish, and the maintained sanitizer that enforces it last.

Notes and glossary entry bodies arrive by pull request. Their HTML may hold
only what this project's own Markdown configuration produces: the elements
in :data:`ELEMENTS` and, per element, the attributes in :data:`ATTRIBUTES`
with values of the given shape. Every id and class on that list is one the
project generates (footnote ids with their ``fn:N-`` prefix, heading ids
from the table of contents, Material's ``headerlink``, the footnotes'
classes): nothing a contributor writes can choose an id or a class. Links
may use :data:`LINK_SCHEMES` or be relative to the site; images may only be
the site's own files (no third-party requests, no tracking pixels).

Two passes read this table: the renderer's own pass over the element tree
(``sanitize._Clean``), which reports what it drops, and :func:`clean`, which
hands the final HTML (after Markdown's stash and postprocessors) to ``nh3``
(Rust's ammonia) with the same elements, attributes and value shapes. Each
would stop the known attacks alone; the second does not trust the first.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

import nh3
from markdown.util import AMP_SUBSTITUTE

from edition.addresses import network_path

ELEMENTS = frozenset(
    "a blockquote br code div em h1 h2 h3 h4 h5 h6 hr img li ol p pre strong sup table tbody td th thead tr ul".split()
)
LINK_SCHEMES = ("http", "https", "mailto")
IMAGE_SCHEMES = ()  # images only from the site itself: no third-party requests, no tracking pixels

_TEXT = re.compile(r".*", re.DOTALL)  # alt and title are text: escaped when written, never an address or a name
_FOOTNOTE_ID = re.compile(r"fn(?:ref\d*)?:\d+-\S+")  # footnotes' UNIQUE_IDS: a colon no paragraph or theme id has
_HEADING_ID = re.compile(r"[\w-]+")  # toc slugs (entries only); the glossary reports the reserved ones
_ADDRESS = None  # judged by address_problem with the element's schemes, not by a pattern
ATTRIBUTES: dict[str, dict[str, re.Pattern | None]] = {
    "a": {"href": _ADDRESS, "title": _TEXT, "class": re.compile("footnote-ref|footnote-backref|headerlink")},
    "img": {"src": _ADDRESS, "alt": _TEXT, "title": _TEXT},
    "div": {"class": re.compile("footnote")},
    "sup": {"id": _FOOTNOTE_ID},
    "li": {"id": _FOOTNOTE_ID},
    "ol": {"start": re.compile(r"\d{1,9}")},
    "th": {"style": re.compile("text-align: (?:left|center|right);")},  # the tables extension's column alignment
    "td": {"style": re.compile("text-align: (?:left|center|right);")},
    **{f"h{level}": {"id": _HEADING_ID} for level in range(1, 7)},
}

_CONTROL = re.compile(r"[\x00-\x20\x7f-\x9f]+")
NETWORK = "//"  # what scheme_of answers for a network-path reference


def scheme_of(url: str) -> str | None:
    """The scheme of ``url`` as a browser reads it: "" when relative, ``//`` for another host, None when unreadable.

    Entities are decoded (also those Markdown hides behind its ampersand
    placeholder) and control characters and spaces removed anywhere, since
    browsers ignore them: ``&#106;ava\\tscript:`` is ``javascript:``, and
    ``/\\tracker.example`` is ``//tracker.example``, another site's address.
    """
    plain = _CONTROL.sub("", html.unescape(url.replace(AMP_SUBSTITUTE, "&")))
    if network_path(plain):
        return NETWORK
    try:
        return urlsplit(plain).scheme.lower()
    except ValueError:
        return None


def address_problem(url: str, schemes: tuple[str, ...]) -> str | None:
    """Why ``url`` may not be used, or None: only ``schemes`` and addresses of the site's own files pass."""
    scheme = scheme_of(url)
    if scheme == "" or scheme in schemes:
        return None
    allowed = ", ".join(schemes) + (" or relative" if schemes else "relative")
    why = "; '//' starts another site's address" if scheme == NETWORK else ""
    return f"address '{url.replace(AMP_SUBSTITUTE, '&')}' is not allowed (only {allowed} addresses{why})"


def schemes_for(tag: str) -> tuple[str, ...]:
    """The schemes an element's address may have: an image none (only the site's files), a link :data:`LINK_SCHEMES`."""
    return IMAGE_SCHEMES if tag == "img" else LINK_SCHEMES


def allowed(tag: str, name: str, value: str) -> bool:
    """Whether ``tag`` may carry the attribute ``name`` with ``value``."""
    rules = ATTRIBUTES.get(tag)
    if rules is None or name not in rules:
        return False
    rule = rules[name]
    if rule is _ADDRESS:
        return address_problem(value, schemes_for(tag)) is None
    return rule.fullmatch(value) is not None


_CLEANER = nh3.Cleaner(
    tags=set(ELEMENTS),
    attributes={tag: set(rules) for tag, rules in ATTRIBUTES.items()},
    attribute_filter=lambda tag, name, value: value if allowed(tag, name, value) else None,
    url_schemes=set(LINK_SCHEMES),
    link_rel=None,  # the site's own HTML, not a third party's: no rel is added or needed
    strip_comments=True,
)


def clean(body_html: str) -> str:
    """``body_html`` as ``nh3`` lets it through the allow-list: the last word on a rendered body."""
    return _CLEANER.clean(body_html)
