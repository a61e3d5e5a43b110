"""Typed reading of front-matter fields, shared by the note and the glossary entry schemas.

Notes and entries come from strangers' YAML, where any field can hold any
type: text, a number, a date, true or false, a list, ``key: value`` lines.
Each reader here returns the clean value, or records one message that
names the field and the type it must have, so a list given as ``title`` is
reported as a wrong type, never as "missing", and a message quotes at most
a few dozen characters of a hostile value.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from urllib.parse import urlsplit

from edition.content.model import Source

_MARKUP = re.compile(r"[<>]")
_SHOWN = 60  # characters of a value quoted in a message


def shown(value: Any) -> str:
    """``repr(value)`` cut short: enough to recognise the value, never the whole of a hostile one.

    A list or mapping is shown by its type only: its ``repr`` could be as large as the file.
    """
    if isinstance(value, str):
        return repr(_cut(value))
    return type_name(value) if isinstance(value, (list, dict, set, tuple)) else _cut(repr(value))


def _cut(text: str) -> str:
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "\u2026"


def type_name(value: Any) -> str:
    """What a YAML value is, in a contributor's words."""
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, (dt.date, dt.datetime)):
        return "a date"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "'key: value' lines"
    return f"a {type(value).__name__}"  # a set (!!set) or bytes (!!binary)


def wrong_type(field: str, expected: str, value: Any) -> str:
    """The message for a field holding the wrong type; a scalar meant as text needs quotes."""
    if value is None:
        return f"'{field}' is empty; write {expected} or remove the line."
    hint = "; put it in quotes" if expected == "text" and not isinstance(value, (list, dict, set)) else ""
    return f"'{field}' must be {expected}, not {type_name(value)}{hint}."


def unknown_keys(meta: dict, allowed: tuple[str, ...], errors: list[str], prefix: str = "") -> None:
    """One message per key that is not in ``allowed`` (misspelt, or a page setting a contributor may not use)."""
    for key in meta:
        if key not in allowed:
            name = _cut(key) if isinstance(key, str) else shown(key)
            errors.append(f"'{prefix}{name}' is not a known field; allowed: {', '.join(allowed)}.")


def text(value: Any, field: str, errors: list[str], limit: int, *, required: bool = True, what: str = "") -> str:
    """Plain text of at most ``limit`` characters ('<' and '>' refused), stripped; '' when absent or wrong.

    ``what`` names the limit in the message (``a name may be at most 100``);
    by default it reads ``keep it to 100``.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            errors.append(f"'{field}' is missing or empty; write '{field}: ...'.")
        return ""
    if not isinstance(value, str):
        errors.append(wrong_type(field, "text", value))
        return ""
    if _MARKUP.search(value):
        errors.append(f"'{field}' must be plain text: '<' and '>' are not allowed.")
    if len(value) > limit:
        errors.append(f"'{field}' is {len(value)} characters long; {what or 'keep it to'} {limit}.")
    return value.strip()


def url(value: Any, field: str, errors: list[str], schemes: tuple[str, ...] = ("http", "https")) -> str:
    """A web address with one of ``schemes`` and a host, or an error naming ``field``."""
    if not isinstance(value, str):
        errors.append(wrong_type(field, "a web address", value))
        return ""
    parts = urlsplit(value.strip())
    # A backslash is a '/' to a browser: 'https://evil.example\\@good.example' opens evil.example.
    if parts.scheme not in schemes or not parts.netloc or re.search(r"[\s\\]", value.strip()):
        starts = " or ".join(s + "://" for s in schemes)
        errors.append(f"'{field}' must be an address starting with {starts} (got {shown(value)}).")
        return ""
    return value.strip()


def sources(value: Any, errors: list[str], limit: int) -> list[Source]:
    """The ``sources`` list: each item a plain ``title`` and an http(s) ``url``."""
    if value is None:
        return []
    if not isinstance(value, list):
        errors.append(wrong_type("sources", "a list of '- title: ...' / '  url: ...' items", value))
        return []
    out = []
    for number, item in enumerate(value, 1):
        if not isinstance(item, dict) or "title" not in item:
            errors.append(f"'sources' item {number} needs a 'title' and a 'url'.")
            continue
        title = text(item["title"], f"sources[{number}].title", errors, limit)
        address = url(item.get("url"), f"sources[{number}].url", errors)
        unknown_keys(item, ("title", "url"), errors, f"sources[{number}].")
        if title and address:
            out.append(Source(title, address))
    return out
