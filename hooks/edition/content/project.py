"""Where a project keeps its pages: the ``docs_dir`` of its mkdocs.yml, read as MkDocs reads it.

The command-line tools work on a project folder without running MkDocs; a
project that names another docs folder in mkdocs.yml must not have its
tools write into ``docs/``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

from edition.content.site import Site, load_site

CONFIG = "mkdocs.yml"
DEFAULT_DOCS = "docs"  # MkDocs' own default


class ProjectError(ValueError):
    """The project's mkdocs.yml cannot be read; the message names it and says why."""


class _Loader(yaml.SafeLoader):
    """A safe loader that reads MkDocs' own tags (``!ENV``, ``!!python/name:``) as nothing, never running them."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def docs_dir(root: Path) -> Path:
    """``root``'s docs folder: mkdocs.yml's ``docs_dir`` (relative to that file), ``root/docs`` by default."""
    config = root / CONFIG
    if not config.is_file():
        return root / DEFAULT_DOCS
    try:
        data: Any = yaml.load(config.read_text(encoding="utf-8"), Loader=_Loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ProjectError(f"{config}: cannot be read ({str(exc).splitlines()[0]})") from None
    value = data.get("docs_dir") if isinstance(data, dict) else None
    if value is not None and not isinstance(value, str):
        raise ProjectError(f"{config}: docs_dir must be a folder name, not {type(value).__name__}")
    return root / (value or DEFAULT_DOCS)


def existing_docs_dir(root: Path) -> Path:
    """``root``'s docs folder when it exists; else a :class:`ProjectError` a tool prints as its one line."""
    docs = docs_dir(root)
    if not docs.is_dir():
        raise ProjectError(f"{docs}: no docs folder here; pass --root")
    return docs


def open_project(root: Path, program: str) -> tuple[Path, Path, Site] | None:
    """The project at ``root`` as a command-line tool opens it: its absolute root, docs folder and site.

    None when the project has no docs folder or an unreadable mkdocs.yml,
    after printing the one line that says so, ``program: message``; the
    tool then exits 2. What the site's files hold is the site's problems,
    not this function's.
    """
    root = root.resolve()
    try:
        docs = existing_docs_dir(root)
    except ProjectError as exc:
        print(f"{program}: {exc}", file=sys.stderr)
        return None
    return root, docs, load_site(docs, root)
