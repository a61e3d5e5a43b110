"""The home page's listing: every essay as a card, then the glossary and the latest notes.

A reader arriving at the home page should see what there is to read and how
long it takes before opening anything. The listing is Markdown built from the
model (essays, terms, notes) and from each essay's index front matter, where
the importer records the summary and reading time; every value that came
from a file is escaped, since notes and glossary fixes arrive by pull request.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from edition import addresses
from edition.content.dates import time_tag
from edition.content.markup import escape
from edition.content.model import Comment, Essay
from edition.content.site import Site
from edition.content.text import counted

LATEST_NOTES = 3


@dataclass
class Card:
    """What a listing shows of one essay."""

    essay: Essay
    notes: int

    @property
    def src(self) -> str:
        """The essay's index page, relative to the docs directory."""
        return addresses.essay_page(self.essay.slug)


def cards(site: Site) -> list[Card]:
    """Every essay's card, newest first: the summary and reading time the importer recorded, and its notes.

    The notes are counted in one pass over them, not one pass per essay
    (essays times notes).
    """
    notes = Counter(c.essay for c in site.comments)
    essays = sorted(site.essays.values(), key=lambda e: (e.date, e.slug), reverse=True)
    return [Card(essay=e, notes=notes[e.slug]) for e in essays]


def card_markdown(c: Card) -> str:
    """One essay in the listing: linked title, byline, summary."""
    facts = [
        escape(c.essay.author),
        time_tag(c.essay.date),
        f"{c.essay.reading_time} min read",
        counted(c.notes, "note"),
    ]
    lines = [
        f"### [{escape(c.essay.title)}]({c.src})",
        "",
        " · ".join(f for f in facts if f),
        "{: .listing-meta }",
        "",
    ]
    if c.essay.summary:
        lines += [escape(c.essay.summary), "{: .listing-summary }", ""]
    return "\n".join(lines)


def _note_item(comment: Comment, essays: dict[str, Essay]) -> str:
    essay = essays.get(comment.essay)
    on = f", on *{escape(essay.title)}*" if essay else ""
    page = addresses.note_page(comment.essay, comment.name)
    return f"- [{escape(comment.title)}]({page}){on} · {time_tag(comment.date)}"


def home_listing(site: Site, commentary_index: str | None = None) -> str:
    """The Markdown appended to the home page.

    ``commentary_index`` is the commentary index page (relative to the docs
    directory) when the build has one; the listing links to it only then,
    so the home page never carries a link to a page that does not exist.
    """
    parts = ["", "## Essays", "", '<div class="listing" markdown>', ""]
    parts += [card_markdown(c) for c in cards(site)] or ["No essays yet.", ""]
    parts += ["</div>", "", "## Glossary", ""]
    parts += [
        f"[Browse the glossary]({addresses.glossary_index()}): {len(site.terms)} names and ideas the essays use, "
        "each with the paragraphs that mention it.",
        "",
    ]
    latest = sorted(site.comments, key=lambda c: (c.date, c.path), reverse=True)[:LATEST_NOTES]
    if latest:
        parts += ["## Latest commentary", ""]
        parts += [_note_item(c, site.essays) for c in latest]
        parts.append("")
        if commentary_index:
            parts += [f"[All {counted(len(site.comments), 'note')}]({commentary_index}), newest first.", ""]
    return "\n".join(parts)
