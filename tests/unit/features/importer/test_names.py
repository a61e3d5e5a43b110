"""The importer names an essay's folder as the build accepts names (its notes' folder has the same name)."""

from __future__ import annotations

import pytest

from edition.features.importer.parse import SourceError
from edition.features.importer.run import import_essay


@pytest.mark.parametrize(
    "slug, suggestion",
    [("Bad Slug", "bad-slug"), ("caf\u00e9", "cafe"), ("\u5317\u4eac", "essay"), ("two--hyphens", "two-hyphens")],
)
def test_a_slug_the_build_would_refuse_is_refused(repo, seed_copy, slug, suggestion):
    with pytest.raises(SourceError) as caught:
        import_essay(seed_copy, repo, slug=slug, dry_run=True)
    assert str(caught.value) == f"--slug {slug!r} must be lower case words joined by hyphens (e.g. {suggestion!r})"


def test_the_default_slug_is_the_source_name_folded_to_ascii(repo, seed_copy):
    source = seed_copy.with_name("Caf\u00e9 Essay.txt")
    seed_copy.rename(source)
    assert import_essay(source, repo, dry_run=True).slug == "cafe-essay"
