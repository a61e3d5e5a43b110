"""The Atom feeds: valid as a feed reader reads them, stable, escaped, newest first."""

from __future__ import annotations

import dataclasses

import feedparser
import pytest

from edition.content.model import Comment
from edition.features.reading import feeds
from edition.features.reading.feeds import Entry, Feed, Feeds, atom
from sample import sample_site

BASE = "https://example.org/site/"


def absolute(src: str) -> str:
    return BASE + src


def parsed(text: str) -> feedparser.FeedParserDict:
    feed = feedparser.parse(text.encode("utf-8"))
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


def entry(n: int, **kw) -> Entry:
    values = {"title": f"T{n}", "url": f"{BASE}p{n}/", "date": f"2024-01-{n:02d}", "author": "A", "summary": "S"}
    values.update(kw)
    return Entry(**values)


def test_a_feed_is_valid_atom_with_ids_dates_and_links_from_the_content():
    text = atom(Feed("New things", BASE + "f.xml", BASE, [entry(1), entry(3, author_url="https://a.example/")]))
    feed = parsed(text)
    assert feed.feed.id == BASE + "f.xml"
    assert feed.feed.updated == "2024-01-03T00:00:00Z"  # its newest entry's, never the build's time
    assert [link.rel for link in feed.feed.links] == ["self", "alternate"]
    assert [e.id for e in feed.entries] == [BASE + "p3/", BASE + "p1/"]  # newest first; an entry's id is its page
    assert [e.link for e in feed.entries] == [BASE + "p3/", BASE + "p1/"]
    assert feed.entries[0].published == "2024-01-03T00:00:00Z"
    assert feed.entries[0].author_detail.href == "https://a.example/"


def test_a_feed_without_entries_is_still_valid():
    feed = parsed(atom(Feed("Nothing yet", BASE + "f.xml", BASE)))
    assert feed.feed.updated == f"{feeds.EPOCH}T00:00:00Z" and feed.entries == []


def test_a_feed_holds_the_newest_entries_only():
    text = atom(Feed("Many", BASE + "f.xml", BASE, [entry(n % 28 + 1, url=f"{BASE}{n}/") for n in range(80)]))
    assert len(parsed(text).entries) == feeds.LATEST


@pytest.mark.parametrize(
    ("title", "shown"),
    [
        ("<script>alert(1)</script> & ]]>", "<script>alert(1)</script> & ]]>"),  # text, escaped by ElementTree
        ("bell\x07 and\x1b escape", "bell and escape"),  # characters XML cannot hold are dropped
        ("\ufffe\U0001f600", "\U0001f600"),
        ("lone\ud800 \uffffsurrogate\x0c", "lone surrogate"),  # the edges of what XML forbids
        ("del\x7f \ud7ff\ue000\ufffd kept", "del\x7f \ud7ff\ue000\ufffd kept"),  # and of what it allows
    ],
)
def test_hostile_text_stays_text_and_the_feed_stays_readable(title, shown):
    feed = parsed(atom(Feed("F", BASE + "f.xml", BASE, [entry(1, title=title, summary=title, author=title)])))
    assert feed.entries[0].title == shown
    assert feed.entries[0].summary == shown
    assert "<script>" not in atom(Feed("F", BASE + "f.xml", BASE, [entry(1, title=title)]))


def test_a_note_entry_says_where_its_passage_is_and_what_it_says():
    site = sample_site()
    site.comments[1].body = "First sentence of the *note*. Second sentence."
    documents = Feeds(site, "Site", notes=True).documents(lambda src: True, absolute)
    note = parsed(documents["feeds/notes-first.xml"]).entries[0]
    assert note.id == BASE + "commentary/first/new.md"
    where = "First *Essay* <b>, Middle part, \u00b6 1"
    assert note.summary == f"On \u201cmiddle\u201d ({where}): First sentence of the note."
    assert [t.term for t in note.tags] == ["question"]


def test_every_feed_is_written_and_only_published_notes_are_in_it():
    documents = Feeds(sample_site(), "Site", notes=True).documents(lambda src: not src.endswith("old.md"), absolute)
    assert sorted(documents) == [
        "feeds/essays.xml",
        "feeds/notes-first.xml",
        "feeds/notes-second.xml",
        "feeds/notes.xml",
        "feeds/sitemap.xml",
    ]
    assert [e.title for e in parsed(documents["feeds/essays.xml"]).entries] == ["Second", "First *Essay* <b>"]
    assert [e.title for e in parsed(documents["feeds/notes.xml"]).entries] == ["New [note] <i>"]
    assert parsed(documents["feeds/notes-second.xml"]).entries == []  # subscribed to before its first note
    assert "<url>" not in documents["feeds/sitemap.xml"]


def test_a_site_without_commentary_has_only_the_essays_feed():
    site = Feeds(sample_site(), "Site", notes=False)
    assert sorted(site.documents(lambda src: True, absolute)) == ["feeds/essays.xml", "feeds/sitemap.xml"]
    assert site.links("essays/first/index.md") == [("New essays: Site", "feeds/essays.xml")]


@pytest.mark.parametrize(
    ("src", "announced"),
    [
        ("index.md", ["feeds/essays.xml", "feeds/notes.xml"]),
        ("glossary/soft-power.md", ["feeds/essays.xml", "feeds/notes.xml"]),
        ("", ["feeds/essays.xml", "feeds/notes.xml"]),  # a template (404.html)
        ("essays/first/middle-part.md", ["feeds/essays.xml", "feeds/notes.xml", "feeds/notes-first.xml"]),
        ("essays/first/print.md", ["feeds/essays.xml", "feeds/notes.xml", "feeds/notes-first.xml"]),
        ("commentary/first/index.md", ["feeds/essays.xml", "feeds/notes.xml", "feeds/notes-first.xml"]),
        ("commentary/first/new.md", ["feeds/essays.xml", "feeds/notes.xml", "feeds/notes-first.xml"]),
        ("essays/gone/index.md", ["feeds/essays.xml", "feeds/notes.xml"]),
    ],
)
def test_each_page_announces_the_site_s_feeds_and_its_essay_s(src, announced):
    assert [path for _, path in Feeds(sample_site(), "Site", notes=True).links(src)] == announced


def test_the_same_content_makes_the_same_bytes():
    one = Feeds(sample_site(), "Site", notes=True).documents(lambda src: True, absolute)
    two = Feeds(sample_site(), "Site", notes=True).documents(lambda src: True, absolute)
    assert one == two


def test_a_note_whose_essay_is_gone_is_named_by_its_quote_alone():
    note = Comment("gone", "n", "docs/commentary/gone/n.md", "T", "A", "2024-01-01", "context", "x-1", "q", "Body.")
    (made,) = feeds.note_entries([note], {}, {}, lambda c: BASE)
    assert made.summary == "On \u201cq\u201d: Body."


@pytest.mark.parametrize("dates", [12, 3, 1], ids=["many dates", "ties at the cut", "one date for all"])
def test_many_notes_give_the_same_feeds_as_entries_made_for_every_note(dates):
    """Entries are made only for the notes that can be among the newest: the feeds are what all of them give."""
    site = sample_site()
    template = site.comments[0]
    site.comments = [
        Comment(
            ("first", "second")[n % 2],
            f"n-{n:03d}",
            f"docs/commentary/x/n-{n:03d}.md",
            f"Note {n}",
            "A",
            f"2024-02-{1 + n % dates:02d}",
            "context",
            template.paragraph,
            "q",
            f"Body {n}.",
        )
        for n in range(3 * feeds.LATEST)
    ]
    documents = Feeds(site, "Site", notes=True).documents(lambda src: True, absolute)
    url = lambda c: absolute(f"commentary/{c.essay}/{c.name}.md")  # noqa: E731
    every = feeds.note_entries(site.comments, site.essays, {}, url)
    notes = parsed(documents["feeds/notes.xml"]).entries
    newest = [e.url for e in sorted(every, key=lambda e: (e.date, e.url), reverse=True)]
    assert [e.id for e in notes] == newest[: feeds.LATEST]
    for slug in ("first", "second"):
        mine = [e for e, c in zip(every, site.comments, strict=True) if c.essay == slug]
        expected = [e.url for e in sorted(mine, key=lambda e: (e.date, e.url), reverse=True)][: feeds.LATEST]
        assert [e.id for e in parsed(documents[f"feeds/notes-{slug}.xml"]).entries] == expected


def test_a_feed_made_from_the_same_objects_is_not_written_again():
    """The preview keeps the feeds: a changed note writes the site's notes feed and its essay's, no other."""
    site, kept = sample_site(), {}
    before = Feeds(site, "Site", notes=True).documents(lambda src: True, absolute, kept)
    note = site.comments[0]
    site.comments[0] = dataclasses.replace(note, title="Changed title")
    after = Feeds(site, "Site", notes=True).documents(lambda src: True, absolute, kept)
    written = sorted(path for path in after if after[path] is not before[path])
    assert written == sorted(["feeds/notes.xml", f"feeds/notes-{note.essay}.xml"])
    assert "Changed title" in after[f"feeds/notes-{note.essay}.xml"]
    assert after == Feeds(site, "Site", notes=True).documents(lambda src: True, absolute)  # as if made anew
