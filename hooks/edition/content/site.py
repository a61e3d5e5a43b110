"""Load the whole edition once per build: essays, glossary terms and notes.

Hooks and scripts call :func:`load_site` instead of reading Markdown files
themselves, so there is one reading of each file and one set of rules about
what a well-formed essay, term or note is. Problems are collected, not
raised: the build reports all of them at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from edition import addresses
from edition.content import essay_pages, frontmatter, revisions
from edition.content.model import Comment, Essay, Paragraph, Term
from edition.content.notes import load_comments
from edition.content.problems import Problem
from edition.content.terms import load_terms


@dataclass
class Site:
    """Everything the build knows about the edition's content."""

    essays: dict[str, Essay] = field(default_factory=dict)
    terms: dict[str, Term] = field(default_factory=dict)
    comments: list[Comment] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    paragraphs: dict[str, tuple[Essay, Paragraph]] = field(default_factory=dict)
    root: Path = Path(".")
    docs_dir: Path = Path("docs")
    _by_src: dict[str, Comment] | None = field(default=None, repr=False)

    @cached_property
    def docs_rel(self) -> str:
        """The docs folder relative to the repository root (``docs``), as messages and notes name files."""
        return self.docs_dir.relative_to(self.root).as_posix()

    def rel(self, path: Path) -> str:
        """``path`` relative to the repository root, as messages name files."""
        return path.resolve().relative_to(self.root).as_posix()

    def comment_at(self, src: str) -> Comment | None:
        """The note whose page is built from ``src`` (a :data:`~edition.addresses.DocsPath`)."""
        if self._by_src is None:
            self._by_src = {addresses.note_page(c.essay, c.name): c for c in self.comments}
        return self._by_src.get(src)

    def paragraph(self, pid: str) -> tuple[Essay, Paragraph] | None:
        return self.paragraphs.get(pid)


def load_essays(docs_dir: Path, root: Path) -> tuple[dict[str, Essay], list[Problem]]:
    """Every essay folder under ``docs/essays``, with its revision record; a folder that cannot be read is a problem."""
    essays: dict[str, Essay] = {}
    problems: list[Problem] = []
    folder = docs_dir / addresses.ESSAYS
    for essay_dir in sorted(p for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else ():
        rel = essay_dir.relative_to(root).as_posix()
        try:
            essays[essay_dir.name] = essay_pages.load(essay_dir, docs_dir)
        except (ValueError, frontmatter.FrontMatterError) as exc:
            problems.append(
                Problem(rel, f"cannot be read as an essay: {exc}.", "Re-import it with scripts/import_essay.py.")
            )
            continue
        try:
            essays[essay_dir.name].revisions = revisions.load(essay_dir / addresses.REVISION_RECORD)
        except revisions.RecordError as exc:
            problems.append(
                Problem(
                    f"{rel}/{addresses.REVISION_RECORD}",
                    f"{exc}.",
                    "Restore it from git: the revisions page and the addresses of old paragraphs are built from it.",
                )
            )
    return essays, problems


def index_paragraphs(essays: dict[str, Essay], root: Path, docs_dir: Path) -> tuple[dict, list[Problem]]:
    """Paragraph id -> (essay, paragraph); an id used twice is a problem (links would be ambiguous)."""
    index: dict[str, tuple[Essay, Paragraph]] = {}
    problems: list[Problem] = []
    docs_rel = docs_dir.relative_to(root).as_posix()
    for essay in essays.values():
        for paragraph in essay.paragraphs():
            if paragraph.id in index:
                first = index[paragraph.id][1].page
                problems.append(
                    Problem(
                        f"{docs_rel}/{paragraph.page}",
                        f"paragraph id '{paragraph.id}' is also used in {docs_rel}/{first}.",
                        "Paragraph ids must be unique across the site: re-import the newer essay.",
                    )
                )
                continue
            index[paragraph.id] = (essay, paragraph)
    return index, problems


def load_site(docs_dir: Path, root: Path) -> Site:
    """Read essays and glossary from ``docs_dir``; ``root`` makes paths in messages relative."""
    essays, problems = load_essays(docs_dir, root)
    terms, term_problems = load_terms(docs_dir, root)
    paragraphs, id_problems = index_paragraphs(essays, root, docs_dir)
    comments, comment_problems = load_comments(docs_dir, root)
    return Site(
        essays=essays,
        terms=terms,
        comments=comments,
        problems=[*problems, *term_problems, *id_problems, *comment_problems],
        paragraphs=paragraphs,
        root=root,
        docs_dir=docs_dir,
    )
