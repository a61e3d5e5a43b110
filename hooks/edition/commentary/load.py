"""Read every note under ``docs/commentary/<essay-slug>/``.

A note that cannot be used is reported, never skipped in silence: each
problem names the file and the field. Files are refused before parsing when
they are too large or not UTF-8, since they come from strangers.
"""

from __future__ import annotations

from pathlib import Path

from edition import frontmatter
from edition.commentary.schema import validate
from edition.model import Comment
from edition.problems import Problem

COMMENTARY_DIR = "commentary"
MAX_BYTES = 100 * 1024
GENERATED = {"index.md"}


def load_comment(path: Path, rel: str, essay: str) -> tuple[Comment | None, list[Problem]]:
    """One note, or None with every reason it cannot be used."""
    data = path.read_bytes()
    if len(data) > MAX_BYTES:
        return None, [Problem(rel, f"is {len(data) // 1024} KB; a note may be at most {MAX_BYTES // 1024} KB.", "Shorten it or split it into several notes.")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None, [Problem(rel, "is not UTF-8 text.", "Save it as UTF-8.")]
    try:
        meta, body = frontmatter.split(text)
    except frontmatter.FrontMatterError as exc:
        return None, [Problem(rel, f"{exc}.", "Fix the lines between the two '---'; see CONTRIBUTING.md for an example.")]
    if not meta:
        return None, [Problem(rel, "has no front matter.", "Start the file with the '---' block shown in CONTRIBUTING.md.")]
    clean, errors = validate(meta)
    if errors:
        return None, [Problem(rel, error) for error in errors]
    line = frontmatter.body_line(text, body)
    return Comment(essay=essay, name=path.stem, path=rel, body=body, body_line=line, **clean), []


def load_comments(docs_dir: Path, root: Path) -> tuple[list[Comment], list[Problem]]:
    """Every note of every essay, oldest first, and the problems met."""
    comments: list[Comment] = []
    problems: list[Problem] = []
    folder = docs_dir / COMMENTARY_DIR
    for path in sorted(folder.glob("*/*.md")) if folder.is_dir() else ():
        if path.name in GENERATED:
            continue
        comment, found = load_comment(path, path.relative_to(root).as_posix(), path.parent.name)
        problems.extend(found)
        if comment:
            comments.append(comment)
    comments.sort(key=lambda c: (c.date, c.path))
    return comments, problems
