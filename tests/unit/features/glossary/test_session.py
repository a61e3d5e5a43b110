"""The glossary's build step: entry bodies rendered once, with their problems on the entry's own lines."""

from __future__ import annotations

import pytest

from edition.content.model import Term
from edition.content.site import Site
from edition.features.glossary.session import render_entries, taken_ids


def toc(*entries: tuple[str, str, list]) -> list[dict]:
    return [{"id": ident, "name": name, "children": toc(*children)} for ident, name, children in entries]


@pytest.mark.parametrize(
    "tokens, messages",
    [
        (toc(("history", "History", [])), []),
        (
            toc(("sources", "Sources", [])),
            ["body: the heading 'Sources' has the id 'sources', which the page's own section uses."],
        ),
        (
            toc(("history", "History", [("see-also", "See also", [])]), ("mentioned-in", "Mentioned in", [])),
            [
                "body: the heading 'See also' has the id 'see-also', which the page's own section uses.",
                "body: the heading 'Mentioned in' has the id 'mentioned-in', which the page's own section uses.",
            ],
        ),
        (
            toc(("__search", "__search", [])),
            ["body: the heading '__search' has the id '__search', which the theme uses."],
        ),
        (toc(("sources_1", "Sources", []), ("_x", "_x", [])), []),
    ],
    ids=["free", "sources", "nested and last", "theme", "near misses"],
)
def test_taken_ids(tokens, messages):
    found = taken_ids("docs/glossary/x.md", tokens)
    assert [p.message for p in found] == messages
    assert {p.hint for p in found} <= {"Rename the heading."}


def test_an_entry_body_problem_names_the_line_of_the_file():
    term = Term("x", "X", "An x.", "docs/glossary/x.md", body="Text.\n\n<b>raw</b>\n\n## Sources\n", body_line=7)
    _, problems = render_entries(Site(terms={"x": term}), {"permalink": True})
    assert [str(p) for p in problems] == [
        "docs/glossary/x.md: line 9: raw HTML '<b>' is shown as text. "
        "Write Markdown instead, or put the HTML between backticks to show it as code.",
        "docs/glossary/x.md: body: the heading 'Sources' has the id 'sources', which the page's own section uses. "
        "Rename the heading.",
    ]
