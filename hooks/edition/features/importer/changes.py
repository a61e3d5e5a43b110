"""What a re-import changed, paragraph by paragraph: edited, added, removed, moved, split or joined.

The ids are decided first (:mod:`.ids`: an edited paragraph keeps its id, a
new one gets a new id, an id is never reissued); this module only reads the
two texts with their ids and names each change, for the revision record
(:mod:`edition.content.revisions`) and for the maintainer's report.

A paragraph split in two usually keeps its id for the first piece, the
second piece getting a new one; a split into more, even pieces may leave
no piece similar enough to keep it. Both are found the same way: pieces
that are new (or keep the old id), stand next to each other, and are each
mostly made of the old paragraph's words, which together they cover. A join
is the same the other way round. Containment is measured on word trigrams
(a paragraph's words in order, three at a time), through an inverted index,
and on words where an edit broke a short piece's trigrams, so the cost
stays close to linear in the length of the essay; a paragraph that kept its
id and its text is skipped, so a revision costs what it changed (figures:
PERFORMANCE.md).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from edition.content.markup import plain_text
from edition.content.revisions import Change, Version
from edition.content.text import normalize, words

CONTAINED = 0.8  # share of a piece's trigrams found in the whole, and of the whole's covered by its pieces
COMMON_TRIGRAM = 50  # a trigram in more paragraphs than this says nothing about where a piece came from


@dataclass(frozen=True)
class Placed:
    """A paragraph of one import: its id, its page (a section's slug) and its inline Markdown."""

    id: str
    page: str
    text: str

    def version(self) -> Version:
        return Version(self.id, self.page, self.text)


def reads(text: str) -> str:
    """What a reader reads of a paragraph: a change to markup alone (a glossary link's address) is no change."""
    return plain_text(text)


def _tokens(text: str) -> list[str]:
    """The words a reader reads, lowered, in order."""
    return [w.lower() for w in words(normalize(reads(text)))]


def _grams(text: str) -> set[tuple[str, ...]]:
    tokens = _tokens(text)
    if len(tokens) < 3:
        return {tuple(tokens)} if tokens else set()
    return {tuple(tokens[i : i + 3]) for i in range(len(tokens) - 2)}


class _Containers:
    """For a paragraph of one text, the paragraph of the other text that contains most of it.

    Candidates are the paragraphs sharing its rarer trigrams (an inverted
    index); the one sharing the most holds it when it holds at least
    :data:`CONTAINED` of its trigrams or, failing that, of its words. Words
    catch a short piece with a word changed: in a five-word sentence one new
    word breaks two of its three trigrams, and the split would read as a
    paragraph added and another edited.
    """

    def __init__(self, paragraphs: Sequence[Placed], paragraphs_grams: Sequence[set[tuple[str, ...]]]):
        self.paragraphs = paragraphs
        self.index: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for position, grams in enumerate(paragraphs_grams):
            for gram in grams:
                self.index[gram].append(position)

    def best(self, piece: Placed, grams: set[tuple[str, ...]]) -> int | None:
        """The position of the paragraph that holds ``piece`` (its trigrams ``grams``), or None."""
        shared: dict[int, int] = defaultdict(int)
        for gram in grams:
            owners = self.index.get(gram, ())
            if len(owners) <= COMMON_TRIGRAM:
                for position in owners:
                    shared[position] += 1
        if not shared:
            return None
        position = max(shared, key=lambda p: (shared[p], -p))
        if shared[position] >= CONTAINED * len(grams):
            return position
        said = _words(piece.text)
        held = len(said & _words(self.paragraphs[position].text))
        return position if held >= CONTAINED * len(said) else None


def _words(text: str) -> set[str]:
    return set(_tokens(text))


def _pieces(whole: Placed, candidates: list[int], parts: Sequence[Placed], parts_grams: list[set]) -> list[int]:
    """``candidates`` (positions in ``parts``) when they stand together and cover most of ``whole``; else none.

    Coverage counts words, not trigrams: the trigrams that straddle a cut
    belong to no piece, and a paragraph cut in three short pieces loses many.
    A candidate at either end that adds nothing to what the others cover is
    no piece (:func:`_trimmed`).
    """
    candidates = sorted(set(candidates))
    if len(candidates) < 2 or candidates[-1] - candidates[0] != len(candidates) - 1:
        return []
    candidates = _trimmed(whole, candidates, parts)
    if len(candidates) < 2:
        return []
    said = _words(whole.text)
    covered = set().union(*(_words(parts[p].text) for p in candidates))
    grams = _grams(whole.text)
    if not said or len(said & covered) < CONTAINED * len(said):
        return []
    # pieces that say more than the whole are not its pieces (a paragraph repeated is not a paragraph split)
    return candidates if sum(len(parts_grams[p]) for p in candidates) * CONTAINED <= len(grams) else []


def _trimmed(whole: Placed, run: list[int], parts: Sequence[Placed]) -> list[int]:
    """``run`` without the pieces at its ends whose words the rest already covers in ``whole``.

    Two paragraphs joined, and the next one, saying nearly the same words,
    removed: its words are in the joined paragraph too, but only as often as
    the first two put them there. Words are counted with their repeats, so
    a paragraph repeated and joined still counts. A piece keeping the whole's
    id is never left out.
    """
    wanted = Counter(_tokens(whole.text))
    counts = [Counter(_tokens(parts[p].text)) for p in run]

    def covered(pieces: list[Counter[str]]) -> int:
        said = sum(pieces, Counter())
        return sum(min(n, said[w]) for w, n in wanted.items())

    lo, hi = 0, len(run)
    full = covered(counts)
    while hi - lo > 1:  # down to one piece, which the caller refuses
        if parts[run[hi - 1]].id != whole.id and covered(counts[lo : hi - 1]) == full:
            hi -= 1
        elif parts[run[lo]].id != whole.id and covered(counts[lo + 1 : hi]) == full:
            lo += 1
        else:
            break
    return run[lo:hi]


Grams = list[set[tuple[str, ...]]]  # each paragraph's trigrams, in reading order


def _splits(
    old: Sequence[Placed], new: Sequence[Placed], kept: set[str], grams: tuple[Grams, Grams]
) -> list[tuple[int, list[int]]]:
    """(old position, new positions) of each paragraph cut into pieces that stand together.

    ``grams`` holds the trigrams of ``old`` and of ``new``, read once for both directions.
    """
    old_grams, new_grams = grams
    containers = _Containers(old, old_grams)
    by_id = {p.id: n for n, p in enumerate(old)}
    candidates: dict[int, list[int]] = defaultdict(list)
    for position, paragraph in enumerate(new):
        if paragraph.id in kept:
            candidates[by_id[paragraph.id]].append(position)
        else:
            found = containers.best(paragraph, new_grams[position]) if new_grams[position] else None
            if found is not None:
                candidates[found].append(position)
    found_splits = []
    for whole, positions in sorted(candidates.items()):
        own = [p for p in positions if new[p].id == old[whole].id or new[p].id not in kept]
        pieces = _pieces(old[whole], own, new, new_grams)
        if pieces and all(new[p].id not in kept or new[p].id == old[whole].id for p in pieces):
            found_splits.append((whole, pieces))
    return found_splits


def classify(old: Sequence[Placed], new: Sequence[Placed]) -> list[Change]:
    """Every change from ``old`` to ``new`` (both in reading order), in the order of the new text."""
    old_ids, new_ids = {p.id for p in old}, {p.id for p in new}
    kept = old_ids & new_ids
    # a paragraph that kept its id and its text is no piece of a split or join: its trigrams are not read
    same = {p.id: p.text for p in old if p.id in kept}
    unchanged = {p.id for p in new if same.get(p.id) == p.text}
    old_grams = [set() if p.id in unchanged else _grams(p.text) for p in old]
    new_grams = [set() if p.id in unchanged else _grams(p.text) for p in new]
    changes: list[tuple[float, Change]] = []
    used_old: set[str] = set()
    used_new: set[str] = set()
    for whole, pieces in _splits(old, new, kept, (old_grams, new_grams)):
        changes.append((pieces[0], Change("split", [old[whole].version()], [new[p].version() for p in pieces])))
        used_old.add(old[whole].id)
        used_new.update(new[p].id for p in pieces)
    for whole, parts in _splits(new, old, kept, (new_grams, old_grams)):  # a join is a split read backwards
        if new[whole].id in used_new or any(old[p].id in used_old for p in parts):
            continue
        changes.append((whole, Change("joined", [old[p].version() for p in parts], [new[whole].version()])))
        used_new.add(new[whole].id)
        used_old.update(old[p].id for p in parts)
    changes += _one_to_one(old, new, kept, used_old, used_new)
    return [change for _, change in sorted(changes, key=lambda item: item[0])]


def _one_to_one(
    old: Sequence[Placed], new: Sequence[Placed], kept: set[str], used_old: set[str], used_new: set[str]
) -> list[tuple[float, Change]]:
    """Edits, moves, additions and removals: the changes of one paragraph each."""
    old_at = {p.id: n for n, p in enumerate(old)}
    new_at = {p.id: n for n, p in enumerate(new)}
    staying = [p.id for p in old if p.id in kept and p.id not in used_old]
    arrived = [p.id for p in new if p.id in kept and p.id not in used_new]
    matcher = SequenceMatcher(None, staying, arrived, autojunk=False)
    in_order = {pid for block in matcher.get_matching_blocks() for pid in staying[block.a : block.a + block.size]}
    found: list[tuple[float, Change]] = []
    for pid in arrived:
        before, after = old[old_at[pid]], new[new_at[pid]]
        if before.text != after.text and reads(before.text) != reads(after.text):
            found.append((new_at[pid], Change("edited", [before.version()], [after.version()])))
        elif before.page != after.page or pid not in in_order:
            found.append((new_at[pid], Change("moved", [before.version()], [after.version()])))
    for paragraph in new:
        if paragraph.id not in kept and paragraph.id not in used_new:
            found.append((new_at[paragraph.id], Change("added", [], [paragraph.version()])))
    for position, paragraph in enumerate(old):
        if paragraph.id not in kept and paragraph.id not in used_old:
            found.append((_removed_at(old, position, new_at), _removal(old, position)))
    return found


def _removal(old: Sequence[Placed], position: int) -> Change:
    """A removed paragraph, with the paragraph it followed on its page (where its notice goes)."""
    paragraph = old[position]
    before = old[position - 1] if position else None
    after = before.id if before is not None and before.page == paragraph.page else ""
    return Change("removed", [paragraph.version()], [], after)


def _removed_at(old: Sequence[Placed], position: int, new_at: dict[str, int]) -> float:
    """Where a removal sorts among the changes: just after the last paragraph before it that is still there."""
    for earlier in range(position - 1, -1, -1):
        if old[earlier].id in new_at:
            return new_at[old[earlier].id] + 0.5
    return -0.5
