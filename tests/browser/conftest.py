"""Browser tests: build the real site once, serve it on 127.0.0.1, drive Debian's Chromium.

One build (with the project's own mkdocs.yml), one server and one browser per
session keep the suite fast; every test gets a fresh browser context (clean
localStorage) from pytest-playwright's ``page`` fixture. Playwright cannot
download a browser here, so the launch uses the system Chromium; when it is
missing the suite fails with one line saying how to install it rather than
skipping, so CI can never pass without running these tests.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from static_site import served
from support import build_real_site

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = ROOT / "test-results"
# Shared with scripts/audit.py: Chromium's flags here (no sandbox, no background
# traffic), and one page of every kind the site has, which axe, Lighthouse and
# the Nu checker go over.
_TARGETS = json.loads(Path(__file__).with_name("targets.json").read_text(encoding="utf-8"))
CHROMIUM_FLAGS: list[str] = _TARGETS["chromium_flags"]
PAGE_KINDS: dict[str, str] = _TARGETS["page_kinds"]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def pytest_generate_tests(metafunc):
    """``page_kind``: one test per kind of page (the keys of PAGE_KINDS)."""
    if "page_kind" in metafunc.fixturenames:
        metafunc.parametrize("page_kind", list(PAGE_KINDS))


@pytest.fixture(scope="session")
def page_kinds() -> dict[str, str]:
    """Kind of page -> site-relative URL of one page of that kind."""
    return PAGE_KINDS


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    """The site built once with the real mkdocs.yml (strict: a warning fails the session)."""
    out = tmp_path_factory.mktemp("site")
    result = build_real_site(out)
    if result.returncode:
        pytest.fail(f"mkdocs build --strict failed:\n{result.stderr[-4000:]}", pytrace=False)
    return out


@pytest.fixture(scope="session")
def base_url(site_dir: Path):
    """The address of the built site, served by scripts/serve_static.py on a free port."""
    with served(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def browser_type_launch_args() -> dict:
    """Launch Debian's Chromium (Playwright's own download is unavailable)."""
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(
            f"Chromium is missing at {CHROMIUM}: run 'make test' as root or 'sudo apt-get install chromium'",
            pytrace=False,
        )
    return {"executable_path": CHROMIUM, "args": CHROMIUM_FLAGS}


@pytest.fixture
def axe_violations():
    """``axe_violations(page)``: axe-core's violations on the page as it is now, one line each (none is the bar)."""

    def run(page: Page) -> list[str]:
        options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
        return [
            f"{v['id']} ({v['impact']}): {v['help']}: {', '.join(str(n['target']) for n in v['nodes'][:5])}"
            for v in Axe().run(page, options=options).response["violations"]
        ]

    return run


@pytest.fixture(scope="session")
def html_pages(site_dir: Path) -> list[str]:
    """Every HTML page of the build, as site-relative URLs."""
    pages = []
    for path in sorted(site_dir.rglob("*.html")):
        rel = path.relative_to(site_dir).as_posix()
        pages.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return pages


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Save a screenshot of the page when a browser test fails, to test-results/."""
    outcome = yield
    report = outcome.get_result()
    funcargs = getattr(item, "funcargs", {})
    page = next((funcargs[name] for name in ("page", "reader", "desktop", "phone") if name in funcargs), None)
    if report.when == "call" and report.failed and page is not None and not page.is_closed():
        SCREENSHOTS.mkdir(exist_ok=True)
        name = re.sub(r"[^\w.-]+", "-", item.nodeid.split("::", 1)[-1]).strip("-")
        try:
            page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
        except Exception as exc:  # a crashed page must not hide the test's own failure
            report.sections.append(("screenshot", f"could not save a screenshot: {exc}"))


DESKTOP = {"viewport": {"width": 1440, "height": 900}}
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}


def _reader(browser, base_url: str, options: dict):
    """A page in a fresh context, allowed to use the clipboard (citations are copied)."""
    context = browser.new_context(base_url=base_url, **options)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    yield context.new_page()
    context.close()


@pytest.fixture
def desktop(browser, base_url: str):
    """A 1440-pixel desktop with a mouse: wide enough for notes in the margin."""
    yield from _reader(browser, base_url, DESKTOP)


@pytest.fixture
def phone(browser, base_url: str):
    """A 390 by 844 phone that is touched, not pointed at."""
    yield from _reader(browser, base_url, PHONE)


@pytest.fixture(params=["desktop", "phone"])
def reader(request, browser, base_url: str):
    """The desktop, then the phone: what every reader must be able to do."""
    yield from _reader(browser, base_url, DESKTOP if request.param == "desktop" else PHONE)
