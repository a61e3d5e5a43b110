"""Parse an essay in the plain-text shape of the seed into sections and paragraphs.

The shape: a title line, an author line and a date line (any order after the
title), an optional ``Note:`` line, then paragraphs separated by blank lines;
section headings are short lines of their own without closing punctuation; the
last paragraph may be the author's biography. Nothing here writes files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from edition.content.text import normalize, words
from edition.features.importer.inline import paragraph_markdown

MAX_HEADING_CHARS = 80
MAX_HEADING_WORDS = 10
MAX_TITLE_CHARS = 200
MAX_BIO_WORDS = 80
_CLOSERS = "'\"\u2019\u201d)]*_"
_SENTENCE_END = ".!?\u2026:;"
_DATE_FORMATS = (
    "%B %d %Y",
    "%B %d, %Y",
    "%d %B %Y",
    "%d %B, %Y",
    "%b %d %Y",
    "%b %d, %Y",
    "%d %b %Y",
    "%Y-%m-%d",
    "%d/%m/%Y",
)
# Every C0 and C1 control character but tab, line feed and carriage return, and DEL. Form feed and
# vertical tab are refused too: a page break means nothing on a web page, and Markdown and YAML
# would each read it differently. Unicode's own line and paragraph separators are line breaks.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SEPARATORS = str.maketrans({"\u2028": "\n", "\u2029": "\n\n"})
_ITALICS = re.compile(r"(?<![\w*_\\])([*_])(?![\s*_])([^*_\n]+?)(?<![\s\\])\1(?![\w*_])")


class SourceError(ValueError):
    """The text cannot be imported; the message says why and what to pass instead."""


@dataclass
class Block:
    """A paragraph or heading of the body, with the kind the parser decided on."""

    text: str
    kind: str = "body"  # body | heading | note | bio


@dataclass
class ParsedEssay:
    """What the text says, before ids are assigned."""

    title: str
    author: str
    date: str  # ISO date
    published: str  # the date as written in the source
    publication: str = ""  # where the essay first appeared: the --publication flag, else the Note: line's
    blocks: list[Block] = field(default_factory=list)
    repairs: list[str] = field(default_factory=list)


def decode(data: bytes) -> str:
    """Decode UTF-8 (a byte-order mark is dropped), refuse control characters and normalize line ends.

    The source is text: a NUL or an escape sequence is not a word of the
    essay, and would reach the pages, their front matter and the search index.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError(
            f"is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); save it as UTF-8 and try again"
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    control = _CONTROL.search(text)
    if control:
        line = text.count("\n", 0, control.start()) + 1
        raise SourceError(
            f"line {line} has a control character (U+{ord(control.group()):04X}); remove it and try again "
            "(tab and line breaks are the only control characters a source may hold)"
        )
    return text.translate(_SEPARATORS)


def check_text_flag(name: str, value: str | None) -> str | None:
    """Validate a ``--title``, ``--author`` or ``--publication`` value: words on one line, as the source's would be."""
    if value is None:
        return None
    if not value.strip() or _CONTROL.search(value) or "\n" in value or "\r" in value:
        raise SourceError(f"{name} {value!r} must be words on one line, without control characters")
    return value.strip()


def split_blocks(text: str) -> list[str]:
    """Blocks of text separated by blank lines (lines of only white space count as blank).

    Lines inside a block are joined with one space: hard-wrapped paragraphs
    become one line, and no word is lost or glued to its neighbour.
    """
    blocks: list[str] = []
    current: list[str] = []
    for line in text.split("\n"):
        if line.strip():
            current.append(line.strip())
        elif current:
            blocks.append(" ".join(current))
            current = []
    if current:
        blocks.append(" ".join(current))
    return blocks


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends with closing punctuation (ignoring closing quotes and emphasis)."""
    stripped = text.rstrip().rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _SENTENCE_END


def starts_lower(text: str) -> bool:
    """True when the first word of ``text`` starts in lower case (its first letter or digit is a lower-case letter).

    Punctuation and markup before it do not count; a number does: ``1984 and
    after`` is a heading, as ``Reflection`` is, not a line in lower case.
    """
    for char in text:
        if char.isalnum():
            return char.islower()
    return False


def parse_date(line: str) -> str | None:
    """The ISO form of a date line such as ``February 24 2023``, or None."""
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", line.strip().rstrip("."))
    cleaned = re.sub(r"^(published|posted|date)[:\s]+", "", cleaned, flags=re.I)
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(cleaned, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def looks_like_author(line: str) -> bool:
    """A byline: ``By A. Name`` or two to six capitalized words with no closing punctuation."""
    line = line.strip()
    if re.match(r"^by\s+\S", line, re.I):
        return len(line) <= 100
    tokens = line.split()
    if not 2 <= len(tokens) <= 6 or ends_sentence(line):
        return False
    return all(tok[0].isupper() or not tok[0].isalpha() or tok in ("de", "van", "von", "da", "and") for tok in tokens)


def looks_like_title(line: str) -> bool:
    """A title is one line, not too long, that does not end like a sentence with a full stop."""
    line = line.strip()
    return 0 < len(line) <= MAX_TITLE_CHARS and not line.rstrip(_CLOSERS).endswith(".")


def looks_like_heading(text: str) -> bool:
    """A section heading: a short line of its own, without closing punctuation."""
    if "\n" in text or len(text) > MAX_HEADING_CHARS or len(text.split()) > MAX_HEADING_WORDS:
        return False
    if ends_sentence(text) or text.rstrip().endswith(",") or starts_lower(text):
        return False
    return bool(words(text)) and not text.lstrip().startswith("[")


def _header(lines: list[str], title: str | None, author: str | None, when: str | None):
    """Consume the header lines; return (title, author, iso date, date as written, lines used)."""
    used = 0
    found_title = found_author = found_date = None
    published = ""
    if lines and looks_like_title(lines[0]) and not lines[0].lower().startswith("note:"):
        found_title, used = lines[0].strip(), 1
    if found_title is not None:
        for line in lines[used : used + 3]:
            iso = parse_date(line)
            if iso and found_date is None:
                found_date, published, used = iso, line.strip(), used + 1
            elif found_author is None and looks_like_author(line):
                found_author, used = re.sub(r"^by\s+", "", line.strip(), flags=re.I), used + 1
            else:
                break
    if title is None and found_title is None:
        raise SourceError("has no detectable title (the first line should be the title); pass --title")
    if author is None and found_author is None:
        raise SourceError("has no detectable author line after the title; pass --author")
    if when is None and found_date is None:
        raise SourceError("has no detectable date line after the title (e.g. 'February 24 2023'); pass --date")
    if title is not None and found_title is None:
        used = 0  # the flag supplies the title: every line is body text
    return (
        title or found_title,
        author or found_author,
        when or found_date,
        published or (when or found_date),
        used,
    )


def _header_lines(text: str) -> list[str]:
    """The first few non-blank lines, where title, author and date are looked for."""
    return [line for line in text.split("\n") if line.strip()][:4]


def _drop_lines(text: str, count: int) -> str:
    """``text`` without its first ``count`` non-blank lines."""
    lines = text.split("\n")
    seen = 0
    for index, line in enumerate(lines):
        if seen == count:
            return "\n".join(lines[index:])
        if line.strip():
            seen += 1
    return ""


def repair_breaks(blocks: list[str]) -> tuple[list[str], list[str]]:
    """Join paragraphs broken in mid-sentence; return the blocks and a list of repairs.

    A block that ends without closing punctuation, followed by one that starts
    in lower case, was split by a conversion: the two are joined with a space.
    """
    out: list[str] = []
    repairs: list[str] = []
    for block in blocks:
        if out and not ends_sentence(out[-1]) and starts_lower(block):
            tail = " ".join(out[-1].split()[-3:])
            head = " ".join(block.split()[:3])
            repairs.append(f"joined '...{tail}' / '{head}...'")
            out[-1] = f"{out[-1]} {block}"
        else:
            out.append(block)
    return out, repairs


def _is_bio(block: str, author: str) -> bool:
    """The closing biography: a short last paragraph that names the author near its start."""
    surname = author.split()[-1].lower() if author.split() else ""
    opening = [w.lower() for w in words(block)[:12]]
    return bool(surname) and surname in opening and len(words(block)) <= MAX_BIO_WORDS


def parse(
    text: str,
    *,
    title: str | None = None,
    author: str | None = None,
    when: str | None = None,
    publication: str | None = None,
) -> ParsedEssay:
    """Parse the essay ``text``; flags given by the user win over what is detected."""
    if not text.strip():
        raise SourceError("is empty (no text to import)")
    title, author, iso, published, used = _header(_header_lines(text), title, author, when)
    body = _drop_lines(text, used)
    raw = split_blocks(body)
    blocks: list[Block] = []
    if raw and normalize(raw[0]).lower().startswith("note:"):
        if publication is None:
            publication = publication_in(raw[0])
        blocks.append(Block(paragraph_markdown(raw.pop(0)), "note"))
    joined, repairs = repair_breaks(raw)
    for index, block in enumerate(joined):
        is_last = index == len(joined) - 1
        if not is_last and looks_like_heading(block):
            blocks.append(Block(block, "heading"))
        elif is_last and index > 0 and _is_bio(block, author):
            blocks.append(Block(paragraph_markdown(block), "bio"))
        else:
            blocks.append(Block(paragraph_markdown(block), "body"))
    return ParsedEssay(title, author, iso, published, publication or "", blocks, repairs)


def publication_in(note: str) -> str:
    """The periodical a ``Note:`` line names: its first words in italics, as periodicals' names are set.

    ``Note: This article appeared in ... *Australian Outlook*, on ...`` names
    *Australian Outlook*; a note with nothing in italics names none.
    """
    match = _ITALICS.search(note)
    return " ".join(match.group(2).split()) if match else ""


def check_date_flag(value: str) -> str:
    """Validate a ``--date`` value (YYYY-MM-DD) and return it."""
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise SourceError(f"--date {value!r} is not a date in the form YYYY-MM-DD") from None
