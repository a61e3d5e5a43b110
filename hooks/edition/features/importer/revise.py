"""The revision an import records: the changes it makes to an essay's text, with the date and a summary.

A first import records revision 1, the essay as first published (on its
publication date). A later import that changes what a reader reads records
the next revision, with the day of the import and the maintainer's one-line
summary; an import that changes nothing, or only markup, records nothing.
The record the import starts from is the one an interrupted import was
about to write (kept in its journal, :mod:`.state`) when there is one, so
that finishing that import never loses its revision nor records it twice.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from edition import addresses
from edition.content import essay_pages, frontmatter, revisions
from edition.content.revisions import Change, Revision
from edition.features.importer.changes import Placed, classify
from edition.features.importer.parse import SourceError, check_text_flag
from edition.features.importer.state import ImportState

MAX_SUMMARY = 200  # characters: one line on the revisions page


class SummaryNeeded(Exception):
    """The import would record a revision, and no summary was given; nothing was written."""


@dataclass
class Revising:
    """The record after an import: every revision, the one this import adds (if any), and whether to write it."""

    revisions: list[Revision] = field(default_factory=list)
    added: Revision | None = None
    changes: list[Change] = field(default_factory=list)
    write: bool = False


def check_summary(summary: str | None) -> str | None:
    """A ``--message`` value: words on one line, at most :data:`MAX_SUMMARY` characters."""
    summary = check_text_flag("--message", summary)
    if summary is not None and len(summary) > MAX_SUMMARY:
        raise SourceError(f"--message is {len(summary)} characters long; summarize the revision in {MAX_SUMMARY}")
    return summary


def revision_day(env: Mapping[str, str] | None = None) -> str:
    """Today, or the day of ``SOURCE_DATE_EPOCH`` when it is set (reproducible builds' convention), as YYYY-MM-DD."""
    epoch = (os.environ if env is None else env).get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date().isoformat()
    return dt.date.today().isoformat()


def placed_before(previous: ImportState, folder: Path, docs_dir: Path) -> list[Placed]:
    """The previous import's paragraphs with their pages (read from the pages when its record predates pages)."""
    pages = dict(previous.sections)
    if previous.paragraphs and len(pages) < len(previous.paragraphs) and (folder / essay_pages.OPENING).exists():
        try:
            essay = essay_pages.load(folder, docs_dir)
        except (ValueError, frontmatter.FrontMatterError):
            essay = None  # damaged pages: the changes are still named, their pages left blank
        if essay is not None:
            for paragraph in essay.paragraphs():
                pages.setdefault(paragraph.id, Path(paragraph.page).stem)
    return [Placed(pid, pages.get(pid, ""), text) for pid, text in previous.paragraphs]


def revise(
    base: list[Revision],
    before: Sequence[Placed],
    after: Sequence[Placed],
    *,
    published: str,
    summary: str | None,
    day: str,
    source: str,
) -> Revising:
    """The record once this import's changes are in; SummaryNeeded when they need a ``summary`` not given.

    ``base`` is the record as it stands (or as an interrupted import left
    it in its journal); ``published`` is the essay's publication date, the
    date of revision 1.
    """
    if not before:  # a first import: the essay as first published
        return Revising([revisions.first(published)], revisions.first(published), [], write=True)
    changes = classify(before, after)
    if not changes:
        return Revising(base)
    history = base or [revisions.first(published)]
    number = history[-1].number + 1
    if summary is None:
        counts = _counts(changes)
        raise SummaryNeeded(
            f"{source}: this import changes the essay ({counts}), which makes revision {number}; "
            'say what changed in one line with --message "..."'
        )
    added = Revision(number, day, summary, changes)
    return Revising([*history, added], added, changes, write=True)


def _counts(changes: Sequence[Change]) -> str:
    """``1 edited, 2 added`` in the order of :data:`edition.content.revisions.KINDS`."""
    found = [(kind, sum(1 for c in changes if c.kind == kind)) for kind in revisions.KINDS]
    return ", ".join(f"{count} {kind}" for kind, count in found if count)


def record_path(folder: Path) -> Path:
    """The essay's revision record, beside its pages."""
    return folder / addresses.REVISION_RECORD
