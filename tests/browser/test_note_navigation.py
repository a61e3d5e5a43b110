"""Moving through the notes: previous and next across an essay's pages, and a filter by kind that is remembered."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

ESSAY = "essays/wandering-earth-ii/"
SECTION = ESSAY + "chinas-global-strategy/"


def test_next_and_previous_note_cross_the_essay_s_pages(reader: Page):
    reader.goto(SECTION)
    last = reader.locator("#note--soft-power-and-the-state")
    last.locator("summary").click()
    last.get_by_role("link", name="Next note: Liu Cixin's training and trade").click()
    expect(reader).to_have_url(re.compile(r"/technology-and-humanity/#note--liu-cixin-training$"))
    following = reader.locator("#note--liu-cixin-training")
    expect(following).to_be_in_viewport()
    expect(following).to_have_attribute("open", "")
    following.get_by_role("link", name=re.compile(r"^Previous note: Can a state-backed blockbuster")).click()
    expect(reader).to_have_url(re.compile(r"/chinas-global-strategy/#note--soft-power-and-the-state$"))
    expect(reader.locator("#note--soft-power-and-the-state")).to_be_in_viewport()


def test_the_filter_hides_a_kind_and_remembers_it_across_pages_and_visits(reader: Page):
    reader.goto(SECTION)
    critique = reader.locator("#note--soft-power-and-the-state")
    mark = reader.locator("#quote--soft-power-and-the-state")
    box = reader.get_by_role("group", name="Notes shown").get_by_role("checkbox", name="Critique")
    expect(critique).to_be_visible()
    box.uncheck()
    expect(critique).to_be_hidden()
    expect(reader.get_by_role("status")).to_have_text("Showing 2 of 3 notes.")  # read out: the notes left
    assert mark.evaluate("m => getComputedStyle(m).backgroundColor") == "rgba(0, 0, 0, 0)"
    expect(reader.locator("#note--zhao-lijian-reassigned")).to_be_visible()  # other kinds stay
    reader.reload()
    expect(box).not_to_be_checked()
    expect(critique).to_be_hidden()
    reader.goto(ESSAY + "reflection/")  # another page of the essay
    expect(reader.get_by_role("checkbox", name="Critique")).not_to_be_checked()
    reader.goto(SECTION)
    reader.get_by_role("checkbox", name="Critique").check()
    expect(critique).to_be_visible()


def test_the_status_counts_one_note_as_one_note(reader: Page):
    reader.goto(ESSAY + "people-and-culture/")  # a page with a single note, a correction
    reader.get_by_role("group", name="Notes shown").get_by_role("checkbox", name="Correction").uncheck()
    expect(reader.get_by_role("status")).to_have_text("Showing 0 of 1 note.")
    reader.get_by_role("checkbox", name="Correction").check()


def test_the_commentary_indexes_share_the_essay_pages_filter(reader: Page):
    reader.goto("commentary/")
    critique = reader.locator('.note-item[data-kind="critique"]').first
    expect(critique).to_be_visible()
    reader.get_by_role("group", name="Notes shown").get_by_role("checkbox", name="Critique").uncheck()
    expect(critique).to_be_hidden()
    expect(reader.get_by_role("status")).to_have_text("Showing 10 of 11 notes.")
    expect(reader.locator('.note-item[data-kind="context"]').first).to_be_visible()  # other kinds stay
    reader.goto("commentary/wandering-earth-ii/")
    expect(reader.get_by_role("checkbox", name="Critique")).not_to_be_checked()
    expect(reader.locator('.note-item[data-kind="critique"]').first).to_be_hidden()
    reader.goto(SECTION)
    expect(reader.locator("#note--soft-power-and-the-state")).to_be_hidden()


def test_the_filter_is_reachable_from_the_keyboard(desktop: Page):
    desktop.goto(SECTION)
    box = desktop.get_by_role("checkbox", name="Context")
    box.focus()
    desktop.keyboard.press("Space")
    expect(box).not_to_be_checked()
    expect(desktop.locator("#note--biding-time")).to_be_hidden()
    desktop.keyboard.press("Space")
    expect(desktop.locator("#note--biding-time")).to_be_visible()
