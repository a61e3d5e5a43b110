"""The navigation built from the model: essays newest first, titles escaped for the theme."""

from __future__ import annotations

from edition.content.model import Essay, Section
from edition.features.reading.navigation import site_nav


def test_titles_are_html_escaped_since_material_prints_them_as_they_are():
    essay = Essay(
        "e",
        "<b onmouseover=x>T</b> &amp;",
        "A",
        "2024-01-01",
        sections=[Section("", "index"), Section("<i>S</i> & more", "s")],
    )
    nav = site_nav([essay])
    assert nav[1] == {
        "Essays": [
            {
                "&lt;b onmouseover=x&gt;T&lt;/b&gt; &amp;amp;": [
                    "essays/e/index.md",
                    {"&lt;i&gt;S&lt;/i&gt; &amp; more": "essays/e/s.md"},
                ]
            }
        ]
    }
