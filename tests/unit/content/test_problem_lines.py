"""Each problem with a contributed file points at the line at fault: the field, the YAML error, the body's line.

A pull request shows a problem on that line (``::error file=...,line=...``),
so the line is part of the problem as much as its words are.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from edition.content.notes import load_comments
from edition.content.terms import load_terms
from edition.features.glossary.lint import lint
from edition.safe.markdown import SafeMarkdown

NOTE = """---
title: T
author: A
date: 2024-01-01
kind: context
target:
  paragraph: opening-1
  quote: "q"
sources:
  - title: S
    url: https://example.org/s
  - title: S2
    url: https://example.org/s2
---

Body.
"""
# The line of each field's first appearance, as an editor numbers them.
LINE: dict[str, int] = {}
for number, text in enumerate(NOTE.splitlines(), 1):
    LINE.setdefault(text.split(":")[0].strip(" -"), number)


def note(**changes: str) -> str:
    """NOTE with whole lines replaced: ``changes`` maps a line's beginning to its new text."""
    lines = NOTE.splitlines()
    for start, new in changes.items():
        lines = [new if line.startswith(start.replace("_", " ")) else line for line in lines]
    return "\n".join(lines) + "\n"


NOTE_CASES = [
    # (case, file text, line of its one problem)
    ("a wrong kind: the kind line", note(kind="kind: gossip"), LINE["kind"]),
    ("an unknown field: its own line", NOTE.replace("kind: context\n", "kind: context\ncolour: red\n"), 6),
    ("a title of the wrong type", note(title="title: [a, b]"), LINE["title"]),
    ("a date that is no date", note(date="date: someday"), LINE["date"]),
    ("a quote of the wrong type", note(__quote="  quote: [a]"), LINE["quote"]),
    ("a nested unknown field", note(__paragraph="  paragraph: opening-1\n  page: 3"), LINE["paragraph"] + 1),
    ("a bad paragraph id", note(__paragraph="  paragraph: '#x y'"), LINE["paragraph"]),
    ("a source's bad address", NOTE.replace("https://example.org/s2", "ftp://example.org/s2"), 13),
    ("a source without a title: the item's line", NOTE.replace("  - title: S2\n", "  - name: S2\n"), 12),
    ("a missing field: the opening line", NOTE.replace("author: A\n", ""), 1),
    ("an empty target.quote: the target's line", note(__quote="  quote:"), LINE["quote"]),
    ("a missing target.quote: the target's line", note(__quote=""), LINE["target"]),
    ("YAML syntax: the line YAML names", note(title="title: a: b"), LINE["title"]),
    ("an impossible date: its line", note(date="date: 2023-02-30"), LINE["date"]),
    ("an alias: its line", note(author="author: *a"), LINE["author"]),
    ("no front matter: the first line", "Just text.\n", 1),
    ("not a mapping: the first line of the front matter", "---\n- a list\n---\n", 2),
    ("raw HTML in the body: its line", NOTE + "\nSome <b>bold</b> words.\n", 18),
    ("a refused link address in the body: its line", NOTE + "\nA [link](javascript:alert(1)).\n", 18),
]


def write(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("text, line", [c[1:] for c in NOTE_CASES], ids=[c[0] for c in NOTE_CASES])
def test_a_problem_with_a_note_is_on_the_line_at_fault(tmp_path: Path, text: str, line: int) -> None:
    write(tmp_path, "docs/commentary/e/n.md", text)
    comments, problems = load_comments(tmp_path / "docs", tmp_path)
    for comment in comments:  # the body's problems, as the build finds them when it renders the note
        problems += SafeMarkdown().render_once(comment.body).reported(comment.path, comment.body_line)
    assert [p.line for p in problems] == [line], [str(p) for p in problems]


ENTRY = "---\ntitle: Soft power\nsummary: One sentence.\nsee_also:\n  - hard-power\n---\n\nBody.\n"
ENTRY_CASES = [
    ("an unknown field", ENTRY.replace("summary:", "colour: red\nsummary:"), 3),
    ("a wrong type in a list", ENTRY.replace("  - hard-power", "  - [a]"), 5),
    ("a title that is no text", ENTRY.replace("title: Soft power", "title: [a]"), 2),
]


@pytest.mark.parametrize("text, line", [c[1:] for c in ENTRY_CASES], ids=[c[0] for c in ENTRY_CASES])
def test_a_problem_with_a_glossary_entry_is_on_the_line_at_fault(tmp_path: Path, text: str, line: int) -> None:
    write(tmp_path, "docs/glossary/soft-power.md", text)
    _, problems = load_terms(tmp_path / "docs", tmp_path)
    assert [p.line for p in problems] == [line], [str(p) for p in problems]


def test_a_problem_without_a_line_is_about_the_whole_file(tmp_path: Path) -> None:
    write(tmp_path, "docs/commentary/e/n.md", "x" * (200 * 1024))
    _, problems = load_comments(tmp_path / "docs", tmp_path)
    assert [p.line for p in problems] == [None]


PLAIN = ENTRY.replace("see_also:\n  - hard-power\n", "")  # an entry the linter finds nothing in
LINT_CASES = [
    # (case, entry, line of the linter's problem)
    ("see_also names no entry: the see_also line", ENTRY, 4),
    ("a summary too long: its line", PLAIN.replace("One sentence.", "x" * 201), 3),
    ("no summary: the opening line", PLAIN.replace("summary: One sentence.\n", ""), 1),
    ("a stub: the status line", PLAIN.replace("---\n\n", "status: stub\n---\n\n"), 4),
    ("a common word as an alias: the aliases line", PLAIN.replace("---\n\n", "aliases: [Power]\n---\n\n"), 4),
]  # fmt: skip


@pytest.mark.parametrize("text, line", [c[1:] for c in LINT_CASES], ids=[c[0] for c in LINT_CASES])
def test_a_glossary_linter_problem_is_on_the_fields_line(tmp_path: Path, text: str, line: int) -> None:
    write(tmp_path, "docs/glossary/soft-power.md", text)
    terms, problems = load_terms(tmp_path / "docs", tmp_path)
    assert problems == []
    found = lint(terms, [], [], "docs")
    assert [p.line for p in found] == [line], [str(p) for p in found]
