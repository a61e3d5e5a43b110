#!/usr/bin/env python3
"""How the safe renderer's time grows with hostile input: each case at n, 2n and 4n characters.

    python scripts/markdown_scaling.py                 # every case at 25, 50 and 100 KB
    python scripts/markdown_scaling.py --size 8000 --case "nested brackets"
    python scripts/markdown_scaling.py --nh3           # the cost of the nh3 pass on the benchmark's notes

Rendering a body must cost time linear in its length (see
hooks/edition/safe/limits.py): the ratio columns should stay near 2.
A case the limits refuse shows "refused" and the time the refusal took.
Times are CPU seconds, the best of --repeat runs. Exit status 0, 2 bad arguments.
"""

from __future__ import annotations

import argparse
import functools
import itertools
import sys
import time
from collections.abc import Callable
from pathlib import Path

from benchmark.corpus import Prose, note_body
from edition.safe import allowlist
from edition.safe.markdown import SafeMarkdown

ROOT = Path(__file__).resolve().parent.parent


def blocks(block: str) -> Callable[[int], str]:
    """``block`` repeated, a blank line after each, to about n characters."""
    return lambda n: (block + "\n\n") * max(1, n // (len(block) + 2))


# Hostile texts as written (the limits refuse them, in time linear in their size) and the same
# constructions just inside the limits (rendered: the time the limits leave Python-Markdown).
CASES: dict[str, Callable[[int], str]] = {
    "plain paragraphs": blocks("word " * 19 + "word."),
    "stars around x": lambda n: "*" * (n // 2) + "x" + "*" * (n // 2),
    "open brackets": lambda n: "[" * n,
    "nested brackets": lambda n: "[" * (n // 2) + "x" + "]" * (n // 2),
    "nested images": lambda n: "![" * (n // 4) + "x" + "](a)" * (n // 8),
    "quotes nested": lambda n: ">" * n + " x",
    "list markers nested": lambda n: "- " * (n // 2) + "x",
    "unclosed fences": lambda n: "```x\n" * (n // 5),
    "headings in one block": lambda n: "# a\n" * (n // 4),
    "rules in one block": lambda n: "***\n" * (n // 4),
    "setext in one block": lambda n: "a\n---\n" * (n // 6),
    "emphasis in one paragraph": lambda n: "*a* " * (n // 4),
    "footnote references": lambda n: "[^1] " * (n // 5) + "\n\n[^1]: x",
    "stars, 30 each side": blocks("*" * 30 + "x" + "*" * 30),
    "brackets 32 deep": blocks("[" * 32 + "x" + "]" * 32),
    "open brackets, 32 a block": blocks("[" * 32 + " x"),
    "images 16 deep": blocks("![" * 16 + "x" + "](a.png)" * 16),
    "quotes 16 deep": blocks(">" * 16 + " x"),
    "unclosed fences, blank lines": blocks("```x"),
    "closed fences": blocks("```\nx\n```"),
    "headings, 200 a block": blocks("# a\n" * 199 + "# a"),
    "rules, 200 a block": blocks("***\n" * 199 + "***"),
    "setext, 100 a block": blocks("a\n---\n" * 99 + "a\n---"),
    "emphasis, 20 KB blocks": blocks("*a* " * 4990),
    "escapes, 20 KB blocks": blocks("\\*" * 9990),
    "raw html, 200 lines a block": blocks("<b>x</b>\n" * 199 + "<b>x</b>"),
    "same headings": blocks("## a"),
    "links": blocks("[a](b.md) [c](https://e.org)"),
    "tables of 150 rows": blocks("a|b\n-|-\n" + "a|b\n" * 149 + "a|b"),
    "footnotes, 100": lambda n: (
        "".join(f"a[^{i}]\n\n" for i in range(100)) + "".join(f"[^{i}]: {'x' * (n // 100)}\n\n" for i in range(100))
    ),
}


def cpu(render: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        render()
        best = min(best, time.process_time() - start)
    return best


def scaling(size: int, names: list[str], repeat: int) -> None:
    markdown = SafeMarkdown(toc={"permalink": True})
    print(f"{'case':28} {'n':>9} {'2n':>9} {'4n':>9}  ratios   (CPU s, n = {size:,} characters)")
    for name in names:
        times: list[float] = []
        refused = False
        for n in (size, 2 * size, 4 * size):
            text = CASES[name](n)
            times.append(cpu(functools.partial(markdown.render, text), repeat))
            refused = refused or markdown.render(text)[0].startswith("<p>This text is not shown")
        ratios = " ".join(f"{b / a:4.1f}" if a > 1e-4 else "   -" for a, b in itertools.pairwise(times))
        cells = " ".join(f"{t:9.4f}" for t in times)
        print(f"{name:28} {cells}  {ratios}{'  refused' if refused else ''}")


def nh3_cost(repeat: int) -> None:
    """Render 10,000 notes like the benchmark's (and the real site's notes and entries) with and without nh3."""
    prose = Prose(7)
    links = ["[this passage](../../essays/e/a.md#a-2)", "[Soft power](../../glossary/soft-power.md)"]
    bodies = [note_body(prose, [link for link in links if prose.rng.random() < 0.3]) for _ in range(10_000)]
    real = [path.read_text(encoding="utf-8").split("---", 2)[-1] for path in sorted((ROOT / "docs").glob("*/**/*.md"))]
    real = [body for body in real if body.strip()] * 20
    for label, texts in (("benchmark-like notes", bodies), ("the site's notes and entries, 20 times", real)):
        _compare(label, texts, repeat)


def _compare(label: str, bodies: list[str], repeat: int) -> None:
    markdown = SafeMarkdown()
    clean = allowlist.clean
    with_nh3 = cpu(lambda: [markdown.render(body) for body in bodies], repeat)
    allowlist.clean = lambda body_html: body_html  # the same renderer, the last pass left out
    try:
        without = cpu(lambda: [markdown.render(body) for body in bodies], repeat)
    finally:
        allowlist.clean = clean
    rendered = [markdown.render(body)[0] for body in bodies]
    alone = cpu(lambda: [clean(body_html) for body_html in rendered], repeat)
    count = len(bodies)
    average = sum(map(len, bodies)) / count
    print(f"{label}: {count:,} bodies ({average:,.0f} characters on average), CPU s, best of {repeat}:")
    print(f"  rendered with nh3    {with_nh3:7.3f}  ({with_nh3 / count * 1e3:.3f} ms a note)")
    print(f"  rendered without it  {without:7.3f}  ({without / count * 1e3:.3f} ms a note)")
    share = alone / with_nh3
    print(f"  nh3 alone            {alone:7.3f}  ({alone / count * 1e3:.3f} ms a note, {share:.0%} of rendering)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=25_000, help="n, in characters (default 25,000: up to 100 KB)")
    parser.add_argument("--case", action="append", choices=sorted(CASES), help="only this case (repeatable)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement; the best is shown")
    parser.add_argument("--nh3", action="store_true", help="measure the nh3 pass on the benchmark's notes instead")
    args = parser.parse_args(argv)
    if args.size < 100 or args.repeat < 1:
        parser.error("--size must be at least 100 and --repeat at least 1")
    if args.nh3:
        nh3_cost(args.repeat)
    else:
        scaling(args.size, args.case or list(CASES), args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
