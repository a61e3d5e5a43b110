"""Notes across revisions: a note whose words a later revision changed is placed by the revision record.

A note is written against one revision of the essay (``revision:``, 1 when
absent). Its quote is first looked for in the current text as always
(:func:`edition.features.commentary.anchor.anchor`): found, or found once in
another paragraph (moved, with the warning and ``reanchor.py --write``), it is
placed as today. Only when the quote is nowhere in the current text does the
record speak: if the revision the note names (or, failing that, any other,
newest first) held the quote once, the essay changed under the note, and the
note is kept in one of three states, never dropped and never attached to
other words:

- *changed*: the paragraph (or what it became) is still there; the note
  stays beside it, with the words it quoted, and the passage that replaced
  them is highlighted only when the record maps the quote onto one passage
  that occurs once and is still like it;
- *resolved*: the same, for a note whose ``status: resolved`` says that
  revision ``resolved_in`` applied it (a correction): shown collapsed;
- *removed*: no paragraph holds the text now; the note keeps its page and is
  listed with the earlier text on the essay's revisions page.

A quote no revision holds is a contributor's mistake, reported as today.
Old revisions are folded only for notes the current text cannot place, so a
library whose notes all stand pays nothing for its history.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import cached_property, partial

from edition.content.folding import fold, fold_text
from edition.content.history import History, Removal
from edition.content.markup import plain_text
from edition.content.memo import NO_MEMO, Memo
from edition.content.model import Comment, Essay, Paragraph
from edition.content.problems import Problem
from edition.content.revisions import Revision, Version
from edition.content.text import ELLIPSIS
from edition.features.commentary.anchor import ANCHORED, CONTEXT, MOVED, ORPHANED, Anchor, EssayIndex, anchor
from edition.features.commentary.closest import MIN_SIMILARITY

CHANGED, RESOLVED, REMOVED = "changed", "resolved", "removed"
WORDS_AROUND = 6  # words of the old text shown on each side of the quote
REANCHOR = "python scripts/reanchor.py"


@dataclass(frozen=True)
class Revised:
    """How the essay changed under a note: where its words stood, which revision changed them, what replaced them.

    ``written`` is the revision whose text holds the quote (the note's own
    unless it named another); ``changed`` the first later revision that
    changed that paragraph (for a resolved note, the one that applied it);
    ``was`` the quote with a few words around it, as that revision printed
    them (curly quotes and all); ``passage`` the current words that replaced
    the quote, as printed, when they are unambiguous ('' otherwise);
    ``removal`` the paragraph's removal.
    """

    written: Revision
    changed: Revision
    paragraph: Version
    was: str
    current: int  # the essay's current revision
    passage: str = ""
    removal: Removal | None = None


class RevisedIndex:
    """An essay's current paragraphs (:class:`EssayIndex`) and its history, folded revision by revision on demand."""

    def __init__(self, essay: Essay):
        self.essay = essay
        self.current = EssayIndex(essay)
        self._folded: dict[int, dict[str, str]] = {}

    @cached_property
    def history(self) -> History:
        return History(self.essay)

    def folded(self, number: int) -> dict[str, str]:
        """Every paragraph of revision ``number``, folded, by id."""
        if number not in self._folded:
            texts = self.history.texts_at(number)
            self._folded[number] = {pid: fold_text(plain_text(v.text)) for pid, v in texts.items()}
        return self._folded[number]

    def find(self, comment: Comment) -> tuple[Revision, Version, int] | None:
        """The earlier revision holding the note's quote once, its paragraph and where: the note's revision first."""
        quote = fold_text(comment.quote)
        numbers = [n for n in range(self.history.number - 1, 0, -1) if n != comment.revision]
        if comment.revision < self.history.number:
            numbers.insert(0, comment.revision)
        for number in numbers:
            texts = self.folded(number)
            hinted = texts.get(comment.paragraph, "")
            start = hinted.find(quote)
            if start != -1 and hinted.find(quote, start + 1) == -1:
                pid = comment.paragraph
            else:
                found = [(p, t.find(quote)) for p, t in texts.items() if quote in t]
                if len(found) != 1 or _twice(texts[found[0][0]], quote):
                    continue
                pid, start = found[0]
            revision = self.history.revision(number)
            if revision is not None:
                return revision, self.history.texts_at(number)[pid], start
        return None


def _twice(text: str, quote: str) -> bool:
    first = text.find(quote)
    return first != -1 and text.find(quote, first + 1) != -1


def _around(text: str, start: int, end: int) -> str:
    """``text[start:end]`` with up to :data:`WORDS_AROUND` words on each side, an ellipsis where it is cut."""
    before = text[:start].split(" ")
    after = text[end:].split(" ")
    head = " ".join(before[-WORDS_AROUND - 1 :]) if before != [""] else ""
    tail = " ".join(after[: WORDS_AROUND + 1]) if after != [""] else ""
    prefix = ELLIPSIS if len(before) > WORDS_AROUND + 1 else ""
    suffix = ELLIPSIS if len(after) > WORDS_AROUND + 1 else ""
    return f"{prefix}{head}{text[start:end]}{tail}{suffix}".strip()


def replacement(old: str, start: int, end: int, new: str) -> tuple[int, int] | None:
    """Where in ``new`` the words of ``old[start:end]`` went (both folded texts), by a word diff; None when cut."""
    old_words, new_words = _spans(old), _spans(new)
    first = next((i for i, (a, b) in enumerate(old_words) if b > start), None)
    last = next((i for i in range(len(old_words) - 1, -1, -1) if old_words[i][0] < end), None)
    if first is None or last is None or last < first:
        return None
    matcher = SequenceMatcher(None, [old[a:b] for a, b in old_words], [new[a:b] for a, b in new_words], False)
    lo = hi = None
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if i1 <= first < i2 or (i1 == i2 == first and tag == "insert"):
            lo = j1 + (first - i1) if tag == "equal" else j1
        if i1 <= last < i2:
            hi = j1 + (last - i1) + 1 if tag == "equal" else j2
    if lo is None or hi is None or hi <= lo:
        return None
    return new_words[lo][0], new_words[hi - 1][1]


def _spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each word of a folded text (its words are separated by single spaces)."""
    spans, at = [], 0
    for word in text.split(" "):
        spans.append((at, at + len(word)))
        at += len(word) + 1
    return spans


def anchor_revised(comment: Comment, index: RevisedIndex | None) -> Anchor:
    """Place ``comment`` on the current text, or by the revision record when the text changed under it."""
    placed = anchor(comment, index.current if index else None)
    if index is None:
        return placed
    problem = _claims(comment, index.essay.revision, placed)
    if problem is not None:
        return replace(placed, problem=problem) if placed.problem is None else placed
    if placed.status != ORPHANED or not fold_text(comment.quote):
        return placed
    found = index.find(comment)
    if found is None:
        return placed  # no revision holds the quote: the contributor's mistake, as the current text reports it
    return _in_history(comment, index, *found) or placed


def _claims(comment: Comment, latest: int, placed: Anchor) -> Problem | None:
    """A note that names a revision the essay never had, or calls resolved what still stands."""
    for field, number in (("revision", comment.revision), ("resolved_in", comment.resolved_in)):
        if number > latest:
            return Problem(
                comment.path,
                f"'{field}' is {number}, but essay '{comment.essay}' has {latest} revision{'s' if latest > 1 else ''}.",
                "Write the number of a revision listed on the essay's revisions page.",
            )
    if comment.status == RESOLVED and placed.status in (ANCHORED, MOVED):
        return Problem(
            comment.path,
            f"'status' is resolved, but the quote still stands in paragraph '{placed.paragraph_id}'.",
            "Remove 'status' and 'resolved_in' until a revision of the essay applies the note.",
        )
    return None


def _in_history(
    comment: Comment, index: RevisedIndex, written: Revision, version: Version, start: int
) -> Anchor | None:
    """The note in the state the record gives it (changed, resolved or removed); None if the record contradicts itself.

    The anchor's ``prefix`` and ``suffix`` are the words around the quote in
    the revision that held it (the exported selector describes that text);
    ``start`` and ``end`` span the passage that replaced it, if any.
    """
    history = index.history
    end = start + len(fold_text(comment.quote))
    old_text = index.folded(written.number)[version.id]
    was_printed = plain_text(version.text)
    folded = fold(was_printed)  # where each folded character was printed
    was = _around(was_printed, folded.starts[start], folded.ends[end - 1])
    prefix, suffix = old_text[max(0, start - CONTEXT) : start], old_text[end : end + CONTEXT]
    heirs = history.descendants(version.id, written.number)
    if not heirs:
        landing = history.landing(version.id)
        if landing is None or landing.removal is None:
            return None
        revised = Revised(written, landing.removal.revision, version, was, history.number, removal=landing.removal)
        return Anchor(comment, REMOVED, prefix=prefix, suffix=suffix, history=revised)
    changed = history.changed_after(version.id, written.number)
    if comment.status == RESOLVED:
        changed = history.revision(comment.resolved_in) or changed
    if changed is None:
        return None
    paragraph, span = _successor(index, heirs, old_text, start, end, fold_text(comment.quote))
    passage = printed(paragraph, span) if span else ""
    revised = Revised(written, changed, version, was, history.number, passage)
    status = RESOLVED if comment.status == RESOLVED else CHANGED
    begin, finish = span or (0, 0)
    return Anchor(comment, status, paragraph, begin, finish, prefix, suffix, history=revised)


def _successor(
    index: RevisedIndex, heirs: list[str], old: str, start: int, end: int, quote: str
) -> tuple[Paragraph, tuple[int, int] | None]:
    """The current paragraph that holds the quote's place, and the span of the passage there when it is unambiguous.

    The span indexes the paragraph's folded text (as :class:`EssayIndex` keeps it).
    """
    texts = [index.current.texts[pid] for pid in heirs]
    span = replacement(old, start, end, " ".join(texts))
    offset = 0
    for pid, text in zip(heirs, texts, strict=True):
        if span and offset <= span[0] and span[1] <= offset + len(text):
            local = (span[0] - offset, span[1] - offset)
            passage = text[local[0] : local[1]]
            similar = SequenceMatcher(None, passage, quote, False).ratio() >= MIN_SIMILARITY
            return index.current.by_id[pid], local if similar and not _twice(text, passage) else None
        if span and span[0] < offset + len(text):
            return index.current.by_id[pid], None  # the passage runs across two paragraphs now
        offset += len(text) + 1
    return index.current.by_id[heirs[0]], None


def printed(paragraph: Paragraph, span: tuple[int, int]) -> str:
    """The words a folded span of ``paragraph`` covers, as the page prints them (curly quotes and all)."""
    text = plain_text(paragraph.text)
    folded = fold(text)
    return text[folded.starts[span[0]] : folded.ends[span[1] - 1]]


def follow_up(anchor: Anchor) -> Problem | None:
    """What a maintainer may do about a note whose passage changed: the line the build and the importer print."""
    history, path = anchor.history, anchor.comment.path
    if history is None or anchor.status != CHANGED:
        return None
    number = history.changed.number
    message = (
        f"the passage changed in revision {number}; the note, written against revision {history.written.number}, "
        f"is shown beside '{anchor.paragraph_id}' with the words it quoted."
    )
    if anchor.comment.kind == "correction":
        hint = f"If revision {number} applied the correction, run: {REANCHOR} --resolve {path}"
    elif history.passage:
        hint = f"If the note holds for the new words, run: {REANCHOR} --accept {path}"
    else:
        revision = f"revision: {history.current}"
        hint = f"If the note holds for the new text, quote its words in target.quote and set '{revision}'."
    return Problem(path, message, hint)


def anchor_all(comments: Iterable[Comment], essays: dict[str, Essay], memo: Memo = NO_MEMO) -> list[Anchor]:
    """Anchor every note, indexing each essay (and, on demand, its earlier revisions) once.

    ``memo`` keeps each note's anchor while neither the note nor its essay
    (with its revision record) changes, and each essay's index while the
    essay does not.
    """
    indexes: dict[str, RevisedIndex | None] = {}

    def index(slug: str) -> RevisedIndex | None:
        if slug not in indexes:
            essay = essays.get(slug)
            indexes[slug] = (
                None if essay is None else memo.objects("revised index", (essay,), partial(RevisedIndex, essay))
            )
        return indexes[slug]

    def place(comment: Comment) -> Anchor:
        return anchor_revised(comment, index(comment.essay))

    return [
        memo.objects("anchor", (comment, essays.get(comment.essay)), partial(place, comment)) for comment in comments
    ]
