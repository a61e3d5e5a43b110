"""GitHub Actions output: workflow commands escaped as GitHub documents them, and the job summary's Markdown."""

from __future__ import annotations

from pathlib import Path

import pytest

from edition.content.problems import Problem
from edition.mkdocs_adapter.github import (
    GitHubActions,
    NoteRow,
    annotation,
    escape_data,
    escape_property,
    md_text,
    summary,
    workflow_command,
)

ESCAPES = [
    # (case, text, as a message, as a property value)
    ("plain", "docs/a.md", "docs/a.md", "docs/a.md"),
    ("percent first, so escapes are not escaped again", "95%", "95%25", "95%25"),
    ("an escape written out", "%0A", "%250A", "%250A"),
    ("carriage return", "a\rb", "a%0Db", "a%0Db"),
    ("line feed: no second command", "a\n::error::x", "a%0A::error::x", "a%0A%3A%3Aerror%3A%3Ax"),
    ("colon ends a property", "Note: x", "Note: x", "Note%3A x"),
    ("comma separates properties", "a,line=1", "a,line=1", "a%2Cline=1"),
    ("all together", "%\r\n:,", "%25%0D%0A:,", "%25%0D%0A%3A%2C"),
]  # fmt: skip


@pytest.mark.parametrize("text, data, prop", [c[1:] for c in ESCAPES], ids=[c[0] for c in ESCAPES])
def test_escaping_as_github_documents_it(text: str, data: str, prop: str) -> None:
    assert (escape_data(text), escape_property(text)) == (data, prop)


COMMANDS = [
    # (case, problem, logger, the line printed)
    (
        "a field's line",
        Problem("docs/commentary/e/n.md", "'kind' is 'gossip'; allowed: context.", "", 5),
        "edition",
        "::error file=docs/commentary/e/n.md,line=5,title=Edition::'kind' is 'gossip'; allowed: context.",
    ),
    (
        "with a hint",
        Problem("docs/commentary/e/n.md", "target quote 'x' occurs 2 times.", "Quote more words.", 8),
        "commentary",
        "::error file=docs/commentary/e/n.md,line=8,title=Commentary::target quote 'x' occurs 2 times. "
        "Quote more words.",
    ),
    (
        "no line: the whole file",
        Problem("docs/commentary/nope/n.md", "is in a folder with no essay.", "Move it."),
        "commentary",
        "::error file=docs/commentary/nope/n.md,title=Commentary::is in a folder with no essay. Move it.",
    ),
    (
        "a file name with a comma and a colon, a message with a line break and a percent",
        Problem("docs/a,b:c.md", "link 'x%y' is\nbroken.", "", 3),
        "linkcheck",
        "::error file=docs/a%2Cb%3Ac.md,line=3,title=Link check::link 'x%25y' is%0Abroken.",
    ),
]


@pytest.mark.parametrize("problem, logger, line", [c[1:] for c in COMMANDS], ids=[c[0] for c in COMMANDS])
def test_each_problem_is_one_error_command(problem: Problem, logger: str, line: str) -> None:
    assert annotation(problem, logger) == line


def test_a_command_without_properties() -> None:
    assert workflow_command("warning", "a\nb", {"file": None}) == "::warning::a%0Ab"


MARKDOWN = [
    ("plain", "docs/commentary/e/n.md", "docs/commentary/e/n.md"),
    ("a table cell's bar", "a | b", "a \\| b"),
    ("emphasis and code", "*a* _b_ `c`", "\\*a\\* \\_b\\_ \\`c\\`"),
    ("a link", "[x](javascript:y)", "\\[x\\](javascript:y)"),
    ("HTML", "<script>x</script> & y", "&lt;script&gt;x&lt;/script&gt; &amp; y"),
    ("lines joined", "a\n\n## b", "a ## b"),
]


@pytest.mark.parametrize("text, written", [c[1:] for c in MARKDOWN], ids=[c[0] for c in MARKDOWN])
def test_summary_text_is_literal(text: str, written: str) -> None:
    assert md_text(text) == written


def test_summary_lists_the_notes_and_every_problem() -> None:
    rows = [
        NoteRow("docs/commentary/e/a.md", "anchored", "opening-1", "https://example.org/essays/e/#opening-1"),
        NoteRow("docs/commentary/e/b.md", "not read: see the problems below"),
    ]
    problems = [Problem("docs/commentary/e/b.md", "'kind' is '<b>x</b>'.", "Fix it.", 5), Problem("x.md", "gone.")]
    assert summary(rows, problems, changed_known=True) == (
        "## Notes in this pull request\n\n"
        "| Note | State | Paragraph | Where it will appear |\n"
        "|---|---|---|---|\n"
        "| docs/commentary/e/a.md | anchored | opening-1 | https://example.org/essays/e/#opening-1 |\n"
        "| docs/commentary/e/b.md | not read: see the problems below |  |  |\n\n"
        "## 2 problems fail the strict build\n\n"
        "- docs/commentary/e/b.md:5: 'kind' is '&lt;b&gt;x&lt;/b&gt;'. Fix it.\n"
        "- x.md: gone.\n"
    )


@pytest.mark.parametrize(
    ("count", "said"),
    [(10, False), (11, True)],
)
def test_summary_says_when_github_leaves_problems_off_the_lines(count: int, said: bool) -> None:
    text = summary([], [Problem(f"docs/n{i}.md", "bad.") for i in range(count)], changed_known=True)
    note = "GitHub shows the first 10 on their lines in the pull request; here is every one."
    assert (note in text) is said
    assert text.count("- docs/n") == count


def test_summary_without_the_pull_requests_files() -> None:
    assert summary([], [], changed_known=False) == (
        "## Notes that are not anchored\n\nEvery note is anchored.\n\n## The strict build found no problem\n"
    )


def test_outside_github_actions_nothing_is_printed_or_written(tmp_path: Path, capsys) -> None:
    github = GitHubActions.from_env({"GITHUB_STEP_SUMMARY": str(tmp_path / "s.md")})
    github.annotate("edition", Problem("a.md", "x"))
    github.write_summary([])
    assert capsys.readouterr().out == "" and not (tmp_path / "s.md").exists()


def test_in_github_actions_the_changed_files_come_from_the_workflows_list(tmp_path: Path, capsys) -> None:
    (tmp_path / "changed.txt").write_text("docs/commentary/e/a.md\n\nREADME.md\n")
    env = {
        "GITHUB_ACTIONS": "true",
        "GITHUB_STEP_SUMMARY": str(tmp_path / "s.md"),
        "EDITION_CHANGED_FILES": str(tmp_path / "changed.txt"),
    }
    github = GitHubActions.from_env(env)
    assert github.changed == {"docs/commentary/e/a.md", "README.md"}
    assert github.wants("docs/commentary/e/a.md") and not github.wants("docs/commentary/e/b.md")
    github.annotate("edition", Problem("a.md", "x", "", 2))
    assert capsys.readouterr().out == "::error file=a.md,line=2,title=Edition::x\n"
    missing = GitHubActions.from_env({**env, "EDITION_CHANGED_FILES": str(tmp_path / "missing.txt")})
    assert missing.changed is None
