"""Load the whole edition once per build: essays, glossary terms and notes.

Hooks and scripts call :func:`load_site` instead of reading Markdown files
themselves, so there is one reading of each file and one set of rules about
what a well-formed essay, term or note is. Problems are collected, not
raised: the build reports all of them at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property, partial
from pathlib import Path

from edition import addresses
from edition.content import essay_pages, frontmatter, revisions
from edition.content.memo import FOLDER, LISTING, NO_MEMO, Memo
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

    def copied_ids(self) -> set[tuple[str, str]]:
        """``(file, id)`` of each paragraph whose id an earlier paragraph has, the file as messages name it.

        :func:`index_paragraphs` reports each of them; the link check, which
        would report the same id again on every page that shows the
        paragraph, is told they are reported.
        """
        return {
            (addresses.repo_path(self.docs_rel, p.page), p.id)
            for essay in self.essays.values()
            for p in essay.paragraphs()
            if (kept := self.paragraphs.get(p.id)) is not None and kept[1] is not p
        }


def load_essays(docs_dir: Path, root: Path, memo: Memo = NO_MEMO) -> tuple[dict[str, Essay], list[Problem]]:
    """Every essay folder under ``docs/essays``, with its revision record; a folder that cannot be read is a problem."""
    essays: dict[str, Essay] = {}
    problems: list[Problem] = []
    folder = docs_dir / addresses.ESSAYS

    def folders() -> list[Path]:  # a link to a folder is never followed (the build says so of it)
        if folder.is_symlink() or not folder.is_dir():
            return []
        return sorted(p for p in folder.iterdir() if p.is_dir() and not p.is_symlink())

    for essay_dir in memo.path("essay folders", LISTING, folder.as_posix(), folders):
        essay, found = memo.path("essay", FOLDER, essay_dir.as_posix(), partial(_essay, essay_dir, docs_dir, root))
        if essay is not None:
            essays[essay_dir.name] = essay
        problems += found
    return essays, problems


def _essay(essay_dir: Path, docs_dir: Path, root: Path) -> tuple[Essay | None, list[Problem]]:
    """The essay of one folder with its revision record (a file of the folder: the memo forgets both together)."""
    rel = essay_dir.relative_to(root).as_posix()
    try:
        essay, hand_edits = essay_pages.read(essay_dir, docs_dir)
    except (ValueError, frontmatter.FrontMatterError) as exc:
        return None, [Problem(rel, f"cannot be read as an essay: {exc}.", "Re-import it with scripts/import_essay.py.")]
    docs_rel = docs_dir.relative_to(root).as_posix()
    problems = [replace(problem, path=addresses.repo_path(docs_rel, problem.path)) for problem in hand_edits]
    try:
        essay.revisions = revisions.load(essay_dir / addresses.REVISION_RECORD)
    except revisions.RecordError as exc:
        problems.append(
            Problem(
                f"{rel}/{addresses.REVISION_RECORD}",
                f"{exc}.",
                "Restore it from git: the revisions page and the addresses of old paragraphs are built from it.",
            )
        )
    return essay, problems


def index_paragraphs(essays: dict[str, Essay], root: Path, docs_dir: Path) -> tuple[dict, list[Problem]]:
    """Paragraph id -> (essay, paragraph); an id used twice is a problem (links would be ambiguous)."""
    index: dict[str, tuple[Essay, Paragraph]] = {}
    problems: list[Problem] = []
    docs_rel = docs_dir.relative_to(root).as_posix()
    for essay in essays.values():
        for paragraph in essay.paragraphs():
            if paragraph.id in index:
                other, first = index[paragraph.id]
                hint = (
                    "Each paragraph has an id of its own: a hand edit copied this one. Give the paragraph back its "
                    "own id (git shows it), or make the change in the essay's source and import it again."
                    if other is essay
                    else "Paragraph ids must be unique across the site: re-import the newer essay."
                )
                problems.append(
                    Problem(
                        addresses.repo_path(docs_rel, paragraph.page),
                        f"paragraph id '{paragraph.id}' is also used in {addresses.repo_path(docs_rel, first.page)}.",
                        hint,
                    )
                )
                continue
            index[paragraph.id] = (essay, paragraph)
    return index, problems


def load_site(docs_dir: Path, root: Path, memo: Memo = NO_MEMO) -> Site:
    """Read essays and glossary from ``docs_dir``; ``root`` makes paths in messages relative.

    ``memo`` keeps what was read from each file between the builds of the
    preview (:mod:`edition.content.memo`); ``docs_dir`` is then absolute.
    """
    essays, problems = load_essays(docs_dir, root, memo)
    terms, term_problems = load_terms(docs_dir, root, memo)
    paragraphs, id_problems = memo.objects(
        "paragraph index", tuple(essays.values()), lambda: index_paragraphs(essays, root, docs_dir)
    )
    comments, comment_problems = load_comments(docs_dir, root, memo)
    return Site(
        essays=essays,
        terms=terms,
        comments=comments,
        problems=[*problems, *term_problems, *id_problems, *comment_problems],
        paragraphs=paragraphs,
        root=root,
        docs_dir=docs_dir,
    )
