"""The glossary's names (titles and aliases) for the importer, without re-reading every entry.

Each import must know every title and alias to point ``[words](#)`` at the
right entry, but parsing thousands of entries' front matter for each essay
made importing a library quadratic. The names of each entry are kept in a
cache file (``.cache/glossary-names.json``, not part of the site) keyed by
the entry's modification time and size, so an import reads only the
entries that changed since the last one and stats the rest.
"""

from __future__ import annotations

import json
from pathlib import Path

from edition.content.contributed.folders import GLOSSARY
from edition.content.contributed.guard import scan
from edition.content.files import write_atomic
from edition.content.terms import load_term
from edition.content.text import normalize

CACHE = Path(".cache") / "glossary-names.json"


class UnreadableEntry(ValueError):
    """An entry whose names cannot be known (its front matter cannot be read, or it has no usable title)."""


def _read_cache(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}  # a missing or damaged cache only costs a full read


def cached_name_index(docs_dir: Path, root: Path, *, save: bool = True) -> dict[str, str]:
    """Lower-cased title or alias -> entry slug, as ``terms.name_index(load_terms(...))`` gives.

    The first entry (in file-name order) to claim a name keeps it, as the
    build does; the linter reports the clash. ``save=False`` leaves the
    cache as it was (a dry run writes nothing). Raises :class:`UnreadableEntry`
    with the entry's first problem when an entry cannot be read: linking an
    essay without its names would point the words at a new stub instead.
    """
    cache_path = root / CACHE
    cached = _read_cache(cache_path)
    fresh: dict[str, dict] = {}
    index: dict[str, str] = {}
    docs_rel = docs_dir.relative_to(root).as_posix()
    accepted, _ = scan(docs_dir, GLOSSARY, docs_rel)  # refusals are the build's to report
    for src, item in accepted:  # directory entries: a stat each without pathlib's overhead, thousands of times
        rel = f"{docs_rel}/{src}"
        stat = item.stat(follow_symlinks=False)
        entry = cached.get(rel)
        if not entry or entry.get("mtime_ns") != stat.st_mtime_ns or entry.get("size") != stat.st_size:
            term, problems = load_term(Path(item.path), rel)
            if term is None:
                raise UnreadableEntry(str(problems[0]))
            entry = {"mtime_ns": stat.st_mtime_ns, "size": stat.st_size, "names": term.names()}
        fresh[rel] = entry
        for name in entry["names"]:
            index.setdefault(normalize(name).lower(), item.name[: -len(".md")])
    if save and fresh != cached:
        write_atomic(cache_path, json.dumps(fresh, ensure_ascii=False))
    return index
