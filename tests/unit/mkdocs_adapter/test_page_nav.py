"""Each essay's pages show only that essay under Essays; every other page keeps the whole, pruned navigation."""

from __future__ import annotations

import re

import pytest

from library import library
from test_commentary_fixture import run_build


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """Three essays of three pages each, built with every hook."""
    done, site = run_build(library(tmp_path_factory.mktemp("library")))
    assert done.returncode == 0, done.stderr[-2000:]
    return site


def primary_nav(page) -> str:
    """The drawer's navigation of a built page (Material's ``md-nav--primary``)."""
    html = page.read_text(encoding="utf-8")
    start = html.index('class="md-nav md-nav--primary"')
    return html[start : html.index('<div class="md-sidebar md-sidebar--secondary"', start)]


@pytest.mark.parametrize(
    "page, own",
    [
        ("essays/essay-1/index.html", "essay-1"),
        ("essays/essay-2/index.html", "essay-2"),
        ("essays/essay-3/print/index.html", "essay-3"),
    ],
)
def test_an_essay_page_lists_only_its_own_essay(site, page, own):
    nav = primary_nav(site / page)
    others = {"essay-1", "essay-2", "essay-3"} - {own}
    assert not any(slug in nav for slug in others)
    assert nav.count('class="md-nav__item') < 20
    assert re.search(
        r'<a href="[./]+" class="md-nav__link">\s*<span class="md-ellipsis">\s*All essays\s*</span>', nav
    ), "a link home"
    assert re.search(
        r'<label class="md-nav__link" for="__nav_2" id="__nav_2_label" tabindex="0">\s*<span '
        r'class="md-ellipsis">\s*Essays',
        nav,
    )


def test_an_essay_section_page_lists_its_sections(site):
    page = site / "essays/essay-1/index.html"
    sections = sorted(
        p.name for p in (site / "essays/essay-1").iterdir() if p.is_dir() and p.name not in ("print", "revisions")
    )
    nav = primary_nav(page)
    assert len(sections) == 2 and all(f'href="{name}/"' in nav for name in sections)


def test_other_pages_keep_the_whole_navigation_with_essays_pruned(site):
    nav = primary_nav(site / "glossary/index.html")
    assert "md-nav__item--pruned" in nav and "Essays" in nav
