"""The reading experience: home listing, whole-essay page, paragraph links, page metadata."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from playwright.sync_api import Page, expect

ESSAY = "essays/wandering-earth-ii/"
SECTION = ESSAY + "chinas-global-strategy/"


def test_home_lists_each_essay_with_its_facts_then_glossary_and_latest_notes(page: Page):
    page.goto("")
    listing = page.locator(".listing")
    expect(listing.locator("h3 a").first).to_have_text(re.compile("^Wandering Earth II: Can hard Chinese"))
    expect(listing.locator("h3 a").first).to_have_attribute("href", re.compile(r"essays/wandering-earth-ii/$"))
    expect(listing.locator(".listing-meta")).to_have_text(
        re.compile(r"Marina Zhang · 24 February 2023 · \d+ min read · \d+ notes?")
    )
    expect(listing.locator(".listing-summary")).to_contain_text("is a prequel to")
    expect(page.get_by_role("link", name="Browse the glossary")).to_be_visible()
    latest = page.locator("#latest-commentary + ul > li")
    expect(latest.first.get_by_role("link").first).to_have_attribute(
        "href", re.compile(r"commentary/wandering-earth-ii/")
    )


def test_whole_essay_page_holds_every_section_in_order_and_points_home(page: Page, site_dir):
    page.goto(ESSAY)
    page.get_by_role("link", name="Read the whole essay on one page").click()
    expect(page).to_have_url(re.compile(r"/print/$"))
    nav = [
        "China's global strategy",
        "Technology and humanity",
        "People and culture",
        "Diplomacy and geopolitics",
        "Reflection",
    ]
    headings = [h.strip("¶ \n") for h in page.locator("article h2").all_inner_texts()]
    assert [h for h in headings if h in nav] == nav
    for pid in ("opening-1", "chinas-global-strategy-1", "reflection-1"):
        expect(page.locator(f"p#{pid}")).to_have_count(1)
    canonical = page.locator('link[rel="canonical"]').get_attribute("href")
    assert canonical.endswith("/essays/wandering-earth-ii/"), canonical
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [d["location"] for d in index["docs"] if "/print/" in d["location"]], (
        "the whole-essay page must stay out of search"
    )


def test_whole_essay_page_skips_parts_off_screen_yet_links_and_print_reach_them(page: Page):
    """Off-screen parts are not rendered (content-visibility), until a link, the reader or the printer needs them."""
    rendered = "el => el.checkVisibility({contentVisibilityAuto: true})"
    page.set_viewport_size({"width": 1024, "height": 768})  # narrower than the margin notes need (they lay out all)
    page.goto(ESSAY + "print/")
    parts = page.locator("article .essay-part")
    assert parts.count() >= 6
    assert parts.first.evaluate("el => getComputedStyle(el).contentVisibility") == "auto"
    assert not page.locator("p#reflection-1").evaluate(rendered), "the last section is skipped while off screen"
    page.goto(ESSAY + "print/#reflection-2")
    target = page.locator("p#reflection-2")
    expect(target).to_be_in_viewport()
    page.wait_for_function(f"({rendered})(document.getElementById('reflection-2'))")  # by the next frame
    assert page.evaluate("document.querySelector(':target').id") == "reflection-2"
    page.emulate_media(media="print")
    assert set(parts.evaluate_all("els => els.map(el => getComputedStyle(el).contentVisibility)")) == {"visible"}
    assert page.locator("p#chinas-global-strategy-1").evaluate(rendered), "print lays out every part"
    expect(page.locator("details.note-callout").first.locator(".note-body")).to_be_visible()


def test_paragraph_address_scrolls_to_and_highlights_the_paragraph(page: Page):
    page.goto(SECTION + "#chinas-global-strategy-2")
    target = page.locator("p#chinas-global-strategy-2")
    expect(target).to_be_in_viewport()
    assert page.evaluate("document.querySelector(':target').id") == "chinas-global-strategy-2"
    styles = target.evaluate("p => [getComputedStyle(p).backgroundColor, getComputedStyle(p).borderLeftStyle]")
    plain = page.locator("p#chinas-global-strategy-1").evaluate("p => getComputedStyle(p).backgroundColor")
    assert styles[0] != plain and styles[1] == "solid", styles


def test_paragraph_highlight_does_not_animate_for_reduced_motion(page: Page):
    page.emulate_media(reduced_motion="reduce")
    page.goto(SECTION + "#chinas-global-strategy-2")
    assert page.locator("p#chinas-global-strategy-2").evaluate("p => getComputedStyle(p).animationName") == "none"


class _Head(HTMLParser):
    """The <title>, meta tags and canonical link of a page."""

    def __init__(self):
        super().__init__()
        self.meta, self.title, self.canonical, self._in_title = {}, "", None, False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and (a.get("name") or a.get("property")):
            self.meta[a.get("name") or a.get("property")] = a.get("content", "")
        elif tag == "link" and a.get("rel") == "canonical":
            self.canonical = a.get("href")
        self._in_title = tag == "title"

    def handle_data(self, data):
        if self._in_title:
            self.title += data

    def handle_endtag(self, tag):
        self._in_title = False


def test_every_kind_of_page_has_title_description_opengraph_and_canonical(site_dir, page_kinds):
    site_description = None
    for kind, url in page_kinds.items():
        path = site_dir / (url if url.endswith(".html") else url + "index.html")
        head = _Head()
        head.feed(path.read_text(encoding="utf-8"))
        assert head.title.strip(), kind
        for key in ("description", "og:title", "og:description"):
            assert head.meta.get(key, "").strip(), f"{kind}: no {key}"
        if kind == "home":
            site_description = head.meta["description"]
        elif kind != "404":
            assert head.meta["description"] != site_description, f"{kind}: describes the site, not the page"
            assert head.canonical and head.meta.get("og:url") == head.canonical, f"{kind}: canonical and og:url"
