"""An essay's revision record: every revision of its text, kept beside its pages as ``revisions.yml``.

Each import that changes the words of an essay appends a revision: its
number, date and one-line summary, and the changes paragraph by paragraph.
The build reads the record to show the revisions page, to keep every
paragraph address ever published working, and to place notes written
against an earlier text; none of that may depend on git history, since the
site is built from fresh and shallow clones. So the record is a committed
file, in YAML a reviewer can read in a pull request, and every change has
one shape: the paragraphs as they stood before (``old``) and after
(``new``), each with its id, its page and its text. An edit has one of
each with the same id, an addition only ``new``, a removal only ``old``, a
split one old and several new, a join several old and one new, a move the
same id on another page or at another place. Undoing a revision is then
one rule for every kind: drop its ``new`` paragraphs, restore its ``old``
ones (:mod:`edition.content.history`).

An essay without a record is at revision 1, as first published.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from edition.content.files import write_atomic

KINDS = ("edited", "added", "removed", "moved", "split", "joined")
FIRST_SUMMARY = "As first published"
HEADER = (
    "# The revisions of this essay, oldest first, written by scripts/import_essay.py.\n"
    "# The revisions page, old paragraph addresses and notes on earlier text are built from it: keep it in git.\n"
)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class RecordError(ValueError):
    """The record exists but is not a revision record; the message says where."""


@dataclass(frozen=True)
class Version:
    """A paragraph as one revision published it: its id, its page (the section's slug) and its inline Markdown."""

    id: str
    page: str
    text: str


@dataclass
class Change:
    """One change to the paragraphs: what stood before (``old``) and after (``new``).

    ``after`` is, for a removal, the id of the paragraph the removed one
    followed on its page ('' when it opened the page): where the notice of
    its removal goes.
    """

    kind: str
    old: list[Version] = field(default_factory=list)
    new: list[Version] = field(default_factory=list)
    after: str = ""

    @property
    def ids(self) -> list[str]:
        """Every id the change touches, old ones first, each once."""
        return list(dict.fromkeys(v.id for v in [*self.old, *self.new]))


@dataclass
class Revision:
    """One revision of an essay's text."""

    number: int
    date: str  # YYYY-MM-DD
    summary: str
    changes: list[Change] = field(default_factory=list)


def first(date: str) -> Revision:
    """Revision 1: the essay as first published, on its publication date."""
    return Revision(1, date, FIRST_SUMMARY)


# -- the file ---------------------------------------------------------------


def load(path: Path) -> list[Revision]:
    """The revisions in ``path``, oldest first; none when there is no such file; RecordError when it is damaged.

    A record that is not a regular file (a link, which could lead to
    ``/dev/zero``; a folder) is never read.
    """
    if path.is_symlink() or (path.exists() and not path.is_file()):
        raise RecordError("is not a regular file; the importer writes the record as one")
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as exc:
        raise RecordError(f"cannot be read ({exc})") from None
    return parse(text)


def parse(text: str) -> list[Revision]:
    """The revisions a record's text holds, oldest first; RecordError when it is not a revision record."""
    try:
        data = yaml.load(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" (line {mark.line + 1})" if mark is not None else ""
        raise RecordError(f"is not valid YAML{line}: {getattr(exc, 'problem', None) or exc}") from None
    revisions = _list(_mapping(data, "the file").get("revisions"), "'revisions'")
    parsed = [_revision(item, n) for n, item in enumerate(revisions, 1)]
    if [r.number for r in parsed] != list(range(1, len(parsed) + 1)):
        raise RecordError("revisions must be numbered 1, 2, 3... in order")
    return parsed


def dump(essay: str, revisions: list[Revision]) -> str:
    """The record's text: a comment saying what it is, then the revisions as YAML."""
    data = {"essay": essay, "revisions": [_revision_data(r) for r in revisions]}
    body = yaml.dump(data, Dumper=_DUMPER, sort_keys=False, allow_unicode=True, width=100)
    return HEADER + body


def save(path: Path, essay: str, revisions: list[Revision]) -> None:
    write_atomic(path, dump(essay, revisions))


def _revision_data(revision: Revision) -> dict[str, Any]:
    data: dict[str, Any] = {"revision": revision.number, "date": revision.date, "summary": revision.summary}
    if revision.changes:
        data["changes"] = [_change_data(c) for c in revision.changes]
    return data


def _change_data(change: Change) -> dict[str, Any]:
    data: dict[str, Any] = {"kind": change.kind}
    if change.after:
        data["after"] = change.after
    for side in ("old", "new"):
        versions = getattr(change, side)
        if versions:
            data[side] = [{"id": v.id, "page": v.page, "text": v.text} for v in versions]
    return data


def _mapping(value: Any, where: str) -> dict:
    if not isinstance(value, dict):
        raise RecordError(f"{where} must be a mapping")
    return value


def _list(value: Any, where: str) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        raise RecordError(f"{where} must be a list")
    return value


def _text(data: dict, key: str, where: str) -> str:
    value = data.get(key)
    if isinstance(value, dt.date):  # a date a hand edit left unquoted
        value = value.isoformat()
    if not isinstance(value, str):
        raise RecordError(f"{where}: '{key}' must be text")
    return value


def _revision(item: Any, position: int) -> Revision:
    where = f"revision {position}"
    data = _mapping(item, where)
    number = data.get("revision")
    if not isinstance(number, int) or isinstance(number, bool):
        raise RecordError(f"{where}: 'revision' must be a whole number")
    changes = [_change(c, f"{where}, change {n}") for n, c in enumerate(_list(data.get("changes"), where), 1)]
    return Revision(number, _text(data, "date", where), _text(data, "summary", where), changes)


def _change(item: Any, where: str) -> Change:
    data = _mapping(item, where)
    kind = data.get("kind")
    if kind not in KINDS:
        raise RecordError(f"{where}: 'kind' must be one of {', '.join(KINDS)}")
    sides = {side: [_version(v, f"{where}, {side}") for v in _list(data.get(side), where)] for side in ("old", "new")}
    if not sides["old"] and not sides["new"]:
        raise RecordError(f"{where}: a change needs 'old' or 'new' paragraphs")
    after = data.get("after", "")
    return Change(kind, sides["old"], sides["new"], after if isinstance(after, str) else "")


def _version(item: Any, where: str) -> Version:
    data = _mapping(item, where)
    return Version(_text(data, "id", where), _text(data, "page", where), _text(data, "text", where))
