"""Permalinks that never die: every paragraph address any revision published still leads somewhere meaningful.

An address is a page and a paragraph id. After a revision, for each page
(:class:`edition.content.history.History` says what each published):

- an id that is still a paragraph of the page needs nothing;
- an id that now leads to another paragraph of the page (a split or joined
  paragraph's) becomes an empty anchor at the start of that paragraph;
- a removed paragraph's id becomes a notice where the paragraph stood:
  "This paragraph was removed in revision 3, on ...; it read: ...", a
  ``<details>`` element that Material opens when a link lands on it;
- an id whose text is now on another page (a paragraph moved to another
  section, or a section renamed) becomes a line at the end of the page that
  links to where it is now.

A page that an earlier revision published and the current one does not (a
section renamed or removed) is generated again, as a short page that says
so (:func:`retired_page_html`), and gets its old ids the same way.

The whole-essay page holds every paragraph, so it gets the anchors and the
notices, never the lines pointing elsewhere. Nothing is added to a page no
revision changed. The additions are made once search has indexed the page
(an old paragraph's words are not the essay's), and every word written is
escaped. The link check then sees these ids where, and only where, the
site provides them.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict

from edition.addresses import Linker, essay_page, revision_id, revisions_page
from edition.content.dates import long_date
from edition.content.history import History, Landing, Removal
from edition.content.markup import plain_text

ALIAS_CLASS = "paragraph-alias"  # an old id at the start of the paragraph that holds its text now
NOTICE_CLASS = "revision-notice"  # a removed paragraph's notice
MOVED_CLASS = "revision-moved"  # the end-of-page list of old ids whose paragraphs live on other pages now
_PARAGRAPH = re.compile(r'<p\b[^>]*?\bid="(?P<id>[^"]+)"[^>]*>.*?</p>', re.S)
_OPEN = re.compile(r'(<p\b[^>]*?\bid="(?P<id>[^"]+)"[^>]*>)')

esc = html.escape


def retired_pages(history: History) -> list[str]:
    """The pages (sections' slugs) earlier revisions published that the current text has not, in name order."""
    current = {section.slug for section in history.essay.sections}
    return sorted(page for page in history.published if page and page not in current)


def retired_page_html(history: History, link: Linker) -> str:
    """What a page of an earlier revision says, before its old ids are added (:func:`add_permalinks`)."""
    essay = history.essay
    opening = f'<a href="{esc(link(essay_page(essay.slug)) or "")}">{esc(essay.title)}</a>'
    revisions = link(revisions_page(essay.slug))
    see = f' (see <a href="{esc(revisions)}">its revisions</a>)' if revisions else ""
    return (
        f"<h1>{esc(retired_title(essay.title))}</h1>\n"
        f"<p>This page held a section of {opening} in an earlier revision{see}. "
        "That section is no longer in the essay; each of its paragraphs is listed below with where it is now.</p>\n"
    )


def retired_title(essay_title: str) -> str:
    return f"A section of an earlier revision of {essay_title}"


def removal_notice(removal: Removal, revisions_href: str | None, aliases: list[str]) -> str:
    """The notice that stands where a removed paragraph stood (its id, and those of paragraphs joined into it)."""
    revision = removal.revision
    when = f"revision {revision.number}, on {long_date(revision.date)}"
    see = (
        f'<p><a href="{esc(revisions_href)}">All the changes of revision {revision.number}</a></p>'
        if revisions_href
        else ""
    )
    anchors = "".join(f'<span class="{ALIAS_CLASS}" id="{esc(a)}"></span>' for a in aliases)
    return (
        f'<details class="{NOTICE_CLASS}" id="{esc(removal.version.id)}">'
        f"<summary>{anchors}This paragraph was removed in {esc(when)}; it read:</summary>\n"
        f"<blockquote><p>{esc(plain_text(removal.version.text))}</p></blockquote>\n{see}</details>\n"
    )


def moved_line(old: str, landing: Landing, title: str, href: str | None) -> str:
    """A line for an old id whose text is on another page now (``href``); ``title`` names that page."""
    where = f'<a href="{esc(href)}">{esc(title)}</a>' if href else esc(title)
    return f'<li id="{esc(old)}">The paragraph \u00b6 {esc(old)} is now in {where}.</li>'


def add_permalinks(page_html: str, history: History, page: str | None, link: Linker, titles: dict[str, str]) -> str:
    """``page_html`` (the page of section ``page``, or the whole essay when ``page`` is None) with its old ids.

    ``titles`` maps each section's slug to its title, for the lines that
    point to another page; ``link`` makes addresses from the page built.
    """
    essay = history.essay.slug
    whole = page is None
    published = set().union(*history.published.values()) if page is None else history.published.get(page, set())
    here = {pid for pid, v in history.current.items() if whole or v.page == page}
    aliases: dict[str, list[str]] = defaultdict(list)  # landing id -> old ids that land on it, on this page
    removals: dict[str, Removal] = {}
    moved: list[str] = []
    for old in sorted(published - here):
        landing = history.landing(old)
        if landing is None:
            continue
        on_page = whole or landing.page == page
        if landing.removal is not None and on_page:
            removals.setdefault(landing.id, landing.removal)
            if landing.id != old:
                aliases[landing.id].append(old)
        elif landing.removal is None and on_page:
            aliases[landing.id].append(old)
        else:
            moved.append(old)
    if not (aliases or removals or moved):
        return page_html
    notices = _notices(removals, aliases, link, essay)
    out = _place(page_html, notices, {pid: ids for pid, ids in aliases.items() if pid not in removals}, removals)
    if moved:
        lines = []
        for old in moved:
            landing = history.landing(old)
            if landing is not None:
                src = essay_page(essay, landing.page)
                lines.append(moved_line(old, landing, titles.get(landing.page, landing.page), link(src, landing.id)))
        out += (
            f'<aside class="{MOVED_CLASS}" aria-label="Paragraphs that moved">'
            f"<p>Paragraphs that were on this page in earlier revisions:</p><ul>{''.join(lines)}</ul></aside>\n"
        )
    return out


def _notices(removals: dict[str, Removal], aliases: dict[str, list[str]], link: Linker, essay: str) -> dict[str, str]:
    return {
        pid: removal_notice(
            removal, link(revisions_page(essay), revision_id(removal.revision.number)), sorted(aliases.get(pid, []))
        )
        for pid, removal in removals.items()
    }


def _place(page_html: str, notices: dict[str, str], aliases: dict[str, list[str]], removals: dict[str, Removal]) -> str:
    """The page with each alias opening its paragraph and each notice after what the removed paragraph followed."""
    after: dict[str, list[str]] = defaultdict(list)  # id of a paragraph or notice -> notices that follow it
    placed = {m.group("id") for m in _OPEN.finditer(page_html)} | set(removals)
    top: list[str] = []
    for pid, removal in removals.items():
        (after[removal.after] if removal.after in placed and removal.after != pid else top).append(pid)

    def chain(pid: str) -> str:
        return notices[pid] + "".join(chain(next_id) for next_id in after.get(pid, ()))

    def paragraph(match: re.Match[str]) -> str:
        pid, text = match.group("id"), match.group()
        if pid in aliases:
            spans = "".join(f'<span class="{ALIAS_CLASS}" id="{esc(a)}"></span>' for a in sorted(aliases[pid]))
            opening = _OPEN.match(text)
            if opening is not None:
                text = opening.group(1) + spans + text[opening.end() :]
        return text + "".join("\n" + chain(n) for n in after.get(pid, ()))

    out = _PARAGRAPH.sub(paragraph, page_html)
    if top:
        first = _PARAGRAPH.search(out)
        at = first.start() if first else len(out)
        out = out[:at] + "".join(chain(n) for n in top) + out[at:]
    return out
