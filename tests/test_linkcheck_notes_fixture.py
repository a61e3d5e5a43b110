"""A note shown on several pages, built with every hook: each page that shows it blames the note.

The fixture's notes plant a broken relative image (shown on the note's page,
the essay's section page and the whole-essay page, and reported once, as the
note's file names it), an attempt to switch the
check off from contributed text, and sources on the build machine, which a
build with ``LINKCHECK_EXTERNAL=1`` must report without fetching: a real
server on 127.0.0.1 (its own process, stopped by pid) records every request.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

from support import ROOT
from test_commentary_fixture import copy, run_build, warnings

NOTES = "docs/commentary/e"
MISSING_CHART = f"{NOTES}/picture.md: link 'chart.png' points to a file that does not exist"


def expected(port: str) -> list[str]:
    return [
        f"{NOTES}/opt-out.md: line 13: raw HTML '<div data-linkcheck-ignore markdown=\"1\">' is shown as text. "
        "Write Markdown instead, or put the HTML between backticks to show it as code.",
        f"{NOTES}/opt-out.md: link '../../essays/e/also-gone.md' points to a page that does not exist "
        f"(essays/e/also-gone/).",  # not 'revisions', the nearest name here: a guess this far off misleads
        f"{NOTES}/opt-out.md: link '../../essays/e/gone.md' points to a page that does not exist (essays/e/gone/).",
        f"{MISSING_CHART} (commentary/e/chart.png).",  # once: as the note means it, not as each page reads it
        f"{NOTES}/source.md: link 'http://127.0.0.1:{port}/secret' points to a private or local network address "
        "(127.0.0.1) and is not checked online. Link to a public address instead.",
        f"{NOTES}/source.md: link 'http://localhost:{port}/secret' points to a private or local network address "
        "(localhost) and is not checked online. Link to a public address instead.",
    ]


def project_with_port(tmp_path: Path, port: str) -> Path:
    project = copy("linkcheck-notes", tmp_path)
    note = project / NOTES / "source.md"
    note.write_text(note.read_text().replace("PORT", port))
    return project


def test_a_note_is_blamed_on_every_page_that_shows_it(tmp_path: Path) -> None:
    result, _ = run_build(project_with_port(tmp_path, "9"))
    assert result.returncode == 1, result.stderr
    assert warnings(result) == expected("9")


def test_online_build_reports_sources_on_the_build_machine_without_fetching_them(tmp_path: Path) -> None:
    hits = tmp_path / "hits.txt"
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "hits_server.py"), "127.0.0.1", str(hits)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        port = server.stdout.readline().strip()
        project = project_with_port(tmp_path, port)
        os.environ["LINKCHECK_EXTERNAL"] = "1"
        try:
            result, _ = run_build(project)
        finally:
            del os.environ["LINKCHECK_EXTERNAL"]
    finally:
        os.kill(server.pid, signal.SIGTERM)
        server.wait(timeout=10)
        server.stdout.close()
    assert warnings(result) == expected(port)
    assert "5 problems in" in result.stderr and ", 0 external URLs checked online" in result.stderr, result.stderr
    assert not hits.exists(), hits.read_text()


def test_a_note_full_of_broken_links_has_each_reported_once(tmp_path: Path) -> None:
    """Four hundred broken links, each written twice, in a note shown on three pages: four hundred problems.

    The class: work per broken link that grew with the site or with the
    page's other problems (a list searched before each addition, every page
    of the site compared for a suggestion). Generated, not committed.
    """
    project = project_with_port(tmp_path, "9")
    folder = project / "docs" / "commentary" / "e"
    head = (folder / "picture.md").read_text().split("\n---\n", 1)[0] + "\n---\n"
    blocks = [
        " ".join(f"[x](../../essays/e/gone-{n}.md)" for n in range(start, start + 50)) for start in range(0, 400, 50)
    ]
    (folder / "many.md").write_text(
        head.replace("a picture that is not there", "many broken links") + "\n\n".join(blocks * 2)
    )
    result, _ = run_build(project)
    mine = [line for line in warnings(result) if line.startswith(f"{NOTES}/many.md:")]
    assert len(mine) == len(set(mine)) == 400
    assert (
        f"{NOTES}/many.md: link '../../essays/e/gone-17.md' points to a page that does not exist (essays/e/gone-17/)."
        in mine
    )


def test_counts_of_one_read_in_the_singular(tmp_path: Path) -> None:
    """One note left on the essay, with one source on the build machine: "1 note", "1 problem", not "1 notes"."""
    project = project_with_port(tmp_path, "9")
    folder = project / NOTES
    (folder / "opt-out.md").unlink()
    (folder / "picture.md").unlink()
    note = folder / "source.md"
    note.write_text(note.read_text().replace("  - title: Also secret\n    url: http://localhost:9/secret\n", ""))
    result, site = run_build(project, strict=False)
    assert warnings(result) == expected("9")[-2:-1]  # the one problem left: the source on 127.0.0.1
    assert re.search(r"linkcheck: \d+ pages, \d+ links checked, 1 problem in \d+\.\d\ds", result.stderr), result.stderr
    index = (site / "commentary/e/index.html").read_text(encoding="utf-8")
    assert '<p class="note-kind-counts">1 note (Context: 1).</p>' in index
