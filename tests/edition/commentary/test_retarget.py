"""Re-targeting a moved note edits only the paragraph value, byte for byte."""

from __future__ import annotations

import os

import pytest

from edition.commentary.retarget import retarget, retarget_file

NOTE = (
    "---\r\n"
    "title: 'paragraph: old-1 in a title'\r\n"
    "author: A   # a comment stays\r\n"
    "target:\r\n"
    "  paragraph:   {value}   # was here\r\n"
    "  quote: \u201cwords\u201d\r\n"
    "---\r\n\r\n"
    "The body mentions paragraph: old-1 too.\r\n"
)


@pytest.mark.parametrize("value", ["old-1", '"old-1"', "'old-1'"])
def test_only_the_value_changes(value):
    text = NOTE.format(value=value)
    assert retarget(text, "old-1", "new-7") == NOTE.format(value=value.replace("old-1", "new-7"))


def test_flow_style_target():
    text = "---\ntarget: {paragraph: old-1, quote: q}\n---\nbody\n"
    assert retarget(text, "old-1", "new-7") == "---\ntarget: {paragraph: new-7, quote: q}\n---\nbody\n"


@pytest.mark.parametrize("text", [
    "no front matter\nparagraph: old-1\n",
    "---\ntarget:\n  paragraph: old-10\n---\n",
    "---\na:\n  paragraph: old-1\nb:\n  paragraph: old-1\n---\n",
], ids=["no front matter", "prefix of another id", "twice"])
def test_refuses_when_not_exactly_one_value(text):
    assert retarget(text, "old-1", "new-7") is None


@pytest.mark.parametrize("kind", ["regular", "link", "too large", "fifo"])
def test_retarget_file_writes_only_a_note_the_build_would_read(tmp_path, kind):
    note = "---\ntarget:\n  paragraph: p-1\n---\n"
    path = tmp_path / "n.md"
    if kind == "regular":
        path.write_text(note)
    elif kind == "link":
        (tmp_path / "elsewhere.md").write_text(note)
        path.symlink_to(tmp_path / "elsewhere.md")
    elif kind == "too large":
        path.write_text(note + "x" * (100 * 1024))
    else:
        os.mkfifo(path)
    assert retarget_file(path, "p-1", "p-2") is (kind == "regular")
    if kind == "regular":
        assert path.read_text() == note.replace("p-1", "p-2")
    elif kind == "link":
        assert path.is_symlink() and (tmp_path / "elsewhere.md").read_text() == note
