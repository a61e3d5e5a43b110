"""The bridge between MkDocs events and the edition's model.

Hook files are separate modules that MkDocs loads one by one; they share the
model of the current build through :func:`current`, loaded once in
``on_config`` by the essays hook (and reset there on every rebuild, since
``mkdocs serve`` does not reload hook modules).
"""

from __future__ import annotations

from pathlib import Path

from edition.gcpause import gc_paused
from edition.site import Site, load_site

_current: Site | None = None


def load(docs_dir: str, config_file: str | None) -> Site:
    """Load the model for a new build and make it current."""
    global _current
    docs = Path(docs_dir).resolve()
    root = Path(config_file).resolve().parent if config_file else docs.parent
    with gc_paused():  # thousands of files' worth of objects, no cycles
        _current = load_site(docs, root)
    return _current


def current() -> Site:
    """The model of the build in progress."""
    if _current is None:
        raise RuntimeError("the essays hook must be listed first in mkdocs.yml 'hooks:'")
    return _current
