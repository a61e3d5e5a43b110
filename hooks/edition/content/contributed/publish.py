"""Which of a build's files under the contributed folders must not be published.

MkDocs lists every file under the docs folder, following symbolic links,
and publishes each: Markdown as a page (rendering its raw HTML), anything
else copied as it is. Under ``commentary/`` and ``glossary/`` only the
notes and entries the model loaded may be published (their pages are
rendered from the model); every other file is withheld. Most were already
reported while the model loaded (:func:`edition.content.contributed.guard.scan`);
the rest, such as the files MkDocs found inside a linked folder, are judged
here by the same rule, and each refused path is reported once.
"""

from __future__ import annotations

from collections.abc import Iterable

from edition.content.contributed.folders import COMMENTARY, FOLDERS, GLOSSARY
from edition.content.contributed.guard import decide
from edition.content.problems import Problem
from edition.content.site import Site


def withheld(site: Site, src_uris: Iterable[str]) -> tuple[list[str], list[Problem]]:
    """The ``src_uris`` (relative to the docs folder) not to publish, and the problems not yet reported."""
    published = {f"{COMMENTARY.name}/{c.essay}/{c.name}.md" for c in site.comments}
    published.update(f"{GLOSSARY.name}/{slug}.md" for slug in site.terms)
    reported = {problem.path for problem in site.problems}
    remove: list[str] = []
    problems: list[Problem] = []
    for src in src_uris:
        if src.partition("/")[0] not in FOLDERS or src in published:
            continue
        remove.append(src)
        refusal = decide(site.docs_dir, src, site.docs_rel)
        if refusal is not None and refusal.report:
            problem = refusal.problem(site.docs_rel)
            if problem.path not in reported:
                reported.add(problem.path)
                problems.append(problem)
    return remove, problems
