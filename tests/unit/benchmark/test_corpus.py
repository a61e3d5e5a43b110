"""The synthetic corpus: the seed's shape, parsed by the real parser, and a valid edition once generated."""

from __future__ import annotations

import random

import pytest

from benchmark.corpus import (
    FILLER,
    Prose,
    Spec,
    _break_mid_sentence,
    essay_text,
    generate,
    make_terms,
    unique_quote,
)
from edition.content.markup import plain_text
from edition.content.model import Paragraph
from edition.content.site import load_site
from edition.content.terms import load_terms
from edition.content.text import normalize
from edition.features.glossary.lint import shared_names
from edition.features.glossary.session import prepare
from edition.features.importer.parse import parse
from support import ROOT


@pytest.mark.parametrize(
    "pages, essays, terms, comments",
    [
        (10, 1, 50, 100),
        (100, 10, 500, 1000),
        (300, 30, 1500, 3000),
        (1000, 100, 5000, 10000),
        (4, 1, 50, 100),  # never fewer than one essay
    ],
)
def test_spec_for_pages_scales_the_target_corpus(pages, essays, terms, comments):
    spec = Spec.for_pages(pages)
    assert (spec.essays, spec.terms, spec.comments, spec.pages) == (essays, terms, comments, essays * 10)


def test_coined_words_are_new_and_never_english_filler():
    prose = Prose(1)
    coined = [prose.coin() for _ in range(3000)]
    assert len(set(coined)) == len(coined)
    assert not {w.lower() for w in coined} & set(FILLER)


def test_term_names_are_unique_across_entries(tmp_path):
    terms = make_terms(Prose(3), 500)
    names = [n.lower() for t in terms for n in (t.title, *t.aliases)]
    assert len(names) == len(set(names))
    assert any(t.aliases for t in terms) and any(not t.aliases for t in terms)


@pytest.mark.parametrize("seed, sections, paragraphs", [(1, 10, 4), (2, 3, 2), (3, 1, 5)])
def test_essay_text_has_the_seed_shape(seed, sections, paragraphs):
    prose = Prose(seed)
    terms = make_terms(prose, 20)
    parsed = parse(essay_text(prose, Spec(1, 20, 0, sections, paragraphs), 0, terms))
    kinds = [b.kind for b in parsed.blocks]
    assert parsed.title.startswith("Essay 1: ") and len(parsed.author.split()) == 2
    assert kinds[0] == "note" and kinds[-1] == "bio"
    assert kinds.count("heading") == sections - 1
    assert kinds.count("body") == sections * paragraphs
    assert len(parsed.repairs) == 1  # the paragraph broken in mid-sentence, joined again
    assert "](#)" in "".join(b.text for b in parsed.blocks)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Aa bb cc dd. Ee ff gg hh.", "Aa bb cc dd. Ee\n\nff gg hh."),
        ("Aa bb. Cc dd ee ff.", "Aa bb. Cc\n\ndd ee ff."),
        ("Aa Bb Cc Dd.", "Aa Bb Cc Dd."),  # no lower-case word to break before: unchanged
    ],
)
def test_break_mid_sentence(text, expected):
    assert _break_mid_sentence(text) == expected


@pytest.mark.parametrize(
    "paragraph, others, found",
    [
        ("One two three four five six seven eight.", ["Nothing alike here at all."], True),
        ("One two three four five six seven eight.", ["One two three four five six seven eight."], False),
    ],
)
def test_unique_quote_occurs_once_in_the_essay(paragraph, others, found):
    texts = [normalize(paragraph), *others]
    quote = unique_quote(Paragraph("p-1", paragraph), texts, random.Random(0))
    assert (quote is not None) == found
    if found:
        assert sum(t.count(quote) for t in texts) == 1


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return generate(Spec(2, 30, 25, sections=3, paragraphs=3), tmp_path_factory.mktemp("corpus"), ROOT / "docs")


def test_generated_corpus_is_a_valid_edition(corpus):
    root = corpus.root
    site = load_site(root / "docs", root)
    assert site.problems == []
    assert prepare(site).problems == []  # no stub left, no missing entry, no shared name
    assert len(site.essays) == 2 and len(site.terms) == 30 and len(site.comments) == 25
    assert shared_names(load_terms(root / "docs", root)[0]) == []
    assert corpus.words > 0 and corpus.import_seconds > 0


def test_every_note_quotes_its_paragraph_once(corpus):
    site = load_site(corpus.root / "docs", corpus.root)
    for note in site.comments:
        essay = site.essays[note.essay]
        texts = {p.id: normalize(plain_text(p.text)) for p in essay.paragraphs()}
        assert note.quote in texts[note.paragraph]
        assert sum(t.count(note.quote) for t in texts.values()) == 1


def test_some_notes_link_other_essays_paragraphs(corpus):
    site = load_site(corpus.root / "docs", corpus.root)
    ids = set(site.paragraphs)
    links = [body for body in (c.body for c in site.comments) if "../../essays/" in body]
    assert links
    assert all(link.split("#", 1)[1].split(")", 1)[0] in ids for link in links)
