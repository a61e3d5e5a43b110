"""Which attributes of which elements hold addresses, and how to read the two that hold more than one.

The table (:data:`edition.addresses.URL_ATTRIBUTES`, which the whole-essay
page reads too) follows the HTML standard's index of attributes whose value is a
URL (``href``, ``src``, ``srcset``, ``poster``, ``data``, ``action``,
``formaction``, ``cite``, and ``content`` of a refresh ``<meta>``), limited to
the elements where a browser uses them: ``src`` of an ``<input>`` is fetched
only when it is ``type=image``. Left out on purpose: ``usemap`` (it names a
``<map>``, not an address), attributes the standard calls obsolete
(``longdesc``, ``background``, ``manifest``, ``codebase``, ``classid``) and
SVG's ``href`` on ``<use>`` and ``<image>`` (Material's icons are inline).

``srcset`` and a refresh ``content`` are parsed with the standard's own
algorithms, because a comma or a ``;`` may be part of an address: a split on
commas turns ``a,b.png 2x`` into two addresses that do not exist.
"""

from __future__ import annotations

import re

# Attributes whose empty value means "this page" (a form posts to itself).
SELF_WHEN_EMPTY = frozenset({"action", "formaction"})

_WHITESPACE = " \t\n\r\f"
# A delay (digits, or a dot first), then whitespace, ';' or ',' before the address.
_REFRESH = re.compile(r"[ \t\n\r\f]*(?:[0-9][0-9.]*|\.[0-9.]*)(?=$|[;, \t\n\r\f])[ \t\n\r\f]*[;,]?[ \t\n\r\f]*")
_URL_EQUALS = re.compile(r"url[ \t\n\r\f]*=[ \t\n\r\f]*", re.I | re.A)


def srcset_urls(value: str) -> list[str]:
    """The address of every image candidate in a ``srcset``, as the HTML standard's parser reads them.

    An address runs to the next whitespace (so it may contain commas); a
    trailing comma ends it without descriptors; otherwise its descriptors
    run to the next comma outside parentheses. Descriptors are not judged:
    a candidate with a wrong one still names a file that should exist.
    """
    urls: list[str] = []
    at, end = 0, len(value)
    while True:
        while at < end and (value[at] in _WHITESPACE or value[at] == ","):
            at += 1
        if at >= end:
            return urls
        start = at
        while at < end and value[at] not in _WHITESPACE:
            at += 1
        url = value[start:at]
        if url.endswith(","):
            urls.append(url.rstrip(","))
            continue
        urls.append(url)
        at = _after_descriptors(value, at)


def _after_descriptors(value: str, at: int) -> int:
    """Where the next candidate may start: after the comma that ends these descriptors, outside parentheses."""
    parens = False
    for i in range(at, len(value)):
        char = value[i]
        if parens:
            parens = char != ")"
        elif char == "(":
            parens = True
        elif char == ",":
            return i + 1
    return len(value)


def refresh_url(content: str) -> str | None:
    """The address of a refresh ``<meta>``'s ``content`` (``5; url=next/``), or None when it only reloads.

    Follows the standard's "shared declarative refresh steps": a delay, then
    ``;`` or ``,``, then an optional ``url=``, and the address, possibly quoted.
    A value without a delay is ignored by browsers, and so here.
    """
    m = _REFRESH.match(content)
    rest = content[m.end() :] if m else ""
    if not rest:
        return None
    m = _URL_EQUALS.match(rest)
    if m:
        rest = rest[m.end() :]
    if rest[:1] in ("'", '"'):
        quote, rest = rest[0], rest[1:]
        rest = rest.split(quote, 1)[0]
    return rest.strip(_WHITESPACE) or None
