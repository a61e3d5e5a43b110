"""The data behind a glossary term's preview: one JSON file the build writes once, a page fetches once.

A reader who hovers, focuses or taps a glossary term sees the entry's title,
its Chinese name, its summary and in how many paragraphs the essays mention
it. That is a few hundred bytes per entry, and a page links a handful of
entries: writing it into every link (as a ``title``) repeated it on every
page and could not hold the rest. The reader's script fetches this file the
first time a preview opens on a page and keeps it, so there is no request
per hover.

Entries are keyed by the address of their page relative to the site's root
(``glossary/liu-cixin/``), which is what the script reads from a link, so it
needs no rule of its own about where entries live. Values are text; the
script writes them into the page as text, never as HTML.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping

from edition.content.model import Term


def previews(terms: Mapping[str, Term], mentions: Mapping[str, int], url_of: Callable[[str], str]) -> str:
    """The JSON text: ``{entry's address: {title, zh, summary, mentions}}``, ``zh`` only where there is one.

    ``mentions[slug]`` is the number of essay paragraphs that mention the
    entry; ``url_of(slug)`` its page's address relative to the site's root.
    """
    data = {}
    for slug, term in sorted(terms.items()):
        item: dict[str, str | int] = {"title": term.title, "summary": term.summary, "mentions": mentions.get(slug, 0)}
        if term.zh:
            item["zh"] = term.zh
        data[url_of(slug)] = item
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
