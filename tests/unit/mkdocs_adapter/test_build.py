"""The per-build state the hooks share: the model and every file's address."""

from __future__ import annotations

from pathlib import Path

from edition.mkdocs_adapter import build


def test_a_new_build_forgets_the_last_builds_addresses(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    build.set_urls({"glossary/old.md": "glossary/old/"})
    assert build.urls() == {"glossary/old.md": "glossary/old/"}
    site = build.load(str(docs), str(tmp_path / "mkdocs.yml"))
    assert (build.current(), build.urls()) == (site, {})  # mkdocs serve keeps modules between builds
