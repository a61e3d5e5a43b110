"""Re-targeting a moved note edits only the paragraph value, byte for byte."""

from __future__ import annotations

import pytest

from edition.commentary.retarget import retarget

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
