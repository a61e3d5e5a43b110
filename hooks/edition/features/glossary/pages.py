"""The glossary's pages: the A-to-Z index (Markdown headings, HTML lists), an entry's head and tail (HTML).

Values from front matter are escaped (``html.escape``) before they become
HTML, since glossary fixes arrive by pull request like commentary.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from html import escape as esc
from itertools import groupby

from edition.addresses import glossary_entry, glossary_index, page_url, relative_url, repo_path
from edition.content.model import Term
from edition.content.text import cut_html
from edition.conventions import SOURCE_ATTRIBUTE
from edition.features.glossary.backlinks import Mention


def _letter(term: Term) -> str:
    first = unicodedata.normalize("NFKD", term.title.lstrip("'\"(")[:1]).upper()[:1]
    return first if first.isalpha() and first.isascii() else "#"


def sort_key(term: Term) -> tuple[str, str]:
    """A-to-Z order, ignoring a leading article and case."""
    title = term.title.casefold()
    for article in ("the ", "a ", "an "):
        if title.startswith(article):
            title = title[len(article) :]
    return (title, term.slug)


def index_page(terms: list[Term]) -> str:
    """``glossary/index.md``: the title, the count and a heading per letter, each followed by its list's marker.

    Kept out of the search index: each entry is found on its own page. The
    lists are put in after conversion (:func:`fill_index`): the index
    changes with every entry's summary, and the preview converts it again
    on each such save; Markdown then converts a few dozen headings, not
    thousands of list items and their links.
    """
    lines = ["---", "title: Glossary", "glossary: false", "search:", "  exclude: true", "---", "", "# Glossary", ""]
    lines.append(
        f"{len(terms)} names and ideas the essays use, A to Z. Each entry lists every paragraph that mentions it."
    )
    lines.append("")
    for letter, ident, _ in _letters(terms):
        lines += [f"## {letter} {{: #{ident} }}", "", _marker(ident), ""]
    return "\n".join(lines)


def fill_index(html: str, terms: list[Term], use_directory_urls: bool = True) -> str:
    """The converted index with each letter's list in place of its marker, as the HTML Markdown makes of a list.

    Values are escaped, and their whitespace collapsed as a reader sees it.
    """
    here = page_url(glossary_index(), use_directory_urls)
    for _, ident, group in _letters(terms):
        items = []
        for term in group:
            href = relative_url(page_url(glossary_entry(term.slug), use_directory_urls), here)
            zh = f" ({_text(term.zh)})" if term.zh else ""
            summary = f": {_text(term.summary)}" if term.summary else ""
            items.append(f'<li><a href="{esc(href)}">{_text(term.title)}</a>{zh}{summary}</li>\n')
        html = html.replace(_marker(ident), f"<ul>\n{''.join(items)}</ul>", 1)
    return html


def _letters(terms: list[Term]) -> list[tuple[str, str, list[Term]]]:
    """The entries A to Z, by letter: ``(letter, heading id, entries)``."""
    ordered = sorted(terms, key=sort_key)
    by_letter = groupby(ordered, key=lambda t: _letter(Term(t.slug, sort_key(t)[0], "", "")))
    return [
        (letter, f"letter-{letter.lower() if letter != '#' else 'other'}", list(group)) for letter, group in by_letter
    ]


def _marker(ident: str) -> str:
    """Where a letter's list goes: an HTML comment, which Markdown passes on as it is."""
    return f"<!-- glossary-index {ident} -->"


def _text(value: str) -> str:
    """A front-matter value as the text of an HTML element, escaped, its whitespace collapsed."""
    return esc(" ".join(value.split()), quote=False)


def entry_head(term: Term) -> str:
    """What an entry's page shows between its title and its body, as HTML: summary, other names.

    The body is the entry file's own Markdown, rendered once per build with
    the contributors' safe Markdown (:mod:`edition.features.glossary.session`), and
    Material writes the page's title as its ``<h1>``. Written as HTML
    rather than as Markdown put before the body: a heading, an attribute
    list and bold labels cost Python-Markdown a conversion per entry,
    seconds on a glossary of thousands of entries.
    """
    parts = []
    if term.summary:
        parts.append(f'<p class="glossary-summary">{esc(term.summary, quote=False)}</p>\n')
    names = []
    if term.zh:
        names.append(f"<strong>Chinese:</strong> {esc(term.zh, quote=False)}")
    if term.aliases:
        names.append("<strong>Also:</strong> " + ", ".join(esc(a, quote=False) for a in term.aliases))
    if names:
        parts.append(f'<p class="glossary-names">{" · ".join(names)}</p>\n')
    return "".join(parts)


# The ids of the sections entry_tail adds after an entry's body; a body heading may not take them,
# nor one of the theme's own (Material's start with two underscores: __search, __drawer, __toc...).
SECTION_IDS = ("sources", "see-also", "mentioned-in")
THEME_ID_PREFIX = "__"


def _heading(ident: str, title: str) -> str:
    """An ``<h2>`` with the permalink MkDocs' ``toc`` extension gives Markdown headings."""
    return f'<h2 id="{ident}">{title}<a class="headerlink" href="#{ident}" title="Permanent link">&para;</a></h2>\n'


def entry_tail(
    term: Term,
    terms: dict[str, Term],
    mentions: list[Mention],
    entry_href: Callable[[str], str],
    mention_href: Callable[[Mention], str],
    docs_rel: str,
) -> tuple[str, list[tuple[str, str]]]:
    """An entry's sources, related entries and mentions as HTML, and its ``(id, title)`` headings.

    Written as HTML after the search plugin has indexed the entry and after
    terms were linked: these lists repeat other pages' words (related
    entries' summaries, essay excerpts), which search finds on their own
    pages, and on a large library they are most of the glossary's text.
    Skipping Markdown and the search parser for them is what keeps an entry
    page's cost near a bare page's. The caller lists the headings in the
    page's table of contents. Each mention names, in ``data-source``, the
    essay page it quotes (``docs_rel``: the docs folder in the repository):
    a link to a paragraph a hand edit lost from that page is that page's to
    mend, and the link check blames it there, not on the entry.
    """
    parts, headings = [], []
    if term.sources:
        items = "".join(f'<li><a href="{esc(s.url)}">{esc(s.title)}</a></li>' for s in term.sources)
        parts.append(_heading("sources", "Sources") + f"<ol>{items}</ol>\n")
        headings.append(("sources", "Sources"))
    related = [terms[s] for s in term.see_also if s in terms]
    if related:
        items = "".join(
            f'<li><a href="{esc(entry_href(t.slug))}" class="glossary-link">{esc(t.title)}</a>: {esc(t.summary)}</li>'
            for t in related
        )
        parts.append(_heading("see-also", "See also") + f"<ul>{items}</ul>\n")
        headings.append(("see-also", "See also"))
    parts.append(_heading("mentioned-in", "Mentioned in") + _mentions_html(mentions, mention_href, docs_rel))
    headings.append(("mentioned-in", "Mentioned in"))
    return "".join(parts), headings


def _mentions_html(mentions: list[Mention], href: Callable[[Mention], str], docs_rel: str) -> str:
    """The "Mentioned in" list, grouped by essay; ``href(m)`` addresses a paragraph."""
    if not mentions:
        return "<p>No essay mentions this term yet.</p>\n"
    parts = []
    for (_, essay_title), group in groupby(mentions, key=lambda m: (m.essay, m.essay_title)):
        items = "".join(
            f'<li {SOURCE_ATTRIBUTE}="{esc(repo_path(docs_rel, m.page))}">{esc(m.section)}: '
            f'<a href="{esc(href(m))}">{cut_html(m.excerpt)}</a></li>'
            for m in group
        )
        parts.append(f'<h3>{esc(essay_title)}</h3>\n<ul class="glossary-mentions">{items}</ul>\n')
    return "".join(parts)
