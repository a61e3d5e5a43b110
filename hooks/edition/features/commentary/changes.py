"""What changed in the commentary between two builds of the preview, so that only the pages showing it are rebuilt.

The memo gives an unchanged note on an unchanged essay the very anchor it
had (:func:`edition.features.commentary.revised.anchor_all`); a note whose
essay changed is anchored again, and is counted as changed only if it now
shows differently: placed elsewhere, with other context, or orphaned.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from edition.features.commentary.anchor import Anchor
from edition.features.commentary.session import Commentary

_PLACEMENT = ("status", "paragraph_id", "start", "end", "prefix", "suffix", "problem")


@dataclass
class NoteChanges:
    """The notes (by page) that changed, the paragraphs they were or are beside, the essays whose pages all show it."""

    notes: set[str] = field(default_factory=set)
    paragraphs: set[str] = field(default_factory=set)
    essays: set[str] = field(default_factory=set)


def same_placement(was: Anchor, now: Anchor) -> bool:
    """Whether a note shows as before: the same note, placed on the same words of the same paragraph and page."""
    if was is now:
        return True
    if was.comment is not now.comment or any(getattr(was, f) != getattr(now, f) for f in _PLACEMENT):
        return False
    return (was.paragraph and was.paragraph.page) == (now.paragraph and now.paragraph.page)


def note_changes(before: Commentary, after: Commentary) -> NoteChanges:
    """The notes added, removed or shown differently from ``before`` to ``after``."""
    changes = NoteChanges()
    for src in {*before.by_page, *after.by_page}:
        was, now = before.by_page.get(src), after.by_page.get(src)
        if was is not None and now is not None and same_placement(was, now):
            continue
        changes.notes.add(src)
        changes.paragraphs.update(a.paragraph_id for a in (was, now) if a is not None and a.placed)
        if _seen_across_the_essay(was, now):
            changes.essays.add((was or now).comment.essay)  # type: ignore[union-attr]
    return changes


def _seen_across_the_essay(was: Anchor | None, now: Anchor | None) -> bool:
    """Whether the change shows on every page of the note's essay, not only where the note stands.

    Each page has the filter, which lists the kinds of the essay's placed
    notes, and each callout links to the previous and next note in reading
    order (by paragraph, then date), by title. A note added or removed,
    placed or moved, or given another kind, date or title changes those;
    its words alone do not.
    """
    if was is None or now is None:
        return True
    old, new = was.comment, now.comment
    facts = (was.placed, was.paragraph_id, old.kind, old.date, old.title)
    return facts != (now.placed, now.paragraph_id, new.kind, new.date, new.title)
