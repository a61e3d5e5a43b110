"""What a set of changed files asks of the preview: nothing, a few pages, or the whole site again.

Each changed path is sorted by what it is:

=====================================================  =================================================
changed path                                           what the preview does
=====================================================  =================================================
``mkdocs.yml``                                         builds the whole site again (any setting may change
                                                       any page)
a template (the theme's ``custom_dir``)                builds the whole site again (every page is made
                                                       from the templates)
a watched path outside the docs folder (``hooks/``)    builds the whole site again; Python code already
                                                       loaded is not reloaded: restart ``make serve``
``sources/``                                           nothing: the texts as received; the importer reads
                                                       them, the build never does
a hidden or excluded file in the docs folder           nothing: MkDocs neither publishes nor reads it
                                                       (``.import.json``, an editor's swap file)
a note or glossary entry, edited, added or removed     builds again the pages that show it
an essay's page or a hand-written page, edited         builds again the pages that show it (the whole site
                                                       if the navigation changes: every page shows it)
another page, added or removed                         builds the whole site again (the navigation)
a style sheet, script or picture, edited               copies it (no page holds its content)
a style sheet, script or picture, added or removed     builds the whole site again (links to it)
anything turned into a link, a folder or a device      builds the whole site again
=====================================================  =================================================

The whole site is also built again when the date changes (every page's
``update_date`` is the build's date) and when a part cannot follow a change
(:meth:`edition.mkdocs_adapter.build.EditionBuild.refresh`).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, set_exclusions
from mkdocs.utils import is_markdown_file

from edition.content.contributed.folders import FOLDERS
from edition.content.snapshot import Changes
from edition.features.importer.run import SOURCES_DIR


@dataclass
class Plan:
    """What to do about one set of changes; ``full`` says why the whole site must be built, if it must."""

    full: str = ""
    pages: set[str] = field(default_factory=set)  # docs pages whose source changed
    contributed: set[str] = field(default_factory=set)  # notes and entries added or removed
    statics: set[str] = field(default_factory=set)  # files to copy as they are
    ignored: set[str] = field(default_factory=set)  # paths no page depends on

    def describe(self) -> str:
        """A few words for the log: which files changed."""
        names = sorted(self.pages | self.contributed | self.statics)
        shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
        return shown or "nothing the site shows"


def plan(changes: Changes, config: MkDocsConfig) -> Plan:
    """Sort every changed path of ``changes`` (see the module's table)."""
    found = Plan()
    docs = Path(config.docs_dir).absolute().as_posix()
    config_file = Path(config.config_file_path).absolute().as_posix() if config.config_file_path else ""
    root = posixpath.dirname(config_file) if config_file else posixpath.dirname(docs)
    custom = config.theme.custom_dir
    theme = Path(custom).absolute().as_posix() if custom else None
    for path in sorted(changes.changed):
        if path == config_file:
            return Plan(full=f"{posixpath.basename(path)} changed")
        if theme and _under(path, theme):
            return Plan(full=f"a template changed ({posixpath.relpath(path, root)})")
        if _under(path, posixpath.join(root, SOURCES_DIR)):
            found.ignored.add(path)
            continue
        if not _under(path, docs):
            return Plan(full=f"{posixpath.relpath(path, root)} changed (restart make serve for changes to Python code)")
        src = posixpath.relpath(path, docs)
        why = _docs_file(src, path, changes, config, found)
        if why:
            return Plan(full=why)
    return found


def _docs_file(src: str, path: str, changes: Changes, config: MkDocsConfig, found: Plan) -> str:
    """Sort one changed file of the docs folder into ``found``; why the whole site must be built, or ""."""
    if path in changes.retyped or (path in changes.added and not Path(path).is_file()) or Path(path).is_symlink():
        return f"{src} is no longer a plain file"
    file = File(src, config.docs_dir, config.site_dir, config.use_directory_urls)
    set_exclusions([file], config)
    if file.inclusion.is_excluded():
        found.ignored.add(path)
        return ""
    moved = path in changes.moved
    if src.partition("/")[0] in FOLDERS:
        (found.contributed if moved else found.pages).add(src)
        return ""
    if moved:
        return f"{src} was {'added' if path in changes.added else 'removed'}"
    (found.pages if is_markdown_file(src) else found.statics).add(src)
    return ""


def _under(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip("/") + "/")
