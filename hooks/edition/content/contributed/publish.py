"""Which of a build's files under the contributed folders must not be published.

MkDocs lists every file under the docs folder, following symbolic links,
and publishes each: Markdown as a page (rendering its raw HTML), anything
else copied as it is. Under ``commentary/`` and ``glossary/`` only the
notes and entries the model loaded may be published (their pages are
rendered from the model); every other file is withheld. Most were already
reported while the model loaded (:func:`edition.content.contributed.guard.scan`);
the rest, such as the files MkDocs found inside a linked folder, are judged
here by the same rule, and each refused path is reported once.

A folder is published only when the build renders what it holds: without
the part that renders notes (or entries) from the model, MkDocs would
render a stranger's Markdown with the site's own, raw HTML and all, so the
whole folder is withheld and said to be.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from edition.addresses import glossary_entry, note_page
from edition.content.contributed.folders import COMMENTARY, FOLDERS, GLOSSARY
from edition.content.contributed.guard import decide
from edition.content.problems import Problem
from edition.content.site import Site


def withheld(site: Site, src_uris: Iterable[str], rendered: Collection[str]) -> tuple[list[str], list[Problem]]:
    """The ``src_uris`` (relative to the docs folder) not to publish, and the problems not yet reported.

    ``rendered`` names the contributed folders whose files the build renders
    from the model (``commentary``, ``glossary``); every file of another is withheld.
    """
    published = {note_page(c.essay, c.name) for c in site.comments if COMMENTARY.name in rendered}
    published.update(glossary_entry(slug) for slug in site.terms if GLOSSARY.name in rendered)
    reported = {problem.path for problem in site.problems}
    remove: list[str] = []
    problems: list[Problem] = []
    for src in src_uris:
        folder = src.partition("/")[0]
        if folder not in FOLDERS or src in published:
            continue
        remove.append(src)
        if folder not in rendered:
            problem = Problem(
                f"{site.docs_rel}/{folder}/",
                f"is not published: this site does not render {FOLDERS[folder].nouns} from the model.",
                f"List hooks/{folder}.py under 'hooks:' in mkdocs.yml, or remove the folder.",
            )
            if problem.path not in reported:
                reported.add(problem.path)
                problems.append(problem)
            continue
        refusal = decide(site.docs_dir, src, site.docs_rel)
        if refusal is not None and refusal.report:
            problem = refusal.problem(site.docs_rel)
            if problem.path not in reported:
                reported.add(problem.path)
                problems.append(problem)
    return remove, problems
