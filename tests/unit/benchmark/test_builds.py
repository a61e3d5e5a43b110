"""The benchmark's build configurations."""

from __future__ import annotations

import pytest

from benchmark.builds import compile_modules, corpus_nav_tail, essay_page_kb


@pytest.mark.parametrize(
    "made, entries, kept",
    [
        (
            ["glossary/x.md", "commentary/e/n.md"],
            [{"Glossary": "glossary/index.md"}, {"Commentary": "commentary/index.md"}],
            [{"Glossary": "glossary/index.md"}, {"Commentary": "commentary/index.md"}],
        ),
        (
            ["glossary/x.md"],
            [{"Performance": "performance.md"}, {"Glossary": "glossary/index.md"}],
            [{"Glossary": "glossary/index.md"}],
        ),
        (["performance.md"], [{"Performance": "performance.md"}], [{"Performance": "performance.md"}]),
    ],
)
def test_corpus_nav_tail_keeps_only_pages_the_corpus_has(tmp_path, made, entries, kept):
    for name in made:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    assert corpus_nav_tail(entries, tmp_path) == kept


@pytest.mark.parametrize(
    ("pages", "kb"),
    [
        ({}, 0.0),
        ({"essays/e/index.html": 9000}, 0.0),  # an essay's opening page is its own folder's index
        ({"essays/e/one/index.html": 1000, "essays/e/two/index.html": 3000}, 2.0),
        ({"essays/e/one/index.html": 1000, "essays/e/print/index.html": 50000}, 1.0),  # the whole essay is left out
        ({"essays/e/one/index.html": 1000, "glossary/t/index.html": 7000}, 1.0),
    ],
    ids=["no-essays", "opening-only", "mean", "whole-essay-left-out", "other-pages-left-out"],
)
def test_essay_page_kb_is_the_mean_of_section_pages(tmp_path, pages, kb):
    for path, size in pages.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_bytes(b"x" * size)
    assert essay_page_kb(tmp_path) == pytest.approx(kb)


@pytest.mark.parametrize(
    ("sources", "compiled"),
    [
        ({"hooks/h.py": "X = 1\n", "benchmark/b.py": "Y = 2\n"}, True),
        ({"hooks/h.py": "X = 1\n", "benchmark/b.py": "def (\n"}, False),  # a module that cannot compile is said
    ],
)
def test_compile_modules_writes_bytecode_even_where_python_is_told_not_to(tmp_path, monkeypatch, sources, compiled):
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    monkeypatch.setattr("sys.dont_write_bytecode", True)
    for name, text in sources.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    assert compile_modules(tmp_path) is compiled
    assert list((tmp_path / "hooks" / "__pycache__").glob("h.*.pyc"))
