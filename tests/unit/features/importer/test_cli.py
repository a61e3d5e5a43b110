"""scripts/import_essay.py as a user runs it: exit 2 and one line naming the file on bad input, one import at a time."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from support import ROOT, snapshot

SCRIPT = ROOT / "scripts" / "import_essay.py"


def run(*args, cwd=None):
    """The script as a user runs it; the timeout only turns a hang (a FIFO read) into a failure, it times nothing."""
    return subprocess.run(
        [sys.executable, str(SCRIPT), *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


def one_line(result) -> str:
    """The single stderr line of a refusal (exit 2, nothing on stdout, no traceback)."""
    assert result.returncode == 2 and result.stdout == "" and "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    return lines[0]


@pytest.mark.parametrize(
    "name, content, expected",
    [
        ("missing.txt", None, "missing.txt: does not exist"),
        ("empty.txt", b"   \n", "empty.txt: is empty (no text to import)"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n", "binary.txt: is not UTF-8 text (byte 0x89 at offset 0)"),
        ("notitle.txt", b"This opens with a sentence.\n\nAnd more.", "notitle.txt: has no detectable title"),
        (
            "noauthor.txt",
            b"A Title\n\nThe body begins here at once.",
            "noauthor.txt: has no detectable author line after the title; pass --author",
        ),
    ],
)
def test_bad_input_exits_2_with_one_line(tmp_path, name, content, expected):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = run(path, "--dry-run")
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert (lines[0].startswith("import_essay: ") and lines[0].endswith(expected)) or expected in lines[0]


def test_directory_and_bad_flags(tmp_path):
    assert run(tmp_path, "--dry-run").stderr.strip().endswith("is a directory, not a text file")
    source = tmp_path / "e.txt"
    source.write_text("A Title\n\nJane Doe\n\nBody text here.\n")
    result = run(source, "--dry-run", "--date", "yesterday")
    assert result.returncode == 2 and "--date 'yesterday' is not a date in the form YYYY-MM-DD" in result.stderr
    result = run(source, "--dry-run", "--slug", "Bad Slug")
    assert result.returncode == 2 and "must be lower case words joined by hyphens" in result.stderr


def test_dry_run_of_the_seed_reports_everything():
    result = run(ROOT / "sources" / "wandering-earth-ii.txt", "--slug", "wandering-earth-ii", "--dry-run")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("Dry run: essay 'wandering-earth-ii': 6 pages, 17 paragraphs")
    assert "would write 0 files, 6 unchanged, 0 removed" in out
    assert "ids: 17 kept, 0 new, 0 retired" in out
    assert "glossary links: 11" in out
    assert "joined '...scenes of drone' / 'swarm battles, space...'" in out


CONTROL_HINT = "remove it and try again (tab and line breaks are the only control characters a source may hold)"


@pytest.mark.parametrize(
    "make, args, expected",
    [
        (
            lambda d: _make_fifo(d / "pipe.txt"),
            (),
            "import_essay: {d}/pipe.txt: is a FIFO (named pipe), not a text file",
        ),
        (
            lambda d: Path("/dev/zero"),
            ("--slug", "z"),
            "import_essay: /dev/zero: is a character device, not a text file",
        ),
        (
            lambda d: _write(d / "e.txt", b"T\n\nBy A Writer\nMay 1 2024\n\nFine.\n\nNot\x00fine.\n"),
            (),
            "import_essay: {d}/e.txt: line 8 has a control character (U+0000); " + CONTROL_HINT,
        ),
        (
            lambda d: _write(d / "e.txt", b"T\n\nBy A Writer\nMay 1 2024\n\nFine.\n"),
            ("--slug", ""),
            "import_essay: {d}/e.txt: --slug '' is empty; give the essay's folder name, e.g. --slug my-essay",
        ),
        (
            lambda d: _write(d / "e.txt", b"T\n\nBy A Writer\nMay 1 2024\n\nFine.\n"),
            ("--date", ""),
            "import_essay: {d}/e.txt: --date '' is not a date in the form YYYY-MM-DD",
        ),
        (
            lambda d: _write(d / "e.txt", b"T\n\nBy A Writer\nMay 1 2024\n\nFine.\n"),
            ("--title", "<b>\x1b[2J"),
            "import_essay: {d}/e.txt: --title '<b>\\x1b[2J' must be words on one line, without control characters",
        ),
    ],
    ids=["FIFO", "device", "NUL", "empty slug", "empty date", "control character in --title"],
)
def test_refused_sources_and_flags(tmp_path, make, args, expected):
    source = make(tmp_path)
    assert one_line(run(source, "--dry-run", *args)) == expected.format(d=tmp_path)


def _make_fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


HOLD = (
    "import sys; from pathlib import Path; from edition.features.importer.lock import repository_lock\n"
    "with repository_lock(Path(sys.argv[1])):\n"
    "    print('held', flush=True); sys.stdin.read()\n"
)
ESSAY = "{title}\n\nBy Jane Writer\nMay 1 2024\n\nThe opening paragraph of {title}, which says one thing.\n"


def _importer(source, root, *args) -> list[str]:
    return [sys.executable, str(SCRIPT), str(source), "--root", str(root), "--slug", "race", *map(str, args)]


def _source(tmp_path, title):
    path = tmp_path / "incoming" / f"{title.lower()}.txt"
    path.parent.mkdir(exist_ok=True)
    path.write_text(ESSAY.format(title=title), encoding="utf-8")
    return path


def test_a_second_importer_exits_2_while_the_lock_is_held(repo, tmp_path):
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(repo)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline() == "held\n"
        source = _source(tmp_path, "First")
        before = snapshot(repo)
        result = subprocess.run(_importer(source, repo), capture_output=True, text=True, timeout=120)
        lock = repo / ".cache" / "import.lock"
        expected = f"import_essay: another import is running in {repo} (lock {lock}); wait for it to finish"
        assert one_line(result) == expected
        assert snapshot(repo) == before
    finally:
        holder.communicate("", timeout=60)
    done = subprocess.run(_importer(source, repo), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def test_two_importers_of_different_texts_on_one_new_slug_never_both_succeed(repo, tmp_path):
    """Both exited 0 and one text silently replaced the other in sources/."""
    sources = {title: _source(tmp_path, title) for title in ("First", "Second")}
    runs = {
        title: subprocess.Popen(_importer(path, repo), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for title, path in sources.items()
    }
    results = {title: (process.wait(timeout=120), process.stderr.read()) for title, process in runs.items()}
    winners = [title for title, (code, _) in results.items() if code == 0]
    assert len(winners) == 1, results
    loser = next(title for title in results if title not in winners)
    assert results[loser][0] == 2 and len(results[loser][1].splitlines()) == 1, results
    assert (repo / "sources" / "race.txt").read_bytes() == sources[winners[0]].read_bytes()
    assert f"title: {winners[0]}\n" in (repo / "docs" / "essays" / "race" / "index.md").read_text(encoding="utf-8")


def _imported_then_corrected(repo: Path, seed_copy: Path) -> Path:
    """The seed imported into ``repo``; its source in ``sources/`` then given the correction its note asks for."""
    assert run(seed_copy, "--root", repo).returncode == 0
    source = repo / "sources" / "wandering-earth-ii.txt"
    source.write_text(source.read_text(encoding="utf-8").replace("despidal", "disdain"), encoding="utf-8")
    return source


def test_a_revision_without_a_summary_is_refused_with_one_line_and_writes_nothing(repo, seed_copy):
    source = _imported_then_corrected(repo, seed_copy)
    before = snapshot(repo)
    assert one_line(run(source, "--root", repo)) == (
        "import_essay: sources/wandering-earth-ii.txt: this import changes the essay (1 edited), which makes "
        'revision 2; say what changed in one line with --message "..."'
    )
    assert snapshot(repo) == before


def test_an_unchanged_source_records_no_revision(repo, seed_copy):
    assert run(seed_copy, "--root", repo).returncode == 0
    record = (repo / "docs" / "essays" / "wandering-earth-ii" / "revisions.yml").read_text(encoding="utf-8")
    again = run(repo / "sources" / "wandering-earth-ii.txt", "--root", repo)
    assert again.returncode == 0 and "revision" not in again.stdout, again.stdout
    assert (repo / "docs" / "essays" / "wandering-earth-ii" / "revisions.yml").read_text(encoding="utf-8") == record


def test_in_a_terminal_the_summary_is_asked_for(repo, seed_copy):
    source = _imported_then_corrected(repo, seed_copy)
    controller, terminal = os.openpty()
    try:
        os.write(controller, b"Correct 'despidal'\n")
        result = subprocess.run(
            [sys.executable, str(SCRIPT), str(source), "--root", str(repo)],
            capture_output=True,
            text=True,
            stdin=terminal,
            timeout=120,
        )
    finally:
        os.close(terminal)
        os.close(controller)
    assert result.returncode == 0, result.stderr
    assert "which makes revision 2; say what changed in one line" in result.stderr
    assert "  revision 2 recorded in docs/essays/wandering-earth-ii/revisions.yml: 1 change" in result.stdout
    record = (repo / "docs" / "essays" / "wandering-earth-ii" / "revisions.yml").read_text(encoding="utf-8")
    assert "summary: Correct 'despidal'" in record
