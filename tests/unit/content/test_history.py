"""An essay's history: any revision's text, where every old id leads, what each page published."""

from __future__ import annotations

import pytest

from edition.content.history import History
from edition.content.model import Essay, Paragraph, Section
from edition.content.revisions import Change, Revision, Version, first
from edition.content.site import load_site

V = Version


def essay() -> Essay:
    """Revision 4 of an essay whose revisions do one of everything (see REVISIONS)."""
    current = {
        "index": [("opening-1", "The opening, edited."), ("opening-3", "Two halves, one. Two halves, two.")],
        "later": [("later-1", "Moved here."), ("later-2", "First half."), ("later-4", "Second half.")],
    }
    sections = [
        Section("", slug, [Paragraph(pid, text, f"essays/e/{slug}.md") for pid, text in paragraphs])
        for slug, paragraphs in current.items()
    ]
    return Essay("e", "E", "A", "2024-03-03", sections, revisions=REVISIONS)


REVISIONS = [
    first("2024-03-03"),
    Revision(
        2,
        "2025-01-01",
        "Edit, join, remove",
        [
            Change(
                "edited", [V("opening-1", "index", "The opening.")], [V("opening-1", "index", "The opening, edited.")]
            ),
            Change(
                "joined",
                [V("opening-2", "index", "Two halves, one."), V("opening-3", "index", "Two halves, two.")],
                [V("opening-3", "index", "Two halves, one. Two halves, two.")],
            ),
            Change("removed", [V("later-3", "later", "Cut.")], [], after="later-2"),
        ],
    ),
    Revision(
        3,
        "2025-02-01",
        "Move and split",
        [
            Change("moved", [V("later-1", "gone", "Moved here.")], [V("later-1", "later", "Moved here.")]),
            Change(
                "split",
                [V("later-2", "later", "First half. Second half.")],
                [V("later-2", "later", "First half."), V("later-4", "later", "Second half.")],
            ),
        ],
    ),
    Revision(
        4,
        "2025-03-01",
        "Join then remove",
        [Change("removed", [V("later-5", "later", "Added, then cut.")], [], after="")],
    ),
]


def test_texts_at_replays_each_revision_backwards():
    history = History(essay())
    assert history.number == 4
    assert {pid: v.text for pid, v in history.texts_at(1).items()} == {
        "opening-1": "The opening.",
        "opening-2": "Two halves, one.",
        "opening-3": "Two halves, two.",
        "later-1": "Moved here.",
        "later-2": "First half. Second half.",
        "later-3": "Cut.",
        "later-5": "Added, then cut.",  # a paragraph no revision shows as added predates the record's changes
    }
    assert history.texts_at(2)["later-1"].page == "gone"
    assert "opening-2" not in history.texts_at(2) and "later-4" not in history.texts_at(2)
    assert history.texts_at(4) is history.current


@pytest.mark.parametrize(
    "pid, lands_on, page, removed_in, retired_in",
    [
        ("opening-1", "opening-1", "index", None, None),  # edited: its own id
        ("opening-2", "opening-3", "index", None, 2),  # joined into the next one
        ("later-3", "later-3", "later", 2, 2),  # removed: its notice
        ("later-1", "later-1", "later", None, None),  # moved: its own id, on its new page
        ("later-5", "later-5", "later", 4, 4),
        ("never", None, None, None, None),
    ],
)
def test_every_id_ever_published_leads_somewhere(pid, lands_on, page, removed_in, retired_in):
    landing = History(essay()).landing(pid)
    if lands_on is None:
        assert landing is None
        return
    assert landing is not None
    assert (landing.id, landing.page) == (lands_on, page)
    assert (landing.removal.revision.number if landing.removal else None) == removed_in
    assert (landing.retired_in.number if landing.retired_in else None) == retired_in


def test_a_retired_id_leads_to_the_piece_that_shares_its_words():
    """Joined into a paragraph that a later revision split: the piece holding its words, not the first one."""
    base = essay()
    base.revisions = [
        first("2024-03-03"),
        Revision(
            2,
            "d",
            "join",
            [
                Change(
                    "joined",
                    [V("a-1", "x", "Cats purr."), V("a-2", "x", "Dogs bark.")],
                    [V("a-2", "x", "Cats purr. Dogs bark.")],
                )
            ],
        ),
        Revision(
            3,
            "d",
            "split",
            [
                Change(
                    "split",
                    [V("a-2", "x", "Cats purr. Dogs bark.")],
                    [V("a-3", "x", "Cats purr."), V("a-2", "x", "Dogs bark.")],
                )
            ],
        ),
    ]
    base.sections = [
        Section(
            "", "x", [Paragraph("a-3", "Cats purr.", "essays/e/x.md"), Paragraph("a-2", "Dogs bark.", "essays/e/x.md")]
        )
    ]
    landing = History(base).landing("a-1")
    assert landing is not None and landing.id == "a-3"


def test_descendants_follow_every_later_change():
    history = History(essay())
    assert history.descendants("later-2", 1) == ["later-2", "later-4"]
    assert history.descendants("opening-2", 1) == ["opening-3"]
    assert history.descendants("later-3", 1) == []
    assert history.descendants("later-2", 3) == ["later-2"]


def test_changed_after_names_the_first_revision_that_touched_a_paragraph():
    history = History(essay())
    assert [history.changed_after(pid, 1).number for pid in ("opening-1", "later-2", "later-5")] == [2, 3, 4]
    assert history.changed_after("later-1", 3) is None


def test_published_lists_every_id_each_page_ever_had():
    history = History(essay())
    assert history.published == {
        "index": {"opening-1", "opening-2", "opening-3"},
        "later": {"later-1", "later-2", "later-3", "later-4", "later-5"},
        "gone": {"later-1"},
    }
    assert [r.version.id for r in history.removals()] == ["later-3", "later-5"]


def test_an_essay_without_a_record_is_at_revision_one():
    plain = essay()
    plain.revisions = []
    history = History(plain)
    assert (plain.revision, history.number, history.revisions[0].date) == (1, 1, "2024-03-03")
    assert history.landing("later-3") is None


def test_a_damaged_record_is_a_problem_naming_it(tmp_path):
    folder = tmp_path / "docs" / "essays" / "e"
    folder.mkdir(parents=True)
    (folder / "index.md").write_text("---\ntitle: E\n---\n\n# E\n\nText.\n{: #opening-1 }\n", encoding="utf-8")
    (folder / "revisions.yml").write_text("revisions: 3\n", encoding="utf-8")
    site = load_site(tmp_path / "docs", tmp_path)
    assert [str(p) for p in site.problems] == [
        "docs/essays/e/revisions.yml: 'revisions' must be a list. Restore it from git: the revisions page and the "
        "addresses of old paragraphs are built from it."
    ]
    assert site.essays["e"].revision == 1
