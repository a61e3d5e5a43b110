"""Agreement with the link checkers' peers: cases taken from their test suites and from the HTML standard.

Each case is the body of one page (``page/index.html``, written from
``docs/page.md``) in a small built site, and the problems the check must
report for it. The peers are MkDocs (``tests/structure/page_tests.py``),
mkdocs-htmlproofer-plugin, lychee (``extract/html``, ``srcset.rs``) and
html-proofer; where they disagree, the HTML standard decides (fragments:
"the indicated part of the document"; ``srcset``: "parse a srcset
attribute"; ``<meta http-equiv=refresh>``: "shared declarative refresh
steps"; addresses: the WHATWG URL standard).
"""

from __future__ import annotations

import pytest

from edition.features.linkcheck.check import Checker
from edition.features.linkcheck.collect import extract_ids, scan
from edition.features.linkcheck.resolve import BuiltSite

SRC = "docs/page.md"
THEME = '<header><input id="__drawer"><a href="../">Home</a></header><article>{}</article><footer></footer>'
OTHER = '<article><h2 id="part">Part</h2><p id="caf&#233;">x</p><a name="legacy"></a></article>'
FILES = frozenset(
    {
        "index.html",
        "page/index.html",
        "other/index.html",
        "404.html",
        "img/a.png",
        "img/a-2x.png",
        "img/a,b.png",
        "img/300.png",
        "img/600.png",
        "media/clip.mp4",
        "media/poster.jpg",
        "media/song.mp3",
        "media/subs.vtt",
        "media/doc.pdf",
        "search/results/index.html",
    }
)


def problems(body: str) -> list[str]:
    """The messages for a page whose rendered Markdown is ``body``, in a site of :data:`FILES`."""
    written = {
        "page/index.html": THEME.format(body),
        "other/index.html": THEME.format(OTHER),
        "index.html": "<p>home</p>",
    }
    pages = {
        "page/index.html": scan(written["page/index.html"], "page/index.html", SRC, "page.md", body),
        "other/index.html": scan(written["other/index.html"], "other/index.html", "docs/other.md", "other.md", OTHER),
        "index.html": scan(written["index.html"], "index.html", "docs/index.md", "index.md", written["index.html"]),
    }
    checker = Checker(BuiltSite(FILES), pages, load_ids=lambda file: extract_ids(written[file]))
    return [str(p) for p in checker.run().problems]


def no_anchor(url: str, name: str, where: str = "this page", hint: str = "") -> str:
    return f"{SRC}: link '{url}': no anchor '#{name}' on {where}.{hint}"


CASES = [
    # -- fragments: the standard's "indicated part" -------------------------
    ("mkdocs: #top is the top of the page", '<a href="#top">up</a>', []),
    ("html spec: top in any case", '<a href="#TOP">up</a><a href="#Top">up</a><a href="#%74op">up</a>', []),
    ("html spec: top on another page", '<a href="../other/#TOP">there</a>', []),
    ("html-proofer: a hash on this page", '<h2 id="here">H</h2><a href="#here">h</a>', []),
    ("html-proofer: a broken hash", '<a href="#nowhere">x</a>', [no_anchor("#nowhere", "nowhere")]),
    (
        "html-proofer: a broken hash after a query",
        '<a href="../other/?q=1#nowhere">x</a>',
        [no_anchor("../other/?q=1#nowhere", "nowhere", "other/")],
    ),
    ("html-proofer: name anchors", '<a name="old"></a><a href="#old">old</a>', []),
    (
        "name anchors after a miss (the fallback read from disk kept them)",
        '<a name="old"></a><a href="#missing">m</a><a href="#old">old</a><a href="./#old">old</a>'
        '<a href="#__drawer">menu</a>',
        [no_anchor("#missing", "missing")],
    ),
    (
        "name anchors on another page, after a miss there",
        '<a href="../other/#missing">m</a><a href="../other/#legacy">legacy</a>',
        [no_anchor("../other/#missing", "missing", "other/")],
    ),
    ("lychee: a percent-encoded fragment", '<a href="../other/#caf%C3%A9">x</a><a href="../other/#café">y</a>', []),
    ("text fragment on this page", '<a href="#:~:text=soft%20power">words</a>', []),
    ("text fragment on another page", '<a href="../other/#:~:text=part">words</a>', []),
    ("text fragment after an id that exists", '<a href="../other/#part:~:text=x">words</a>', []),
    (
        "text fragment after an id that does not",
        '<a href="../other/#gone:~:text=x">words</a>',
        [no_anchor("../other/#gone:~:text=x", "gone", "other/")],
    ),
    # -- empty addresses: '' and '#' alike ----------------------------------
    (
        "html-proofer: href='#' in content",
        '<a href="#">wolf warriors</a>',
        [f"{SRC}: link with no address: [wolf warriors](#). Give it a target or remove the link."],
    ),
    (
        "href='' is the same placeholder",
        '<a href="">wolf warriors</a>',
        [f"{SRC}: link with no address: [wolf warriors](). Give it a target or remove the link."],
    ),
    ("html-proofer: an image with an empty src", '<img src="" alt="x">', [f"{SRC}: link '' has no address."]),
    ("a form posting to its own page", '<form action=""><button formaction="">go</button></form>', []),
    # -- schemes ------------------------------------------------------------
    ("html-proofer, lychee: tel", '<a href="tel:+1-555-0100">call</a><a href="sms:+15550100">text</a>', []),
    (
        "html-proofer: a blank tel",
        '<a href="tel:">call</a>',
        [f"{SRC}: link 'tel:' is a tel: link with no number. Write 'tel:+15550100' with the real number."],
    ),
    (
        "html-proofer: a blank mailto",
        '<a href="mailto:">mail</a>',
        [f"{SRC}: link 'mailto:' is a mailto: link with no address. Write 'mailto:name@example.org'."],
    ),
    (
        "a script scheme hidden by a tab",
        '<a href="java\tscript:alert(1)">x</a>',
        [
            f"{SRC}: link 'java\tscript:alert(1)' uses a javascript: URL, which is not allowed. "
            "Link to a page or file instead."
        ],
    ),
    # -- srcset, as the standard parses it -----------------------------------
    ("lychee: srcset candidates", '<img src="../img/a.png" srcset="../img/a.png 1x, ../img/a-2x.png 2x">', []),
    ("srcset: an address may contain a comma", '<img srcset="../img/a,b.png 2x">', []),
    ("lychee: srcset without spaces after commas", '<img srcset="../img/300.png 300w,../img/600.png 600w">', []),
    ("srcset: a trailing comma ends an address", '<img srcset="../img/a.png, ../img/a-2x.png 2x">', []),
    ("srcset: parentheses keep a comma in a descriptor", '<img srcset="../img/a.png (x, y), ../img/a-2x.png 2x">', []),
    (
        "srcset: two addresses joined by a comma are one",
        '<img srcset="../img/a.png,../img/a-2x.png">',
        [
            f"{SRC}: link '../img/a.png,../img/a-2x.png' points to a file that does not exist "
            "(img/a.png,../img/a-2x.png)."  # no folder is like 'img/a.png,../img': no guess
        ],
    ),
    (
        "srcset: a missing candidate",
        '<source srcset="../img/a.png 1x, ../img/gone.png 2x">',
        [f"{SRC}: link '../img/gone.png' points to a file that does not exist (img/gone.png)."],
    ),
    # -- every element the standard gives an address ------------------------
    ("lychee: video poster", '<video src="../media/clip.mp4" poster="../media/poster.jpg"></video>', []),
    (
        "lychee: a missing video poster",
        '<video poster="../media/gone.jpg"></video>',
        [f"{SRC}: link '../media/gone.jpg' points to a file that does not exist (media/gone.jpg)."],
    ),
    (
        "lychee: a missing object data",
        '<object data="../media/gone.pdf"></object>',
        [f"{SRC}: link '../media/gone.pdf' points to a file that does not exist (media/gone.pdf)."],
    ),
    (
        "audio, source, track, embed, iframe",
        '<audio src="../media/song.mp3"><source src="../media/song.mp3"><track src="../media/subs.vtt"></audio>'
        '<embed src="../media/doc.pdf"><iframe src="../other/"></iframe>',
        [],
    ),
    (
        "an image button's src",
        '<input type="image" src="../img/gone.png" alt="go">',
        [f"{SRC}: link '../img/gone.png' points to a file that does not exist (img/gone.png)."],
    ),
    ("src on a text input is not an address", '<input type="text" src="../img/gone.png">', []),
    (
        "lychee: form action",
        '<form action="../nowhere/"></form>',
        [f"{SRC}: link '../nowhere/' points to a page that does not exist (nowhere/). Did you mean 'other/'?"],
    ),
    ("lychee: button formaction", '<button formaction="../search/results/">go</button>', []),
    (
        "lychee: cite on quotes and edits",
        '<blockquote cite="../other/#part">q</blockquote><q cite="../other/">q</q><ins cite="../gone/">i</ins>',
        [f"{SRC}: link '../gone/' points to a page that does not exist (gone/)."],
    ),
    (
        "meta refresh names an address",
        '<meta http-equiv="refresh" content="0; url=\'../moved/\'">',
        [f"{SRC}: link '../moved/' points to a page that does not exist (moved/)."],
    ),
    ("meta refresh that only reloads", '<meta http-equiv="Refresh" content="30"><meta name="x" content="../no/">', []),
    # -- data-linkcheck-ignore ----------------------------------------------
    (
        "html-proofer's data-proofer-ignore: the element and what it holds",
        '<div data-linkcheck-ignore><a href="../gone/">a</a><p><img src="../gone.png"></p></div><a '
        'href="../lost/">b</a>',
        [f"{SRC}: link '../lost/' points to a page that does not exist (lost/)."],
    ),
    (
        "ignore on a void element covers it alone",
        '<img data-linkcheck-ignore="" src="../gone.png"><img src="../lost.png">',
        [f"{SRC}: link '../lost.png' points to a file that does not exist (lost.png)."],
    ),
    (
        "ids inside an ignored element still count",
        '<section data-linkcheck-ignore><h2 id="kept">K</h2></section><a href="#kept">k</a>',
        [],
    ),
    (
        "the words data-linkcheck-ignore in text or a value ignore nothing",
        '<p title="data-linkcheck-ignore">data-linkcheck-ignore <a href="../gone/">a</a></p>',
        [f"{SRC}: link '../gone/' points to a page that does not exist (gone/)."],
    ),
    # -- other hosts -------------------------------------------------------
    ("a protocol-relative address is another site", '<a href="//example.org/x">x</a>', []),
    (
        "backslashes make another site",
        '<a href="\\\\example.org\\x">x</a><a href="/\\example.org/y">y</a>',
        [
            f"{SRC}: link '\\\\example.org\\x' is read by browsers as 'https://example.org/x', an address on another "
            f"site. "
            "Write 'https://example.org/x' if that is meant.",
            f"{SRC}: link '/\\example.org/y' is read by browsers as 'https://example.org/y', an address on another "
            f"site. "
            "Write 'https://example.org/y' if that is meant.",
        ],
    ),
    (
        "htmlproofer SSRF: a loopback address",
        '<a href="http://127.0.0.1:8080/secret">s</a>',
        [
            f"{SRC}: link 'http://127.0.0.1:8080/secret' points to a private or local network address (127.0.0.1) "
            "and is not checked online. Link to a public address instead.",
        ],
    ),
    (
        "a protocol-relative loopback address",
        '<img src="//[::1]/x.png">',
        [
            f"{SRC}: link '//[::1]/x.png' points to a private or local network address (::1) and is not checked "
            f"online. "
            "Link to a public address instead.",
        ],
    ),
    (
        "loopback spelled as a number",
        '<a href="http://2130706433/">s</a>',
        [
            f"{SRC}: link 'http://2130706433/' points to a private or local network address (127.0.0.1) "
            "and is not checked online. Link to a public address instead.",
        ],
    ),
    # -- mkdocs: relative links from a page in its own folder ----------------
    ("mkdocs: links to pages and the root", '<a href="../other/">o</a><a href="../">home</a><a href="./">self</a>', []),
    (
        "mkdocs: a link above the root",
        '<a href="../../x/">x</a>',
        [f"{SRC}: link '../../x/' points above the site root."],
    ),
]


@pytest.mark.parametrize(("body", "expected"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_agrees_with_peers(body: str, expected: list[str]) -> None:
    assert problems(body) == expected
