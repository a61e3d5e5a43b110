"""The whole-essay page."""

from __future__ import annotations

import pytest

from edition import frontmatter, print_view
from sample import sample_site


@pytest.mark.parametrize(
    "src, slug",
    [("essays/first/print.md", "first"), ("essays/first/index.md", None), ("print.md", None), ("essays/a/b/print.md", None)],
)
def test_essay_of(src, slug):
    assert print_view.essay_of(src) == slug


def test_whole_essay_has_every_paragraph_in_order_and_is_excluded_from_search():
    essay = sample_site().essays["first"]
    meta, body = frontmatter.split(print_view.whole_essay(essay))
    assert meta == {"title": "First *Essay* <b> (whole essay)", "essay": "first", "search": {"exclude": True}}
    order = ["{: #note-1 .publication-note }", "## Contents", "{: #opening-1 }", "## Middle part {: #middle-part }",
             "{: #middle-part-1 }", "## About the author", "{: #about-the-author-1 .author-bio }"]
    positions = [body.index(marker) for marker in order]
    assert positions == sorted(positions)
    assert "# First \\*Essay\\* &lt;b\\>" in body and "By A. Author · 1 March 2024 · 4 min read" in body
