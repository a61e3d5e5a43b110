"""Tables for resolving a link in an output page to a file of the built site."""

from __future__ import annotations

import pytest

from edition.features.linkcheck.resolve import (
    Addresses,
    BuiltSite,
    OutsideSite,
    ancestors,
    base_dir,
    display,
    fragment_id,
    join,
    looks_like_page,
    md_page,
    split,
    target_file,
)

DIRECTORY_SITE = BuiltSite(
    frozenset(
        {
            "index.html",
            "404.html",
            "essays/x/index.html",
            "essays/x/part/index.html",
            "glossary/soft-power/index.html",
            "images/my map.png",
            "images/map.png",
            "assets/main.css",
            "essays/index.html",
        }
    ),
    prefix="/edition/",
    origin="https://example.org/edition/",
)
FLAT_SITE = BuiltSite(frozenset({"index.html", "essays/x.html", "essays/x/part.html", "glossary/soft-power.html"}))


def resolve(page: str, url: str, site: BuiltSite) -> str | None:
    path, _query, _fragment = split(url)
    rel, is_dir = join(base_dir(page), path, site.prefix)
    return target_file(rel, is_dir, site)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("a/b/", ("a/b/", "", None)),
        ("a/b/#x", ("a/b/", "", "x")),
        ("a/b/?q=1#x", ("a/b/", "q=1", "x")),
        ("#", ("", "", "")),
        ("?q", ("", "q", None)),
        ("a#b#c", ("a", "", "b#c")),
    ],
)
def test_split(url: str, expected: tuple[str, str, str | None]) -> None:
    assert split(url) == expected


@pytest.mark.parametrize(
    ("page", "url", "expected"),
    [
        # use_directory_urls: every page is a folder with index.html
        ("essays/x/index.html", "../../glossary/soft-power/", "glossary/soft-power/index.html"),
        ("essays/x/index.html", "../../glossary/soft-power", "glossary/soft-power/index.html"),
        ("essays/x/index.html", "../../glossary/soft-power/index.html", "glossary/soft-power/index.html"),
        ("essays/x/index.html", "part/", "essays/x/part/index.html"),
        ("essays/x/index.html", "./part/#p-1", "essays/x/part/index.html"),
        ("essays/x/index.html", ".", "essays/x/index.html"),
        ("essays/x/index.html", "./", "essays/x/index.html"),
        ("essays/x/index.html", "..", "essays/index.html"),
        ("essays/x/index.html", "../..", "index.html"),
        ("essays/x/index.html", "../../", "index.html"),
        ("essays/x/part/index.html", "../../../images/my%20map.png", "images/my map.png"),
        ("essays/x/index.html", "../../assets/main.css?v=3", "assets/main.css"),
        ("essays/x/index.html", "", "essays/x/index.html"),
        # absolute links (404.html) carry the site_url path prefix
        ("404.html", "/edition/", "index.html"),
        ("404.html", "/edition", "index.html"),
        ("404.html", "/edition/.", "index.html"),
        ("404.html", "/edition/assets/main.css", "assets/main.css"),
        ("404.html", "/edition/glossary/soft-power/", "glossary/soft-power/index.html"),
        # missing targets
        ("essays/x/index.html", "../../glossary/soft-powr/", None),
        ("essays/x/index.html", "../../images/mapp.png", None),
        ("essays/x/index.html", "../../assets/", None),
        ("index.html", "images/map.png/", None),
    ],
)
def test_resolve_directory_urls(page: str, url: str, expected: str | None) -> None:
    assert resolve(page, url, DIRECTORY_SITE) == expected


@pytest.mark.parametrize(
    ("page", "url", "expected"),
    [
        ("essays/x.html", "x/part.html", "essays/x/part.html"),
        ("essays/x/part.html", "../x.html", "essays/x.html"),
        ("essays/x/part.html", "../../index.html", "index.html"),
        ("essays/x/part.html", "../../glossary/soft-power.html#history", "glossary/soft-power.html"),
        ("essays/x.html", "../", "index.html"),
        ("index.html", ".", "index.html"),
        ("essays/x.html", "x/part", None),
        ("essays/x.html", "x/part/", None),
    ],
)
def test_resolve_flat_urls(page: str, url: str, expected: str | None) -> None:
    assert resolve(page, url, FLAT_SITE) == expected


@pytest.mark.parametrize(
    ("page", "path", "prefix", "reason"),
    [
        ("index.html", "../x/", "/", "above the site root"),
        ("essays/x/index.html", "../../../", "/", "above the site root"),
        ("404.html", "/other/", "/edition/", "outside the site (its root is '/edition/')"),
        ("404.html", "/editions/", "/edition/", "outside the site (its root is '/edition/')"),
    ],
)
def test_outside_the_site(page: str, path: str, prefix: str, reason: str) -> None:
    with pytest.raises(OutsideSite, match=reason.replace("(", r"\(").replace(")", r"\)")):
        join(base_dir(page), path, prefix)


@pytest.mark.parametrize(
    ("file", "shown"),
    [
        ("index.html", "./"),
        ("essays/x/index.html", "essays/x/"),
        ("essays/x.html", "essays/x.html"),
        ("a.png", "a.png"),
    ],
)
def test_display(file: str, shown: str) -> None:
    assert display(file) == shown


@pytest.mark.parametrize(
    ("src_uri", "link", "directory_urls", "page"),
    [
        ("essays/x/reflection.md", "../../glossary/soft-powr.md", True, "glossary/soft-powr/"),
        ("essays/x/reflection.md", "../../glossary/soft-powr.md", False, "glossary/soft-powr.html"),
        ("essays/x/reflection.md", "index.md", True, "essays/x/"),
        ("essays/x/reflection.md", "index.md", False, "essays/x/index.html"),
        ("essays/x/reflection.md", "../../index.md", True, ""),
        ("essays/x/reflection.md", "README.md", True, "essays/x/"),
        ("essays/x/reflection.md", "my%20page.md", True, "essays/x/my page/"),
        ("index.md", "../outside.md", True, None),
    ],
)
def test_md_page(src_uri: str, link: str, directory_urls: bool, page: str | None) -> None:
    assert md_page(src_uri, link, directory_urls) == page


@pytest.mark.parametrize(
    ("rel", "is_dir", "page"),
    [
        ("a/b", False, True),
        ("a/b", True, True),
        ("a/b.html", False, True),
        ("a/b.md", False, True),
        ("a/b.png", False, False),
    ],
)
def test_looks_like_page(rel: str, is_dir: bool, page: bool) -> None:
    assert looks_like_page(rel, is_dir) is page


def test_site_lists_every_folder() -> None:
    assert {"", "essays", "essays/x", "essays/x/part", "images"} <= DIRECTORY_SITE.dirs


def test_servable_spellings() -> None:
    assert {"", "essays/x/", "essays/x", "images/map.png", "essays/x/index.html"} <= DIRECTORY_SITE.servable
    assert not {"images/", "images", "assets/"} & DIRECTORY_SITE.servable


@pytest.mark.parametrize(("base", "expected"), [("", [""]), ("a/", ["a/", ""]), ("a/b/", ["a/b/", "a/", ""])])
def test_ancestors(base: str, expected: list[str]) -> None:
    assert ancestors(base) == expected


@pytest.mark.parametrize(
    ("fragment", "wanted"),
    [
        ("", None),
        ("top", None),
        ("TOP", None),
        ("Top", None),
        ("%74op", None),
        (":~:text=soft%20power", None),
        (":~:text=a&text=b", None),
        ("part", "part"),
        ("part:~:text=x", "part"),
        ("top:~:text=x", None),
        ("topic", "topic"),
        ("caf%C3%A9", "caf%C3%A9"),
    ],
)
def test_fragment_id(fragment: str, wanted: str | None) -> None:
    assert fragment_id(fragment) == wanted


PAGES = [
    "./",
    "essays/",
    "essays/wandering-earth-ii/",
    "essays/wandering-earth-ii/diplomacy-and-geopolitics/",
    "essays/wandering-earth-ii/print/",
    "essays/wandering-earth-ii/reflection/",
    "essays/wandering-earth-ii/revisions/",
    "essays/solo/",
    "glossary/",
    "glossary/soft-power/",
    "glossary/hugo-award/",
]


@pytest.mark.parametrize(
    ("wanted", "meant"),
    [
        ("essays/wandering-earth-ii/reflections/", "essays/wandering-earth-ii/reflection/"),  # a letter too many
        ("essays/wandering-earth-ii/reflection.md", "essays/wandering-earth-ii/reflection/"),  # as the source names it
        ("essays/wandering-earth-ii/diplomacy/", "essays/wandering-earth-ii/diplomacy-and-geopolitics/"),  # begun
        ("essays/wandering-earth-ii/dip/", None),  # too few letters to be the start of a name
        ("essays/wandering-earth-ii/missing/", None),  # not the essay's own page, nor its revisions: no guess
        ("essays/wandering-earth-ii/opening/", None),
        ("glossary/soft-powr/", "glossary/soft-power/"),
        ("glosary/soft-power/", "glossary/soft-power/"),  # the folder mistyped: compared whole, in the nearest folders
        ("essays/wandering-earth/", "essays/wandering-earth-ii/"),
        ("essays/solo/part/", None),  # a folder whose page holds no other
        ("about/", None),
    ],
)
def test_a_missing_page_is_compared_with_the_names_in_its_folder(wanted: str, meant: str | None) -> None:
    assert Addresses(PAGES).closest(wanted) == meant


@pytest.mark.parametrize(
    ("wanted", "meant"),
    [
        ("images/mapp.png", "images/map.png"),
        ("images/poster.png", None),  # '.png' alike is not a name alike
        ("essays/images/map.png", "images/map.png"),  # no such folder: compared whole, in the nearest folders
        ("pictures/map.png", None),  # no folder like it
    ],
)
def test_a_missing_file_is_compared_with_the_files_of_its_kind(wanted: str, meant: str | None) -> None:
    assert Addresses(["images/map.png", "images/logo.png", "files/map.png"]).closest(wanted) == meant
