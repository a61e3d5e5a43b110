"""The site's address scheme: what a source path is, where each kind of page lives, addresses and links."""

from __future__ import annotations

import posixpath

import pytest
from mkdocs.utils import get_relative_url

from edition import addresses
from edition.addresses import (
    Kind,
    PageRef,
    linker,
    moved_address,
    network_path,
    page_of,
    page_url,
    relative_url,
    resolver,
)


@pytest.mark.parametrize(
    ("src", "ref"),
    [
        ("index.md", PageRef(Kind.HOME)),
        ("essays/e/index.md", PageRef(Kind.ESSAY_OPENING, "e", "index")),
        ("essays/e/reflection.md", PageRef(Kind.ESSAY_SECTION, "e", "reflection")),
        ("essays/e/print.md", PageRef(Kind.WHOLE_ESSAY, "e", "print")),
        ("essays/e/a/b.md", PageRef(Kind.OTHER)),
        ("essays/index.md", PageRef(Kind.OTHER)),
        ("essays/e/notes.txt", PageRef(Kind.OTHER)),
        ("glossary/index.md", PageRef(Kind.GLOSSARY_INDEX)),
        ("glossary/soft-power.md", PageRef(Kind.GLOSSARY_ENTRY, name="soft-power")),
        ("glossary/a/b.md", PageRef(Kind.OTHER)),
        ("commentary/index.md", PageRef(Kind.COMMENTARY_INDEX)),
        ("commentary/e/index.md", PageRef(Kind.ESSAY_COMMENTARY, "e")),
        ("commentary/e/a-note.md", PageRef(Kind.NOTE, "e", "a-note")),
        ("commentary/note.md", PageRef(Kind.OTHER)),
        ("commentary/e/sub/n.md", PageRef(Kind.OTHER)),
        ("performance.md", PageRef(Kind.OTHER)),
        ("print.md", PageRef(Kind.OTHER)),
    ],
)
def test_parse_reads_what_a_page_is_from_its_source_path(src, ref):
    assert page_of(src) == ref


@pytest.mark.parametrize(
    ("built", "ref"),
    [
        (addresses.essay_page("e"), PageRef(Kind.ESSAY_OPENING, "e", "index")),
        (addresses.essay_page("e", "part"), PageRef(Kind.ESSAY_SECTION, "e", "part")),
        (addresses.whole_essay_page("e"), PageRef(Kind.WHOLE_ESSAY, "e", "print")),
        (addresses.glossary_index(), PageRef(Kind.GLOSSARY_INDEX)),
        (addresses.glossary_entry("t"), PageRef(Kind.GLOSSARY_ENTRY, name="t")),
        (addresses.commentary_index(), PageRef(Kind.COMMENTARY_INDEX)),
        (addresses.commentary_index("e"), PageRef(Kind.ESSAY_COMMENTARY, "e")),
        (addresses.note_page("e", "n"), PageRef(Kind.NOTE, "e", "n")),
        (addresses.HOME, PageRef(Kind.HOME)),
        (addresses.glossary_previews(), PageRef(Kind.OTHER)),  # data, not a page
        (addresses.essays_feed(), PageRef(Kind.OTHER)),
        (addresses.notes_feed(), PageRef(Kind.OTHER)),
        (addresses.notes_feed("e"), PageRef(Kind.OTHER)),
        (addresses.feeds_sitemap(), PageRef(Kind.OTHER)),
    ],
)
def test_every_builder_makes_a_path_parse_reads_back(built, ref):
    """The builders and the parser are one scheme: what one writes, the other reads."""
    assert page_of(built) == ref


def test_of_essay_is_an_essays_own_pages():
    assert [k for k in Kind if PageRef(k).of_essay] == [Kind.ESSAY_OPENING, Kind.ESSAY_SECTION, Kind.WHOLE_ESSAY]


@pytest.mark.parametrize("name", ["n", "a-b", "q&a"])
def test_ids_made_from_a_note_name_never_look_like_a_paragraph_id(name):
    for ident in (addresses.callout_id(name), addresses.quote_id(name)):
        assert "--" in ident  # paragraph ids are slugs: never two hyphens in a row


@pytest.mark.parametrize(
    ("built", "path"),
    [
        (addresses.glossary_previews(), "glossary/previews.json"),
        (addresses.essays_feed(), "feeds/essays.xml"),
        (addresses.notes_feed(), "feeds/notes.xml"),
        (addresses.notes_feed("e"), "feeds/notes-e.xml"),
        (addresses.feeds_sitemap(), "feeds/sitemap.xml"),
    ],
)
def test_data_files_and_feeds_sit_where_the_pages_fetch_them(built, path):
    """The feeds share a folder with the one sitemap Material looks for beside them."""
    assert built == path


def test_an_essay_links_an_entry_two_folders_up():
    assert addresses.glossary_link_from_essay("soft-power") == "../../glossary/soft-power.md"
    assert addresses.repo_path("docs", "glossary/x.md") == "docs/glossary/x.md"


@pytest.mark.parametrize(
    ("src_uri", "use_dirs", "expected"),
    [
        ("index.md", True, ""),
        ("essays/x/index.md", True, "essays/x/"),
        ("essays/x/reflection.md", True, "essays/x/reflection/"),
        ("essays/x/reflection.md", False, "essays/x/reflection.html"),
        ("index.md", False, "index.html"),
        ("feeds/notes.xml", True, "feeds/notes.xml"),  # a file that is not a page keeps its path
        ("glossary/previews.json", False, "glossary/previews.json"),
    ],
)
def test_page_url(src_uri, use_dirs, expected):
    assert page_url(src_uri, use_dirs) == expected


CASES = [
    ("glossary/soft-power/", "essays/x/reflection/", "../../../glossary/soft-power/"),
    ("glossary/soft-power/", "", "glossary/soft-power/"),
    ("", "essays/x/", "../.."),
    ("essays/x/", "essays/x/", "./"),
    ("essays/x/a/", "essays/x/", "a/"),
    ("essays/x/a.html", "essays/x/b.html", "a.html"),
    ("glossary/soft-power.html", "essays/x/b.html", "../../glossary/soft-power.html"),
    ("index.html", "essays/x/index.html", "../../index.html"),
    ("essays/xy/", "essays/x/", "../xy/"),
    ("./", "essays/x/print/", "../../../"),  # MkDocs calls the home page's URL "./", and writes these as here
    ("./", "essays/x/", "../../"),
    ("essays/x/a/", "./", "essays/x/a/"),
    ("./", "./", "./"),
]


@pytest.mark.parametrize(("target", "from_page", "expected"), CASES)
def test_relative_url(target, from_page, expected):
    assert relative_url(target, from_page) == expected


@pytest.mark.parametrize(("target", "from_page", "_"), CASES)
def test_relative_url_agrees_with_relpath(target, from_page, _):
    """The segment arithmetic gives what ``posixpath.relpath`` gave before it."""
    base = from_page if from_page.endswith("/") or not from_page else posixpath.dirname(from_page) + "/"
    expected = posixpath.relpath(target or ".", base.rstrip("/") or ".")
    if target.endswith("/") and not expected.endswith("/"):
        expected += "/"
    assert relative_url(target, from_page) == expected


URLS = {"glossary/deng.md": "glossary/deng/", "essays/x/a.md": "essays/x/a/", "assets/map.png": "assets/map.png"}


@pytest.mark.parametrize(
    ("href", "written_in", "page", "expected"),
    [
        ("deng.md", "glossary", "glossary/mao/", "../deng/"),
        ("deng.md#early-life", "glossary", "glossary/mao/", "../deng/#early-life"),
        ("../essays/x/a.md#a-2", "glossary", "glossary/mao/", "../../essays/x/a/#a-2"),
        ("../assets/map.png", "glossary", "glossary/mao/", "../../assets/map.png"),
        ("./deng.md", "glossary", "glossary/mao/", "../deng/"),
        ("../../glossary/deng.md", "commentary/x", "essays/x/a/", "../../../glossary/deng/"),
        ("#here", "glossary", "glossary/mao/", "#here"),
        (
            "missing.md",
            "glossary",
            "glossary/mao/",
            "missing.md",
        ),  # no such file: as written, for the link check to report
        ("deng.md", "glossary", "glossary/mao.html", "deng/"),
    ],
)
def test_resolver(href, written_in, page, expected):
    assert resolver(written_in, linker(URLS, page))(href) == expected


def test_linker_knows_only_the_site_files():
    link = linker(URLS, "essays/x/a/")
    assert (link("glossary/deng.md"), link("glossary/deng.md", "p"), link("glossary/none.md")) == (
        "../../../glossary/deng/",
        "../../../glossary/deng/#p",
        None,
    )


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("//tracker.example/p.gif", True),
        ("\\\\tracker.example", True),
        ("/\\tracker.example", True),
        ("\\/tracker.example", True),
        ("///tracker.example", True),
        (" \t//tracker.example", True),
        ("/\t/tracker.example", True),
        ("/\n\\tracker.example", True),
        ("/assets/p.png", False),
        ("../x.md", False),
        ("x//y", False),
        ("https://example.org", False),
        ("#a", False),
        ("", False),
    ],
)
def test_network_path(url, expected):
    assert network_path(url) is expected


@pytest.mark.parametrize("href", ["//glossary/deng.md", "\\\\glossary/deng.md", "/\\glossary/deng.md"])
def test_the_resolver_never_reads_another_sites_address_as_a_site_file(href):
    assert resolver("", linker({**URLS, "/glossary/deng.md": "glossary/deng/"}, "essays/x/a/"))(href) == href


@pytest.mark.parametrize(("target", "from_page", "_"), CASES)
def test_relative_url_agrees_with_mkdocs(target, from_page, _):
    """What MkDocs writes for a link between two pages, so that an address computed here equals one it wrote."""
    assert relative_url(target, from_page) == get_relative_url(target, from_page)


SITE = {"./", "essays/e/", "essays/e/part/", "essays/e/print/", "glossary/deng/", "assets/map.png"}


@pytest.mark.parametrize(
    ("address", "moved"),
    [
        ("part/", "../part/"),  # MkDocs' link to a page of the site, written again from one folder down
        ("part/#part-1", "../part/#part-1"),
        ("part/?q=1#x", "../part/?q=1#x"),
        ("../../glossary/deng/", "../../../glossary/deng/"),
        ("../../assets/map.png", "../../../assets/map.png"),
        ("./", "../"),  # the opening itself
        ("../../", "../../../"),  # the home page, whose URL MkDocs writes "./"
        ("print/", "./"),
        ("gone.md", "gone.md"),  # to no file: MkDocs leaves it as written, on either page
        ("../../../outside/", "../../../outside/"),
        ("#part-1", "#part-1"),
        ("?q=1", "?q=1"),
        ("", ""),
        ("/essays/e/part/", "/essays/e/part/"),
        ("https://example.org/a b", "https://example.org/a b"),
        ("mailto:a@example.org", "mailto:a@example.org"),
        ("part/%20x/", None),  # encoded: compared as written, it could mislead; the caller converts instead
        ("part/&amp;x", None),
        ("part\\x/", None),
    ],
)
def test_moved_address(address, moved):
    assert moved_address(address, "essays/e/", "essays/e/print/", SITE) == moved
