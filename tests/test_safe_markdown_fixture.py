"""Fixture sites built with the real hooks: hostile note and entry bodies give exactly these messages.

Nothing a body chooses (an id, a class, another site's address) reaches a page.

The planted notes are in tests/fixtures/commentary-hostile (fence-attributes, network-paths,
stars, brackets, raw-html, attr-list), the planted entries in tests/fixtures/glossary-hostile.
"""

from __future__ import annotations

import re

from test_commentary_fixture import build, warnings

NOTES = "docs/commentary/e/"
RAW = "raw HTML '{}' is shown as text. Write Markdown instead, or put the HTML between backticks to show it as code."
NOTE_WARNINGS = [
    f"{NOTES}fence-attributes.md: line 11: the code fence's attribute block '{{ .md-header #opening-2 }}' is not "
    "allowed; it was ignored. Remove the braces and what is between them: a code block takes no id or class.",
    f"{NOTES}network-paths.md: body: image address '//tracker.example/p.gif' is not allowed (only relative addresses; "
    "'//' starts another site's address); it was replaced by its text. Use a picture from the site itself, by a "
    "relative address.",
    f"{NOTES}network-paths.md: body: link address '/\\tracker.example/p' is not allowed (only http, https, mailto or "
    "relative addresses; '//' starts another site's address); it was replaced by its text. "
    "Use an http(s), mailto or relative address.",
    f"{NOTES}stars.md: body: nests emphasis ('*' or '_') 1,001 deep; at most 64 are allowed. "
    "Use fewer levels of '*', '_', '>' or lists.",
    f"{NOTES}brackets.md: body: nests brackets 400 deep; at most 32 are allowed. Close each '[' with ']', or write "
    "'\\[' for a bracket.",
    f"{NOTES}raw-html.md: line 11: " + RAW.format("<script>"),
    f"{NOTES}raw-html.md: line 13: " + RAW.format("<img src=x onerror=alert(1)>"),
    f"{NOTES}raw-html.md: line 15: " + RAW.format('<iframe src="javascript:alert(1)">'),
    f"{NOTES}attr-list.md: line 14: " + RAW.format('<div markdown="1" onclick="alert(1)">'),
]
PLANTED = ("fence-attributes", "network-paths", "stars", "brackets", "raw-html", "attr-list")


def test_hostile_note_bodies_are_reported_by_name_and_line(tmp_path):
    result, site = build("commentary-hostile", tmp_path, strict=False)
    assert result.returncode == 0, result.stderr
    assert sorted(
        line for line in warnings(result) if line.startswith(tuple(f"{NOTES}{n}.md" for n in PLANTED))
    ) == sorted(NOTE_WARNINGS)
    essay = (site / "essays" / "e" / "index.html").read_text()
    assert (
        "md-header" not in essay.split('<div class="md-content"')[1].split("</article>")[0]
    )  # not in the essay's text
    assert len(re.findall(r'\bid="opening-2"', essay)) == 1  # the paragraph's own, once
    assert "<pre><code>class and id\n</code></pre>" in essay
    for page in site.rglob("*.html"):
        assert "tracker.example" not in page.read_text().replace("'//tracker.example/p.gif'", ""), page
    assert "This text is not shown: it nests brackets 400 deep; at most 32 are allowed." in essay


ENTRIES = "docs/glossary/"
ENTRY_WARNINGS = [
    f"{ENTRIES}soft-power.md: line 9: " + RAW.format('<span onclick="alert(1)">'),
    f"{ENTRIES}soft-power.md: line 13: the code fence's attribute block '{{ .md-header #opening-1 }}' is not allowed; "
    "it was ignored. "
    "Remove the braces and what is between them: a code block takes no id or class.",
    f"{ENTRIES}soft-power.md: body: image address '//tracker.example/p.gif' is not allowed (only relative addresses; "
    "'//' starts another site's address); it was replaced by its text. Use a picture from the site itself, by a "
    "relative address.",
    f"{ENTRIES}soft-power.md: body: the heading 'Sources' has the id 'sources', which the page's own section uses. "
    "Rename the heading.",
    f"{ENTRIES}depth.md: body: nests quotes and lists 20 deep; at most 16 are allowed. Use fewer '>' and list levels.",
]


def test_hostile_entry_bodies_fail_the_strict_build_with_these_messages(tmp_path):
    result, site = build("glossary-hostile", tmp_path)
    assert result.returncode == 1
    assert sorted(warnings(result)) == sorted(ENTRY_WARNINGS)
    result, site = build("glossary-hostile", tmp_path / "lenient", strict=False)
    page = (site / "glossary" / "soft-power" / "index.html").read_text()
    body = page.split('<div class="md-content"')[1].split("</article>")[0]
    assert "md-header" not in body and 'id="opening-1"' not in body and "tracker.example" not in page
    assert "<pre><code>code\n</code></pre>" in body and '&lt;span onclick="alert(1)"&gt;Raw&lt;/span&gt;' in body
