"""Safe rendering of note bodies: hostile input becomes text or is dropped, with a message."""

from __future__ import annotations

import re

import pytest

from edition.commentary.allowlist import address_problem
from edition.commentary.sanitize import SafeMarkdown

TAG = re.compile(r"<[a-zA-Z][^>]*>")
DANGER = re.compile(r"^<(script|iframe|object|embed|style)|\son\w+\s*=|javascript:|vbscript:|data:", re.I)


def dangerous_tags(html: str) -> list[str]:
    """Real tags (not escaped text) that could run code."""
    return [tag for tag in TAG.findall(html) if DANGER.search(tag)]

RAW = "raw HTML '{}' is shown as text."
JS = "link address '{}' is not allowed (only http, https, mailto or relative addresses); it was replaced by its text."
HOSTILE = [
    # (case, Markdown, expected HTML, expected findings)
    ("raw script", "<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>", [RAW.format("<script>")]),
    ("raw script block", "<script>\nalert(1)\n</script>", "<p>&lt;script&gt;\nalert(1)\n&lt;/script&gt;</p>",
     [RAW.format("<script>"), RAW.format("</script>")]),
    ("img onerror", "<img src=x onerror=alert(1)>", "<p>&lt;img src=x onerror=alert(1)&gt;</p>", [RAW.format("<img src=x onerror=alert(1)>")]),
    ("inline html", "a <b onclick=x>b</b>", "<p>a &lt;b onclick=x&gt;b&lt;/b&gt;</p>", [RAW.format("<b onclick=x>")]),
    ("md_in_html", '<div markdown="1">*x*</div>', '<p>&lt;div markdown="1"&gt;<em>x</em>&lt;/div&gt;</p>', [RAW.format('<div markdown="1">')]),
    ("comment", "a <!-- hidden --> b", "<p>a &lt;!-- hidden --&gt; b</p>", [RAW.format("<!-- hidden -->")]),
    ("long tag shortened", "<a title='" + "x" * 50 + "'>", "<p>&lt;a title='" + "x" * 50 + "'&gt;</p>",
     [RAW.format("<a title='" + "x" * 30 + "…")]),
    ("attr_list", "Click me\n{: onclick=\"alert(1)\" }", '<p>Click me\n{: onclick="alert(1)" }</p>', []),
    ("javascript link", "[x](javascript:alert(1))", "<p>x</p>", [JS.format("javascript:alert(1)")]),
    ("mixed case", "[x](JaVaScRiPt:alert(1))", "<p>x</p>", [JS.format("JaVaScRiPt:alert(1)")]),
    ("decimal entity", "[x](&#106;avascript:alert(1))", "<p>x</p>", [JS.format("&#106;avascript:alert(1)")]),
    ("hex entity", "[x](&#x6A;avascript:alert(1))", "<p>x</p>", [JS.format("&#x6A;avascript:alert(1)")]),
    ("named entity colon", "[x](javascript&colon;alert(1))", "<p>x</p>", [JS.format("javascript&colon;alert(1)")]),
    ("leading space", "[x]( javascript:alert(1))", "<p>x</p>", [JS.format("javascript:alert(1)")]),
    ("tab inside", "[x](java\tscript:alert(1))", "<p>x</p>", [JS.format("java    script:alert(1)")]),
    ("angle brackets", "[x](<javascript:alert(1)>)", "<p>x</p>", [JS.format("javascript:alert(1)")]),
    ("reference link", "[x][r]\n\n[r]: vbscript:msgbox(1)", "<p>x</p>", [JS.format("vbscript:msgbox(1)")]),
    ("data link", "[x](data:text/html;base64,PHNjcmlwdD4=)", "<p>x</p>", [JS.format("data:text/html;base64,PHNjcmlwdD4=")]),
    ("image javascript", "![pic](javascript:alert(1))", "<p>pic</p>",
     ["image address 'javascript:alert(1)' is not allowed (only relative addresses); it was replaced by its text."]),
    ("image elsewhere", "![pic](https://tracker.example/p.gif)", "<p>pic</p>",
     ["image address 'https://tracker.example/p.gif' is not allowed (only relative addresses); it was replaced by its text."]),
    ("link text kept", "[**bold** text](javascript:x) after", "<p><strong>bold</strong> text after</p>", [JS.format("javascript:x")]),
    ("https link", '[x](https://example.org/a?b=1&c=2 "T")', '<p><a href="https://example.org/a?b=1&amp;c=2" title="T">x</a></p>', []),
    ("mailto", "[m](mailto:a@example.org)", '<p><a href="mailto:a@example.org">m</a></p>', []),
    ("relative", "[r](../../glossary/x.md#y)", '<p><a href="../../glossary/x.md#y">r</a></p>', []),
    ("fragment", "[f](#top)", '<p><a href="#top">f</a></p>', []),
    ("local image", "![pic](pic.png)", '<p><img alt="pic" src="pic.png"></p>', []),
    ("code keeps markup as text", "`<script>`", "<p><code>&lt;script&gt;</code></p>", []),
    ("fenced code keeps markup as text", "```\n<script>\n```", "<pre><code>&lt;script&gt;\n</code></pre>", []),
    ("toc marker is text without a toc", "[TOC]", "<p>[TOC]</p>", []),
]


@pytest.mark.parametrize("source, expected, messages", [c[1:] for c in HOSTILE], ids=[c[0] for c in HOSTILE])
def test_hostile_markdown(source, expected, messages):
    html, found = SafeMarkdown().render(source)
    assert html == expected
    assert [f.message for f in found] == messages
    assert dangerous_tags(html) == []


def test_problem_names_the_address():
    _, found = SafeMarkdown().render("[x](JaVaScRiPt:alert(1))")
    assert [f.message for f in found] == ["link address 'JaVaScRiPt:alert(1)' is not allowed (only http, https, mailto or relative addresses); "
                     "it was replaced by its text."]


def test_footnotes_get_ids_unique_across_notes():
    md = SafeMarkdown()
    first, _ = md.render("a[^1]\n\n[^1]: one")
    second, _ = md.render("b[^1]\n\n[^1]: two")
    ids = lambda html: set(re.findall(r'id="([^"]+)"', html))  # noqa: E731
    assert ids(first) and not ids(first) & ids(second)


def test_relative_links_go_through_the_resolver():
    html, _ = SafeMarkdown().render("[r](../x.md) [a](https://e.org) [f](#f)", lambda href: "RESOLVED/" + href)
    assert html == '<p><a href="RESOLVED/../x.md">r</a> <a href="https://e.org">a</a> <a href="#f">f</a></p>'


@pytest.mark.parametrize("url", ["https://e.org", "http://e.org", "mailto:x@e.org", "x.md", "../a/b.md#c", "#c", "?q=1"])
def test_safe_addresses(url):
    assert address_problem(url, ("http", "https", "mailto")) is None


@pytest.mark.parametrize("url", ["javascript:x", " JAVASCRIPT:x", "\x01javascript:x", "java\nscript:x", "&#0000106;avascript:x",
                                 "data:x", "vbscript:x", "file:///etc/passwd", "http://[::1"])
def test_unsafe_addresses(url):
    assert address_problem(url, ("http", "https", "mailto"))


def test_rendered_once_then_filled_per_page():
    rendered = SafeMarkdown().render_once("[a](x.md) [b](x.md#p) [c](#here) [d](https://example.org/) [e](javascript:x)")
    assert rendered.relative == ["x.md", "x.md#p"]
    for to_x in ("../x/", "../../x/"):  # from a page one folder down, and from one two folders down
        html = rendered.fill(lambda href, to_x=to_x: href.replace("x.md", to_x))
        assert f'href="{to_x}"' in html and f'href="{to_x}#p"' in html and 'href="#here"' in html
    assert [str(p) for p in rendered.reported("docs/glossary/x.md")] == [
        "docs/glossary/x.md: body: link address 'javascript:x' is not allowed (only http, https, mailto or relative addresses); "
        "it was replaced by its text. Use an http(s), mailto or relative address."
    ]


def test_a_filled_address_is_escaped_once():
    rendered = SafeMarkdown().render_once("[a](x.md)")
    assert 'href="a?b=1&amp;c=&quot;2&quot;"' in rendered.fill(lambda href: 'a?b=1&c="2"')


@pytest.mark.parametrize(
    "toc, source, html, tokens",
    [
        (None, "## History", "<h2>History</h2>", []),
        ({}, "## History", '<h2 id="history">History</h2>', [("history", "History", 2)]),
        ({"permalink": True}, "## History\n\n### Since 1978",
         '<h2 id="history">History<a class="headerlink" href="#history" title="Permanent link">¶</a></h2>\n'
         '<h3 id="since-1978">Since 1978<a class="headerlink" href="#since-1978" title="Permanent link">¶</a></h3>',
         [("history", "History", 2)]),
    ],
    ids=["no toc", "ids", "permalinks and nesting"],
)
def test_headings_get_ids_and_tokens_when_a_toc_is_asked_for(toc, source, html, tokens):
    rendered = SafeMarkdown(toc=toc).render_once(source)
    assert rendered.html == html
    assert [(t["id"], t["name"], t["level"]) for t in rendered.toc] == tokens


def test_a_relative_image_is_addressed_from_each_page_like_a_link():
    rendered = SafeMarkdown().render_once("![map](../assets/map.png) [entry](deng.md)")
    assert rendered.relative == ["../assets/map.png", "deng.md"]
    html = rendered.fill({"../assets/map.png": "../../assets/map.png", "deng.md": "../deng/"}.__getitem__)
    assert html == '<p><img alt="map" src="../../assets/map.png"> <a href="../deng/">entry</a></p>'
