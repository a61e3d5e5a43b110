"""Citing a paragraph or a note: plain text and BibTeX, copied, by mouse, keyboard and touch."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import Page, expect

SITE = "https://annotated-essays.github.io/annotated-essays/"
ESSAY = "essays/wandering-earth-ii/"
SECTION = ESSAY + "chinas-global-strategy/"
TITLE = "Wandering Earth II: Can hard Chinese science fiction be a source of soft power?"
EDITION = "Annotated Essays, revision 1 (24 February 2023)"
PARAGRAPH = SITE + SECTION + "#chinas-global-strategy-2"


def _today() -> tuple[str, str]:
    """The date accessed, as the citation writes it and as BibTeX does (the browser's day is this machine's)."""
    today = dt.date.today()
    return f"{today.day} {today:%B} {today.year}", today.isoformat()


def _paragraph_citation() -> tuple[str, str]:
    accessed, iso = _today()
    text = (
        f"Marina Zhang, \u201c{TITLE}\u201d, Australian Outlook, 24 February 2023; in {EDITION}, "
        f"China's global strategy, \u00b6 2, {PARAGRAPH} (accessed {accessed})."
    )
    bibtex = (
        "@misc{marinazhang2023-chinas-global-strategy-2,\n"
        "  author = {Marina Zhang},\n"
        f"  title = {{{TITLE}}},\n"
        "  howpublished = {Australian Outlook, 24 February 2023},\n"
        "  year = {2023},\n"
        "  date = {2023-02-24},\n"
        f"  note = {{{EDITION}, China's global strategy, \u00b6 2}},\n"
        f"  url = {{{PARAGRAPH}}},\n"
        f"  urldate = {{{iso}}}\n"
        "}"
    )
    return text, bibtex


def _open(page: Page, url: str, control: str):
    page.goto(url)
    button = page.locator(control)
    return button


@pytest.mark.parametrize("url", [SECTION, ESSAY + "print/"], ids=["section page", "whole essay"])
def test_a_paragraph_is_cited_with_its_section_s_address_and_the_citation_copied(reader: Page, url: str):
    text, bibtex = _paragraph_citation()
    button = _open(reader, url, "p#chinas-global-strategy-2 + .paragraph-actions .paragraph-cite")
    expect(button).to_have_accessible_name("Cite this paragraph")
    button.click()
    dialog = reader.get_by_role("dialog", name="Cite this paragraph")
    expect(dialog).to_be_visible()
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(dialog.locator(".cite-dialog__text")).to_have_text(text)
    expect(dialog.locator("pre code")).to_have_text(bibtex)
    dialog.get_by_role("button", name="Copy citation").click()
    expect(dialog.get_by_role("status")).to_have_text("The citation is copied.")
    assert reader.evaluate("navigator.clipboard.readText()") == text
    dialog.get_by_role("button", name="Copy BibTeX").click()
    expect(dialog.get_by_role("status")).to_have_text("The BibTeX is copied.")
    assert reader.evaluate("navigator.clipboard.readText()") == bibtex
    dialog.get_by_role("button", name="Close").click()
    expect(dialog).to_have_count(0)
    expect(button).to_have_attribute("aria-expanded", "false")


def test_the_keyboard_opens_copies_and_closes_the_citation(desktop: Page):
    text, _ = _paragraph_citation()
    button = _open(desktop, SECTION, "p#chinas-global-strategy-2 + .paragraph-actions .paragraph-cite")
    button.focus()
    desktop.keyboard.press("Enter")
    copy = desktop.get_by_role("dialog", name="Cite this paragraph").get_by_role("button", name="Copy citation")
    expect(copy).to_be_focused()  # the dialog takes focus
    desktop.keyboard.press("Enter")
    assert desktop.evaluate("navigator.clipboard.readText()") == text
    desktop.keyboard.press("Escape")
    expect(desktop.locator(".cite-dialog")).to_have_count(0)
    expect(button).to_be_focused()  # and gives it back


def test_a_tap_outside_closes_the_citation(phone: Page):
    button = _open(phone, SECTION, "p#chinas-global-strategy-1 + .paragraph-actions .paragraph-cite")
    button.tap()
    dialog = phone.get_by_role("dialog", name="Cite this paragraph")
    expect(dialog).to_be_visible()
    box = dialog.bounding_box()
    below = box["y"] + box["height"] + 20
    phone.touchscreen.tap(20, below if below < 844 else box["y"] - 20)  # on the text, outside the dialog
    expect(phone.locator(".cite-dialog")).to_have_count(0)
    expect(button).to_be_focused()


def test_a_note_is_cited_with_its_author_date_and_page(reader: Page):
    accessed, iso = _today()
    note = SITE + "commentary/wandering-earth-ii/zhao-lijian-reassigned/"
    button = _open(reader, SECTION, "#note--zhao-lijian-reassigned .note-cite")
    reader.locator("#note--zhao-lijian-reassigned summary").click()
    button.click()
    dialog = reader.get_by_role("dialog", name="Cite this note")
    expect(dialog.locator(".cite-dialog__text")).to_have_text(
        "Editors, \u201cHow Zhao Lijian was \u2018shifted aside\u2019\u201d, context note on Marina Zhang, "
        f"\u201c{TITLE}\u201d, Australian Outlook, 24 February 2023; in {EDITION}, 27 November 2026, {note} "
        f"(accessed {accessed})."
    )
    expect(dialog.locator("pre code")).to_contain_text("@misc{editors2026-note--zhao-lijian-reassigned,\n")
    expect(dialog.locator("pre code")).to_contain_text(f"  url = {{{note}}},\n  urldate = {{{iso}}}\n}}")
    dialog.get_by_role("button", name="Copy BibTeX").click()
    assert reader.evaluate("navigator.clipboard.readText()").startswith("@misc{editors2026-note--zhao-lijian")


@pytest.mark.parametrize(
    ("title", "spelled"),
    [
        ("Tilde ~ and caret ^", "Tilde \\textasciitilde{} and caret \\textasciicircum{}"),
        ("back\\slash {braces}", "back\\textbackslash{}slash \\{braces\\}"),
        ("50% & $5 #1 a_b", "50\\% \\& \\$5 \\#1 a\\_b"),
    ],
    ids=["tilde and caret", "backslash and braces", "the rest of TeX's specials"],
)
def test_bibtex_spells_out_what_tex_would_read_as_markup(reader: Page, title: str, spelled: str):
    button = _open(reader, SECTION, "p#chinas-global-strategy-2 + .paragraph-actions .paragraph-cite")
    reader.evaluate("t => document.querySelector('meta[name=citation_title]').content = t", title)
    button.click()
    code = reader.get_by_role("dialog", name="Cite this paragraph").locator("pre code")
    expect(code).to_contain_text(f"  title = {{{spelled}}},\n")
