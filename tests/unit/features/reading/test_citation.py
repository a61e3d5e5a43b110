"""The citation tags of an essay's pages: Highwire Press tags from the model, and this edition's revision."""

from __future__ import annotations

import pytest

from edition.content.model import Essay
from edition.content.revisions import Revision, first
from edition.features.reading.citation import meta_tags

URL = "https://example.org/essays/e/"


@pytest.mark.parametrize(
    ("publication", "url", "language", "expected"),
    [
        (
            "Australian Outlook",
            URL,
            "en",
            [
                ("citation_title", "T & <i>"),
                ("citation_author", "A. Writer"),
                ("citation_publication_date", "2023/02/24"),
                ("citation_journal_title", "Australian Outlook"),
                ("citation_language", "en"),
                ("citation_public_url", URL),
                ("edition-revision", "1"),  # never revised: the text as first published
                ("edition-revision-date", "2023-02-24"),
                ("edition-site-url", "https://example.org/"),
            ],
        ),
        (
            "",  # no publication known: no tag, rather than an empty one
            "",  # no site_url: no address
            "",
            [
                ("citation_title", "T & <i>"),
                ("citation_author", "A. Writer"),
                ("citation_publication_date", "2023/02/24"),
                ("edition-revision", "1"),
                ("edition-revision-date", "2023-02-24"),
            ],
        ),
    ],
)
def test_an_essay_page_carries_what_zotero_reads(publication, url, language, expected):
    essay = Essay("e", "T & <i>", "A. Writer", "2023-02-24", publication=publication)
    assert meta_tags(essay, url, language, "https://example.org/" if url else "") == expected


def test_a_revised_essay_is_cited_at_its_last_revision_and_that_revision_s_date():
    essay = Essay("e", "T", "A", "2023-02-24", revisions=[first("2023-02-24"), Revision(2, "2024-05-01", "Fixed")])
    tags = dict(meta_tags(essay, URL, "en"))
    assert (tags["edition-revision"], tags["edition-revision-date"]) == ("2", "2024-05-01")
