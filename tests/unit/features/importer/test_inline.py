"""A source paragraph becomes Markdown that shows its words as written: only terms, links and emphasis are markup."""

from __future__ import annotations

import re
from html import unescape

import pytest

markdown = pytest.importorskip("markdown")

from edition.content.markup import plain_text  # noqa: E402
from edition.features.importer.inline import paragraph_markdown  # noqa: E402

EXTENSIONS = [
    "abbr",
    "admonition",
    "attr_list",
    "footnotes",
    "md_in_html",
    "pymdownx.details",
    "pymdownx.superfences",
    "toc",
]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Plain text.", "Plain text."),
        ("# not a heading", "\\# not a heading"),
        ("1984. That year", "1984\\. That year"),
        ("2) second", "2\\) second"),
        ("- not a list", "\\- not a list"),
        ("+ not a list", "\\+ not a list"),
        ("* not a list", "\\* not a list"),
        ("> not a quote", "\\> not a quote"),
        ("---", "\\---"),
        ("- - -", "\\- - -"),
        ("***", "\\*\\*\\*"),
        ("!!! note", "\\!!! note"),
        ("??? note", "&#63;?? note"),
        ("~~~ fence", "&#126;~~ fence"),
        ("```", "\\`\\`\\`"),
        ("<script>x</script>", "&lt;script>x&lt;/script>"),
        ("<b onmouseover=alert(1)>bold</b>", "&lt;b onmouseover=alert(1)>bold&lt;/b>"),
        ('Text {: onclick="x" }', 'Text \\{: onclick="x" \\}'),
        ("A { #id .class } here", "A \\{ #id .class \\} here"),
        ("&amp; and &#60; and &copy;", "&amp;amp; and &amp;#60; and &amp;copy;"),
        ("a\\*b and C:\\path", "a\\\\\\*b and C:\\\\path"),
        ("snake_case_name and 5 * 3", "snake\\_case\\_name and 5 \\* 3"),
        ("*[HTML]: Hyper Text", "\\*\\[HTML\\]: Hyper Text"),
        ("[^1]: a footnote", "\\[^1\\]: a footnote"),
        ("[ref]: https://example.org", "\\[ref\\]: https://example.org"),
        (
            "A [term](#) and a [link](https://example.org/a_b?x=1&y=2).",
            "A [term](#) and a [link](https://example.org/a_b?x=1&y=2).",
        ),
        ("[^1](#) is not a term", "\\[^1\\](#) is not a term"),
        ("![alt](https://example.org/x.png)", "\\![alt](https://example.org/x.png)"),
        ("[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))"),
        (
            "*The Wandering Earth* and **strong** and _under_ and __both__",
            "*The Wandering Earth* and **strong** and _under_ and __both__",
        ),
        ("*a [term](#) in emphasis*", "*a [term](#) in emphasis*"),
        ("a*b*c and *unclosed", "a\\*b\\*c and \\*unclosed"),
        ("`code`", "\\`code\\`"),
    ],
)
def test_paragraph_markdown(text, expected):
    assert paragraph_markdown(text) == expected


@pytest.mark.parametrize(
    "text, words",
    [
        ("<b onmouseover=alert(1)>x</b> & &amp; &lt;", None),
        ('{: onclick="x" } {#id .c} \\{ \\', None),
        ("*em* a*b* _x_y_ __s__ **t** *a **b** c*", "em a*b* x_y s t a b c"),
        ("[a](#) ![b](#) [c](https://e.org) [d](javascript:x) [^e]", "a !b c [d](javascript:x) [^e]"),
        ("??? x ~~~ !!! y", None),
        ("1. *[HTML]: z", None),
        ("- - -", None),
        ("\u6210\u90fd *\u5929\u5e9c* [\u9ad8\u6797](#)", "\u6210\u90fd \u5929\u5e9c \u9ad8\u6797"),
    ],
)
def test_the_page_shows_the_words_and_the_model_reads_them_back(text, words):
    """Rendered with the site's extensions: one paragraph, no element but emphasis and links, the source's words."""
    html = markdown.markdown(paragraph_markdown(text) + "\n{: #p-1 }", extensions=EXTENSIONS)
    assert html.startswith('<p id="p-1">') and html.endswith("</p>") and html.count("<p") == 1, html
    assert set(re.findall(r"<(\w+)", html)) <= {"p", "a", "em", "strong"}, html
    attributes = [name for tag in re.findall(r"<\w+([^>]*)>", html) for name in re.findall(r"([\w-]+)=", tag)]
    assert attributes == ["id"] + ["href"] * html.count("<a "), html
    assert shown(html) == (text if words is None else words)
    assert plain_text(paragraph_markdown(text)) == shown(html)


def shown(html: str) -> str:
    """The text a reader sees in the HTML."""
    return unescape(" ".join(re.sub(r"<[^>]+>", "", html).split()))
