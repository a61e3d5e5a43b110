"""Re-targeting a moved note edits only the value of target.paragraph, byte for byte."""

from __future__ import annotations

import os

import pytest

from edition.features.commentary.retarget import retarget, retarget_file

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


@pytest.mark.parametrize(
    "before, after",
    [
        (
            "---\ntitle: 'paragraph: old-1, revisited'\ntarget:\n  \"paragraph\": old-1\n---\nb\n",
            "---\ntitle: 'paragraph: old-1, revisited'\ntarget:\n  \"paragraph\": new-7\n---\nb\n",
        ),
        (
            "---\n# moved from paragraph: old-1\ntarget:\n  paragraph:\n    old-1\n---\n",
            "---\n# moved from paragraph: old-1\ntarget:\n  paragraph:\n    new-7\n---\n",
        ),
        (
            "---\ntarget: {paragraph: old-1, quote: b}\n---\nbody\n",
            "---\ntarget: {paragraph: new-7, quote: b}\n---\nbody\n",
        ),
        (
            "---\ntarget: {quote: 'paragraph: old-1', paragraph: \"old-1\"}\n---\n",
            "---\ntarget: {quote: 'paragraph: old-1', paragraph: \"new-7\"}\n---\n",
        ),
        (
            "---\r\ntarget:\r\n  quote: q # paragraph: old-1\r\n  paragraph: 'old-1'\r\n---\r\n",
            "---\r\ntarget:\r\n  quote: q # paragraph: old-1\r\n  paragraph: 'new-7'\r\n---\r\n",
        ),
        (
            "---\nsee:\n  paragraph: old-1\ntarget:\n  paragraph: old-1\n---\n",
            "---\nsee:\n  paragraph: old-1\ntarget:\n  paragraph: new-7\n---\n",
        ),
        ("---\ntarget:\n  paragraph: &p old-1\n---\n", "---\ntarget:\n  paragraph: &p new-7\n---\n"),
        ("\ufeff---\ntarget:\n  paragraph: old-1\n---\n", "\ufeff---\ntarget:\n  paragraph: new-7\n---\n"),
    ],
    ids=[
        "title and quoted key",
        "comment and value on the next line",
        "flow style",
        "flow style, quote mentions it",
        "CRLF and a comment",
        "another mapping's paragraph",
        "an anchor on the value",
        "a byte order mark, kept",
    ],
)
def test_the_parsed_value_is_edited_and_nothing_else(before, after):
    assert retarget(before, "old-1", "new-7") == after


def test_a_plain_value_that_would_not_read_back_as_text_is_quoted():
    changed = retarget("---\ntarget: {paragraph: old-1}\n---\n", "old-1", "2024-03-01")
    assert changed == '---\ntarget: {paragraph: "2024-03-01"}\n---\n'


@pytest.mark.parametrize(
    "text",
    [
        "no front matter\nparagraph: old-1\n",
        "---\ntarget:\n  paragraph: old-10\n---\n",
        "---\na:\n  paragraph: old-1\nb:\n  paragraph: old-1\n---\n",
        "---\ntarget:\n  paragraph: old-1\ntarget:\n  paragraph: old-1\n---\n",
        "---\ntarget:\n  paragraph: old-1\n  paragraph: old-1\n---\n",
        "---\nx: &a old-1\ntarget:\n  paragraph: *a\n---\n",
        "---\ntarget: [paragraph, old-1]\n---\n",
        "---\ntarget:\n  paragraph: |\n    old-1\n---\n",
        "---\ntitle: [unclosed\ntarget:\n  paragraph: old-1\n---\n",
        "---\n---\nparagraph: old-1\n",
    ],
    ids=[
        "no front matter",
        "prefix of another id",
        "no target",
        "target twice",
        "paragraph twice",
        "alias to another value",
        "target not a mapping",
        "block scalar",
        "invalid YAML",
        "empty front matter",
    ],
)
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
