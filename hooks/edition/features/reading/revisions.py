"""An essay's revisions page: every revision, newest first, each change shown word by word.

Generated from the revision record (:mod:`edition.content.revisions`), so it
builds from a fresh or shallow clone. Each change names its kind, links to
the paragraph as it stands now (or to the notice where a removed one stood:
:mod:`.permalinks`) and shows what changed with :mod:`.word_diff`. An essay
never revised says it is as first published, with no empty list. Every
word is the essay's or the maintainer's summary, escaped where it is
written; the page is kept out of search (the essay's text is found on its
own pages) and the glossary links no terms in it (a diff is not prose).
"""

from __future__ import annotations

import html

from edition.addresses import Linker, essay_page, revision_id
from edition.content.dates import long_date, time_tag
from edition.content.history import History
from edition.content.markup import plain_text
from edition.content.revisions import Change, Revision, Version
from edition.features.reading.word_diff import DELETE, INSERT, diff_html, segments_html

esc = html.escape
PIECES = " \u00b6 "  # between the pieces of a split or joined paragraph, so the diff shows the break
KIND_LABEL = {
    "edited": "Edited",
    "added": "Added",
    "removed": "Removed",
    "moved": "Moved",
    "split": "Split",
    "joined": "Joined",
}


def title(essay_title: str) -> str:
    """The page's title (plain text: whoever writes it into HTML escapes it)."""
    return f"Revisions of {essay_title}"


def summary_line(history: History) -> str:
    """What the essay's opening page says of its revisions: ``Revised 3 times; last on 1 December 2026``."""
    count = history.number - 1
    if not count:
        return "As first published"
    times = "once" if count == 1 else f"{count} times"
    return f"Revised {times}; last on {long_date(history.revisions[-1].date)}"


def revisions_html(history: History, link: Linker) -> str:
    """The page's HTML: the title, then each revision newest first, revision 1 last."""
    essay = history.essay
    first = history.revisions[0]
    parts = [f"<h1>{esc(title(essay.title))}</h1>"]
    opening = f'<a href="{esc(link(essay_page(essay.slug)) or "")}">{esc(essay.title)}</a>'
    if history.number == 1:
        parts.append(
            f'<p class="revision-first">{opening} is as first published, on {time_tag(first.date)}: '
            "it has not been revised.</p>"
        )
        return "\n".join(parts) + "\n"
    parts.append(
        f"<p>{esc(summary_line(history))}: every change to the text of {opening} since it was first published, "
        "newest first. Each change links to the paragraph as it stands now.</p>"
    )
    parts += [_revision(revision, history, link) for revision in reversed(history.revisions[1:])]
    parts.append(
        f'<h2 id="{revision_id(1)}">Revision 1 \u00b7 {time_tag(first.date)}</h2>\n'
        f'<p class="revision-summary">{esc(first.summary)}.</p>'
    )
    return "\n".join(parts) + "\n"


def _revision(revision: Revision, history: History, link: Linker) -> str:
    changes = "".join(_change(change, history, link) for change in revision.changes)
    count = len(revision.changes)
    return (
        f'<h2 id="{revision_id(revision.number)}">Revision {revision.number} \u00b7 {time_tag(revision.date)}</h2>\n'
        f'<p class="revision-summary">{esc(revision.summary)}</p>\n'
        f'<p class="revision-count">{count} change{"" if count == 1 else "s"}:</p>\n'
        f'<ol class="revision-changes">{changes}</ol>'
    )


def _where(version: Version, history: History, link: Linker) -> str:
    """A link to where a paragraph of the change stands now (or to its removal's notice)."""
    landing = history.landing(version.id)
    if landing is None:
        return f"\u00b6 {esc(version.id)}"
    titles = {s.slug: s.title for s in history.essay.sections}
    section = titles.get(landing.page) or history.essay.title
    href = link(essay_page(history.essay.slug, landing.page), landing.id)
    label = f"\u00b6 {esc(version.id)} in &ldquo;{esc(section)}&rdquo;"
    label += " (since removed)" if landing.removal else ""
    return f'<a href="{esc(href)}">{label}</a>' if href else label


def _text(versions: list[Version]) -> str:
    return PIECES.join(plain_text(v.text) for v in versions)


def _change(change: Change, history: History, link: Linker) -> str:
    shown = change.new or change.old
    where = ", ".join(_where(v, history, link) for v in shown)
    if change.kind == "added":
        body = segments_html([(INSERT, _text(change.new))])
    elif change.kind == "removed":
        body = segments_html([(DELETE, _text(change.old))])
    elif change.kind == "moved":
        titles = {s.slug: s.title for s in history.essay.sections}
        before, after = change.old[0].page, change.new[0].page
        moved = f"from &ldquo;{esc(titles.get(before, before))}&rdquo; to &ldquo;{esc(titles.get(after, after))}&rdquo;"
        body = esc(_text(change.new))
        where += f", {moved}" if before != after else ", to another place on its page"
    else:
        body = diff_html(_text(change.old), _text(change.new))
    return (
        f'<li class="revision-change" data-kind="{esc(change.kind)}">'
        f'<p class="revision-change-head"><strong>{KIND_LABEL[change.kind]}</strong>: {where}</p>'
        f'<p class="revision-diff">{body}</p></li>'
    )
