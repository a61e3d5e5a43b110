"""A pull request's notes built as GitHub Actions builds them: ::error lines on the lines at fault, and the summary.

The fixture plants one problem of each kind a contributor meets (a field
of the front matter, a quote that occurs three times, a quote that moved,
raw HTML and a broken link in a note's body, a broken link in an essay)
and a note whose prefix and suffix choose the second of three occurrences.
The workflow's list of changed files names all but one note.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from test_commentary_fixture import copy

NOTES = "docs/commentary/e"
ERRORS = [
    f"::error file={NOTES}/wrong-kind.md,line=5,title=Edition::'kind' is 'gossip'; allowed: context, critique, "
    "correction, question, translation.",
    f"::error file={NOTES}/moved.md,line=8,title=Commentary::target quote 'they say' is not in paragraph 'opening-2'; "
    "it appears in 'opening-1'. Run: python scripts/reanchor.py --write",
    f"::error file={NOTES}/untouched.md,line=8,title=Commentary::target quote 'not in the essay at all' is not in "
    "paragraph 'opening-2' nor anywhere else in essay 'e'. No similar passage was found: copy the words exactly from "
    "the page into target.quote.",
    f"::error file={NOTES}/which-earth.md,line=8,title=Commentary::target quote 'the Earth' occurs 3 times in "
    "paragraph 'opening-1'. Quote more words (target.quote) so that it occurs only once.",
    f"::error file={NOTES}/broken-link.md,line=13,title=Commentary::line 13: raw HTML '<b>' is shown as text. Write "
    "Markdown instead, or put the HTML between backticks to show it as code.",
    f"::error file={NOTES}/broken-link.md,line=13,title=Link check::link '../../commentary/e/nowhere.md' points to a "
    "page that does not exist (commentary/e/nowhere/).",
    "::error file=docs/essays/e/index.md,line=14,title=Link check::link 'missing.md' points to a page that does not "
    "exist (essays/e/missing/).",
]
ESSAY = "https://example.org/edition/essays/e/"
SUMMARY = (
    f"""## Notes in this pull request

| Note | State | Paragraph | Where it will appear |
|---|---|---|---|
| {NOTES}/broken-link.md | anchored | opening-2 | {ESSAY}#opening-2 |
| {NOTES}/moved.md | moved here from 'opening-2' | opening-1 | {ESSAY}#opening-1 |
| {NOTES}/second-earth.md | anchored | opening-1 | {ESSAY}#opening-1 |
| {NOTES}/which-earth.md | orphaned: listed on the commentary pages only | opening-1 | \
https://example.org/edition/commentary/e/which-earth/ |
| {NOTES}/wrong-kind.md | not read: see the problems below |  |  |

## 7 problems fail the strict build

"""
    + "\n".join(
        f"- {path}:{line}: {text}"
        for path, line, text in [
            (f"{NOTES}/wrong-kind.md", 5, ERRORS[0].split("::")[2]),
            (f"{NOTES}/moved.md", 8, ERRORS[1].split("::")[2]),
            (f"{NOTES}/untouched.md", 8, ERRORS[2].split("::")[2]),
            (f"{NOTES}/which-earth.md", 8, ERRORS[3].split("::")[2]),
            (f"{NOTES}/broken-link.md", 13, ERRORS[4].split("::")[2].replace("'<b>'", "'&lt;b&gt;'")),
            (f"{NOTES}/broken-link.md", 13, ERRORS[5].split("::")[2]),
            ("docs/essays/e/index.md", 14, ERRORS[6].split("::")[2]),
        ]
    )
    + "\n"
)
CHANGED = ["second-earth", "which-earth", "wrong-kind", "moved", "broken-link", "gone"]


def build(tmp_path: Path, **env: str) -> tuple[subprocess.CompletedProcess[str], Path]:
    project = copy("github-actions", tmp_path)
    site = tmp_path / "site"
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "EDITION_"))}
    result = subprocess.run(
        command, capture_output=True, text=True, cwd=project, env={**clean, "NO_MKDOCS_2_WARNING": "1", **env}
    )
    return result, site


def test_each_problem_is_an_error_on_its_line_and_the_summary_lists_the_pull_requests_notes(tmp_path: Path) -> None:
    changed = tmp_path / "changed.txt"
    changed.write_text("".join(f"{NOTES}/{name}.md\n" for name in CHANGED) + "docs/essays/e/index.md\n")
    summary = tmp_path / "summary.md"
    summary.write_text("Earlier steps' summary.\n")
    env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary), "EDITION_CHANGED_FILES": str(changed)}
    result, site = build(tmp_path, **env)
    assert result.returncode == 1
    assert [line for line in result.stdout.splitlines() if line.startswith("::")] == ERRORS
    assert "::" not in result.stderr  # the log keeps its own lines; info lines never become commands
    assert summary.read_text() == "Earlier steps' summary.\n" + SUMMARY
    page = (site / "essays" / "e" / "index.html").read_text(encoding="utf-8")
    assert 'the Earth stops, <mark class="note-quote" id="quote--second-earth"' in page  # the second occurrence


def test_outside_github_actions_the_build_prints_no_command(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    result, _ = build(tmp_path, GITHUB_STEP_SUMMARY=str(summary))
    assert result.returncode == 1
    assert "::error" not in result.stdout + result.stderr
    assert not summary.exists()


REFLECTION = "docs/essays/wandering-earth-ii/reflection.md"
LINK_LINES = [
    # (file, line or None, the start of the message): the link check's planted breaks, each on its line
    ("docs/commentary/wandering-earth-ii/note.md", None, "link '../missing/'"),  # the file is not in the fixture
    ("docs/essays/wandering-earth-ii/index.md", 9, "link 'reflection/#nowhere-at-all'"),
    (REFLECTION, 71, "id 'reflection-15' is given to more than one element"),  # the second: the one to change
    (REFLECTION, 15, "link '#conclusoin'"),
    (REFLECTION, 48, "link '../#the-opening-7:~:text=x'"),
    (REFLECTION, 12, "link '../#the-opening-9'"),
    (REFLECTION, 57, "link '../../../files/gone.js'"),
    (REFLECTION, 57, "link '../../../files/gone.pdf'"),
    (REFLECTION, 9, "link '../../../glossary/soft-power/#histroy'"),
    (REFLECTION, 56, "link '../../../images/poster.png'"),
    (REFLECTION, 6, "link '../../glossary/soft-powr.md'"),
    (REFLECTION, 75, "link '../../glossary/soft.md'"),
    (REFLECTION, 43, "link '../../images/map.png'"),  # the raw HTML, not the Markdown link MkDocs rewrote
    (REFLECTION, 21, "link '../../images/mapp.png'"),
    (REFLECTION, 18, "link '../missing-section/'"),
    (REFLECTION, 59, "link '//127.0.0.1:8080/admin'"),
    (REFLECTION, 58, "link '\\\\example.org\\x'"),
    (REFLECTION, 31, "link 'http//example.org'"),
    (REFLECTION, 31, "link 'https:example.org'"),
    (REFLECTION, 19, "link 'index.md'"),
    (REFLECTION, 34, "link 'javascript:alert(1)'"),
    (REFLECTION, 58, "link 'tel:'"),
    (REFLECTION, None, "link with no address: [nothing]()"),  # href="": nothing to look for
    (REFLECTION, 28, "link with no address: [wolf warriors](#)"),
    ("docs/glossary/term.md", 3, "link '../essays/nowhere.md'"),
]


def test_every_broken_link_is_on_its_line(tmp_path: Path) -> None:
    fixture = Path(__file__).parent / "fixtures" / "linkcheck-site"
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")]
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "EDITION_", "LINKCHECK_"))}
    env = {**clean, "NO_MKDOCS_2_WARNING": "1", "GITHUB_ACTIONS": "true"}
    result = subprocess.run(command, capture_output=True, text=True, cwd=fixture, env=env)
    found = []
    for line in (line for line in result.stdout.splitlines() if line.startswith("::error ")):
        properties, message = line.removeprefix("::error ").split("::", 1)
        where = dict(item.split("=", 1) for item in properties.split(","))
        found.append((where["file"], int(where["line"]) if "line" in where else None, message))
    assert [(file, line) for file, line, _ in found] == [(file, line) for file, line, _ in LINK_LINES]
    assert all(message.startswith(start) for (*_, message), (*_, start) in zip(found, LINK_LINES, strict=True))
