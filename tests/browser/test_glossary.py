"""A glossary term shows its summary on hover and on keyboard focus (Material's content.tooltips)."""

from __future__ import annotations

from playwright.sync_api import Page, expect

SUMMARY = "Chinese leader (1904 to 1997)"
SECTION = "essays/wandering-earth-ii/chinas-global-strategy/"


def _term(page: Page):
    page.goto(SECTION)
    return page.locator("a.glossary-link", has_text="Deng Xiaoping").first


def test_hovering_a_term_shows_its_summary(page: Page):
    _term(page).hover()
    expect(page.locator(".md-tooltip2--active")).to_contain_text(SUMMARY)


def test_focusing_a_term_shows_its_summary(page: Page):
    term = _term(page)
    term.focus()
    expect(term).to_be_focused()
    expect(page.locator(".md-tooltip2--active")).to_contain_text(SUMMARY)
