"""The revision record: written and read back exactly, and a damaged one named."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from edition.content import revisions
from edition.content.revisions import Change, RecordError, Revision, Version

V = Version


def record(*changes: Change) -> list[Revision]:
    return [revisions.first("2024-03-03"), Revision(2, "2025-12-01", "A summary: with a colon", list(changes))]


@pytest.mark.parametrize(
    "change",
    [
        Change("edited", [V("a-1", "a", "Old words.")], [V("a-1", "a", "New words.")]),
        Change("added", [], [V("a-2", "a", "A new paragraph.")]),
        Change("removed", [V("a-3", "a", "Gone.")], [], after="a-2"),
        Change("moved", [V("a-4", "a", "Same.")], [V("a-4", "b", "Same.")]),
        Change("split", [V("a-5", "a", "One. Two.")], [V("a-5", "a", "One."), V("a-6", "a", "Two.")]),
        Change("joined", [V("a-7", "a", "One."), V("a-8", "a", "Two.")], [V("a-7", "a", "One. Two.")]),
    ],
    ids=lambda c: c.kind,
)
def test_every_kind_of_change_reads_back_as_written(change):
    written = revisions.dump("e", record(change))
    assert written.startswith(revisions.HEADER)
    assert revisions.parse(written) == record(change)


TEXTS = st.text(st.characters(blacklist_categories=("Cs",)), max_size=200)


@given(TEXTS, TEXTS)
def test_any_text_reads_back_as_written(old, summary):
    """Texts are the essay's words: quotes, colons, '#', 'yes', leading spaces, line breaks, any script."""
    written = record(Change("edited", [V("a-1", "a", old)], [V("a-1", "a", old + "!")]))
    written[1].summary = summary
    assert revisions.parse(revisions.dump("e", written)) == written


def test_no_record_is_no_revision(tmp_path):
    assert revisions.load(tmp_path / "revisions.yml") == []


@pytest.mark.parametrize(
    "make",
    [
        lambda path: path.symlink_to("/dev/zero"),  # read, it would never end
        lambda path: path.symlink_to(path.parent / "real.yml"),  # even to a record beside it
        lambda path: path.mkdir(),
    ],
    ids=["a link to /dev/zero", "a link to a record", "a folder"],
)
def test_a_record_that_is_not_a_regular_file_is_never_read(tmp_path, make):
    (tmp_path / "real.yml").write_text(revisions.dump("e", []), encoding="utf-8")
    make(tmp_path / "revisions.yml")
    with pytest.raises(RecordError) as raised:
        revisions.load(tmp_path / "revisions.yml")
    assert str(raised.value) == "is not a regular file; the importer writes the record as one"


def test_a_date_left_unquoted_by_a_hand_edit_is_read():
    text = "revisions:\n- revision: 1\n  date: 2024-03-03\n  summary: As first published\n"
    assert revisions.parse(text) == [revisions.first("2024-03-03")]


@pytest.mark.parametrize(
    "text, message",
    [
        ("revisions: [", "is not valid YAML (line 2): did not find expected node content"),
        ("- 1\n", "the file must be a mapping"),
        ("revisions: 3\n", "'revisions' must be a list"),
        ("revisions:\n- 3\n", "revision 1 must be a mapping"),
        ("revisions:\n- revision: one\n", "revision 1: 'revision' must be a whole number"),
        ("revisions:\n- revision: 1\n  date: [1]\n  summary: s\n", "revision 1: 'date' must be text"),
        ("revisions:\n- revision: 2\n  date: d\n  summary: s\n", "revisions must be numbered 1, 2, 3... in order"),
        (
            "revisions:\n- revision: 1\n  date: d\n  summary: s\n  changes:\n  - kind: rewritten\n",
            "revision 1, change 1: 'kind' must be one of edited, added, removed, moved, split, joined",
        ),
        (
            "revisions:\n- revision: 1\n  date: d\n  summary: s\n  changes:\n  - kind: added\n",
            "revision 1, change 1: a change needs 'old' or 'new' paragraphs",
        ),
        (
            "revisions:\n- revision: 1\n  date: d\n  summary: s\n  changes:\n  - kind: added\n    new:\n    - id: x\n",
            "revision 1, change 1, new: 'page' must be text",
        ),
    ],
)
def test_a_damaged_record_is_named(text, message):
    with pytest.raises(RecordError) as info:
        revisions.parse(text)
    assert str(info.value) == message
