"""The edit-to-preview benchmark's pure parts: where a page is served, and what counts as a difference."""

from __future__ import annotations

import json

import pytest

from benchmark.builds import SEARCH_INDEX
from benchmark.preview import Edits, Figures, _site_path, differences, real_site, table, write_config
from edition.content.site import load_site
from support import ROOT

INDEX = {"config": {"lang": ["en"]}, "docs": [{"location": "a/", "text": "A"}, {"location": "b/", "text": "B"}]}


@pytest.mark.parametrize(
    ("src", "served"),
    [
        ("index.md", ""),
        ("glossary/index.md", "glossary/"),
        ("commentary/essay/note.md", "commentary/essay/note/"),
        ("assets/stylesheets/edition.css", "assets/stylesheets/edition.css"),
    ],
)
def test_site_path(src: str, served: str) -> None:
    assert _site_path(src) == served


def _index(**changes: object) -> bytes:
    return json.dumps({**INDEX, **changes}).encode()


@pytest.mark.parametrize(
    ("preview", "full", "found"),
    [
        ({"a.html": b"1"}, {"a.html": b"1"}, []),
        ({"a.html": b"1"}, {"a.html": b"2"}, ["differs: a.html"]),
        ({"a.html": b"1", "b.html": b""}, {"a.html": b"1"}, ["only in the preview: b.html"]),
        ({}, {"a.html": b"1"}, ["only in the full build: a.html"]),
        ({SEARCH_INDEX: _index(docs=INDEX["docs"][::-1])}, {SEARCH_INDEX: _index()}, []),  # order only
        ({SEARCH_INDEX: _index(docs=INDEX["docs"][:1])}, {SEARCH_INDEX: _index()}, [f"differs: {SEARCH_INDEX}"]),
        ({SEARCH_INDEX: _index(config={})}, {SEARCH_INDEX: _index()}, [f"differs: {SEARCH_INDEX}"]),
        ({"other.json": b'{"b": 1, "a": 2}'}, {"other.json": b'{"a": 2, "b": 1}'}, ["differs: other.json"]),
    ],
)
def test_differences_forgive_only_the_order_of_search_entries(
    preview: dict[str, bytes], full: dict[str, bytes], found: list[str]
) -> None:
    assert differences(preview, full) == found


def test_table_gives_the_median_and_the_range() -> None:
    figures = Figures({"note edited": [0.3, 0.1, 0.2], "template": [2.0]}, first_build=5.0, peak_mb=212.4)
    unknown = Figures({"note edited": [0.4]}, first_build=1.0)
    lines = table({"100 pages": figures, "real": unknown}).splitlines()
    assert lines[0].split() == ["change", "100", "pages", "real"]
    assert lines[3].split()[-2:] == ["212", "-"]
    assert "0.20 (0.10-0.30)" in lines[4] and lines[5].split() == ["template", "2.00", "-"]


def test_every_edit_applies_to_a_copy_of_the_real_site(tmp_path) -> None:
    """Each kind of change saves what it says (a re-import records a revision), without serving anything."""
    project = real_site(ROOT, tmp_path / "project")
    edits = Edits(project, write_config(ROOT, project))
    changes = [edit(0) for kind, edit in edits.kinds() if kind not in ("template", "mkdocs.yml")]
    assert [c.kind for c in changes][-3:] == ["essay re-imported", "hand-written page", "style sheet"]
    site = load_site(project / "docs", project)
    essay = next(iter(site.essays.values()))
    assert essay.revision == 2 and essay.revisions[-1].summary == "Benchmark edit 0"
