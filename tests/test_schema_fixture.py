"""A fixture site with planted front matter of every kind YAML or the schemas refuse, built with every hook.

Its notes and entries that pass carry glossary links in every place a page
can show one (an essay's text, a note shown on the essay, the whole-essay
page, a note's page, entries, the glossary's index), so the same site proves
that every glossary link on every page previews its entry.
"""

from __future__ import annotations

import json

import pytest

from edition.content.site import load_site
from glossary_links import glossary_links
from test_commentary_fixture import copy, run_build, warnings

FIX = "Fix the lines between the two '---'."
FIX_NOTE = "Fix the lines between the two '---'; see CONTRIBUTING.md for an example."
NOT_VALID = "front matter is not valid YAML"
ALIAS = "aliases are not allowed: write the value out in full"
DEEP = "front matter nests values more than 6 levels deep"
SHAPES = "a field holds text, a list or 'key: value' lines"
ALLOWED = "allowed: title, summary, aliases, zh, see_also, sources, status."

EXPECTED = [
    # front matter that YAML cannot turn into values, or may not expand
    f"docs/glossary/bad-date.md: {NOT_VALID} (line 4): '2023-02-30' cannot be read as a date: "
    f"day is out of range for month. {FIX}",
    f"docs/glossary/bomb.md: front matter uses the YAML alias '*a' (line 5); {ALIAS}. {FIX}",
    f"docs/glossary/deep.md: {DEEP} (line 4); {SHAPES}. {FIX}",
    f"docs/commentary/e/bad-date.md: {NOT_VALID} (line 3): '2023-02-30' cannot be read as a date: "
    f"day is out of range for month. {FIX_NOTE}",
    f"docs/commentary/e/bad-int.md: {NOT_VALID} (line 4): 'abc' cannot be read as a whole number: "
    f"invalid literal for int() with base 10: 'abc'. {FIX_NOTE}",
    f"docs/commentary/e/bomb.md: front matter uses the YAML alias '*a' (line 6); {ALIAS}. {FIX_NOTE}",
    f"docs/commentary/e/deep.md: {DEEP} (line 8); {SHAPES}. {FIX_NOTE}",
    # the schemas: wrong types, unknown fields, bounded names, unsafe sources, dates to come
    "docs/glossary/list-title.md: 'title' must be text, not a list.",
    "docs/glossary/long-title.md: 'title' is 599 characters long; a name may be at most 100.",
    "docs/glossary/long-alias.md: 'aliases[1]' is 139 characters long; a name may be at most 100.",
    f"docs/glossary/template.md: 'template' is not a known field; {ALLOWED}",
    "docs/glossary/bad-source.md: 'sources[1].url' must be an address starting with http:// or https:// "
    "(got 'javascript:alert(1)').",
    "docs/glossary/wrong-types.md: 'aliases' must be a list of '- ...' lines, not 'key: value' lines.",
    "docs/glossary/wrong-types.md: 'zh' must be text, not a list.",
    "docs/glossary/wrong-types.md: 'see_also' must be a list of '- ...' lines, not a number.",
    "docs/glossary/wrong-types.md: 'status' is 'draft'; allowed: stub (or no 'status' line).",
    "docs/commentary/e/list-title.md: 'title' must be text, not a list.",
    "docs/commentary/e/future.md: 'date' 2999-01-01 is in the future; write the day the note was written.",
    # the linter
    "docs/glossary/hard-power.md: alias 'Power' is a common English word: every 'power' in the essays would link here. "
    "Use a more specific name (e.g. 'soft power', not 'power'); link the word by hand where it means this entry.",
]
REFUSED_ENTRIES = ["bad-date", "bomb", "deep", "list-title", "long-title"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = copy("schema-bad", tmp_path_factory.mktemp("schema"))
    result, site = run_build(project, strict=False)
    assert result.returncode == 0, result.stderr
    return project, result, site


def test_strict_build_fails_with_one_line_per_planted_problem(tmp_path):
    result, _ = run_build(copy("schema-bad", tmp_path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert sorted(warnings(result)) == sorted(EXPECTED)


def test_every_glossary_link_on_every_page_previews_its_entry(built):
    """Each link is marked for the reader's script; the preview data holds its entry's summary, fetched once."""
    project, _, site = built
    terms = load_site(project / "docs", project).terms
    previews = json.loads((site / "glossary" / "previews.json").read_text(encoding="utf-8"))
    assert {key: value["summary"] for key, value in previews.items()} == {
        f"glossary/{slug}/": term.summary for slug, term in terms.items()
    }
    links = list(glossary_links(site))
    wrong = [
        (page, slug, attrs)
        for page, slug, attrs in links
        if "glossary-link" not in (attrs.get("class") or "").split() or "title" in attrs
    ]
    assert wrong == []
    pages = {page for page, _, _ in links}
    assert {
        "essays/e/index.html",  # the essay's text, and the note shown under its paragraph
        "essays/e/part/index.html",
        "essays/e/print/index.html",  # the whole essay, its notes included
        "commentary/e/good/index.html",
        "glossary/index.html",
        "glossary/soft-power/index.html",  # an entry's body and its related entries
        "glossary/charm-offensive/index.html",
    } <= pages
    in_callout = [a for page, slug, a in links if page == "essays/e/index.html" and slug == "charm-offensive"]
    assert len(in_callout) == 2  # the essay's mention and the note's explicit link


def test_refused_entries_are_not_published_and_refused_values_not_shown(built):
    _, _, site = built
    published = {p.name for p in (site / "glossary").iterdir() if p.is_dir()}
    assert not published & set(REFUSED_ENTRIES)  # MkDocs would otherwise render their Markdown itself
    assert {"bad-source", "template", "wrong-types", "long-alias", "charm-offensive"} <= published
    source = (site / "glossary" / "bad-source" / "index.html").read_text(encoding="utf-8")
    assert "javascript:alert" not in source and 'href="https://example.org/real"' in source
    assert "An alias that goes on" not in (site / "glossary" / "long-alias" / "index.html").read_text(encoding="utf-8")


def test_a_byte_order_mark_is_accepted_in_a_note_and_an_entry(built):
    _, result, site = built
    assert not [line for line in warnings(result) if "bom.md" in line or "charm-offensive.md" in line]
    note = (site / "commentary/e/bom/index.html").read_text(encoding="utf-8")
    assert "A note that starts with a byte order mark" in note
    entry = (site / "glossary/charm-offensive/index.html").read_text(encoding="utf-8")
    assert "<h1>Charm offensive</h1>" in entry and "\ufeff" not in entry
