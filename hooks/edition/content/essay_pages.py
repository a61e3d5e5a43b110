"""The Markdown page format of an imported essay: written by the importer, read by the build.

Both directions live here so that they cannot drift apart. An essay is a
folder ``docs/essays/<slug>/`` holding ``index.md`` (title, byline, the
publication note, contents and the opening paragraphs) and one page per
section. Every paragraph ends with an ``attr_list`` line carrying its id::

    Following Deng Xiaoping's maxim of biding time ...
    {: #chinas-global-strategy-1 }
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from edition.addresses import INDEX
from edition.content import frontmatter
from edition.content.fields import type_name
from edition.content.markup import escape, first_sentence, plain_text
from edition.content.model import Essay, Paragraph, Section
from edition.content.problems import Problem
from edition.content.text import reading_minutes, words

OPENING = f"{INDEX}.md"  # the opening page of an essay's folder: title, byline, contents, opening paragraphs
PARAGRAPH_ATTRS = re.compile(r"^\{:\s*#(?P<id>[\w-]+)(?P<classes>(?:\s+\.[\w-]+)*)\s*\}$")
KIND_CLASS = {"note": "publication-note", "bio": "author-bio"}
CLASS_KIND = {cls: kind for kind, cls in KIND_CLASS.items()}
BIO_HEADING = "About the author"
# How a block that is not prose starts: a heading, a list item, a table, raw HTML, code (fenced or indented), a
# rule, an image or admonition, a link, footnote or abbreviation definition, an attribute line.
NOT_PROSE = re.compile(r"#|[-*+][ \t]|\d+[.)][ \t]|\||<|```|~~~| {4}|\t|---|\*\*\*|___|!|\[[^\]]*\]:|\*\[|\{:")
ATTR_LINE = re.compile(r"^\{:[^}]*\}$")  # the last line of a block styled by hand (the byline's classes)
HEADING = re.compile(r"^# (.*)$", re.MULTILINE)  # a page's title as the importer writes it: "# " and escape(title)


def paragraph_block(paragraph: Paragraph) -> str:
    """A paragraph's Markdown: its text, then its id (and kind class) for ``attr_list``."""
    cls = KIND_CLASS.get(paragraph.kind)
    attrs = f"#{paragraph.id}" + (f" .{cls}" if cls else "")
    return f"{paragraph.text}\n{{: {attrs} }}\n"


def plain_words(essay: Essay) -> int:
    """The number of words a reader reads (link addresses and markup not counted)."""
    return sum(len(words(plain_text(p.text))) for p in essay.paragraphs())


def summary_of(essay: Essay) -> str:
    """One line for listings and the page description: the essay's first sentence."""
    for section in essay.sections:
        for paragraph in section.paragraphs:
            return first_sentence(plain_text(paragraph.text))
    return essay.title


def render(essay: Essay, published: str) -> dict[str, str]:
    """The essay's pages as ``{file name: Markdown}``, in reading order.

    ``published`` is the date as the source wrote it, shown in the byline.
    The title, section titles, author and date are words from the source:
    written as literal Markdown (a title's ``<b>`` or ``{: ...}`` is text),
    and kept as they are in the front matter, which is data.
    """
    total = plain_words(essay)
    minutes = reading_minutes(total)
    body_sections = [s for s in essay.sections if s.slug != INDEX]
    opening = next((s for s in essay.sections if s.slug == INDEX), Section("", INDEX))
    byline = f"By {escape(essay.author)} · {escape(published)} · {minutes} min read"
    index_blocks = [f"# {escape(essay.title)}\n", f"{byline}\n{{: .essay-byline }}\n"]
    if essay.note:
        index_blocks.append(paragraph_block(essay.note))
    if body_sections:
        index_blocks.append("## Contents\n")
        index_blocks.append("".join(f"{i}. [{escape(s.title)}]({s.slug}.md)\n" for i, s in enumerate(body_sections, 1)))
    index_blocks.extend(paragraph_block(p) for p in opening.paragraphs)
    index_meta = {
        "title": essay.title,
        "essay": essay.slug,
        "author": essay.author,
        "date": essay.date,
        "published": published,
        **({"publication": essay.publication} if essay.publication else {}),
        "reading_time": minutes,
        "words": total,
        "summary": summary_of(essay),
        "source": essay.source,
        "order": 0,
    }
    pages: dict[str, tuple[dict, list[str]]] = {OPENING: (index_meta, index_blocks)}
    for order, section in enumerate(body_sections, 1):
        meta = {"title": section.title, "essay": essay.slug, "order": order}
        heading = f"# {escape(section.title)}\n"
        pages[f"{section.slug}.md"] = (meta, [heading, *map(paragraph_block, section.paragraphs)])
    if essay.bio:
        last = f"{body_sections[-1].slug}.md" if body_sections else OPENING
        pages[last][1].extend([f"## {BIO_HEADING}\n", paragraph_block(essay.bio)])
    return {name: frontmatter.dump(meta, "\n".join(blocks)) for name, (meta, blocks) in pages.items()}


def parse_paragraphs(body: str, page: str) -> list[Paragraph]:
    """The id-carrying paragraphs of a page body, in order."""
    return parse_page(body, page)[0]


def parse_page(body: str, page: str) -> tuple[list[Paragraph], list[int]]:
    """The id-carrying paragraphs of a page body, and the lines (from 1, in the body) of prose without an id.

    A hand edit may add a paragraph with no id line: Markdown shows it, but
    the model has no paragraph for it, so readers could not link to it, cite
    it or annotate it. Blocks that are not prose (headings, lists, tables,
    raw HTML, code, images, definitions, a block of classes only such as the
    byline) are not paragraphs to give an id.
    """
    found: list[Paragraph] = []
    unmarked: list[int] = []
    for line, lines in _blocks(body):
        match = _id_line(lines)
        if match:
            classes = match.group("classes").split()
            kind = next((CLASS_KIND[c[1:]] for c in classes if c[1:] in CLASS_KIND), "body")
            found.append(Paragraph(match.group("id"), "\n".join(lines[:-1]), page, kind))
        elif not NOT_PROSE.match(lines[0]) and not ATTR_LINE.match(lines[-1].strip()):
            unmarked.append(line)
    return found, unmarked


def paragraph_line(text: str, pid: str) -> int | None:
    """The line (from 1) of ``text``, a page's file, on which paragraph ``pid`` starts; None without its id line."""
    for line, lines in _blocks(text):
        match = _id_line(lines)
        if match and match.group("id") == pid:
            return line
    return None


def _id_line(lines: list[str]) -> re.Match[str] | None:
    """The id line that ends a block of text, as :func:`paragraph_block` writes it."""
    return PARAGRAPH_ATTRS.match(lines[-1].strip()) if len(lines) > 1 else None


def _blocks(body: str) -> Iterator[tuple[int, list[str]]]:
    """Each block of ``body`` (lines between blank lines) with the body line (from 1) it starts on."""
    line = 1
    for n, piece in enumerate(re.split(r"(\n[ \t]*\n)", body)):
        if n % 2 == 0 and piece.strip():
            lead = len(piece) - len(piece.lstrip("\n"))
            yield line + lead, piece.strip("\n").split("\n")
        line += piece.count("\n")


def _number(meta: dict, key: str, path: Path) -> int:
    """A whole number from a page's front matter (a hand edit may have made it anything else)."""
    value = meta.get(key) or 0
    try:
        if isinstance(value, bool):
            raise TypeError
        return int(value)
    except (TypeError, ValueError):
        raise ValueError(f"{path.name}: '{key}' must be a whole number, not {type_name(value)}") from None


def load(folder: Path, docs_dir: Path) -> Essay:
    """Read an essay back from its folder of pages (the build's view of it); see :func:`read`."""
    return read(folder, docs_dir)[0]


def read(folder: Path, docs_dir: Path) -> tuple[Essay, list[Problem]]:
    """The essay of a folder of pages, and what hand edits broke in its pages (each problem's path is the page's,
    relative to ``docs_dir``): prose left without an id, a heading that is no longer the page's title.

    Raises ``ValueError`` (a ``frontmatter.FrontMatterError`` among them)
    naming the page, on a page that is not in the importer's format; the
    caller names the folder.
    """
    pages = []
    for path in sorted(folder.glob("*.md")):
        if path.is_symlink() or not path.is_file():
            continue  # a link is never read, a folder named x.md is no page (the build says so of the link)
        text = path.read_text(encoding="utf-8")
        try:
            meta, body = frontmatter.split(text)
        except frontmatter.FrontMatterError as exc:
            raise frontmatter.FrontMatterError(f"{path.name}: {exc}") from None
        pages.append((_number(meta, "order", path), path, meta, body, text.count("\n", 0, len(text) - len(body))))
    pages.sort(key=lambda item: (item[0], item[1].name))
    index_meta = next((meta for _, path, meta, _, _ in pages if path.name == OPENING), None)
    if index_meta is None:
        raise ValueError(f"has no {OPENING}")
    essay = Essay(
        slug=folder.name,
        title=str(index_meta.get("title", folder.name)),
        author=str(index_meta.get("author", "")),
        date=str(index_meta.get("date", "")),
        source=str(index_meta.get("source", "")),
        summary=str(index_meta.get("summary", "")),
        reading_time=_number(index_meta, "reading_time", folder / OPENING),
        publication=str(index_meta.get("publication") or ""),
    )
    problems: list[Problem] = []
    for _, path, meta, body, offset in pages:
        rel = path.relative_to(docs_dir).as_posix()
        title = str(meta.get("title", ""))
        section = Section(title, path.stem)
        paragraphs, lines = parse_page(body, rel)
        problems += [_unmarked(rel, offset + line, essay.source) for line in lines]
        if "title" in meta and (heading := HEADING.search(body)) and _words(heading.group(1)) != _words(escape(title)):
            problems.append(_retitled(rel, offset + body.count("\n", 0, heading.start()) + 1, title))
        for paragraph in paragraphs:
            if paragraph.kind == "note":
                essay.note = paragraph
            elif paragraph.kind == "bio":
                essay.bio = paragraph
            else:
                section.paragraphs.append(paragraph)
        essay.sections.append(section)
    return essay, problems


def _words(text: str) -> list[str]:
    """A heading's words: Markdown trims a heading and joins its spaces, so they do not make another name."""
    return text.split()


def _unmarked(page: str, line: int, source: str) -> Problem:
    """Prose a hand edit added to an essay's page without an id line: shown, but not a paragraph of the model."""
    where = f"the essay's source, {source}," if source else "the essay's source"
    return Problem(
        page,
        f"line {line}: this paragraph has no id line ('{{: #...}}' below its text): it is shown, but readers cannot "
        "link to it, cite it or annotate it.",
        f"Make the change in {where} and import it again: the importer gives each paragraph an id no other text "
        "has had.",
        line=line,
    )


def _retitled(page: str, line: int, title: str) -> Problem:
    """A page's heading edited by hand without its title (or the other way round): two names for one page."""
    return Problem(
        page,
        f"line {line}: the page's heading is not its title ('{title}' in its front matter), which the navigation, "
        "the whole-essay page and search show.",
        "Change both together, or make the change in the essay's source and import it again.",
        line=line,
    )
