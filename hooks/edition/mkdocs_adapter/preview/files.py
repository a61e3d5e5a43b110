"""The site's file list as a step changes it: a note or entry added takes the place MkDocs would give it.

A full build lists the docs folder with ``os.walk`` (folders in name order,
a folder's files before its sub-folders, ``index.md`` first), then the
theme's files, then the files the parts generate. The order of the pages
is the order of the search index and of the sitemap, so a page a step adds
goes where that walk would have put it (:func:`insert`), and the site's
files stay byte for byte those of a full build.
"""

from __future__ import annotations

import os
from bisect import bisect
from pathlib import Path

from mkdocs.structure.files import File, Files

WalkKey = tuple[tuple[int, object], ...]


def walk_key(src: str) -> WalkKey:
    """Where ``os.walk`` (as MkDocs sorts it) meets the file ``src``: a folder's files first, then its folders."""
    *folders, name = src.split("/")
    first = os.path.splitext(name)[0] not in ("index", "README")  # MkDocs' _file_sort_key
    return (*((1, folder) for folder in folders), (0, (first, name)))


def insert(files: Files, file: File, docs_dir: str) -> Files:
    """A new file list: ``files`` with ``file``, a file of the docs folder, where MkDocs would list it."""
    items = list(files)
    docs = os.path.abspath(docs_dir)
    listed = [n for n, f in enumerate(items) if f.src_dir and os.path.abspath(f.src_dir) == docs and not f.generated_by]
    at = bisect([walk_key(items[n].src_uri) for n in listed], walk_key(file.src_uri))
    position = listed[at] if at < len(listed) else (listed[-1] + 1 if listed else 0)
    items.insert(position, file)
    return Files(items)


def remove_output(file: File, site_dir: str) -> None:
    """Delete a page's written file, and the folders that leaves empty (a full build would not make them)."""
    path = Path(file.abs_dest_path)
    path.unlink(missing_ok=True)
    site = Path(site_dir).resolve()
    folder = path.parent
    while folder.resolve() != site and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
