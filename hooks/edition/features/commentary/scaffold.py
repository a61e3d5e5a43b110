"""A new note's file name and skeleton, for the command line and the site's "comment" link."""

from __future__ import annotations

import datetime as dt

from edition.content import frontmatter
from edition.content.contributed.names import ascii_name

MAX_NAME_WORDS = 6
PLACEHOLDER_BODY = "Write your note here: what a reader should know about the quoted words, and where it comes from.\n"


def unique_name(base: str, taken: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3``... whichever no note of the essay uses yet."""
    name, number = base, 2
    while name in taken:
        name, number = f"{base}-{number}", number + 1
    return name


def suggest_name(text: str, taken: set[str]) -> str:
    """A short file name from a title or a quote: its first few words, as the build accepts names, unused."""
    base = "-".join(ascii_name(text, "note").split("-")[:MAX_NAME_WORDS])
    return unique_name(base, taken)


def skeleton(
    title: str,
    author: str,
    kind: str,
    paragraph: str,
    quote: str,
    date: dt.date | None = None,
    context: tuple[str, str] = ("", ""),
    revision: int = 1,
) -> str:
    """A complete, valid note file with a placeholder body.

    ``context`` is the quote's prefix and suffix, if needed; ``revision`` is
    the essay's, which the quote is from.
    """
    target = {"paragraph": paragraph, "quote": quote}
    target.update({name: words for name, words in zip(("prefix", "suffix"), context, strict=True) if words})
    meta = {
        "title": title,
        "author": author,
        "date": (date or dt.date.today()).isoformat(),
        "kind": kind,
        "target": target,
        "revision": revision,
    }
    return frontmatter.dump(meta, PLACEHOLDER_BODY)
