"""Tables for verifying links against a built site, message by message."""

from __future__ import annotations

import pytest

from edition.features.linkcheck.check import Checker, _authority_error, external_problems, url_syntax_error
from edition.features.linkcheck.collect import Link, scan
from edition.features.linkcheck.resolve import BuiltSite

SRC = "docs/essays/x/reflection.md"
PAGES = {
    "index.html": '<h1 id="home">Home</h1>',
    "essays/x/index.html": '<p id="the-opening-1">a</p><p id="the-opening-2">b</p>',
    "essays/x/reflection/index.html": '<h2 id="conclusion">c</h2><input id="__drawer">',
    "glossary/soft-power/index.html": '<h2 id="history">History</h2><p id="caf%C3%A9-x">x</p><p id="source-1">s</p>',
}
ESSAY_PAGES = ("essays/",)  # the output folders whose fragments are paragraphs, as the build hands them over
SITE = BuiltSite(
    frozenset(PAGES) | {"images/map.png", "static/page.html", "404.html"},
    prefix="/edition/",
    origin="https://example.org/edition/",
)


def check(url: str, *, theme: bool = False, attr: str = "href", tag: str = "a", text: str = "") -> str | None:
    """The message for one link written in essays/x/reflection.md, or None."""
    pages = {
        file: scan(html, file, f"docs/{file}", file.replace("/index.html", ".md"), html) for file, html in PAGES.items()
    }
    page = pages["essays/x/reflection/index.html"]
    link = Link(url, tag, attr, "", "essays/x/reflection/index.html" if theme else SRC, theme, text)
    checker = Checker(SITE, pages, load_ids=lambda file: frozenset({"static-id"}), paragraph_pages=ESSAY_PAGES)
    problem = checker.check(page, "essays/x/reflection/", link, {})
    return str(problem) if problem else None


@pytest.mark.parametrize(
    "url",
    [
        "../",
        "../#the-opening-1",
        "#conclusion",
        "#top",
        "./",
        "../../../",
        "../../../glossary/soft-power/#history",
        "../../../glossary/soft-power/?from=essay#history",
        "../../../glossary/soft-power/#caf%C3%A9-x",
        "../../../images/map.png",
        "/edition/glossary/soft-power/",
        "https://example.org/edition/glossary/soft-power/#history",
        "../../../static/page.html#static-id",
        "https://example.org/page#part",
        "//example.org/x",
        "mailto:editor@example.org",
        "HTTPS://EXAMPLE.ORG/",
    ],
)
def test_good_links_pass(url: str) -> None:
    assert check(url) is None


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (
            "../../glossary/soft-powr.md",
            f"{SRC}: link '../../glossary/soft-powr.md' points to a page that does not exist (glossary/soft-powr/). "
            "Did you mean 'glossary/soft-power/'?",
        ),
        (
            "../../../glossary/soft-powr/",
            f"{SRC}: link '../../../glossary/soft-powr/' points to a page that does not exist (glossary/soft-powr/). "
            "Did you mean 'glossary/soft-power/'?",
        ),
        (
            "../../../glossary/soft-power/#histroy",
            f"{SRC}: link '../../../glossary/soft-power/#histroy': no anchor '#histroy' on glossary/soft-power/. "
            "Did you mean '#history'?",
        ),
        (  # a numbered series: its range, not a guess at another paragraph
            "../#the-opening-9",
            f"{SRC}: link '../#the-opening-9': no paragraph '#the-opening-9' on essays/x/. The page has "
            "'#the-opening-1' to '#the-opening-2': copy the one meant from its ¶ link.",
        ),
        (
            "../../../glossary/soft-power/#source-4",
            f"{SRC}: link '../../../glossary/soft-power/#source-4': no anchor '#source-4' on glossary/soft-power/. "
            "The page has only '#source-1': copy the one meant from its address.",
        ),
        (  # the series' name mistyped: the nearest by spelling
            "../#the-openin-1",
            f"{SRC}: link '../#the-openin-1': no paragraph '#the-openin-1' on essays/x/. "
            "Did you mean '#the-opening-1'?",
        ),
        (
            "#conclusoin",
            f"{SRC}: link '#conclusoin': no paragraph '#conclusoin' on this page. Did you mean '#conclusion'?",
        ),
        ("#__drawr", f"{SRC}: link '#__drawr': no paragraph '#__drawr' on this page."),
        (
            "../../../images/mapp.png",
            f"{SRC}: link '../../../images/mapp.png' points to a file that does not exist (images/mapp.png). "
            "Did you mean 'images/map.png'?",
        ),
        (  # as the Markdown file means it, and as MkDocs names it: not from the page's folder (reflection/)
            "chart.png",
            f"{SRC}: link 'chart.png' points to a file that does not exist (essays/x/chart.png).",
        ),
        (
            "../../images/mapp.png",
            f"{SRC}: link '../../images/mapp.png' points to a file that does not exist (images/mapp.png). "
            "Did you mean 'images/map.png'?",
        ),
        (
            "index.md",
            f"{SRC}: link 'index.md' points to a Markdown file; MkDocs rewrites '.md' links in Markdown, "
            "not in raw HTML. Write '../' instead.",
        ),
        (
            "../../images/map.png",
            f"{SRC}: link '../../images/map.png' is read from the built page, not from its Markdown file "
            "(MkDocs does not rewrite raw HTML). Write '../../../images/map.png' instead.",
        ),
        ("../../../../x/", f"{SRC}: link '../../../../x/' points above the site root."),
        ("/other/", f"{SRC}: link '/other/' points outside the site (its root is '/edition/')."),
        (
            "www.example.org",
            f"{SRC}: link 'www.example.org' is a web address without 'https://'. Did you mean "
            f"'https://www.example.org'?",
        ),
        (
            "http//example.org",
            f"{SRC}: link 'http//example.org' is a malformed URL (no ':' after the scheme). Did you mean "
            f"'http://example.org'?",
        ),
        (
            "https:example.org",
            f"{SRC}: link 'https:example.org' is a malformed URL (no '//' after the scheme). Did you mean "
            f"'https://example.org'?",
        ),
        ("http:/x", f"{SRC}: link 'http:/x' is a malformed URL (no '//' after the scheme). Did you mean 'http://x'?"),
        ("https://", f"{SRC}: link 'https://' is a malformed URL (no host)."),
        (
            "https://exa mple.org/",
            f"{SRC}: link 'https://exa mple.org/' is a malformed URL (bad characters in the host).",
        ),
        (
            "https://example.org:99999/",
            f"{SRC}: link 'https://example.org:99999/' is a malformed URL (Port out of range 0-65535).",
        ),
        (
            "javascript:alert(1)",
            f"{SRC}: link 'javascript:alert(1)' uses a javascript: URL, which is not allowed. Link to a page or file "
            f"instead.",
        ),
        (
            "data:text/html,hi",
            f"{SRC}: link 'data:text/html,hi' uses a data: URL, which is not allowed. Link to a page or file instead.",
        ),
        (
            "ftp://example.org/f",
            f"{SRC}: link 'ftp://example.org/f' uses the scheme 'ftp:', which is not allowed (allowed: http, https, "
            f"mailto, sms, tel).",
        ),
        ("mailto:", f"{SRC}: link 'mailto:' is a mailto: link with no address. Write 'mailto:name@example.org'."),
    ],
)
def test_broken_links_are_reported(url: str, message: str) -> None:
    assert check(url) == message


@pytest.mark.parametrize("url", ["chart.png", "../chart.png", "figures/chart.png"])
def test_a_missing_file_in_a_note_shown_on_several_pages_is_one_problem(url: str) -> None:
    """The note's page, its paragraph's section page and the whole-essay page read the address from three folders;
    the problem names the file as the note means it, so the build reports it once."""
    note = "docs/commentary/x/n.md"
    pages = {file: scan(html, file, f"docs/{file}", "", html) for file, html in PAGES.items()}
    checker = Checker(SITE, pages, load_ids=lambda file: frozenset(), paragraph_pages=ESSAY_PAGES)
    shown = [("essays/x/reflection/index.html", "essays/x/reflection/"), ("essays/x/index.html", "essays/x/")]
    found = {checker.check(pages[file], base, Link(url, "img", "src", "", note, False, ""), {}) for file, base in shown}
    assert len(found) == 1 and None not in found, found


def test_placeholder_in_content_is_reported_with_its_words() -> None:
    assert check("#", text="wolf warriors") == (
        f"{SRC}: link with no address: [wolf warriors](#). Give it a target or remove the link."
    )


@pytest.mark.parametrize(
    ("url", "attr", "message"),
    [
        ("#", "href", None),
        ("data:image/svg+xml,<svg/>", "src", None),
        (
            "../missing/",
            "href",
            "essays/x/reflection/index.html: link '../missing/' (from the theme/template) points to a page "
            "that does not exist (essays/x/missing/).",
        ),
    ],
)
def test_theme_links(url: str, attr: str, message: str | None) -> None:
    assert check(url, theme=True, attr=attr, tag="img" if attr == "src" else "a") == message


def test_empty_addresses_are_reported_as_placeholders_in_links_and_as_missing_elsewhere() -> None:
    """``href=""`` and ``href="#"`` both go to the top of the page: in an author's link both are placeholders."""
    assert check("", attr="src", tag="img") == f"{SRC}: link '' has no address."
    assert check("", text="wolf warriors") == (
        f"{SRC}: link with no address: [wolf warriors](). Give it a target or remove the link."
    )
    assert check("", theme=True) is None


def test_run_counts_dedupes_and_queues_external_links() -> None:
    html = (
        '<article><a href="../missing/">a</a><a href="../missing/">again</a>'
        '<a href="https://example.org/a#x">web</a><a href="https://example.org/a#x">web</a></article>'
    )
    page = scan(html, "essays/x/reflection/index.html", SRC, "essays/x/reflection.md", html)
    preconnect = scan('<head><link rel="preconnect" href="https://fonts.example.org"></head><body>', "404.html")
    report = Checker(SITE, {page.file: page, "404.html": preconnect}, paragraph_pages=ESSAY_PAGES).run()
    assert (report.pages, report.links) == (2, 5)
    assert len(report.problems) == 1
    assert list(report.external) == ["https://example.org/a#x"]
    assert len(report.external["https://example.org/a#x"]) == 2


def test_a_page_s_problems_come_once_each_in_the_order_of_its_links() -> None:
    """A note shown on a page may repeat a link many times: each problem is kept once, where it first came."""
    links = [f"../gone-{n % 3}/" for n in range(30)]  # gone-0, gone-1, gone-2, gone-0...
    html = "<article>" + "".join(f'<a href="{url}">x</a>' for url in links) + "</article>"
    page = scan(html, "essays/x/reflection/index.html", SRC, "essays/x/reflection.md", html)
    report = Checker(SITE, {page.file: page}, paragraph_pages=ESSAY_PAGES, trace=True).run()
    assert [p.message.split("'")[1] for p in report.problems] == ["../gone-0/", "../gone-1/", "../gone-2/"]
    assert report.by_page[page.file] == report.problems


def test_edit_links_are_never_fetched() -> None:
    page = scan('<a href="https://git.example.org/r/edit/main/docs/x.md">e</a>', "x/index.html")
    offline = ("https://git.example.org/r/edit/main/docs/",)
    checker = Checker(SITE, {page.file: page}, offline_prefixes=offline, paragraph_pages=ESSAY_PAGES)
    assert checker.run().external == {}


def test_external_problems_name_every_place() -> None:
    uses = {"https://example.org/gone": [Link("https://example.org/gone", "a", "href", "", SRC, False)]}
    problems = external_problems(uses, {"https://example.org/gone": "is broken: HTTP 404"})
    assert [str(p) for p in problems] == [f"{SRC}: link 'https://example.org/gone' is broken: HTTP 404."]


@pytest.mark.parametrize(
    "url", ["https://example.org/", "http://example.org:8080/x?y#z", "mailto:a@b.org", "relative/"]
)
def test_url_syntax_accepts(url: str) -> None:
    assert url_syntax_error(url) is None


TWICE = (
    f"{SRC}: id 'p-1' is given to more than one element of essays/x/reflection/; a link to '#p-1' reaches the first."
)
HINT = " Give each element an id of its own."


@pytest.mark.parametrize(
    ("reported", "problems"),
    [
        ((), [TWICE + HINT]),
        ([(SRC, "p-1")], []),  # the model reported the copied paragraph id: once is enough
        ([(SRC, "p-2")], [TWICE + HINT]),
        ([("docs/essays/x/other.md", "p-1")], [TWICE + HINT]),
    ],
    ids=["not reported", "reported by the caller", "another id", "another file"],
)
def test_an_id_given_twice_is_not_reported_again_when_the_caller_has(reported, problems) -> None:
    body = '<p id="p-1">one</p><p id="p-1">copied</p>'
    html = f'<nav id="__drawer"></nav><article>{body}</article>'  # the theme's markup around the page's body
    page = scan(html, "essays/x/reflection/index.html", SRC, "essays/x/reflection.md", body)
    checker = Checker(SITE, {page.file: page}, paragraph_pages=ESSAY_PAGES, reported_ids=reported)
    assert [str(p) for p in checker.run().problems] == problems


@pytest.mark.parametrize(
    ("body", "problems"),
    [
        ('<h2 id="a">A</h2><a href="#a">to a</a>', []),
        (
            '<h2 id="alpha">A</h2><a href="#alpah">to alpha</a>',
            [
                f"{SRC}: link '#alpah': no paragraph '#alpah' on this page. Did you mean '#alpha'?",
            ],
        ),
        (
            '<p id="">e</p><a href="#">nowhere</a>',
            [f"{SRC}: link with no address: [nowhere](#). Give it a target or remove the link."],
        ),
        (
            '<h2 id="a">A</h2><a href="#top">up</a><a href="#a%20">a, escaped space</a>',
            [
                f"{SRC}: link '#a%20': no paragraph '#a%20' on this page.",
            ],
        ),
    ],
    ids=["found", "missing", "placeholder beside an empty id", "top and escapes"],
)
def test_run_checks_links_within_the_page(body: str, problems: list[str]) -> None:
    page = scan(body, "essays/x/reflection/index.html", SRC, "essays/x/reflection.md", body)
    assert [str(p) for p in Checker(SITE, {page.file: page}, paragraph_pages=ESSAY_PAGES).run().problems] == problems


@pytest.mark.parametrize(
    "url",
    [
        "..",
        "../..",
        "../../..",
        "../../../..",
        "../../../../..",
        "../",
        "../../x/",
        "#conclusion",
        "#nope",
        "#",
        "#top",
        "../#the-opening-2",
        # full addresses into the site (the canonical link)
        "https://example.org/edition/essays/x/reflection/",
        "https://example.org/edition/",
        "https://example.org/edition/gone/",
        "https://example.org/edition/essays/x/reflection/#nope",
        "https://example.org/edition/essays/x/reflection",
        "https://example.org/edition/images/map.png",
        "https://example.org/edition/images/ma%70.png",
        # links to paragraphs in other pages, and what the fast path must leave to the full check
        "../#the-opening-1",
        "../#the-opening-9",
        "../../../glossary/soft-power/#history",
        "../../../glossary/soft-power/#caf%C3%A9-x",
        "../../../glossary/soft-power/#nope",
        "../../../glossary/soft-power/#",
        "../../../glossary/soft-power/#top",
        "../../../static/page.html#static-id",
        "../../../static/page.html#other",
        "../../../images/map.png#x",
        "",
        " ",
        "../ ",
        " ../",
        "../#the-opening-1 ",
        "./",
        ".",
        "./#conclusion",
        "../?q=1#the-opening-1",
        "../../x/#the-opening-1",
        "map.png:x",
        "a:b/",
        "../../../glossary/soft-power/index.html#history",
        "../../../glossary/soft-power#history",
    ],
)
@pytest.mark.parametrize("attr", ["href", "src"])
@pytest.mark.parametrize("theme", [True, False], ids=["theme", "body"])
def test_fast_path_agrees_with_the_full_check(url: str, attr: str, theme: bool) -> None:
    """Whatever the run lets pass without a full check, the full check passes too (and the rest it reports)."""
    file = "essays/x/reflection/index.html"
    html = (
        f'<h2 id="conclusion">c</h2><img {attr}="{url}">'
        if attr == "src"
        else f'<h2 id="conclusion">c</h2><a href="{url}">x</a>'
    )
    source = None if theme else SRC
    page = scan(html, file, source, "essays/x/reflection.md" if source else None, html if source else None)
    pages = {
        file: page,
        **{f: scan(h, f, f"docs/{f}", f.replace("/index.html", ".md"), h) for f, h in PAGES.items() if f != file},
    }
    checker = Checker(SITE, pages, paragraph_pages=ESSAY_PAGES)
    link = Link(url, "", attr, "", file, True) if theme else Link._make(page.rows[0])
    full = checker.check(page, "essays/x/reflection/", link, {})
    assert [str(p) for p in checker.run().problems] == ([str(full)] if full else [])


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/a?b#c",
        "https://example.org?q=1",
        "https://example.org#x",
        "https://example.org",
        "https://example.org:8080/x",
        "https://example.org:99999/",
        "https://example.org:port/",
        "https://[::1]:80/x",
        "https://[::1/x",
        "https://exa mple.org/",
        "https://exa\tmple.org/",
        "https://example.org/\n/x",
        "https://",
        "https:///x",
        "https://user:pw@example.org/",
        "HTTPS://EXAMPLE.ORG/",
    ],
)
def test_url_syntax_checks_the_host_once_as_the_whole_url_would(url: str) -> None:
    """Checking only the host part (cached per host) gives what checking the whole URL gives."""
    assert url_syntax_error(url) == _authority_error(url)


@pytest.mark.parametrize(
    ("href", "problems", "reads"),
    [
        ("#p1", [], []),
        ("#__drawer", [], ["essays/x/reflection/index.html"]),
        (
            "#__drawr",
            [f"{SRC}: link '#__drawr': no paragraph '#__drawr' on this page."],
            ["essays/x/reflection/index.html"],
        ),
        (
            "#p11",
            [f"{SRC}: link '#p11': no paragraph '#p11' on this page. Did you mean '#p1'?"],
            ["essays/x/reflection/index.html"],
        ),
    ],
    ids=["body id", "theme id, read from the file", "no such id", "did you mean"],
)
def test_theme_ids_are_read_from_the_written_file_only_when_a_link_needs_them(href, problems, reads) -> None:
    body = f'<p id="p1">text <a href="{href}">link</a></p>'
    html = f'<input id="__drawer"><article>{body}</article>'
    file = "essays/x/reflection/index.html"
    page = scan(html, file, SRC, "essays/x/reflection.md", body)
    read = []

    def load_ids(name: str) -> frozenset[str]:
        read.append(name)
        return frozenset({"__drawer", "p1"})

    assert [
        str(p) for p in Checker(SITE, {file: page}, load_ids=load_ids, paragraph_pages=ESSAY_PAGES).run().problems
    ] == problems
    assert read == reads
