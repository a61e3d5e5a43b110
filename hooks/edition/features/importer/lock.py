"""One import at a time per repository.

Two importers running at once on the same new slug both found no copy in
``sources/``, both wrote theirs, and one text silently replaced the other;
two imports into the same folder would interleave their pages and records.
Every import therefore holds an exclusive lock on ``.cache/import.lock``
for its whole run, from reading the tree to writing its record, and a
second one stops at once (it does not wait: the user decides). The lock is
the operating system's (``flock``), so it is released when the process
ends, however it ends; the lock file itself may stay and means nothing.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_FILE = Path(".cache") / "import.lock"


class ImportLocked(Exception):
    """Another import holds the repository's lock; nothing was read or written."""


@contextmanager
def repository_lock(root: Path) -> Iterator[None]:
    """Hold the import lock of the repository at ``root`` for the ``with`` block, or raise ImportLocked."""
    path = root / LOCK_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o666)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise ImportLocked(f"another import is running in {root} (lock {path}); wait for it to finish") from None
        yield
    finally:
        os.close(fd)
