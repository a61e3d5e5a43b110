"""Tables for the one-pass scanner of a page's final HTML."""

from __future__ import annotations

import pytest

from edition.features.linkcheck.collect import Link, extract_ids, scan

SOURCE = "docs/essays/x/part.md"


def body_links(page) -> list[Link]:
    """A page record's body links as :class:`Link` (the record keeps plain tuples)."""
    return [Link._make(row) for row in page.rows]


def links(html: str, content: str | None = None) -> list[tuple[str, str, str, bool]]:
    page = scan(html, "essays/x/part/index.html", SOURCE, "essays/x/part.md", content)
    return [(link.url, link.attr, link.source, link.theme) for link in body_links(page)]


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<a href="a/">x</a>', [("a/", "href")]),
        ("<a href='a/'>x</a>", [("a/", "href")]),
        ("<a href=a/>x</a>", [("a/", "href")]),
        ('<A HREF="a/">x</A>', [("a/", "href")]),
        ('<a title="1 > 0" href="a/">x</a>', [("a/", "href")]),
        ('<a href="?q=1&amp;r=2">x</a>', [("?q=1&r=2", "href")]),
        ('<img alt="m" src="m.png">', [("m.png", "src")]),
        (
            '<img src="m.png" srcset="m-2x.png 2x, m-3x.png 3x">',
            [("m.png", "src"), ("m-2x.png", "srcset"), ("m-3x.png", "srcset")],
        ),
        ('<link rel="stylesheet" href="s.css">', [("s.css", "href")]),
        ('<script src="app.js"></script>', [("app.js", "src")]),
        ("<script>var s = \"<a href='not-a-link/'>\";</script>", []),
        ('<style>a[href="x"]{}</style>', []),
        # Tag names in capitals: the look-ahead that passes over other tags knows both cases.
        (
            '<SCRIPT SRC="App.js"></SCRIPT><IMG SRC="m.png"><Source Src="a.mp3">',
            [("App.js", "src"), ("m.png", "src"), ("a.mp3", "src")],
        ),
        ('<STYLE>a::after{content:"<a href=\'in-style/\'>"}</STYLE><a href="after/">x</a>', [("after/", "href")]),
        ("<!-- <A HREF='commented/'> --><p><b>b</b><Q CITE=\"q/\">q</Q></p>", [("q/", "cite")]),
        ('<!-- <a href="commented/">x</a> -->', []),
        (
            '<iframe src="v.html"></iframe><source src="a.mp3"><area href="m/">',
            [("v.html", "src"), ("a.mp3", "src"), ("m/", "href")],
        ),
        ('<abbr title="x">y</abbr><aside href="no/">', []),
        ('<a>no address</a><p>href="x"</p>', []),
        ('<a href="' + "x" * 5000 + '">long</a>', [("x" * 5000, "href")]),
        ('<a title="odd quotes href="a/">x</a>', []),  # its quotes never balance, so no tag ends: nothing is read
        ('<a title="never closed>x</a><a href="b/">b</a>', [("b/", "href")]),
    ],
)
def test_links_found(html: str, expected: list[tuple[str, str]]) -> None:
    assert [(url, attr) for url, attr, _, _ in links(html)] == expected


@pytest.mark.parametrize(
    ("html", "ids"),
    [
        ('<h2 id="history">History</h2>', {"history"}),
        ("<p id='p-1'>x</p><p id=p-2>y</p>", {"p-1", "p-2"}),
        ('<a name="old"></a>', {"old"}),
        ('<A class="x" NAME="Older"></A>', {"Older"}),
        ('<div data-id="not-an-id" class="x">', set()),
        ('<p id="a&amp;b">', {"a&b"}),
        ('<p\tid="tab">', {"tab"}),
        ('<div data-id="x id=inner">', {"inner"}),  # a rejected match does not hide one inside it
        ('<p class="id">paid="5"</p>', set()),
        ('id="first-char"', set()),  # no space before it
    ],
)
def test_ids_found(html: str, ids: set[str]) -> None:
    assert set(scan(html, "p.html", SOURCE, "p.md").ids) == ids


def test_extract_ids_reads_ids_and_name_anchors() -> None:
    """A fragment finds an <a name> when no id matches, so a page read from disk offers both."""
    html = '<a name="n"></a><i id="i"></i><a href="x" NAME=\'m\'>x</a><input name="field"><p>name="text"</p>'
    assert extract_ids(html) == {"i", "n", "m"}


def test_links_are_attributed_to_content_theme_or_data_source() -> None:
    content = (
        '<p><a href="mine/">mine</a></p>'
        '<div data-source="docs/commentary/x/note.md"><p><a href="note/">n</a>'
        '<div><span><a href="nested/">deep</a></span></div></p></div>'
        '<a href="after/">after</a>'
    )
    html = (
        f'<header><a href="../">home</a></header><article>{content}</article><footer><a href="next/">next</a></footer>'
    )
    assert [(url, source, theme) for url, _, source, theme in links(html, content)] == [
        ("mine/", SOURCE, False),
        ("note/", "docs/commentary/x/note.md", False),
        ("nested/", "docs/commentary/x/note.md", False),
        ("after/", SOURCE, False),
    ]
    assert scan(html, "essays/x/part/index.html", SOURCE, "essays/x/part.md", content).theme[0] == (
        "href",
        ("../", "next/"),
    )


def test_nested_data_sources_pick_the_innermost() -> None:
    html = (
        '<section data-source="docs/a.md"><a href="1/">1</a>'
        "<div data-source='docs/b.md'><a href=\"2/\">2</a></div>"
        '<a href="3/">3</a></section>'
    )
    assert [(url, source) for url, _, source, _ in links(html, html)] == [
        ("1/", "docs/a.md"),
        ("2/", "docs/b.md"),
        ("3/", "docs/a.md"),
    ]


@pytest.mark.parametrize(
    "html",
    [
        '<p>The data-source attribute</p><div data-source="docs/n.md"><a href="x/">x</a></div>',  # the words in text
        '<div title="a<b" data-source="docs/n.md"><a href="x/">x</a></div>',  # a '<' in a value
        '<div data-kind="x" DATA-source="no" data-source="docs/n.md"><a href="x/">x</a></div>',
    ],
)
def test_data_source_found_however_it_is_surrounded(html: str) -> None:
    assert [(url, source) for url, _, source, _ in links(html, html)] == [("x/", "docs/n.md")]


def test_unlocated_content_blames_the_source() -> None:
    assert links('<a href="x/">x</a>', "<p>rewritten later</p>") == [("x/", "href", SOURCE, False)]


def test_pages_without_source_are_the_theme() -> None:
    page = scan('<a href="/x/">x</a><img src="i.png">', "404.html")
    assert (body_links(page), page.theme, page.addresses()) == ([], (("href", ("/x/",)), ("src", ("i.png",))), 2)


def test_theme_parts_are_read_fast_and_the_body_carefully() -> None:
    body = "<p><a href='a/'>a</a><!-- <a href=\"c/\"> --></p>"
    html = f'<nav><a href="../n/" id="nav">n</a><a href="?q=1&amp;r=2">q</a></nav>{body}<script src="s.js"></script>'
    page = scan(html, "x/index.html", "docs/x.md", "x.md", body)
    assert [link.url for link in body_links(page)] == ["a/"]
    assert page.theme == (("href", ("../n/", "?q=1&r=2")), ("src", ("s.js",)))
    assert (page.ids, page.whole) == ((), False)  # the theme's ids are read from the file only when needed


def test_placeholder_keeps_its_words() -> None:
    page = scan('<p><a href="#">wolf <em>warriors</em></a></p>', "p.html", SOURCE, "p.md", None)
    assert body_links(page)[0].text == "wolf warriors"


def test_rel_is_kept() -> None:
    page = scan('<link rel="Preconnect" href="https://fonts.example.org">', "p.html", SOURCE, "p.md")
    assert body_links(page)[0].rel == "preconnect"


def test_theme_resource_hints_are_known() -> None:
    page = scan('<head><link rel="preconnect" href="https://fonts.example.org"></head><body>', "p.html")
    assert page.hints == ("https://fonts.example.org",)


def test_page_records_leave_the_garbage_collector_nothing_to_scan() -> None:
    """Records live until the end of a build; plain tuples of strings are untracked by collections."""
    import gc

    html = '<nav><a href="../n/" id="nav">n</a></nav><p><a href="a/" id="p">a</a></p><link rel="preconnect" href="https://x">'
    page = scan(html, "x/index.html", "docs/x.md", "x.md", '<p><a href="a/" id="p">a</a></p>')
    for _ in range(3):  # nested tuples are untracked from the inside out, one level per collection
        gc.collect()
    parts = (page.ids, page.rows, *page.rows, page.theme, *page.theme, page.hints)
    assert [part for part in parts if gc.is_tracked(part)] == []


def test_a_generated_page_blames_a_note_shown_on_it_on_the_note() -> None:
    """The whole-essay page has no Markdown file, but the notes it shows do."""
    content = (
        '<p id="p1"><a href="../x/">essay</a></p>'
        '<details data-source="docs/commentary/e/n.md"><div><img src="chart.png"></div></details>'
    )
    html = f'<nav><a href="../">home</a></nav><article>{content}</article>'
    page = scan(html, "essays/e/print/index.html", None, None, content)
    assert [(link.url, link.source, link.theme) for link in body_links(page)] == [
        ("../x/", "essays/e/print/index.html", True),
        ("chart.png", "docs/commentary/e/n.md", False),
    ]
    assert page.theme == (("href", ("../",)), ("src", ()))
    assert (set(page.ids), page.whole) == ({"p1"}, False)


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<div data-linkcheck-ignore><a href="a/">a</a></div><a href="b/">b</a>', ["b/"]),
        (
            '<div data-linkcheck-ignore=""><div><a href="a/">a</a></div><a href="c/">c</a></div><a href="b/">b</a>',
            ["b/"],
        ),
        ('<a data-linkcheck-ignore href="a/">a</a><a href="b/">b</a>', ["b/"]),
        ('<img data-linkcheck-ignore src="a.png"><img src="b.png">', ["b.png"]),
        ('<p>data-linkcheck-ignore</p><a href="b/">b</a>', ["b/"]),
        ('<a title="data-linkcheck-ignore" href="b/">b</a>', ["b/"]),
        ('<a data-linkcheck-ignored href="b/">b</a>', ["b/"]),
    ],
)
def test_ignored_elements_hold_no_links(html: str, expected: list[str]) -> None:
    assert [url for url, _, _, _ in links(html, html)] == expected


def test_the_theme_is_not_searched_for_the_opt_out() -> None:
    """Only a page's body is: templates need no opt-out, and every page would pay for the search."""
    body = '<p><a href="x/">x</a></p>'
    html = f'<nav data-linkcheck-ignore><a href="../n/">n</a></nav>{body}<footer><a href="f/">f</a></footer>'
    assert scan(html, "x/index.html", "docs/x.md", "x.md", body).theme == (("href", ("../n/", "f/")), ("src", ()))


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<video src="v.mp4" poster="p.jpg"></video>', [("v.mp4", "src"), ("p.jpg", "poster")]),
        ('<object data="d.pdf"></object>', [("d.pdf", "data")]),
        ('<input type="image" src="go.png"><input type="text" src="no.png">', [("go.png", "src")]),
        (
            '<form action="send/"><button formaction="other/">b</button></form>',
            [("send/", "action"), ("other/", "formaction")],
        ),
        (
            '<blockquote cite="c/"></blockquote><q cite="q/"></q><ins cite="i/"></ins><del cite="d/"></del>',
            [("c/", "cite"), ("q/", "cite"), ("i/", "cite"), ("d/", "cite")],
        ),
        (
            '<meta http-equiv="refresh" content="0; url=next/"><meta name="description" content="x/">',
            [("next/", "content")],
        ),
        ('<img srcset="a,b.png 2x">', [("a,b.png", "srcset")]),
        ('<a href="first/" href="second/">x</a>', [("first/", "href")]),
        ('<a src="no/">x</a><img href="no/">', []),
        (
            '<BUTTON FormAction="up/">b</BUTTON><INPUT TYPE="IMAGE" SRC="go.png">',
            [("up/", "formaction"), ("go.png", "src")],
        ),
        ('<button type="button" aria-label="Cite">c</button><input type="checkbox" name="kind">', []),
        ('<a class="x" title="data-href">x</a><a data-href="no/">y</a>', []),  # the name in a value or another name
    ],
)
def test_every_address_the_standard_defines_is_found(html: str, expected: list[tuple[str, str]]) -> None:
    assert [(url, attr) for url, attr, _, _ in links(html)] == expected


@pytest.mark.parametrize(
    ("content", "twice"),
    [
        ('<p id="a">1</p><p id="b">2</p>', ()),
        ('<p id="a">1</p><p id="a">2</p><p id="a">3</p>', (("a", SOURCE),)),  # named once, however often
        ('<p id="a">1</p><div data-source="docs/n.md"><span id="a">2</span></div>', (("a", "docs/n.md"),)),
        ('<p id="a" data-id="a">1</p><i data-id="a"></i>', ()),  # data-id is not an id
        ('<p id="nav">1</p>', ()),  # the theme's ids around the body are the theme's
    ],
    ids=["distinct", "three times", "again in a note", "not ids", "same as the theme's"],
)
def test_an_id_the_body_gives_twice_is_kept_with_the_file_that_gave_it_again(content: str, twice: tuple) -> None:
    html = f'<nav><a href="../" id="nav">n</a></nav><article>{content}</article>'
    assert scan(html, "x/index.html", SOURCE, "x.md", content).twice == twice


@pytest.mark.parametrize(
    "theme",
    [
        "<nav>{start}</nav>",  # the body's first characters in the theme, then a difference
        "<nav>{start}{start}</nav>",
        "",
    ],
    ids=["its start in the navigation", "twice", "nothing before it"],
)
def test_the_body_is_found_where_it_is_whole(theme: str) -> None:
    """A body is found by its first characters, then compared whole: an earlier copy of its start is passed over."""
    content = '<h1 id="t">' + "A title long enough to be more than a prefix" * 2 + '</h1><p><a href="a/">a</a></p>'
    html = theme.format(start=content[:80]) + f"<article>{content}</article>" + '<footer><a href="f/">f</a></footer>'
    page = scan(html, "x/index.html", SOURCE, "x.md", content)
    assert ([link.url for link in body_links(page)], page.theme[0], page.ids) == (["a/"], ("href", ("f/",)), ("t",))


def test_ids_are_not_compared_where_the_body_was_not_found() -> None:
    html = '<nav id="a"></nav><p id="a">1</p>'
    assert scan(html, "x/index.html", SOURCE, "x.md", "<p>rewritten later</p>").twice == ()
