"""One shape for every problem the build or a tool reports.

Checkers return lists of :class:`Problem`; exactly one place (a hook, or a
command-line tool) turns them into log lines or exit codes, so every message a
contributor sees reads the same way: the file, what is wrong, what to do.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Problem:
    """A problem found in one source file.

    ``path`` is the file a person must edit (relative to the repository root,
    e.g. ``docs/commentary/wandering-earth-ii/note.md``), ``message`` says what
    is wrong and ``hint`` what to do about it (may be empty). ``line`` is the
    file's line at fault, counting from 1, where it is known (None otherwise):
    it places the problem on that line of a pull request (see
    :mod:`edition.mkdocs_adapter.github`). It takes no part in comparisons, so
    a problem found on several pages is still reported once.
    """

    path: str
    message: str
    hint: str = ""
    line: int | None = field(default=None, compare=False)

    def __str__(self) -> str:
        text = f"{self.path}: {self.message}"
        if self.hint:
            text += f" {self.hint}"
        return text
