"""The schema of a note's front matter, checked field by field.

Notes come from strangers, so every rule is explicit and every message names
the field and, where there is a fixed set, the allowed values. Values that are
shown as text (title, author) must be plain text.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from urllib.parse import urlsplit

from edition.model import Source

KINDS = ("context", "critique", "correction", "question", "translation")
REQUIRED = ("title", "author", "date", "kind", "target")
OPTIONAL = ("author_url", "sources")
TARGET_FIELDS = ("paragraph", "quote")
MAX_TITLE = 120
MAX_QUOTE = 500
_PARAGRAPH_ID = re.compile(r"^[\w-]+$")
_MARKUP = re.compile(r"[<>]")


def _plain(meta: dict, field: str, limit: int, errors: list[str]) -> str:
    value = meta.get(field)
    if not isinstance(value, str) or not value.strip():
        errors.append(f"'{field}' is missing or empty; write '{field}: ...'.")
        return ""
    if _MARKUP.search(value):
        errors.append(f"'{field}' must be plain text: '<' and '>' are not allowed.")
    if len(value) > limit:
        errors.append(f"'{field}' is {len(value)} characters long; keep it to {limit}.")
    return value.strip()


def check_url(value: Any, field: str, errors: list[str], schemes: tuple[str, ...] = ("http", "https")) -> str:
    """A web address with one of ``schemes`` and a host, or an error naming ``field``."""
    if not isinstance(value, str):
        errors.append(f"'{field}' must be a web address.")
        return ""
    parts = urlsplit(value.strip())
    if parts.scheme not in schemes or not parts.netloc or re.search(r"\s", value.strip()):
        errors.append(f"'{field}' must be an address starting with {' or '.join(s + '://' for s in schemes)} (got {value!r}).")
        return ""
    return value.strip()


def _date(meta: dict, errors: list[str]) -> str:
    value = meta.get("date")
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            pass
    errors.append(f"'date' must be a date written YYYY-MM-DD (got {value!r}).")
    return ""


def _target(meta: dict, errors: list[str]) -> tuple[str, str]:
    target = meta.get("target")
    if not isinstance(target, dict):
        errors.append("'target' must hold 'paragraph:' and 'quote:' on indented lines below it.")
        return "", ""
    for key in target:
        if key not in TARGET_FIELDS:
            errors.append(f"'target.{key}' is not a known field; allowed: {', '.join(TARGET_FIELDS)}.")
    paragraph, quote = target.get("paragraph"), target.get("quote")
    if not isinstance(paragraph, str) or not _PARAGRAPH_ID.match(paragraph):
        errors.append("'target.paragraph' must be a paragraph id, as in the page address after '#' (e.g. 'opening-2').")
        paragraph = ""
    if not isinstance(quote, str) or not quote.strip():
        errors.append("'target.quote' is missing or empty; copy the exact words the note is about.")
        quote = ""
    elif len(quote) > MAX_QUOTE:
        errors.append(f"'target.quote' is {len(quote)} characters long; quote at most {MAX_QUOTE}.")
    return paragraph, quote if isinstance(quote, str) else ""


def _sources(meta: dict, errors: list[str]) -> list[Source]:
    value = meta.get("sources")
    if value is None:
        return []
    if not isinstance(value, list):
        errors.append("'sources' must be a list of '- title: ...' / '  url: ...' items.")
        return []
    out = []
    for number, item in enumerate(value, 1):
        if not isinstance(item, dict) or not isinstance(item.get("title"), str):
            errors.append(f"'sources' item {number} needs a 'title' and a 'url'.")
            continue
        url = check_url(item.get("url"), f"sources[{number}].url", errors)
        if _MARKUP.search(item["title"]):
            errors.append(f"'sources' item {number}: the title must be plain text: '<' and '>' are not allowed.")
        elif url:
            out.append(Source(item["title"].strip(), url))
    return out


def validate(meta: dict) -> tuple[dict, list[str]]:
    """Check ``meta``; return the clean values and the list of problems (empty when valid)."""
    errors: list[str] = []
    for key in meta:
        if key not in REQUIRED + OPTIONAL:
            errors.append(f"'{key}' is not a known field; allowed: {', '.join(REQUIRED + OPTIONAL)}.")
    clean: dict[str, Any] = {
        "title": _plain(meta, "title", MAX_TITLE, errors),
        "author": _plain(meta, "author", MAX_TITLE, errors),
        "date": _date(meta, errors),
    }
    kind = meta.get("kind")
    if kind not in KINDS:
        errors.append(f"'kind' is {kind!r}; allowed: {', '.join(KINDS)}.")
    clean["kind"] = kind if kind in KINDS else ""
    clean["paragraph"], clean["quote"] = _target(meta, errors)
    clean["author_url"] = check_url(meta["author_url"], "author_url", errors, ("https",)) if "author_url" in meta else ""
    clean["sources"] = _sources(meta, errors)
    return clean, errors
