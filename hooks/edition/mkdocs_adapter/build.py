"""The bridge between MkDocs events and the edition's model.

Hook files are separate modules that MkDocs loads one by one; they share the
model of the current build through :func:`current`, loaded once in
``on_config`` by the essays hook, and every file's address through
:func:`urls`, read once in its ``on_nav`` (and reset there on every rebuild, since
``mkdocs serve`` does not reload hook modules).
"""

from __future__ import annotations

from pathlib import Path

from edition.content.gcpause import gc_paused
from edition.content.site import Site, load_site

_current: Site | None = None
_urls: dict[str, str] = {}


def load(docs_dir: str, config_file: str | None) -> Site:
    """Load the model for a new build and make it current."""
    global _current, _urls
    _urls = {}
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


def set_urls(addresses: dict[str, str]) -> None:
    """Record every file's site-relative URL by ``src_uri``, once all hooks have added their files."""
    global _urls
    _urls = addresses


def urls() -> dict[str, str]:
    """Every file's site-relative URL by ``src_uri`` (empty before the navigation is built).

    Read once per build, so that a link between pages is a lookup and
    :func:`edition.addresses.relative_url`, the same arithmetic as MkDocs'
    ``url_relative_to`` at a fraction of its cost over many thousands of notes.
    """
    return _urls
