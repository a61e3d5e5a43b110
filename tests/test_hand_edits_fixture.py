"""Hand edits to an essay page that lose paragraphs, add prose without an id or rename a heading: the build says so.

Python-Markdown takes in every paragraph after the open tag; without the
check the page loses them (their ids, notes and glossary links) in silence.
The case is planted at test time in a copy of the ``linkcheck-notes``
fixture, whose clean build must say nothing of it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from import_site import site_with_real_essay
from test_commentary_fixture import copy, run_build, warnings

PART = "docs/essays/e/part.md"
REFLECTION = "docs/essays/wandering-earth-ii/reflection.md"
FIRST = "Soft power is built through creative concepts, symbols and narratives."
ADVICE = "Close the tag, or write the words without HTML."
ONE = "Until then, links to it and to its notes are reported as broken too."
MANY = "Until then, links to them and to their notes are reported as broken too."


def _warnings(tmp_path: Path, old: str = "", new: str = "") -> tuple[list[str], str]:
    """The build's warnings and the section page's HTML, ``old`` replaced by ``new`` in the fixture's part.md."""
    project = copy("linkcheck-notes", tmp_path)
    page = project / PART
    page.write_text(page.read_text().replace(old, new) if old else page.read_text())
    result, site = run_build(project, strict=False)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    return warnings(result), (site / "essays/e/part/index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            FIRST,
            f'<div class="aside">{FIRST}',
            f"{PART}: line 9: paragraph '#part-1' and the one after it did not reach the page (no id, no notes, "
            f"no glossary links): raw HTML opened at the start of '#part-1' and left open takes in the text after it. "
            f"{ADVICE} {MANY}",
        ),
        (
            "Maintainers' raw HTML",
            "<table><tr><td>Maintainers' raw HTML",
            f"{PART}: line 12: paragraph '#part-2' did not reach the page (no id, no notes, no glossary links): "
            f"raw HTML opened at the start of '#part-2' and left open takes in the text after it. {ADVICE} {ONE}",
        ),
        (
            FIRST,
            f"## {FIRST}",
            f"{PART}: line 9: paragraph '#part-1' did not reach the page (no id, no notes, no glossary links): "
            "the text of '#part-1' no longer reads as a paragraph (a heading, an indented line?). Write it as a "
            f"paragraph: its words, then '{{: #part-1 }}' on the line below, as the importer wrote it. {ONE}",
        ),
    ],
    ids=["div-takes-two", "table-takes-the-last", "heading"],
)
def test_a_paragraph_lost_by_a_hand_edit_is_reported(tmp_path, old, new, expected):
    found, html = _warnings(tmp_path, old, new)
    assert expected in found
    assert 'id="part-1"' not in html or 'id="part-2"' not in html  # the damage the warning names
    # The commentary indexes link each note's callout, which the lost paragraph took with it: those links are
    # the note's, where the note's own links to the paragraph are reported too, not the theme's.
    callout = "link '../../../essays/e/part/#note--picture': no paragraph '#note--picture' on essays/e/part/."
    assert (f"docs/commentary/e/picture.md: {callout}" in found) == ('id="part-1"' not in html)  # its paragraph
    assert not [line for line in found if "theme/template" in line], found


def test_inline_html_left_open_and_a_clean_page_say_nothing(tmp_path):
    """An unclosed ``<span>`` inside a paragraph takes in nothing; the fixture as it is has no such problem."""
    for case, (old, new) in {"clean": ("", ""), "span": (FIRST, f"<span>{FIRST}")}.items():
        found, html = _warnings(tmp_path / case, old, new)
        assert not [line for line in found if "did not reach the page" in line], found
        assert 'id="part-1"' in html and 'id="part-2"' in html


@pytest.mark.parametrize(
    ("old", "new", "expected", "shown"),
    [
        (  # shown, but no paragraph of the model
            FIRST,
            f"An editor's aside, added by hand.\n\n{FIRST}",
            f"{PART}: line 9: this paragraph has no id line ('{{: #...}}' below its text): it is shown, but readers "
            "cannot link to it, cite it or annotate it. Make the change in the essay's source and import it again: "
            "the importer gives each paragraph an id no other text has had.",
            "An editor's aside",
        ),
        (  # the page would show one name, and the navigation, the whole-essay page and search another
            "# A part",
            "# A part renamed by hand",
            f"{PART}: line 7: the page's heading is not its title ('A part' in its front matter), which the "
            "navigation, the whole-essay page and search show. Change both together, or make the change in the "
            "essay's source and import it again.",
            "A part renamed by hand",
        ),
        (  # a hand edit copied it, which re-importing another essay cannot mend
            "{: #part-2 }",
            "{: #part-1 }",
            f"{PART}: paragraph id 'part-1' is also used in {PART}. Each paragraph has an id of its own: a hand edit "
            "copied this one. Give the paragraph back its own id (git shows it), or make the change in the essay's "
            "source and import it again.",
            None,
        ),
    ],
    ids=["prose without an id", "heading renamed without its title", "id copied within the essay"],
)
def test_a_hand_edit_the_model_reads_is_reported_with_advice_that_fits_it(tmp_path, old, new, expected, shown):
    found, html = _warnings(tmp_path, old, new)
    assert expected in found
    # A copied paragraph id is the model's to report, once: not again by the link check for each page showing it.
    assert not [line for line in found if "is given to more than one element" in line], found
    if shown is not None:
        assert shown in html


def test_links_into_a_lost_paragraph_are_blamed_on_the_page_that_lost_it(tmp_path):
    """What other pages show of a lost paragraph (an entry's "Mentioned in", a commentary index's callout links)
    is reported on the file to mend, the essay page, or on the note: never on an entry or the theme."""
    project = site_with_real_essay(tmp_path)
    page = project / REFLECTION
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("Liu's 'hard science' fiction", "<div>Liu's 'hard science' fiction", 1))
    result, _ = run_build(project, strict=False)
    found = warnings(result)
    on_page = "no paragraph '#reflection-1' on essays/wandering-earth-ii/reflection/. Did you mean '#reflection'?"
    assert f"{REFLECTION}: link './#reflection-1': {on_page}" in found
    assert not [line for line in found if line.startswith("docs/glossary/") or "theme/template" in line], found
