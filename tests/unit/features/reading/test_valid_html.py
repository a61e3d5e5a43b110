"""The two corrections to Material's page skeleton."""

from __future__ import annotations

import pytest

from edition.features.reading.valid_html import TOC_LABEL, TOGGLES, fix_material_markup


@pytest.mark.parametrize("toggle", TOGGLES)
def test_autocomplete_dropped_from_hidden_toggles(toggle):
    fixed = toggle.replace(' autocomplete="off"', "")
    assert fixed != toggle
    assert fix_material_markup(f"<input {toggle}") == f"<input {fixed}"


def test_toc_label_without_its_checkbox_becomes_a_div():
    page = f"{TOC_LABEL}<span>Table of contents</span></label><p>text</p>"
    assert fix_material_markup(page) == '<div class="md-nav__title"><span>Table of contents</span></div><p>text</p>'


def test_toc_label_kept_when_the_checkbox_exists():
    page = f'<input id="__toc">{TOC_LABEL}Contents</label>'
    assert fix_material_markup(page) == page


def test_page_content_is_not_touched():
    text = '<p>autocomplete="off" and <label class="md-nav__title"> in prose</p>'
    assert fix_material_markup(text) == text


def test_all_corrections_in_one_page_keep_everything_around_them():
    drawer, search = TOGGLES
    page = f'<head></head><input {drawer}<input {search}<nav>{TOC_LABEL}Contents</label></nav><p>autocomplete="off"</p>'
    assert fix_material_markup(page) == (
        '<head></head><input data-md-toggle="drawer" type="checkbox" id="__drawer">'
        '<input data-md-toggle="search" type="checkbox" id="__search">'
        '<nav><div class="md-nav__title">Contents</div></nav><p>autocomplete="off"</p>'
    )
