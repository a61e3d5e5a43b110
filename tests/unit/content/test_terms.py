"""Loading glossary entries: only what the guard accepts, each through the bounded reader."""

from __future__ import annotations

import os

import pytest

from edition.content.terms import load_terms, term_slug
from edition.features.importer import glossary_names as names

ENTRY = "---\ntitle: T\nsummary: S.\n---\n\nBody.\n"


def plant(glossary, kind):
    path = glossary / "x.md"
    if kind == "too large":
        path.write_text(ENTRY + "x" * (100 * 1024))
    elif kind == "link":
        (glossary.parent / "secret.md").write_text(ENTRY)
        path.symlink_to(glossary.parent / "secret.md")
    elif kind == "link to /dev/zero":
        path.symlink_to("/dev/zero")
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "bad name":
        (glossary / "X Y.md").write_text(ENTRY)


@pytest.mark.parametrize(
    "kind, expected",
    [
        (
            "too large",
            "docs/glossary/x.md: is 100 KB; a glossary entry may be at most 100 KB. "
            "Shorten it; the sources can say more.",
        ),
        (
            "link",
            "docs/glossary/x.md: is a symbolic link; only regular files are published from docs/glossary/. "
            "Replace the link with what it points to, or delete it.",
        ),
        (
            "link to /dev/zero",
            "docs/glossary/x.md: is a symbolic link; only regular files are published from "
            "docs/glossary/. Replace the link with what it points to, or delete it.",
        ),
        (
            "fifo",
            "docs/glossary/x.md: is a named pipe; only regular files are published from docs/glossary/. Delete it.",
        ),
        (
            "bad name",
            "docs/glossary/X Y.md: the file name 'X Y.md' is not allowed: use lower-case letters a-z, "
            "digits and single hyphens, ending in '.md'. Rename it, e.g. to 'x-y.md'.",
        ),
    ],
)
def test_refused_entries_are_named_and_not_loaded_by_the_build_or_the_importer(tmp_path, kind, expected):
    glossary = tmp_path / "docs" / "glossary"
    glossary.mkdir(parents=True)
    (glossary / "good.md").write_text(ENTRY.replace("title: T", "title: Good"))
    plant(glossary, kind)
    terms, problems = load_terms(tmp_path / "docs", tmp_path)
    assert list(terms) == ["good"]
    assert [str(p) for p in problems] == [expected]
    if kind == "too large":  # an entry the importer cannot read stops it: it would link the essay without its names
        with pytest.raises(names.UnreadableEntry, match="is 100 KB"):
            names.cached_name_index(tmp_path / "docs", tmp_path, save=False)
    else:  # not an entry at all: the build reports it
        assert names.cached_name_index(tmp_path / "docs", tmp_path, save=False) == {"good": "good"}


@pytest.mark.parametrize(
    "words, slug",
    [
        ("the Belt and Road Initiative", "belt-and-road-initiative"),
        ("Zh\u014du \u0112nl\u00e1i", "zhou-enlai"),
        ("\u5317\u4eac", "u5317-u4eac"),
        ("\u201cwolf warrior\u201d", "wolf-warrior"),
    ],
)
def test_a_new_entry_is_named_as_the_build_accepts_names(words, slug):
    assert term_slug(words) == slug
