"""A glossary term previews its entry by mouse, keyboard and touch, wherever the term is linked."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

SECTION = "essays/wandering-earth-ii/chinas-global-strategy/"
DENG = {
    "title": "Deng Xiaoping",
    "zh": "邓小平",
    "summary": "Chinese leader (1904 to 1997)",
    "mentions": "Mentioned in 1 paragraph",
    "href": re.compile(r"/glossary/deng-xiaoping/$"),
}


def _term(page: Page, url: str, name: str, within: str = "article"):
    page.goto(url)
    return page.locator(within).locator("a.glossary-link", has_text=name).first


def _expect_preview(page: Page, term, shows: dict):
    preview = page.get_by_role("dialog", name=re.compile(shows["title"]))
    expect(preview).to_be_visible()
    expect(preview).to_contain_text(shows["summary"])
    if "zh" in shows:
        expect(preview.locator('[lang="zh"]')).to_contain_text(shows["zh"])
    if "mentions" in shows:
        expect(preview).to_contain_text(shows["mentions"])
    expect(preview.get_by_role("link", name="Read the entry")).to_have_attribute("href", shows["href"])
    expect(term).to_have_attribute("aria-describedby", "glossary-preview-summary")  # read out with the term
    expect(page.locator("#glossary-preview-summary")).to_contain_text(shows["summary"])
    return preview


def test_hovering_a_term_previews_its_entry_and_leaving_closes_it(desktop: Page):
    term = _term(desktop, SECTION, "Deng Xiaoping")
    term.hover()
    preview = _expect_preview(desktop, term, DENG)
    preview.hover()  # the reader can move into the preview to click its link
    expect(preview).to_be_visible()
    desktop.mouse.move(5, 5)
    expect(desktop.locator(".glossary-preview")).to_have_count(0)
    expect(term).not_to_have_attribute("aria-describedby", re.compile("."))


def test_the_keyboard_opens_enters_and_closes_the_preview(page: Page):
    term = _term(page, SECTION, "Deng Xiaoping")
    term.focus()
    _expect_preview(page, term, DENG)
    page.keyboard.press("Tab")  # into the preview, right after the term in the reading order
    expect(page.locator(".glossary-preview a")).to_be_focused()
    page.keyboard.press("Escape")
    expect(page.locator(".glossary-preview")).to_have_count(0)
    expect(term).to_be_focused()  # focus returns to the term
    page.keyboard.press("Enter")
    expect(page).to_have_url(DENG["href"])


def test_the_data_is_fetched_once_per_page(page: Page):
    fetched: list[str] = []
    page.on("request", lambda request: "previews.json" in request.url and fetched.append(request.url))
    page.goto(SECTION)
    page.wait_for_load_state("networkidle")
    assert fetched == []  # nothing until a reader asks
    for name in ("Deng Xiaoping", "Zhao Lijian", "soft power", "Deng Xiaoping"):
        page.locator("article a.glossary-link", has_text=name).first.focus()
        expect(page.locator(".glossary-preview")).to_be_visible()
    assert len(fetched) == 1


def test_on_touch_the_first_tap_previews_and_its_link_goes_to_the_entry(phone: Page):
    term = _term(phone, SECTION, "Deng Xiaoping")
    term.tap()
    preview = _expect_preview(phone, term, DENG)
    expect(phone).to_have_url(re.compile(re.escape(SECTION) + "$"))  # the first tap stayed on the page
    phone.locator("article h1").tap()  # a tap outside closes it, and focus returns to the term
    expect(phone.locator(".glossary-preview")).to_have_count(0)
    expect(term).to_be_focused()
    term.tap()
    preview.get_by_role("link", name="Read the entry").tap()
    expect(phone).to_have_url(DENG["href"])
    expect(phone.locator("h1")).to_contain_text("Deng Xiaoping")


@pytest.mark.parametrize(
    ("url", "within", "name", "shows"),
    [
        (  # a note shown beside its passage
            SECTION,
            "#note--zhao-lijian-reassigned .note-body",
            "wolf warrior diplomacy",
            {"title": "Wolf warrior diplomacy", "summary": "confrontational", "href": re.compile(r"wolf-warrior")},
        ),
        (  # a note's own page
            "commentary/wandering-earth-ii/zhao-lijian-reassigned/",
            "article",
            "Zhao Lijian",
            {"title": "Zhao Lijian", "summary": "Chinese diplomat", "href": re.compile(r"/glossary/zhao-lijian/$")},
        ),
        (  # an entry's body and its related entries
            "glossary/liu-cixin/",
            "article",
            "Hugo Award",
            {"title": "Hugo Award", "summary": "science fiction", "href": re.compile(r"/glossary/hugo-award/$")},
        ),
    ],
    ids=["in a note on the essay", "on a note's page", "in an entry"],
)
def test_every_glossary_link_previews(page: Page, url, within, name, shows):
    term = _term(page, url, name, within)
    if within.startswith("#note--"):  # the note is opened first, from the keyboard
        page.locator(f"{within.split()[0]} summary").focus()
        page.keyboard.press("Enter")
    term.focus()
    _expect_preview(page, term, shows)
