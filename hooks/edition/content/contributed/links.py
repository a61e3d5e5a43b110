"""Links to folders that would make MkDocs' own walk of the docs folder endless.

MkDocs lists the docs folder with ``os.walk(followlinks=True)`` before any
hook sees a file, and never notices a loop: two links to ``..`` in a pull
request make it walk ``a/b/a/b/...`` in every combination, 2^40 folders
before the system stops resolving the path, and a link to ``/`` walks the
whole machine. The guard withholds what such a walk finds, but only once
the walk ends, so the build must stop before it starts. This walk follows
links as MkDocs does, remembering the folders on the current path (a loop)
and counting what each link leads to (a bound), so it always ends.

The same walk lists every link it meets that no other link led to, for the
build to publish nothing through any of them, wherever they are: MkDocs
copies what a link points to, a private key or ``/proc/self/environ``.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path
from typing import NamedTuple

from edition.content.contributed.names import printable
from edition.content.problems import Problem

LIMIT = 10_000  # files and folders reached through one link; a pull request has no reason for a single one


class Links(NamedTuple):
    """What :func:`walk_links` found: each link's path relative to the docs folder, and the endless ones."""

    found: list[str]
    endless: list[Problem]


def walk_links(docs_dir: Path, docs_rel: str, limit: int = LIMIT) -> Links:
    """Every link under ``docs_dir`` (sorted), and each whose target MkDocs would walk without end or past ``limit``."""
    reached: Counter[str] = Counter()
    problems: dict[str, Problem] = {}
    stack = [(str(docs_dir), "", frozenset({_inode(docs_dir)}), "")]
    while stack:
        path, rel, ancestors, via = stack.pop()
        try:
            with os.scandir(path) as found:
                entries = list(found)
        except OSError:
            continue  # MkDocs' walk skips an unreadable folder too
        for entry in entries:
            link = via or (rel + entry.name if entry.is_symlink() else "")
            if link in problems:
                continue
            if link:
                reached[link] += 1
                if reached[link] > limit:
                    what = f"to more than {limit:,} files and folders: MkDocs would walk them all"
                    problems[link] = _problem(docs_rel, link, what)
                    continue
            inode = _folder_inode(entry)
            if inode is None:
                continue
            if inode in ancestors and link:  # only a link can lead back up (folders have no hard links)
                what = "to a folder that contains it: MkDocs would follow it without end"
                problems[link] = _problem(docs_rel, link, what)
                continue
            stack.append((entry.path, f"{rel}{entry.name}/", ancestors | {inode}, link))
    return Links(sorted(reached), sorted(problems.values()))


def _problem(docs_rel: str, link: str, what: str) -> Problem:
    return Problem(
        printable(f"{docs_rel}/{link}"),
        f"is a symbolic link {what}, before any check runs.",
        "Delete the link.",
    )


def _folder_inode(entry: os.DirEntry) -> tuple[int, int] | None:
    """The folder's identity, links followed as MkDocs follows them; None for anything else."""
    try:
        return _inode(entry.path) if entry.is_dir() else None
    except OSError:
        return None  # a dangling link, a loop the system gave up on: MkDocs lists it as a file


def _inode(path: str | Path) -> tuple[int, int]:
    info = os.stat(path)
    return info.st_dev, info.st_ino
