"""The preview's site equals a clean full build after every edit of a scripted sequence, byte for byte.

The fixture holds the real essay with its glossary and notes, a second
imported essay with two notes, and a hand-written page. Each edit is one
kind of change ``make serve`` meets: a note edited, moved, added, deleted,
broken and mended; a glossary entry's summary, names and title; entries
added and removed; an essay imported again; a hand-written page, the home
page, a style sheet, a stray file, ``mkdocs.yml`` and a section's title.
Several are chosen so that only one of the preview's ways of finding pages
finds what they alter (a name added that a page never linked, a link to a
note that does not exist yet, paragraphs reordered under their notes).
After each edit the preview follows, and the whole site is built again from
scratch: every file must be the same (the search index may differ only in
the order of its entries, and does not), and the preview must report the
problems the full build reports, no more and no fewer. The last comparison
is with ``mkdocs build`` run in a new process.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from edition.features.importer.run import import_essay
from import_site import site_with_real_essay
from preview_support import Session

NOTES = "docs/commentary/wandering-earth-ii"
SECOND = """Essay 2
Author 2 Writer
March 2 2024

The opening of the second essay says one plain thing.

Part one

The first part says a second plain thing.

Part two

Alpha: the first paragraph of part two says a third plain thing.

Beta: the second paragraph of part two says a fourth plain thing.
"""
SECOND_NOTE = """---
title: {title}
author: Test Writer
date: 2024-05-0{day}
kind: context
target:
  paragraph: part-two-{day}
  quote: "{quote}"
---

A note on the second essay.
"""
NEW_NOTE = """---
title: Government propaganda
author: Test Writer
date: 2024-05-01
kind: question
target:
  paragraph: reflection-2
  quote: "summarily dismissed"
---

Is [soft power](../../glossary/soft-power.md) the right frame here? See [a later note](later-note.md),
and [the second essay](../../essays/essay-2/part-one.md#part-one-1).
"""
LATER_NOTE = NEW_NOTE.replace("Government propaganda", "A later note").replace("reflection-2", "reflection-1")
LATER_NOTE = LATER_NOTE.replace("summarily dismissed", "meticulously adheres").partition(" See")[0] + "\n"
NEW_ENTRY = """---
title: Drone swarm
summary: Many drones flying and acting together as one system.
---

The essay's closing section mentions [drone swarm battles](../essays/wandering-earth-ii/reflection.md#reflection-1).
"""


def replace(path: Path, old: str, new: str) -> Callable[[], None]:
    def edit() -> None:
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {path}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return edit


def write(path: Path, text: str) -> Callable[[], None]:
    return lambda: path.write_text(text, encoding="utf-8")


def delete(path: Path) -> Callable[[], None]:
    return lambda: path.unlink()


def reimport(project: Path, text: str) -> Callable[[], None]:
    def edit() -> None:
        source = project / "sources" / "essay-2.txt"
        source.write_text(text, encoding="utf-8")
        import_essay(source, project, message="An edit")  # a re-import that changes the text records a revision

    return edit


@pytest.fixture
def project(tmp_path: Path) -> Path:
    project = site_with_real_essay(tmp_path)
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    (incoming / "essay-2.txt").write_text(SECOND, encoding="utf-8")
    import_essay(incoming / "essay-2.txt", project)
    notes = project / "docs" / "commentary" / "essay-2"
    notes.mkdir()
    for day, (title, quote) in enumerate((("On alpha", "Alpha: the first"), ("On beta", "Beta: the second")), 1):
        (notes / f"on-{title[3:]}.md").write_text(SECOND_NOTE.format(title=title, day=day, quote=quote), "utf-8")
    (project / "docs" / "about.md").write_text("# About\n\nThis edition explains soft power.\n", encoding="utf-8")
    (project / "docs" / "extra.css").write_text("body { color: black; }\n", encoding="utf-8")
    # MkDocs warns, while it builds the page, of a link to a missing page: a warning of a page no step rebuilds.
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("not_found: info", "not_found: warn"), "utf-8")
    with (project / "docs" / "essays" / "wandering-earth-ii" / "people-and-culture.md").open("a") as page:
        page.write("\nSee [a page that is not there](missing.md).\n")
    return project


def script(project: Path) -> list[tuple[str, Callable[[], None], str]]:
    """Each edit: what it is, how to make it, and what the preview must do about it (build pages, or the whole site)."""
    docs, notes = project / "docs", project / NOTES
    moved, broken = notes / "zhao-lijian-reassigned.md", notes / "how-far-did-it-travel.md"
    texts = {path: path.read_text(encoding="utf-8") for path in (moved, broken, docs / "glossary" / "zero-sum-game.md")}
    alpha = "Alpha: the first paragraph of part two says a third plain thing."
    swapped = SECOND.replace(f"{alpha}\n\n", "").replace("fourth plain thing.\n", f"fourth plain thing.\n\n{alpha}\n")
    swapped = swapped.replace("fourth plain thing.", "fourth plain thing. Orbital tether.")
    section = docs / "essays" / "essay-2" / "part-one.md"
    footnote = ("says a second plain thing.\n", "says a second plain thing.[^1]\n")
    return [
        ("a note's body", replace(notes / "biding-time.md", "The maxim the essay", "The maxim this essay"), "pages"),
        (  # its neighbours in reading order, on other pages of the essay, link to it by title
            "a note's title",
            replace(notes / "biding-time.md", 'title: "\u201cBiding time\u201d', 'title: "\u201cBiding our time\u201d'),
            "pages",
        ),
        (
            "a note's paragraph",
            replace(moved, "paragraph: chinas-global-strategy-2", "paragraph: reflection-1"),
            "pages",
        ),
        ("the moved note mended", write(moved, texts[moved]), "pages"),
        ("a note added, named after its paragraph", write(notes / "reflection-2.md", NEW_NOTE), "pages"),
        ("the note it links to added", write(notes / "later-note.md", LATER_NOTE), "pages"),
        ("a note deleted", delete(notes / "release-dates.md"), "pages"),
        ("a note broken", replace(broken, "kind: ", "kind: gossip\nold_kind: "), "pages"),
        ("the broken note mended", write(broken, texts[broken]), "pages"),
        ("an entry's summary", replace(docs / "glossary" / "soft-power.md", "The ability of", "The power of"), "pages"),
        (
            "an entry's new alias, which a page that never linked it holds",
            replace(
                docs / "glossary" / "space-elevator.md", "- space elevators", "- space elevators\n- orbital tether"
            ),
            "pages",
        ),
        (
            "an entry's title",
            replace(docs / "glossary" / "hugo-award.md", "title: Hugo Award", "title: Hugo Awards"),
            "pages",
        ),
        (
            "an entry added, whose title the essay holds",
            write(docs / "glossary" / "drone-swarm.md", NEW_ENTRY),
            "pages",
        ),
        ("an entry the essay links to, deleted", delete(docs / "glossary" / "zero-sum-game.md"), "pages"),
        (
            "the entry restored",
            write(docs / "glossary" / "zero-sum-game.md", texts[docs / "glossary" / "zero-sum-game.md"]),
            "pages",
        ),
        ("an essay imported again, noted paragraphs swapped, a name added", reimport(project, swapped), "pages"),
        (
            "a paragraph's id, which a note links to, changed by hand",
            replace(section, "#part-one-1 ", "#part-one-a "),
            "pages",
        ),
        ("a footnote added by hand to a section", replace(section, *footnote), "pages"),
        (
            "its text",
            lambda: section.write_text(section.read_text("utf-8") + "\n[^1]: At the foot.\n", "utf-8"),
            "pages",
        ),
        ("a hand-written page", replace(docs / "about.md", "soft power", "soft power and the Hugo Awards"), "pages"),
        (
            "an id given to two of its paragraphs",
            replace(docs / "about.md", "Hugo Awards.\n", "Hugo Awards.\n{ #twice }\n\nAnd more.\n{ #twice }\n"),
            "pages",
        ),
        ("the second given its own", replace(docs / "about.md", "more.\n{ #twice }", "more.\n{ #once }"), "pages"),
        ("the home page", replace(docs / "index.md", "# Import fixture", "# Import fixture, edited"), "pages"),
        ("a style sheet", replace(docs / "extra.css", "black", "navy"), "pages"),
        ("a stray file among the notes", write(notes / "picture.svg", "<svg/>"), "pages"),
        ("the stray file removed", delete(notes / "picture.svg"), "pages"),
        ("mkdocs.yml", replace(project / "mkdocs.yml", "site_name: Import fixture", "site_name: Fixture"), "full"),
        ("a section's title, shown in the navigation", replace(section, "title: Part one", "title: Part 1"), "full"),
    ]


def test_every_edit_leaves_the_site_a_full_build_would_make(project: Path) -> None:
    session = Session(project)
    for what, edit, expected in script(project):
        edit()
        outcome = session.update()
        assert outcome.kind == expected, f"{what}: {outcome}"
        session.check(what)
    session.check("all the edits, against mkdocs build in a new process", fresh=True)


def test_a_note_edit_builds_only_the_pages_that_show_it(project: Path) -> None:
    session = Session(project)
    replace(project / NOTES / "biding-time.md", "The maxim the essay", "The maxim this essay")()
    outcome = session.update()
    assert outcome.report is not None
    assert sorted(outcome.report.pages) == [
        "about.md",  # a hand-written page: rebuilt on every change
        "commentary/index.md",
        "commentary/wandering-earth-ii/biding-time.md",
        "commentary/wandering-earth-ii/index.md",
        "essays/wandering-earth-ii/chinas-global-strategy.md",
        "essays/wandering-earth-ii/print.md",
        "index.md",  # the home page lists the latest notes (("notes", "")); the revisions pages are not rebuilt
    ]
