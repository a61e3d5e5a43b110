"""The feeds a page announces in its head are there and are valid Atom, as a feed reader finds them."""

from __future__ import annotations

import feedparser
import pytest
from playwright.sync_api import Page

SITE = "https://annotated-essays.github.io/annotated-essays/"


@pytest.mark.parametrize(
    ("url", "titles"),
    [
        ("", ["New essays: Annotated Essays", "New notes: Annotated Essays"]),
        (
            "essays/wandering-earth-ii/reflection/",
            [
                "New essays: Annotated Essays",
                "New notes: Annotated Essays",
                "New notes on Wandering Earth II: Can hard Chinese science fiction be a source of soft power?",
            ],
        ),
    ],
)
def test_announced_feeds_are_valid_atom_whose_entries_are_pages_of_the_site(page: Page, base_url: str, url, titles):
    page.goto(url)
    feeds = page.locator('head link[rel="alternate"][type="application/atom+xml"]')
    assert feeds.evaluate_all("links => links.map(l => l.title)") == titles
    for href in feeds.evaluate_all("links => links.map(l => l.href)"):
        response = page.request.get(href)
        assert response.ok, href
        feed = feedparser.parse(response.body())
        assert not feed.bozo, (href, feed.get("bozo_exception"))
        assert feed.feed.title in titles
        for entry in feed.entries:
            assert entry.id == entry.link and entry.link.startswith(SITE)
            assert page.request.get(base_url + entry.link[len(SITE) :]).ok, entry.link  # the page it names exists
