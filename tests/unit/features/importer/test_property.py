"""Property: on any text, the importer either imports it or refuses cleanly, and loses no word."""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from edition.content import essay_pages
from edition.content.markup import plain_text
from edition.features.importer.parse import SourceError, parse
from edition.features.importer.run import build_essay
from edition.features.importer.state import ImportState

WORD = re.compile(r"\w+")
line = st.one_of(
    st.text(
        alphabet=st.characters(
            blacklist_categories=("Cs",), blacklist_characters="\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
        ),
        max_size=80,
    ),
    st.sampled_from(
        [
            "",
            " ",
            "Heading",
            "A short title",
            "Jane Doe",
            "March 3 2021",
            "Note: hello.",
            "[a term](#) here.",
            "lower start",
            "# hash",
            "1. item",
            "*em*",
        ]
    ),
)
document = st.lists(line, min_size=0, max_size=30).map("\n".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=document)
def test_never_crashes_and_never_loses_words(tmp_path, text):
    (tmp_path / "docs").mkdir(exist_ok=True)
    try:
        parse(text)
    except SourceError:
        return  # a clean refusal is fine
    essay, published, _, _, _ = build_essay(text, "e", "sources/e.txt", tmp_path, ImportState(), {})
    pages = essay_pages.render(essay, published)
    rendered = " ".join(plain_text(p) for p in pages.values())  # plain_text reads Markdown escapes as the words
    missing = Counter(WORD.findall(plain_text(text))) - Counter(WORD.findall(rendered))
    assert not missing, missing
    ids = [p.id for p in essay.paragraphs()]
    assert len(ids) == len(set(ids))
