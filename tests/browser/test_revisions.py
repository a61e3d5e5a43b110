"""Old permalinks in a real browser: every address any revision of the fixture essay published lands on its text.

The fixture essay of ``tests/revisions_walk.py`` goes through four revisions
(a word fixed, a paragraph inserted, a paragraph removed, a paragraph split);
its final site is served and every (page, paragraph id) that any of its five
versions published is opened. Each must scroll to the paragraph that holds
that text now (the paragraph itself, or an old id at the start of a split or
joined paragraph's heir), or to the open notice of its removal, which quotes
it. The pages the living edition adds or changes pass axe.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from edition.content.history import History
from edition.content.markup import plain_text
from edition.content.site import load_site
from revisions_walk import SLUG, Walk, walk
from static_site import served

ESSAY = f"essays/{SLUG}/"


@pytest.fixture(scope="module")
def walked(tmp_path_factory) -> Walk:
    return walk(tmp_path_factory.mktemp("revisions-browser"), themed=True)


@pytest.fixture(scope="module")
def walk_url(walked: Walk):
    with served(walked.site, "/edition/") as url:
        yield url


@pytest.fixture(scope="module")
def history(walked: Walk) -> History:
    return History(load_site(walked.project / "docs", walked.project).essays[SLUG])


def addresses(walked: Walk) -> list[tuple[str, str, str]]:
    """Every (page's slug, id, text as it last stood there) any version published, once each."""
    seen: dict[tuple[str, str], str] = {}
    for paragraphs in walked.published.values():
        seen.update({(page, pid): text for page, pid, text in paragraphs})
    return [(page, pid, text) for (page, pid), text in sorted(seen.items())]


def url(page: str) -> str:
    return ESSAY if page == "index" else f"{ESSAY}{page}/"


def test_every_old_address_lands_on_the_text_it_named(page: Page, walked: Walk, walk_url: str, history: History):
    assert len(addresses(walked)) >= 9
    for section, pid, text in addresses(walked):
        page.goto(f"{walk_url}{url(section)}#{pid}")
        landing = history.landing(pid)
        assert landing is not None and landing.page == section, (section, pid)
        target = page.locator(f"[id='{pid}']")
        expect(target).to_have_count(1)
        if landing.removal is not None:  # the notice where it stood, opened, quoting it
            notice = page.locator(f"details.revision-notice:has([id='{pid}']), details.revision-notice#{pid}")
            expect(notice).to_have_attribute("open", "")
            expect(notice.locator("blockquote")).to_be_in_viewport()
            expect(notice.locator("blockquote")).to_contain_text(plain_text(text)[:40])
            continue
        holder = page.locator(f"p#{landing.id}")
        expect(holder).to_be_in_viewport()
        said = set(plain_text(text).lower().split())
        now = set((holder.text_content() or "").lower().split())
        assert len(said & now) >= min(len(said), 5), (pid, landing.id)  # the text it named is (mostly) there


@pytest.mark.parametrize(
    "path",
    [f"{ESSAY}revisions/", f"{ESSAY}upstream/#upstream-2", f"commentary/{SLUG}/forty-years-of-ledgers/"],
)
def test_the_revisions_page_notices_and_notes_pass_axe(page: Page, walk_url: str, path: str, axe_violations):
    page.goto(walk_url + path)
    page.wait_for_load_state("networkidle")
    violations = axe_violations(page)
    assert not violations, "\n".join(violations)


def test_the_diff_reads_removed_and_added_without_styles(page: Page, walk_url: str):
    """The labels are hidden from sight only: a screen reader (the accessibility tree) reads them."""
    page.goto(f"{walk_url}{ESSAY}revisions/")
    change = page.locator("del", has_text="slipery")
    expect(change).to_have_count(1)
    assert change.evaluate("e => e.textContent") == "removed: slipery"
    assert page.locator("ins", has_text="slippery").evaluate("e => e.textContent") == "added: slippery"
    label = change.locator(".diff-label")
    assert label.evaluate("e => e.getBoundingClientRect().width") <= 1  # hidden from sight
    snapshot = page.locator("main").aria_snapshot()
    assert "removed: slipery" in snapshot and "added: slippery" in snapshot
