"""What the last import of an essay wrote, kept beside its pages.

``docs/essays/<slug>/.import.json`` records the digest of every page the
importer wrote (so a later import notices a hand edit and refuses to
overwrite it), the paragraphs with their ids (so edited paragraphs keep
theirs) and every id ever issued (so a retired id is never given to other
text). MkDocs skips dot-files, so the record never reaches the site.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from edition.files import write_atomic

STATE_FILE = ".import.json"


class DamagedState(ValueError):
    """The import record exists but cannot be read."""


@dataclass
class ImportState:
    """The importer's record of one essay folder."""

    source: str = ""
    pages: dict[str, str] = field(default_factory=dict)  # file name -> sha256
    paragraphs: list[tuple[str, str]] = field(default_factory=list)  # (id, text)
    retired: list[str] = field(default_factory=list)

    def ever_issued(self) -> set[str]:
        return {pid for pid, _ in self.paragraphs} | set(self.retired)

    def to_json(self) -> str:
        data = {
            "source": self.source,
            "pages": dict(sorted(self.pages.items())),
            "paragraphs": [{"id": pid, "text": text} for pid, text in self.paragraphs],
            "retired": sorted(set(self.retired)),
        }
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def load(folder: Path) -> ImportState | None:
    """The record in ``folder``, or None when the folder was never imported into.

    Raises DamagedState when the record exists but cannot be read.
    """
    path = folder / STATE_FILE
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return ImportState(
            source=data["source"],
            pages=dict(data["pages"]),
            paragraphs=[(p["id"], p["text"]) for p in data["paragraphs"]],
            retired=list(data.get("retired", [])),
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise DamagedState(f"{path}: the import record is damaged ({exc}); restore it from git") from None


def save(folder: Path, state: ImportState) -> None:
    write_atomic(folder / STATE_FILE, state.to_json())
