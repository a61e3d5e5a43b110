"""Load glossary entries from ``docs/glossary/<slug>.md`` into :class:`Term` objects.

Loading never stops at a bad entry: each problem becomes a :class:`Problem`
naming the file, and the rest of the glossary still loads, so a contributor
sees every mistake in one build. Entries come from strangers like notes: only
the files :mod:`edition.contributed.guard` accepts are read, each through the
bounded reader.
"""

from __future__ import annotations

import re
from pathlib import Path

from edition import frontmatter
from edition.contributed.folders import GLOSSARY
from edition.contributed.guard import scan
from edition.contributed.names import ascii_name
from edition.model import Source, Term
from edition.problems import Problem
from edition.text import normalize

GLOSSARY_DIR = GLOSSARY.name
_ARTICLE = re.compile(r"^(the|a|an)\s+", re.I)


def term_title(words: str) -> str:
    """The entry title for linked words: ``the Belt and Road Initiative`` -> ``Belt and Road Initiative``."""
    return _ARTICLE.sub("", normalize(words)).strip(" '\".,") or normalize(words)


def term_slug(words: str) -> str:
    """The entry file name (without ``.md``) for linked words, as :mod:`edition.contributed.names` allows it.

    Words with no ASCII spelling (``北京``) are named by their code points
    (``u5317-u4eac``): a valid, stable and distinct name the entry's writer
    may change.
    """
    title = term_title(words)
    return ascii_name(title, "-".join(f"u{ord(char):x}" for char in title if char.isalnum()) or "term")


def _sources(value, path: str, problems: list[Problem]) -> list[Source]:
    out: list[Source] = []
    for item in value or []:
        if isinstance(item, dict) and isinstance(item.get("title"), str) and isinstance(item.get("url"), str):
            out.append(Source(item["title"], item["url"]))
        else:
            problems.append(Problem(path, "'sources' entries need a 'title' and a 'url'.", "Write each as '- title: ...' then '  url: https://...'."))
    return out


def _strings(value, field: str, path: str, problems: list[Problem]) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    problems.append(Problem(path, f"'{field}' must be a list of words.", f"Write it as '{field}:' followed by '- ...' lines."))
    return []


def load_term(path: Path, rel: str) -> tuple[Term | None, list[Problem]]:
    """One entry, or None with the reasons it could not be read."""
    problems: list[Problem] = []
    text, unread = GLOSSARY.read_text(path, rel)
    if text is None:
        return None, unread
    try:
        meta, body = frontmatter.split(text)
    except frontmatter.FrontMatterError as exc:
        return None, [Problem(rel, f"{exc}.", "Fix the lines between the two '---'.")]
    title = meta.get("title")
    if not isinstance(title, str) or not title.strip():
        return None, [Problem(rel, "has no 'title' in its front matter.", "Add 'title: <the term>'.")]
    summary = meta.get("summary")
    term = Term(
        slug=path.stem,
        title=title.strip(),
        summary=summary.strip() if isinstance(summary, str) else "",
        path=rel,
        aliases=_strings(meta.get("aliases"), "aliases", rel, problems),
        zh=str(meta.get("zh") or ""),
        see_also=_strings(meta.get("see_also"), "see_also", rel, problems),
        sources=_sources(meta.get("sources"), rel, problems),
        status=str(meta.get("status") or ""),
        body=body,
        meta=meta,
        body_line=frontmatter.body_line(text, body),
    )
    return term, problems


def load_terms(docs_dir: Path, root: Path) -> tuple[dict[str, Term], list[Problem]]:
    """Every entry under ``docs_dir/glossary`` keyed by slug, and the problems met."""
    terms: dict[str, Term] = {}
    problems: list[Problem] = []
    docs_rel = docs_dir.relative_to(root).as_posix()
    accepted, refused = scan(docs_dir, GLOSSARY, docs_rel)
    problems += [refusal.problem(docs_rel) for refusal in refused]
    for src, entry in accepted:
        term, found = load_term(Path(entry.path), f"{docs_rel}/{src}")
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
