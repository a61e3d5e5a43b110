"""Notes beside their passage: callouts, highlights and the paragraph's ¶ link (commentary hook)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

SECTION = "essays/wandering-earth-ii/chinas-global-strategy/"
NOTE = "#note--biding-time"


def test_callout_opens_and_closes_with_the_mouse(page: Page):
    page.goto(SECTION)
    callout = page.locator(f"details.note-callout{NOTE}")
    expect(callout).not_to_have_attribute("open", "")
    callout.locator("summary").click()
    expect(callout).to_have_attribute("open", "")
    expect(callout.locator(".note-body")).to_be_visible()
    callout.locator("summary").click()
    expect(callout).not_to_have_attribute("open", "")


@pytest.mark.parametrize("key", ["Enter", " "])
def test_callout_opens_and_closes_with_the_keyboard(page: Page, key: str):
    page.goto(SECTION)
    callout = page.locator(f"details.note-callout{NOTE}")
    callout.locator("summary").focus()
    page.keyboard.press(key)
    expect(callout).to_have_attribute("open", "")
    page.keyboard.press(key)
    expect(callout).not_to_have_attribute("open", "")


def test_highlight_links_to_its_note_and_opens_it(page: Page):
    page.goto(SECTION)
    mark = page.locator(f'mark.note-quote[aria-details="{NOTE[1:]}"]').first
    expect(mark).to_have_text("biding time and developing strength")
    page.locator(f'a.note-ref[href$="{NOTE}"]').click()
    callout = page.locator(f"details.note-callout{NOTE}")
    expect(callout).to_be_in_viewport()
    expect(callout).to_have_attribute("open", "")


def test_paragraph_link_appears_on_hover_and_focus_and_lands_on_the_paragraph(page: Page):
    page.goto(SECTION)
    paragraph = page.locator("p#chinas-global-strategy-2")
    permalink = page.locator("p#chinas-global-strategy-2 + .paragraph-actions a.paragraph-permalink")
    expect(permalink).to_have_attribute("href", re.compile(r"#chinas-global-strategy-2$"))
    expect(permalink).to_have_css("opacity", "0")
    paragraph.hover()
    expect(permalink).to_have_css("opacity", "1")
    page.mouse.move(0, 0)
    permalink.focus()
    expect(permalink).to_have_css("opacity", "1")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#chinas-global-strategy-2$"))
    expect(paragraph).to_be_in_viewport()
    assert page.evaluate("document.querySelector(':target').id") == "chinas-global-strategy-2"


def test_print_shows_notes_open_and_numbered_without_page_chrome(page: Page):
    page.goto(SECTION)
    page.emulate_media(media="print")
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator(".paragraph-actions").first).to_be_hidden()
    callout = page.locator(f"details.note-callout{NOTE}")
    expect(callout.locator(".note-body")).to_be_visible()
    before = callout.locator("summary").evaluate("s => getComputedStyle(s, '::before').content")
    assert before.startswith('"Note ') or "Note" in before, before
