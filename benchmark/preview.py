"""Edit-to-preview: how long after a file is saved the served page shows the change (issue 19).

The preview runs as ``make serve`` runs it: ``scripts/serve.py`` in a child
process, with its file watcher and MkDocs' live-reloading server. For each
kind of change the benchmark saves one file (or imports an essay again),
then asks the server for the page that shows the change every 20 ms until
it does; the figure is the wall time from the moment the save returned to
the moment that page came back with the change. MkDocs' server holds a
request while a build runs, so a page is never read half-built, and the
figure includes the watcher's delay and the server's own wait for quiet
(0.1 s). Before the next edit the benchmark waits until the server has been
quiet for half a second, so each edit starts from an idle preview.

Wall time, not CPU time: the figure is what a writer waits for. The
machine is shared, so each page-level kind is measured ``runs`` times and
the median reported with the spread.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from benchmark.builds import SEARCH_INDEX, TIMING_HOOK, load_base, variant_config
from edition.content import frontmatter
from edition.features.importer.run import import_essay

POLL = 0.02  # seconds between two requests for the changed page
QUIET = 0.5  # seconds without a build before the next edit
TIMEOUT = 600.0  # a full build of the 1,000-page library takes about a minute and a half on a busy machine
FULL = ("template", "mkdocs.yml")  # the kinds that build the whole site, measured once


@dataclass
class Change:
    """One measured edit: the page to watch (docs path, or a site path for a static file) and what shows it done."""

    kind: str
    src: str
    done: Callable[[int, bytes], bool]


@dataclass
class Figures:
    """Seconds from save to served change, per kind of change (every run)."""

    seconds: dict[str, list[float]] = field(default_factory=dict)
    first_build: float = 0.0
    differences: list[str] = field(default_factory=list)  # files that are not those of a clean full build
    peak_mb: float | None = None  # the server's peak resident memory over every build (None where unknown)

    def medians(self) -> dict[str, float]:
        return {kind: statistics.median(runs) for kind, runs in self.seconds.items()}


def write_config(repo: Path, project: Path) -> Path:
    """``mkdocs-preview.yml`` in ``project``: the real configuration, every hook on, the templates copied in."""
    config = variant_config(load_base(repo), "a", repo, project)
    config["hooks"] = [hook for hook in config["hooks"] if not hook.endswith(TIMING_HOOK)]  # no clock: a plain serve
    custom = config.get("theme", {}).get("custom_dir")
    if custom:
        shutil.copytree(custom, project / "overrides", dirs_exist_ok=True)
        config["theme"]["custom_dir"] = "overrides"
    path = project / "mkdocs-preview.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def real_site(repo: Path, folder: Path) -> Path:
    """A copy of the real site (docs, sources) in ``folder``, to edit without touching the repository."""
    for name in ("docs", "sources"):
        shutil.copytree(repo / name, folder / name)
    return folder


class Server:
    """``scripts/serve.py`` serving ``config`` in a child process, its log in a file."""

    def __init__(self, repo: Path, config: Path) -> None:
        self.port = _free_port()
        outside = Path(tempfile.mkdtemp(prefix="preview-serve-"))  # not watched: writing there starts no build
        self.log, self.site = outside / "serve.log", outside / "site"
        base = yaml.safe_load(config.read_text(encoding="utf-8"))
        self.mount = urlsplit(base.get("site_url") or "/").path.rstrip("/") + "/"
        command = [sys.executable, str(repo / "scripts" / "serve.py"), "-f", str(config)]
        command += ["-a", f"127.0.0.1:{self.port}", "-d", str(self.site)]
        self._out = self.log.open("wb")
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        self.child = subprocess.Popen(command, stdout=self._out, stderr=subprocess.STDOUT, cwd=config.parent, env=env)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{self.mount}{path}"

    def get(self, path: str) -> tuple[int, bytes]:
        try:
            with urllib.request.urlopen(self.url(path), timeout=TIMEOUT) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as exc:
            return exc.code, b""

    def text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def wait_started(self) -> float:
        """Wait for the first build and the server; the seconds it took."""
        start = time.perf_counter()
        while "Serving on" not in self.text():
            if self.child.poll() is not None or time.perf_counter() - start > TIMEOUT * 2:
                raise RuntimeError(f"{self.log}: the preview did not start:\n{self.text()[-2000:]}")
            time.sleep(0.2)
        return time.perf_counter() - start

    def wait_quiet(self) -> None:
        """Until every build the server started has ended and its log has been still for :data:`QUIET` seconds."""
        size, since = -1, time.perf_counter()
        while True:
            now = self.log.stat().st_size
            if now != size:
                size, since = now, time.perf_counter()
            text = self.text()
            idle = text.count("Detected file changes") <= text.count("Reloading browsers")
            if idle and time.perf_counter() - since >= QUIET:
                return
            time.sleep(0.05)

    def peak_mb(self) -> float | None:
        """The server's peak resident memory so far, in MB: ``VmHWM`` from ``/proc`` (None elsewhere than Linux)."""
        try:
            status = Path(f"/proc/{self.child.pid}/status").read_text(encoding="ascii")
        except OSError:
            return None
        return next((int(line.split()[1]) / 1024 for line in status.splitlines() if line.startswith("VmHWM:")), None)

    def stop(self) -> None:
        self.child.terminate()
        try:
            self.child.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.child.kill()
        self._out.close()
        shutil.rmtree(self.site, ignore_errors=True)


def measure(repo: Path, project: Path, runs: int, progress: Callable[[str], None] = print) -> Figures:
    """Serve ``project`` (a corpus or a copy of the real site) and time every kind of change ``runs`` times.

    After the last edit the served site is compared, file for file, with a
    clean full build of the same files (``Figures.differences``).
    """
    config = write_config(repo, project)
    server = Server(repo, config)
    figures = Figures()
    try:
        figures.first_build = server.wait_started()
        progress(f"first build and server: {figures.first_build:.1f} s")
        edits = Edits(project, config)
        for run in range(runs):
            for kind, edit in edits.kinds():
                if kind in FULL and run:
                    continue
                server.wait_quiet()
                change = edit(run)
                seconds = _until(server, change)
                figures.seconds.setdefault(kind, []).append(seconds)
                progress(f"{kind} (run {run + 1}): {seconds:.2f} s")
        server.wait_quiet()
        figures.peak_mb = server.peak_mb()
        figures.differences = full_build_differences(config, server.site, server.url(""))
        progress(f"served site against a clean full build: {len(figures.differences)} files differ")
    finally:
        server.stop()
    return figures


def full_build_differences(config: Path, site: Path, url: str) -> list[str]:
    """The files in which ``site`` differs from a clean full build of ``config`` served at ``url``."""
    reference = Path(tempfile.mkdtemp(prefix="preview-reference-"))
    try:
        command = [sys.executable, "-c", REFERENCE, str(config), str(reference), url]
        subprocess.run(command, check=True, capture_output=True, cwd=config.parent)
        return differences(files(site), files(reference))
    finally:
        shutil.rmtree(reference, ignore_errors=True)


REFERENCE = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
config = load_config(config_file=sys.argv[1], site_dir=sys.argv[2])
config.site_url = sys.argv[3]
config.plugins.on_startup(command="serve", dirty=False)
build(config, serve_url=sys.argv[3])
"""  # the full build `mkdocs serve` makes of the same files, in a new process


def _until(server: Server, change: Change) -> float:
    """Seconds from now until the page of ``change`` is served changed."""
    start = time.perf_counter()
    path = _site_path(change.src)
    while True:
        status, body = server.get(path)
        seconds = time.perf_counter() - start
        if change.done(status, body):
            return seconds
        if seconds > TIMEOUT:
            raise RuntimeError(f"{change.kind}: {path} did not change in {TIMEOUT:.0f} s; see {server.log}")
        time.sleep(POLL)


def _site_path(src: str) -> str:
    """Where the page of a docs path is served (directory URLs); a static file is served at its own path."""
    if not src.endswith(".md"):
        return src
    stem = src.removesuffix(".md")
    stem = stem.removesuffix("index") if stem == "index" or stem.endswith("/index") else stem + "/"
    return stem


def _shows(marker: str) -> Callable[[int, bytes], bool]:
    token = marker.encode()
    return lambda status, body: status == 200 and token in body


def _gone(status: int, body: bytes) -> bool:
    return status == 404


class Edits:
    """The kinds of change of the issue, each a function of the run's number that saves one change."""

    def __init__(self, project: Path, config: Path) -> None:
        self.project, self.config = project, config
        self.docs = project / "docs"
        self.note = min((self.docs / "commentary").glob("*/*.md"), key=lambda p: (p.name == "index.md", p.as_posix()))
        self.entry = min(p for p in (self.docs / "glossary").glob("*.md") if p.name != "index.md")
        self.source = min((project / "sources").glob("*.txt"))

    def kinds(self) -> list[tuple[str, Callable[[int], Change]]]:
        return [
            ("note edited", self.note_edited),
            ("note added", self.note_added),
            ("note deleted", self.note_deleted),
            ("entry edited", self.entry_edited),
            ("entry added", self.entry_added),
            ("entry renamed", self.entry_renamed),
            ("essay re-imported", self.essay_reimported),
            ("hand-written page", self.hand_written),
            ("style sheet", self.style_sheet),
            ("template", self.template),
            ("mkdocs.yml", self.mkdocs_yml),
        ]

    def _src(self, path: Path) -> str:
        return path.relative_to(self.docs).as_posix()

    def note_edited(self, run: int) -> Change:
        marker = f"Zqnote{run}x"
        _append(self.note, f"\n\nEdited for the benchmark: {marker}.\n")
        return Change("note edited", self._src(self.note), _shows(marker))

    def _added_note(self) -> Path:
        return self.note.with_name("zz-benchmark-note.md")

    def note_added(self, run: int) -> Change:
        meta, _ = frontmatter.split(self.note.read_text(encoding="utf-8"))
        marker = f"Zqnew{run}x"
        meta["title"] = f"A note added by the benchmark {marker}"
        added = self._added_note()
        added.write_text(frontmatter.dump(meta, f"Added for the benchmark: {marker}.\n"), encoding="utf-8")
        return Change("note added", self._src(added), _shows(marker))

    def note_deleted(self, run: int) -> Change:
        added = self._added_note()
        added.unlink()
        return Change("note deleted", self._src(added), _gone)

    def entry_edited(self, run: int) -> Change:
        marker = f"Zqsummary{run}x"
        _set_meta(self.entry, summary=f"A summary edited for the benchmark, {marker}.")
        return Change("entry edited", self._src(self.entry), _shows(marker))

    def entry_added(self, run: int) -> Change:
        marker = f"Zqentry{run}x"
        added = self.entry.with_name(f"zz-benchmark-entry-{run}.md")
        meta = {"title": f"Benchmark entry {marker}", "summary": "An entry added by the benchmark."}
        added.write_text(frontmatter.dump(meta, "Added for the benchmark.\n"), encoding="utf-8")
        return Change("entry added", self._src(added), _shows(marker))

    def entry_renamed(self, run: int) -> Change:
        """A new name among the entry's aliases: every page that holds it links it now."""
        marker = f"Zqalias{run}x"
        meta, _ = frontmatter.split(self.entry.read_text(encoding="utf-8"))
        _set_meta(self.entry, aliases=[*meta.get("aliases", []), marker])
        return Change("entry renamed", self._src(self.entry), _shows(marker))

    def essay_reimported(self, run: int) -> Change:
        """A word added to a paragraph in the middle of the essay's text (a long block: never a heading)."""
        marker = f"Zqessay{run}x"
        blocks = self.source.read_text(encoding="utf-8").split("\n\n")
        middle = [i for i, block in enumerate(blocks) if len(block) > 200][len(blocks) // 4 :]
        blocks[middle[0]] = blocks[middle[0]].replace(" ", f" {marker} ", 1)
        self.source.write_text("\n\n".join(blocks), encoding="utf-8")
        import_essay(self.source, self.project, message=f"Benchmark edit {run}")  # a changed text is a revision
        page = next(p for p in (self.docs / "essays").glob("*/*.md") if marker in p.read_text(encoding="utf-8"))
        return Change("essay re-imported", self._src(page), _shows(marker))

    def hand_written(self, run: int) -> Change:
        marker = f"Zqhome{run}x"
        _append(self.docs / "index.md", f"\n\nEdited for the benchmark: {marker}.\n")
        return Change("hand-written page", "index.md", _shows(marker))

    def style_sheet(self, run: int) -> Change:
        marker = f"Zqstyle{run}x"
        sheet = min((self.docs / "assets").rglob("*.css"))
        _append(sheet, f"\n/* {marker} */\n")
        return Change("style sheet", self._src(sheet), _shows(marker))

    def template(self, run: int) -> Change:
        marker = f"Zqtemplate{run}x"
        main = self.project / "overrides" / "main.html"
        text = main.read_text(encoding="utf-8")
        block = "{% block extrahead %}"
        main.write_text(text.replace(block, f'{block}\n  <meta name="x-benchmark" content="{marker}">', 1), "utf-8")
        return Change("template", "index.md", _shows(marker))

    def mkdocs_yml(self, run: int) -> Change:
        marker = f"Zqsite{run}x"
        config = yaml.safe_load(self.config.read_text(encoding="utf-8"))
        config["site_description"] = f"Described for the benchmark, {marker}"
        self.config.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
        return Change("mkdocs.yml", "index.md", _shows(marker))


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _set_meta(path: Path, **values: object) -> None:
    meta, body = frontmatter.split(path.read_text(encoding="utf-8"))
    path.write_text(frontmatter.dump({**meta, **values}, body), encoding="utf-8")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def differences(preview: dict[str, bytes], full: dict[str, bytes]) -> list[str]:
    """Every file that is not the same in the two sites; the search index may differ in the order of its entries."""
    found = [f"only in the preview: {name}" for name in sorted(preview.keys() - full.keys())]
    found += [f"only in the full build: {name}" for name in sorted(full.keys() - preview.keys())]
    for name in sorted(preview.keys() & full.keys()):
        if preview[name] == full[name]:
            continue
        if name == SEARCH_INDEX and same_entries(preview[name], full[name]):
            continue
        found.append(f"differs: {name}")
    return found


def same_entries(one: bytes, other: bytes) -> bool:
    """Whether two search indexes hold the same settings and the same entries, in any order."""
    a, b = json.loads(one), json.loads(other)
    entries = [sorted(json.dumps(entry, sort_keys=True) for entry in index["docs"]) for index in (a, b)]
    return a["config"] == b["config"] and entries[0] == entries[1]


def table(results: dict[str, Figures]) -> str:
    """One row per kind of change, one column per library: median seconds (and the range when measured again)."""
    names = list(results)
    kinds = list(dict.fromkeys(kind for figures in results.values() for kind in figures.seconds))
    rows = [["change", *names], ["first build", *(f"{results[n].first_build:.1f}" for n in names)]]
    rows.append(["files unlike a full build", *(str(len(results[n].differences)) for n in names)])
    rows.append(["server's peak memory, MB", *(_megabytes(results[n].peak_mb) for n in names)])
    for kind in kinds:
        cells = []
        for name in names:
            runs = results[name].seconds.get(kind, [])
            spread = f" ({min(runs):.2f}-{max(runs):.2f})" if len(runs) > 1 else ""
            cells.append(f"{statistics.median(runs):.2f}{spread}" if runs else "-")
        rows.append([kind, *cells])
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows)


def _megabytes(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f}"
