"""The maintainer's walk through the revisions fixture: import each version, build, follow the advice printed.

``tests/fixtures/revisions/versions/1.txt`` is imported as a new essay, then
versions 2 to 5 are written to its source in ``sources/`` and imported again
with ``--message``, as a maintainer would: 2 fixes a word in a paragraph
that has a correction note, 3 inserts a paragraph, 4 removes a paragraph
that has a note, 5 splits a paragraph in two. The site is built strictly
after each import. Then the commands the output proposed are run
(``reanchor.py --write`` for the moved quote, ``--resolve`` for the
correction) and the site is built once more. Every output is kept, with the
pages each version published, for the tests to read; the fixture test and
the browser test share one walk.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from edition.content.essay_pages import load
from support import ROOT
from test_commentary_fixture import copy, run_build

SLUG = "river-notebook"
VERSIONS = 5
DAY = "1 December 2025"  # the day of every revision after the first: SOURCE_DATE_EPOCH below
# The scripts import this checkout's package, whatever the venv's editable install points at.
PYTHONPATH = os.pathsep.join([str(ROOT / "hooks"), str(ROOT), os.environ.get("PYTHONPATH", "")])
ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1764547200", "PYTHONPATH": PYTHONPATH}
NOTES = f"docs/commentary/{SLUG}"


@dataclass
class Walk:
    """What each step printed, and the addresses each version published."""

    project: Path
    site: Path
    imports: dict[int, str] = field(default_factory=dict)  # version -> the import's standard output
    builds: dict[int, subprocess.CompletedProcess] = field(default_factory=dict)  # version -> its strict build
    pages: dict[int, dict[str, str]] = field(default_factory=dict)  # version -> built page (site path) -> HTML
    published: dict[int, list[tuple[str, str, str]]] = field(default_factory=dict)  # version -> (page, id, text)
    reanchor: list[subprocess.CompletedProcess] = field(default_factory=list)
    final: subprocess.CompletedProcess | None = None


def script(name: str, *args: str | Path) -> subprocess.CompletedProcess:
    command = [sys.executable, str(ROOT / "scripts" / name), *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, env=ENV)


def published(project: Path) -> list[tuple[str, str, str]]:
    """Every paragraph the essay's pages hold now: (its page's slug, its id, its Markdown)."""
    essay = load(project / "docs" / "essays" / SLUG, project / "docs")
    return [(Path(p.page).stem, p.id, p.text) for p in essay.paragraphs()]


KEPT_PAGES = ("essays/river-notebook/upstream/index.html", "commentary/river-notebook/slipery-misprint/index.html")


def walk(tmp_path: Path, themed: bool = False) -> Walk:
    """The whole walk in a copy of the fixture under ``tmp_path``; ``themed``: with the real site's look.

    The browser tests need the real site's stylesheet, scripts and theme
    overrides (axe judges what readers get); the fixture tests read the HTML
    the hooks write, which they do not change.
    """
    project = copy("revisions", tmp_path)
    if themed:
        theme(project)
    (project / "sources").mkdir()
    incoming = tmp_path / "incoming" / f"{SLUG}.txt"
    incoming.parent.mkdir()
    shutil.copy(project / "versions" / "1.txt", incoming)
    done = Walk(project, project.parent / "site")
    for version in range(1, VERSIONS + 1):
        if version == 1:
            result = script("import_essay.py", incoming, "--root", project)
        else:
            shutil.copy(project / "versions" / f"{version}.txt", project / "sources" / f"{SLUG}.txt")
            source = project / "sources" / f"{SLUG}.txt"
            result = script("import_essay.py", source, "--root", project, "--message", MESSAGES[version])
        assert result.returncode == 0, result.stderr
        done.imports[version] = result.stdout
        done.published[version] = published(project)
        done.builds[version], _ = run_build(project)
        done.pages[version] = {page: (done.site / page).read_text(encoding="utf-8") for page in KEPT_PAGES}
    done.reanchor.append(script("reanchor.py", "--root", project, "--write"))
    done.reanchor.append(script("reanchor.py", "--root", project, "--resolve", f"{NOTES}/slipery-misprint.md"))
    done.final, _ = run_build(project)
    return done


def theme(project: Path) -> None:
    """Give ``project`` the real site's stylesheet, scripts, theme overrides and footer."""
    shutil.copytree(ROOT / "overrides", project / "overrides")
    shutil.copytree(ROOT / "docs" / "assets", project / "docs" / "assets")
    real = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config = project / "mkdocs.yml"
    material = "  name: material\n"
    text = config.read_text(encoding="utf-8").replace(material, material + "  custom_dir: overrides\n", 1)
    looks = {key: real[key] for key in ("copyright", "extra_css", "extra_javascript", "exclude_docs")}
    config.write_text(text + yaml.safe_dump(looks), encoding="utf-8")


MESSAGES = {
    2: "Correct the misprint 'slipery'",
    3: "Add the fisherman's hut",
    4: "Cut the paragraph on the miller's ledgers",
    5: "Split the paragraph on the drained marsh",
}
