"""Which files changed since the last look: the preview's one source of truth about edits.

The file watcher tells the preview *that* something changed; which files,
it learns by comparing two snapshots of every watched file's ``lstat``
(kind, size, modification time, inode), so an editor's save by renaming,
a burst of events or an event lost while a build ran cannot leave a change
unseen. A snapshot of 16,000 files takes a few hundredths of a second.

A modification time is only as fine as the file system's clock: a file
written twice within one tick, with the same size, has the same ``lstat``.
As git does for its index, a file modified less than :data:`RACY_SECONDS`
before a snapshot is "racy": its content's digest is kept too, and the next
comparison reads it again.

Links to folders are followed, as MkDocs follows them when it lists the
docs folder (each folder once, so a loop ends); a link itself is recorded
as a link, so that replacing a file with a link is a change of kind.
"""

from __future__ import annotations

import hashlib
import os
import stat
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

RACY_SECONDS = 2.0
FILE, LINK, OTHER = "file", "link", "other"

Stat = tuple[str, int, int, int]  # kind, size, mtime in ns, inode


@dataclass(frozen=True)
class Changes:
    """Paths (posix, absolute) that changed between two snapshots.

    ``changed`` holds them all; ``moved`` those added, removed or changed in
    kind (a file become a link): the ones that change a folder's listing.
    """

    added: frozenset[str] = frozenset()
    removed: frozenset[str] = frozenset()
    modified: frozenset[str] = frozenset()
    retyped: frozenset[str] = frozenset()

    @property
    def changed(self) -> frozenset[str]:
        return self.added | self.removed | self.modified | self.retyped

    @property
    def moved(self) -> frozenset[str]:
        return self.added | self.removed | self.retyped

    def __bool__(self) -> bool:
        return bool(self.changed)


class Snapshot:
    """The ``lstat`` of every file under ``roots`` (folders or single files), taken again by :meth:`diff`."""

    def __init__(self, roots: Iterable[Path]) -> None:
        self.roots = [Path(root).absolute() for root in roots]
        self.files, self.digests = self._take()

    def diff(self) -> Changes:
        """What changed since the last snapshot (or diff); the snapshot becomes the present one."""
        before, digests = self.files, self.digests
        self.files, self.digests = self._take()
        after = self.files
        modified, retyped = set(), set()
        for path in before.keys() & after.keys():
            old, new = before[path], after[path]
            if old[0] != new[0]:
                retyped.add(path)
            elif old != new or (path in digests and digests[path] != _digest(path)):
                modified.add(path)
        return Changes(
            added=frozenset(after.keys() - before.keys()),
            removed=frozenset(before.keys() - after.keys()),
            modified=frozenset(modified),
            retyped=frozenset(retyped),
        )

    def _take(self) -> tuple[dict[str, Stat], dict[str, bytes]]:
        files: dict[str, Stat] = {}
        recent = time.time_ns() - int(RACY_SECONDS * 1e9)
        for root in self.roots:
            try:
                info = os.lstat(root)
            except OSError:
                continue
            if stat.S_ISDIR(info.st_mode) or (stat.S_ISLNK(info.st_mode) and root.is_dir()):
                _walk(root.as_posix(), files, {_identity(root)})
            else:
                files[root.as_posix()] = _stat(info)
        digests = {path: _digest(path) for path, entry in files.items() if entry[0] == FILE and entry[2] >= recent}
        return files, digests


def _walk(folder: str, files: dict[str, Stat], seen: set[tuple[int, int]]) -> None:
    """Every file under ``folder``; links to folders followed once each, as MkDocs' own walk does."""
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            with os.scandir(current) as entries:
                found = list(entries)
        except OSError:
            continue
        for entry in found:
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            path = f"{current}/{entry.name}"
            if stat.S_ISDIR(info.st_mode):
                stack.append(path)
                continue
            files[path] = _stat(info)
            if stat.S_ISLNK(info.st_mode) and entry.is_dir():
                identity = _identity(Path(path))
                if identity not in seen:
                    seen.add(identity)
                    stack.append(path)


def _stat(info: os.stat_result) -> Stat:
    kind = FILE if stat.S_ISREG(info.st_mode) else LINK if stat.S_ISLNK(info.st_mode) else OTHER
    return kind, info.st_size, info.st_mtime_ns, info.st_ino


def _identity(path: Path) -> tuple[int, int]:
    info = path.stat()
    return info.st_dev, info.st_ino


def _digest(path: str) -> bytes:
    try:
        with open(path, "rb") as file:
            return hashlib.blake2b(file.read(), digest_size=16).digest()
    except OSError:
        return b""
