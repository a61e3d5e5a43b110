"""New notes' file names: the tools name them as the build accepts names."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from edition.content.contributed.names import is_name
from edition.content.model import Essay
from edition.content.site import Site
from edition.features.commentary.scaffold import suggest_name
from edition.features.commentary.session import Commentary


@pytest.mark.parametrize(
    "text, taken, name",
    [
        ("How Zhao Lijian was \u201cshifted aside\u201d", set(), "how-zhao-lijian-was-shifted-aside"),
        ("Caf\u00e9 culture in Z\u00fcrich", set(), "cafe-culture-in-zurich"),
        ("\u5317\u4eac", set(), "note"),
        ("\u5317\u4eac", {"note"}, "note-2"),
        ('Q&A: "quoted"', set(), "q-a-quoted"),
    ],
)
def test_suggested_names_are_valid(text, taken, name):
    assert suggest_name(text, taken) == name and is_name(name)


@pytest.mark.parametrize(
    "pid, filename",
    [
        ("chinas-global-strategy-2", "chinas-global-strategy-2.md"),
        ("zh\u014du-2", "zhou-2.md"),
        ("\u5317\u4eac-3", "3.md"),
    ],
)
def test_the_propose_link_names_a_file_the_build_accepts(pid, filename):
    site = Site(essays={"e": Essay("e", "E", "A", "2024-01-01")}, root=Path("/r"), docs_dir=Path("/r/docs"))
    url = Commentary(site, "https://github.com/o/r", "edit/main/docs/").propose_url("e", pid)
    assert parse_qs(urlsplit(url).query)["filename"] == [filename]
