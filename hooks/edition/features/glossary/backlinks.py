"""Where each term is used: every essay paragraph that links or mentions it.

Collected from the model (each paragraph's text and its explicit glossary
links), not from rendered HTML, so entry pages can list their mentions
whatever order MkDocs renders pages in. The list is written as HTML after
search has indexed the entry (its excerpts are the essays' words, found on
their own pages) and is checked by the project's link checker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import partial

from edition.addresses import GLOSSARY
from edition.content.markup import plain_text
from edition.content.memo import NO_MEMO, Memo
from edition.content.model import Essay
from edition.content.text import ELLIPSIS
from edition.features.glossary.matcher import Matcher

EXCERPT_CHARS = 90
GLOSSARY_LINK = re.compile(r"\]\((?:\.\./)*" + re.escape(GLOSSARY) + r"/([^/#)\s]+)\.md(?:#[^)\s]*)?\)")


@dataclass(frozen=True)
class Mention:
    """One paragraph that uses a term, with a short excerpt around the use."""

    essay: str
    essay_title: str
    section: str
    page: str  # docs-relative Markdown path, e.g. essays/x/reflection.md
    paragraph: str
    excerpt: str


def excerpt(text: str, start: int, end: int, width: int = EXCERPT_CHARS) -> str:
    """About ``width`` characters of ``text`` around ``start:end``, cut at spaces, with ellipses."""
    left = max(0, start - (width - (end - start)) // 2)
    right = min(len(text), left + width)
    left = max(0, right - width)
    if left > 0:
        left = text.find(" ", left) + 1 or left
    if right < len(text):
        right = text.rfind(" ", 0, right) if text.rfind(" ", 0, right) > end else right
    return (ELLIPSIS if left > 0 else "") + text[left:right].strip() + (ELLIPSIS if right < len(text) else "")


def glossary_links(text: str, memo: Memo = NO_MEMO) -> tuple[str, ...]:
    """The entries ``text`` (Markdown) links to by hand, each once, in order.

    Every build looks in every note, entry and paragraph; ``memo`` keeps what
    a text gave, so the preview looks again only in the texts that changed.
    """
    return memo.value("glossary links", text, lambda: tuple(dict.fromkeys(GLOSSARY_LINK.findall(text))))


def collect(
    essays: list[Essay], matcher: Matcher | None, known: set[str], memo: Memo = NO_MEMO
) -> dict[str, list[Mention]]:
    """Term slug -> the paragraphs that link or mention it, in essay reading order.

    ``memo`` keeps each essay's mentions while neither the essay nor the matcher changes.
    """
    found: dict[str, list[Mention]] = {}
    for essay in essays:
        for slug, mentions in memo.objects("mentions", (essay, matcher), partial(essay_mentions, essay, matcher)):
            if slug in known:
                found.setdefault(slug, []).extend(mentions)
    return found


def essay_mentions(essay: Essay, matcher: Matcher | None) -> list[tuple[str, list[Mention]]]:
    """The mentions in one essay, by slug in the order of their first mention, whether or not the entry exists."""
    found: dict[str, list[Mention]] = {}
    titles = {s.slug: s.title for s in essay.sections}
    for paragraph in essay.paragraphs():
        text = plain_text(paragraph.text)
        spans: dict[str, tuple[int, int]] = {}
        for start, end, slug in matcher.finditer(text) if matcher else ():
            spans.setdefault(slug, (start, end))
        for slug in GLOSSARY_LINK.findall(paragraph.text):
            spans.setdefault(slug, (0, 0))
        page_stem = paragraph.page.rsplit("/", 1)[-1][:-3]
        section = titles.get(page_stem) or essay.title
        for slug, (start, end) in spans.items():
            found.setdefault(slug, []).append(
                Mention(essay.slug, essay.title, section, paragraph.page, paragraph.id, excerpt(text, start, end))
            )
    return list(found.items())
