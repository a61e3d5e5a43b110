"""The benchmark's build configurations."""

from __future__ import annotations

import pytest

from edition.bench.builds import corpus_nav_tail


@pytest.mark.parametrize(
    "made, entries, kept",
    [
        (["glossary/x.md", "commentary/e/n.md"], [{"Glossary": "glossary/index.md"}, {"Commentary": "commentary/index.md"}],
         [{"Glossary": "glossary/index.md"}, {"Commentary": "commentary/index.md"}]),
        (["glossary/x.md"], [{"Performance": "performance.md"}, {"Glossary": "glossary/index.md"}], [{"Glossary": "glossary/index.md"}]),
        (["performance.md"], [{"Performance": "performance.md"}], [{"Performance": "performance.md"}]),
    ],
)
def test_corpus_nav_tail_keeps_only_pages_the_corpus_has(tmp_path, made, entries, kept):
    for name in made:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    assert corpus_nav_tail(entries, tmp_path) == kept
