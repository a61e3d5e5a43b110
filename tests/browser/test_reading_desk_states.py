"""The reading desk in each of its states passes the accessibility rules, light and dark, desktop and phone.

(The page kinds as they load are checked by test_site.py; these are the states a reader puts a page in.)
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

SECTION = "essays/wandering-earth-ii/chinas-global-strategy/"


def _margin(page: Page):
    page.locator("#note--zhao-lijian-reassigned summary").click()  # an opened note in the margin, or inline
    page.locator("#note--zhao-lijian-reassigned").hover()  # and linked to its passage


def _preview(page: Page):
    page.locator("article a.glossary-link", has_text="Deng Xiaoping").first.focus()
    expect(page.locator(".glossary-preview")).to_be_visible()


def _citation(page: Page):
    page.locator("p#chinas-global-strategy-2 + .paragraph-actions .paragraph-cite").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".cite-dialog")).to_be_visible()


def _filtered(page: Page):
    page.get_by_role("checkbox", name="Context").uncheck()


STATES = {"note opened and linked": _margin, "preview": _preview, "citation": _citation, "filtered": _filtered}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("state", list(STATES))
def test_every_state_of_the_desk_passes_the_accessibility_rules(reader: Page, axe_violations, state: str, scheme: str):
    reader.emulate_media(color_scheme=scheme)
    reader.goto(SECTION)
    reader.wait_for_load_state("networkidle")
    STATES[state](reader)
    violations = axe_violations(reader)
    assert not violations, "\n".join(violations)
