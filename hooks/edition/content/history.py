"""What an essay's revision record says about its paragraphs: any revision's text, and where each old id leads.

Both questions are asked by more than one feature (the reading pages keep
old addresses alive; the commentary places notes written against an earlier
text), so they are answered once, here, from the model alone.

A revision is undone by one rule for every kind of change (see
:mod:`edition.content.revisions`): drop its new paragraphs, restore its old
ones. An id is retired by exactly one change, since the importer never
issues an id twice; a split or joined paragraph's retired id leads to the
paragraph that holds its text now (of those it became, the one sharing the
most words with it), a removed one to the notice of its removal.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import PurePosixPath

from edition.content.markup import plain_text
from edition.content.model import Essay
from edition.content.revisions import Change, Revision, Version, first
from edition.content.text import words


@dataclass(frozen=True)
class Removal:
    """A paragraph some revision removed: the revision, the paragraph as it last stood, and what it followed."""

    revision: Revision
    version: Version
    after: str  # the id of the paragraph it followed on its page ('' when it opened the page)


@dataclass(frozen=True)
class Landing:
    """Where an id ever published leads now.

    ``id`` is the current paragraph's, or for a removed paragraph the id of
    its notice (its own); ``page`` is that paragraph's page (a section's slug).
    ``retired_in`` is the revision that retired the id asked about (None
    when the id is a current paragraph's).
    """

    id: str
    page: str
    removal: Removal | None = None
    retired_in: Revision | None = None


class History:
    """An essay's revisions, with the questions the build asks of them."""

    def __init__(self, essay: Essay):
        self.essay = essay
        self.revisions: list[Revision] = essay.revisions or [first(essay.date)]
        self.current = {p.id: Version(p.id, PurePosixPath(p.page).stem, p.text) for p in essay.paragraphs()}
        self._texts: dict[int, dict[str, Version]] = {}

    @property
    def number(self) -> int:
        """The current revision's number."""
        return self.revisions[-1].number

    def revision(self, number: int) -> Revision | None:
        return self.revisions[number - 1] if 1 <= number <= len(self.revisions) else None

    def texts_at(self, number: int) -> dict[str, Version]:
        """Every paragraph as revision ``number`` published it, by id (the current ones for the current revision)."""
        if number >= self.number:
            return self.current
        if number not in self._texts:
            texts = dict(self.texts_at(number + 1))
            for change in reversed(self.revisions[number].changes):  # revision number + 1, undone
                for version in change.new:
                    texts.pop(version.id, None)
                for version in change.old:
                    texts[version.id] = version
            self._texts[number] = texts
        return self._texts[number]

    @cached_property
    def retired(self) -> dict[str, tuple[Revision, Change]]:
        """Every id no longer in the text, with the revision and the change that retired it."""
        retired: dict[str, tuple[Revision, Change]] = {}
        for revision in self.revisions:
            for change in revision.changes:
                kept = {v.id for v in change.new}
                retired.update((v.id, (revision, change)) for v in change.old if v.id not in kept)
        return {pid: found for pid, found in retired.items() if pid not in self.current}

    def landing(self, pid: str) -> Landing | None:
        """Where ``pid`` leads now; None for an id no revision of this essay published.

        A retired id leads to the current paragraph, among those its text
        became (:meth:`descendants`), that shares the most words with it as it
        last stood; when none is left, to the notice of the removal that
        took the last of it.
        """
        if pid in self.current:
            return Landing(pid, self.current[pid].page)
        found = self.retired.get(pid)
        if found is None:
            return None
        revision, change = found
        last = next(v for v in change.old if v.id == pid)
        heirs = self.descendants(pid, revision.number - 1)
        if heirs:
            said = set(words(plain_text(last.text).lower()))
            best = max(heirs, key=lambda h: len(said & set(words(plain_text(self.current[h].text).lower()))))
            return Landing(best, self.current[best].page, retired_in=revision)
        seen = {pid}
        while change.new:  # everything it became was removed since: the first piece's removal
            successor = change.new[0].id
            if successor in seen or successor not in self.retired:
                return None  # a record that contradicts itself leads nowhere rather than anywhere
            seen.add(successor)
            pid, change = successor, self.retired[successor][1]
        old = next(v for v in change.old if v.id == pid)
        return Landing(pid, old.page, Removal(self.retired[pid][0], old, change.after), revision)

    def descendants(self, pid: str, since: int) -> list[str]:
        """The current paragraphs that hold what paragraph ``pid`` of revision ``since`` said, in reading order.

        Each later change that takes ``pid`` (or what it became) replaces it
        by its new paragraphs: the same id when edited or moved, the pieces
        of a split, the paragraph it was joined into, nothing once removed.
        """
        ids = {pid}
        for revision in self.revisions[since:]:
            for change in revision.changes:
                old = {v.id for v in change.old}
                if ids & old:
                    ids = (ids - old) | {v.id for v in change.new}
        return [p for p in self.current if p in ids]

    def changed_after(self, pid: str, since: int) -> Revision | None:
        """The first revision after ``since`` that changed paragraph ``pid`` (None when none did)."""
        for revision in self.revisions[since:]:
            if any(pid in (v.id for v in change.old) for change in revision.changes):
                return revision
        return None

    @cached_property
    def published(self) -> dict[str, set[str]]:
        """Every page (a section's slug) with the ids any revision published on it."""
        pages: dict[str, set[str]] = {}
        versions = [v for r in self.revisions for c in r.changes for v in (*c.old, *c.new)]
        for version in [*self.current.values(), *versions]:
            pages.setdefault(version.page, set()).add(version.id)
        return pages

    def removals(self) -> list[Removal]:
        """Every removed paragraph, in the order of the revisions that removed them."""
        return [
            Removal(revision, next(v for v in change.old if v.id == pid), change.after)
            for pid, (revision, change) in self.retired.items()
            if not change.new
        ]
