"""The real site as a reader's desk: its feeds, its citation tags, and nothing of the build's own in it."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import feedparser
import pytest

from edition.content.note_schema import KINDS
from edition.content.site import load_site
from support import ROOT, build_real_site

SITE_URL = "https://annotated-essays.github.io/annotated-essays/"
FEED = re.compile(r'<link rel="alternate" type="application/atom\+xml" title="([^"]+)" href="([^"]+)">')


def _build(out: Path) -> Path:
    result = build_real_site(out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    return _build(tmp_path_factory.mktemp("desk-site"))


def _file_of(site: Path, url: str) -> Path:
    """The built file an absolute address of the site serves."""
    assert url.startswith(SITE_URL), url
    rel = url[len(SITE_URL) :].split("#")[0]
    return site / (rel + "index.html" if rel.endswith("/") or not rel else rel)


def _page_url(site: Path, path: Path) -> str:
    rel = path.relative_to(site).as_posix()
    return SITE_URL + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


def test_every_page_announces_the_feeds_and_every_feed_is_valid_atom(built):
    essay = "wandering-earth-ii"
    seen: set[str] = set()
    for path in sorted(built.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        head = html[: html.index("</head>")]
        base = SITE_URL + "404.html" if path.name == "404.html" else _page_url(built, path)
        announced = {urljoin(base, href) for _, href in FEED.findall(head)}
        wanted = {SITE_URL + "feeds/essays.xml", SITE_URL + "feeds/notes.xml"}
        if f"/{essay}/" in path.as_posix():
            wanted.add(SITE_URL + f"feeds/notes-{essay}.xml")
        assert announced == wanted, path
        seen |= announced
    model = load_site(ROOT / "docs", ROOT)
    for url in sorted(seen):
        feed = feedparser.parse(_file_of(built, url).read_bytes())
        assert not feed.bozo, (url, feed.get("bozo_exception"))
        assert feed.feed.id == url and feed.feed.links[0].href == url
        for entry in feed.entries:
            assert entry.id == entry.link and entry.id.endswith("/")
            assert _file_of(built, entry.id).exists(), entry.id  # an entry's id is its page's address
    notes = feedparser.parse(_file_of(built, SITE_URL + "feeds/notes.xml").read_bytes())
    by_page = {f"{SITE_URL}commentary/{c.essay}/{c.name}/": c for c in model.comments}
    assert {e.id for e in notes.entries} == set(by_page)
    for entry in notes.entries:
        assert entry.published.startswith(by_page[entry.id].date) and entry.title == by_page[entry.id].title
    essays = feedparser.parse(_file_of(built, SITE_URL + "feeds/essays.xml").read_bytes())
    assert [(e.id, e.published) for e in essays.entries] == [(f"{SITE_URL}essays/{essay}/", "2023-02-24T00:00:00Z")]


def test_feeds_are_the_same_bytes_in_another_build(built, tmp_path):
    again = _build(tmp_path / "again")
    for name in ("essays.xml", "notes.xml", "notes-wandering-earth-ii.xml"):
        assert (again / "feeds" / name).read_bytes() == (built / "feeds" / name).read_bytes(), name


@pytest.mark.parametrize(
    "page", ["essays/wandering-earth-ii/", "essays/wandering-earth-ii/reflection/", "essays/wandering-earth-ii/print/"]
)
def test_essay_pages_carry_the_citation_tags_reference_managers_read(built, page):
    head = (built / page / "index.html").read_text(encoding="utf-8").split("</head>")[0]
    tags = dict(re.findall(r'<meta name="((?:citation|edition)[\w-]*)" content="([^"]*)">', head))
    canonical = re.search(r'<link rel="canonical" href="([^"]+)">', head).group(1)
    assert tags == {
        "citation_title": "Wandering Earth II: Can hard Chinese science fiction be a source of soft power?",
        "citation_author": "Marina Zhang",
        "citation_publication_date": "2023/02/24",
        "citation_journal_title": "Australian Outlook",
        "citation_language": "en",
        "citation_public_url": canonical,
        "edition-revision": "1",
        "edition-revision-date": "2023-02-24",
        "edition-site-url": SITE_URL,
    }


def test_other_pages_carry_no_citation_tags(built):
    for page in ("index.html", "glossary/liu-cixin/index.html", "commentary/index.html", "404.html"):
        assert 'name="citation_' not in (built / page).read_text(encoding="utf-8"), page


def test_the_build_s_own_figures_are_not_part_of_the_site(built):
    assert not (built / "performance").exists()
    assert "Performance" not in re.findall(
        r'class="md-nav__link[^>]*>\s*<span[^>]*>\s*([^<]+?)\s*<', (built / "index.html").read_text(encoding="utf-8")
    )
    assert (ROOT / "PERFORMANCE.md").exists() and "](benchmark/performance.svg)" in (ROOT / "PERFORMANCE.md").read_text(
        encoding="utf-8"
    )
    assert (ROOT / "benchmark" / "performance.svg").read_text(encoding="utf-8").startswith("<svg")


def test_notes_link_the_previous_and_next_in_reading_order_across_the_essay_s_pages(built):
    """Following "Next note" from the first note visits every note once, in reading order, page after page."""
    essay = built / "essays" / "wandering-earth-ii"
    index = (built / "commentary" / "wandering-earth-ii" / "index.html").read_text(encoding="utf-8")
    in_order = re.findall(
        r'<li class="note-item" data-kind="\w+" data-source="[^"]+"><p class="note-item-title"><a href="([\w-]+)/"',
        index,
    )
    page, ident, visited = essay / "index.html", f"note--{in_order[0]}", []
    while True:
        html = page.read_text(encoding="utf-8")
        callout = re.search(rf'<details class="note-callout [^>]*id="{ident}".*?</details>', html, re.S).group()
        visited.append(ident.removeprefix("note--"))
        following = re.search(r'<a class="note-next" href="([^"]*)"', callout)
        if not following:
            break
        path, _, ident = following.group(1).partition("#")
        page = (page.parent / path / "index.html").resolve() if path else page
    assert visited == in_order
    first = (essay / "index.html").read_text(encoding="utf-8")
    assert (
        f'id="note--{in_order[0]}"' in first
        and "note-prev" not in re.search(rf'id="note--{in_order[0]}".*?</details>', first, re.S).group()
    )


def test_essay_pages_offer_the_filter_and_a_citation_for_every_paragraph(built):
    model = load_site(ROOT / "docs", ROOT).essays["wandering-earth-ii"]
    pages = {p.page for p in model.paragraphs()}
    for src in sorted(pages):
        html = (built / src.replace(".md", "/index.html").replace("/index/index.html", "/index.html")).read_text(
            encoding="utf-8"
        )
        ids = [p.id for p in model.paragraphs() if p.page == src]
        assert re.findall(r'data-cite-href="#([\w-]+)"', html) == ids, src
        assert html.count('<fieldset class="note-filter">') == 1
    whole = (built / "essays" / "wandering-earth-ii" / "print" / "index.html").read_text(encoding="utf-8")
    assert 'data-cite-href="../chinas-global-strategy/#chinas-global-strategy-2"' in whole  # cited at its section
    assert 'data-cite-place="China&#x27;s global strategy, \u00b6 2"' in whole


def test_the_stylesheet_can_hide_every_kind_of_note_the_schema_allows():
    """The filter's rules are written once per kind: a kind added to the schema needs its rule."""
    css = (ROOT / "docs" / "assets" / "stylesheets" / "edition.css").read_text(encoding="utf-8")
    for kind in KINDS:
        for part in (".note-callout, .note-ref, .note-item", "mark.note-quote"):
            selector = f':root[data-hidden-kinds~="{kind}"] .md-typeset '
            assert f'{selector}:is({part})[data-kind="{kind}"]' in css or f'{selector}{part}[data-kind="{kind}"]' in css
