#!/usr/bin/env python3
"""Check where every note is anchored: ``python scripts/reanchor.py [--write]``.

Each note is reported as anchored, moved (its quote now stands, once, in
another paragraph: the new id is shown) or orphaned (the quote is missing,
ambiguous or only approximately there: the reason and the closest passage
are shown). With ``--write`` the ``target.paragraph`` value of each moved note
is updated in place (found by parsing the front matter); nothing else in the
file changes, not even a title or comment that mentions ``paragraph:``.

Exit status: 0 every note anchored (after --write), 1 some note still moved
or orphaned, 2 bad input: no docs folder, or a note that cannot be read (one
line on stderr for each such note, naming it; the other notes are still
reported).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from edition.content.project import ProjectError, existing_docs_dir
from edition.content.site import load_site
from edition.features.commentary.anchor import ANCHORED, MOVED, anchor_all
from edition.features.commentary.retarget import retarget_file

ROOT = Path(__file__).resolve().parent.parent


def arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="reanchor.py", description="Report, and with --write repair, the anchors of notes."
    )
    parser.add_argument("--write", action="store_true", help="update the target paragraph of moved notes in place")
    parser.add_argument("--root", type=Path, default=ROOT, help="the project folder (default: this repository)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = arguments(argv)
    root = args.root.resolve()
    try:
        docs = existing_docs_dir(root)
    except ProjectError as exc:
        print(f"reanchor: {exc}", file=sys.stderr)
        return 2
    site = load_site(docs, root)
    unreadable = [problem for problem in site.problems if "/commentary/" in problem.path]
    for problem in unreadable:
        print(f"reanchor: {problem}", file=sys.stderr)
    remaining = 0
    for anchor in anchor_all(site.comments, site.essays):
        note = anchor.comment
        if anchor.status == ANCHORED:
            print(f"anchored  {note.path} -> {note.paragraph}")
        elif anchor.status == MOVED and args.write:
            new = anchor.paragraph_id
            if retarget_file(root / note.path, note.paragraph, new):
                print(f"updated   {note.path}: {note.paragraph} -> {new}")
            else:
                remaining += 1
                print(
                    f"moved     {note.path}: {note.paragraph} -> {new} "
                    "(could not find one target.paragraph value to edit; edit it by hand)"
                )
        elif anchor.status == MOVED:
            remaining += 1
            print(f"moved     {note.path}: {note.paragraph} -> {anchor.paragraph_id}")
        else:
            remaining += 1
            print(f"orphaned  {anchor.problem}")
    return 2 if unreadable else 1 if remaining else 0


if __name__ == "__main__":
    sys.exit(main())
