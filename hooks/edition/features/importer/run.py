"""Import one essay: parse, keep ids, render, check for hand edits, then write.

Everything is decided before anything is written, so a refusal (a hand-edited
page, a source that would be overwritten) leaves the tree untouched, and
``dry_run`` reports exactly what a real run would do. An import holds the
repository's lock from its first read to its last write (:mod:`.lock`), and
journals what it is about to write (:mod:`.state`), so an import killed at
any point leaves a tree the next one accepts.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from edition import addresses
from edition.content import essay_pages, frontmatter, project, revisions
from edition.content.contributed.guard import GENERATED
from edition.content.contributed.names import ascii_name, is_name
from edition.content.files import digest, write_atomic
from edition.content.markup import plain_text
from edition.content.model import Essay, Paragraph, Section
from edition.content.revisions import Change
from edition.content.term_schema import MAX_NAME
from edition.content.terms import term_slug, term_title
from edition.content.text import slugify
from edition.features.importer import state as import_state
from edition.features.importer.glossary_names import cached_name_index
from edition.features.importer.ids import IdAllocator, match_paragraphs
from edition.features.importer.lock import repository_lock
from edition.features.importer.parse import SourceError, decode, parse
from edition.features.importer.revise import Placed, Revising, placed_before, record_path, revise, revision_day

SOURCES_DIR = "sources"
PLACEHOLDER = re.compile(r"\[([^\]\n]+)\]\(#\)")
BASE_FOR_KIND = {"note": "note", "bio": "about-the-author"}
OPENING_BASE = "opening"
MAX_SLUG = 60  # characters: a slug names a folder and a file, and 60 letters of any script fit a file name
MAX_NAME_BYTES = 180  # of a page's or glossary entry's name made from words (every ASCII heading fits)


class ImportRefused(Exception):
    """The import would lose something (a hand edit, a source); nothing was written."""


@dataclass
class ImportReport:
    """What an import did, or with ``dry_run``, would do."""

    slug: str
    pages: dict[str, int] = field(default_factory=dict)  # page -> paragraph count
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    glossary_links: list[str] = field(default_factory=list)
    stubs: list[str] = field(default_factory=list)
    repairs: list[str] = field(default_factory=list)
    kept_ids: int = 0
    new_ids: list[str] = field(default_factory=list)
    retired_ids: list[str] = field(default_factory=list)
    source_copy: str = ""
    revision: int = 0  # the revision this import records (0: none, the text is unchanged)
    changes: list[Change] = field(default_factory=list)  # that revision's changes, paragraph by paragraph
    record: str = ""  # the revision record, when this import writes it


def _rel(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


MAX_SOURCE_BYTES = 16 * 2**20  # 16 times the largest essay the benchmark imports: a bound on the work, not on essays


def read_source(path: Path) -> bytes:
    """The source's bytes, or a SourceError saying why it cannot be read.

    The path is looked at before it is opened, and only a regular file is
    opened (without blocking, and checked again once open): a FIFO would
    make the importer wait for a writer forever, a device could be endless.
    The bytes are read once; the text imported and the copy kept in
    ``sources/`` are these same bytes.
    """
    try:
        kind = _kind(os.stat(path).st_mode)
        if kind is None:
            fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
            with os.fdopen(fd, "rb") as handle:
                kind = _kind(os.fstat(handle.fileno()).st_mode)
                data = handle.read(MAX_SOURCE_BYTES + 1) if kind is None else b""
    except FileNotFoundError:
        raise SourceError("does not exist") from None
    except OSError as exc:
        raise SourceError(f"cannot be read ({exc.strerror})") from None
    if kind is not None:
        raise SourceError(f"is {kind}, not a text file")
    if len(data) > MAX_SOURCE_BYTES:
        raise SourceError(f"is larger than {MAX_SOURCE_BYTES // 2**20} MB; split it into several essays")
    return data


def _kind(mode: int) -> str | None:
    """What a path is when it is not a regular file (``"a directory"``, ``"a FIFO"``, ...); None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    kinds = [
        (stat.S_ISDIR, "a directory"),
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    ]
    return next((name for test, name in kinds if test(mode)), "a special file")


def check_slug(slug: str) -> str:
    """The essay's folder name, or a SourceError: lower-case words joined by hyphens, not empty, not too long."""
    if not slug:
        raise SourceError("--slug '' is empty; give the essay's folder name, e.g. --slug my-essay")
    if not is_name(slug):  # the essay's folder, and its notes' folder, which the build accepts by this rule
        raise SourceError(
            f"--slug {slug!r} must be lower case words joined by hyphens (e.g. {ascii_name(slug, 'essay')!r})"
        )
    if len(slug) > MAX_SLUG:
        raise SourceError(f"--slug {slug[:20]!r}... is {len(slug)} characters long; give one of at most {MAX_SLUG}")
    return slug


def _ids_elsewhere(essays_dir: Path, slug: str, docs_dir: Path) -> set[str]:
    """Paragraph ids owned by the other essays of the site.

    Read from each essay's import record (one small JSON file) rather than
    by parsing its pages, so an import costs the same however large the
    library; an essay without a record (written by hand) is parsed.
    """
    taken: set[str] = set()
    for folder in essays_dir.iterdir() if essays_dir.is_dir() else ():
        if not folder.is_dir() or folder.name == slug:
            continue
        try:
            record = import_state.load(folder)
            if record is not None:
                taken.update(record.ever_issued())
            elif (folder / "index.md").exists():
                taken.update(p.id for p in essay_pages.load(folder, docs_dir).paragraphs())
        except (ValueError, frontmatter.FrontMatterError):
            continue  # a damaged essay is the build's to report, not the importer's
    return taken


def stub_title(words: str) -> str:
    """A new entry's title for linked ``words``, as the entry schema accepts a title.

    A stub is a placeholder for a person to write, so its title only has to
    let the build load it and ask for it: '<' and '>' (which a title may not
    hold) become spaces, and words past the schema's length are cut.
    """
    title = " ".join(term_title(words).replace("<", " ").replace(">", " ").split())
    if len(title) > MAX_NAME:
        title = title[: MAX_NAME + 1].rsplit(" ", 1)[0][:MAX_NAME]
    return title or "Untitled term"


def _link_terms(
    text: str, names: dict[str, str], known: set[str], report: ImportReport, new_terms: dict[str, str]
) -> str:
    """Point every ``[words](#)`` at its glossary entry (an existing one if a name matches)."""

    def replace(match: re.Match) -> str:
        words = plain_text(match.group(1))  # the words as read: the Markdown escapes are not part of a name
        slug = names.get(term_title(words).lower()) or names.get(words.lower()) or entry_slug(words)
        if slug not in known:
            new_terms.setdefault(slug, stub_title(words))
        report.glossary_links.append(slug)
        return f"[{match.group(1)}]({addresses.glossary_link_from_essay(slug)})"

    return PLACEHOLDER.sub(replace, text)


def file_slug(slug: str) -> str:
    """``slug`` short enough to name a file: at most MAX_NAME_BYTES of UTF-8, cut at a hyphen where there is one.

    A page's and a glossary entry's file names are made from words, which
    can be long (80 Chinese characters are 240 bytes, and a file name, with
    the temporary name it is written under, must fit in 255).
    """
    if len(slug.encode("utf-8")) <= MAX_NAME_BYTES:
        return slug
    cut = slug.encode("utf-8")[:MAX_NAME_BYTES].decode("utf-8", "ignore")
    if slug[len(cut) : len(cut) + 1] != "-" and "-" in cut:
        cut = cut.rsplit("-", 1)[0]  # the cut fell inside a word: drop that word
    return cut.rstrip("-")


def entry_slug(words: str) -> str:
    """The file name of a new glossary entry for ``words``; never the glossary's own index page (``[Index](#)``)."""
    slug = file_slug(term_slug(words))
    return f"{slug}-term" if f"{slug}.md" == GENERATED else slug


def _page_slug(title: str, taken: set[str]) -> str:
    base = file_slug(slugify(title, fallback="section"))
    slug, n = base, 2
    while slug in taken or slug in addresses.RESERVED_PAGES:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def build_essay(
    text: str, slug: str, source_rel: str, root: Path, previous: import_state.ImportState, options: dict
) -> tuple[Essay, str, ImportReport, dict[str, str], import_state.ImportState]:
    """Parse and assemble the essay with its ids; return it with what else would be written."""
    docs_dir = project.docs_dir(root)
    parsed = parse(
        text,
        title=options.get("title"),
        author=options.get("author"),
        when=options.get("date"),
        publication=options.get("publication"),
    )
    report = ImportReport(slug=slug, repairs=parsed.repairs)
    names = cached_name_index(docs_dir, root, save=not options.get("dry_run"))
    known = set(names.values())
    new_terms: dict[str, str] = {}
    essay = Essay(
        slug=slug,
        title=parsed.title,
        author=parsed.author,
        date=parsed.date,
        source=source_rel,
        publication=parsed.publication,
    )
    opening = Section("", "index")
    essay.sections.append(opening)
    page_names: set[str] = set()
    placed: list[tuple[Paragraph, str]] = []  # paragraph, id base
    for block in parsed.blocks:
        if block.kind == "heading":
            essay.sections.append(Section(block.text, _page_slug(block.text, page_names)))
            continue
        paragraph = Paragraph("", _link_terms(block.text, names, known, report, new_terms), kind=block.kind)
        if block.kind == "note":
            essay.note = paragraph
        elif block.kind == "bio":
            essay.bio = paragraph
        else:
            essay.sections[-1].paragraphs.append(paragraph)
        section = essay.sections[-1]
        placed.append(
            (paragraph, BASE_FOR_KIND.get(block.kind) or (OPENING_BASE if section.slug == "index" else section.slug))
        )
    folder = docs_dir / addresses.ESSAYS / slug
    old = [(pid, plain_text(t)) for pid, t in previous.paragraphs]
    matches = match_paragraphs(old, [plain_text(p.text) for p, _ in placed])
    allocator = IdAllocator(slug, previous.ever_issued(), _ids_elsewhere(folder.parent, slug, docs_dir))
    for (paragraph, base), kept in zip(placed, matches, strict=False):
        paragraph.id = kept or allocator.new(base)
        if kept:
            report.kept_ids += 1
        else:
            report.new_ids.append(paragraph.id)
    current = {p.id for p, _ in placed}
    report.retired_ids = [pid for pid, _ in previous.paragraphs if pid not in current]
    new_state = import_state.ImportState(
        source=source_rel,
        paragraphs=[(p.id, p.text) for p, _ in placed],
        retired=sorted(set(previous.retired) | set(report.retired_ids)),
    )
    return essay, parsed.published, report, new_terms, new_state


def _check_hand_edits(
    folder: Path, accepted: dict[str, set[str]], pages: dict[str, str], force: bool, root: Path
) -> list[str]:
    """Refuse (unless ``force``) to overwrite or remove a page edited since the last import.

    ``accepted`` holds, for each page an import wrote, the digests it may
    have (see :mod:`edition.features.importer.state`); a page that already holds what
    would be written loses nothing either. Returns the stale pages (written
    by an import, no longer produced).
    """
    stale = [name for name in accepted if name not in pages and (folder / name).exists()]
    for name in [*pages, *stale]:
        path = folder / name
        if force or not path.exists():
            continue
        content = path.read_bytes()
        if content == pages.get(name, "").encode("utf-8"):
            continue
        if name not in accepted:
            raise ImportRefused(
                f"{_rel(path, root)}: exists but was not written by the importer; "
                "move it away or re-run with --force to replace it"
            )
        if digest(content) not in accepted[name]:
            raise ImportRefused(
                f"{_rel(path, root)}: was edited by hand since the last import; re-run with --force to "
                "overwrite it (the edit is lost), or make the change in the source instead"
            )
    return stale


def import_essay(
    source: Path, root: Path, *, slug: str | None = None, force: bool = False, dry_run: bool = False, **options
) -> ImportReport:
    """Import ``source`` into ``root/docs/essays/<slug>/``; see the module docstring.

    ``options`` may hold ``title``, ``author`` and ``date`` (what the source
    lacks), ``message`` (the summary of the revision the import records) and
    ``today`` (its date, YYYY-MM-DD; by default :func:`.revise.revision_day`).
    Raises SourceError (bad input), ImportRefused (something would be lost),
    SummaryNeeded (the import changes the text and ``message`` is missing)
    or ImportLocked (another import is running in ``root``).
    """
    slug = check_slug(ascii_name(source.stem, "essay") if slug is None else slug)
    data = read_source(source)
    with repository_lock(root):
        return _import_locked(source, data, root, slug, force, dry_run, options)


def _import_locked(
    source: Path, data: bytes, root: Path, slug: str, force: bool, dry_run: bool, options: dict
) -> ImportReport:
    """The import itself, run while this process alone may import into ``root``."""
    docs_dir = project.docs_dir(root)
    text = decode(data)
    sources_dir = root / SOURCES_DIR
    inside = source.resolve().parent == sources_dir.resolve()
    kept_source = source.resolve() if inside else sources_dir / f"{slug}.txt"
    source_rel = _rel(kept_source, root)
    folder = docs_dir / addresses.ESSAYS / slug
    committed, pending = import_state.load(folder), import_state.load_pending(folder)
    previous = pending.state if pending else committed or import_state.ImportState()
    built = build_essay(text, slug, source_rel, root, previous, {**options, "dry_run": dry_run})
    essay, published, report, new_terms, new_state = built
    pages = essay_pages.render(essay, published)
    accepted = {name: {sha} for name, sha in (committed.pages if committed else {}).items()}
    for name, shas in (pending.accepted if pending else {}).items():
        accepted.setdefault(name, set()).update(shas)
    stale = _check_hand_edits(folder, accepted, pages, force, root)
    if not inside and kept_source.exists() and kept_source.read_bytes() != data:
        raise ImportRefused(
            f"{source_rel}: already holds a different text and sources are never overwritten; "
            f"edit {source_rel} itself and import it, or choose another --slug"
        )
    report.source_copy = "" if inside or kept_source.exists() else source_rel
    for name, content in pages.items():
        essay_rel = f"{addresses.ESSAYS}/{slug}/{name}"
        found = essay_pages.parse_paragraphs(content, essay_rel)
        report.pages[essay_rel] = len(found)
        new_state.sections.update((p.id, name[: -len(".md")]) for p in found)
        path = folder / name
        same = path.exists() and path.read_bytes() == content.encode("utf-8")
        (report.unchanged if same else report.written).append(_rel(path, root))
    report.removed = [_rel(folder / name, root) for name in stale]
    glossary = docs_dir / addresses.GLOSSARY
    report.stubs = [_rel(glossary / f"{s}.md", root) for s in new_terms if not (glossary / f"{s}.md").exists()]
    record = _revise(essay, previous, new_state, pending, docs_dir, source_rel, {**options, "dry_run": dry_run})
    report.revision, report.changes = (record.added.number, record.changes) if record.added else (0, [])
    if record.write:
        report.record = _rel(record_path(folder), root)
    if dry_run:
        return report
    new_state.pages = {name: digest(content) for name, content in pages.items()}
    for name, sha in new_state.pages.items():
        accepted.setdefault(name, set()).add(sha)
    record_text = revisions.dump(slug, record.revisions) if record.write else None
    import_state.begin(folder, import_state.Pending(new_state, accepted, record_text))
    if report.source_copy:
        write_atomic(kept_source, data)
    for name, content in pages.items():
        if _rel(folder / name, root) in report.written:
            write_atomic(folder / name, content)
    for name in stale:
        (folder / name).unlink(missing_ok=True)
    for term_slug_, title in new_terms.items():
        path = glossary / f"{term_slug_}.md"
        if not path.exists():
            write_atomic(
                path,
                frontmatter.dump(
                    {"title": title, "summary": "", "status": "stub"}, "This entry is a stub: write it.\n"
                ),
            )
    if record_text is not None:
        write_atomic(record_path(folder), record_text)
    import_state.save(folder, new_state)
    return report


def _revise(
    essay: Essay,
    previous: import_state.ImportState,
    new_state: import_state.ImportState,
    pending: import_state.Pending | None,
    docs_dir: Path,
    source_rel: str,
    options: dict,
) -> Revising:
    """The revision record after this import (see :mod:`.revise`); a damaged record is refused, naming it."""
    folder = docs_dir / addresses.ESSAYS / essay.slug
    path = record_path(folder)
    try:
        base = revisions.parse(pending.record) if pending and pending.record else revisions.load(path)
    except revisions.RecordError as exc:
        raise ImportRefused(f"{_rel(path, docs_dir.parent)}: {exc}; restore it from git and import again") from None
    before = placed_before(previous, folder, docs_dir)
    after = [Placed(pid, new_state.sections.get(pid, ""), text) for pid, text in new_state.paragraphs]
    summary = options.get("message")
    record = revise(
        base,
        before,
        after,
        published=essay.date,
        summary="" if summary is None and options.get("dry_run") else summary,
        day=options.get("today") or revision_day(),
        source=source_rel,
    )
    if pending and pending.record and not record.write:  # finish writing what the interrupted import began
        record.write = True
    return record
