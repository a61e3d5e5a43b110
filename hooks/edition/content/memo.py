"""Results of pure work kept from one build to the next, so that the preview redoes only what changed.

``make serve`` builds the site again after every save. Most of what a build
computes before it writes pages (every file's front matter read, every note
anchored and rendered, the glossary's pattern compiled) is the same as the
time before: a :class:`Memo` keeps those results, and each build asks for
them with the inputs they depend on. The build runs the same code either way
(there is no second, incremental version of the model to keep in step); the
memo only skips work whose inputs it has seen.

An entry is found by one of three kinds of key:

- a **value**, for work that depends on nothing else (a note's body text and
  its rendering);
- **objects**, for work that depends on model objects, compared by identity:
  the model reuses the object of a file that did not change, so a note whose
  file and essay did not change finds its anchor again. The entry holds the
  objects, so their ids cannot be reused while it lives;
- a **path**, for what was read from a file (``FILE``), from every file under
  a folder (``FOLDER``: an essay's pages) or from a folder's listing
  (``LISTING``: which notes exist). These are valid until :meth:`forget` is
  told that the file, or a file under the folder, changed; the preview tells
  it from its snapshot of the files (a plain build starts from an empty memo).

Entries nobody asked for during a build are dropped by :meth:`sweep` at its
end, so the memo holds one build's worth, not the history of an afternoon.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Collection, Hashable, Iterable
from typing import Any, Final, TypeVar

T = TypeVar("T")
FILE: Final = "file"  # the result of reading one file
FOLDER: Final = "folder"  # the result of reading every file under a folder
LISTING: Final = "listing"  # the result of listing a folder: which files there are, not what they hold


class Memo:
    """A cache of pure results across builds; see the module docstring."""

    def __init__(self) -> None:
        self._current: dict[tuple, Any] = {}
        self._previous: dict[tuple, Any] = {}
        self.hits = 0
        self.misses = 0

    def _get(self, key: tuple, compute: Callable[[], T]) -> T:
        if key in self._current:
            self.hits += 1
            return self._current[key]
        if key in self._previous:
            self.hits += 1
            value = self._current[key] = self._previous.pop(key)
            return value
        self.misses += 1
        value = self._current[key] = compute()
        return value

    def value(self, space: str, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``, kept under ``key``: for work that depends on ``key`` alone."""
        return self._get((space, "value", key), compute)

    def objects(self, space: str, objects: tuple[object, ...], compute: Callable[[], T]) -> T:
        """``compute()``, kept while the same ``objects`` (by identity) ask again."""
        held, result = self._get((space, "objects", tuple(map(id, objects))), lambda: (objects, compute()))
        if any(a is not b for a, b in zip(held, objects, strict=True)):  # cannot happen while the entry holds them
            raise RuntimeError(f"memo {space!r}: an object's id was reused while the entry held it")
        return result

    def path(self, space: str, kind: str, path: str, compute: Callable[[], T]) -> T:
        """``compute()``, kept for ``path`` (posix, absolute) until :meth:`forget` is told it changed."""
        return self._get((space, kind, path), compute)

    def forget(self, changed: Iterable[str], moved: Collection[str] = ()) -> None:
        """Drop what was read from the ``changed`` files, and the listings of folders where files ``moved``.

        ``changed`` holds every changed path (posix, absolute), ``moved``
        those added, removed or changed in kind (a file become a link).
        """
        stale: set[tuple[str, str]] = set()
        for path in {*changed, *moved}:
            stale.add((FILE, path))
            stale.update((FOLDER, folder) for folder in _ancestors(path))
        for path in moved:
            stale.update((LISTING, folder) for folder in _ancestors(path))
        for entries in (self._current, self._previous):
            for key in [key for key in entries if (key[1], key[2]) in stale]:
                del entries[key]

    def sweep(self) -> None:
        """End of a build: drop every entry it did not ask for."""
        self._previous, self._current = self._current, {}

    def __len__(self) -> int:
        return len(self._current) + len(self._previous)


def _ancestors(path: str) -> Iterable[str]:
    """``path`` and every folder above it: ``/a/b/c`` -> ``/a/b/c``, ``/a/b``, ``/a``, ``/``."""
    while True:
        yield path
        parent = posixpath.dirname(path)
        if parent == path:
            return
        path = parent


class NoMemo(Memo):
    """A memo that keeps nothing: the default of the loaders, for scripts and plain builds."""

    def _get(self, key: tuple, compute: Callable[[], T]) -> T:
        return compute()


NO_MEMO: Final = NoMemo()
