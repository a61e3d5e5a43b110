"""Paragraphs an essay page's Markdown holds and its HTML lost: raw HTML left open takes in the text after it.

Python-Markdown reads a block that starts with a block-level tag (``<div>``,
``<table>``, ...) as raw HTML up to the tag's end. A hand edit that opens one
at the start of a paragraph and never closes it takes in that paragraph and
every one after it on the page: their ``{: #id }`` lines are shown as text,
their ids are gone, and with them their notes, their paragraph actions and
the glossary's links to them. The build converts the page without a word;
only links to those ids might fail, far from the cause, and a passage no one
links to is lost in silence. So once a section or opening page is converted,
its HTML is checked for the id of every paragraph the model puts on it
(collect, then verify), and one warning names the page, the line and the
first paragraph lost, and says why. A hand edit that stops a paragraph from
reading as one (a heading, an indented code block) loses its id the same
way and is named too. (Unclosed inline HTML such as ``<span>`` takes in
nothing.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from edition.content.essay_pages import paragraph_line
from edition.content.problems import Problem

_ID = re.compile(r' id="([^"]*)"')  # an element's id, as Markdown's attr_list writes it


def lost(page_html: str, ids: Sequence[str]) -> list[str]:
    """The ids in ``ids`` (in page order) that no element of ``page_html`` has.

    The ids are looked for in order, each from where the one before it was
    found, so a sound page is read about once whatever its number of
    paragraphs. From the first id not found on, the page's ids are read
    once into a set: a page that lost a thousand paragraphs is not read a
    thousand times.
    """
    start = 0
    for n, pid in enumerate(ids):
        at = page_html.find(f' id="{pid}"', start)
        if at < 0:
            present = set(_ID.findall(page_html, start))
            return [rest for rest in ids[n:] if rest not in present]
        start = at
    return []


def lost_paragraphs(path: str, markdown: str, missing: Sequence[str]) -> Problem:
    """The warning for the paragraphs ``missing`` from the page built from ``path`` (in the repository).

    ``markdown`` is the page's file: the first lost paragraph's first line
    says why it was lost. Raw HTML (a line that starts with ``<``) is the
    cause that takes in the paragraphs after it; any other hand edit that
    stops the text from reading as a paragraph (a heading, an indented code
    block) loses that paragraph's id alone.
    """
    first, after = missing[0], len(missing) - 1
    line = paragraph_line(markdown, first)
    opener = markdown.splitlines()[line - 1].lstrip() if line else ""
    where = f"line {line}: " if line else ""
    which = f"paragraph '#{first}'" + {0: "", 1: " and the one after it"}.get(after, f" and the {after} after it")
    lost_what = f"{where}{which} did not reach the page (no id, no notes, no glossary links): "
    # What else the build reports follows from this: say so, so that the cause is mended first.
    meanwhile = (
        f" Until then, links to {'it' if not after else 'them'} and to {'its' if not after else 'their'} notes are "
        "reported as broken too."
    )
    if opener.startswith("<"):
        return Problem(
            path,
            lost_what + f"raw HTML opened at the start of '#{first}' and left open takes in the text after it.",
            "Close the tag, or write the words without HTML." + meanwhile,
            line=line,
        )
    return Problem(
        path,
        lost_what + f"the text of '#{first}' no longer reads as a paragraph (a heading, an indented line?).",
        f"Write it as a paragraph: its words, then '{{: #{first} }}' on the line below, as the importer wrote it."
        + meanwhile,
        line=line,
    )
