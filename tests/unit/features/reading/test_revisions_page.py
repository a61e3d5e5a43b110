"""The revisions page and a removed paragraph's notice: every word from the record is escaped."""

from __future__ import annotations

import re

from edition.addresses import essay_page, linker, revisions_page
from edition.content.history import History
from edition.content.model import Essay, Paragraph, Section
from edition.content.revisions import Change, Revision, Version, first
from edition.features.reading.permalinks import add_permalinks
from edition.features.reading.revisions import revisions_html, summary_line

HOSTILE = '<script>alert("x")</script> & <img src=x onerror=alert(1)>'
URLS = {essay_page("e"): "essays/e/", essay_page("e", "s"): "essays/e/s/", revisions_page("e"): "essays/e/revisions/"}


def history(revisions: list[Revision]) -> History:
    paragraphs = [Paragraph("s-1", "Kept words.", "essays/e/s.md")]
    essay = Essay("e", f"Title {HOSTILE}", "A", "2024-03-03", [Section("S", "s", paragraphs)], revisions=revisions)
    return History(essay)


REVISED = [
    first("2024-03-03"),
    Revision(
        2,
        "2025-12-01",
        f"Summary {HOSTILE}",
        [
            Change("edited", [Version("s-1", "s", f"Kept {HOSTILE}.")], [Version("s-1", "s", "Kept words.")]),
            Change("removed", [Version("s-2", "s", f"Cut {HOSTILE}.")], [], after="s-1"),
        ],
    ),
]


def test_an_essay_never_revised_says_so_with_no_list():
    page = revisions_html(history([]), linker(URLS, "essays/e/revisions/"))
    assert summary_line(history([])) == "As first published"
    opening = r'<p class="revision-first"><a href="\.\./">Title &lt;script&gt;.*</a> is as first published'
    assert re.search(opening, page)
    assert "<ol" not in page and "<ul" not in page and "revision-change" not in page


def test_every_word_of_the_record_is_escaped_on_the_revisions_page():
    page = revisions_html(history(REVISED), linker(URLS, "essays/e/revisions/"))
    assert summary_line(history(REVISED)) == "Revised once; last on 1 December 2025"
    assert "<script" not in page and "<img" not in page and "&lt;script&gt;" in page
    assert page.count("<del>") >= 2 and "<ins>" in page


def test_every_word_of_a_removed_paragraph_is_escaped_in_its_notice():
    body = '<h1>S</h1>\n<p id="s-1">Kept words.</p>\n'
    page = add_permalinks(body, history(REVISED), "s", linker(URLS, "essays/e/s/"), {})
    notice = re.search(r'<details class="revision-notice" id="s-2">.*</details>', page, re.S)
    assert notice and page.index('id="s-1"') < notice.start()
    assert "<script" not in notice.group() and "Cut &lt;script&gt;alert(&quot;x&quot;)" in notice.group()
