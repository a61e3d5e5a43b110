"""Import a 1 MB essay, edit it in scattered places, import it again, and check every id survived.

The importer promises that commentary never loses its paragraph: an edited
paragraph keeps its id and a new paragraph gets a new one. This check times
both imports of a large essay and verifies the promise on it: every old id is
still issued, to the same (or the edited) paragraph, and only the inserted
paragraphs got new ids.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass
from pathlib import Path

from benchmark.corpus import FILLER, Prose, Spec, essay_text, make_terms
from benchmark.stages import timed
from edition.features.importer import state as import_state
from edition.features.importer.run import import_essay

SLUG = "large-essay"


@dataclass
class ReimportResult:
    """Timings and the id bookkeeping of the two imports."""

    source_bytes: int
    paragraphs: int
    first_seconds: float  # wall clock
    second_seconds: float
    first_cpu_seconds: float
    second_cpu_seconds: float
    edited: int
    inserted: int
    ids_kept: int
    ids_lost: list[str]
    ids_moved: list[str]
    new_ids: int

    @property
    def ok(self) -> bool:
        return not self.ids_lost and not self.ids_moved and self.new_ids == self.inserted


def large_essay(prose: Prose, size: int) -> str:
    """An essay of at least ``size`` bytes: many sections of the usual shape."""
    terms = make_terms(prose, 400)
    sections = 10
    while True:
        text = essay_text(prose, Spec(1, len(terms), 0, sections=sections, paragraphs=20), 0, terms)
        if len(text.encode("utf-8")) >= size:
            return text
        sections = sections * size // len(text.encode("utf-8")) + 1


def _body(block: str) -> bool:
    """A whole paragraph: long and ending a sentence (not a heading, the header or a broken half)."""
    return block.endswith(".") and len(block.split(" ")) > 20 and not block.startswith("Note:")


def edit(text: str, rng: random.Random, prose: Prose, changed: int, inserted: int) -> str:
    """Change three words in ``changed`` paragraphs and insert ``inserted`` new ones, scattered."""
    blocks = text.split("\n\n")
    bodies = [i for i, b in enumerate(blocks) if _body(b)]
    for i in rng.sample(bodies, changed):
        tokens = blocks[i].split(" ")
        plain = [k for k, tok in enumerate(tokens) if tok.isalpha() and tok.islower()]
        for k in rng.sample(plain, min(3, len(plain))):
            tokens[k] = rng.choice([w for w in FILLER if w != tokens[k]])
        blocks[i] = " ".join(tokens)
    after = set(rng.sample(bodies, inserted))
    out: list[str] = []
    for i, block in enumerate(blocks):
        out.append(block)
        if i in after:
            out.append(prose.paragraph([]))
    return "\n\n".join(out)


def run(root: Path, size: int = 1_000_000, changed: int = 100, inserted: int = 50, seed: int = 11) -> ReimportResult:
    """Import, edit and re-import a ``size``-byte essay under ``root`` (an empty folder)."""
    prose = Prose(seed)
    source = root / "sources" / f"{SLUG}.txt"
    source.parent.mkdir(parents=True, exist_ok=True)
    (root / "docs").mkdir(exist_ok=True)
    text = large_essay(prose, size)
    source.write_text(text, encoding="utf-8")
    _, first, first_cpu = timed(import_essay, source, root, slug=SLUG)
    folder = root / "docs" / "essays" / SLUG
    before = import_state.load(folder)
    source.write_text(edit(text, prose.rng, prose, changed, inserted), encoding="utf-8")
    report, second, second_cpu = timed(import_essay, source, root, slug=SLUG, message="Scattered edits")
    after = import_state.load(folder)
    times = (first, second, first_cpu, second_cpu)
    return compare(before, after, len(text.encode("utf-8")), times, changed, inserted, len(report.new_ids))


def compare(before, after, size: int, times: tuple, changed: int, inserted: int, new_ids: int) -> ReimportResult:
    """Check the ids of ``after`` against ``before`` (two import records).

    An old id is *lost* when no paragraph carries it any more, and *moved*
    when it now sits on a paragraph out of the old order (the edits never
    reorder paragraphs, so kept ids must keep their relative order).
    """
    old_ids = [pid for pid, _ in before.paragraphs]
    position = {pid: n for n, (pid, _) in enumerate(after.paragraphs)}
    lost = [pid for pid in old_ids if pid not in position]
    kept = [pid for pid in old_ids if pid in position]
    moved = [b for a, b in itertools.pairwise(kept) if position[b] < position[a]]
    first, second, first_cpu, second_cpu = times
    return ReimportResult(
        size, len(old_ids), first, second, first_cpu, second_cpu, changed, inserted, len(kept), lost, moved, new_ids
    )
