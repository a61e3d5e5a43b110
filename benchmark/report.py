"""Turn measured builds into figures: medians, ratios, targets, a text table and an SVG chart.

Pure functions over plain data (the JSON the benchmark writes), so a result
file can be re-reported, and the chart redrawn, without building anything.
The chart is written by hand: a few lines and labels need no plotting library.

Targets are judged on CPU time (the child's user + system time, and the
stage clock's process time): the benchmark runs on a small shared machine,
where the wall clock also counts the time other processes held the core.
Wall-clock figures are reported beside them.
"""

from __future__ import annotations

import html
import statistics
from dataclasses import asdict, dataclass

from benchmark.builds import VARIANTS, Build
from benchmark.stages import PLUGIN_PREFIX, STAGES

LINK_CHECK = STAGES["linkcheck"]
HTMLPROOFER = "plugin:htmlproofer"


def summarize(spec: dict, corpus: dict, builds: list[Build]) -> dict:
    """One corpus size: its description, every run, and the medians the targets are judged on."""
    runs = {v: [b for b in builds if b.variant == v] for v in VARIANTS if any(b.variant == v for b in builds)}
    median = {v: statistics.median(b.seconds for b in rs) for v, rs in runs.items()}
    cpu = {v: statistics.median(b.cpu_seconds for b in rs) for v, rs in runs.items()}
    html_pages = max(b.html_pages for b in runs.get("a", builds))
    stages: dict[str, dict[str, float]] = {}
    for variant, rs in runs.items():
        names = {name for b in rs for name in b.stages}
        stages[variant] = {n: statistics.median(b.stages.get(n, 0.0) for b in rs) for n in sorted(names)}
    return {
        **spec,
        **corpus,
        "html_pages": html_pages,
        "median_seconds": median,
        "median_cpu_seconds": cpu,
        "ms_per_page": {v: 1000 * s / html_pages for v, s in median.items()},
        "cpu_ms_per_page": {v: 1000 * s / html_pages for v, s in cpu.items()},
        "ratios": _ratios(median),
        "cpu_ratios": _ratios(cpu),
        "cpu_pair_ratios": _pair_ratios(runs),
        "peak_rss_mb": max(b.peak_rss_mb for b in builds),
        "site_mb": {v: rs[0].site_mb for v, rs in runs.items()},
        "search_index_mb": {v: rs[0].search_index_mb for v, rs in runs.items()},
        "essay_page_kb": {v: rs[0].essay_page_kb for v, rs in runs.items()},
        "stages": stages,
        "runs": [asdict(b) for b in builds],
    }


def from_json(size: dict) -> dict:
    """A size read back from its JSON, its figures computed again from the runs it keeps.

    So re-reporting old results applies the current arithmetic (such as the
    ratios of interleaved pairs) without building anything.
    """
    return summarize(size, {}, [Build(**run) for run in size["runs"]])


def _ratios(seconds: dict[str, float]) -> dict[str, float]:
    return {f"{v}/b": s / seconds["b"] for v, s in seconds.items() if v != "b" and "b" in seconds}


def _pair_ratios(runs: dict[str, list[Build]]) -> dict[str, list[float]]:
    """CPU ratio of each run to the baseline run measured right after it (runs are interleaved).

    On a shared virtual machine the same build's CPU time drifts by a quarter
    within minutes; a ratio within one interleaved pair cancels what drifts
    slowly, where the ratio of two medians mixes runs from different moments.
    """
    base = runs.get("b", [])
    return {
        f"{v}/b": [r.cpu_seconds / b.cpu_seconds for r, b in zip(rs, base, strict=False)]
        for v, rs in runs.items()
        if v != "b" and base
    }


def pair_median(size: dict, ratio: str) -> float | None:
    """The median of the per-pair CPU ratios (None in results written before they were kept)."""
    pairs = size.get("cpu_pair_ratios", {}).get(ratio)
    return statistics.median(pairs) if pairs else None


@dataclass
class Target:
    """One of issue 7's targets, with the measured value and whether it is met (None: not measured)."""

    name: str
    measured: str
    met: bool | None


def _project_ms(size: dict) -> float:
    """The project's own stages (every hook of variant a) in CPU milliseconds per built page."""
    stages = size["stages"].get("a", {})
    return 1000 * sum(s for n, s in stages.items() if not n.startswith(PLUGIN_PREFIX)) / size["html_pages"]


def _growth(sizes: list[dict], value) -> tuple[float, str]:
    small, large = sizes[0], sizes[-1]
    growth = value(large) / value(small)
    return (
        growth,
        f"{value(small):.2f} -> {value(large):.2f} ms/page ({small['pages']} -> {large['pages']} pages, x{growth:.2f})",
    )


def targets(sizes: list[dict], reimport: dict | None) -> list[Target]:
    """Judge the targets on the largest size (and the smallest, for growth)."""
    out: list[Target] = []
    sizes = sorted(sizes, key=lambda s: s["pages"])
    large = sizes[-1]
    if "a/b" in large["cpu_ratios"]:
        ratio = large["cpu_ratios"]["a/b"]
        text = f"a/b = {ratio:.2f} CPU ({large['ratios']['a/b']:.2f} wall) at {large['pages']} pages"
        paired = pair_median(large, "a/b")
        if paired is not None:
            text += f"; median of interleaved pairs {paired:.2f}"
        out.append(Target("project hooks add at most 15% (a/b <= 1.15)", text, max(ratio, paired or 0) <= 1.15))
    if len(sizes) > 1 and "a" in large["stages"]:
        growth, text = _growth(sizes, _project_ms)
        out.append(Target("project stages flat per page (growth <= 25%)", text, growth <= 1.25))
        growth, text = _growth(sizes, lambda s: s["cpu_ms_per_page"]["a"])
        out.append(Target("whole build per page grows <= 25%", text, growth <= 1.25))
    if len(sizes) > 1 and large.get("essay_page_kb", {}).get("a") and sizes[0].get("essay_page_kb", {}).get("a"):
        small_kb, large_kb = sizes[0]["essay_page_kb"]["a"], large["essay_page_kb"]["a"]
        pages = f"{sizes[0]['pages']} -> {large['pages']} pages"
        text = f"{small_kb:.1f} -> {large_kb:.1f} KB ({pages}, x{large_kb / small_kb:.2f})"
        out.append(
            Target("an essay page's size does not grow with the library (<= 10%)", text, large_kb / small_kb <= 1.10)
        )
    peak = max(s["peak_rss_mb"] for s in sizes)
    out.append(Target("peak memory under 2 GB", f"{peak:.0f} MB", peak < 2048))
    checker = large["stages"].get("a", {}).get(LINK_CHECK)
    proofer = large["stages"].get("c", {}).get(HTMLPROOFER)
    if checker and proofer:
        out.append(
            Target(
                "link checker >= 10x faster than htmlproofer",
                f"{proofer:.1f} s / {checker:.2f} s = x{proofer / checker:.0f}",
                proofer / checker >= 10,
            )
        )
    else:
        missing = "hooks/linkcheck.py is not in mkdocs.yml" if proofer else "variant c not run"
        out.append(Target("link checker >= 10x faster than htmlproofer", f"not measured ({missing})", None))
    if reimport:
        first, second = reimport["first_cpu_seconds"], reimport["second_cpu_seconds"]
        text = f"{first:.2f} s CPU ({reimport['first_seconds']:.2f} s wall)"
        out.append(Target("import a 1 MB essay in under 1 s", text, first < 1))
        kept = (
            "every id kept"
            if reimport["ok"]
            else f"{len(reimport['ids_lost'])} ids lost, {len(reimport['ids_moved'])} moved"
        )
        text = f"{second:.2f} s CPU ({reimport['second_seconds']:.2f} s wall), {kept}"
        out.append(Target("re-import after edits in under 2 s, ids kept", text, second < 2 and reimport["ok"]))
    return out


def _row(cells: list[str], widths: list[int]) -> str:
    return "  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=False)))


def _pair(size: dict, cpu: str, wall: str, key: str, form: str) -> str:
    if key not in size[cpu]:
        return "-"
    return f"{form.format(size[cpu][key])} / {form.format(size[wall][key])}"


def table(sizes: list[dict], found: list[Target]) -> str:
    """The plain-text report: one column per corpus size, then the targets."""
    sizes = sorted(sizes, key=lambda s: s["pages"])
    stage_names = sorted({n for s in sizes for v in s["stages"].values() for n in v})
    rows: list[list[str]] = [["", *(f"{s['pages']} pages" for s in sizes)]]

    def add(label: str, value) -> None:
        rows.append([label, *(value(s) for s in sizes)])

    add("essays / terms / notes", lambda s: f"{s['essays']} / {s['terms']} / {s['comments']}")
    add("HTML pages built (a)", lambda s: str(s["html_pages"]))
    add("words", lambda s: f"{s['words']:,}")
    add("import, all essays (s CPU)", lambda s: f"{s['import_cpu_seconds']:.2f}")
    for variant, label in VARIANTS.items():
        add(
            f"{variant}: {label}, median s CPU / wall",
            lambda s, v=variant: _pair(s, "median_cpu_seconds", "median_seconds", v, "{:.1f}"),
        )
        add(
            f"{variant}: ms per page CPU / wall",
            lambda s, v=variant: _pair(s, "cpu_ms_per_page", "ms_per_page", v, "{:.2f}"),
        )
    add(
        "a: first build, templates compiled (s CPU)",
        lambda s: "-" if s.get("a_first_cpu_seconds") is None else f"{s['a_first_cpu_seconds']:.1f}",
    )
    for ratio in ("a/b", "c/b"):
        add(f"{ratio} CPU / wall", lambda s, r=ratio: _pair(s, "cpu_ratios", "ratios", r, "{:.2f}"))
        add(
            f"{ratio} CPU, each interleaved pair",
            lambda s, r=ratio: " ".join(f"{x:.2f}" for x in s.get("cpu_pair_ratios", {}).get(r, [])) or "-",
        )
    add("peak memory (MB)", lambda s: f"{s['peak_rss_mb']:.0f}")
    add("site/ (MB, a)", lambda s: f"{s['site_mb'].get('a', 0):.1f}")
    add(
        "essay page (KB, a / b)",
        lambda s: f"{s['essay_page_kb'].get('a', 0):.1f} / {s['essay_page_kb'].get('b', 0):.1f}",
    )
    add(
        "search index (MB, a / b)",
        lambda s: f"{s['search_index_mb'].get('a', 0):.1f} / {s['search_index_mb'].get('b', 0):.1f}",
    )
    for name in stage_names:
        variant = "c" if name == HTMLPROOFER else "a"
        add(f"{name} (s CPU, {variant})", lambda s, n=name, v=variant: f"{s['stages'].get(v, {}).get(n, 0):.2f}")
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = [_row(r, widths) for r in rows]
    lines.append("")
    lines += [f"[{'met' if t.met else 'MISSED' if t.met is False else 'n/a'}] {t.name}: {t.measured}" for t in found]
    return "\n".join(lines)


CHART = {"width": 700, "height": 360, "left": 64, "right": 200, "top": 40, "bottom": 52}
COLOURS = {"a": "#3f51b5", "b": "#757575", "c": "#c62828"}


def svg(sizes: list[dict], caption: str) -> str:
    """Median build CPU time against corpus size, one line per variant, as a standalone SVG."""
    sizes = sorted(sizes, key=lambda s: s["pages"])
    c = CHART
    plot_w, plot_h = c["width"] - c["left"] - c["right"], c["height"] - c["top"] - c["bottom"]
    max_x = max(s["pages"] for s in sizes)
    max_y = max(v for s in sizes for v in s["median_cpu_seconds"].values()) * 1.1 or 1

    def x(pages: float) -> float:
        return c["left"] + plot_w * pages / max_x

    def y(seconds: float) -> float:
        return c["top"] + plot_h * (1 - seconds / max_y)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {c["width"]} {c["height"]}" role="img" '
        f'aria-labelledby="title" font-family="system-ui, sans-serif" font-size="12">',
        f'<title id="title">{html.escape(caption)}</title>',
        f'<rect width="{c["width"]}" height="{c["height"]}" fill="#fff"/>',
        f'<text x="{c["left"]}" y="22" font-size="14" font-weight="bold">{html.escape(caption)}</text>',
    ]
    for step in range(5):
        seconds = max_y * step / 4
        parts.append(
            f'<line x1="{c["left"]}" x2="{c["left"] + plot_w}" y1="{y(seconds):.1f}" y2="{y(seconds):.1f}" '
            f'stroke="#e0e0e0"/>'
        )
        parts.append(f'<text x="{c["left"] - 8}" y="{y(seconds) + 4:.1f}" text-anchor="end">{seconds:.0f} s</text>')
    for s in sizes:
        parts.append(
            f'<text x="{x(s["pages"]):.1f}" y="{c["top"] + plot_h + 18}" text-anchor="middle">{s["pages"]:,}</text>'
        )
    parts.append(
        f'<text x="{c["left"] + plot_w / 2}" y="{c["height"] - 10}" text-anchor="middle">essay pages in the '
        f"corpus</text>"
    )
    for n, (variant, label) in enumerate(VARIANTS.items()):
        points = [
            (x(s["pages"]), y(s["median_cpu_seconds"][variant])) for s in sizes if variant in s["median_cpu_seconds"]
        ]
        if not points:
            continue
        path = " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
        parts.append(f'<polyline points="{path}" fill="none" stroke="{COLOURS[variant]}" stroke-width="2"/>')
        parts += [f'<circle cx="{px:.1f}" cy="{py:.1f}" r="3.5" fill="{COLOURS[variant]}"/>' for px, py in points]
        legend_y = c["top"] + 16 + 20 * n
        parts.append(
            f'<line x1="{c["left"] + plot_w + 16}" x2="{c["left"] + plot_w + 36}" y1="{legend_y - 4}" '
            f'y2="{legend_y - 4}" stroke="{COLOURS[variant]}" stroke-width="2"/>'
        )
        parts.append(f'<text x="{c["left"] + plot_w + 42}" y="{legend_y}">{variant}: {html.escape(label)}</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
