"""Essays the importer accepts, imported beside the real essay into a fixture site, build strictly.

Each planted source in ``tests/fixtures/sources/`` is a shape that once
imported with exit 0 and then broke the site; the build must pass with no
warning, and the pages must hold what the source says.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from import_site import fill_stubs, site_with_real_essay
from test_commentary_fixture import run_build, warnings

from edition.importer.run import import_essay
from support import FIXTURE_SOURCES


def imported(tmp_path: Path, *names: str) -> Path:
    """The fixture site with each planted source imported (from outside the project, as received)."""
    project = site_with_real_essay(tmp_path)
    for name in names:
        received = tmp_path / "incoming" / name
        received.parent.mkdir(exist_ok=True)
        shutil.copy(FIXTURE_SOURCES / name, received)
        import_essay(received, project)
    fill_stubs(project)
    return project


def test_an_essay_without_headings_builds(tmp_path):
    """Only an opening: every build of the site crashed in the whole-essay page (KeyError)."""
    result, site = run_build(imported(tmp_path, "no-headings.txt"))
    assert result.returncode == 0 and warnings(result) == [], result.stderr
    whole = (site / "essays/no-headings/print/index.html").read_text(encoding="utf-8")
    assert 'id="opening-1"' not in whole and 'id="no-headings-opening-1"' in whole
