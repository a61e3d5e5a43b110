#!/usr/bin/env python3
"""Import a plain-text essay into the site: ``python scripts/import_essay.py SOURCE``.

See ``python scripts/import_essay.py --help`` and the README's "Import an essay".
An import that changes an essay's text records a revision, which needs a
one-line summary: ``--message "..."``, or, run in a terminal, typed when asked.
Exit status: 0 done, 2 bad input or a refusal (one line on stderr naming the file).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from edition.content.project import ProjectError, existing_docs_dir
from edition.content.site import load_site
from edition.content.text import counted
from edition.features.commentary.anchor import MOVED, ORPHANED, Anchor
from edition.features.commentary.revised import CHANGED, REANCHOR, REMOVED, anchor_all
from edition.features.importer.glossary_names import UnreadableEntry
from edition.features.importer.lock import ImportLocked
from edition.features.importer.parse import SourceError, check_date_flag, check_text_flag
from edition.features.importer.revise import SummaryNeeded, check_summary
from edition.features.importer.run import ImportRefused, import_essay
from edition.features.importer.state import DamagedState

ROOT = Path(__file__).resolve().parent.parent


def arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="import_essay.py",
        description="Turn a plain-text essay into Markdown pages under docs/essays/<slug>/.",
    )
    parser.add_argument("source", type=Path, help="the essay as plain UTF-8 text")
    parser.add_argument("--slug", help="folder and URL name (default: the source file's name)")
    parser.add_argument("--dry-run", action="store_true", help="print what would be written; write nothing")
    parser.add_argument("--force", action="store_true", help="overwrite pages edited by hand since the last import")
    parser.add_argument("--title", help="the title, when the first line is not it")
    parser.add_argument("--author", help="the author, when no author line is found")
    parser.add_argument("--date", help="the publication date as YYYY-MM-DD, when no date line is found")
    parser.add_argument(
        "--publication", help="where the essay first appeared (default: the words in italics on its Note: line)"
    )
    parser.add_argument(
        "--message",
        help="one line saying what this revision changes (asked for when the text changed and it is missing)",
    )
    parser.add_argument("--root", type=Path, default=ROOT, help="the project folder (default: this repository)")
    return parser.parse_args(argv)


def describe(report, dry_run: bool) -> str:
    verb = "would write" if dry_run else "wrote"
    lines = [
        f"{'Dry run: ' if dry_run else ''}essay '{report.slug}': {counted(len(report.pages), 'page')}, "
        f"{counted(sum(report.pages.values()), 'paragraph')}"
    ]
    lines += [f"  {page}: {counted(count, 'paragraph')}" for page, count in report.pages.items()]
    lines.append(
        f"  {verb} {counted(len(report.written), 'file')}, {len(report.unchanged)} unchanged, "
        f"{len(report.removed)} removed"
    )
    lines += [f"    {verb}: {path}" for path in report.written]
    lines += [f"    remove: {path}" for path in report.removed]
    if report.source_copy:
        lines.append(f"  source kept as {report.source_copy}")
    lines.append(f"  ids: {report.kept_ids} kept, {len(report.new_ids)} new, {len(report.retired_ids)} retired")
    lines += revision_lines(report, dry_run)
    lines.append(f"  glossary links: {len(report.glossary_links)} ({', '.join(sorted(set(report.glossary_links)))})")
    lines += [f"    new stub: {path}" for path in report.stubs]
    lines.append(f"  repairs: {len(report.repairs)}")
    lines += [f"    {repair}" for repair in report.repairs]
    return "\n".join(lines)


def revision_lines(report, dry_run: bool) -> list[str]:
    """The revision the import records and its changes, each with the ids it takes and gives."""
    if not report.revision:
        return []
    verb = "would record" if dry_run else "recorded"
    where = f" in {report.record}" if report.record else ""
    count = len(report.changes)
    what = f"{count} change{'' if count == 1 else 's'}" if report.revision > 1 else "as first published"
    lines = [f"  revision {report.revision} {verb}{where}: {what}"]
    for change in report.changes:
        old, new = ", ".join(v.id for v in change.old), ", ".join(v.id for v in change.new)
        ids = old if not new or old == new else new if not old else f"{old} -> {new}"
        lines.append(f"    {change.kind}: {ids}")
    return lines


CASES = [  # (case, what to do), in the order a maintainer deals with them
    ("moved quote", f"run: {REANCHOR} --write"),
    ("correction applied", f"if the revision applied it, run: {REANCHOR} --resolve NOTE"),
    ("passage changed", f"if the note holds for the new words, run: {REANCHOR} --accept NOTE"),
    ("paragraph removed", 'nothing to run: the note keeps its page and is listed under "Earlier text"'),
    ("matches no revision", "fix its target.quote by hand"),
]


def case_of(anchor: Anchor, revision: int) -> tuple[str, str] | None:
    """The case of a note this import affects, and the line that names it; None for a note it leaves as it was."""
    note, history = anchor.comment, anchor.history
    if anchor.status == MOVED:
        return "moved quote", f"{note.path}: '{note.paragraph}' -> '{anchor.paragraph_id}'"
    if anchor.status == ORPHANED:
        return "matches no revision", str(anchor.problem)
    if history is None or history.changed.number != revision:
        return None
    if anchor.status == REMOVED:
        return "paragraph removed", f"{note.path}: on '{history.paragraph.id}'"
    if anchor.status != CHANGED:
        return None
    now = f"'{history.passage}'" if history.passage else "unclear"
    case = "correction applied" if note.kind == "correction" else "passage changed"
    return case, f"{note.path}: '{history.was}' in '{history.paragraph.id}'; the new words: {now}"


def affected_notes(root: Path, report) -> list[str]:
    """Every note of the essay this import affects, sorted into the cases a maintainer acts on, each case's command."""
    site = load_site(existing_docs_dir(root), root)
    comments = [c for c in site.comments if c.essay == report.slug]
    found: dict[str, list[str]] = {}
    for anchor in anchor_all(comments, site.essays):
        affected = case_of(anchor, report.revision)
        if affected is not None:
            found.setdefault(affected[0], []).append(affected[1])
    if not found:
        return []
    lines = [f"  notes affected: {sum(map(len, found.values()))}"]
    for name, advice in CASES:
        if name in found:
            lines.append(f"    {name} ({advice}):")
            lines += [f"      {line}" for line in found[name]]
    return lines


def run_import(args: argparse.Namespace, options: dict):
    """The import; in a terminal, a missing summary of the revision is asked for and the import run again."""
    root = args.root.resolve()
    try:
        return import_essay(args.source, root, slug=args.slug, force=args.force, dry_run=args.dry_run, **options)
    except SummaryNeeded as exc:
        if not sys.stdin.isatty():
            raise
        print(f"import_essay: {exc}", file=sys.stderr)
        options = {**options, "message": check_summary(input("Summary of this revision (one line): "))}
        return import_essay(args.source, root, slug=args.slug, force=args.force, dry_run=args.dry_run, **options)


def main(argv: list[str] | None = None) -> int:
    args = arguments(argv)
    try:
        existing_docs_dir(args.root)
    except ProjectError as exc:
        print(f"import_essay: {exc}", file=sys.stderr)
        return 2
    try:
        options = {
            "title": check_text_flag("--title", args.title),
            "author": check_text_flag("--author", args.author),
            "date": None if args.date is None else check_date_flag(args.date),
            "publication": check_text_flag("--publication", args.publication),
            "message": check_summary(args.message),
        }
        report = run_import(args, options)
    except SourceError as exc:
        print(f"import_essay: {args.source}: {exc}", file=sys.stderr)
        return 2
    except (ImportRefused, ImportLocked, DamagedState, UnreadableEntry, SummaryNeeded) as exc:
        print(f"import_essay: {exc}", file=sys.stderr)
        return 2
    lines = [describe(report, args.dry_run)]
    if report.revision > 1 and not args.dry_run:
        lines += affected_notes(args.root.resolve(), report)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
