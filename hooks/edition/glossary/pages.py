"""The glossary's pages as Markdown: the A-to-Z index and each entry's full page.

Values from front matter are escaped (``markup.escape``) before they become
Markdown, since glossary fixes arrive by pull request like commentary.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from html import escape as esc
from itertools import groupby

from edition.glossary.backlinks import Mention
from edition.markup import escape
from edition.model import Term


def _letter(term: Term) -> str:
    first = unicodedata.normalize("NFKD", term.title.lstrip("'\"(")[:1]).upper()[:1]
    return first if first.isalpha() and first.isascii() else "#"


def sort_key(term: Term) -> tuple[str, str]:
    """A-to-Z order, ignoring a leading article and case."""
    title = term.title.casefold()
    for article in ("the ", "a ", "an "):
        if title.startswith(article):
            title = title[len(article):]
    return (title, term.slug)


def index_page(terms: list[Term]) -> str:
    """``glossary/index.md``: every term A to Z with its Chinese name and summary.

    Kept out of the search index: each entry is found on its own page.
    """
    ordered = sorted(terms, key=sort_key)
    lines = ["---", "title: Glossary", "glossary: false", "search:", "  exclude: true", "---", "", "# Glossary", ""]
    lines.append(f"{len(ordered)} names and ideas the essays use, A to Z. Each entry lists every paragraph that mentions it.")
    lines.append("")
    by_letter = groupby(ordered, key=lambda t: _letter(Term(t.slug, sort_key(t)[0], "", "")))
    for letter, group in by_letter:
        lines += [f"## {letter} {{: #letter-{letter.lower() if letter != '#' else 'other'} }}", ""]
        for term in group:
            zh = f" ({escape(term.zh)})" if term.zh else ""
            summary = f": {escape(term.summary)}" if term.summary else ""
            lines.append(f"- [{escape(term.title)}]({term.slug}.md){zh}{summary}")
        lines.append("")
    return "\n".join(lines)


def entry_page(term: Term, terms: dict[str, Term]) -> str:
    """An entry's page: title, summary, names, the body, sources, see also, and the "Mentioned in" heading.

    The mentions themselves follow as HTML (:func:`mentions_html`).
    """
    lines = [f"# {escape(term.title)}", "", escape(term.summary) if term.summary else "", "{: .glossary-summary }", ""]
    names = []
    if term.zh:
        names.append(f"**Chinese:** {escape(term.zh)}")
    if term.aliases:
        names.append("**Also:** " + ", ".join(escape(a) for a in term.aliases))
    if names:
        lines += [" · ".join(names), "{: .glossary-names }", ""]
    lines += [term.body.strip(), ""]
    if term.sources:
        lines += ["## Sources", ""]
        lines += [f"1. [{escape(s.title)}]({s.url})" for s in term.sources]
        lines.append("")
    related = [terms[s] for s in term.see_also if s in terms]
    if related:
        lines += ["## See also", ""]
        lines += [f"- [{escape(t.title)}]({t.slug}.md): {escape(t.summary)}" for t in related]
        lines.append("")
    lines += ["## Mentioned in", ""]
    return "\n".join(lines)


def mentions_html(mentions: list[Mention], href: Callable[[Mention], str]) -> str:
    """The "Mentioned in" list of an entry as HTML, grouped by essay; ``href(m)`` addresses a paragraph.

    Written as HTML after the search plugin has indexed the page and after
    terms were linked: the excerpts repeat essay text, which search already
    finds on the essay's own pages, and on a large library these lists are
    most of the glossary's text. Skipping Markdown and the search parser for
    them is what keeps an entry page's cost near a bare page's.
    """
    if not mentions:
        return "<p>No essay mentions this term yet.</p>\n"
    parts = []
    for (_, essay_title), group in groupby(mentions, key=lambda m: (m.essay, m.essay_title)):
        items = "".join(
            f'<li>{esc(m.section)}: <a href="{esc(href(m))}">{esc(m.excerpt)}</a></li>' for m in group
        )
        parts.append(f'<h3>{esc(essay_title)}</h3>\n<ul class="glossary-mentions">{items}</ul>\n')
    return "".join(parts)
