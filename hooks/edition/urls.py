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
    """``target`` (site-relative) as seen from the page at site-relative URL ``from_page``."""
    base = from_page if from_page.endswith("/") or not from_page else posixpath.dirname(from_page) + "/"
    rel = posixpath.relpath(target or ".", base.rstrip("/") or ".")
    if target.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return rel
