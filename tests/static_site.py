"""For the browser tests: a built site served as readers get it (scripts/serve_static.py)."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from support import ROOT


@contextmanager
def served(site: Path, base: str | None = None) -> Iterator[str]:
    """Serve ``site`` with scripts/serve_static.py on a free port; yield its address, stop it after.

    ``base`` is the path it lives under (by default the real site's, from mkdocs.yml).
    """
    where = ["--base", base] if base else []
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "scripts" / "serve_static.py"), str(site), "--port", "0", *where],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        line = server.stdout.readline() if server.stdout else ""
        match = re.search(r"http://127\.0\.0\.1:\d+/\S*", line)
        if not match:
            pytest.fail(f"the static server did not start: {line!r}", pytrace=False)
        yield match.group(0)
    finally:
        server.terminate()
        server.wait(timeout=10)
