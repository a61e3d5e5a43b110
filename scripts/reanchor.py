#!/usr/bin/env python3
"""Check where every note is anchored: ``python scripts/reanchor.py [--write] [--accept NOTE] [--resolve NOTE]``.

Each note is reported as anchored, moved (its quote now stands, once, in
another paragraph: the new id is shown), orphaned (the quote is missing,
ambiguous or only approximately there, in every revision of the essay: the
reason and the closest passage are shown), or in one of the states a
revision of the essay left it in: changed (its passage changed since the
revision it was written against), resolved (a revision applied it) or
removed (its paragraph was removed). With ``--write`` the ``target.paragraph``
value of each moved note is updated in place (found by parsing the front
matter); nothing else in the file changes, not even a title or comment that
mentions ``paragraph:``.

A note whose passage changed is left as it is until a maintainer decides:
``--accept NOTE`` makes it quote the words that replaced its passage (when
the revision record maps its quote onto one passage) in the current
revision; ``--resolve NOTE`` marks a note the change applied (a correction)
``status: resolved`` with ``resolved_in:`` that revision. Both edit only the
values they set. The report proposes the command for each such note.

Exit status: 0 every note placed (anchored, or in a state a revision left it
in), 1 some note still moved or orphaned, 2 bad input: no docs folder, a
note that cannot be read or a NOTE that --accept or --resolve cannot act on
(one line on stderr for each, naming it; the other notes are still reported).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from edition.content.project import open_project
from edition.features.commentary.anchor import ANCHORED, MOVED, Anchor
from edition.features.commentary.note_fields import set_file_values
from edition.features.commentary.retarget import retarget_file
from edition.features.commentary.revised import CHANGED, REMOVED, RESOLVED, anchor_all, follow_up

ROOT = Path(__file__).resolve().parent.parent


def arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="reanchor.py", description="Report, and with --write repair, the anchors of notes."
    )
    parser.add_argument("--write", action="store_true", help="update the target paragraph of moved notes in place")
    parser.add_argument(
        "--accept",
        action="append",
        default=[],
        metavar="NOTE",
        help="make a note whose passage changed quote the new words",
    )
    parser.add_argument(
        "--resolve", action="append", default=[], metavar="NOTE", help="mark a note the change applied as resolved"
    )
    parser.add_argument("--root", type=Path, default=ROOT, help="the project folder (default: this repository)")
    return parser.parse_args(argv)


class Refused(Exception):
    """A NOTE that --accept or --resolve cannot act on: one line for stderr."""


def accept(anchor: Anchor, root: Path) -> str:
    """Quote the words that replaced the passage, in the paragraph that holds them, at the current revision."""
    note, history = anchor.comment, anchor.history
    if anchor.status != CHANGED or history is None:
        raise Refused(f"{note.path}: its passage has not changed (it is {anchor.status}); there is nothing to accept")
    if not history.passage:
        raise Refused(
            f"{note.path}: the words that replaced its passage are not clear; "
            f"quote them in target.quote and set 'revision: {history.current}' by hand"
        )
    values: dict[tuple[str, ...], str | int] = {
        ("target", "paragraph"): anchor.paragraph_id,
        ("target", "quote"): history.passage,
        ("revision",): history.current,
    }
    if not set_file_values(root / note.path, values):
        raise Refused(f"{note.path}: could not find its target.paragraph and target.quote to edit; edit them by hand")
    return (
        f"accepted  {note.path}: now quotes '{history.passage}' in {anchor.paragraph_id} (revision {history.current})"
    )


def resolve(anchor: Anchor, root: Path) -> str:
    """Mark the note resolved by the revision that changed its passage."""
    note, history = anchor.comment, anchor.history
    if anchor.status != CHANGED or history is None:
        raise Refused(f"{note.path}: its passage has not changed (it is {anchor.status}); there is nothing to resolve")
    values: dict[tuple[str, ...], str | int] = {("status",): RESOLVED, ("resolved_in",): history.changed.number}
    if history.written.number != note.revision:
        values[("revision",)] = history.written.number
    if not set_file_values(root / note.path, values):
        raise Refused(f"{note.path}: could not add status and resolved_in to its front matter; add them by hand")
    return f"resolved  {note.path}: applied in revision {history.changed.number}"


def act(anchors: list[Anchor], args: argparse.Namespace, root: Path) -> int:
    """Run --accept and --resolve on the notes they name; 2 when one cannot be done."""
    by_path = {(root / a.comment.path).resolve(): a for a in anchors}
    failed = False
    for action, names in ((accept, args.accept), (resolve, args.resolve)):
        for name in names:
            anchor = by_path.get((root / name).resolve()) or by_path.get(Path(name).resolve())
            try:
                if anchor is None:
                    raise Refused(
                        f"{name}: is not a note of this site (give its path, e.g. docs/commentary/<essay>/<note>.md)"
                    )
                print(action(anchor, root))
            except Refused as exc:
                failed = True
                print(f"reanchor: {exc}", file=sys.stderr)
    return 2 if failed else 0


def report(anchor: Anchor, write: bool, root: Path) -> bool:
    """Print the note's line; True when it still needs fixing (moved or orphaned)."""
    note = anchor.comment
    if anchor.status in (ANCHORED, RESOLVED):
        applied = f" (applied in revision {anchor.history.changed.number})" if anchor.history else ""
        print(f"{anchor.status:<9} {note.path} -> {anchor.paragraph_id}{applied}")
    elif anchor.status == CHANGED:
        print(f"changed   {follow_up(anchor)}")
    elif anchor.status == REMOVED and anchor.history is not None:
        removed = anchor.history.changed
        print(
            f"removed   {note.path}: its paragraph '{anchor.history.paragraph.id}' was removed in revision "
            f"{removed.number}; the note keeps its page, with the passage as it read"
        )
    elif anchor.status == MOVED and write:
        new = anchor.paragraph_id
        if retarget_file(root / note.path, note.paragraph, new):
            print(f"updated   {note.path}: {note.paragraph} -> {new}")
            return False
        print(
            f"moved     {note.path}: {note.paragraph} -> {new} "
            "(could not find one target.paragraph value to edit; edit it by hand)"
        )
        return True
    elif anchor.status == MOVED:
        print(f"moved     {note.path}: {note.paragraph} -> {anchor.paragraph_id}")
        return True
    else:
        print(f"orphaned  {anchor.problem}")
        return True
    return False


def main(argv: list[str] | None = None) -> int:
    args = arguments(argv)
    opened = open_project(args.root, "reanchor")
    if opened is None:
        return 2
    root, _, site = opened
    unreadable = [problem for problem in site.problems if "/commentary/" in problem.path]
    for problem in unreadable:
        print(f"reanchor: {problem}", file=sys.stderr)
    anchors = anchor_all(site.comments, site.essays)
    if args.accept or args.resolve:
        return act(anchors, args, root) or (2 if unreadable else 0)
    remaining = sum(report(anchor, args.write, root) for anchor in anchors)
    return 2 if unreadable else 1 if remaining else 0


if __name__ == "__main__":
    sys.exit(main())
