"""Notes on the essay page: highlighted quotes, callouts, paragraph actions and the filter by kind.

The essay's HTML is written by the importer's Markdown, so its paragraphs
have a known shape (``<p id="...">...</p>``): one regular-expression pass
over the page finds them, and only the paragraphs that carry notes are taken
apart, so a long page costs one linear scan, not a re-parse.

Everything here is a pure function of strings and model objects; the hook
supplies the URLs. Every value that came from a note's front matter is
escaped where it is written.

What the reader's script enhances is written here, so that the page is laid
out once, before any script runs (no layout shift): each callout links the
previous and the next note in reading order; the cite controls (a note's,
each paragraph's) and the filter by kind are in the page, and the
stylesheet shows them only when the page's head has found scripts running
(``edition-js`` on ``<html>``). Each highlight and callout carries its
note's kind (``data-kind``) for the filter.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import quote as urlquote

from edition.addresses import callout_id, quote_id
from edition.content.dates import time_tag
from edition.content.folding import IGNORABLE, fold, starts_cluster
from edition.content.model import Comment, Essay
from edition.content.note_schema import KINDS
from edition.conventions import SOURCE_ATTRIBUTE
from edition.features.commentary.anchor import Anchor

PARAGRAPH = re.compile(r'<p\b(?P<attrs>[^>]*?\bid="(?P<id>[^"]+)"[^>]*)>(?P<inner>.*?)</p>', re.S)
_TOKEN = re.compile(r"<[^>]*>|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);|[^<&]+|&")
_TAG = re.compile(r"<[^>]*>")
_OPEN_LINK = re.compile(r"<a\b", re.I)
_CLOSE_LINK = re.compile(r"</a\s*>", re.I)

# Material's admonition types give each kind a colour and an icon.
KIND_STYLE = {
    "context": "info",
    "critique": "warning",
    "correction": "bug",
    "question": "question",
    "translation": "quote",
}
assert set(KIND_STYLE) == set(KINDS)

esc = html.escape


def kind_label(kind: str) -> str:
    return kind.capitalize()


def _text_units(inner: str) -> tuple[str, list[tuple[int, int]], list[int]]:
    """The text of an HTML fragment, where each of its characters lies, and link depth.

    Returns ``(text, spans, depth)``: ``spans[i]`` is the raw ``(start,
    end)`` of text character ``i`` (every character an entity stands for
    has the entity's span: ``&NotEqualTilde;`` is two, an unknown ``&foo;``
    five), ``depth[i]`` the number of ``<a>`` elements open around it.
    """
    chars: list[str] = []
    spans: list[tuple[int, int]] = []
    depth: list[int] = []
    links = 0
    for match in _TOKEN.finditer(inner):
        token, start = match.group(), match.start()
        if token.startswith("<"):
            links += 1 if _OPEN_LINK.match(token) else -1 if _CLOSE_LINK.match(token) else 0
            continue
        if token.startswith("&") and len(token) > 1:
            text = html.unescape(token)
            chars.append(text)
            spans += [(start, match.end())] * len(text)
            depth += [links] * len(text)
            continue
        for offset, char in enumerate(token):
            chars.append(char)
            spans.append((start + offset, start + offset + 1))
            depth.append(links)
    return "".join(chars), spans, depth


Runs = list[list[int]]  # [raw start, raw end] of each run of quoted text not broken by a tag


def _between_tags(inner: str, quote: str) -> tuple[Runs, int] | None:
    """The quote found as written in the text between tags: the common, cheap case.

    Finds quotes inside one text node and those that cross inline tags (a
    glossary link, emphasis) alike, with one string search over the
    paragraph's text. Returns the runs and the number of links open at the
    quote's end, or None when the quote differs in quotes, dashes or spacing.
    """
    needle = html.escape(quote, quote=False)
    if not needle:
        return None
    pieces: list[tuple[int, str]] = []  # (raw start, text) of each text node
    cursor = 0
    for tag in _TAG.finditer(inner):
        if tag.start() > cursor:
            pieces.append((cursor, inner[cursor : tag.start()]))
        cursor = tag.end()
    if cursor < len(inner):
        pieces.append((cursor, inner[cursor:]))
    joined = "".join(text for _, text in pieces)
    at = joined.find(needle)
    if at < 0 or not _reader_match(joined, at, at + len(needle)):
        return None
    end, offset, runs = at + len(needle), 0, []
    for raw, text in pieces:
        lo, hi = max(at, offset), min(end, offset + len(text))
        if lo < hi:
            runs.append([raw + lo - offset, raw + hi - offset])
        offset += len(text)
        if offset >= end:
            break
    links = len(_OPEN_LINK.findall(inner, 0, runs[-1][1])) - len(_CLOSE_LINK.findall(inner, 0, runs[-1][1]))
    return runs, links


def _reader_match(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, a match in the page's escaped text, is a match for the reader too.

    It is not when it cuts what a reader sees as one: it starts inside an
    entity (``amp;`` in ``&amp;``) or with a combining mark, or the page goes
    on with a combining mark (``cafe`` in ``cafe`` + U+0301 is ``café``), an
    invisible character or an entity, which may stand for either. Those
    cases take the folded search, which decodes entities and sees whole
    clusters.
    """
    amp = text.rfind("&", 0, start)
    if (amp != -1 and text.find(";", amp, start) == -1) or not starts_cluster(text[start]):
        return False
    after = text[end : end + 1]
    return not after or (after != "&" and after not in IGNORABLE and starts_cluster(after))


def _folded(inner: str, quote: str, occurrence: int = 0) -> tuple[Runs, int] | None:
    """The quote found in the reader's text, folded, across tags: the general case.

    ``occurrence`` counts the occurrences to pass over (overlapping ones
    too, as the anchorer counts them).
    """
    text, spans, depth = _text_units(inner)
    folded = fold(text)
    target = fold(quote).text
    found = folded.text.find(target) if target else -1
    for _ in range(occurrence):
        found = folded.text.find(target, found + 1) if found != -1 else -1
    if found == -1:
        return None
    first, last = folded.starts[found], folded.ends[found + len(target) - 1] - 1
    runs: Runs = []
    for index in range(first, last + 1):
        start, end = spans[index]
        if runs and runs[-1][1] >= start:  # adjacent, or another character of the same entity
            runs[-1][1] = max(runs[-1][1], end)
        else:
            runs.append([start, end])
    return runs, depth[last]


def highlight(inner: str, quote: str, name: str, label: str, occurrence: int = 0, kind: str = "") -> tuple[str, bool]:
    """Wrap an occurrence of ``quote`` (the first unless ``occurrence`` says how many to pass over) in ``<mark>``.

    Reports whether it was found.

    The quote may cross inline tags (``<em>``, a glossary ``<a>``): each run
    of text between tags gets its own ``<mark>``, the first carrying the id
    ``quote-<name>``. A link to the callout follows the quote, moved past the
    end of any link the quote ends inside, since links cannot nest. ``kind``,
    the note's, goes on each of them (the filter hides a kind's highlights).
    """
    found = (_between_tags(inner, quote) if occurrence == 0 else None) or _folded(inner, quote, occurrence)
    if found is None:
        return inner, False
    runs, links_open = found
    ref_at = runs[-1][1]
    if links_open:
        closing = list(_CLOSE_LINK.finditer(inner, ref_at))
        ref_at = closing[links_open - 1].end() if len(closing) >= links_open else len(inner)
    callout = esc(callout_id(name))
    of_kind = f' data-kind="{esc(kind)}"' if kind else ""
    ref = f'<a class="note-ref" href="#{callout}" aria-label="{esc(label)}"{of_kind}></a>'
    out, cursor = [], 0
    for number, (start, end) in enumerate(runs):
        ident = f' id="{esc(quote_id(name))}"' if number == 0 else ""
        out += [
            inner[cursor:start],
            f'<mark class="note-quote"{ident} aria-details="{callout}"{of_kind}>',
            inner[start:end],
            "</mark>",
        ]
        cursor = end
    if ref_at < cursor:
        ref_at = cursor
    out += [inner[cursor:ref_at], ref, inner[ref_at:]]
    return "".join(out), True


@dataclass(frozen=True)
class Neighbour:
    """Another note a callout links to: the address of its callout and its title."""

    href: str
    title: str


@dataclass(frozen=True)
class Citable:
    """What a paragraph's "Cite" control needs besides the essay's facts: its address and its place."""

    href: str  # the paragraph on its section's page, relative to the page shown
    place: str  # "China's global strategy, ¶ 2"


def _step(css: str, word: str, arrow: tuple[str, str], note: Neighbour | None) -> str:
    """A link to the previous or next note, named with its title; nothing when there is none."""
    if note is None:
        return ""
    before, after = arrow
    return (
        f'<a class="{css}" href="{esc(note.href)}" aria-label="{esc(f"{word}: {note.title}")}">'
        f"{before}{word}{after}</a> "
    )


def callout(
    comment: Comment,
    body_html: str,
    permalink: str,
    highlighted: bool,
    previous: Neighbour | None = None,
    following: Neighbour | None = None,
    notice: str = "",
    applied: str = "",
) -> str:
    """A note as a collapsible Material ``details`` block after its paragraph.

    Its links: back to the passage, to the previous and next notes in
    reading order (``previous``, ``following``), to its own page; and the
    control that cites it (the script reads the title, author and date from
    the summary and the address from the permalink).

    ``notice`` is the paragraph saying how the essay changed under the note
    (:mod:`.notices`), shown before its body; ``applied`` the words a
    resolved note shows while collapsed (``Applied in revision 2``): such a
    note says so in its summary and stays collapsed (``data-state``).
    """
    back = esc(f"#{quote_id(comment.name)}" if highlighted else f"#{comment.paragraph}")
    state = ' data-state="resolved"' if applied else ""
    applied_html = f' <span class="note-state">{esc(applied)}</span>' if applied else ""
    return (
        f'<details class="note-callout {KIND_STYLE[comment.kind]}" id="{esc(callout_id(comment.name))}" '
        f'data-kind="{esc(comment.kind)}" {SOURCE_ATTRIBUTE}="{esc(comment.path)}"{state}>'
        f'<summary><span class="note-kind">{esc(kind_label(comment.kind))}</span>: '
        f'<span class="note-title">{esc(comment.title)}</span> '
        f'<span class="note-meta">by <span class="note-author">{esc(comment.author)}</span>, '
        f"{time_tag(comment.date)}</span>{applied_html}</summary>\n"
        f'{notice}<div class="note-body">{body_html}</div>\n'
        f'<p class="note-links"><a class="note-back" href="{back}">&uarr; passage</a> '
        + _step("note-prev", "Previous note", ("&larr; ", ""), previous)
        + _step("note-next", "Next note", ("", " &rarr;"), following)
        + f'<a class="note-permalink" href="{esc(permalink)}">Permalink</a> '
        '<button type="button" class="note-cite" aria-haspopup="dialog" aria-expanded="false">Cite this note</button>'
        "</p>\n</details>\n"
    )


def note_filter(kinds: Iterable[str]) -> str:
    """The filter by kind at the top of an essay's pages: one checkbox per kind its notes have, in schema order.

    The checkboxes only say what the reader chose; the script keeps the
    choice (on ``<html>``, where the stylesheet reads it, and in local
    storage, where the next page's head finds it before it is drawn), and
    says in the status how many notes a change left showing, since a screen
    reader does not see them go.
    """
    present = set(kinds)
    boxes = "".join(
        f'<label><input type="checkbox" name="note-kind" value="{esc(kind)}" checked> {esc(kind_label(kind))}</label>'
        for kind in KINDS
        if kind in present
    )
    status = '<span class="note-filter__status" role="status"></span>'
    return f'<fieldset class="note-filter"><legend>Notes shown</legend>{boxes}{status}</fieldset>\n' if boxes else ""


def proposals(names: Iterable[str], note: str) -> str:
    """What the page's script needs to propose a note: the essay's note names and the note to start from.

    The names let it name a proposed note's file after none of them: a
    note's file lies in its essay's folder, so a name is taken whichever page
    shows the note (or none, when it is orphaned); the callouts of the page in
    hand hold only its own. Names are the build's (ASCII letters, digits and
    hyphens), so a space separates them. ``note`` is :func:`note_template`:
    written once here rather than in every paragraph's comment action, where
    it was a kilobyte a paragraph, half of an essay page's text.
    """
    listed = " ".join(sorted(names))
    return f'<div class="note-proposal" hidden data-note-names="{esc(listed)}" data-note-value="{esc(note)}"></div>\n'


def paragraph_actions(pid: str, propose_url: str | None, cite: Citable | None = None) -> str:
    """The ¶ permalink, the "Cite" control and the "comment" link shown after every paragraph.

    The links are real links and the control a real button (keyboard-focusable,
    revealed by CSS on hover and focus). Screen readers hear their
    ``aria-label``; the stylesheet draws the icons (``edition.css``), once for
    every paragraph of the site instead of an inline SVG in each.
    """
    parts = [
        f'<a class="paragraph-permalink" href="#{esc(pid)}" aria-label="Link to this paragraph">'
        '<span aria-hidden="true">\u00b6</span></a>'
    ]
    if cite is not None:
        parts.append(
            f'<button type="button" class="paragraph-cite" aria-label="Cite this paragraph" aria-haspopup="dialog" '
            f'aria-expanded="false" data-cite-href="{esc(cite.href)}" data-cite-place="{esc(cite.place)}"></button>'
        )
    if propose_url:
        parts.append(
            f'<a class="paragraph-comment" href="{esc(propose_url)}" aria-label="Propose a note on this paragraph" '
            'rel="nofollow"></a>'
        )
    return f'<div class="paragraph-actions">{"".join(parts)}</div>'


def decorate(
    page_html: str,
    paragraph_ids: set[str],
    notes: dict[str, list[Anchor]],
    render_note: Callable[[Anchor, bool], str],
    propose_url: Callable[[str], str | None],
    cite: Callable[[str], Citable | None] = lambda pid: None,
) -> str:
    """Add highlights, callouts and actions to the essay paragraphs of ``page_html``.

    ``notes`` maps a paragraph id to its placed anchors in display order;
    ``render_note(anchor, highlighted)`` returns a callout; ``cite(pid)``
    what the paragraph's "Cite" control needs (None: no control).
    """

    def one(match: re.Match[str]) -> str:
        pid = match.group("id")
        if pid not in paragraph_ids:
            return match.group()
        inner, callouts = match.group("inner"), []
        for anchor in notes.get(pid, ()):
            c = anchor.comment
            label = f"{kind_label(c.kind)} note: {c.title}"
            inner, found = highlight(inner, anchor.words, c.name, label, anchor.occurrence, c.kind)
            callouts.append(render_note(anchor, found))
        actions = paragraph_actions(pid, propose_url(pid), cite(pid))
        return f"<p{match.group('attrs')}>{inner}</p>\n{actions}\n{''.join(callouts)}"

    return PARAGRAPH.sub(one, page_html)


def after_title(page_html: str, addition: str) -> str:
    """``page_html`` with ``addition`` right after its ``<h1>`` (at the start when it has none)."""
    end = page_html.find("</h1>")
    if end == -1:
        return addition + page_html
    end += len("</h1>")
    return page_html[:end] + "\n" + addition + page_html[end:]


def neighbours(ordered: Sequence[Anchor]) -> dict[str, tuple[Anchor | None, Anchor | None]]:
    """Each note's previous and next note in ``ordered`` (reading order), by the note's name."""
    return {
        anchor.comment.name: (ordered[n - 1] if n else None, ordered[n + 1] if n + 1 < len(ordered) else None)
        for n, anchor in enumerate(ordered)
    }


# The note a proposal link starts from; only the paragraph id and the essay's
# revision change, so the rest is percent-encoded once (encoding is per
# character: the parts join). Every field but the date and the quote holds a
# placeholder the build accepts. The page's script
# (docs/assets/javascripts/annotate.js) fills in those two lines, `date:` and
# `  quote:`, from a reader's selection and adds `  prefix:`/`  suffix:` after
# the quote when the words are repeated: the resulting note builds as it is.
_SKELETON = (
    "---\n"
    'title: "Your title"  # what your note says, in a few words\n'
    'author: "Your name"  # as it should appear on the note\n'
    "date: YYYY-MM-DD  # the day you write it\n"
    f"kind: context  # one of: {', '.join(KINDS)}\n"
    "revision: {revision}  # the revision of the essay you read (its revisions page lists them)\n"
    "target:\n"
    "  paragraph: {pid}\n"
    '  quote: ""  # copy the exact words your note is about\n'
    "---\n\n"
    "Write your note here. See CONTRIBUTING.md.\n"
)
_BEFORE_REVISION, _rest = _SKELETON.split("{revision}")
_BEFORE_PID, _AFTER_PID = (urlquote(part, safe="") for part in _rest.split("{pid}"))
_BEFORE_REVISION = urlquote(_BEFORE_REVISION, safe="")


PARAGRAPH_SLOT = "{paragraph}"
"""Where :func:`note_template` takes the paragraph's id, percent-encoded (the encoded text holds no brace)."""


def note_template(revision: int) -> str:
    """The note a comment action starts from in the essay's ``revision``, percent-encoded for GitHub's ``value=``.

    The page's script (``desk.js``) puts each paragraph's id, encoded, in
    place of :data:`PARAGRAPH_SLOT` and adds the result to that paragraph's
    comment action, on every page Material loads.
    """
    return _BEFORE_REVISION + str(revision) + _BEFORE_PID + PARAGRAPH_SLOT + _AFTER_PID


def propose_link(repo_url: str, branch: str, folder: str, filename: str) -> str:
    """GitHub's new-file page for the note file ``filename`` in ``folder``.

    Without scripts it opens an empty file of that name (CONTRIBUTING.md
    says what to write); with them, the note of :func:`note_template` is
    added as the file's text.
    """
    base = repo_url.rstrip("/")
    return f"{base}/new/{urlquote(branch)}/{urlquote(folder)}?filename={urlquote(filename)}"


def by_date(anchors: Iterable[Anchor]) -> list[Anchor]:
    """Notes on one paragraph stack oldest first (ties by file name, for stable pages)."""
    return sorted(anchors, key=lambda a: (a.comment.date, a.comment.name))


def in_reading_order(essay: Essay, anchors: Iterable[Anchor]) -> list[Anchor]:
    """The placed notes of ``essay`` as a reader meets them: by paragraph, then as they stack (:func:`by_date`)."""
    order = {p.id: n for n, p in enumerate(essay.paragraphs())}
    return sorted(
        (a for a in anchors if a.placed), key=lambda a: (order[a.paragraph_id], a.comment.date, a.comment.name)
    )
