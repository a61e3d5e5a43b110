"""Notes in the margin on a wide screen, beside their passages; after their paragraphs everywhere else."""

from __future__ import annotations

import itertools
import re

import pytest
from playwright.sync_api import Browser, Page, expect

SECTION = "essays/wandering-earth-ii/chinas-global-strategy/"
WHOLE = "essays/wandering-earth-ii/print/"
GAP = 8  # pixels between stacked notes
LINKED = re.compile(r"\bis-linked\b")

# Each note's box and its passage's (its highlight, or its paragraph when the quote is not highlighted).
GEOMETRY = """() => [...document.querySelectorAll("details.note-callout")].map(note => {
    const passage = document.getElementById(decodeURIComponent(note.querySelector(".note-back").hash.slice(1)));
    const box = note.getBoundingClientRect(), at = passage.getBoundingClientRect();
    const text = document.querySelector(".md-content__inner").getBoundingClientRect();
    return {id: note.id, left: box.left, top: box.top, bottom: box.bottom, passage: at.top, text: text.right,
            position: getComputedStyle(note).position};
})"""
# Layout shifts since the page started, as Lighthouse counts them (none right after an input).
CLS = """() => new Promise(done => {
    let total = 0;
    new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value; })
        .observe({type: "layout-shift", buffered: true});
    setTimeout(() => done(total), 500);
})"""


def _placed(page: Page, url: str) -> list[dict]:
    page.goto(url)
    page.wait_for_load_state("networkidle")
    expect(page.locator("details.note-callout:not(.is-placed)")).to_have_count(0)
    return page.evaluate(GEOMETRY)


@pytest.mark.parametrize("url", [SECTION, WHOLE, "essays/wandering-earth-ii/"])
def test_each_note_sits_in_the_margin_beside_its_passage_and_none_overlap(desktop: Page, url: str):
    notes = _placed(desktop, url)
    assert notes
    for note in notes:
        assert note["position"] == "absolute" and note["left"] >= note["text"], note  # right of the text
        assert note["top"] >= note["passage"] - 1, note  # never above its passage
    first = notes[0]
    assert abs(first["top"] - first["passage"]) <= 1, first  # the first note starts level with its passage
    for above, below in itertools.pairwise(notes):
        assert below["top"] >= above["bottom"], (above, below)  # stacked downwards without overlap
        if below["passage"] >= above["bottom"] + GAP:
            assert abs(below["top"] - below["passage"]) <= 1, below  # room to spare: level with its passage


def test_an_opened_note_pushes_the_notes_below_it_down(desktop: Page):
    _placed(desktop, SECTION)
    desktop.locator("#note--zhao-lijian-reassigned summary").click()
    expect(desktop.locator("#note--zhao-lijian-reassigned .note-body")).to_be_visible()
    desktop.wait_for_function(
        """() => {
            const a = document.getElementById("note--zhao-lijian-reassigned").getBoundingClientRect();
            const b = document.getElementById("note--soft-power-and-the-state").getBoundingClientRect();
            return b.top >= a.bottom;
        }"""
    )


@pytest.mark.parametrize("url", [SECTION, WHOLE, "commentary/", "commentary/wandering-earth-ii/"])
def test_nothing_moves_after_the_page_is_drawn(reader: Page, url: str):
    reader.goto(url)
    reader.wait_for_load_state("networkidle")
    assert reader.evaluate(CLS) == 0


def test_notes_stay_after_their_paragraph_on_a_phone(phone: Page):
    phone.goto(SECTION)
    callout = phone.locator("#note--biding-time").bounding_box()
    first = phone.locator("p#chinas-global-strategy-1").bounding_box()
    second = phone.locator("p#chinas-global-strategy-2").bounding_box()
    assert first["y"] + first["height"] <= callout["y"] and callout["y"] + callout["height"] <= second["y"]


def test_notes_stay_after_their_paragraph_in_print(desktop: Page):
    desktop.goto(SECTION)
    desktop.emulate_media(media="print")
    assert desktop.locator("#note--biding-time").evaluate("n => getComputedStyle(n).position") == "static"


def test_without_scripts_the_notes_stay_after_their_paragraph(browser: Browser, base_url: str):
    context = browser.new_context(base_url=base_url, java_script_enabled=False, viewport={"width": 1440, "height": 900})
    page = context.new_page()
    page.goto(SECTION)
    callout = page.locator("#note--biding-time")
    expect(callout).to_be_visible()
    assert callout.evaluate("n => getComputedStyle(n).position") == "static"
    assert page.locator(".note-filter").is_hidden() and page.locator(".paragraph-cite").first.is_hidden()
    context.close()


def test_reading_and_focus_order_stay_paragraph_then_its_notes(desktop: Page):
    desktop.goto(SECTION)
    order = desktop.evaluate(
        """() => [...document.querySelectorAll("p[id^=chinas-global-strategy], details.note-callout")].map(e => e.id)"""
    )
    assert order == [
        "chinas-global-strategy-1",
        "note--biding-time",
        "chinas-global-strategy-2",
        "note--zhao-lijian-reassigned",
        "note--soft-power-and-the-state",
    ]
    desktop.locator("p#chinas-global-strategy-1 + .paragraph-actions a.paragraph-permalink").focus()
    for _ in range(3):  # the paragraph's ¶, Cite and comment controls, then its note
        desktop.keyboard.press("Tab")
    expect(desktop.locator("#note--biding-time summary")).to_be_focused()


def test_hovering_or_focusing_a_note_or_its_passage_points_at_the_other(desktop: Page):
    desktop.goto(SECTION)
    note = desktop.locator("#note--zhao-lijian-reassigned")
    mark = desktop.locator('mark[aria-details="note--zhao-lijian-reassigned"]')
    note.locator("summary").hover()
    expect(mark).to_have_class(LINKED)
    expect(note).to_have_class(LINKED)
    desktop.mouse.move(5, 5)
    expect(mark).not_to_have_class(LINKED)
    mark.hover()
    expect(note).to_have_class(LINKED)
    desktop.mouse.move(5, 5)
    desktop.locator('a.note-ref[href$="#note--biding-time"]').focus()
    expect(desktop.locator("#note--biding-time")).to_have_class(LINKED)
    desktop.locator("#note--zhao-lijian-reassigned summary").focus()
    expect(desktop.locator("#note--biding-time")).not_to_have_class(LINKED)
    expect(mark).to_have_class(LINKED)
