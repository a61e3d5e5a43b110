"""An import killed after any of its writes leaves a tree the next import accepts and completes.

Each write the importer makes (a file written atomically, a file removed) is
made to fail, in turn, as a kill at that moment would; the next import of
the same text must succeed and leave exactly the tree an uninterrupted
import re
import leaves. Before the journal, a page written with the old record beside
it read as "edited by hand" and the next import refused.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from edition.content import files
from edition.features.importer import glossary_names as names
from edition.features.importer import run, state
from edition.features.importer.run import import_essay
from support import snapshot

REVISION = {"message": "An editor's change", "today": "2026-12-01"}  # what the re-import records, the same each run


class Killed(Exception):
    """The importer stops here, as a kill between two writes would stop it."""


def _edit(source: Path) -> None:
    """An editor's change: a paragraph reworded, a section renamed (a page removed, one added), a paragraph added."""
    text = source.read_text(encoding="utf-8")
    text = text.replace("Liu's despidal of authoritarianism", "Liu's disdain for authoritarianism")
    text = text.replace("\nReflection\n", "\nClosing thoughts\n")
    text = text.replace("People and culture\n", "People and culture\n\nA new paragraph about culture and people.\n")
    source.write_text(text, encoding="utf-8")


def _first(repo: Path, seed: Path) -> Path:
    return seed


def _second(repo: Path, seed: Path) -> Path:
    import_essay(seed, repo, slug="wandering-earth-ii")
    source = repo / "sources" / "wandering-earth-ii.txt"
    _edit(source)
    return source


SCENARIOS = {"first import": _first, "re-import after edits": _second}


class Writes:
    """Counts the importer's writes and fails the one numbered ``fail_at`` (never, when None)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, fail_at: int | None) -> None:
        self.count, self.fail_at = 0, fail_at
        for module in (run, state, names):
            monkeypatch.setattr(module, "write_atomic", self.wrap(files.write_atomic))
        monkeypatch.setattr(Path, "unlink", self.wrap(Path.unlink))

    def wrap(self, operation):
        def counted(*args, **kwargs):
            if self.count == self.fail_at:
                raise Killed(self.count)
            self.count += 1
            return operation(*args, **kwargs)

        return counted


def _fresh(tmp_path: Path, seed_copy: Path, name: str, scenario) -> tuple[Path, Path]:
    repo = tmp_path / name
    (repo / "docs").mkdir(parents=True)
    (repo / "sources").mkdir()
    return repo, scenario(repo, seed_copy)


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_a_kill_after_any_write_leaves_a_tree_the_next_import_completes(tmp_path, seed_copy, monkeypatch, scenario):
    make = SCENARIOS[scenario]
    repo, source = _fresh(tmp_path, seed_copy, "whole", make)
    with monkeypatch.context() as patch:
        writes = Writes(patch, None)
        import_essay(source, repo, slug="wandering-earth-ii", **REVISION)
    expected, total = snapshot(repo), writes.count
    assert total >= 5  # the journal, some pages, the revision record, the record, the journal removed
    assert "docs/essays/wandering-earth-ii/revisions.yml" in expected
    for kill in range(total):
        repo, source = _fresh(tmp_path, seed_copy, f"killed-{kill}", make)
        with monkeypatch.context() as patch, pytest.raises(Killed):
            Writes(patch, kill)
            import_essay(source, repo, slug="wandering-earth-ii", **REVISION)
        import_essay(source, repo, slug="wandering-earth-ii", **REVISION)
        assert snapshot(repo) == expected, f"killed before write {kill}"
        shutil.rmtree(repo)


def test_a_hand_edit_is_still_refused_after_an_interrupted_import(repo, seed_copy, monkeypatch):
    source = _second(repo, seed_copy)
    with monkeypatch.context() as patch, pytest.raises(Killed):
        Writes(patch, 3)  # the journal, then the first pages
        import_essay(source, repo, slug="wandering-earth-ii", **REVISION)
    page = repo / "docs/essays/wandering-earth-ii/people-and-culture.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nA hand edit.\n", encoding="utf-8")
    with pytest.raises(
        run.ImportRefused, match=re.escape("people-and-culture.md: was edited by hand since the last import")
    ):
        import_essay(source, repo, slug="wandering-earth-ii", **REVISION)


@pytest.mark.parametrize(
    "content", ["{", "[]", '{"state": {}}', '{"state": {"source": "", "pages": {}, "paragraphs": []}}']
)
def test_a_damaged_journal_is_named(repo, seed_copy, content):
    import_essay(seed_copy, repo, slug="wandering-earth-ii")
    journal = repo / "docs/essays/wandering-earth-ii" / state.PENDING_FILE
    journal.write_text(content)
    with pytest.raises(
        state.DamagedState, match=rf"^{journal}: the import journal is damaged \(.*\); delete it and import again$"
    ):
        import_essay(seed_copy, repo, slug="wandering-earth-ii")
