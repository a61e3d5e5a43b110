#!/usr/bin/env python3
"""Benchmark the edition's build on a synthetic corpus (issue 7).

    python scripts/bench.py --essays 100 --terms 5000 --comments 10000 --runs 3
    python scripts/bench.py --sizes 100,300,1000 --runs 3 --chart benchmark/performance.svg
    python scripts/bench.py --import-only
    python scripts/bench.py --sizes 100,300,1000 --preview 3 --preview-only   # edit-to-preview (issue 19)

For each corpus size: generate and import a corpus in a temporary folder (the
real docs/ is never touched), build it as a (hooks on), b (bare) and c (bare
+ htmlproofer), interleaved K times, and report medians, ratios, memory,
sizes and per-stage times. Every run also imports a 1 MB essay, edits and
re-imports it, and checks that every paragraph id survived. Results go to
--out as bench-<pages>.json (one per size) and bench.json (every size found
there, with the targets); the table and chart cover every size in --out, so
sizes can be measured in separate runs. --preview R times, R times over,
each kind of change from saving a file to the served page showing it
(benchmark/preview.py), on each corpus and on a copy of the real site,
into preview.json. Exit status: 0 done (targets missed
are reported, not failures), 1 a build failed, 2 bad arguments.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

from benchmark import preview, reimport, report
from benchmark.builds import VARIANTS, BuildFailed, compile_modules, run_build, write_configs
from benchmark.corpus import Spec, generate

ROOT = Path(__file__).resolve().parent.parent


def arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="bench.py", description="Time the edition's build on a synthetic corpus.")
    parser.add_argument("--essays", type=int, default=10, help="essays in the corpus (default 10)")
    parser.add_argument("--terms", type=int, help="glossary entries (default 5 per essay page)")
    parser.add_argument("--comments", type=int, help="commentary notes (default 10 per essay page)")
    parser.add_argument("--sections", type=int, default=10, help="pages per essay, the opening included (default 10)")
    parser.add_argument("--sizes", help="comma-separated essay-page counts (e.g. 100,300,1000), terms and notes scaled")
    parser.add_argument("--runs", type=int, default=1, help="builds of each variant, interleaved (default 1)")
    parser.add_argument("--variants", default="abc", help="which of a (hooks on), b (bare), c (bare + htmlproofer)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-results", help="folder for the JSON results")
    parser.add_argument("--chart", type=Path, help="where to write the SVG chart (default: OUT/performance.svg)")
    parser.add_argument("--import-only", action="store_true", help="only the 1 MB import and re-import check")
    parser.add_argument("--report-only", action="store_true", help="rebuild table, bench.json and chart from --out")
    parser.add_argument("--preview", type=int, default=0, metavar="R", help="time edit-to-preview, R runs per kind")
    parser.add_argument("--preview-only", action="store_true", help="only edit-to-preview (with --preview R)")
    parser.add_argument("--keep", action="store_true", help="keep the generated corpus folders and print where")
    args = parser.parse_args(argv)
    if args.preview_only and args.preview < 1:
        parser.error("--preview-only needs --preview R (R >= 1)")
    if not set(args.variants) <= set(VARIANTS) or "b" not in args.variants or args.runs < 1:
        parser.error("--variants must include b (the baseline) and use only a, b, c; --runs must be at least 1")
    builds = not (args.report_only or args.import_only)
    if builds and "c" in args.variants and importlib.util.find_spec("htmlproofer") is None:
        parser.error(
            "variant c needs mkdocs-htmlproofer-plugin: pip install -r requirements-bench.txt, or pass --variants ab"
        )
    return args


def specs(args: argparse.Namespace) -> list[Spec]:
    """The corpora to measure: one from --essays/--terms/--comments, or one per --sizes entry."""
    if args.sizes:
        return [Spec.for_pages(int(p), args.sections) for p in args.sizes.split(",")]
    scaled = Spec.for_pages(args.essays * args.sections, args.sections)
    terms = scaled.terms if args.terms is None else args.terms
    comments = scaled.comments if args.comments is None else args.comments
    return [Spec(args.essays, terms, comments, args.sections)]


def measure(spec: Spec, args: argparse.Namespace, counter: list[int], total: int) -> dict:
    """Generate one corpus, build it K times per variant (interleaved) and summarize."""
    folder = Path(tempfile.mkdtemp(prefix=f"bench-{spec.pages}-"))
    start = time.perf_counter()
    corpus = generate(spec, folder, ROOT / "docs", lambda line: print(f"  {line}", flush=True))
    print(
        f"corpus of {spec.pages} pages ({spec.essays} essays, {spec.terms} terms, {spec.comments} notes, "
        f"{corpus.words:,} words) in {time.perf_counter() - start:.1f} s, import {corpus.import_seconds:.1f} s",
        flush=True,
    )
    configs = write_configs(ROOT, folder, args.variants)
    # The user's cache folder of the builds: outside the corpus, since the hooks keep no template in a project.
    cache, first = Path(tempfile.mkdtemp(prefix=f"bench-{spec.pages}-cache-")), None
    if "a" in args.variants:
        first = run_build(ROOT, configs["a"], "a", folder / "site-a", cache)
        print(
            f"a (hooks on) first build, which keeps the theme's compiled templates: {first.seconds:.1f} s "
            f"({first.cpu_seconds:.1f} s CPU); not paired",
            flush=True,
        )
    builds = []
    for run in range(1, args.runs + 1):
        for variant in args.variants:
            counter[0] += 1
            build = run_build(ROOT, configs[variant], variant, folder / f"site-{variant}", cache)
            print(
                f"[{counter[0]}/{total}] {variant} ({VARIANTS[variant]}) run {run}: {build.seconds:.1f} s "
                f"({build.cpu_seconds:.1f} s CPU, {build.peak_rss_mb:.0f} MB)",
                flush=True,
            )
            builds.append(build)
    if args.keep:
        print(f"corpus kept in {folder}")
        print(f"compiled templates kept in {cache}")
    else:
        shutil.rmtree(folder)
        shutil.rmtree(cache)
    described = {
        "essays": spec.essays,
        "terms": spec.terms,
        "comments": spec.comments,
        "sections": spec.sections,
        "pages": spec.pages,
        "runs_per_variant": args.runs,
    }
    measured = {
        "words": corpus.words,
        "import_seconds": corpus.import_seconds,
        "import_cpu_seconds": corpus.import_cpu_seconds,
        "a_first_cpu_seconds": first.cpu_seconds if first else None,
    }
    return report.summarize(described, measured, builds)


def machine() -> dict:
    return {"cpus": os.cpu_count(), "python": platform.python_version(), "system": platform.platform()}


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; a results folder it cannot read ends in one line and exit status 2."""
    try:
        return run(arguments(argv))
    except ResultError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 2


def measure_preview(args: argparse.Namespace) -> int:
    """Edit-to-preview on a copy of the real site and on each corpus; preview.json and a table."""
    results: dict[str, preview.Figures] = {}
    with tempfile.TemporaryDirectory(prefix="preview-real-") as folder:
        print("edit-to-preview on the real site", flush=True)
        results["real site"] = preview.measure(ROOT, preview.real_site(ROOT, Path(folder)), args.preview, _indented)
    for spec in specs(args):
        with tempfile.TemporaryDirectory(prefix=f"preview-{spec.pages}-") as folder:
            generate(spec, Path(folder), ROOT / "docs", _indented)
            print(f"edit-to-preview at {spec.pages} essay pages", flush=True)
            results[f"{spec.pages} pages"] = preview.measure(ROOT, Path(folder), args.preview, _indented)
    data = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "seconds": {name: asdict(figures) for name, figures in results.items()},
    }
    (args.out / "preview.json").write_text(json.dumps(data, indent=1), encoding="utf-8")
    print(preview.table(results))
    return 0


def _indented(line: str) -> None:
    print(f"  {line}", flush=True)


def run(args: argparse.Namespace) -> int:
    args.out.mkdir(parents=True, exist_ok=True)
    if args.preview_only:
        return measure_preview(args)
    if args.report_only:
        return write_report(args, read_result(args.out / "import.json"))
    with tempfile.TemporaryDirectory(prefix="bench-import-") as folder:
        check = reimport.run(Path(folder))
    check_data = {**asdict(check), "ok": check.ok}
    print(
        f"import of a {check.source_bytes / 1e6:.1f} MB essay ({check.paragraphs} paragraphs): "
        f"{check.first_seconds:.2f} s ({check.first_cpu_seconds:.2f} s CPU); re-import after {check.edited} edits "
        f"and {check.inserted} insertions: {check.second_seconds:.2f} s ({check.second_cpu_seconds:.2f} s CPU), "
        f"{check.ids_kept} ids kept, {len(check.ids_lost)} lost, {check.new_ids} new",
        flush=True,
    )
    (args.out / "import.json").write_text(json.dumps(check_data, indent=1), encoding="utf-8")
    if args.import_only:
        return 0 if check.ok else 1
    todo = specs(args)
    compile_modules(ROOT)
    counter, total = [0], len(todo) * args.runs * len(args.variants)
    try:
        for spec in todo:
            result = measure(spec, args, counter, total)
            (args.out / f"bench-{spec.pages}.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
    except BuildFailed as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 1
    status = write_report(args, check_data)
    return measure_preview(args) if args.preview else status


class ResultError(Exception):
    """A results file that --report-only cannot read; the message names it and says what to do."""


def read_result(path: Path, size: bool = False) -> dict:
    """One results file (``size``: a bench-<pages>.json, its figures recomputed from its runs)."""
    hint = "run the benchmark into this folder first (without --report-only)"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return report.from_json(data) if size else data
    except FileNotFoundError:
        raise ResultError(f"{path}: not found; {hint}.") from None
    except (ValueError, KeyError, TypeError) as exc:
        raise ResultError(f"{path}: not a result this benchmark wrote ({type(exc).__name__}: {exc}); {hint}.") from None


def write_report(args: argparse.Namespace, check_data: dict) -> int:
    """bench.json, the chart and the table, from every bench-<pages>.json in --out."""
    sizes = [read_result(p, size=True) for p in sorted(args.out.glob("bench-*.json"))]
    if not sizes:
        raise ResultError(f"{args.out}: holds no bench-<pages>.json; run the benchmark into this folder first.")
    found = report.targets(sizes, check_data)
    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    combined = {
        "date": stamp,
        "machine": machine(),
        "sizes": sizes,
        "import": check_data,
        "targets": [asdict(t) for t in found],
    }
    (args.out / "bench.json").write_text(json.dumps(combined, indent=1), encoding="utf-8")
    caption = f"Median build CPU time against corpus size ({stamp[:10]}, {machine()['cpus']} cores)"
    chart = args.chart or args.out / "performance.svg"
    chart.write_text(report.svg(sizes, caption), encoding="utf-8")
    print(report.table(sizes, found))
    print(f"results in {args.out}/bench.json, chart in {chart}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
