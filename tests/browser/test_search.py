"""Material's search finds essays, glossary entries and Chinese names."""

from __future__ import annotations

from playwright.sync_api import Page, expect


def search(page: Page, query: str):
    """Open search with the '/' shortcut, enter ``query``, return the result links.

    Material reads the query on key-up; Chinese arrives through an input
    method without key events, so the text is filled in and a key pressed.
    """
    page.goto("")
    page.keyboard.press("/")
    field = page.locator(".md-search__input")
    expect(field).to_be_focused()
    field.fill(query)
    field.press("End")
    items = page.locator(".md-search-result__item")
    expect(items.first).to_be_visible()
    return [a.get_attribute("href") for a in page.locator(".md-search-result__item > a").all()]


def test_wolf_warrior_finds_the_essay_paragraph_and_the_glossary_entry(page: Page):
    links = search(page, "wolf warrior")
    assert any("essays/wandering-earth-ii/chinas-global-strategy/" in h for h in links), links
    assert any("glossary/wolf-warrior-diplomacy/" in h for h in links), links
    assert not any("/print/" in h for h in links), "the whole-essay page is excluded from search"


def test_chinese_name_finds_the_liu_cixin_entry(page: Page):
    links = search(page, "刘慈欣")
    assert any("glossary/liu-cixin/" in h for h in links), links


def test_search_opens_from_the_field(page: Page):
    page.goto("")
    page.locator(".md-search__input").click()
    page.keyboard.type("soft power")
    expect(page.locator(".md-search-result__item").first).to_be_visible()


def test_titles_escaped_for_the_theme_read_as_plain_text_in_results(page: Page):
    """Note and entry titles are HTML-escaped in page metadata; results must show the characters, not entities."""
    search(page, "taoguang yanghui")
    titles = page.locator(".md-search-result__item h1").all_inner_texts()
    assert "“Biding time”: Deng Xiaoping's taoguang yanghui" in titles, titles
    assert not any("&#" in t or "&amp;" in t for t in titles), titles
