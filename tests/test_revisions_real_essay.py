"""The maintainer's "done means" walk on a copy of the real essay: a correction applied and a noted paragraph cut.

In a copy of the site holding the seed essay, its source gets the correction
its note asks for ("despidal" becomes "disdain") and loses the paragraph
that the note ``how-far-did-it-travel`` discusses; it is re-imported with
``--message``, built strictly, the command the import proposed is run, and
it is built again. Then every address revision 1 published still lands,
the correction shows as applied with the original wording, the note on the
cut paragraph is still on the site with its passage, and the revisions page
shows both changes. The real essay itself stays at revision 1 (test_real_site).
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from html import escape
from pathlib import Path

import pytest

from import_site import REAL_ESSAY, site_with_real_essay
from revisions_walk import script
from test_commentary_fixture import run_build, warnings
from test_revisions_fixture import callout, ids_of

NOTES = f"docs/commentary/{REAL_ESSAY}"
CUT = "Liu's narratives might be perceived as tools by which to export Chinese global strategy."
MESSAGE = "Correct 'despidal'; cut the paragraph on divided reviews"


@dataclass
class Done:
    site: Path
    before: dict[str, list[str]]  # page (site path) -> the paragraph ids revision 1 published there
    imported: subprocess.CompletedProcess
    first: subprocess.CompletedProcess
    resolve: subprocess.CompletedProcess
    last: subprocess.CompletedProcess

    def page(self, path: str) -> str:
        return (self.site / path).read_text(encoding="utf-8")


def paragraph_ids(site: Path) -> dict[str, list[str]]:
    """Every essay page of the built site with its paragraph ids (``<p id="...">``)."""
    return {
        str(path.relative_to(site)): re.findall(r'<p id="([\w-]+)"', path.read_text(encoding="utf-8"))
        for path in (site / "essays" / REAL_ESSAY).rglob("index.html")
        if "print" not in path.parts and "revisions" not in path.parts
    }


@pytest.fixture(scope="module")
def done(tmp_path_factory) -> Done:
    project = site_with_real_essay(tmp_path_factory.mktemp("done"))
    before, site = run_build(project)
    assert before.returncode == 0, before.stderr
    published = paragraph_ids(site)
    source = project / "sources" / f"{REAL_ESSAY}.txt"
    blocks = source.read_text(encoding="utf-8").split("\n\n")
    cut = [b for b in blocks if b.startswith(CUT)]
    assert len(cut) == 1
    blocks.remove(cut[0])
    source.write_text("\n\n".join(blocks).replace("despidal", "disdain"), encoding="utf-8")
    imported = script("import_essay.py", source, "--root", project, "--message", MESSAGE)
    assert imported.returncode == 0, imported.stderr
    first, _ = run_build(project)
    resolve = script("reanchor.py", "--root", project, "--resolve", f"{NOTES}/despidal-as-published.md")
    last, _ = run_build(project)
    return Done(site, published, imported, first, resolve, last)


def test_the_import_records_the_revision_and_names_the_notes_and_commands(done):
    lines = done.imported.stdout.splitlines()
    revision = lines.index(f"  revision 2 recorded in docs/essays/{REAL_ESSAY}/revisions.yml: 2 changes")
    assert lines[revision + 1 : revision + 3] == ["    edited: people-and-culture-3", "    removed: reflection-2"]
    assert lines[lines.index("  notes affected: 2") :] == [
        "  notes affected: 2",
        "    correction applied (if the revision applied it, run: python scripts/reanchor.py --resolve NOTE):",
        f"      {NOTES}/despidal-as-published.md: 'Liu's despidal of authoritarianism and positive regard for "
        "individual freedom…' in 'people-and-culture-3'; the new words: 'Liu's disdain of authoritarianism'",
        '    paragraph removed (nothing to run: the note keeps its page and is listed under "Earlier text"):',
        f"      {NOTES}/how-far-did-it-travel.md: on 'reflection-2'",
    ]


def test_the_strict_build_passes_after_the_import_and_after_the_proposed_command(done):
    for result in (done.first, done.last):
        assert result.returncode == 0 and warnings(result) == [], result.stderr
    assert (done.resolve.returncode, done.resolve.stdout) == (
        0,
        f"resolved  {NOTES}/despidal-as-published.md: applied in revision 2\n",
    )


def test_every_old_address_lands_on_its_page(done):
    for page, pids in done.before.items():
        found = ids_of(done.page(page))
        for pid in pids:
            assert found.count(pid) == 1, (page, pid)
    reflection = done.page(f"essays/{REAL_ESSAY}/reflection/index.html")
    notice = re.search(r'<details class="revision-notice" id="reflection-2">.*?</details>', reflection, re.S)
    assert notice and "This paragraph was removed in revision 2, on 1 December 2025" in notice.group()
    assert escape(CUT) in notice.group()


def test_the_correction_shows_as_applied_with_the_original_wording(done):
    html = callout(done.page(f"essays/{REAL_ESSAY}/people-and-culture/index.html"), "despidal-as-published")
    assert 'data-state="resolved"' in html and '<span class="note-state">Applied in revision 2</span>' in html
    assert (
        "The passage read: &ldquo;Liu&#x27;s despidal of authoritarianism and positive regard for individual "
        "freedom&hellip;&rdquo;."
    ) in html


def test_the_removed_paragraphs_note_is_still_on_the_site_with_its_passage(done):
    note = done.page(f"commentary/{REAL_ESSAY}/how-far-did-it-travel/index.html")
    assert '<blockquote class="note-passage"><p>the movie has received divided reviews from different audiences' in (
        note
    )
    assert 'data-state="removed">The paragraph this note discusses was removed in' in note
    assert "how-far-did-it-travel/" in done.page(f"essays/{REAL_ESSAY}/revisions/index.html")


def test_the_revisions_page_shows_each_change(done):
    html = done.page(f"essays/{REAL_ESSAY}/revisions/index.html")
    assert re.findall(r'<h2 id="revision--(\d)">', html) == ["2", "1"]
    assert (
        '<del><span class="diff-label">removed: </span>despidal</del>'
        '<ins><span class="diff-label">added: </span>disdain</ins>'
    ) in html
    kinds = re.findall(r'<li class="revision-change" data-kind="(\w+)">', html)
    assert sorted(kinds) == ["edited", "removed"]
    assert '<a href="../people-and-culture/#people-and-culture-3">' in html
    assert '<a href="../reflection/#reflection-2">' in html
    assert '<a href="revisions/">Revised once; last on 1 December 2025</a>' in done.page(
        f"essays/{REAL_ESSAY}/index.html"
    )
