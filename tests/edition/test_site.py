"""Where a page sits in the edition, read from its path."""

from __future__ import annotations

import pytest

from edition.site import essay_of_page


@pytest.mark.parametrize(
    "src_uri, slug",
    [
        ("essays/first/index.md", "first"),
        ("essays/first/middle-part.md", "first"),
        ("essays/first/print.md", "first"),
        ("essays/index.md", None),
        ("essays/first/deeper/page.md", None),
        ("glossary/first.md", None),
        ("commentary/first/note.md", None),
        ("index.md", None),
    ],
)
def test_essay_of_page(src_uri, slug):
    assert essay_of_page(src_uri) == slug
