"""The three scripts that read front matter exit 2 with one line naming the file on front matter YAML cannot read.

PyYAML raises ValueError, AttributeError and others (not only YAMLError)
for values it parses but cannot construct; each script used to end in a
traceback naming no file.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import ROOT, SEED

FIXTURE = ROOT / "tests" / "fixtures" / "commentary-bad"
IMPOSSIBLE = (
    "front matter is not valid YAML (line {}): '2023-02-30' cannot be read as a date: day is out of range for month"
)
GOOD_NOTE = (
    "---\ntitle: T\nauthor: A\ndate: {date}\nkind: context\ntarget:\n  paragraph: opening-1\n  quote: the\n---\n\n"
    "Body.\n"
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    target = tmp_path / "project"
    shutil.copytree(FIXTURE / "docs", target / "docs")
    return target


def run(script: Path, *args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(script), *map(str, args)], capture_output=True, text=True)


def one_line(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    return lines[0]


def test_reanchor_names_a_note_yaml_cannot_read_and_reports_the_others(project):
    (project / "docs/commentary/e/bad-kind.md").unlink()  # the fixture's other unreadable note
    (project / "docs/commentary/e/bad-date.md").write_text(GOOD_NOTE.format(date="2023-02-30"))
    result = run(ROOT / "scripts" / "reanchor.py", "--root", project)
    expected = f"reanchor: docs/commentary/e/bad-date.md: {IMPOSSIBLE.format(4)}. "
    assert one_line(result) == expected + "Fix the lines between the two '---'; see CONTRIBUTING.md for an example."
    assert "anchored  docs/commentary/e/good.md -> opening-1" in result.stdout.splitlines()


@pytest.mark.parametrize("value", ["2023-02-30", "!!timestamp 'soon'", "!!int 'abc'"])
def test_new_commentary_is_not_stopped_by_another_note_yaml_cannot_read(project, value):
    (project / "docs/commentary/e/other.md").write_text(GOOD_NOTE.format(date=value))
    result = run(
        ROOT / "scripts" / "new_commentary.py",
        "--paragraph",
        "opening-2",
        "--quote",
        "change of tack",
        "--author",
        "Ann",
        "--root",
        project,
    )
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr


def test_new_commentary_names_the_essay_page_yaml_cannot_read(project):
    page = project / "docs/essays/e/index.md"
    page.write_text(page.read_text().replace("date: '2024-01-01'", "date: 2023-02-30"))
    result = run(
        ROOT / "scripts" / "new_commentary.py",
        "--paragraph",
        "opening-2",
        "--quote",
        "change of tack",
        "--author",
        "Ann",
        "--root",
        project,
    )
    assert one_line(result) == (
        "new_commentary: paragraph 'opening-2' was not found, and docs/essays/e: cannot be read as an essay: "
        f"index.md: {IMPOSSIBLE.format(5)}. Re-import it with scripts/import_essay.py."
    )


def test_import_essay_names_the_glossary_entry_yaml_cannot_read(tmp_path):
    """The importer reads every entry's names to link the essay's terms."""
    (tmp_path / "sources").mkdir()
    glossary = tmp_path / "docs" / "glossary"
    glossary.mkdir(parents=True)
    (glossary / "bad.md").write_text("---\ntitle: Bad\nsummary: S.\nzh: 2023-02-30\n---\n\nBody.\n")
    result = run(ROOT / "scripts" / "import_essay.py", SEED, "--slug", "e", "--dry-run", "--root", tmp_path)
    expected = f"import_essay: docs/glossary/bad.md: {IMPOSSIBLE.format(4)}. Fix the lines between the two '---'."
    assert one_line(result) == expected
