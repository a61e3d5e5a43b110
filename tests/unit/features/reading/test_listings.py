"""The home page's listing."""

from __future__ import annotations

from edition.features.reading import listings
from sample import sample_site


def test_home_listing_newest_essay_first_with_escaped_values():
    text = listings.home_listing(sample_site(), "commentary/index.md")
    assert text.index("### [Second](essays/second/index.md)") < text.index("### [First")
    assert "### [First \\*Essay\\* &lt;b\\>](essays/first/index.md)" in text
    assert 'A. Author · <time datetime="2024-03-01">1 March 2024</time> · 4 min read · 2 notes' in text
    assert "It begins \\[here\\]." in text
    assert "[Browse the glossary](glossary/index.md): 1 names and ideas" in text


def test_latest_commentary_newest_first_and_link_to_all_only_when_the_index_exists():
    text = listings.home_listing(sample_site(), "commentary/index.md")
    assert text.index("New \\[note\\] &lt;i\\>") < text.index("Old note")
    assert "[All 2 notes](commentary/index.md), newest first." in text
    assert "All 2 notes" not in listings.home_listing(sample_site(), None)


def test_cards_newest_first_with_their_notes_counted():
    site = sample_site()
    assert [(c.essay.slug, c.notes) for c in listings.cards(site)] == [("second", 0), ("first", 2)]
