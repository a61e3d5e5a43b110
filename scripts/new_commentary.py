#!/usr/bin/env python3
"""Start a note on a passage: ``python scripts/new_commentary.py --paragraph ID --quote "..." --author "..."``.

The anchor is checked before anything is written: the paragraph must exist
and hold the quote. Words that occur more than once there need
``--occurrence N`` (which of them, counting from 1); the script then writes
``target.prefix`` and ``target.suffix``, the fewest words around the quote
that tell it from the others, as the build compares them. The note records
the essay's current revision (``revision:``), the text its quote was checked
against. The new file goes to ``docs/commentary/<essay>/<name>.md`` (the
name from the title, else the
quote) and never replaces an existing file.

Exit status: 0 written, 2 bad input (one line on stderr naming the problem,
with the closest passage when the quote is not found).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from edition.addresses import COMMENTARY, note_page, repo_path
from edition.content.folding import fold_text
from edition.content.model import Comment
from edition.content.note_schema import KINDS, validate
from edition.content.project import open_project
from edition.features.commentary.anchor import ANCHORED, MOVED, EssayIndex, anchor, context, starts
from edition.features.commentary.scaffold import skeleton, suggest_name

ROOT = Path(__file__).resolve().parent.parent


def arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="new_commentary.py", description="Write the skeleton of a new note, anchored to a passage."
    )
    parser.add_argument(
        "--paragraph", required=True, help="the paragraph id: the part of its address after '#' (click the ¶ mark)"
    )
    parser.add_argument("--quote", required=True, help="the exact words of the passage, copied from the page")
    parser.add_argument("--author", required=True, help="your name as it should appear on the note")
    parser.add_argument("--title", help="the note's title (default: 'On “<quote>”')")
    parser.add_argument("--kind", default="context", choices=KINDS, help="what kind of note (default: context)")
    parser.add_argument(
        "--occurrence",
        type=int,
        metavar="N",
        help="which occurrence of the quote in the paragraph, from 1, when the words occur more than once",
    )
    parser.add_argument("--essay", help="the essay's slug (default: the essay that has the paragraph)")
    parser.add_argument("--root", type=Path, default=ROOT, help="the project folder (default: this repository)")
    return parser.parse_args(argv)


class Refused(Exception):
    """A user's mistake: one line for stderr."""


SHOWN_OCCURRENCES = 5  # occurrences listed, with the words around each, when the script asks which one is meant
AROUND = 3  # words shown on each side of an occurrence


def choose(args: argparse.Namespace, text: str) -> tuple[str, str]:
    """``target.prefix`` and ``target.suffix`` for the occurrence ``--occurrence`` names in the folded ``text``.

    ``("", "")`` when the quote occurs at most once and no other occurrence
    is asked for; :class:`Refused` listing the occurrences otherwise.
    """
    quote = fold_text(args.quote)
    every = starts(text, quote) if quote else []
    said = f"target quote '{args.quote.strip()[:80]}'"
    if len(every) < 2:  # not there at all: the anchorer says where it is
        if every and args.occurrence not in (None, 1):
            raise Refused(f"{said} occurs once in paragraph '{args.paragraph}'; leave out --occurrence")
        return "", ""
    if args.occurrence is not None and 1 <= args.occurrence <= len(every):
        start = every[args.occurrence - 1]
        return context(text, start, start + len(quote))
    listed = "; ".join(f"{n}: '{_around(text, s, len(quote))}'" for n, s in enumerate(every[:SHOWN_OCCURRENCES], 1))
    more = ", ..." if len(every) > SHOWN_OCCURRENCES else ""
    raise Refused(
        f"{said} occurs {len(every)} times in paragraph '{args.paragraph}' ({listed}{more}). "
        f"Say which with --occurrence 1 to {len(every)}, or quote more words so that it occurs once."
    )


def _around(text: str, start: int, length: int) -> str:
    """An occurrence with a few words either side, the quote in brackets: ``'… stops, [the Earth] moves; …'``."""
    before, after = text[:start].split(), text[start + length :].split()
    lead = "\u2026" if len(before) > AROUND else ""
    tail = "\u2026" if len(after) > AROUND else ""
    shown = f"{' '.join(before[-AROUND:])} [{text[start : start + length]}] {' '.join(after[:AROUND])}".strip()
    return f"{lead}{shown}{tail}"


def check(args: argparse.Namespace, site) -> tuple[str, str, tuple[str, str]]:
    """The essay slug, the title and the quote's context to use, or :class:`Refused` with the reason."""
    found = site.paragraph(args.paragraph)
    essay = args.essay or (found[0].slug if found else None)
    unreadable = [p for p in site.problems if p.path.startswith(f"{site.docs_rel}/essays/")]
    if essay is None and unreadable:  # the paragraph may be on a page that cannot be read: say which
        raise Refused(f"paragraph '{args.paragraph}' was not found, and {unreadable[0]}")
    if essay is None:
        raise Refused(f"paragraph '{args.paragraph}' does not exist; copy the id after '#' from the paragraph's ¶ link")
    if essay not in site.essays:
        raise Refused(f"there is no essay '{essay}' (essays: {', '.join(sorted(site.essays))})")
    title = args.title or f"On \u201c{args.quote.strip()[:80]}\u201d"
    meta = {
        "title": title,
        "author": args.author,
        "date": "2000-01-01",
        "kind": args.kind,
        "target": {"paragraph": args.paragraph, "quote": args.quote},
    }
    _, errors = validate(meta)
    if errors:
        raise Refused(errors[0])
    index = EssayIndex(site.essays[essay])
    prefix, suffix = choose(args, index.texts.get(args.paragraph, ""))
    note = Comment(
        essay,
        "new",
        repo_path(site.docs_rel, note_page(essay, "(new note)")),
        title,
        args.author,
        "",
        args.kind,
        args.paragraph,
        args.quote,
        prefix=prefix,
        suffix=suffix,
    )
    placed = anchor(note, index)
    if placed.status != ANCHORED and placed.problem is not None:
        advice = f"Use --paragraph {placed.paragraph_id}." if placed.status == MOVED else placed.problem.hint
        raise Refused(f"{placed.problem.message} {advice}")
    return essay, title, (prefix, suffix)


def main(argv: list[str] | None = None) -> int:
    args = arguments(argv)
    opened = open_project(args.root, "new_commentary")
    if opened is None:
        return 2
    root, docs, site = opened
    try:
        essay, title, around = check(args, site)
    except Refused as exc:
        print(f"new_commentary: {exc}", file=sys.stderr)
        return 2
    folder = docs / COMMENTARY / essay
    taken = {p.stem for p in folder.glob("*.md")} if folder.is_dir() else set()
    path = folder / f"{suggest_name(args.title or args.quote, taken)}.md"
    folder.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8") as handle:  # "x": never overwrite, even if the file appeared meanwhile
        revision = site.essays[essay].revision  # the quote was checked against the current text
        note = skeleton(title, args.author, args.kind, args.paragraph, args.quote, context=around, revision=revision)
        handle.write(note)
    print(f"wrote {path.relative_to(root).as_posix()}: write your note below its front matter, then run make build")
    return 0


if __name__ == "__main__":
    sys.exit(main())
