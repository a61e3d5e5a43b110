"""A small run of scripts/bench.py: a 10-page corpus, one build of a and b, every report field present.

Not a timing test: the figures are only checked to exist and be positive.
Variant c (htmlproofer) is left out, since ``make test`` installs only
requirements-dev.txt.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import ROOT


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench")
    command = [
        sys.executable,
        str(ROOT / "scripts" / "bench.py"),
        "--essays",
        "1",
        "--runs",
        "1",
        "--variants",
        "ab",
        "--out",
        str(out),
        "--keep",
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr[-2000:]
    kept = Path(done.stdout.partition("corpus kept in ")[2].partition("\n")[0])
    cache = Path(done.stdout.partition("compiled templates kept in ")[2].partition("\n")[0])
    try:
        yield out, done.stdout, json.loads((out / "bench.json").read_text(encoding="utf-8")), kept, cache
    finally:
        shutil.rmtree(kept, ignore_errors=True)
        shutil.rmtree(cache, ignore_errors=True)


def test_progress_line_per_build(results):
    _, stdout, *_ = results
    assert "[1/2] a (hooks on) run 1: " in stdout and "[2/2] b (bare) run 1: " in stdout
    assert "a (hooks on) first build, which keeps the theme's compiled templates: " in stdout


def test_measured_builds_find_the_templates_compiled(results):
    """The first build of a fills the corpus's own cache folder; the measured builds read it back."""
    _, _, report, kept, cache = results
    (size,) = report["sizes"]
    assert size["a_first_cpu_seconds"] > 0
    assert not cache.is_relative_to(kept)  # the hooks keep nothing in a project's folder
    assert len(list((cache / "annotated-edition" / "templates").glob("*/*.cache"))) > 20


def test_size_fields(results):
    _, _, report, *_ = results
    (size,) = report["sizes"]
    assert (size["pages"], size["essays"], size["terms"], size["comments"]) == (10, 1, 50, 100)
    assert size["html_pages"] > 10 and size["words"] > 1000 and size["import_cpu_seconds"] > 0
    for key in ("median_seconds", "median_cpu_seconds", "ms_per_page", "cpu_ms_per_page"):
        assert set(size[key]) == {"a", "b"} and all(v > 0 for v in size[key].values())
    assert set(size["ratios"]) == set(size["cpu_ratios"]) == set(size["cpu_pair_ratios"]) == {"a/b"}
    assert size["peak_rss_mb"] > 10 and size["site_mb"]["a"] > 0 and size["search_index_mb"]["a"] > 0
    assert all(size["essay_page_kb"][v] > 1 for v in "ab")
    assert {"model and navigation", "glossary linking"} <= set(size["stages"]["a"])
    assert len(size["runs"]) == 2


def test_pages_of_a_latin_corpus_stay_one_byte_a_character(results):
    """The markup the edition writes around a text (a note's arrows, an excerpt's ellipses, quotation marks)
    uses character references, so a page whose words are all Latin-1 is stored one byte a character, and
    searching, checking and writing it read half as much as a page made wide by one arrow."""
    *_, kept, _ = results
    site = kept / "site-check"
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(kept / "mkdocs-a.yml"), "-d", str(site)]
    env = {**os.environ, "BENCH_TIMINGS": str(kept / "timings-check.json")}
    done = subprocess.run(command, capture_output=True, text=True, timeout=240, cwd=kept, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 100
    wide = {}
    for page in pages:
        text = page.read_text(encoding="utf-8")
        if not text.isascii() and (char := max(text)) > "\xff":
            wide[page.relative_to(kept).as_posix()] = text[max(0, text.index(char) - 60) : text.index(char) + 1]
    assert not wide


def test_import_check_and_targets(results):
    out, stdout, report, *_ = results
    assert report["import"]["ok"] and report["import"]["source_bytes"] >= 1_000_000
    names = [t["name"] for t in report["targets"]]
    assert any("a/b" in n for n in names) and any("1 MB" in n for n in names)
    assert report["machine"]["cpus"] >= 1 and report["date"]
    assert (out / "performance.svg").read_text(encoding="utf-8").startswith("<svg")
    assert "[met]" in stdout or "[MISSED]" in stdout


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({}, "bench: {out}/import.json: not found; run the benchmark into this folder first (without --report-only)."),
        ({"import.json": "{}"}, "bench: {out}: holds no bench-<pages>.json; run the benchmark into this folder first."),
        (
            {"import.json": "{}", "bench-10.json": '{"pages": 10}'},
            "bench: {out}/bench-10.json: not a result this benchmark wrote (KeyError: 'runs'); "
            "run the benchmark into this folder first (without --report-only).",
        ),
        (
            {"import.json": "not json"},
            "bench: {out}/import.json: not a result this benchmark wrote "
            "(JSONDecodeError: Expecting value: line 1 column 1 (char 0)); run the benchmark into this folder first "
            "(without --report-only).",
        ),
    ],
    ids=["no-import", "no-sizes", "size-without-runs", "not-json"],
)
def test_report_only_on_a_folder_it_cannot_read(tmp_path, files, expected):
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "bench.py"), "--report-only", "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (done.returncode, done.stderr.strip(), done.stdout) == (2, expected.format(out=tmp_path), "")
