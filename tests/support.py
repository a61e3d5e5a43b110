"""Paths the tests share (importable: pytest's importlib mode does not import conftest by name)."""

import os
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "sources" / "wandering-earth-ii.txt"
FIXTURE_SOURCES = ROOT / "tests" / "fixtures" / "sources"


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file of the project tree except the tools' cache (``.cache/``, not part of the site)."""
    files = (p for p in sorted(root.rglob("*")) if p.is_file() and ".cache" not in p.relative_to(root).parts)
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in files}


def property_settings(examples: int, long_examples: int, switch: str) -> settings:
    """A property test's settings: ``examples`` in ``make test``, ``long_examples`` when ``$switch`` is ``long``.

    ``make test-long`` sets the switches. Each example builds or imports a
    site, so there is no deadline and Hypothesis's speed checks are off.
    """
    long = os.environ.get(switch) == "long"
    return settings(
        max_examples=long_examples if long else examples,
        deadline=None,
        print_blob=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


def build_real_site(out: Path) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict`` of the real site into ``out``, in a new process; the caller judges the result."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--quiet",
            "-f",
            str(ROOT / "mkdocs.yml"),
            "-d",
            str(out),
        ],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
    )
