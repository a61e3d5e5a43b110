"""difflib against diff-match-patch for the revisions page's word diffs: ``python -m benchmark.word_diffs``.

Two cases the issue names. A paragraph rewritten entirely (one paragraph
of the seed essay replaced by the next one): how many separate deletions
and insertions each shows, which is what a reader must follow. A 1 MB
essay edited in scattered places (three words in each of 100 paragraphs,
as :mod:`benchmark.reimport` edits it): the time to diff every changed
paragraph, and the worst case, the whole text as one paragraph. Both
libraries compare the same word tokens; ``shipped`` is the page's own
:func:`edition.features.reading.word_diff.diff`, with its guards.
"""

from __future__ import annotations

import difflib
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmark.corpus import Prose
from benchmark.reimport import edit, large_essay
from edition.content.essay_pages import load
from edition.features.reading.word_diff import EQUAL, Segments, diff, tokens, unit_diff

ROOT = Path(__file__).resolve().parent.parent


def difflib_diff(old: Sequence[str], new: Sequence[str]) -> Segments:
    """difflib's SequenceMatcher over the same tokens, as segments (a replacement: a deletion and an insertion)."""
    out: Segments = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append((EQUAL, "".join(old[i1:i2])))
            continue
        if i2 > i1:
            out.append((-1, "".join(old[i1:i2])))
        if j2 > j1:
            out.append((1, "".join(new[j1:j2])))
    return out


ENGINES: dict[str, Callable[[str, str], Segments]] = {
    "difflib": lambda a, b: difflib_diff(tokens(a), tokens(b)),
    "diff-match-patch": lambda a, b: unit_diff(tokens(a), tokens(b)),
    "shipped": diff,
}


def timed(engine: Callable[[str, str], Segments], pairs: list[tuple[str, str]]) -> tuple[float, int]:
    """Seconds to diff every pair, and how many changed runs (deletions plus insertions) they showed."""
    start = time.perf_counter()
    runs = sum(sum(op != EQUAL for op, _ in engine(a, b)) for a, b in pairs)
    return time.perf_counter() - start, runs


def cases() -> dict[str, list[tuple[str, str]]]:
    essay = load(ROOT / "docs" / "essays" / "wandering-earth-ii", ROOT / "docs")
    texts = [p.text for p in essay.paragraphs()]
    prose = Prose(11)
    text = large_essay(prose, 1_000_000)
    edited = edit(text, prose.rng, prose, 100, 0)
    changed = [(a, b) for a, b in zip(text.split("\n\n"), edited.split("\n\n"), strict=True) if a != b]
    return {
        "rewritten paragraph": [(texts[1], texts[2])],
        "1 MB essay, 100 paragraphs edited": changed,
        "1 MB essay as one paragraph": [(text, edited)],
    }


def main(argv: list[str]) -> None:
    """Every case with every engine, or only the engines named (``difflib`` alone can take minutes)."""
    engines = argv or list(ENGINES)
    for name, pairs in cases().items():
        for engine in engines:
            seconds, runs = timed(ENGINES[engine], pairs)
            print(f"{name}: {engine}: {seconds:.3f} s, {runs} changed runs", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
