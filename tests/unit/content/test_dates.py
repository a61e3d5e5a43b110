"""Dates as readers see them."""

import pytest

from edition.content.dates import long_date, time_tag


@pytest.mark.parametrize(
    "iso, text",
    [
        ("2024-02-01", "1 February 2024"),
        ("2026-11-27", "27 November 2026"),
        ("February 24 2023", "February 24 2023"),
        ("", ""),
    ],
)
def test_long_date(iso, text):
    assert long_date(iso) == text


def test_time_tag_escapes():
    assert time_tag("2023-02-24") == '<time datetime="2023-02-24">24 February 2023</time>'
    assert time_tag('<x">') == '<time datetime="&lt;x&quot;&gt;">&lt;x&quot;&gt;</time>'
