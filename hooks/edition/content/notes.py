"""Read every note under ``docs/commentary/<essay-slug>/``.

A note that cannot be used is reported, never skipped in silence: each
problem names the file and the field. Since notes come from strangers, only
the files :mod:`edition.content.contributed.guard` accepts are read, and each through
the bounded reader (no links, nothing but regular files, at most 100 KB,
UTF-8), before any parsing.
"""

from __future__ import annotations

from pathlib import Path

from edition.content import frontmatter
from edition.content.contributed.folders import COMMENTARY
from edition.content.contributed.guard import scan
from edition.content.model import Comment
from edition.content.note_schema import validate
from edition.content.problems import Problem


def load_comment(path: Path, rel: str, essay: str) -> tuple[Comment | None, list[Problem]]:
    """One note, or None with every reason it cannot be used."""
    text, unread = COMMENTARY.read_text(path, rel)
    if text is None:
        return None, unread
    try:
        meta, body = frontmatter.split(text)
    except frontmatter.FrontMatterError as exc:
        return None, [
            Problem(rel, f"{exc}.", "Fix the lines between the two '---'; see CONTRIBUTING.md for an example.")
        ]
    if not meta:
        return None, [
            Problem(rel, "has no front matter.", "Start the file with the '---' block shown in CONTRIBUTING.md.")
        ]
    clean, errors = validate(meta)
    if errors:
        return None, [Problem(rel, error) for error in errors]
    line = frontmatter.body_line(text, body)
    return Comment(essay=essay, name=path.stem, path=rel, body=body, body_line=line, **clean), []


def load_comments(docs_dir: Path, root: Path) -> tuple[list[Comment], list[Problem]]:
    """Every note of every essay, oldest first, and the problems met."""
    comments: list[Comment] = []
    problems: list[Problem] = []
    docs_rel = docs_dir.relative_to(root).as_posix()
    accepted, refused = scan(docs_dir, COMMENTARY, docs_rel)
    problems += [refusal.problem(docs_rel) for refusal in refused]
    for src, entry in accepted:
        comment, found = load_comment(Path(entry.path), f"{docs_rel}/{src}", src.split("/")[1])
        problems.extend(found)
        if comment:
            comments.append(comment)
    comments.sort(key=lambda c: (c.date, c.path))
    return comments, problems
