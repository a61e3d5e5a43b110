"""Every link into the glossary on every page of a built site, for tests of the hover text.

Read with the standard library's HTML parser, not the linker's own scan,
so that a test agrees with what a browser sees: a link is a glossary link
when its address, resolved from the page that shows it, is an entry's page.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

_ENTRY = re.compile(r"glossary/([^/]+?)(?:/index\.html|\.html)?")


class _Anchors(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.found.append(dict(attrs))


def entry_of(href: str, page: str) -> str | None:
    """The entry a link on ``page`` (a path in the built site) points to, else None."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    match = _ENTRY.fullmatch(posixpath.normpath(posixpath.join(posixpath.dirname(page), parts.path)))
    return match.group(1) if match and match.group(1) != "index" else None


def glossary_links(site: Path) -> Iterator[tuple[str, str, dict[str, str | None]]]:
    """``(page, entry slug, the link's attributes)`` for every link to an entry, page by page."""
    for path in sorted(site.rglob("*.html")):
        page = path.relative_to(site).as_posix()
        parser = _Anchors()
        parser.feed(path.read_text(encoding="utf-8"))
        for attrs in parser.found:
            slug = entry_of(attrs.get("href") or "", page)
            if slug:
                yield page, slug, attrs
