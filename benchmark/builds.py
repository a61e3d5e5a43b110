"""The three builds the benchmark compares, each run as a child process and measured from outside.

- ``a``: the project's ``mkdocs.yml`` as it is, every hook on;
- ``b``: the same without the project's hooks (the bare MkDocs + Material build
  of the same Markdown);
- ``c``: ``b`` plus mkdocs-htmlproofer-plugin checking internal links and
  anchors in each page's full output (``validate_rendered_template``: what the
  project's link checker covers), external addresses off. ``c - b`` is
  htmlproofer's own cost, to compare with the link-check stage of ``a``.

The configurations are derived from the real ``mkdocs.yml`` on every run, so
hooks added to it later are benchmarked without changing this file. Wall time
comes from ``time.perf_counter`` around the child; CPU time (user + system)
and peak memory from the child's own rusage through ``os.wait4`` (not the
cumulative ``RUSAGE_CHILDREN``, which would mix builds).

Before the first build, :func:`compile_modules` writes the bytecode of the
project's modules, as Python does on a user's machine at the first build:
every build measured is then a later one. Without it, an environment that
sets ``PYTHONDONTWRITEBYTECODE`` (as some sandboxes and containers do) makes
every ``a`` build compile about a hundred modules again, a cost the bare
build, whose MkDocs and Material were compiled when pip installed them,
never pays.

For the same reason each corpus gets a cache folder of its own, and an
untimed-for-the-pairs first build of ``a`` fills it with the theme's
compiled templates (:mod:`edition.mkdocs_adapter.template_cache`), as a
user's first build does: every measured build of ``a`` is a later one. That
first build's CPU time is reported beside the medians, so what a first build
costs stays visible.
"""

from __future__ import annotations

import compileall
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from benchmark.stages import stage_seconds
from edition.addresses import WHOLE_ESSAY

VARIANTS = {
    "a": "hooks on",
    "b": "bare",
    "c": "bare + htmlproofer",
}
HTMLPROOFER = {
    "htmlproofer": {
        "enabled": True,
        "raise_error": False,
        "raise_error_after_finish": False,
        "validate_external_urls": False,
        "validate_rendered_template": True,
    }
}
TIMING_HOOK = "benchmark/timing_hook.py"  # relative to the repository
SEARCH_INDEX = "search/search_index.json"
PROJECT_MODULES = ("hooks", "benchmark")  # folders of the repository whose modules a build imports


class BuildFailed(RuntimeError):
    """A build exited with an error; the message carries the end of its log."""


@dataclass
class Build:
    """One measured build."""

    variant: str
    seconds: float  # wall clock
    cpu_seconds: float
    peak_rss_mb: float
    site_mb: float = 0.0
    search_index_mb: float = 0.0
    html_pages: int = 0
    stages: dict[str, float] = field(default_factory=dict)
    essay_page_kb: float = 0.0  # mean HTML of an essay's section pages: the navigation must not grow it


def variant_config(base: dict, variant: str, repo: Path, corpus: Path) -> dict:
    """The configuration of ``variant`` for a corpus whose ``docs/`` sits beside the written file."""
    config = json.loads(json.dumps(base))  # a deep copy of plain YAML data
    project_hooks = [str((repo / h).resolve()) for h in base.get("hooks", [])] if variant == "a" else []
    config["hooks"] = [str(repo / TIMING_HOOK), *project_hooks]
    if isinstance(config.get("theme"), dict) and config["theme"].get("custom_dir"):
        config["theme"]["custom_dir"] = str((repo / config["theme"]["custom_dir"]).resolve())
    config.pop("watch", None)
    config.pop("docs_dir", None)
    settings = config.setdefault("extra", {}).setdefault("edition", {})
    if "nav_tail" in settings:
        settings["nav_tail"] = corpus_nav_tail(settings["nav_tail"], corpus / "docs")
    if variant == "c":
        config["plugins"] = [*config.get("plugins", ["search"]), HTMLPROOFER]
    return config


def corpus_nav_tail(entries: list, docs: Path) -> list:
    """The site's extra navigation entries that the corpus has.

    The real site's own pages (such as the Performance page) are not in a
    synthetic corpus; the generated index pages are, when their folder is.
    """

    def present(target: str) -> bool:
        path = docs / target
        return path.exists() or (path.name == "index.md" and path.parent.is_dir())

    return [entry for entry in entries if all(present(t) for t in entry.values())]


def load_base(repo: Path) -> dict:
    """The project's ``mkdocs.yml`` as plain data."""
    try:
        return yaml.safe_load((repo / "mkdocs.yml").read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise BuildFailed(f"mkdocs.yml: cannot be read as plain YAML ({exc}); the benchmark copies it") from None


def write_configs(repo: Path, corpus: Path, variants: str) -> dict[str, Path]:
    """Write ``mkdocs-<v>.yml`` into ``corpus`` for each variant; return their paths."""
    base = load_base(repo)
    paths = {}
    for variant in variants:
        path = corpus / f"mkdocs-{variant}.yml"
        config = variant_config(base, variant, repo, corpus)
        path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
        paths[variant] = path
    return paths


def folder_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def essay_page_kb(site: Path) -> float:
    """The mean size of an essay's section pages (``essays/<slug>/<section>/index.html``), 0 if none.

    Whole-essay pages are left out: they grow with their essay, not with the library.
    """
    sizes = [p.stat().st_size for p in site.glob("essays/*/*/index.html") if p.parent.name != WHOLE_ESSAY]
    return sum(sizes) / len(sizes) / 1000 if sizes else 0.0


def compile_modules(repo: Path) -> bool:
    """Write the bytecode of the modules a build imports from ``repo``; whether all compiled (see the module)."""
    return all(compileall.compile_dir(repo / folder, quiet=1) for folder in PROJECT_MODULES)


def run_build(repo: Path, config: Path, variant: str, site: Path, cache: Path | None = None) -> Build:
    """Build ``config`` into ``site`` in a child process; measure it, then delete ``site``.

    Variant ``a`` is built with ``--strict``: the corpus must be a valid
    edition, or the benchmark would time error paths. ``cache`` is the
    user's cache folder the child sees (``XDG_CACHE_HOME``): where the
    hooks keep the theme's compiled templates between builds.
    """
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site)]
    command += ["--strict"] if variant == "a" else []
    log = config.with_suffix(f".{variant}.log")
    timings = config.parent / f"timings-{variant}.json"
    timings.unlink(missing_ok=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BENCH_TIMINGS": str(timings)}
    if cache is not None:
        env["XDG_CACHE_HOME"] = str(cache)
    with log.open("wb") as out:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=config.parent)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace").splitlines()[-15:]
        raise BuildFailed(f"{config.name}: mkdocs build exited {child.returncode}:\n" + "\n".join(tail))
    build = Build(variant, seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)  # Linux: kilobytes
    build.stages = stage_seconds(json.loads(timings.read_text(encoding="utf-8")))
    build.site_mb = folder_mb(site)
    index = site / SEARCH_INDEX
    build.search_index_mb = index.stat().st_size / 1e6 if index.exists() else 0.0
    build.essay_page_kb = essay_page_kb(site)
    build.html_pages = sum(1 for _ in site.rglob("*.html"))
    shutil.rmtree(site)
    return build
