"""The glossary linter: each rule is a function from the model to a list of problems.

Run during every build (so ``mkdocs build --strict`` fails on any of them)
and callable from tests without MkDocs. A problem with an entry's field is
on that field's line (``Term.lines``).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from edition.addresses import INDEX, glossary_entry, repo_path
from edition.content.memo import NO_MEMO, Memo
from edition.content.model import Comment, Essay, Term
from edition.content.nearest import Names
from edition.content.problems import Problem
from edition.content.text import normalize
from edition.features.glossary.backlinks import glossary_links

MAX_SUMMARY = 200
COMMON_WORDS = Path(__file__).with_name("common_words.txt")
_MARKUP = re.compile(r"[<>`*_\[\]]|\]\(|https?://")


def _did_you_mean(slug: str, known: Names) -> str:
    close = known.nearest(slug)
    return f"Did you mean '{close[0]}'? " if close else ""


def missing_targets(
    sources: list[tuple[str, str]], terms: dict[str, Term], docs_rel: str, memo: Memo = NO_MEMO
) -> list[Problem]:
    """Links to glossary entries that do not exist; ``sources`` is ``[(file, markdown), ...]``.

    The entries are listed once and each missing slug is looked up once: a
    note may name the same missing entry many times.
    """
    problems, known, hints = [], Names(terms), dict[str, str]()
    for path, text in sources:
        for slug in glossary_links(text, memo):
            if slug not in terms and slug != INDEX:
                if slug not in hints:
                    hints[slug] = _did_you_mean(slug, known) + f"Or create {repo_path(docs_rel, glossary_entry(slug))}."
                problems.append(Problem(path, f"links to glossary entry '{slug}', which does not exist.", hints[slug]))
    return problems


def see_also(terms: dict[str, Term]) -> list[Problem]:
    """``see_also`` slugs that name no entry."""
    known = Names(terms)
    return [
        Problem(
            term.path,
            f"'see_also' names '{slug}', which is not a glossary entry.",
            _did_you_mean(slug, known).strip(),
            term.lines.get("see_also"),
        )
        for term in terms.values()
        for slug in term.see_also
        if slug not in terms
    ]


def shared_names(terms: dict[str, Term]) -> list[Problem]:
    """A title or alias claimed by two entries: a mention could link to either."""
    owner: dict[str, Term] = {}
    problems = []
    for term in terms.values():
        for name in dict.fromkeys(normalize(n).lower() for n in term.names()):
            first = owner.setdefault(name, term)
            if first is not term:
                field = "title" if name == normalize(term.title).lower() else "aliases"
                problems.append(
                    Problem(
                        term.path,
                        f"claims the name '{name}', which {first.path} claims too.",
                        "Keep it in one entry's title or aliases.",
                        term.lines.get(field),
                    )
                )
    return problems


@functools.cache
def common_words() -> frozenset[str]:
    """The shipped list of the most common English words (see the head of the file for its source)."""
    lines = COMMON_WORDS.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def common_names(terms: dict[str, Term]) -> list[Problem]:
    """A title or alias that is one common English word would link that word in every essay ("power", "time")."""
    words = common_words()
    message = "{} '{}' is a common English word: every '{}' in the essays would link here."
    hint = "Use a more specific name (e.g. 'soft power', not 'power'); link the word by hand where it means this entry."
    return [
        Problem(
            term.path,
            message.format(field, name, word),
            hint,
            term.lines.get("title" if field == "title" else "aliases"),
        )
        for term in terms.values()
        for field, name in [("title", term.title), *(("alias", alias) for alias in term.aliases)]
        if (word := normalize(name).lower()) in words
    ]


def stubs(terms: dict[str, Term]) -> list[Problem]:
    """Entries the importer created as placeholders and nobody has written yet."""
    return [
        Problem(
            term.path,
            "is a stub.",
            "Write a summary and a few sentences with sources, then remove 'status: stub'.",
            term.lines.get("status"),
        )
        for term in terms.values()
        if term.status == "stub"
    ]


def summaries(terms: dict[str, Term]) -> list[Problem]:
    """Summaries are the hover text: present, short, plain text."""
    problems = []
    for term in terms.values():
        if term.status == "stub":
            continue  # reported once, as a stub
        line = term.lines.get("summary", 1)  # a missing summary is the front matter's: its first line
        if not term.summary:
            problems.append(Problem(term.path, "has no 'summary'.", "Add one plain sentence: 'summary: ...'.", line))
        elif len(term.summary) > MAX_SUMMARY:
            problems.append(
                Problem(
                    term.path,
                    f"'summary' is {len(term.summary)} characters long; the limit is {MAX_SUMMARY}.",
                    "Shorten it; the body can say more.",
                    line,
                )
            )
        elif _MARKUP.search(term.summary):
            problems.append(
                Problem(
                    term.path,
                    "'summary' contains markup; it is shown as plain hover text.",
                    "Remove links, HTML and '*', '_', '`' marks.",
                    line,
                )
            )
    return problems


def lint(
    terms: dict[str, Term], essays: list[Essay], comments: list[Comment], docs_rel: str, memo: Memo = NO_MEMO
) -> list[Problem]:
    """Every rule over the whole glossary, in one list; ``memo`` keeps the links each text holds."""
    linked_from: list[tuple[str, str]] = [(repo_path(docs_rel, p.page), p.text) for e in essays for p in e.paragraphs()]
    linked_from += [(c.path, c.body) for c in comments] + [(t.path, t.body) for t in terms.values()]
    return [
        *missing_targets(linked_from, terms, docs_rel, memo),
        *see_also(terms),
        *shared_names(terms),
        *common_names(terms),
        *stubs(terms),
        *summaries(terms),
    ]
