"""Tables for reading the attributes that hold more than one address, as the HTML standard does."""

from __future__ import annotations

import pytest

from edition.features.linkcheck.attributes import refresh_url, srcset_urls


@pytest.mark.parametrize(
    ("srcset", "urls"),
    [
        ("", []),
        (" , ,", []),
        ("a.png", ["a.png"]),
        ("a.png 2x", ["a.png"]),
        ("a.png 1x, b.png 2x", ["a.png", "b.png"]),
        ("a,b.png 2x", ["a,b.png"]),  # an address runs to whitespace: the comma is part of it
        ("a.png,b.png", ["a.png,b.png"]),
        ("a.png, b.png", ["a.png", "b.png"]),  # a trailing comma ends an address without descriptors
        ("a.png,, b.png 2x", ["a.png", "b.png"]),
        (
            "/300.png 300w,/600.png 600w,/900.png 900w,https://x.invalid/a.png 1000w,relative.png 10w",
            ["/300.png", "/600.png", "/900.png", "https://x.invalid/a.png", "relative.png"],
        ),
        (
            "/cdn/format=webp,width=640/a.jpg 640w, /cdn/format=webp,width=750/a.jpg 750w",
            ["/cdn/format=webp,width=640/a.jpg", "/cdn/format=webp,width=750/a.jpg"],
        ),
        ("a.png (x, y) 2x, b.png", ["a.png", "b.png"]),  # a comma inside parentheses does not end descriptors
        ("a.png 2x  ,  b.png\t3x\n", ["a.png", "b.png"]),
        ("a.png 1x b.png 2x", ["a.png"]),  # 'b.png' is a (bad) descriptor, not an address
    ],
)
def test_srcset_urls(srcset: str, urls: list[str]) -> None:
    assert srcset_urls(srcset) == urls


@pytest.mark.parametrize(
    ("content", "url"),
    [
        ("0; url=next/", "next/"),
        ("0;URL=next/", "next/"),
        ("5, next/", "next/"),
        ("0; url = 'next/'", "next/"),
        ('0; url="a b/"x', "a b/"),
        ("0.5; url=next/", "next/"),
        (".5 next/", "next/"),
        ("  3  ;  url=next/  ", "next/"),
        ("30", None),
        ("30;", None),
        ("", None),
        ("url=next/", None),  # no delay: browsers ignore it
        ("0x; url=next/", None),  # a delay must end in whitespace, ';' or ','
    ],
)
def test_refresh_url(content: str, url: str | None) -> None:
    assert refresh_url(content) == url
