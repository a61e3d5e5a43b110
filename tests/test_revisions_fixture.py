"""The living edition on a fixture essay that goes through four revisions (``tests/revisions_walk.py``).

Revision 2 fixes a word in a paragraph that has a correction note, 3
inserts a paragraph, 4 removes a paragraph that has a note, 5 splits a
paragraph in two. The tests read what each re-import and each strict build
printed, the state each note is shown in, the revisions page, the old
addresses, the export, and the link check's view of old ids.
"""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser

import pytest

from revisions_walk import DAY, NOTES, SLUG, Walk, script, walk
from support import ROOT
from test_commentary_fixture import run_build, warnings

RESOLVE = f"python scripts/reanchor.py --resolve {NOTES}/slipery-misprint.md"
CHANGED_INFO = (
    f"INFO    -  commentary: {NOTES}/slipery-misprint.md: the passage changed in revision 2; the note, written "
    "against revision 1, is shown beside 'upstream-1' with the words it quoted. "
    f"If revision 2 applied the correction, run: {RESOLVE}"
)
MOVED_WARNING = (
    f"{NOTES}/fences-in-the-water.md: target quote 'left their fences standing in the water' is not in paragraph "
    "'downstream-2'; it appears in 'downstream-4'. Run: python scripts/reanchor.py --write"
)


@pytest.fixture(scope="module")
def walked(tmp_path_factory) -> Walk:
    return walk(tmp_path_factory.mktemp("revisions"))


def tail(output: str) -> list[str]:
    """What an import printed from its ids on (its pages and files are the importer's older report)."""
    lines = output.splitlines()
    start = next(n for n, line in enumerate(lines) if line.startswith("  ids:"))
    return [line for line in lines[start:] if not line.startswith(("  glossary links:", "  repairs:"))]


REIMPORTS = {
    1: [
        "  ids: 0 kept, 7 new, 0 retired",
        f"  revision 1 recorded in docs/essays/{SLUG}/revisions.yml: as first published",
    ],
    2: [
        "  ids: 7 kept, 0 new, 0 retired",
        f"  revision 2 recorded in docs/essays/{SLUG}/revisions.yml: 1 change",
        "    edited: upstream-1",
        "  notes affected: 1",
        "    correction applied (if the revision applied it, run: python scripts/reanchor.py --resolve NOTE):",
        f"      {NOTES}/slipery-misprint.md: '…stepping stones, which the current has worn smooth and slipery over "
        "a century of floods.' in 'upstream-1'; the new words: 'worn smooth and slippery'",
    ],
    3: [
        "  ids: 7 kept, 1 new, 0 retired",
        f"  revision 3 recorded in docs/essays/{SLUG}/revisions.yml: 1 change",
        "    added: downstream-3",
    ],
    4: [
        "  ids: 7 kept, 0 new, 1 retired",
        f"  revision 4 recorded in docs/essays/{SLUG}/revisions.yml: 1 change",
        "    removed: upstream-2",
        "  notes affected: 1",
        '    paragraph removed (nothing to run: the note keeps its page and is listed under "Earlier text"):',
        f"      {NOTES}/forty-years-of-ledgers.md: on 'upstream-2'",
    ],
    5: [
        "  ids: 7 kept, 1 new, 0 retired",
        f"  revision 5 recorded in docs/essays/{SLUG}/revisions.yml: 1 change",
        "    split: downstream-2 -> downstream-2, downstream-4",
        "  notes affected: 1",
        "    moved quote (run: python scripts/reanchor.py --write):",
        f"      {NOTES}/fences-in-the-water.md: 'downstream-2' -> 'downstream-4'",
    ],
}


@pytest.mark.parametrize("version", REIMPORTS)
def test_each_import_prints_its_revision_and_the_notes_it_affects(walked, version):
    assert tail(walked.imports[version]) == REIMPORTS[version]


def commentary_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if "commentary:" in line or line.startswith("WARNING")]


BUILDS = {
    1: (0, []),
    2: (0, [CHANGED_INFO]),
    3: (0, [CHANGED_INFO]),
    4: (0, [CHANGED_INFO]),
    5: (1, [f"WARNING -  commentary: {MOVED_WARNING}", CHANGED_INFO]),
}


@pytest.mark.parametrize("version", BUILDS)
def test_each_strict_build_fails_only_on_the_moved_quote(walked, version):
    """A changed passage is a line of advice, not a failure; the moved quote fails the build as it always has."""
    status, lines = BUILDS[version]
    result = walked.builds[version]
    assert (result.returncode, commentary_lines(result)) == (status, lines), result.stderr


def test_the_proposed_commands_leave_a_build_with_nothing_to_report(walked):
    write, resolve = walked.reanchor
    assert write.returncode == 0 and write.stderr == ""
    assert write.stdout.splitlines() == [
        f"changed   {CHANGED_INFO.split('commentary: ', 1)[1]}",
        f"removed   {NOTES}/forty-years-of-ledgers.md: its paragraph 'upstream-2' was removed in revision 4; "
        "the note keeps its page, with the passage as it read",
        f"updated   {NOTES}/fences-in-the-water.md: downstream-2 -> downstream-4",
        f"anchored  {NOTES}/a-dry-decade.md -> downstream-2",
        f"anchored  {NOTES}/the-notebook.md -> opening-1",
    ]
    assert (resolve.returncode, resolve.stdout) == (
        0,
        f"resolved  {NOTES}/slipery-misprint.md: applied in revision 2\n",
    )
    note = (walked.project / NOTES / "slipery-misprint.md").read_text(encoding="utf-8")
    assert note.endswith(
        "---\n\nThe printed essay spells the word with one “p”. The author's manuscript has “slippery”.\n"
    )
    assert '  quote: "worn smooth and slipery"\nstatus: resolved\nresolved_in: 2\n---\n' in note
    assert walked.final is not None and walked.final.returncode == 0, walked.final.stderr
    assert warnings(walked.final) == [] and commentary_lines(walked.final) == []


def page(walked: Walk, path: str) -> str:
    return (walked.site / path).read_text(encoding="utf-8")


def callout(html: str, name: str) -> str:
    match = re.search(rf'<details class="note-callout[^"]*" id="note--{name}".*?</details>', html, re.S)
    assert match, name
    return match.group()


def test_a_correction_is_shown_changed_then_applied_with_the_original_wording(walked):
    changed = callout(walked.pages[2]["essays/river-notebook/upstream/index.html"], "slipery-misprint")
    assert 'data-state="resolved"' not in changed
    assert (
        '<p class="note-revised" data-state="changed">The passage has changed since this note was written (revision '
        "1); it read: &ldquo;&hellip;stepping stones, which the current has worn smooth and slipery over a century of "
        "floods.&rdquo;. It "
        'changed in <a href="../revisions/#revision--2">revision 2</a>, on 1 December 2025.</p>'
    ) in changed
    applied = callout(page(walked, "essays/river-notebook/upstream/index.html"), "slipery-misprint")
    assert 'data-state="resolved"' in applied and "<details " in applied and " open" not in applied.split(">")[0]
    assert '<span class="note-state">Applied in revision 2</span></summary>' in applied
    assert (
        '<p class="note-revised" data-state="resolved">Applied in <a href="../revisions/#revision--2">revision 2</a>, '
        "on 1 December 2025. The passage read: &ldquo;&hellip;stepping stones, which the current has worn smooth and "
        "slipery over a century of floods.&rdquo;.</p>"
    ) in applied


def test_the_new_words_are_highlighted_only_where_the_record_maps_the_quote(walked):
    for html in (
        walked.pages[2]["essays/river-notebook/upstream/index.html"],
        page(walked, "essays/river-notebook/upstream/index.html"),
    ):
        assert (
            '<mark class="note-quote" id="quote--slipery-misprint" aria-details="note--slipery-misprint" '
            'data-kind="correction">'
            "worn smooth and slippery</mark>"
        ) in html


def test_the_note_on_a_removed_paragraph_keeps_its_page_with_its_passage(walked):
    note = page(walked, "commentary/river-notebook/forty-years-of-ledgers/index.html")
    assert '<blockquote class="note-passage"><p>kept records for forty years</p>' in note
    assert (
        '<a href="../../../essays/river-notebook/revisions/#earlier--text">The River Notebook: a paragraph removed in '
        "revision 4</a>"
    ) in note
    assert (
        '<p class="note-revised" data-state="removed">The paragraph this note discusses was removed in '
        '<a href="../../../essays/river-notebook/revisions/#revision--4">revision 4</a>, on 1 December 2025; it read: '
        "&ldquo;The miller kept records for forty years. His ledgers name every flood and every drought, and the "
        "price of flour in each of them.&rdquo;</p>"
    ) in note
    essay_index = page(walked, "commentary/river-notebook/index.html")
    assert '<h2 id="earlier-text">Notes on earlier text</h2>' in essay_index
    assert "note-item-removed" in essay_index and "Orphaned notes" not in essay_index
    assert (
        '<p class="note-removed-count">1 note discusses a paragraph that a revision removed from its essay; each is '
        "listed under &ldquo;Notes on earlier text&rdquo; on its essay's commentary page.</p>"
    ) in page(walked, "commentary/index.html")


def test_the_other_notes_stand_on_the_current_text(walked):
    downstream = page(walked, "essays/river-notebook/downstream/index.html")
    assert (
        'id="quote--fences-in-the-water" aria-details="note--fences-in-the-water" data-kind="context">left their fences'
    ) in downstream
    assert re.search(r'<p id="downstream-4">[^<]*<mark class="note-quote" id="quote--fences-in-the-water"', downstream)
    assert re.search(r'<p id="downstream-2">[^<]*<mark class="note-quote" id="quote--a-dry-decade"', downstream)
    for name in ("fences-in-the-water", "a-dry-decade"):
        assert "note-revised" not in callout(downstream, name)


def test_the_revisions_page_shows_every_change_newest_first(walked):
    html = page(walked, "essays/river-notebook/revisions/index.html")
    order = [int(n) for n in re.findall(r'<h2 id="revision--(\d)">', html)]
    assert order == [5, 4, 3, 2, 1]
    assert "<p>Revised 4 times; last on 1 December 2025: every change to the text of" in html
    assert '<p class="revision-summary">Correct the misprint &#x27;slipery&#x27;</p>' in html
    assert (
        "which the current has worn smooth and "
        '<del><span class="diff-label">removed: </span>slipery</del>'
        '<ins><span class="diff-label">added: </span>slippery</ins> over a century of floods.'
    ) in html
    kinds = re.findall(
        r'<li class="revision-change" data-kind="(\w+)"><p class="revision-change-head"><strong>(\w+)', html
    )
    assert kinds == [("split", "Split"), ("removed", "Removed"), ("added", "Added"), ("edited", "Edited")]
    assert '<a href="../upstream/#upstream-2">¶ upstream-2 in &ldquo;Upstream&rdquo; (since removed)</a>' in html
    assert '<a href="../downstream/#downstream-4">¶ downstream-4 in &ldquo;Downstream&rdquo;</a>' in html
    assert 'came back. <ins><span class="diff-label">added: </span>¶ </ins>Nobody drains' in html  # the cut
    assert '<h2 id="earlier--text">Earlier text</h2>' in html and "forty-years-of-ledgers/" in html
    opening = page(walked, "essays/river-notebook/index.html")
    assert f'<a href="revisions/">Revised 4 times; last on {DAY}</a>' in opening


class Ids(HTMLParser):
    """Every id of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.ids += [value for name, value in attrs if name == "id" and value]


def ids_of(html: str) -> list[str]:
    parser = Ids()
    parser.feed(html)
    return parser.ids


def test_every_address_any_revision_published_has_its_id_on_its_page(walked):
    """The browser test follows them; here every one is at least there, once, on the page it was published on."""
    pages = {"index": "essays/river-notebook/index.html"}
    whole = ids_of(page(walked, "essays/river-notebook/print/index.html"))
    for version, paragraphs in walked.published.items():
        for section, pid, _ in paragraphs:
            found = ids_of(page(walked, pages.get(section, f"essays/river-notebook/{section}/index.html")))
            assert found.count(pid) == 1, (version, section, pid)
            assert whole.count(pid) == 1, (version, pid)


def test_a_removed_paragraph_leaves_a_notice_where_it_stood(walked):
    html = page(walked, "essays/river-notebook/upstream/index.html")
    notice = re.search(r'<details class="revision-notice" id="upstream-2">.*?</details>', html, re.S)
    assert notice and html.index('id="note--slipery-misprint"') < notice.start()
    assert notice.group() == (
        '<details class="revision-notice" id="upstream-2"><summary>This paragraph was removed in revision 4, on 1 '
        "December 2025; it read:</summary>\n<blockquote><p>The miller kept records for forty years. His ledgers name "
        "every flood and every drought, and the price of flour in each of them.</p></blockquote>\n"
        '<p><a href="../revisions/#revision--4">All the changes of revision 4</a></p></details>'
    )


def test_the_record_is_kept_out_of_the_site(walked):
    assert (walked.project / "docs/essays/river-notebook/revisions.yml").is_file()
    assert not list(walked.site.rglob("*.yml"))


def test_the_export_carries_each_notes_revision_and_state(walked):
    items = json.loads((walked.site / "annotations.jsonld").read_text(encoding="utf-8"))["first"]["items"]
    found = {
        item["id"].rsplit("/", 2)[-2]: (item["target"]["state"], item.get("schema:creativeWorkStatus"))
        for item in items
    }
    day, first = "2025-12-01T00:00:00Z", "2024-03-03T00:00:00Z"
    assert found == {
        "slipery-misprint": ({"type": "TimeState", "sourceDate": first, "schema:version": 1}, "resolved"),
        "forty-years-of-ledgers": ({"type": "TimeState", "sourceDate": first, "schema:version": 1}, "orphaned"),
        "fences-in-the-water": ({"type": "TimeState", "sourceDate": day, "schema:version": 5}, None),
        "a-dry-decade": ({"type": "TimeState", "sourceDate": day, "schema:version": 5}, None),
        "the-notebook": ({"type": "TimeState", "sourceDate": day, "schema:version": 5}, None),
    }
    removed = next(item for item in items if item["id"].endswith("/forty-years-of-ledgers/"))
    assert removed["target"]["selector"][0] == {
        "type": "TextQuoteSelector",
        "exact": "kept records for forty years",
        "prefix": "The miller ",
        "suffix": ". His ledgers name every flood a",
    }


def test_a_quote_no_revision_holds_fails_as_it_always_did(walked, tmp_path):
    project = tmp_path / "project"
    shutil.copytree(walked.project, project)
    (project / NOTES / "typo.md").write_text(
        "---\ntitle: A typo\nauthor: A\ndate: 2024-03-15\nkind: context\n"
        "target:\n  paragraph: upstream-1\n  quote: worn smooth and slipperry\n---\n\nBody.\n",
        encoding="utf-8",
    )
    result, _ = run_build(project)
    assert result.returncode == 1
    assert warnings(result) == [
        f"{NOTES}/typo.md: target quote 'worn smooth and slipperry' is not in paragraph 'upstream-1' nor anywhere "
        "else in essay 'river-notebook'. The closest passage is 'worn smooth and slippery' in 'upstream-1' (98% "
        "similar): copy the words exactly from the page into target.quote."
    ]


def test_the_link_check_accepts_an_old_id_only_where_the_site_provides_it(walked, tmp_path):
    project = tmp_path / "project"
    shutil.copytree(walked.project, project)
    (project / "docs" / "links.md").write_text(
        "# Links\n\n[Where it was](essays/river-notebook/upstream.md#upstream-2) and "
        "[not there](essays/river-notebook/downstream.md#upstream-2).\n",
        encoding="utf-8",
    )
    result, _ = run_build(project)
    assert warnings(result) == [
        "docs/links.md: link '../essays/river-notebook/downstream/#upstream-2': no paragraph '#upstream-2' on "
        "essays/river-notebook/downstream/. Did you mean '#downstream-2'?"
    ], result.stderr


NEW_NOTE = (
    "---\ntitle: Worn smooth\nauthor: A\ndate: 2024-03-15\nkind: context\nrevision: 1\n"
    "target:\n  paragraph: upstream-1\n  quote: worn smooth and slipery\n---\n\nBody.\n"
)


def test_a_maintainer_accepts_the_new_passage_with_one_command(walked, tmp_path):
    project = tmp_path / "project"
    shutil.copytree(walked.project, project)
    note = project / NOTES / "worn-smooth.md"
    note.write_text(NEW_NOTE, encoding="utf-8")
    accepted = script("reanchor.py", "--root", project, "--accept", f"{NOTES}/worn-smooth.md")
    assert (accepted.returncode, accepted.stdout, accepted.stderr) == (
        0,
        f"accepted  {NOTES}/worn-smooth.md: now quotes 'worn smooth and slippery' in upstream-1 (revision 5)\n",
        "",
    )
    assert note.read_text(encoding="utf-8") == NEW_NOTE.replace("revision: 1", "revision: 5").replace(
        "quote: worn smooth and slipery", "quote: worn smooth and slippery"
    )
    result, site = run_build(project)
    assert result.returncode == 0 and warnings(result) == [], result.stderr
    html = (site / "essays/river-notebook/upstream/index.html").read_text(encoding="utf-8")
    assert "note-revised" not in callout(html, "worn-smooth")


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ["--accept", f"{NOTES}/a-dry-decade.md"],
            f"reanchor: {NOTES}/a-dry-decade.md: its passage has not changed (it is anchored); there is nothing to "
            "accept",
        ),
        (
            ["--resolve", f"{NOTES}/slipery-misprint.md"],
            f"reanchor: {NOTES}/slipery-misprint.md: its passage has not changed (it is resolved); there is nothing "
            "to resolve",
        ),
        (
            ["--resolve", f"{NOTES}/no-such-note.md"],
            f"reanchor: {NOTES}/no-such-note.md: is not a note of this site (give its path, e.g. "
            "docs/commentary/<essay>/<note>.md)",
        ),
    ],
)
def test_accept_and_resolve_refuse_what_they_cannot_do_with_one_line(walked, tmp_path, args, line):
    project = tmp_path / "project"
    shutil.copytree(walked.project, project)
    result = script("reanchor.py", "--root", project, *args)
    assert (result.returncode, result.stderr.splitlines()) == (2, [line])


def test_a_new_note_records_the_revision_it_was_written_against(walked, tmp_path):
    project = tmp_path / "project"
    shutil.copytree(walked.project, project)
    args = ["--paragraph", "downstream-4", "--quote", "left their fences", "--author", "Ann", "--kind", "context"]
    result = script("new_commentary.py", *args, "--root", project)
    assert result.returncode == 0, result.stderr
    assert "\nrevision: 5\n" in (project / NOTES / "left-their-fences.md").read_text(encoding="utf-8")


def test_a_short_sentence_split_off_with_a_word_changed_is_recorded_as_a_split(tmp_path):
    """Planted case: one word changed breaks most of a five-word sentence's trigrams; it is still a piece."""
    versions = ROOT / "tests" / "fixtures" / "revisions-short-split"
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    (project / "sources").mkdir()
    incoming = tmp_path / "harbour-days.txt"
    shutil.copy(versions / "1.txt", incoming)
    assert script("import_essay.py", incoming, "--root", project).returncode == 0
    source = project / "sources" / "harbour-days.txt"
    shutil.copy(versions / "2.txt", source)
    result = script("import_essay.py", source, "--root", project, "--message", "Cut in two")
    assert result.returncode == 0, result.stderr
    assert tail(result.stdout) == [
        "  ids: 2 kept, 1 new, 0 retired",
        "  revision 2 recorded in docs/essays/harbour-days/revisions.yml: 1 change",
        "    split: opening-1 -> opening-3, opening-1",
    ]
