"""The real site: its strict build passes, and its content holds what the issues promise."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from edition.content.site import load_site
from support import ROOT, build_real_site


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    site_dir = tmp_path_factory.mktemp("real-site")
    result = build_real_site(site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


def test_strict_build_passes(built):
    assert (built / "essays/wandering-earth-ii/index.html").exists()


@pytest.mark.parametrize(
    ("page", "loaded"),
    [
        ("essays/wandering-earth-ii/chinas-global-strategy/index.html", True),
        ("essays/wandering-earth-ii/index.html", True),
        ("essays/wandering-earth-ii/print/index.html", True),
        ("glossary/liu-cixin/index.html", False),
        ("commentary/index.html", False),
        ("index.html", False),
    ],
)
def test_select_to_annotate_is_loaded_only_where_there_are_essay_paragraphs(built, page, loaded):
    html = (built / page).read_text(encoding="utf-8")
    assert html.count("assets/javascripts/annotate.js") == (1 if loaded else 0)


@pytest.mark.parametrize(
    "page", ["index.html", "glossary/index.html", "essays/wandering-earth-ii/index.html", "404.html"]
)
def test_no_script_holds_the_first_paint(built, page):
    """Every script file is deferred, Material's bundle first (overrides/main.html): in order, after parsing."""
    tags = re.findall(r"<script\b[^>]*\bsrc=[^>]*>", (built / page).read_text(encoding="utf-8"))
    assert "bundle." in tags[0] and len(tags) >= 3
    assert [tag for tag in tags if not re.search(r"\sdefer[\s>]", tag)] == []


def test_every_paragraph_has_its_id_in_html(built):
    site = load_site(ROOT / "docs", ROOT)
    essay = site.essays["wandering-earth-ii"]
    for paragraph in essay.paragraphs():
        page = (
            built / paragraph.page.replace(".md", "/index.html").replace("/index/index.html", "/index.html")
        ).read_text()
        assert re.search(rf'<p [^>]*id="{paragraph.id}"', page), paragraph.id


def test_no_stub_entries_and_every_linked_term_written():
    site = load_site(ROOT / "docs", ROOT)
    assert [t.slug for t in site.terms.values() if t.status == "stub"] == []
    for term in site.terms.values():
        assert term.summary and term.sources and len(term.body.split()) >= 30, term.path


def test_glossary_links_are_marked_to_preview_their_entry(built):
    page = (built / "essays/wandering-earth-ii/index.html").read_text()
    assert '<a href="../../glossary/liu-cixin/" class="glossary-link">' in page
    previews = json.loads((built / "glossary/previews.json").read_text(encoding="utf-8"))
    assert previews["glossary/liu-cixin/"]["summary"].startswith("Chinese science-fiction writer (born 1963)")
    assert previews["glossary/liu-cixin/"]["zh"].startswith("刘慈欣")


def test_entry_page_lists_mentions_with_paragraph_links(built):
    page = (built / "glossary/liu-cixin/index.html").read_text()
    assert "Mentioned in" in page and "See also" in page
    assert 'href="../../essays/wandering-earth-ii/#opening-2"' in page


def test_glossary_index_lists_terms_a_to_z(built):
    page = (built / "glossary/index.html").read_text()
    positions = [
        page.index(f'href="{slug}/"')
        for slug in ("australia-china-relations-institute", "belt-and-road-initiative", "zhou-enlai")
    ]
    assert positions == sorted(positions)
    assert "刘慈欣" in page


def test_search_index_segments_chinese_names(built):
    """jieba splits Chinese with zero-width spaces, which the search separator includes."""
    index = json.loads((built / "search/search_index.json").read_text(encoding="utf-8"))
    assert "\\u200b" in index["config"]["separator"]
    entry = next(d for d in index["docs"] if d["location"] == "glossary/liu-cixin/")
    assert "\u200b刘慈欣\u200b" in entry["text"]


def _search_docs(built: Path) -> list[dict]:
    return json.loads((built / "search/search_index.json").read_text(encoding="utf-8"))["docs"]


def test_search_indexes_each_note_once_on_its_own_page(built):
    """Callouts are added after search has indexed the essay, and index pages are kept out."""
    site = load_site(ROOT / "docs", ROOT)
    comment = site.comments[0]
    phrase = " ".join(comment.body.split()[:6])
    holders = {d["location"].split("#")[0] for d in _search_docs(built) if phrase in " ".join(d["text"].split())}
    assert holders == {f"commentary/{comment.essay}/{comment.name}/"}
    indexes = {"commentary/", "glossary/", f"commentary/{comment.essay}/"}
    assert not [d for d in _search_docs(built) if d["location"].split("#")[0] in indexes]


def test_search_leaves_out_mention_excerpts(built):
    """An entry's "Mentioned in" list repeats essay text: its page is indexed without it."""
    entry = next(d for d in _search_docs(built) if d["location"] == "glossary/liu-cixin/")
    page = (built / "glossary/liu-cixin/index.html").read_text()
    excerpt = re.search(
        r'<ul class="glossary-mentions"><li data-source="docs/essays/[^"]+">[^<]*: <a href="[^"]*">([^<]*)</a>', page
    ).group(1)
    assert excerpt.strip("\u2026")[:30] not in entry["text"]


def test_note_page_is_indexed_by_title_and_body_and_shows_the_rest(built):
    site = load_site(ROOT / "docs", ROOT)
    comment = next(c for c in site.comments if c.sources)
    location = f"commentary/{comment.essay}/{comment.name}/"
    text = " ".join(d["text"] for d in _search_docs(built) if d["location"].split("#")[0] == location)
    assert " ".join(comment.body.split()[:6]) in " ".join(text.split())
    assert comment.quote not in text and comment.author not in text
    page = (built / location / "index.html").read_text()
    assert 'class="note-byline"' in page and 'class="note-passage"' in page and 'class="note-sources"' in page


def test_the_real_essay_is_as_first_published_with_no_list_of_revisions(built):
    """Issue 16: the seed essay stays at revision 1; its revisions page says so and lists nothing."""
    html = (built / "essays/wandering-earth-ii/revisions/index.html").read_text(encoding="utf-8")
    assert re.search(r'<p class="revision-first"><a href="\.\./">[^<]+</a> is as first published, on <time', html)
    assert "revision-change" not in html and 'id="revision--' not in html
    opening = (built / "essays/wandering-earth-ii/index.html").read_text(encoding="utf-8")
    assert '<a href="revisions/">As first published</a>' in opening
    assert load_site(ROOT / "docs", ROOT).essays["wandering-earth-ii"].revision == 1
