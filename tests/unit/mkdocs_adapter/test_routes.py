"""The handlers every hook file shares: here, the objects frozen for the pages and thawed after the build.

Each build is run in this process with MkDocs' own ``build``, with a spy
hook listed after the edition's, because what is tested is the state of
this process's collector: frozen while the pages are built, nothing left
frozen after a build that ends or one that stops.
"""

from __future__ import annotations

import gc
import json
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from import_site import site_with_real_essay

SPY = """
import gc, json
from pathlib import Path

OUT = Path({out!r})


def on_page_content(html, page, config, files):
    counts = json.loads(OUT.read_text()) if OUT.exists() else []
    OUT.write_text(json.dumps(counts + [gc.get_freeze_count()]))
    if {stop!r} and page.file.src_uri.endswith("index.md") and "essays/" in page.file.src_uri:
        raise RuntimeError("stopped by the test")
    return html
"""


def built(tmp_path: Path, stop: bool) -> tuple[list[int], Exception | None]:
    """Build the real essay's fixture with the spy; the freeze counts it saw, and what stopped the build."""
    project = site_with_real_essay(tmp_path)
    out = tmp_path / "counts.json"
    (tmp_path / "spy.py").write_text(SPY.format(out=str(out), stop=stop), encoding="utf-8")
    config_file = project / "mkdocs.yml"
    text = config_file.read_text(encoding="utf-8")
    config_file.write_text(text.replace("hooks:\n", f"hooks:\n  - {tmp_path / 'spy.py'}\n", 1), encoding="utf-8")
    stopped = None
    try:
        build(load_config(config_file=str(config_file), site_dir=str(tmp_path / "site")))
    except Exception as error:  # the build that stops is one of the cases
        stopped = error
    return json.loads(out.read_text()), stopped


@pytest.mark.parametrize("stop", [False, True], ids=["a build that ends", "a build that stops"])
def test_what_lives_through_the_build_is_frozen_for_its_pages_and_thawed_after(tmp_path: Path, stop: bool) -> None:
    gc.unfreeze()
    counts, stopped = built(tmp_path, stop)
    assert counts and min(counts) > 10_000  # the model, the files and the converters, for every page
    assert gc.get_freeze_count() == 0
    assert (str(stopped) if stopped else None) == ("stopped by the test" if stop else None)
