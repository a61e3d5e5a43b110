"""Page addresses and relative links, as MkDocs computes them."""

from __future__ import annotations

import posixpath

import pytest
from edition.addresses import linker, network_path, page_url, relative_url, resolver


@pytest.mark.parametrize(
    ("src_uri", "use_dirs", "expected"),
    [
        ("index.md", True, ""),
        ("essays/x/index.md", True, "essays/x/"),
        ("essays/x/reflection.md", True, "essays/x/reflection/"),
        ("essays/x/reflection.md", False, "essays/x/reflection.html"),
        ("index.md", False, "index.html"),
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
        ("missing.md", "glossary", "glossary/mao/", "missing.md"),  # no such file: as written, for the link check to report
        ("deng.md", "glossary", "glossary/mao.html", "deng/"),
    ],
)
def test_resolver(href, written_in, page, expected):
    assert resolver(written_in, linker(URLS, page))(href) == expected


def test_linker_knows_only_the_site_files():
    link = linker(URLS, "essays/x/a/")
    assert (link("glossary/deng.md"), link("glossary/deng.md", "p"), link("glossary/none.md")) == ("../../../glossary/deng/", "../../../glossary/deng/#p", None)


@pytest.mark.parametrize(("url", "expected"), [
    ("//tracker.example/p.gif", True), ("\\\\tracker.example", True), ("/\\tracker.example", True),
    ("\\/tracker.example", True), ("///tracker.example", True), (" \t//tracker.example", True),
    ("/\t/tracker.example", True), ("/\n\\tracker.example", True),
    ("/assets/p.png", False), ("../x.md", False), ("x//y", False), ("https://example.org", False), ("#a", False),
    ("", False),
])
def test_network_path(url, expected):
    assert network_path(url) is expected


@pytest.mark.parametrize("href", ["//glossary/deng.md", "\\\\glossary/deng.md", "/\\glossary/deng.md"])
def test_the_resolver_never_reads_another_sites_address_as_a_site_file(href):
    assert resolver("", linker({**URLS, "/glossary/deng.md": "glossary/deng/"}, "essays/x/a/"))(href) == href
