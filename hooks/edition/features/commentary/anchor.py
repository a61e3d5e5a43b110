"""Place each note on its passage: the quote is the selector, the paragraph id a hint.

This follows the W3C Web Annotation model as Hypothesis uses it: a note
names the exact words it discusses (a TextQuoteSelector) and where they were
(the paragraph id). When the essay changes, the words are looked for first
in the named paragraph, then in the rest of the essay, and only then
approximately, so that a note is never attached to the wrong passage and
never dropped: a note that cannot be placed unambiguously is an *orphan*,
still listed, never shown beside a guess.

Words that occur more than once are told apart by the selector's
``prefix`` and ``suffix`` (``target.prefix``, ``target.suffix``): the text
just before and just after them, compared folded as the quote is, white
space at the join ignored. They only choose between occurrences: a quote
that occurs once is placed whatever they say, and a repeated quote without
them stays ambiguous. :func:`context` finds the fewest words that choose
one occurrence, for the tools that write notes.

Each essay's paragraphs are folded once (:class:`EssayIndex`); a note costs a
substring search in its hinted paragraph, a scan of the essay only when that
fails, and the approximate search only when the exact one finds nothing.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from typing import TYPE_CHECKING

from edition.addresses import COMMENTARY, ESSAYS, note_page
from edition.content.folding import fold_text
from edition.content.markup import plain_text
from edition.content.model import Comment, Essay, Paragraph
from edition.content.problems import Problem
from edition.features.commentary.closest import Stretch, best_window, stretches

if TYPE_CHECKING:
    from edition.features.commentary.revised import Revised

ANCHORED, MOVED, ORPHANED = "anchored", "moved", "orphaned"
CONTEXT = 32  # characters of prefix and suffix kept for the exported selector
CANDIDATES = 5  # stretches compared in detail by the approximate search, besides the hinted paragraph's
STRETCH = 200  # words: a longer paragraph is ranked and searched as several stretches
REANCHOR = "Run: python scripts/reanchor.py --write"


@dataclass
class Anchor:
    """Where a note goes: its status, its paragraph and the folded span of its quote.

    ``paragraph`` is None for an orphan. ``start``/``end`` index the folded
    plain text of the paragraph; ``occurrence`` counts the occurrences of the
    quote before this one there (0 for the first, which the highlighter
    takes unless told otherwise); ``prefix``/``suffix`` are the words around
    the quote (for the exported TextQuoteSelector). ``problem`` is the
    warning (moved) or error (orphaned) to report. ``history`` says how the
    essay changed under a note its current text no longer holds
    (:mod:`edition.features.commentary.revised`).
    """

    comment: Comment
    status: str
    paragraph: Paragraph | None = None
    start: int = 0
    end: int = 0
    prefix: str = ""
    suffix: str = ""
    problem: Problem | None = None
    occurrence: int = 0
    history: Revised | None = None

    @property
    def placed(self) -> bool:
        return self.paragraph is not None

    @property
    def words(self) -> str:
        """The words to highlight: the quote, or what replaced it in a later revision ('' when that is unclear)."""
        return self.comment.quote if self.history is None else self.history.passage

    @property
    def paragraph_id(self) -> str:
        """The id of the paragraph the note is placed on; for an orphan, the one its author named."""
        return self.comment.paragraph if self.paragraph is None else self.paragraph.id


class EssayIndex:
    """An essay's paragraphs folded once, for every note on that essay."""

    def __init__(self, essay: Essay):
        self.essay = essay
        self.paragraphs = essay.paragraphs()
        self.texts = {p.id: fold_text(plain_text(p.text)) for p in self.paragraphs}
        self.by_id = {p.id: p for p in self.paragraphs}
        self._ranking: list[tuple[Paragraph, int, set[str]]] | None = None  # (paragraph, stretch, its words)
        self._stretches: dict[str, list[Stretch]] = {}

    def occurrences(self, quote: str) -> list[tuple[Paragraph, int]]:
        """Every (paragraph, start) where ``quote`` occurs, in reading order."""
        found = []
        for paragraph in self.paragraphs:
            text = self.texts[paragraph.id]
            start = text.find(quote)
            while start != -1:
                found.append((paragraph, start))
                start = text.find(quote, start + 1)
        return found

    def closest(self, quote: str, first: Paragraph | None) -> tuple[Paragraph, str, float] | None:
        """The passage most like ``quote``, as (paragraph, passage, similarity), or None.

        Only a few stretches of text (a paragraph, or :data:`STRETCH` words
        of a long one) are compared in detail: the hinted paragraph's and
        those sharing the most words with the quote (a set intersection per
        stretch, the sets made once per essay), best first, ties in reading
        order. :func:`edition.features.commentary.closest.best_window` then finds the
        window of words most like the quote in them. That keeps an unplaced
        note to milliseconds whatever the length of the essay or of its
        paragraphs.
        """
        wanted = set(quote.split(" "))
        ranking = self._ranking if self._ranking is not None else self._rank()

        def shared(item: tuple[Paragraph, int, set[str]]) -> int:
            return len(wanted & item[2])

        hinted = heapq.nlargest(CANDIDATES, (s for s in ranking if s[0] is first), key=shared)
        others = heapq.nlargest(CANDIDATES, (s for s in ranking if s[0] is not first), key=shared)
        chosen = [(paragraph, self._stretch(paragraph, number)) for paragraph, number, _ in hinted + others]
        found = best_window(quote, [stretch for _, stretch in chosen])
        if found is None:
            return None
        index, passage, ratio = found
        return chosen[index][0], passage, ratio

    def _rank(self) -> list[tuple[Paragraph, int, set[str]]]:
        """Every stretch of :data:`STRETCH` words as (paragraph, its number in the paragraph, its set of words)."""
        self._ranking = []
        for paragraph in self.paragraphs:
            words = self.texts[paragraph.id].split(" ")
            self._ranking += [
                (paragraph, n, set(words[first : first + STRETCH]))
                for n, first in enumerate(range(0, len(words), STRETCH))
            ]
        return self._ranking

    def _stretch(self, paragraph: Paragraph, number: int) -> Stretch:
        """Stretch ``number`` of ``paragraph``, its words laid out when the search first needs them."""
        laid = self._stretches.get(paragraph.id)
        if laid is None:
            laid = self._stretches[paragraph.id] = stretches(self.texts[paragraph.id], STRETCH)
        return laid[number]


def _short(text: str, limit: int = 80) -> str:
    """``text`` for a one-line message: white space runs as one space, invisible characters as escapes, cut."""
    text = " ".join(text.split())
    if not text.isprintable():
        text = "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def starts(text: str, quote: str) -> list[int]:
    """Where ``quote`` starts in ``text``, every occurrence (overlapping ones too), in order."""
    found = []
    start = text.find(quote)
    while start != -1:
        found.append(start)
        start = text.find(quote, start + 1)
    return found


def fits(text: str, start: int, end: int, prefix: str, suffix: str) -> bool:
    """Whether ``text[start:end]`` follows ``prefix`` and is followed by ``suffix`` (all folded; '' fits anything).

    The space between the context and the quote is ignored: folding trims
    a prefix's last space, and a selection may or may not hold it.
    """
    before = text[:start].rstrip(" ")
    return before.endswith(prefix) and text[end:].lstrip(" ").startswith(suffix)


def context(text: str, start: int, end: int) -> tuple[str, str]:
    """The fewest words before and after ``text[start:end]`` (folded) that tell it from its other occurrences.

    ``("", "")`` when the words occur once. Both sides grow a word at a
    time, so that the context stays short: an edit of the essay nearby is
    then less likely to break it. The whole text on both sides always tells
    two occurrences apart (one of them has less text before it).
    """
    quote = text[start:end]
    others = [s for s in starts(text, quote) if s != start]
    before = text[:start].rstrip(" ").split(" ") if text[:start].strip() else []
    after = text[end:].lstrip(" ").split(" ") if text[end:].strip() else []
    prefix = suffix = ""
    for words in range(1, max(len(before), len(after)) + 1):
        if not any(fits(text, s, s + len(quote), prefix, suffix) for s in others):
            break
        prefix, suffix = " ".join(before[-words:]), " ".join(after[:words])
    return prefix, suffix


def _placed(
    comment: Comment, index: EssayIndex, paragraph: Paragraph, start: int, quote: str, status: str, problem=None
):
    text = index.texts[paragraph.id]
    end = start + len(quote)
    occurrence = 0 if text.find(quote) == start else sum(1 for s in starts(text, quote) if s < start)
    return Anchor(
        comment,
        status,
        paragraph,
        start,
        end,
        text[max(0, start - CONTEXT) : start],
        text[end : end + CONTEXT],
        problem,
        occurrence,
    )


def _at(comment: Comment, field: str = "target.quote") -> int | None:
    """The line of the note's field a problem is about: its quote unless said otherwise."""
    return comment.lines.get(field)


def anchor(comment: Comment, index: EssayIndex | None) -> Anchor:
    """Decide where ``comment`` goes (see the module docstring for the order of tries)."""
    path, quote, hint = comment.path, fold_text(comment.quote), comment.paragraph
    prefix, suffix = fold_text(comment.prefix), fold_text(comment.suffix)
    said = f"target quote '{_short(comment.quote)}'"
    if index is None:
        docs = path[: -len(note_page(comment.essay, comment.name)) - 1]  # the note's path names the docs folder
        return Anchor(
            comment,
            ORPHANED,
            problem=Problem(
                path,
                f"is in a folder with no essay: there is no {docs}/{ESSAYS}/{comment.essay}/.",
                f"Move the note into {docs}/{COMMENTARY}/<essay-slug>/ of the essay it discusses.",
            ),
        )
    if not quote:
        return Anchor(
            comment,
            ORPHANED,
            problem=Problem(
                path,
                f"{said} has no characters a reader sees (only spaces or invisible formatting characters).",
                "Copy the exact words from the page into target.quote.",
                _at(comment),
            ),
        )
    hinted = index.by_id.get(hint)
    if hinted is not None:
        text = index.texts[hint]
        start = text.find(quote)
        if start != -1:
            if text.find(quote, start + 1) == -1:
                return _placed(comment, index, hinted, start, quote, ANCHORED)
            if prefix or suffix:
                return _in_context(comment, index, hinted, quote, prefix, suffix)
            count = text.count(quote)
            return Anchor(
                comment,
                ORPHANED,
                problem=Problem(
                    path,
                    f"{said} occurs {count} times in paragraph '{hint}'.",
                    "Quote more words (target.quote) so that it occurs only once.",
                    _at(comment),
                ),
            )
        where = f"is not in paragraph '{hint}'"
    else:
        where = f"names paragraph '{hint}', which does not exist in essay '{comment.essay}'"
        said = "target.paragraph"
    line = _at(comment, "target.paragraph" if hinted is None else "target.quote")
    found = index.occurrences(quote)
    if len(found) > 1 and (prefix or suffix):
        fitting = [(p, s) for p, s in found if fits(index.texts[p.id], s, s + len(quote), prefix, suffix)]
        found = fitting if len(fitting) == 1 else found
    if len(found) == 1:
        paragraph, start = found[0]
        return _placed(
            comment,
            index,
            paragraph,
            start,
            quote,
            MOVED,
            Problem(path, f"{said} {where}; it appears in '{paragraph.id}'.", REANCHOR, line),
        )
    if found:
        ids = ", ".join(f"'{p.id}'" for p, _ in found[:5])
        return Anchor(
            comment,
            ORPHANED,
            problem=Problem(
                path,
                f"{said} {where}; the quote '{_short(comment.quote)}' occurs {len(found)} times in the essay ({ids}).",
                "Set target.paragraph to the right one and quote more words so that it occurs once there.",
                line,
            ),
        )
    close = index.closest(quote, hinted)
    if close:
        paragraph, passage, ratio = close
        hint_text = (
            f"The closest passage is '{_short(passage)}' in '{paragraph.id}' ({ratio:.0%} similar): "
            "copy the words exactly from the page into target.quote."
        )
    else:
        hint_text = "No similar passage was found: copy the words exactly from the page into target.quote."
    if hinted is not None:
        message = f"{said} is not in paragraph '{hint}' nor anywhere else in essay '{comment.essay}'."
    else:
        message = f"{said} {where}, and the quote '{_short(comment.quote)}' is not in the essay."
    return Anchor(comment, ORPHANED, problem=Problem(path, message, hint_text, line))


def _in_context(
    comment: Comment, index: EssayIndex, paragraph: Paragraph, quote: str, prefix: str, suffix: str
) -> Anchor:
    """A quote repeated in its paragraph, placed where its prefix and suffix fit, if they fit exactly one."""
    text = index.texts[paragraph.id]
    every = starts(text, quote)
    fitting = [s for s in every if fits(text, s, s + len(quote), prefix, suffix)]
    if len(fitting) == 1:
        return _placed(comment, index, paragraph, fitting[0], quote, ANCHORED)
    which = "none" if not fitting else f"{len(fitting)}"
    return Anchor(
        comment,
        ORPHANED,
        problem=Problem(
            comment.path,
            f"target quote '{_short(comment.quote)}' occurs {len(every)} times in paragraph '{paragraph.id}', "
            f"and target.prefix and target.suffix fit {which} of them.",
            "Copy them from the words just before and after the quote on the page, or quote more words "
            "(target.quote) so that it occurs only once.",
            _at(comment),
        ),
    )
