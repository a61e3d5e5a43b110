"""What changed in the glossary between two builds of the preview, so that only the pages showing it are rebuilt.

Other pages show an entry's *card*: its title and summary (a link's words
and hover text, the related entries of another entry, the A-to-Z index)
and its names (the words linked to it). A change to its body or sources
shows on its own page only. A name added can be linked on a page that
never linked the entry, so the pages whose text holds a changed name are
found by searching their text (:func:`pages_naming`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from edition.content.model import Term
from edition.features.glossary.backlinks import Mention
from edition.features.glossary.matcher import Matcher


@dataclass
class EntryChanges:
    """The entries whose card changed (or that came or went), the names that changed, the entries whose mentions did."""

    cards: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)
    mentions: set[str] = field(default_factory=set)


def card(term: Term) -> tuple:
    """What pages other than its own show of an entry."""
    return (term.title, term.summary, term.zh, tuple(term.aliases))


def entry_changes(
    before: Mapping[str, Term],
    after: Mapping[str, Term],
    mentions_before: Mapping[str, list[Mention]],
    mentions_after: Mapping[str, list[Mention]],
) -> EntryChanges:
    """The changes from the entries ``before`` to ``after``; an unchanged file keeps its :class:`Term` object."""
    changes = EntryChanges()
    for slug in {*before, *after}:
        was, now = before.get(slug), after.get(slug)
        if was is now:
            continue
        if was is None or now is None or card(was) != card(now):
            changes.cards.add(slug)
        names_before, names_after = set(was.names() if was else ()), set(now.names() if now else ())
        if names_before != names_after:
            changes.names |= names_before | names_after
    for slug in {*mentions_before, *mentions_after}:
        if mentions_before.get(slug) != mentions_after.get(slug):
            changes.mentions.add(slug)
    return changes


def pages_naming(texts: Mapping[str, str], names: Iterable[str]) -> set[str]:
    """The pages whose text holds one of ``names`` as the glossary would find it (whole words, any case)."""
    finder = Matcher(dict.fromkeys(names, "name"))
    return {src for src, text in texts.items() if finder.occurs(text)}
