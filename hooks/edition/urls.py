"""Page addresses and relative links, the way MkDocs computes them, without MkDocs.

Kept here so that generated links (glossary, backlinks, commentary) are
computed by one pure function a unit test can call, and so the logic can move
to another site engine.
"""

from __future__ import annotations

import posixpath


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
