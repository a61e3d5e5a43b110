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

Outside those folders, nothing is published through a symbolic link
either (:func:`linked`): a pull request can add a file anywhere, and a link
in ``assets/`` to a private key or ``/proc/self/environ`` would be copied
into the site as surely as one among the notes.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from edition.addresses import glossary_entry, note_page
from edition.content.contributed.folders import COMMENTARY, FOLDERS, GLOSSARY
from edition.content.contributed.guard import decide
from edition.content.contributed.names import printable
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


LINKED = (
    "is a symbolic link; nothing is published through a link, which can point anywhere on the machine "
    "that builds the site."
)
LINKED_HINT = "Replace the link with what it points to, or delete it."


def linked(links: Collection[str], src_uris: Iterable[str], docs_rel: str) -> tuple[list[str], list[Problem]]:
    """The ``src_uris`` reached through one of ``links`` outside the contributed folders, and a problem per link.

    ``links`` holds each link's path relative to the docs folder, as
    :func:`edition.content.contributed.links.walk_links` found them; the
    links inside the contributed folders are the guard's to judge.
    """
    outside = [link for link in links if link.partition("/")[0] not in FOLDERS]
    if not outside:
        return [], []
    folders = tuple(f"{link}/" for link in outside)
    remove = [src for src in src_uris if src in outside or src.startswith(folders)]
    return remove, [Problem(printable(f"{docs_rel}/{link}"), LINKED, LINKED_HINT) for link in outside]
