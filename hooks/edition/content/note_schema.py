"""The schema of a note's front matter, checked field by field.

Notes come from strangers, so every rule is explicit and every message names
the field and, where there is a fixed set, the allowed values. Values that are
shown as text (title, author) must be plain text; a value of the wrong type
is reported as such (:mod:`edition.content.fields`), and a date later than the day
of the build is refused, since a note cannot have been written yet.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from typing import Any

from edition.content import fields

KINDS = ("context", "critique", "correction", "question", "translation")
STATUSES = ("open", "resolved")  # resolved: a later revision of the essay applied what the note asks for
REQUIRED = ("title", "author", "date", "kind", "target")
OPTIONAL = ("author_url", "sources", "revision", "status", "resolved_in")
TARGET_FIELDS = ("paragraph", "quote", "prefix", "suffix")
MAX_TITLE = 120
MAX_QUOTE = 500
MAX_CONTEXT = 200  # characters of target.prefix or target.suffix: a few words tell two occurrences apart
MAX_SOURCE_TITLE = 300
# A contributor writes the date of their own day; the earliest time zone is up to a day ahead of the build's.
DATE_SLACK = dt.timedelta(days=1)
_PARAGRAPH_ID = re.compile(r"^[\w-]+$")


def _date(value: Any, today: dt.date, errors: list[str]) -> str:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, str):
        with contextlib.suppress(ValueError):
            value = dt.date.fromisoformat(value.strip())
    if not isinstance(value, dt.date):
        errors.append(f"'date' must be a date written YYYY-MM-DD (got {fields.shown(value)}).")
        return ""
    if value > today + DATE_SLACK:
        errors.append(f"'date' {value.isoformat()} is in the future; write the day the note was written.")
    return value.isoformat()


def _kind(value: Any, errors: list[str]) -> str:
    if value in KINDS:
        return value
    allowed = f"allowed: {', '.join(KINDS)}."
    if value is None:
        errors.append(f"'kind' is missing; {allowed}")
    elif not isinstance(value, str):
        errors.append(fields.wrong_type("kind", "text", value).rstrip(".") + f"; {allowed}")
    else:
        errors.append(f"'kind' is {fields.shown(value)}; {allowed}")
    return ""


def _target(target: Any, errors: list[str]) -> tuple[str, str]:
    where = "'paragraph:' and 'quote:' on indented lines below it"
    if target is None:
        errors.append(f"'target' must hold {where}.")
        return "", ""
    if not isinstance(target, dict):
        errors.append(fields.wrong_type("target", where, target))
        return "", ""
    fields.unknown_keys(target, TARGET_FIELDS, errors, "target.")
    paragraph, quote = target.get("paragraph"), target.get("quote")
    if paragraph is not None and not isinstance(paragraph, str):
        errors.append(fields.wrong_type("target.paragraph", "text", paragraph))
        paragraph = ""
    elif not isinstance(paragraph, str) or not _PARAGRAPH_ID.match(paragraph):
        errors.append("'target.paragraph' must be a paragraph id, as in the page address after '#' (e.g. 'opening-2').")
        paragraph = ""
    if quote is not None and not isinstance(quote, str):
        errors.append(fields.wrong_type("target.quote", "text", quote))
        quote = ""
    elif not isinstance(quote, str) or not quote.strip():
        errors.append("'target.quote' is missing or empty; copy the exact words the note is about.")
        quote = ""
    elif len(quote) > MAX_QUOTE:
        errors.append(f"'target.quote' is {len(quote)} characters long; quote at most {MAX_QUOTE}.")
    return paragraph, quote


def _context(target: Any, errors: list[str]) -> tuple[str, str]:
    """``target.prefix`` and ``target.suffix``: optional text just before and after the quote.

    They follow the W3C TextQuoteSelector: the words the quote follows and
    is followed by, which choose between two occurrences of the same words.
    """
    if not isinstance(target, dict):
        return "", ""
    found = []
    for name in ("prefix", "suffix"):
        value = target.get(name)
        if value is not None and not isinstance(value, str):
            errors.append(fields.wrong_type(f"target.{name}", "text", value))
            value = ""
        elif isinstance(value, str) and len(value) > MAX_CONTEXT:
            errors.append(f"'target.{name}' is {len(value)} characters long; keep it to {MAX_CONTEXT}.")
        found.append(value or "")
    return found[0], found[1]


def validate(meta: dict, today: dt.date | None = None) -> tuple[dict, list[str]]:
    """Check ``meta``; return the clean values and the list of problems (empty when valid).

    ``today`` is the build's date (``datetime.date.today()`` when not given).
    """
    errors: list[str] = []
    fields.unknown_keys(meta, REQUIRED + OPTIONAL, errors)
    clean: dict[str, Any] = {
        "title": fields.text(meta.get("title"), "title", errors, MAX_TITLE),
        "author": fields.text(meta.get("author"), "author", errors, MAX_TITLE),
        "date": _date(meta.get("date"), today or dt.date.today(), errors),
        "kind": _kind(meta.get("kind"), errors),
    }
    clean["paragraph"], clean["quote"] = _target(meta.get("target"), errors)
    clean["prefix"], clean["suffix"] = _context(meta.get("target"), errors)
    author_url = meta.get("author_url")
    clean["author_url"] = fields.url(author_url, "author_url", errors, ("https",)) if "author_url" in meta else ""
    clean["sources"] = fields.sources(meta.get("sources"), errors, MAX_SOURCE_TITLE)
    clean.update(_revision_fields(meta, errors))
    return clean, errors


def _whole_number(meta: dict, key: str, least: int, what: str, errors: list[str]) -> int:
    value = meta.get(key)
    if isinstance(value, int) and not isinstance(value, bool) and value >= least:
        return value
    errors.append(f"'{key}' must be a whole number of at least {least}, {what} (got {fields.shown(value)}).")
    return 0


def _revision_fields(meta: dict, errors: list[str]) -> dict[str, Any]:
    """``revision`` (1 when absent), ``status`` (open when absent) and ``resolved_in`` (only when resolved)."""
    revision = 1
    if "revision" in meta:
        revision = _whole_number(meta, "revision", 1, "the revision of the essay the note was written against", errors)
    status = meta.get("status", "open")
    if status not in STATUSES:
        errors.append(f"'status' is {fields.shown(status)}; allowed: {', '.join(STATUSES)}.")
    resolved_in = 0
    if status == "resolved" and "resolved_in" not in meta:
        errors.append("'status' is resolved, so 'resolved_in' must say in which revision (e.g. 'resolved_in: 2').")
    elif status != "resolved" and "resolved_in" in meta:
        errors.append("'resolved_in' is set but 'status' is not resolved: add 'status: resolved' or remove it.")
    elif "resolved_in" in meta:
        resolved_in = _whole_number(meta, "resolved_in", 2, "the revision that applied the note", errors)
        if revision and resolved_in and resolved_in <= revision:
            errors.append(
                f"'resolved_in' is {resolved_in}, but a note written against revision {revision} "
                "can only be resolved by a later one."
            )
    return {"revision": revision or 1, "status": status if status in STATUSES else "open", "resolved_in": resolved_in}
