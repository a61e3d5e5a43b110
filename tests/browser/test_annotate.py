"""Select to annotate: a passage selected on the page becomes a note that builds, anchored where it was selected.

Each end-to-end test selects words that occur twice in their paragraph
(with the mouse, by keyboard with caret browsing, by touch on a phone),
activates the proposal, captures GitHub's address without leaving the
page, writes the note it carries into a copy of the site and builds it
strictly: the note must build as it is, highlighted at the occurrence
that was selected.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import yaml
from playwright.sync_api import Browser, BrowserType, Page, Route, expect

from edition.content import note_schema
from edition.content.folding import TYPOGRAPHIC, fold_text
from edition.features.commentary import scaffold
from edition.features.commentary.anchor import context, starts
from edition.features.commentary.scaffold import suggest_name
from import_site import site_with_real_essay
from support import ROOT
from test_commentary_fixture import run_build

PAGE = "essays/wandering-earth-ii/technology-and-humanity/"
PARAGRAPH = "technology-and-humanity-2"
BAR = ".annotate-bar"

# The words' range in the page, found in the paragraph's text nodes (occurrence `number`, from 1).
RANGE = """([id, words, number]) => {
  const walker = document.createTreeWalker(document.getElementById(id), NodeFilter.SHOW_TEXT);
  const hits = [];
  for (let node; (node = walker.nextNode()); ) {
    for (let at = node.data.indexOf(words); at !== -1; at = node.data.indexOf(words, at + 1)) hits.push([node, at]);
  }
  const [node, at] = hits[number - 1];
  const range = document.createRange();
  range.setStart(node, at);
  range.setEnd(node, at + words.length);
  return range;
}"""
RECTS = f"""(args) => {{
  const rects = ({RANGE})(args).getClientRects();
  const first = rects[0], last = rects[rects.length - 1];
  return [first.left + 1, first.top + first.height / 2, last.right - 1, last.top + last.height / 2];
}}"""
SELECT = f"""(args) => {{
  const range = ({RANGE})(args);
  const selection = document.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
}}"""
CARET = f"""(args) => {{
  const range = ({RANGE})(args);
  document.getSelection().collapse(range.startContainer, range.startOffset);
}}"""


def drag_select(page: Page, words: str, number: int, paragraph: str = PARAGRAPH) -> None:
    """Select the words with the mouse: press before the first letter, release after the last; the bar shows them."""
    x1, y1, x2, y2 = page.evaluate(RECTS, [paragraph, words, number])
    page.mouse.move(x1, y1)
    page.mouse.down()
    page.mouse.move(x2, y2, steps=8)
    expect(page.locator(BAR)).to_be_hidden()  # not while the words are being swept
    page.mouse.up()
    expect(page.locator(f"{BAR} a.annotate-comment")).to_be_visible()


GITHUB = re.compile(r"^https://github\.com/")


def activate(page: Page, act: Callable[[], None]) -> str:
    """The GitHub address ``act`` (a click, a tap, a key) opens, answered '204 No Content': the page stays."""
    page.route(GITHUB, lambda route: route.fulfill(status=204))
    with page.expect_request(GITHUB) as request:
        act()
    return request.value.url


def proposed(address: str) -> tuple[str, str, str]:
    """The folder, file name and note that GitHub's new-file page is asked to start from."""
    parts = urlsplit(address)
    assert parts.netloc == "github.com" and "/new/" in parts.path, address
    branch_and_folder = unquote(parts.path.split("/new/", 1)[1])
    folder = branch_and_folder.split("/", 1)[1]
    query = parse_qs(parts.query)
    return folder, query["filename"][0], query["value"][0]


def builds_at(tmp_path: Path, address: str, preceded_by: str) -> dict:
    """Write the proposed note into a copy of the site, build it strictly, and find its highlight; its front matter."""
    folder, filename, note = proposed(address)
    project = site_with_real_essay(tmp_path)
    (project / folder / filename).write_text(note, encoding="utf-8")
    result, site = run_build(project)
    assert result.returncode == 0, result.stderr[-3000:]
    page = (site / PAGE / "index.html").read_text(encoding="utf-8")
    mark = f'<mark class="note-quote" id="quote--{filename[:-3]}"'
    assert mark in page
    assert page.split(mark, 1)[0].endswith(preceded_by), page.split(mark, 1)[0][-80:]
    return yaml.safe_load(note.split("---")[1])


def test_mouse_selection_of_a_repeated_quote_builds_at_that_occurrence(page: Page, tmp_path: Path) -> None:
    page.goto(PAGE)
    drag_select(page, "human civilisation", 2)
    comment = page.locator(f"{BAR} a.annotate-comment")
    expect(comment).to_be_visible()
    expect(comment).to_have_text("Comment on this passage")
    address = activate(page, comment.click)
    meta = builds_at(tmp_path, address, "with ")
    assert meta["target"] == {
        "paragraph": PARAGRAPH,
        "quote": "human civilisation",
        "prefix": "with",
        "suffix": ",",
    }
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", str(meta["date"]))
    assert (meta["title"], meta["author"], meta["kind"]) == ("Your title", "Your name", "context")
    assert proposed(address)[1] == "human-civilisation.md"


@pytest.fixture
def caret_browser(browser_type: BrowserType, browser_type_launch_args: dict) -> Iterator[Browser]:
    """Chromium with caret browsing on (F7), as a keyboard user selects text on a page."""
    args = {**browser_type_launch_args, "args": [*browser_type_launch_args["args"], "--enable-caret-browsing"]}
    browser = browser_type.launch(**args)
    yield browser
    browser.close()


def test_keyboard_selection_is_what_the_paragraphs_comment_action_proposes(
    caret_browser: Browser, base_url: str, tmp_path: Path
) -> None:
    page = caret_browser.new_page(base_url=base_url)
    page.goto(PAGE)
    page.evaluate(CARET, [PARAGRAPH, "human civilisation", 1])  # where the caret was brought
    for _ in "human civilisation":
        page.keyboard.press("Shift+ArrowRight")
    assert page.evaluate("document.getSelection().toString()") == "human civilisation"
    expect(page.locator(BAR)).to_be_visible()
    action = page.locator(f"#{PARAGRAPH} + .paragraph-actions a.paragraph-comment")
    expect(action).to_have_attribute("aria-label", "Propose a note on the selected passage")
    # The proposal follows the selection once it rests (120 ms): on a loaded machine the keys come slower and
    # an earlier part ("hu") is proposed first, so wait for the whole of it before moving focus away.
    expect(action).to_have_attribute("href", re.compile("%22human%20civilisation%22"))
    for _ in range(200):  # Tab through the page to the paragraph's comment action
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches('#{PARAGRAPH} + .paragraph-actions a.paragraph-comment')"):
            break
    else:
        pytest.fail("Tab never reached the paragraph's comment action")
    address = activate(page, lambda: page.keyboard.press("Enter"))
    meta = builds_at(tmp_path, address, "save ")
    assert meta["target"] == {"paragraph": PARAGRAPH, "quote": "human civilisation", "prefix": "save", "suffix": ","}
    page.close()


def test_touch_selection_on_a_phone_builds_at_that_occurrence(browser: Browser, base_url: str, tmp_path: Path) -> None:
    phone = browser.new_context(
        viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True, base_url=base_url
    )
    page = phone.new_page()
    page.goto(PAGE)
    page.locator(f"#{PARAGRAPH}").scroll_into_view_if_needed()
    page.evaluate(SELECT, [PARAGRAPH, "favoured by the", 2])  # what a long press and the handles select
    comment = page.locator(f"{BAR} a.annotate-comment")
    expect(comment).to_be_in_viewport()
    box = page.locator(BAR).bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    address = activate(page, comment.tap)
    meta = builds_at(tmp_path, address, "Option B, ")
    assert meta["target"] == {
        "paragraph": PARAGRAPH,
        "quote": "favoured by the",
        "prefix": "B,",
        "suffix": "Americans,",
    }
    phone.close()


MESSAGES = [
    # (case, selection: [paragraph id or CSS, words, occurrence] pairs for start and end, message)
    (
        "across two paragraphs",
        "technology-and-humanity-1",
        "nature of reality",
        PARAGRAPH,
        "China prioritises",
        "Select words within one paragraph to comment on them.",
    ),
    (
        "a heading",
        None,
        "Technology and humanity",
        None,
        None,
        "Select words in a paragraph of the essay to comment on them.",
    ),
]
SELECT_BETWEEN = f"""([startId, startWords, endId, endWords]) => {{
  const start = startId ? ({RANGE})([startId, startWords, 1]) : null;
  const range = document.createRange();
  if (start) {{
    range.setStart(start.startContainer, start.startOffset);
    const end = ({RANGE})([endId, endWords, 1]);
    range.setEnd(end.endContainer, end.endOffset);
  }} else {{
    range.selectNodeContents(document.querySelector("article h1").firstChild);
  }}
  document.getSelection().removeAllRanges();
  document.getSelection().addRange(range);
}}"""


@pytest.mark.parametrize(
    "start, start_words, end, end_words, message", [m[1:] for m in MESSAGES], ids=[m[0] for m in MESSAGES]
)
def test_a_selection_that_cannot_be_proposed_gets_a_short_message(
    page: Page, start, start_words, end, end_words, message
):
    page.goto(PAGE)
    page.evaluate(SELECT_BETWEEN, [start, start_words, end, end_words])
    expect(page.locator(f"{BAR} .annotate-message")).to_have_text(message)
    expect(page.locator(f"{BAR} a.annotate-comment")).to_be_hidden()
    expect(page.locator(".annotate-live")).to_have_text(message)


def test_an_overlong_selection_is_refused(page: Page) -> None:
    page.goto(PAGE)
    page.evaluate(
        f"""() => {{
          const range = document.createRange();
          range.selectNodeContents(document.getElementById("{PARAGRAPH}"));
          document.getSelection().addRange(range);
        }}"""
    )
    length = len(fold_text(page.locator(f"#{PARAGRAPH}").text_content() or ""))
    assert length > 500
    expect(page.locator(f"{BAR} .annotate-message")).to_have_text(
        f"This passage has {length} characters; a note quotes at most 500. Select fewer words."
    )
    expect(page.locator(f"{BAR} a.annotate-comment")).to_be_hidden()


def test_an_address_longer_than_github_accepts_is_refused(page: Page) -> None:
    """A paragraph in a script without spaces: the context of a repeated character is a whole side of it."""
    page.goto(PAGE)
    page.evaluate(
        f"""() => {{
          const paragraph = document.getElementById("{PARAGRAPH}");
          paragraph.textContent = "甲".repeat(500) + "乙" + "甲".repeat(500) + "乙";
          const range = document.createRange();
          range.setStart(paragraph.firstChild, 500);
          range.setEnd(paragraph.firstChild, 501);
          document.getSelection().addRange(range);
        }}"""
    )
    expect(page.locator(f"{BAR} .annotate-message")).to_have_text(
        "This passage makes an address longer than GitHub accepts. Select fewer words."
    )


def test_every_proposal_stays_within_githubs_length(page: Page) -> None:
    page.goto(PAGE)
    drag_select(page, "human civilisation", 2)
    href = page.locator(f"{BAR} a.annotate-comment").get_attribute("href") or ""
    assert 0 < len(href) <= 8000


def test_copy_link_to_this_passage_copies_the_paragraph_address_with_a_text_fragment(page: Page) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(PAGE)
    drag_select(page, "human civilisation", 2)
    page.locator(f"{BAR} button.annotate-copy").click()
    expect(page.locator(".annotate-live")).to_have_text("Link copied: paste it to share the passage.")
    link = page.evaluate("navigator.clipboard.readText()")
    assert link.endswith(f"/{PAGE}#{PARAGRAPH}:~:text=the%20Earth%2C%20with-,human%20civilisation,-%2C%20to%20be")
    page.goto("about:blank")
    page.goto(link)
    paragraph = page.locator(f"#{PARAGRAPH}")
    expect(paragraph).to_be_in_viewport()


def test_a_click_elsewhere_or_escape_puts_the_bar_away_and_the_comment_action_back(page: Page) -> None:
    page.goto(PAGE)
    action = page.locator(f"#{PARAGRAPH} + .paragraph-actions a.paragraph-comment")
    written = action.get_attribute("href")
    drag_select(page, "human civilisation", 2)
    expect(page.locator(BAR)).to_be_visible()
    assert "human%20civilisation" in action.get_attribute("href")
    page.keyboard.press("Escape")
    expect(page.locator(BAR)).to_be_hidden()
    assert action.get_attribute("href") == written  # the paragraph's own note again, not the passage's
    assert yaml.safe_load(proposed(written)[2].split("---")[1])["target"] == {"paragraph": PARAGRAPH, "quote": ""}
    drag_select(page, "human civilisation", 1)
    expect(page.locator(BAR)).to_be_visible()
    page.mouse.click(5, 400)
    expect(page.locator(BAR)).to_be_hidden()


@pytest.mark.parametrize("how", ["click", "keyboard"])
def test_the_comment_action_alone_proposes_a_note_on_its_paragraph(page: Page, how: str) -> None:
    """The build writes the file's name only, and the note once on the page; the page's script joins them."""
    written = page.request.get(PAGE).text()
    actions = re.findall(r'<a class="paragraph-comment" href="([^"]*)"', written)
    assert actions and not [a for a in actions if "value=" in a]  # a kilobyte a paragraph no longer
    page.goto(PAGE)
    action = page.locator(f"#{PARAGRAPH} + .paragraph-actions a.paragraph-comment")
    if how == "click":
        address = activate(page, action.click)
    else:
        action.focus()
        address = activate(page, lambda: page.keyboard.press("Enter"))
    folder, filename, note = proposed(address)
    assert (folder, filename) == ("docs/commentary/wandering-earth-ii", f"{PARAGRAPH}.md")
    meta = yaml.safe_load(note.split("---")[1])
    assert meta["target"] == {"paragraph": PARAGRAPH, "quote": ""} and meta["revision"] == 1


def test_an_essay_page_reached_by_instant_navigation_proposes_and_annotates(page: Page, base_url: str) -> None:
    """Material's instant navigation runs no script outside the page's content: desk.js does this page's part.

    Material navigates instantly only to the sitemap's addresses, which it moves to the page's scheme and host
    but not its port: the sitemap is served here as the published site's would be at this address.
    """
    found = re.search(r"^site_url: (\S+)$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    assert found, "mkdocs.yml names no site_url"

    def sitemap(route: Route) -> None:
        response = route.fetch()
        route.fulfill(response=response, body=response.text().replace(found.group(1), base_url))

    page.route("**/sitemap.xml", sitemap)
    page.goto("glossary/liu-cixin/")  # an entry page, which lists the passages that mention it
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.editionAnnotate === undefined")  # it has no paragraphs to annotate
    page.evaluate("() => { window.sameDocument = true; }")
    page.locator(f'.md-content a[href$="/{PAGE}#{PARAGRAPH}"]').first.click()
    page.wait_for_url(f"**/{PAGE}#{PARAGRAPH}")
    action = page.locator(f"#{PARAGRAPH} + .paragraph-actions a.paragraph-comment")
    expect(action).to_have_attribute("href", re.compile(r"&value=---.*paragraph%3A%20" + PARAGRAPH))
    assert page.evaluate("window.sameDocument === true")  # an instant navigation, not a new page load
    page.wait_for_function("window.editionAnnotate !== undefined")
    drag_select(page, "human civilisation", 2)
    assert "human%20civilisation" in action.get_attribute("href")


def test_the_actions_icons_are_drawn_by_the_stylesheet(page: Page) -> None:
    page.goto(PAGE)
    actions = page.locator(f"#{PARAGRAPH} + .paragraph-actions")
    actions.hover()
    for control in (".paragraph-cite", ".paragraph-comment"):
        icon = actions.locator(control).evaluate(
            "(e) => { const s = getComputedStyle(e, '::before');"
            " return [s.width, s.height, s.maskImage || s.webkitMaskImage]; }"
        )
        assert icon[0] == icon[1] and float(icon[0].removesuffix("px")) >= 16, (control, icon)  # 1rem square
        assert icon[2].startswith('url("data:image/svg+xml'), (control, icon)


def test_the_paragraphs_comment_action_clicked_after_a_selection_proposes_the_passage(page: Page) -> None:
    page.goto(PAGE)
    drag_select(page, "human civilisation", 2)
    expect(page.locator(BAR)).to_be_visible()
    action = page.locator(f"#{PARAGRAPH} + .paragraph-actions a.paragraph-comment")
    address = activate(page, action.click)
    assert yaml.safe_load(proposed(address)[2].split("---")[1])["target"]["prefix"] == "with"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_with_the_bar_shown(page: Page, scheme: str, axe_violations) -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(PAGE)
    page.wait_for_load_state("networkidle")
    drag_select(page, "human civilisation", 2)
    expect(page.locator(BAR)).to_be_visible()
    violations = axe_violations(page)
    assert not violations, "\n".join(violations)


FOLDING = [
    "plain words",
    "  white \t space\n\u00a0runs  ",
    "".join(TYPOGRAPHIC),
    "soft\u00adhyphen, zero\u200bwidth, joiner\u200d, bidi\u202emark",
    "caf\u0065\u0301 and caf\u00e9, \ufb01ne, \uff21",
    "Bei\u00adjing \u5317\u4eac",
]


def test_the_page_folds_text_as_the_build_does(page: Page) -> None:
    page.goto(PAGE)
    assert page.evaluate("(texts) => texts.map(window.editionAnnotate.fold)", FOLDING) == [
        fold_text(t) for t in FOLDING
    ]


@pytest.mark.parametrize("quote", ["human civilisation", "the", "Option", "favoured by the", "e"])
def test_the_page_chooses_the_context_the_build_would(page: Page, quote: str) -> None:
    page.goto(PAGE)
    text = fold_text(page.locator(f"#{PARAGRAPH}").text_content() or "")
    expected = [list(context(text, s, s + len(quote))) for s in starts(text, quote)]
    found = page.evaluate(
        "([text, quote]) => { const out = []; for (let at = text.indexOf(quote); at !== -1;"
        " at = text.indexOf(quote, at + 1)) out.push(window.editionAnnotate.context(text, at, at + quote.length));"
        " return out; }",
        [text, quote],
    )
    assert found == expected


@pytest.mark.parametrize(
    "quote", ["human civilisation", "The Wandering Earth II's “plot”", "Zhōu Ēnlái", "北京", "a b c d e f g h"]
)
def test_the_page_names_the_file_as_the_build_would(page: Page, quote: str) -> None:
    page.goto(PAGE)
    assert page.evaluate("(q) => window.editionAnnotate.fileName(q, [])", quote) == suggest_name(quote, set())


def test_a_proposed_file_name_avoids_the_notes_on_the_essays_other_pages(page: Page) -> None:
    """'biding-time' is a note on another section of the essay: a quote named after it gets the next free name."""
    essay = "wandering-earth-ii"
    names = sorted(p.stem for p in (ROOT / "docs" / "commentary" / essay).glob("*.md"))
    on_page = (ROOT / "docs" / "commentary" / essay / "biding-time.md").read_text(encoding="utf-8")
    assert "paragraph: chinas-global-strategy-1" in on_page and not PAGE.endswith("chinas-global-strategy/")
    page.goto(PAGE)
    taken = page.evaluate("() => window.editionAnnotate.takenNames()")
    assert taken == names
    assert page.evaluate("([q, t]) => window.editionAnnotate.fileName(q, t)", ["Biding time", taken]) == "biding-time-2"


@pytest.mark.parametrize("name, value", [("MAX_QUOTE", note_schema.MAX_QUOTE), ("NAME_WORDS", scaffold.MAX_NAME_WORDS)])
def test_the_scripts_limits_are_the_builds(name: str, value: int) -> None:
    script = (ROOT / "docs" / "assets" / "javascripts" / "annotate.js").read_text(encoding="utf-8")
    assert re.search(rf"\bvar {name} = (\d+);", script)[1] == str(value)  # type: ignore[index]
