"""One shape for every problem the build or a tool reports.

Checkers return lists of :class:`Problem`; exactly one place (a hook, or a
command-line tool) turns them into log lines or exit codes, so every message a
contributor sees reads the same way: the file, what is wrong, what to do.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """A problem found in one source file.

    ``path`` is the file a person must edit (relative to the repository root,
    e.g. ``docs/commentary/wandering-earth-ii/note.md``), ``message`` says what
    is wrong and ``hint`` what to do about it (may be empty).
    """

    path: str
    message: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.path}: {self.message}"
        if self.hint:
            text += f" {self.hint}"
        return text
