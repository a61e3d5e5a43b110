"""What the last import of an essay wrote, kept beside its pages.

``docs/essays/<slug>/.import.json`` records the digest of every page the
importer wrote (so a later import notices a hand edit and refuses to
overwrite it), the paragraphs with their ids and pages (so edited
paragraphs keep their ids, and the next import can say what changed) and
every id ever issued (so a retired id is never given to other text).
MkDocs skips dot-files, so the record never reaches the site.

An import writes several files, and may be killed between any two of them.
Before its first write it records what it is about to do in a journal,
``.import.pending.json``: the record it will save, every content each
page may have until it finishes (the digests of the last finished import,
of any unfinished one before, and of this one) and the revision record it
writes (``revisions.yml``, :mod:`.revise`), if any. It saves the record
last and then removes the journal. The next import reads a journal it finds as
the record of the import that was cut short (so ids come out as if it had
finished) and accepts a page with any digest the journal lists, so an
interruption at any point leaves a tree the next run accepts and completes.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from edition.content.files import write_atomic

T = TypeVar("T")

STATE_FILE = ".import.json"
PENDING_FILE = ".import.pending.json"


class DamagedState(ValueError):
    """The import record exists but cannot be read."""


@dataclass
class ImportState:
    """The importer's record of one essay folder."""

    source: str = ""
    pages: dict[str, str] = field(default_factory=dict)  # file name -> sha256
    paragraphs: list[tuple[str, str]] = field(default_factory=list)  # (id, text)
    retired: list[str] = field(default_factory=list)
    sections: dict[str, str] = field(default_factory=dict)  # id -> its page's slug (older records lack it)

    def ever_issued(self) -> set[str]:
        return {pid for pid, _ in self.paragraphs} | set(self.retired)

    def as_dict(self) -> dict:
        return {
            "source": self.source,
            "pages": dict(sorted(self.pages.items())),
            "paragraphs": [
                {"id": pid, "page": self.sections[pid], "text": text}
                if pid in self.sections
                else {"id": pid, "text": text}
                for pid, text in self.paragraphs
            ],
            "retired": sorted(set(self.retired)),
        }

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), ensure_ascii=False, indent=1) + "\n"


@dataclass
class Pending:
    """The journal of an import under way: the record it will save, and the contents each page may have meanwhile."""

    state: ImportState
    accepted: dict[str, set[str]] = field(default_factory=dict)  # file name -> sha256 of every acceptable content
    record: str | None = None  # the revision record the import writes, when it writes one

    def to_json(self) -> str:
        """Compact: the journal lives for one import and is read by the next only, never by a person or git."""
        accepted = {name: sorted(shas) for name, shas in sorted(self.accepted.items())}
        data = {"state": self.state.as_dict(), "accepted": accepted, "record": self.record}
        return json.dumps(data, ensure_ascii=False) + "\n"


def _state(data: dict) -> ImportState:
    return ImportState(
        source=data["source"],
        pages=dict(data["pages"]),
        paragraphs=[(p["id"], p["text"]) for p in data["paragraphs"]],
        retired=list(data.get("retired", [])),
        sections={p["id"]: p["page"] for p in data["paragraphs"] if "page" in p},
    )


def _read(path: Path, what: str, hint: str, parse: Callable[[dict], T]) -> T | None:
    """``parse`` of the JSON object in ``path``; None when there is no such file; DamagedState naming it otherwise."""
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise TypeError("not a JSON object")
        return parse(data)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise DamagedState(f"{path}: the import {what} is damaged ({exc}); {hint}") from None


def load(folder: Path) -> ImportState | None:
    """The record in ``folder``, or None when the folder was never imported into.

    Raises DamagedState when the record exists but cannot be read.
    """
    return _read(folder / STATE_FILE, "record", "restore it from git", _state)


def load_pending(folder: Path) -> Pending | None:
    """The journal of an import that was cut short in ``folder``, or None."""
    return _read(folder / PENDING_FILE, "journal", "delete it and import again", _pending)


def _pending(data: dict) -> Pending:
    accepted = {name: set(shas) for name, shas in data["accepted"].items()}
    record = data.get("record")
    return Pending(_state(data["state"]), accepted, record if isinstance(record, str) else None)


def begin(folder: Path, pending: Pending) -> None:
    """Record the import about to write (before its first write)."""
    write_atomic(folder / PENDING_FILE, pending.to_json())


def save(folder: Path, state: ImportState) -> None:
    """Save the record of a finished import, then drop its journal: the last two steps of every import."""
    write_atomic(folder / STATE_FILE, state.to_json())
    (folder / PENDING_FILE).unlink(missing_ok=True)
