"""Page descriptions."""

from __future__ import annotations

import pytest

from edition.features.reading import seo
from sample import sample_site


@pytest.mark.parametrize(
    "src, expected",
    [
        ("essays/first/index.md", "It begins here."),
        ("essays/first/print.md", "It begins here."),
        ("essays/first/middle-part.md", "The middle, with soft power."),
        ("essays/first/revisions.md", "Revisions of First *Essay* <b>: as first published."),
        ("essays/missing/revisions.md", None),
        ("essays/missing/index.md", None),
        ("glossary/soft-power.md", "Influence by attraction."),
        ("glossary/index.md", seo.GLOSSARY_INDEX_DESCRIPTION),
        ("glossary/nothing.md", None),
        ("commentary/first/new.md", "New [note] <i>: a question note by Ed on First *Essay* <b>."),
        ("commentary/index.md", seo.COMMENTARY_INDEX_DESCRIPTION),
        ("commentary/first/index.md", seo.COMMENTARY_INDEX_DESCRIPTION),
        ("index.md", None),
    ],
)
def test_description(src, expected):
    assert seo.description(src, sample_site()) == expected


def test_long_text_is_cut_to_what_a_search_result_shows():
    site = sample_site()
    site.terms["soft-power"].summary = "word " * 60
    text = seo.description("glossary/soft-power.md", site)
    assert len(text) <= seo.LIMIT and text.endswith("\u2026")
