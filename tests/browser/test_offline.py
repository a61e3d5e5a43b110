"""The offline copy (`make offline`) works opened from disk: pages, search, no other host."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def offline_dir(tmp_path_factory) -> Path:
    """The site built with mkdocs.offline.yml, as `make offline` builds it."""
    out = tmp_path_factory.mktemp("offline-site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", "mkdocs.offline.yml", "-d", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode:
        pytest.fail(f"offline build failed:\n{result.stderr[-4000:]}", pytrace=False)
    return out


def test_search_works_from_disk_with_no_request_elsewhere(browser: Browser, offline_dir: Path):
    context = browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto((offline_dir / "index.html").as_uri())
    expect(page.locator("h1")).to_contain_text("Annotated Essays")
    page.keyboard.press("/")
    field = page.locator(".md-search__input")
    field.fill("刘慈欣")
    field.press("End")
    result = page.locator(".md-search-result__item > a").first
    expect(result).to_have_attribute("href", re.compile(r"^file://.*/glossary/liu-cixin\.html"))
    result.click()
    expect(page.locator("h1")).to_contain_text("Liu Cixin")
    elsewhere = [url for url in requests if not url.startswith(("file://", "data:", "blob:"))]
    assert elsewhere == [] and errors == []
    context.close()
