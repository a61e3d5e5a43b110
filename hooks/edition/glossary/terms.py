"""Load glossary entries from ``docs/glossary/<slug>.md`` into :class:`Term` objects.

Loading never stops at a bad entry: each problem becomes a :class:`Problem`
naming the file, and the rest of the glossary still loads, so a contributor
sees every mistake in one build. The front matter is checked by
:mod:`edition.glossary.schema`; an entry whose title is usable loads with
the fields that passed, so links to it still resolve while its file is fixed.
"""

from __future__ import annotations

import re
from pathlib import Path

from edition import frontmatter
from edition.glossary import schema
from edition.model import Term
from edition.problems import Problem
from edition.text import normalize, slugify

GLOSSARY_DIR = "glossary"
INDEX_PAGE = "index.md"
_ARTICLE = re.compile(r"^(the|a|an)\s+", re.I)


def term_title(words: str) -> str:
    """The entry title for linked words: ``the Belt and Road Initiative`` -> ``Belt and Road Initiative``."""
    return _ARTICLE.sub("", normalize(words)).strip(" '\".,") or normalize(words)


def term_slug(words: str) -> str:
    """The entry file name (without ``.md``) for linked words."""
    return slugify(term_title(words))


def load_term(path: Path, rel: str) -> tuple[Term | None, list[Problem]]:
    """One entry, or None with the reasons it could not be read; an entry with a usable title loads."""
    try:
        meta, body = frontmatter.split(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        return None, [Problem(rel, "is not UTF-8 text.", "Save it as UTF-8.")]
    except frontmatter.FrontMatterError as exc:
        return None, [Problem(rel, f"{exc}.", "Fix the lines between the two '---'.")]
    clean, errors = schema.validate(meta)
    problems = [Problem(rel, error) for error in errors]
    if not clean["title"]:
        return None, problems
    term = Term(slug=path.stem, path=rel, body=body, meta=schema.page_meta(clean, meta), **clean)
    return term, problems


def load_terms(docs_dir: Path, root: Path) -> tuple[dict[str, Term], list[Problem]]:
    """Every entry under ``docs_dir/glossary`` keyed by slug, and the problems met."""
    terms: dict[str, Term] = {}
    problems: list[Problem] = []
    folder = docs_dir / GLOSSARY_DIR
    for path in sorted(folder.glob("*.md")):
        if path.name == INDEX_PAGE:
            continue
        term, found = load_term(path, path.relative_to(root).as_posix())
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
