"""Front-matter schema of a note: one case per rule, each message naming the field."""

from __future__ import annotations

import datetime as dt

import pytest

from edition.content.model import Source
from edition.content.note_schema import validate


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
TODAY = dt.date(2024, 6, 1)


def test_valid_note_has_no_problems_and_clean_values():
    clean, errors = validate(
        meta(author_url="https://example.org/me", sources=[{"title": "S", "url": "https://e.org/s"}])
    )
    assert errors == []
    assert clean == {
        "title": "A note",
        "author": "A. Reader",
        "date": "2024-02-01",
        "kind": "context",
        "paragraph": "opening-1",
        "quote": "some words",
        "prefix": "",
        "suffix": "",
        "author_url": "https://example.org/me",
        "sources": [Source("S", "https://e.org/s")],
        "revision": 1,
        "status": "open",
        "resolved_in": 0,
    }


def test_a_resolved_note_names_the_revision_that_applied_it():
    clean, errors = validate(meta(revision=2, status="resolved", resolved_in=3))
    assert errors == []
    assert (clean["revision"], clean["status"], clean["resolved_in"]) == (2, "resolved", 3)


def test_prefix_and_suffix_are_optional_text():
    target = {"paragraph": "p-1", "quote": "q", "prefix": "just before", "suffix": "after"}
    clean, errors = validate(meta(target=target))
    assert errors == []
    assert (clean["prefix"], clean["suffix"]) == ("just before", "after")


def test_yaml_dates_are_accepted():
    assert validate(meta(date=dt.date(2024, 2, 1)))[0]["date"] == "2024-02-01"


RULES = [
    # (rule, front matter, expected message)
    (
        "unknown field",
        meta(colour="red"),
        "'colour' is not a known field; allowed: title, author, date, kind, target, author_url, sources, revision, "
        "status, resolved_in.",
    ),
    ("title missing", meta(title=DROP), "'title' is missing or empty; write 'title: ...'."),
    ("title empty", meta(title="  "), "'title' is missing or empty; write 'title: ...'."),
    ("title a number", meta(title=42), "'title' must be text, not a number; put it in quotes."),
    ("title a list", meta(title=["A", "note"]), "'title' must be text, not a list."),
    ("title a mapping", meta(title={"a": 1}), "'title' must be text, not 'key: value' lines."),
    ("title a date", meta(title=dt.date(2024, 1, 1)), "'title' must be text, not a date; put it in quotes."),
    ("title true", meta(title=True), "'title' must be text, not true or false; put it in quotes."),
    ("title markup", meta(title="<script>x</script>"), "'title' must be plain text: '<' and '>' are not allowed."),
    ("title too long", meta(title="x" * 121), "'title' is 121 characters long; keep it to 120."),
    ("author missing", meta(author=DROP), "'author' is missing or empty; write 'author: ...'."),
    ("author markup", meta(author="<b>me</b>"), "'author' must be plain text: '<' and '>' are not allowed."),
    ("author a list", meta(author=["A", "B"]), "'author' must be text, not a list."),
    ("date missing", meta(date=DROP), "'date' must be a date written YYYY-MM-DD (got None)."),
    ("date malformed", meta(date="1 Feb 2024"), "'date' must be a date written YYYY-MM-DD (got '1 Feb 2024')."),
    ("date a list", meta(date=["2024-02-01"]), "'date' must be a date written YYYY-MM-DD (got a list)."),
    ("date long text", meta(date="x" * 500), f"'date' must be a date written YYYY-MM-DD (got '{'x' * 59}\u2026')."),
    (
        "date in the future",
        meta(date="2031-01-01"),
        "'date' 2031-01-01 is in the future; write the day the note was written.",
    ),
    (
        "date two days ahead",
        meta(date=dt.date(2024, 6, 3)),
        "'date' 2024-06-03 is in the future; write the day the note was written.",
    ),
    (
        "kind unknown",
        meta(kind="gossip"),
        "'kind' is 'gossip'; allowed: context, critique, correction, question, translation.",
    ),
    (
        "kind missing",
        meta(kind=DROP),
        "'kind' is missing; allowed: context, critique, correction, question, translation.",
    ),
    (
        "kind a list",
        meta(kind=["context"]),
        "'kind' must be text, not a list; allowed: context, critique, correction, question, translation.",
    ),
    ("target missing", meta(target=DROP), "'target' must hold 'paragraph:' and 'quote:' on indented lines below it."),
    (
        "target not a mapping",
        meta(target="opening-1"),
        "'target' must be 'paragraph:' and 'quote:' on indented lines below it, not text.",
    ),
    (
        "target a list",
        meta(target=["opening-1", "q"]),
        "'target' must be 'paragraph:' and 'quote:' on indented lines below it, not a list.",
    ),
    (
        "target unknown field",
        meta(target={"paragraph": "opening-1", "quote": "q", "page": "x"}),
        "'target.page' is not a known field; allowed: paragraph, quote, prefix, suffix.",
    ),
    (
        "prefix a number",
        meta(target={"paragraph": "opening-1", "quote": "q", "prefix": 3}),
        "'target.prefix' must be text, not a number; put it in quotes.",
    ),
    (
        "suffix a list",
        meta(target={"paragraph": "opening-1", "quote": "q", "suffix": ["a"]}),
        "'target.suffix' must be text, not a list.",
    ),
    (
        "prefix too long",
        meta(target={"paragraph": "opening-1", "quote": "q", "prefix": "p" * 201}),
        "'target.prefix' is 201 characters long; keep it to 200.",
    ),
    (
        "paragraph not an id",
        meta(target={"paragraph": "#opening 1", "quote": "q"}),
        "'target.paragraph' must be a paragraph id, as in the page address after '#' (e.g. 'opening-2').",
    ),
    (
        "paragraph a list",
        meta(target={"paragraph": ["opening-1"], "quote": "q"}),
        "'target.paragraph' must be text, not a list.",
    ),
    (
        "paragraph a number",
        meta(target={"paragraph": 12, "quote": "q"}),
        "'target.paragraph' must be text, not a number; put it in quotes.",
    ),
    (
        "quote a list",
        meta(target={"paragraph": "opening-1", "quote": ["some", "words"]}),
        "'target.quote' must be text, not a list.",
    ),
    (
        "quote empty",
        meta(target={"paragraph": "opening-1", "quote": ""}),
        "'target.quote' is missing or empty; copy the exact words the note is about.",
    ),
    (
        "quote too long",
        meta(target={"paragraph": "opening-1", "quote": "q" * 501}),
        "'target.quote' is 501 characters long; quote at most 500.",
    ),
    (
        "author_url not https",
        meta(author_url="http://example.org"),
        "'author_url' must be an address starting with https:// (got 'http://example.org').",
    ),
    (
        "author_url javascript",
        meta(author_url="javascript:alert(1)"),
        "'author_url' must be an address starting with https:// (got 'javascript:alert(1)').",
    ),
    (
        "author_url with a backslash",
        meta(author_url="https://evil.example\\@good.example/"),
        "'author_url' must be an address starting with https:// (got 'https://evil.example\\\\@good.example/').",
    ),
    ("author_url a list", meta(author_url=["x"]), "'author_url' must be a web address, not a list."),
    ("author_url empty", meta(author_url=None), "'author_url' is empty; write a web address or remove the line."),
    (
        "sources not a list",
        meta(sources="https://e.org"),
        "'sources' must be a list of '- title: ...' / '  url: ...' items, not text.",
    ),
    ("source without title", meta(sources=[{"url": "https://e.org"}]), "'sources' item 1 needs a 'title' and a 'url'."),
    (
        "source bad url",
        meta(sources=[{"title": "S", "url": "ftp://e.org/x"}]),
        "'sources[1].url' must be an address starting with http:// or https:// (got 'ftp://e.org/x').",
    ),
    (
        "source title markup",
        meta(sources=[{"title": "<i>S</i>", "url": "https://e.org"}]),
        "'sources[1].title' must be plain text: '<' and '>' are not allowed.",
    ),
    (
        "source title a list",
        meta(sources=[{"title": ["S"], "url": "https://e.org"}]),
        "'sources[1].title' must be text, not a list.",
    ),
    (
        "source url a list",
        meta(sources=[{"title": "S", "url": ["https://e.org"]}]),
        "'sources[1].url' must be a web address, not a list.",
    ),
    (
        "source unknown field",
        meta(sources=[{"title": "S", "url": "https://e.org", "note": "x"}]),
        "'sources[1].note' is not a known field; allowed: title, url.",
    ),
    ("source item text", meta(sources=["https://e.org"]), "'sources' item 1 needs a 'title' and a 'url'."),
    (
        "revision zero",
        meta(revision=0),
        "'revision' must be a whole number of at least 1, the revision of the essay the note was written against "
        "(got 0).",
    ),
    (
        "revision text",
        meta(revision="two"),
        "'revision' must be a whole number of at least 1, the revision of the essay the note was written against "
        "(got 'two').",
    ),
    (
        "revision true",
        meta(revision=True),
        "'revision' must be a whole number of at least 1, the revision of the essay the note was written against "
        "(got True).",
    ),
    ("status unknown", meta(status="done"), "'status' is 'done'; allowed: open, resolved."),
    (
        "resolved without a revision",
        meta(status="resolved"),
        "'status' is resolved, so 'resolved_in' must say in which revision (e.g. 'resolved_in: 2').",
    ),
    (
        "resolved_in without status",
        meta(resolved_in=2),
        "'resolved_in' is set but 'status' is not resolved: add 'status: resolved' or remove it.",
    ),
    (
        "resolved_in a list",
        meta(status="resolved", resolved_in=[2]),
        "'resolved_in' must be a whole number of at least 2, the revision that applied the note (got a list).",
    ),
    (
        "resolved_in not later",
        meta(revision=3, status="resolved", resolved_in=3),
        "'resolved_in' is 3, but a note written against revision 3 can only be resolved by a later one.",
    ),
]


@pytest.mark.parametrize("front, expected", [r[1:] for r in RULES], ids=[r[0] for r in RULES])
def test_each_rule_reports_one_message_naming_the_field(front, expected):
    assert validate(front, today=TODAY)[1] == [expected]


@pytest.mark.parametrize("date", ["2024-06-01", "2024-06-02", dt.datetime(2024, 6, 2, 23, 59), "2000-01-01"])
def test_today_and_the_earliest_time_zone_s_today_are_not_the_future(date):
    """A note written on 2 June in Sydney is checked on 1 June by a build in UTC."""
    assert validate(meta(date=date), today=TODAY)[1] == []


def test_the_build_s_date_is_the_default():
    tomorrow_plus_one = dt.date.today() + dt.timedelta(days=2)
    assert validate(meta(date=tomorrow_plus_one.isoformat()))[1] == [
        f"'date' {tomorrow_plus_one.isoformat()} is in the future; write the day the note was written."
    ]
