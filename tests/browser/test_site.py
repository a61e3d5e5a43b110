"""Every page: loads cleanly, stays on this host, passes axe, works on a phone, keeps the colour scheme."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

ESSAY = "essays/wandering-earth-ii/"
# The essay page is checked with a paragraph targeted, so the highlight's contrast is checked too.
TARGETED = {"essay": "#chinas-global-strategy-2"}


def test_every_page_loads_without_errors_or_requests_elsewhere(page: Page, html_pages, base_url):
    host = urlsplit(base_url).netloc
    problems: list[str] = []
    current = {"url": ""}
    page.on("console", lambda m: m.type == "error" and problems.append(f"{current['url']}: console: {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"{current['url']}: script error: {e}"))
    # Leaving a page cancels its late requests (favicon, search index): ERR_ABORTED is not a failure.
    page.on(
        "requestfailed",
        lambda r: (
            r.failure != "net::ERR_ABORTED" and problems.append(f"{current['url']}: failed: {r.url} ({r.failure})")
        ),
    )
    page.on("response", lambda r: r.status >= 400 and problems.append(f"{current['url']}: {r.status}: {r.url}"))

    def elsewhere(route):
        problems.append(f"{current['url']}: request to another host: {route.request.url}")
        route.abort()

    page.route(lambda url: urlsplit(url).netloc != host and not url.startswith("data:"), elsewhere)
    for url in html_pages:
        current["url"] = url
        page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations(page: Page, page_kind: str, page_kinds, scheme: str, axe_violations):
    page.emulate_media(color_scheme=scheme)
    page.goto(page_kinds[page_kind] + TARGETED.get(page_kind, ""))
    page.wait_for_load_state("networkidle")  # Material's script has finished changing the page
    violations = axe_violations(page)
    assert not violations, "\n".join(violations)


@pytest.mark.parametrize("url", [ESSAY, ESSAY + "chinas-global-strategy/", ESSAY + "print/", "glossary/"])
def test_phone_reads_without_sideways_scrolling_and_opens_search(page: Page, url: str):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(url)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.locator('label.md-header__button[for="__search"]').click()
    expect(page.locator(".md-search__input")).to_be_visible()
    expect(page.locator(".md-search__input")).to_be_focused()


def test_colour_scheme_toggle_switches_and_persists(page: Page):
    page.emulate_media(color_scheme="light")
    page.goto("")
    body = page.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    page.locator('form[data-md-component="palette"] label:not([hidden])').click()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    page.reload()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    page.get_by_role("link", name="Browse the glossary").click()
    expect(page).to_have_url(re.compile(r"/glossary/$"))
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    page.locator('form[data-md-component="palette"] label:not([hidden])').click()
    expect(body).to_have_attribute("data-md-color-scheme", "default")
