"""Essays the importer accepts, imported beside the real essay into a fixture site, build strictly.

Each planted source in ``tests/fixtures/sources/`` is a shape that once
imported with exit 0 and then broke the site; the build must pass with no
warning, and the pages must hold what the source says.
"""

from __future__ import annotations

import json
import re
import shutil
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

from edition.features.importer.run import import_essay
from import_site import fill_stubs, site_with_real_essay
from support import FIXTURE_SOURCES
from test_commentary_fixture import run_build, warnings


def imported(tmp_path: Path, *names: str) -> Path:
    """The fixture site with each planted source imported (from outside the project, as received)."""
    project = site_with_real_essay(tmp_path)
    for name in names:
        received = tmp_path / "incoming" / name
        received.parent.mkdir(exist_ok=True)
        shutil.copy(FIXTURE_SOURCES / name, received)
        import_essay(received, project)
    fill_stubs(project)
    return project


def test_an_essay_without_headings_builds(tmp_path):
    """Only an opening: every build of the site crashed in the whole-essay page (KeyError)."""
    result, site = run_build(imported(tmp_path, "no-headings.txt"))
    assert result.returncode == 0 and warnings(result) == [], result.stderr
    whole = (site / "essays/no-headings/print/index.html").read_text(encoding="utf-8")
    assert 'id="opening-1"' not in whole and 'id="no-headings-opening-1"' in whole


HOSTILE = "hostile-markup"
TITLE = '<b onmouseover=alert(1)>Bold</b> &amp; {: onclick="x" } </title><script>alert(2)</script>'
HEADING = 'Heading <b onmouseover=alert(1)>bold</b> {: onclick="y" }'
PARAGRAPHS = {
    "hostile-markup-note-1": "Note: First printed as <i>Raw</i> &copy; 2024 { #note .x }.",
    "hostile-markup-opening-1": (
        'The opening says <script>alert(3)</script> and &amp; and &#60;b&#62; and {: onclick="x" } and '
        "{ #id .class }, and links a hostile term and a page."
    ),
    "heading-b-onmouseover-alert-1-bold-b-onclick-y-1": (
        'Paragraph with <img src=x onerror=alert(4)> and `code` and emphasis and a {: .cls } tail {: onclick="z" }'
    ),
    "entities-amp-lt-b-gt-id-class-1": (
        "A closing paragraph &#x3C;svg onload=alert(5)&#x3E; and <!-- a comment --> and a "
        '<b>term</b> {: onclick="t" } here.'
    ),
}


class Live(HTMLParser):
    """What of a page the browser would run or style: every element's name and attribute names, and scripts' text."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: set[str] = set()
        self.attributes: set[str] = set()
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.elements.add(tag)
        self.attributes.update(name for name, _ in attrs)
        self._in_script = tag == "script"

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


def _text(html: str, pattern: str) -> list[str]:
    """The reader's text of each match of ``pattern`` (its group 1), tags dropped and entities read."""
    return [unescape(" ".join(re.sub(r"<[^>]+>", "", m).split())) for m in re.findall(pattern, html, re.S)]


def test_markup_in_a_source_comes_out_as_its_words(tmp_path):
    """Raw HTML and attribute lists in the title, a heading and paragraphs reached the pages as live elements."""
    project = imported(tmp_path, f"{HOSTILE}.txt")
    result, site = run_build(project)
    assert result.returncode == 0 and warnings(result) == [], result.stderr
    pages = {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}
    for name, html in pages.items():
        live = Live()
        live.feed(html)
        assert not live.elements & {"b", "i", "img"}, name
        assert not [a for a in live.attributes if a.startswith("on")], name
        assert not [s for s in live.scripts if "alert" in s], name
    index = pages[f"essays/{HOSTILE}/index.html"]
    section = pages[f"essays/{HOSTILE}/heading-b-onmouseover-alert-1-bold-b-onclick-y/index.html"]
    whole = pages[f"essays/{HOSTILE}/print/index.html"]
    assert _text(index, r"<title>(.*?)</title>") == [f"{TITLE} - Import fixture"]
    assert _text(index, r"<h1[^>]*>(.*?)</h1>") == [TITLE + "\u00b6"]
    assert _text(section, r"<h1[^>]*>(.*?)</h1>") == [HEADING + "\u00b6"]
    assert _text(whole, r"<title>(.*?)</title>") == [f"{TITLE} (whole essay) - Import fixture"]
    assert HEADING in _text(section, r'<span class="md-ellipsis">(.*?)</span>')  # the sidebar
    assert _text(index, r'md-footer__link--next" aria-label="([^"]*)"') == [f"Next: {HEADING}"]  # escaped once
    assert TITLE + "\u00b6" in _text(pages["index.html"], r"<h3[^>]*>(.*?)</h3>")  # the home listing
    for pid, words in PARAGRAPHS.items():
        shown = [
            t
            for page in (index, section, pages[f"essays/{HOSTILE}/entities-amp-lt-b-gt-id-class/index.html"])
            for t in _text(page, rf'<p [^>]*id="{pid}"[^>]*>(.*?)</p>')
        ]
        assert shown == [words], pid
        assert _text(whole, rf'<p [^>]*id="{pid}"[^>]*>(.*?)</p>') == [words], pid
    search = {
        d["location"]: d for d in json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    }
    assert unescape(search[f"essays/{HOSTILE}/"]["title"]) == TITLE
    assert (
        "<script>" not in json.dumps(search)
        and "&lt;script&gt;alert(3)" in search[f"essays/{HOSTILE}/#contents"]["text"]
    )


def test_repeated_headings_give_every_id_of_the_whole_essay_page_once(tmp_path):
    """Found by the property test: a second 'Morning' is page morning-2, the id of the first one's second paragraph."""
    result, site = run_build(imported(tmp_path, "repeated-headings.txt"))
    assert result.returncode == 0 and warnings(result) == [], result.stderr
    whole = (site / "essays/repeated-headings/print/index.html").read_text(encoding="utf-8")
    ids = re.findall(r' id="([^"]+)"', whole)
    assert sorted(i for i in set(ids) if ids.count(i) > 1) == []
    assert {"morning-2", "morning-2_2", "morning-2_3", "contents", "contents_2"} <= set(ids)
    contents = whole.split('id="contents_2"')[1].split("</h2>", 1)[1].split("</ol>")[0]
    assert re.findall(r'href="#([^"]+)"', contents) == ["morning", "morning-2_2", "contents", "2023-in-review"]
    # a term named Index is an entry of its own, not the glossary's index page
    opening = (site / "essays/repeated-headings/index.html").read_text(encoding="utf-8")
    link = '<a href="../../glossary/index-term/" class="glossary-link">'
    assert f"{link}Index</a>" in opening
