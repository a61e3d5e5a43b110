"""Which pages a change rebuilds: what each page recorded, followed through the pages that use another's output."""

from __future__ import annotations

import pytest

from edition.content.graph import ESSAY, NOTE, PAGE, PARAGRAPH, TERM, DependencyGraph, Key, UnrecordedGraph

RECORDS: dict[str, list[Key]] = {
    "essays/e/index.md": [(ESSAY, "e"), (PARAGRAPH, "opening-1"), (TERM, "liu-cixin")],
    "essays/e/part.md": [(ESSAY, "e"), (PARAGRAPH, "part-1")],
    "essays/e/print.md": [(ESSAY, "e"), (PAGE, "essays/e/part.md")],  # takes the section page's HTML
    "commentary/e/n.md": [(NOTE, "commentary/e/n.md"), (ESSAY, "e")],
    "glossary/liu-cixin.md": [],
}


def graph() -> DependencyGraph:
    built = DependencyGraph()
    for src, keys in RECORDS.items():
        built.record(src, *keys)
    return built


@pytest.mark.parametrize(
    ("changed", "rebuilt"),
    [
        ([(PARAGRAPH, "opening-1")], {"essays/e/index.md"}),
        ([(PARAGRAPH, "part-1")], {"essays/e/part.md", "essays/e/print.md"}),  # and the page that uses it
        ([(TERM, "liu-cixin")], {"essays/e/index.md"}),
        ([(NOTE, "commentary/e/n.md")], {"commentary/e/n.md"}),
        ([(PAGE, "glossary/liu-cixin.md")], {"glossary/liu-cixin.md"}),  # a page named outright, whatever it recorded
        ([(ESSAY, "e")], set(RECORDS) - {"glossary/liu-cixin.md"}),
        ([(TERM, "nobody")], set()),
        ([], set()),
    ],
)
def test_a_change_rebuilds_the_pages_that_recorded_it_and_those_using_them(changed, rebuilt):
    assert graph().pages(changed) == rebuilt


def test_a_page_forgotten_is_rebuilt_for_nothing_it_recorded():
    built = graph()
    built.forget("essays/e/part.md")
    assert built.keys("essays/e/part.md") == frozenset()
    assert built.pages([(PARAGRAPH, "part-1")]) == set()
    assert built.pages([(ESSAY, "e")]) == {"essays/e/index.md", "essays/e/print.md", "commentary/e/n.md"}


def test_a_build_no_preview_follows_keeps_no_record():
    unrecorded = UnrecordedGraph()
    for src, keys in RECORDS.items():
        unrecorded.record(src, *keys)
    assert unrecorded.keys("essays/e/index.md") == frozenset()
    assert unrecorded.pages([(ESSAY, "e"), (PAGE, "essays/e/part.md")]) == {"essays/e/part.md"}
