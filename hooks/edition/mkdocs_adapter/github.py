"""The build's verdict where a pull request's author looks: GitHub Actions annotations and the job summary.

When the build runs in GitHub Actions (``GITHUB_ACTIONS=true``), every
problem the build reports is also printed as a workflow command,
``::error file=docs/x.md,line=7,title=Commentary::message``, which GitHub
shows on that line of the pull request's changed files. Every problem the
build reports fails ``mkdocs build --strict``, so each is an ``error``; the
build's info lines are not repeated. Values are escaped as GitHub's own
toolkit does (``@actions/core``, ``command.ts``, as the documentation of
workflow commands asks): ``%``, carriage return and line feed in the
message, and ``:`` and ``,`` too in a property, which they would otherwise
end. GitHub places at most 10 error annotations of a step on their lines
(the limits listed in ``@actions/toolkit``'s ``docs/problem-matchers.md``),
in the order printed; the summary lists every problem and says so when
there are more.

The job summary (the Markdown file ``$GITHUB_STEP_SUMMARY`` names) lists
each note the pull request adds or changes: whether it is anchored, its
paragraph and the address where it will appear. Which files the pull
request changes is the workflow's knowledge, handed over as a file of
repository-relative paths, one a line, named by ``EDITION_CHANGED_FILES``
(``git diff --name-only`` writes one); without it the summary lists the notes
that are not anchored. Every value written there is escaped: a note's
quote, in a message, is a stranger's text.
"""

from __future__ import annotations

import html
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from edition.content.problems import Problem

TITLES = {"edition": "Edition", "commentary": "Commentary", "glossary": "Glossary", "linkcheck": "Link check"}
ON_LINES = 10  # error annotations GitHub shows per step; the rest are in the log and the summary only
MAX_LISTED = 200  # problems listed in the summary one by one (GitHub keeps at most 1 MiB of a step's summary)
_MARKDOWN = re.compile(r"([\\`*_\[\]|~])")  # what starts or ends emphasis, code, a link or a table cell


def escape_data(text: str) -> str:
    """A workflow command's message: ``%``, CR and LF percent-encoded, so that it stays one line."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value: as :func:`escape_data`, and ``:`` and ``,``, which end a value."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def workflow_command(command: str, message: str, properties: Mapping[str, object]) -> str:
    """``::command key=value,key=value::message``, every part escaped; properties that are None are left out."""
    given = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items() if value is not None)
    return f"::{command}{' ' + given if given else ''}::{escape_data(message)}"


def annotation(problem: Problem, logger: str) -> str:
    """The ``::error`` line of one problem: its file, its line when known, and what is wrong and what to do."""
    text = f"{problem.message} {problem.hint}".strip()
    where = {"file": problem.path, "line": problem.line, "title": TITLES.get(logger, logger)}
    return workflow_command("error", text, where)


def md_text(text: str) -> str:
    """``text`` as literal Markdown text on one line: HTML and Markdown's punctuation escaped."""
    return _MARKDOWN.sub(r"\\\1", html.escape(" ".join(text.split()), quote=False))


@dataclass(frozen=True)
class NoteRow:
    """One note in the summary: its file, its anchoring state, its paragraph and where readers will find it."""

    path: str
    state: str
    paragraph: str = ""
    address: str = ""


def summary(rows: Iterable[NoteRow], problems: list[Problem], changed_known: bool) -> str:
    """The job summary: the notes (those the pull request changes, or those not anchored) and every problem."""
    rows = list(rows)
    out = ["## Notes in this pull request" if changed_known else "## Notes that are not anchored", ""]
    if rows:
        out += ["| Note | State | Paragraph | Where it will appear |", "|---|---|---|---|"]
        out += [
            f"| {md_text(r.path)} | {md_text(r.state)} | {md_text(r.paragraph)} | {md_text(r.address)} |" for r in rows
        ]
    else:
        out.append("None." if changed_known else "Every note is anchored.")
    out += ["", _problems_heading(len(problems)), ""]
    if len(problems) > ON_LINES:
        out += [f"GitHub shows the first {ON_LINES} on their lines in the pull request; here is every one.", ""]
    for problem in problems[:MAX_LISTED]:
        line = f":{problem.line}" if problem.line else ""
        out.append(f"- {md_text(problem.path)}{line}: {md_text(f'{problem.message} {problem.hint}'.strip())}")
    if len(problems) > MAX_LISTED:
        out.append(f"- and {len(problems) - MAX_LISTED} more (see the build's log)")
    return "\n".join(out).rstrip("\n") + "\n"


def _problems_heading(count: int) -> str:
    if not count:
        return "## The strict build found no problem"
    return f"## {count} problem{'s' if count != 1 else ''} fail the strict build"


@dataclass
class GitHubActions:
    """What one build writes for GitHub Actions; nothing at all when it does not run there.

    ``changed`` holds the repository-relative paths the pull request
    changes, or None when the workflow does not say.
    """

    enabled: bool = False
    summary_path: str = ""
    changed: frozenset[str] | None = None
    problems: list[Problem] = field(default_factory=list)

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> GitHubActions:
        """Read ``GITHUB_ACTIONS``, ``GITHUB_STEP_SUMMARY`` and ``EDITION_CHANGED_FILES``."""
        if env.get("GITHUB_ACTIONS") != "true":
            return cls()
        listed = env.get("EDITION_CHANGED_FILES", "")
        try:
            text = Path(listed).read_text(encoding="utf-8", errors="replace") if listed else None
        except OSError:  # the workflow's list is missing: the summary says it does not know
            text = None
        changed = None if text is None else frozenset(line.strip() for line in text.splitlines() if line.strip())
        return cls(True, env.get("GITHUB_STEP_SUMMARY", ""), changed)

    def annotate(self, logger: str, problem: Problem) -> None:
        """Print the problem's ``::error`` line (GitHub reads the step's output) and keep it for the summary."""
        if self.enabled:
            self.problems.append(problem)
            print(annotation(problem, logger), file=sys.stdout, flush=True)

    def wants(self, path: str) -> bool:
        """Whether the note at ``path`` belongs in the summary whatever its state: the pull request changes it."""
        return self.changed is not None and path in self.changed

    def write_summary(self, rows: Iterable[NoteRow]) -> None:
        """Append the summary to ``$GITHUB_STEP_SUMMARY`` (each step of a job adds its own)."""
        if self.enabled and self.summary_path:
            with open(self.summary_path, "a", encoding="utf-8") as handle:
                handle.write(summary(rows, self.problems, self.changed is not None))
