"""What a reader is told about a note the essay changed under: on its callout, its page and the indexes.

One wording per state (:mod:`edition.features.commentary.revised`), written
from escaped values; the old words come from the revision record, never
from the note, so a reader sees what the essay said, not what the note
claims it said. ``link`` (a :data:`~edition.addresses.Linker`) makes the
address of the essay's revisions page from the page being built; without
the reading part that page does not exist, and the notice says the same
without a link.
"""

from __future__ import annotations

import html

from edition.addresses import Linker, revision_id, revisions_page
from edition.content.dates import long_date
from edition.content.markup import plain_text
from edition.content.text import cut_html
from edition.features.commentary.anchor import Anchor
from edition.features.commentary.revised import CHANGED, REMOVED, RESOLVED

esc = html.escape


def _revision(anchor: Anchor, number: int, link: Linker) -> str:
    """``revision N``, linked to its part of the revisions page when the site has that page."""
    href = link(revisions_page(anchor.comment.essay), revision_id(number))
    text = f"revision {number}"
    return f'<a href="{esc(href)}">{text}</a>' if href else text


def applied(anchor: Anchor) -> str:
    """The words a resolved note's callout shows while collapsed: ``Applied in revision N`` ('' for others)."""
    history = anchor.history
    return f"Applied in revision {history.changed.number}" if history and anchor.status == RESOLVED else ""


def notice(anchor: Anchor, link: Linker) -> str:
    """The paragraph that says how the essay changed under the note ('' for a note on the current text)."""
    history = anchor.history
    if history is None:
        return ""
    was = f"&ldquo;{cut_html(history.was)}&rdquo;"
    changed = history.changed
    when = f"{_revision(anchor, changed.number, link)}, on {esc(long_date(changed.date))}"
    if anchor.status == CHANGED:
        text = (
            f"The passage has changed since this note was written (revision {history.written.number}); "
            f"it read: {was}. It changed in {when}."
        )
    elif anchor.status == RESOLVED:
        text = f"Applied in {when}. The passage read: {was}."
    elif anchor.status == REMOVED:
        old = f"&ldquo;{esc(plain_text(history.paragraph.text))}&rdquo;"
        text = f"The paragraph this note discusses was removed in {when}; it read: {old}"
    else:
        return ""
    return f'<p class="note-revised" data-state="{esc(anchor.status)}">{text}</p>'
