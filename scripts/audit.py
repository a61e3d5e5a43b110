"""Audit the built site: Lighthouse, the Nu HTML Checker and axe over every kind of page.

Builds the site with the real mkdocs.yml, serves it on 127.0.0.1 with gzip
(scripts/serve_static.py, as GitHub Pages serves it), then for each kind of
page listed in tests/browser/targets.json runs

- Lighthouse (mobile preset) against Debian's Chromium, in the light and the
  dark scheme (the palette follows the reader's system; Chromium's
  --force-dark-mode makes it dark): accessibility, best practices and SEO
  must be 100, performance at least 95, cumulative layout shift 0;
- the Nu HTML Checker over every page of the build: no errors;
- axe, by running the browser suite's axe test (one definition of the rules).

Prints progress while it runs and one table at the end; exits 1 when a bar is
missed, 2 when a tool is missing (with the command that installs it).

    python scripts/audit.py            # what `make audit` runs
    python scripts/audit.py --runs 3   # Lighthouse's median of 3 runs per page
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
TARGETS = json.loads((ROOT / "tests" / "browser" / "targets.json").read_text(encoding="utf-8"))
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
BARS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
SCHEMES = {"light": [], "dark": ["--force-dark-mode"]}  # Chromium flags that set prefers-color-scheme


@dataclass
class Row:
    """What the audit found for one kind of page."""

    kind: str
    url: str
    scheme: str = "light"
    scores: dict[str, int] = field(default_factory=dict)
    cls: float | None = None  # Lighthouse's cumulative layout shift
    lighthouse_failures: list[str] = field(default_factory=list)
    html_errors: list[str] = field(default_factory=list)
    axe: str = "?"

    def missed(self) -> list[str]:
        out = [f"{c} {self.scores.get(c, 0)} < {bar}" for c, bar in BARS.items() if self.scores.get(c, 0) < bar]
        if self.cls != 0:
            out.append(f"cumulative layout shift {self.cls}")
        if self.html_errors:
            out.append(f"{len(self.html_errors)} HTML errors")
        if self.axe != "0":
            out.append(f"axe: {self.axe}")
        return out


def progress(message: str) -> None:
    print(f"audit: {message}", file=sys.stderr, flush=True)


def require_tools() -> None:
    """Fail early, in one line each, when a tool is missing."""
    missing = []
    if not LIGHTHOUSE.exists() or not VNU.exists():
        missing.append("Lighthouse and the Nu checker are missing: run 'npm ci'.")
    if not shutil.which("java"):
        missing.append(
            "Java is missing (the Nu checker needs it): install a JRE, e.g. 'sudo apt-get install default-jre'."
        )
    chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    if not os.access(chromium, os.X_OK):
        missing.append(f"Chromium is missing at {chromium}: 'sudo apt-get install chromium'.")
    if missing:
        print("\n".join(missing), file=sys.stderr)
        sys.exit(2)


def build(site_dir: Path) -> None:
    progress("building the site (mkdocs build --strict) ...")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(site_dir)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode:
        print(result.stderr[-4000:], file=sys.stderr)
        sys.exit("audit: the build failed; fix it first (make build).")


def serve(site_dir: Path) -> tuple[subprocess.Popen, str]:
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "scripts" / "serve_static.py"), str(site_dir)], stdout=subprocess.PIPE, text=True
    )
    assert server.stdout is not None  # stdout=PIPE
    match = re.search(r"http://127\.0\.0\.1:\d+/\S*", server.stdout.readline())
    if not match:
        server.terminate()
        sys.exit("audit: the static server did not start.")
    return server, match.group(0)


def lighthouse(url: str, runs: int, flags: list[str]) -> tuple[dict[str, int], float | None, list[str]]:
    """Median category scores and layout shift over ``runs`` runs, and the audits that failed in the last run."""
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROMIUM", "/usr/bin/chromium")}
    results: list[dict] = []
    for _ in range(runs):
        out = subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--quiet",
                "--output=json",
                "--output-path=stdout",
                f"--only-categories={','.join(CATEGORIES)}",
                f"--chrome-flags={' '.join(TARGETS['chromium_flags'] + flags)}",
            ],
            env=env,
            capture_output=True,
            text=True,
        )
        if out.returncode:
            return (
                {},
                None,
                [f"Lighthouse failed: {out.stderr.strip().splitlines()[-1] if out.stderr.strip() else out.returncode}"],
            )
        results.append(json.loads(out.stdout))
    scores = {c: round(100 * statistics.median(r["categories"][c]["score"] or 0 for r in results)) for c in CATEGORIES}
    cls = statistics.median(r["audits"]["cumulative-layout-shift"]["numericValue"] for r in results)
    last = results[-1]
    failed = []
    for category in ("accessibility", "best-practices", "seo"):
        for ref in last["categories"][category]["auditRefs"]:
            audit = last["audits"][ref["id"]]
            if ref.get("weight") and audit.get("score") is not None and audit["score"] < 1:
                failed.append(f"{category}: {ref['id']}")
    return scores, round(cls, 3), failed


def check_html(site_dir: Path) -> dict[str, list[str]]:
    """Nu HTML Checker errors per page (site-relative path), over every page of the build."""
    progress("checking the HTML of every page (Nu HTML Checker) ...")
    pages = sorted(str(p) for p in site_dir.rglob("*.html"))
    out = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *pages], capture_output=True, text=True
    )
    errors: dict[str, list[str]] = {}
    for message in json.loads(out.stderr or out.stdout or '{"messages": []}')["messages"]:
        if message.get("type") == "error" or message.get("subType") == "fatal":
            path = Path(urlsplit(message.get("url", "")).path).relative_to(site_dir).as_posix()
            errors.setdefault(path, []).append(f"line {message.get('lastLine', '?')}: {message.get('message', '')}")
    return errors


def axe_by_kind() -> dict[str, str]:
    """Run the browser suite's axe test; per kind, '0' or the failing schemes and rules."""
    progress("running axe on every kind of page (tests/browser, -k axe) ...")
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "axe.xml"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                "tests/browser",
                "-q",
                "-k",
                "axe",
                "-p",
                "no:cacheprovider",
                f"--junitxml={report}",
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        if not report.exists():
            return {}
        found: dict[str, list[str]] = {}
        for case in ET.parse(report).getroot().iter("testcase"):
            match = re.search(r"\[(?P<kind>.+)-chromium-(?P<scheme>\w+)\]", case.get("name", ""))
            if not match:
                continue
            failure = case.find("failure")
            rules = (
                re.findall(
                    r"\b([a-z0-9-]+) \((?:minor|moderate|serious|critical)\)",
                    failure.get("message", "") + (failure.text or ""),
                )
                if failure is not None
                else []
            )
            entry = found.setdefault(match["kind"], [])
            if failure is not None:
                entry.append(f"{match['scheme']}: {', '.join(sorted(set(rules))) or 'failed'}")
        return {kind: "; ".join(v) if v else "0" for kind, v in found.items()}


def table(rows: list[Row]) -> str:
    head = ["page", "scheme", "perf", "a11y", "best", "seo", "CLS", "html errors", "axe violations"]
    lines = [head] + [
        [r.kind, r.scheme, *(str(r.scores.get(c, "-")) for c in CATEGORIES), str(r.cls), str(len(r.html_errors)), r.axe]
        for r in rows
    ]
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    fmt = lambda line: "  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=False))  # noqa: E731
    return "\n".join([fmt(lines[0]), fmt(["-" * w for w in widths]), *map(fmt, lines[1:])])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse runs per page; the median counts (default 1)")
    args = parser.parse_args(argv)
    require_tools()
    kinds: dict[str, str] = TARGETS["page_kinds"]
    with tempfile.TemporaryDirectory(prefix="audit-site-") as tmp:
        site_dir = Path(tmp) / "site"
        build(site_dir)
        html_errors = check_html(site_dir)
        server, base = serve(site_dir)
        try:
            rows = []
            for number, (kind, url) in enumerate(kinds.items(), 1):
                page_file = url if url.endswith(".html") else url + "index.html"
                errors = html_errors.pop(page_file, [])
                for scheme, flags in SCHEMES.items():
                    progress(f"Lighthouse {number}/{len(kinds)}: {kind} ({url or '/'}), {scheme} ...")
                    row = Row(kind, url, scheme, html_errors=errors)
                    row.scores, row.cls, row.lighthouse_failures = lighthouse(base + url, args.runs, flags)
                    rows.append(row)
        finally:
            server.terminate()
            server.wait(timeout=10)
    axe = axe_by_kind()
    for row in rows:
        row.axe = axe.get(row.kind, "not run")  # per kind: the axe test runs both schemes
    print(table(rows))
    other = sum(len(v) for v in html_errors.values())
    print(
        f"\nOther pages: {other} HTML errors in {len(html_errors)} of them."
        if other
        else "\nOther pages: no HTML errors."
    )
    problems = [f"{r.kind} ({r.scheme}): {m}" for r in rows for m in r.missed()] + [
        f"{p}: {e}" for p, es in html_errors.items() for e in es
    ]
    problems += [f"{r.kind} ({r.scheme}): Lighthouse {f}" for r in rows for f in r.lighthouse_failures]
    for row in rows:
        problems += [f"{row.kind}: {e}" for e in row.html_errors if row.scheme == "light"]
    if problems:
        print("\nBars missed:\n  " + "\n  ".join(problems))
        return 1
    print(
        "All bars met, light and dark: accessibility, best practices and SEO 100; performance >= 95; layout shift 0;"
        " no HTML errors; no axe violations."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
