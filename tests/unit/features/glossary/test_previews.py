"""The previews' data: every entry by its page's address, with what the preview shows."""

from __future__ import annotations

import json

from edition.content.model import Term
from edition.features.glossary.previews import previews


def test_every_entry_is_keyed_by_its_address_with_title_chinese_name_summary_and_mentions():
    terms = {
        "liu-cixin": Term("liu-cixin", "Liu Cixin", "Writer.", "docs/glossary/liu-cixin.md", zh="刘慈欣"),
        "soft-power": Term("soft-power", "soft power", 'Influence "by" <b>attraction</b>.', "p"),
    }
    data = json.loads(previews(terms, {"liu-cixin": 3}, lambda slug: f"glossary/{slug}/"))
    assert data == {
        "glossary/liu-cixin/": {"title": "Liu Cixin", "zh": "刘慈欣", "summary": "Writer.", "mentions": 3},
        "glossary/soft-power/": {"title": "soft power", "summary": 'Influence "by" <b>attraction</b>.', "mentions": 0},
    }


def test_the_same_glossary_makes_the_same_bytes_whatever_order_it_was_read_in():
    one = {s: Term(s, s.title(), "S.", "p") for s in ("b", "a", "c")}
    two = dict(reversed(one.items()))
    assert previews(one, {}, str) == previews(two, {}, str)
