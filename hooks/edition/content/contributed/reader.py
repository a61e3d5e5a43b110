"""Read a contributed file without trusting it: a regular file, not followed, at most ``limit`` bytes.

A symbolic link in a pull request may point at ``/etc/passwd`` or
``/dev/zero``, a named pipe would block the build forever, and a huge file
would be read whole before anyone measured it. So the file is examined
with ``lstat`` (never following a link), its size checked before reading,
opened with ``O_NOFOLLOW`` (a link swapped in after the check fails) and
``O_NONBLOCK`` (a pipe swapped in cannot hang the open), checked again on
the open descriptor, and read no further than one byte past the limit.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

_OPEN = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK


class Unreadable(Exception):
    """The file was not read; ``reason`` says why, as a message's "what is wrong"."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class TooLarge(Unreadable):
    """The file holds more than the limit; ``size`` is what was measured (at least ``limit + 1``)."""

    def __init__(self, size: int) -> None:
        super().__init__(f"is {size // 1024} KB")
        self.size = size


def kind_of(mode: int) -> str:
    """What a file mode describes, in words: ``"a regular file"``, ``"a symbolic link"``..."""
    if stat.S_ISREG(mode):
        return "a regular file"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device"


def read_bounded(path: Path, limit: int) -> bytes:
    """The bytes of the regular file ``path``; :class:`Unreadable` or :class:`TooLarge` otherwise."""
    try:
        info = os.lstat(path)
    except OSError as exc:
        raise Unreadable(f"cannot be read ({exc.strerror})") from None
    _require_regular(info.st_mode)
    if info.st_size > limit:
        raise TooLarge(info.st_size)
    try:
        fd = os.open(path, _OPEN)
    except OSError as exc:  # ELOOP: a link swapped in after the lstat
        raise Unreadable(f"cannot be read ({exc.strerror})") from None
    try:
        _require_regular(os.fstat(fd).st_mode)
        chunks, size = [], 0
        while size <= limit and (chunk := os.read(fd, limit + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(fd)
    if size > limit:  # it grew after the size was checked
        raise TooLarge(size)
    return b"".join(chunks)


def _require_regular(mode: int) -> None:
    if not stat.S_ISREG(mode):
        raise Unreadable(f"is {kind_of(mode)}, not a regular file")
