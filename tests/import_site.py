"""A fixture site holding the real essay, into which tests import other essays and build strictly.

Any essay the importer accepts must build: these helpers are the whole
journey a maintainer takes (import beside the existing essay, write the
stub glossary entries, ``mkdocs build --strict`` with the real hooks), used
by the planted essays of ``test_import_fixture`` and by the property test.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from edition.content import frontmatter
from support import ROOT
from test_commentary_fixture import copy

REAL_ESSAY = "wandering-earth-ii"
SITE = "import-site"


def site_with_real_essay(tmp_path: Path) -> Path:
    """A copy of the ``import-site`` fixture with the real essay, its glossary, notes and source in it."""
    project = copy(SITE, tmp_path)
    for folder in (f"docs/essays/{REAL_ESSAY}", "docs/glossary", f"docs/commentary/{REAL_ESSAY}"):
        shutil.copytree(ROOT / folder, project / folder)
    (project / "sources").mkdir()
    shutil.copy(ROOT / "sources" / f"{REAL_ESSAY}.txt", project / "sources")
    return project


def fill_stubs(project: Path) -> list[str]:
    """Write every stub glossary entry as a maintainer would (a summary, no stub status); return their names."""
    filled = []
    for path in sorted((project / "docs" / "glossary").glob("*.md")):
        meta, _ = frontmatter.split(path.read_text(encoding="utf-8"))
        if meta.get("status") == "stub":
            entry = {"title": meta["title"], "summary": "A name or idea the essay explains."}
            path.write_text(frontmatter.dump(entry, "Written by the test.\n"), encoding="utf-8")
            filled.append(path.stem)
    return filled
