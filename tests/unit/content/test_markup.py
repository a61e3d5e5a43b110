"""The reader's text of inline Markdown: escaped characters are words, never markup."""

from __future__ import annotations

import pytest

from edition.content.markup import plain_text


@pytest.mark.parametrize(
    "markdown, text",
    [
        ("*The Wandering Earth* and [Liu Cixin](#)", "The Wandering Earth and Liu Cixin"),
        ("a \\*b\\* c", "a *b* c"),
        ("\\*a\\* and *b*", "*a* and b"),
        ("snake\\_case\\_name", "snake_case_name"),
        ("\\[x\\](y) and \\\\", "[x](y) and \\"),
        ("*a \\*b* c\\*", "a *b c*"),
        ("&amp;amp; and &lt;b> and \\{: .c \\}", "&amp; and <b> and {: .c }"),
        ("[a \\[term\\]](../../glossary/t.md)", "a [term]"),
    ],
)
def test_plain_text(markdown, text):
    assert plain_text(markdown) == text
