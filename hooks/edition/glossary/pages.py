"""The glossary's pages as Markdown: the A-to-Z index and each entry's full page.

Values from front matter are escaped (``markup.escape``) before they become
Markdown, since glossary fixes arrive by pull request like commentary.
"""

from __future__ import annotations

import unicodedata
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
    """``glossary/index.md``: every term A to Z with its Chinese name and summary."""
    ordered = sorted(terms, key=sort_key)
    lines = ["---", "title: Glossary", "glossary: false", "---", "", "# Glossary", ""]
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


def entry_page(term: Term, terms: dict[str, Term], mentions: list[Mention]) -> str:
    """An entry's page: title, summary, names, the body, sources, see also, mentioned in."""
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
    if not mentions:
        lines += ["No essay mentions this term yet.", ""]
    for (_, essay_title), group in groupby(mentions, key=lambda m: (m.essay, m.essay_title)):
        lines += [f"### {escape(essay_title)}", ""]
        for m in group:
            lines.append(f"- {escape(m.section)}: [{escape(m.excerpt)}](../{m.page}#{m.paragraph})")
        lines.append("")
    return "\n".join(lines)
