"""A fixture site whose essay and notes differ the ways typed and copied text does: built with the real hooks.

The essay's source carries a decomposed accent (``Buendi`` + U+0301) and soft
hyphens; notes quote it precomposed, decomposed, without the soft hyphens and
with them. Those are placed and highlighted; the others are orphans whose
exact messages are asserted.
"""

from __future__ import annotations

from test_commentary_fixture import build, warnings

EXPECTED = [
    "docs/commentary/e/closest.md: target quote 'some yearsh hater' is not in paragraph 'opening-1' nor anywhere "
    "else in essay 'e'. The closest passage is 'Many years later,' in 'opening-1' (65% similar): copy the words "
    "exactly from the page into target.quote.",
    "docs/commentary/e/invisible.md: target quote '\\xad\\u200b' has no characters a reader sees (only spaces or "
    "invisible formatting characters). Copy the exact words from the page into target.quote.",
    "docs/commentary/e/two-lines.md: target quote 'owners of Beijng' is not in paragraph 'opening-2' nor anywhere "
    "else in essay 'e'. The closest passage is 'owners of Beijing' in 'opening-2' (97% similar): copy the words "
    "exactly from the page into target.quote.",
]

HIGHLIGHTED = {  # note: the page's own characters inside its mark
    "precomposed-quote": "Aureliano Buendi\u0301a",
    "decomposed-quote": "caf\u00e9 owners",
    "soft-hyphen": "fir\u00ading squad",
    "hyphenated-quote": "new\u00adcomers",
}


def test_quotes_are_folded_as_readers_read_them(tmp_path):
    result, site = build("commentary-anchor", tmp_path, strict=False)
    assert result.returncode == 0, result.stderr
    assert sorted(warnings(result)) == sorted(EXPECTED)
    page = (site / "essays" / "e" / "index.html").read_text(encoding="utf-8")
    for name, text in HIGHLIGHTED.items():
        assert (
            f'<mark class="note-quote" id="quote--{name}" aria-details="note--{name}" data-kind="context">{text}</mark>'
            in page
        ), name


def test_the_strict_build_fails_on_them(tmp_path):
    result, _ = build("commentary-anchor", tmp_path)
    assert result.returncode == 1
    assert len(warnings(result)) == len(EXPECTED)
