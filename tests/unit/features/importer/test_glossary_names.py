"""The importer's cached name index agrees with the build's and re-reads only changed entries."""

from __future__ import annotations

import json
import os

import pytest

from edition.content.terms import load_terms
from edition.content.terms import name_index as build_index
from edition.features.importer import glossary_names as names


def entry(folder, slug, title, aliases=()):
    lines = (
        ["---", f"title: {title}", "summary: x."]
        + (["aliases:"] + [f"- {a}" for a in aliases] if aliases else [])
        + ["---", ""]
    )
    (folder / f"{slug}.md").write_text("\n".join(lines))


def test_same_index_as_the_build_and_cache_follows_edits(tmp_path, monkeypatch):
    glossary = tmp_path / "docs" / "glossary"
    glossary.mkdir(parents=True)
    entry(glossary, "a-term", "A Term", ["AT"])
    entry(glossary, "b-term", "B Term", ["at"])  # the clash: the first entry keeps the name
    (glossary / "index.md").write_text("# Glossary\n")
    expected = build_index(load_terms(tmp_path / "docs", tmp_path)[0])
    assert (
        names.cached_name_index(tmp_path / "docs", tmp_path)
        == expected
        == {"a term": "a-term", "at": "a-term", "b term": "b-term"}
    )

    reads = []
    original = names.load_term
    monkeypatch.setattr(names, "load_term", lambda path, rel: reads.append(rel) or original(path, rel))
    assert names.cached_name_index(tmp_path / "docs", tmp_path) == expected
    assert reads == []  # nothing changed: every entry came from the cache

    entry(glossary, "b-term", "B Term renamed", ["BT"])
    os.utime(glossary / "b-term.md", ns=(1, 1))
    assert names.cached_name_index(tmp_path / "docs", tmp_path)["bt"] == "b-term"
    assert reads == ["docs/glossary/b-term.md"]


def test_dry_run_leaves_the_cache_alone_and_damage_costs_only_a_full_read(tmp_path):
    glossary = tmp_path / "docs" / "glossary"
    glossary.mkdir(parents=True)
    entry(glossary, "a-term", "A Term")
    names.cached_name_index(tmp_path / "docs", tmp_path, save=False)
    assert not (tmp_path / names.CACHE).exists()
    (tmp_path / names.CACHE).parent.mkdir()
    (tmp_path / names.CACHE).write_text("{not json")
    assert names.cached_name_index(tmp_path / "docs", tmp_path) == {"a term": "a-term"}
    assert list(json.loads((tmp_path / names.CACHE).read_text())) == ["docs/glossary/a-term.md"]


def test_an_entry_that_cannot_be_read_stops_the_index_naming_it_and_is_not_cached(tmp_path):
    """Without its names the importer would point the essay's words at a new stub instead."""
    glossary = tmp_path / "docs" / "glossary"
    glossary.mkdir(parents=True)
    entry(glossary, "a-term", "A Term")
    (glossary / "b-term.md").write_text("---\ntitle: B\nzh: !!int 'abc'\n---\n")
    with pytest.raises(names.UnreadableEntry) as caught:
        names.cached_name_index(tmp_path / "docs", tmp_path)
    assert str(caught.value) == (
        "docs/glossary/b-term.md: front matter is not valid YAML (line 3): 'abc' cannot be read as a whole number: "
        "invalid literal for int() with base 10: 'abc'. Fix the lines between the two '---'."
    )
    assert not (tmp_path / names.CACHE).exists()
