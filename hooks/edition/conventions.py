"""Conventions the features share: the names by which one feature tells another something about a page.

Each is a plain value written by one feature and read by another; naming it
here, once, is what keeps the two in step (a typo would otherwise fail in
silence).
"""

from __future__ import annotations

# Page metadata (MkDocs' ``page.meta``).
META_GLOSSARY = "glossary"
"""``page.meta["glossary"] = False``: the glossary links no terms on the page (it still adds hover text).

Set by the commentary (index pages only repeat what note pages say) and by
the reading feature (the home listing is titles and summaries, not prose).
"""

META_SEARCH = "search"
"""``page.meta["search"] = {"exclude": True}`` keeps a page out of Material's search index (Material's own key)."""

META_LISTING = "listing"
"""``listing: home`` in a hand-written page's front matter: the reading feature appends the home listing there."""

LISTING_HOME = "home"

# Attributes on the HTML the features write.
SOURCE_ATTRIBUTE = "data-source"
"""The repository path of the file a person edits for the content inside the element.

The commentary writes it on each callout (a note shown on an essay page); the
link checker reads it, so a broken link in a note is blamed on the note's
file, on every page that shows the note.
"""

LINKCHECK_IGNORE = "data-linkcheck-ignore"
"""On an element in a maintainer's raw HTML: the link checker skips the element and its descendants.

Contributed text cannot set it: the safe renderer drops every attribute it
does not itself add (:mod:`edition.safe.allowlist`).
"""
