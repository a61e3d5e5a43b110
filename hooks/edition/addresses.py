"""Page addresses and relative links, the way MkDocs computes them, without MkDocs.

Kept here so that generated links (glossary, backlinks, commentary) are
computed by one pure function a unit test can call, and so the logic can move
to another site engine.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Mapping

Link = Callable[..., "str | None"]
_IGNORED = re.compile(r"[\x00-\x20\x7f]+")  # browsers skip these in an address: tab and newline anywhere, spaces around


def network_path(url: str) -> bool:
    r"""Whether a browser reads ``url`` as another site's address in the page's scheme.

    ``//host/x`` (a network-path reference) is not a file of this site
    however relative it looks; browsers read a backslash as a slash and drop
    tabs, newlines and leading spaces, so ``\\host``, ``/\host`` and
    ``/<tab>/host`` name a host too.
    """
    return _IGNORED.sub("", url)[:2].replace("\\", "/") == "//"


def page_url(src_uri: str, use_directory_urls: bool = True) -> str:
    """The site-relative URL of the page built from ``src_uri`` (``essays/x/a.md`` -> ``essays/x/a/``)."""
    stem = src_uri[:-3] if src_uri.endswith(".md") else src_uri
    if not use_directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative_url(target: str, from_page: str) -> str:
    """``target`` (site-relative) as seen from the page at site-relative URL ``from_page``.

    Computed on the path segments, like MkDocs' own ``get_relative_url``:
    ``posixpath.relpath`` would do, but it asks the operating system for the
    working directory on every call, and a large site makes hundreds of
    thousands of these links.
    """
    base = from_page if from_page.endswith("/") or not from_page else posixpath.dirname(from_page) + "/"
    base_parts = [part for part in base.split("/") if part]
    target_parts = [part for part in target.split("/") if part]
    common = 0
    for mine, theirs in zip(base_parts, target_parts):
        if mine != theirs:
            break
        common += 1
    rel = "/".join([".."] * (len(base_parts) - common) + target_parts[common:]) or "."
    if target.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return rel


def linker(urls: Mapping[str, str], from_page: str) -> Link:
    """``link(src_uri, fragment="")``: the address of a docs file as seen from the page at ``from_page``.

    ``urls`` maps every file's ``src_uri`` to its site-relative URL; None
    for a file the site does not have.
    """

    def link(src_uri: str, fragment: str = "") -> str | None:
        url = urls.get(src_uri)
        if url is None:
            return None
        return relative_url(url, from_page) + (f"#{fragment}" if fragment else "")

    return link


def resolver(folder: str, link: Link) -> Callable[[str], str]:
    """How a relative address written in a docs file in ``folder`` reads on the page ``link`` serves.

    ``../essays/x/a.md#p`` written in ``glossary/`` becomes the essay page's
    address relative to that page; an address to no file of the site stays
    as written (the link check reports it, naming the file to edit).
    """

    def resolve(href: str) -> str:
        path, _, fragment = href.partition("#")
        if not path or network_path(path):
            return href
        return link(posixpath.normpath(posixpath.join(folder, path)), fragment) or href

    return resolve
