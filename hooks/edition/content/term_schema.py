"""The schema of a glossary entry's front matter, checked field by field as a note's is.

Entries arrive by pull request like notes: only the entry's own fields are
accepted, each of its type (a page setting such as ``template:``,
``hide:`` or ``search:`` is refused by name), and of those only the clean
title becomes the page's metadata (:func:`page_meta`).

Names (the title and each alias) are what the matcher compiles into the
pattern that every page's text is matched against, so they are bounded
(:data:`MAX_NAME`); they are plain text, as they are matched in the text
of pages.
"""

from __future__ import annotations

from typing import Any

from edition.content import fields

FIELDS = ("title", "summary", "aliases", "zh", "see_also", "sources", "status")
STATUSES = ("stub",)  # what the importer writes for an entry nobody has written yet
MAX_NAME = 100
MAX_SOURCE_TITLE = 300
_NAME_LIMIT = "a name may be at most"


def _names(value: Any, field: str, errors: list[str], limit: int) -> list[str]:
    """A list of names (or a single one): each plain text, at most ``limit`` characters."""
    if value is None:
        return []
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list):
        errors.append(fields.wrong_type(field, "a list of '- ...' lines", value))
        return []
    found = []
    for number, item in enumerate(items, 1):
        where = f"{field}[{number}]" if isinstance(value, list) else field
        if item is None or (isinstance(item, str) and not item.strip()):
            errors.append(fields.wrong_type(where, "a name", None))
            continue
        before = len(errors)
        name = fields.text(item, where, errors, limit, what=_NAME_LIMIT)
        if name and len(errors) == before:
            found.append(name)
    return found


def _status(value: Any, errors: list[str]) -> str:
    if value is None or value in STATUSES:
        return value or ""
    if not isinstance(value, str):
        errors.append(fields.wrong_type("status", "text", value).rstrip(".") + f"; allowed: {', '.join(STATUSES)}.")
    else:
        errors.append(f"'status' is {fields.shown(value)}; allowed: {', '.join(STATUSES)} (or no 'status' line).")
    return ""


def _summary(value: Any, errors: list[str]) -> str:
    """Text; whether it is there, short and plain is the linter's to say (it is the hover text)."""
    if value is None or isinstance(value, str):
        return (value or "").strip()
    errors.append(fields.wrong_type("summary", "text", value))
    return ""


def validate(meta: dict) -> tuple[dict[str, Any], list[str]]:
    """Check ``meta``; return the clean values (one per field) and the problems (empty when valid).

    A clean ``title`` of ``''`` means the entry cannot be used at all: it is
    missing, not text, or too long to be a name. A title with markup is
    reported but kept (it is escaped wherever it is shown).
    """
    errors: list[str] = []
    fields.unknown_keys(meta, FIELDS, errors)
    title = fields.text(meta.get("title"), "title", errors, MAX_NAME, what=_NAME_LIMIT)
    clean: dict[str, Any] = {
        "title": title if len(title) <= MAX_NAME else "",
        "summary": _summary(meta.get("summary"), errors),
        "aliases": _names(meta.get("aliases"), "aliases", errors, MAX_NAME),
        "zh": fields.text(meta.get("zh"), "zh", errors, MAX_NAME, required=False),
        "see_also": _names(meta.get("see_also"), "see_also", errors, MAX_NAME),
        "sources": fields.sources(meta.get("sources"), errors, MAX_SOURCE_TITLE),
        "status": _status(meta.get("status"), errors),
    }
    return clean, errors


def page_meta(clean: dict[str, Any]) -> dict[str, Any]:
    """The entry page's metadata: its title only.

    Material writes some metadata into the page unescaped (``author``,
    ``status`` in class names) and acts on other keys (``template`` picks the
    template, ``hide`` and ``search`` change the page); the entry's other
    fields are the model's to show, escaped, and the hook escapes the title.
    """
    return {"title": clean["title"]}
