"""Load glossary entries from ``docs/glossary/<slug>.md`` into :class:`Term` objects.

Loading never stops at a bad entry: each problem becomes a :class:`Problem`
naming the file, and the rest of the glossary still loads, so a contributor
sees every mistake in one build. Entries come from strangers like notes: only
the files :mod:`edition.content.contributed.guard` accepts are read, each through the
bounded reader, and the front matter is checked by :mod:`edition.content.term_schema`;
an entry whose title is usable loads with the fields that passed, so links to it
still resolve while its file is fixed.
"""

from __future__ import annotations

import re
from functools import partial
from pathlib import Path

from edition.content import term_schema as schema
from edition.content.contributed.folders import GLOSSARY
from edition.content.contributed.guard import accepted_files
from edition.content.contributed.names import ascii_name
from edition.content.memo import FILE, LISTING, NO_MEMO, Memo
from edition.content.model import Term
from edition.content.problems import Problem
from edition.content.text import normalize

_ARTICLE = re.compile(r"^(the|a|an)\s+", re.I)


def term_title(words: str) -> str:
    """The entry title for linked words: ``the Belt and Road Initiative`` -> ``Belt and Road Initiative``."""
    return _ARTICLE.sub("", normalize(words)).strip(" '\".,") or normalize(words)


def term_slug(words: str) -> str:
    """The entry file name (without ``.md``) for linked words, as :mod:`edition.content.contributed.names` allows it.

    Words with no ASCII spelling (``北京``) are named by their code points
    (``u5317-u4eac``): a valid, stable and distinct name the entry's writer
    may change.
    """
    title = term_title(words)
    return ascii_name(title, "-".join(f"u{ord(char):x}" for char in title if char.isalnum()) or "term")


def load_term(path: Path, rel: str) -> tuple[Term | None, list[Problem]]:
    """One entry, or None with the reasons it could not be read; an entry with a usable title loads."""
    parsed, unread = GLOSSARY.read_front_matter(path, rel)
    if parsed is None:
        return None, unread
    clean, errors = schema.validate(parsed.meta)
    problems = [parsed.problem(rel, error) for error in errors]
    if not clean["title"]:
        return None, problems
    meta = schema.page_meta(clean)
    term = Term(path.stem, path=rel, body=parsed.body, meta=meta, **clean)
    term.body_line, term.lines = parsed.body_line, parsed.lines
    return term, problems


def load_terms(docs_dir: Path, root: Path, memo: Memo = NO_MEMO) -> tuple[dict[str, Term], list[Problem]]:
    """Every entry under ``docs_dir/glossary`` keyed by slug, and the problems met; ``memo`` keeps each reading."""
    terms: dict[str, Term] = {}
    folder = (docs_dir / GLOSSARY.name).as_posix()
    files, refused = memo.path("entries", LISTING, folder, lambda: accepted_files(docs_dir, root, GLOSSARY))
    problems = list(refused)
    for _, path, rel in files:
        term, found = memo.path("entry", FILE, path.as_posix(), partial(load_term, path, rel))
        problems.extend(found)
        if term:
            terms[term.slug] = term
    return terms, problems


def name_index(terms: dict[str, Term]) -> dict[str, str]:
    """Lower-cased title or alias -> slug (the first entry to claim a name keeps it)."""
    index: dict[str, str] = {}
    for slug, term in terms.items():
        for name in term.names():
            index.setdefault(normalize(name).lower(), slug)
    return index
