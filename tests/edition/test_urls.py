"""Page addresses and relative links, as MkDocs computes them."""

from __future__ import annotations

import posixpath

import pytest

from edition.urls import page_url, relative_url


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
