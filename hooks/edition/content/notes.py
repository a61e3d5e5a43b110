"""Read every note under ``docs/commentary/<essay-slug>/``.

A note that cannot be used is reported, never skipped in silence: each
problem names the file and the field. Since notes come from strangers, only
the files :mod:`edition.content.contributed.guard` accepts are read, and each through
the bounded reader (no links, nothing but regular files, at most 100 KB,
UTF-8), before any parsing.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from edition.content.contributed.folders import COMMENTARY
from edition.content.contributed.guard import accepted_files
from edition.content.memo import FILE, LISTING, NO_MEMO, Memo
from edition.content.model import Comment
from edition.content.note_schema import validate
from edition.content.problems import Problem


def load_comment(path: Path, rel: str, essay: str) -> tuple[Comment | None, list[Problem]]:
    """One note, or None with every reason it cannot be used."""
    parsed, unread = COMMENTARY.read_front_matter(path, rel)
    if parsed is None:
        return None, unread
    if not parsed.meta:
        return None, [
            Problem(rel, "has no front matter.", "Start the file with the '---' block shown in CONTRIBUTING.md.", 1)
        ]
    clean, errors = validate(parsed.meta)
    if errors:
        return None, [parsed.problem(rel, error) for error in errors]
    lines = parsed.lines
    return Comment(essay, path.stem, rel, body=parsed.body, body_line=parsed.body_line, lines=lines, **clean), []


def load_comments(docs_dir: Path, root: Path, memo: Memo = NO_MEMO) -> tuple[list[Comment], list[Problem]]:
    """Every note of every essay, oldest first, and the problems met; ``memo`` keeps each file's reading."""
    comments: list[Comment] = []
    folder = (docs_dir / COMMENTARY.name).as_posix()
    files, refused = memo.path("notes", LISTING, folder, lambda: accepted_files(docs_dir, root, COMMENTARY))
    problems = list(refused)
    for src, path, rel in files:
        comment, found = memo.path("note", FILE, path.as_posix(), partial(load_comment, path, rel, src.split("/")[1]))
        problems.extend(found)
        if comment:
            comments.append(comment)
    comments.sort(key=lambda c: (c.date, c.path))
    return comments, problems
