"""Front-matter schema of a note: one case per rule, each message naming the field."""

from __future__ import annotations

import datetime as dt

import pytest

from edition.commentary.schema import validate
from edition.model import Source


def meta(**changes):
    base = {
        "title": "A note",
        "author": "A. Reader",
        "date": "2024-02-01",
        "kind": "context",
        "target": {"paragraph": "opening-1", "quote": "some words"},
    }
    base.update(changes)
    return {k: v for k, v in base.items() if v is not DROP}


DROP = object()


def test_valid_note_has_no_problems_and_clean_values():
    clean, errors = validate(meta(author_url="https://example.org/me", sources=[{"title": "S", "url": "https://e.org/s"}]))
    assert errors == []
    assert clean == {
        "title": "A note", "author": "A. Reader", "date": "2024-02-01", "kind": "context",
        "paragraph": "opening-1", "quote": "some words", "author_url": "https://example.org/me",
        "sources": [Source("S", "https://e.org/s")],
    }


def test_yaml_dates_are_accepted():
    assert validate(meta(date=dt.date(2024, 2, 1)))[0]["date"] == "2024-02-01"


RULES = [
    # (rule, front matter, expected message)
    ("unknown field", meta(colour="red"),
     "'colour' is not a known field; allowed: title, author, date, kind, target, author_url, sources."),
    ("title missing", meta(title=DROP), "'title' is missing or empty; write 'title: ...'."),
    ("title empty", meta(title="  "), "'title' is missing or empty; write 'title: ...'."),
    ("title not text", meta(title=42), "'title' is missing or empty; write 'title: ...'."),
    ("title markup", meta(title="<script>x</script>"), "'title' must be plain text: '<' and '>' are not allowed."),
    ("title too long", meta(title="x" * 121), "'title' is 121 characters long; keep it to 120."),
    ("author missing", meta(author=DROP), "'author' is missing or empty; write 'author: ...'."),
    ("author markup", meta(author="<b>me</b>"), "'author' must be plain text: '<' and '>' are not allowed."),
    ("date missing", meta(date=DROP), "'date' must be a date written YYYY-MM-DD (got None)."),
    ("date malformed", meta(date="1 Feb 2024"), "'date' must be a date written YYYY-MM-DD (got '1 Feb 2024')."),
    ("kind unknown", meta(kind="gossip"),
     "'kind' is 'gossip'; allowed: context, critique, correction, question, translation."),
    ("target missing", meta(target=DROP), "'target' must hold 'paragraph:' and 'quote:' on indented lines below it."),
    ("target not a mapping", meta(target="opening-1"),
     "'target' must hold 'paragraph:' and 'quote:' on indented lines below it."),
    ("target unknown field", meta(target={"paragraph": "opening-1", "quote": "q", "page": "x"}),
     "'target.page' is not a known field; allowed: paragraph, quote."),
    ("paragraph not an id", meta(target={"paragraph": "#opening 1", "quote": "q"}),
     "'target.paragraph' must be a paragraph id, as in the page address after '#' (e.g. 'opening-2')."),
    ("quote empty", meta(target={"paragraph": "opening-1", "quote": ""}),
     "'target.quote' is missing or empty; copy the exact words the note is about."),
    ("quote too long", meta(target={"paragraph": "opening-1", "quote": "q" * 501}),
     "'target.quote' is 501 characters long; quote at most 500."),
    ("author_url not https", meta(author_url="http://example.org"),
     "'author_url' must be an address starting with https:// (got 'http://example.org')."),
    ("author_url javascript", meta(author_url="javascript:alert(1)"),
     "'author_url' must be an address starting with https:// (got 'javascript:alert(1)')."),
    ("author_url not text", meta(author_url=["x"]), "'author_url' must be a web address."),
    ("sources not a list", meta(sources="https://e.org"),
     "'sources' must be a list of '- title: ...' / '  url: ...' items."),
    ("source without title", meta(sources=[{"url": "https://e.org"}]), "'sources' item 1 needs a 'title' and a 'url'."),
    ("source bad url", meta(sources=[{"title": "S", "url": "ftp://e.org/x"}]),
     "'sources[1].url' must be an address starting with http:// or https:// (got 'ftp://e.org/x')."),
    ("source title markup", meta(sources=[{"title": "<i>S</i>", "url": "https://e.org"}]),
     "'sources' item 1: the title must be plain text: '<' and '>' are not allowed."),
]


@pytest.mark.parametrize("front, expected", [r[1:] for r in RULES], ids=[r[0] for r in RULES])
def test_each_rule_reports_one_message_naming_the_field(front, expected):
    assert validate(front)[1] == [expected]
