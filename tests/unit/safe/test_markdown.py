"""Safe rendering of note bodies: hostile input becomes text or is dropped, with a message."""

from __future__ import annotations

import re
from html import escape
from html.parser import HTMLParser

import markdown
import nh3
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edition.safe import allowlist
from edition.safe.allowlist import address_problem, scheme_of
from edition.safe.markdown import Finding, SafeMarkdown

TAG = re.compile(r"<[a-zA-Z][^>]*>")
DANGER = re.compile(r"^<(script|iframe|object|embed|style)|\son\w+\s*=|javascript:|vbscript:|data:", re.I)


def dangerous_tags(html: str) -> list[str]:
    """Real tags (not escaped text) that could run code."""
    return [tag for tag in TAG.findall(html) if DANGER.search(tag)]


RAW = "raw HTML '{}' is shown as text."
JS = "link address '{}' is not allowed (only http, https, mailto or relative addresses); it was replaced by its text."
HOSTILE = [
    # (case, Markdown, expected HTML, expected findings)
    (
        "raw script",
        "<script>alert(1)</script>",
        "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
        [RAW.format("<script>")],
    ),
    (
        "raw script block",
        "<script>\nalert(1)\n</script>",
        "<p>&lt;script&gt;\nalert(1)\n&lt;/script&gt;</p>",
        [RAW.format("<script>"), RAW.format("</script>")],
    ),
    (
        "img onerror",
        "<img src=x onerror=alert(1)>",
        "<p>&lt;img src=x onerror=alert(1)&gt;</p>",
        [RAW.format("<img src=x onerror=alert(1)>")],
    ),
    ("inline html", "a <b onclick=x>b</b>", "<p>a &lt;b onclick=x&gt;b&lt;/b&gt;</p>", [RAW.format("<b onclick=x>")]),
    (
        "md_in_html",
        '<div markdown="1">*x*</div>',
        '<p>&lt;div markdown="1"&gt;<em>x</em>&lt;/div&gt;</p>',
        [RAW.format('<div markdown="1">')],
    ),
    ("comment", "a <!-- hidden --> b", "<p>a &lt;!-- hidden --&gt; b</p>", [RAW.format("<!-- hidden -->")]),
    (
        "long tag shortened",
        "<a title='" + "x" * 50 + "'>",
        "<p>&lt;a title='" + "x" * 50 + "'&gt;</p>",
        [RAW.format("<a title='" + "x" * 30 + "…")],
    ),
    ("attr_list", 'Click me\n{: onclick="alert(1)" }', '<p>Click me\n{: onclick="alert(1)" }</p>', []),
    ("javascript link", "[x](javascript:alert(1))", "<p>x</p>", [JS.format("javascript:alert(1)")]),
    ("mixed case", "[x](JaVaScRiPt:alert(1))", "<p>x</p>", [JS.format("JaVaScRiPt:alert(1)")]),
    ("decimal entity", "[x](&#106;avascript:alert(1))", "<p>x</p>", [JS.format("&#106;avascript:alert(1)")]),
    ("hex entity", "[x](&#x6A;avascript:alert(1))", "<p>x</p>", [JS.format("&#x6A;avascript:alert(1)")]),
    ("named entity colon", "[x](javascript&colon;alert(1))", "<p>x</p>", [JS.format("javascript&colon;alert(1)")]),
    ("leading space", "[x]( javascript:alert(1))", "<p>x</p>", [JS.format("javascript:alert(1)")]),
    ("tab inside", "[x](java\tscript:alert(1))", "<p>x</p>", [JS.format("java    script:alert(1)")]),
    ("angle brackets", "[x](<javascript:alert(1)>)", "<p>x</p>", [JS.format("javascript:alert(1)")]),
    ("reference link", "[x][r]\n\n[r]: vbscript:msgbox(1)", "<p>x</p>", [JS.format("vbscript:msgbox(1)")]),
    (
        "data link",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "<p>x</p>",
        [JS.format("data:text/html;base64,PHNjcmlwdD4=")],
    ),
    (
        "image javascript",
        "![pic](javascript:alert(1))",
        "<p>pic</p>",
        ["image address 'javascript:alert(1)' is not allowed (only relative addresses); it was replaced by its text."],
    ),
    (
        "image elsewhere",
        "![pic](https://tracker.example/p.gif)",
        "<p>pic</p>",
        [
            "image address 'https://tracker.example/p.gif' is not allowed (only relative addresses); "
            "it was replaced by its text."
        ],
    ),
    (
        "link text kept",
        "[**bold** text](javascript:x) after",
        "<p><strong>bold</strong> text after</p>",
        [JS.format("javascript:x")],
    ),
    (
        "https link",
        '[x](https://example.org/a?b=1&c=2 "T")',
        '<p><a href="https://example.org/a?b=1&amp;c=2" title="T">x</a></p>',
        [],
    ),
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
    assert [f.message for f in found] == [
        "link address 'JaVaScRiPt:alert(1)' is not allowed (only http, https, mailto or relative addresses); "
        "it was replaced by its text."
    ]


def test_footnotes_get_ids_unique_across_notes():
    md = SafeMarkdown()
    first, _ = md.render("a[^1]\n\n[^1]: one")
    second, _ = md.render("b[^1]\n\n[^1]: two")
    ids = lambda html: set(re.findall(r'id="([^"]+)"', html))  # noqa: E731
    assert ids(first) and not ids(first) & ids(second)


def test_relative_links_go_through_the_resolver():
    html, _ = SafeMarkdown().render("[r](../x.md) [a](https://e.org) [f](#f)", lambda href: "RESOLVED/" + href)
    assert html == '<p><a href="RESOLVED/../x.md">r</a> <a href="https://e.org">a</a> <a href="#f">f</a></p>'


@pytest.mark.parametrize(
    "url", ["https://e.org", "http://e.org", "mailto:x@e.org", "x.md", "../a/b.md#c", "#c", "?q=1"]
)
def test_safe_addresses(url):
    assert address_problem(url, ("http", "https", "mailto")) is None


@pytest.mark.parametrize(
    "url",
    [
        "javascript:x",
        " JAVASCRIPT:x",
        "\x01javascript:x",
        "java\nscript:x",
        "&#0000106;avascript:x",
        "data:x",
        "vbscript:x",
        "file:///etc/passwd",
        "http://[::1",
    ],
)
def test_unsafe_addresses(url):
    assert address_problem(url, ("http", "https", "mailto"))


def test_rendered_once_then_filled_per_page():
    rendered = SafeMarkdown().render_once(
        "[a](x.md) [b](x.md#p) [c](#here) [d](https://example.org/) [e](javascript:x)"
    )
    assert rendered.relative == ["x.md", "x.md#p"]
    for to_x in ("../x/", "../../x/"):  # from a page one folder down, and from one two folders down
        html = rendered.fill(lambda href, to_x=to_x: href.replace("x.md", to_x))
        assert f'href="{to_x}"' in html and f'href="{to_x}#p"' in html and 'href="#here"' in html
    assert [str(p) for p in rendered.reported("docs/glossary/x.md")] == [
        "docs/glossary/x.md: body: link address 'javascript:x' is not allowed "
        "(only http, https, mailto or relative addresses); "
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
        (
            {"permalink": True},
            "## History\n\n### Since 1978",
            '<h2 id="history">History<a class="headerlink" href="#history" title="Permanent link">¶</a></h2>\n'
            '<h3 id="since-1978">Since 1978<a class="headerlink" href="#since-1978" title="Permanent link">¶</a></h3>',
            [("history", "History", 2)],
        ),
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


# --- addresses of another site: '//host' and what browsers read as it --------------------------------

NETWORK = "; '//' starts another site's address"


@pytest.mark.parametrize(
    "url",
    [
        "//tracker.example/p.gif",
        "\\\\tracker.example/p.gif",
        "/\\tracker.example/p.gif",
        "\\/tracker.example/p.gif",
        "///tracker.example/p.gif",
        " //tracker.example/p.gif",
        "/\t/tracker.example/p.gif",
        "&#47;&#47;tracker.example/p.gif",
        "/&#x5C;tracker.example",
    ],
)
def test_a_network_path_is_another_site(url):
    assert scheme_of(url) == "//"
    assert address_problem(url, ("http", "https", "mailto")).endswith(NETWORK + ")")
    assert address_problem(url, ()).endswith(NETWORK + ")")


@pytest.mark.parametrize(
    "source, expected, message",
    [
        (
            "![x](//tracker.example/p.gif)",
            "<p>x</p>",
            "image address '//tracker.example/p.gif' is not allowed (only relative addresses"
            + NETWORK
            + "); it was replaced by its text.",
        ),
        (
            "[x](//tracker.example/p)",
            "<p>x</p>",
            JS.format("//tracker.example/p").replace("relative addresses)", "relative addresses" + NETWORK + ")"),
        ),
        (
            "[x](/\\tracker.example/p)",
            "<p>x</p>",
            JS.format("/\\tracker.example/p").replace("relative addresses)", "relative addresses" + NETWORK + ")"),
        ),
        ("[x](https://tracker.example/p)", '<p><a href="https://tracker.example/p">x</a></p>', None),
        (
            "![x](/assets/p.png) [y](/essays/)",
            '<p><img alt="x" src="/assets/p.png"> <a href="/essays/">y</a></p>',
            None,
        ),
    ],
    ids=["image", "link", "backslash link", "https link passes", "site paths pass"],
)
def test_network_paths_need_a_scheme_and_are_never_images(source, expected, message):
    html, found = SafeMarkdown().render(source)
    assert html == expected
    assert [f.message for f in found] == ([message] if message else [])
    assert [f.hint for f in found] == (
        ["Use a picture from the site itself, by a relative address."]
        if "image" in (message or "")
        else ["Use an http(s), mailto or relative address."]
        if message
        else []
    )


# --- no contributed construct sets an id, a class or another attribute ------------------------------

FENCE = "the code fence's attribute block '{}' is not allowed; it was ignored."


@pytest.mark.parametrize(
    "source, expected, findings",
    [
        (
            "```{ .md-header #chinas-global-strategy-2 }\nx\n```",
            "<pre><code>x\n</code></pre>",
            [(1, FENCE.format("{ .md-header #chinas-global-strategy-2 }"))],
        ),
        (
            "text\n\n~~~{#top onclick=alert(1) data-x=1}\nx\n~~~",
            "<p>text</p>\n<pre><code>x\n</code></pre>",
            [(3, FENCE.format("{#top onclick=alert(1) data-x=1}"))],
        ),
        ("``` { .a }\n```", "<pre><code></code></pre>", [(1, FENCE.format("{ .a }"))]),
        ("```python\nx\n```", "<pre><code>x\n</code></pre>", []),
        ("```.md-header\nx\n```", "<pre><code>x\n</code></pre>", []),
        ('```md-typeset hl_lines="1"\nx\n```', "<pre><code>x\n</code></pre>", []),
        (
            "```{ " + "." * 70 + " }\nx\n```",
            "<pre><code>x\n</code></pre>",
            [(1, FENCE.format("{ " + "." * 59 + "…}"))],
        ),
    ],
    ids=[
        "class and paragraph id",
        "tilde fence, handler",
        "empty block",
        "language",
        "dotted language",
        "hl_lines",
        "long block shortened",
    ],
)
def test_a_fence_sets_no_attribute(source, expected, findings):
    html, found = SafeMarkdown().render(source)
    assert html == expected
    assert [(f.line, f.message) for f in found] == findings


@pytest.mark.parametrize(
    "source",
    [
        "```\nx\n```",
        "```\n```",
        "````\n```\nx\n````",
        "```\nx",
        "```x\n```x\n```",
        "~~~\n```\n~~~",
        "```  \nx\n```  ",
        "a\n```\nb\n```\nc",
        "```\na\n```\n\n```\nb\n```",
        '```\n<b>&amp;"</b>\n```',
        "  ```\nx\n  ```",
        "```\n\n```\n```",
    ],
)
def test_fences_are_found_as_fenced_code_finds_them(source):
    """The one-pass preprocessor finds the blocks Python-Markdown's fenced_code does (which adds a language class)."""
    html, _ = SafeMarkdown().render(source)
    theirs = markdown.markdown(source, extensions=["fenced_code"])
    assert html == nh3.clean(re.sub(r' class="language-[^"]*"', "", theirs))


def test_the_final_html_holds_only_the_allow_list():
    """Every element and attribute of every case above, stash and footnotes included, is on the allow-list."""
    md = SafeMarkdown(toc={"permalink": True})
    sources = [c[1] for c in HOSTILE] + [
        "q[^n] r[^n]\n\n[^n]: z",
        "|a|b|\n|:-|-:|\n|1|2|",
        "3. x\n4. y",
        "## Head\n\n> q",
        "```{ .md-header #x }\nx\n```",
        "[TOC]\n\n## a",
    ]
    for source in sources:
        for tag, attrs in StartTags.of(md.render(source)[0]):
            assert tag in allowlist.ELEMENTS, (source, tag)
            for name, value in attrs:
                assert allowlist.allowed(tag, name, value or ""), (source, tag, name, value)


class StartTags(HTMLParser):
    """The start tags of an HTML text, with their attributes as a browser reads them."""

    @classmethod
    def of(cls, text: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
        parser = cls()
        parser.tags = []
        parser.feed(text)
        return parser.tags

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))


@pytest.mark.parametrize(
    "stashed, expected",
    [
        (
            '<pre id="chinas-global-strategy-2" class="md-header"><code class="language-x">x</code></pre>',
            "<pre><code>x</code></pre>",
        ),
        ('<p><a href="//tracker.example/x" class="md-button">a</a></p>', "<p><a>a</a></p>"),
        (
            '<p><img src="https://tracker.example/p.gif" alt="p"><img src="/\\tracker.example/p.gif"></p>',
            '<p><img alt="p"><img></p>',
        ),
        ('<p><a href="javascript:alert(1)" onclick="x" title="t">a</a></p>', '<p><a title="t">a</a></p>'),
        ('<div class="toc"><p id="x" style="position:fixed">a</p></div>', "<div><p>a</p></div>"),
        (
            '<table><tr><td style="position: fixed;" align="left">a</td></tr></table>',
            "<table><tbody><tr><td>a</td></tr></tbody></table>",
        ),
        ('<ol start="3" type="a"><li id="chinas-global-strategy-2">a</li></ol>', '<ol start="3"><li>a</li></ol>'),
        (
            '<sup id="fnref:1-n"><a class="footnote-ref" href="#fn:1-n">1</a></sup>',
            '<sup id="fnref:1-n"><a class="footnote-ref" href="#fn:1-n">1</a></sup>',
        ),
        ('<h2 id="x y">a</h2><script>alert(1)</script><style>p{}</style><!-- c -->', "<h2>a</h2>"),
        ('<iframe src="https://e.org"></iframe><form><input></form>', ""),
    ],
    ids=[
        "fenced code attributes",
        "network path link, class",
        "images from elsewhere",
        "script address, handler",
        "toc class, chosen id, style",
        "table style and align",
        "list type, chosen id",
        "footnote ids pass",
        "bad id, script, style",
        "frames and forms",
    ],
)
def test_nh3_holds_the_allow_list_over_html_the_tree_pass_never_saw(stashed, expected):
    assert allowlist.clean(stashed) == expected


# --- bounded work on hostile text ---------------------------------------------------------------------

LIMITS = [
    (
        "2,000 stars, x, 2,000 stars",
        "*" * 2000 + "x" + "*" * 2000,
        "nests emphasis ('*' or '_') 1,001 deep; at most 64 are allowed.",
    ),
    ("open brackets", "[" * 400, "nests brackets 400 deep; at most 32 are allowed."),
    ("nested brackets", "[" * 40 + "x" + "]" * 40, "nests brackets 40 deep; at most 32 are allowed."),
    ("nested images", "![" * 40 + "x" + "](a.png)" * 40, "nests brackets 40 deep; at most 32 are allowed."),
    ("quotes", ">" * 40 + " x", "nests quotes and lists 40 deep; at most 16 are allowed."),
    ("quotes with spaces", "> " * 17 + "x", "nests quotes and lists 17 deep; at most 16 are allowed."),
    ("list markers", "- " * 17 + "x", "nests quotes and lists 17 deep; at most 16 are allowed."),
    (
        "indented lists",
        "".join(" " * 4 * i + "1. x\n" for i in range(17)),
        "nests quotes and lists 17 deep; at most 16 are allowed.",
    ),
    ("block of many lines", "# a\n" * 201, "has 201 lines with no blank line between them; at most 200 are allowed."),
    ("long block", "x" * 20_001, "has 20,001 characters with no blank line between them; at most 20,000 are allowed."),
    ("footnote marks", "[^1] " * 201 + "\n\n[^1]: x", "has 202 footnote marks ('[^'); at most 200 are allowed."),
    ("long body", ("x" * 99 + "\n\n") * 1025, "is 103,525 characters long; at most 102,400 are allowed."),
]


@pytest.mark.parametrize("source, message", [c[1:] for c in LIMITS], ids=[c[0] for c in LIMITS])
def test_a_body_past_a_limit_is_refused_by_name(source, message):
    md = SafeMarkdown(toc={})
    html, found = md.render(source)
    assert [f.message for f in found] == [message]
    assert html == "<p>This text is not shown: it " + escape(message) + "</p>"
    assert md.render("## Fine\n\n*again*") == (
        '<h2 id="fine">Fine</h2>\n<p><em>again</em></p>',
        [],
    )  # the renderer is unharmed


@pytest.mark.parametrize(
    "source",
    [
        "[" * 32 + "x" + "]" * 32,
        "\\[" * 400,
        "```\n" + "[" * 400 + "\n```",
        ">" * 16 + " x",
        "- " * 16 + "x",
        "# a\n" * 200,
        "x" * 20_000,
        "[^1] " * 199 + "\n\n[^1]: x",
        ("x" * 99 + "\n\n") * 1000,
        "```\n" + "x\n" * 1000 + "```",
    ],
    ids=[
        "32 brackets",
        "escaped brackets",
        "brackets in fenced code",
        "16 quotes",
        "16 list markers",
        "200 lines",
        "20,000 characters",
        "200 footnote marks",
        "100 KB in paragraphs",
        "a long fenced block",
    ],
)
def test_a_body_at_a_limit_is_rendered(source):
    html, found = SafeMarkdown().render(source)
    assert found == [] and not html.startswith("<p>This text is not shown")


@pytest.mark.parametrize(
    "error, message",
    [
        (RecursionError, "is nested too deeply to render."),
        (MemoryError, "needs more memory to render than the build has."),
    ],
)
def test_recursion_and_memory_errors_are_named_problems(monkeypatch, error, message):
    md = SafeMarkdown()

    def fail(text):
        raise error()

    monkeypatch.setattr(md.md, "convert", fail)
    assert md.render("x") == (
        f"<p>This text is not shown: it {message}</p>",
        [Finding(message, "Simplify or shorten the body.")],
    )


# --- raw HTML is text, and reported with the file's line --------------------------------------------


def test_raw_html_is_reported_once_a_line_with_the_files_line_number():
    rendered = SafeMarkdown().render_once(
        "Intro.\n\n<b>bold</b> and <i>more</i>\n\n`<code>` is fine\n\n```\n<pre>\n```\n\n<!-- x -->"
    )
    assert [str(p) for p in rendered.reported("docs/commentary/e/n.md", body_line=10)] == [
        f"docs/commentary/e/n.md: line {line}: raw HTML '{tag}' is shown as text. "
        "Write Markdown instead, or put the HTML between backticks to show it as code."
        for line, tag in [(12, "<b>"), (20, "<!-- x -->")]
    ]


def test_raw_html_on_many_lines_is_reported_ten_times_then_counted():
    _, found = SafeMarkdown().render("".join(f"<b>{n}</b>\n\n" for n in range(25)))
    assert [f.line for f in found] == [1, 3, 5, 7, 9, 11, 13, 15, 17, 19, None]
    assert found[-1].message == "raw HTML on 15 more lines is shown as text."


def test_a_toc_marker_in_a_body_stays_text():
    assert SafeMarkdown(toc={"permalink": True}).render("[TOC]")[0] == "<p>[TOC]</p>"


# -- any body put together from the pieces attacks are made of renders to the allow-list and nothing else --

# fmt: off
PIECES = [  # what hostile bodies are made of: raw HTML, unsafe schemes, Markdown's own syntax, odd characters
    '<', '>', '</', '/>', '<script>', '</script>', '<img src=x onerror=alert(1)>', '<a href="javascript:x">',
    '<div markdown="1">', '<!--', '-->', '<![CDATA[', ']]>', '<svg/onload=alert(1)>', '<style>', '<iframe', '[', ']',
    '(', ')', '](', '![', '[^1]', '[^1]:', '[x]: ', '<http://a.example>', '<mailto:a@b.example>', 'javascript:',
    'JaVaScRiPt:', 'java\tscript:', '&#106;avascript:', '&#x6A;', 'data:text/html,', 'vbscript:', '//evil.example/',
    '/\\evil.example', '\\', '../', '../../glossary/x.md', '#frag', '?q=1', 'http://a.example/',
    'https://a.example/" onmouseover="x', "'", '"', '`', '```', '~~~', '{: #id .class onclick=x }', '{#id}', '*', '_',
    '**', '__', '# ', '## ', '> ', '- ', '1. ', '| a | b |', '|---|:-:|', '---', '***', '    ', '\t', ' ', '\n',
    '\n\n', '&', '&amp;', '&lt;', '%0a', '\u2028', '\x00', '\x7f', '\u202e', '\ufeff', '[TOC]', '\\<', '\\[', 'words',
    'x', '1', ' "title"', " 'it''s'", '(x "t")', '[a]: x "t"', '<a name=x>', '</a>', '[^a b]', '[^<x>]:', '~~', '==',
    '^^', '<br>', '  \n', '<p>', '<details>', '<!DOCTYPE html>', '<?php ?>',
]
# fmt: on
BODIES = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
PROPERTY_MD = SafeMarkdown(toc={"permalink": True})


@settings(max_examples=3000, deadline=None)
@given(BODIES)
def test_every_element_and_attribute_of_any_body_is_on_the_allow_list(body):
    html, _findings = PROPERTY_MD.render(body, lambda href: href)
    for tag, attrs in StartTags.of(html):
        assert tag in allowlist.ELEMENTS, (body, tag)
        for name, value in attrs:
            assert allowlist.allowed(tag, name, value or ""), (body, tag, name, value)


@settings(max_examples=3000, deadline=None)
@given(BODIES, st.sampled_from(["../../glossary/x/", '../x" onclick="y/', "../<b>&amp;/#a'b", "", "./"]))
def test_a_body_rendered_once_and_filled_per_page_stays_on_the_allow_list(body, filled):
    """A relative address, filled in per page with the page's own address for it, is written escaped: whatever the
    characters of a file's name, it is one attribute's value."""
    html = PROPERTY_MD.render_once(body).fill(lambda href: filled)
    for tag, attrs in StartTags.of(html):
        assert tag in allowlist.ELEMENTS, (body, tag)
        for name, value in attrs:
            assert allowlist.allowed(tag, name, value or ""), (body, tag, name, value)
