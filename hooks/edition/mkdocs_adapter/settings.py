"""The edition's settings: the ``edition:`` mapping under ``extra:`` in mkdocs.yml, with a typed schema.

Under ``extra:`` because MkDocs refuses unknown top-level keys and hooks
have no configuration of their own; in a mapping of its own because the
theme reads ``extra:`` too. The schema is MkDocs' own (``config_options``),
so a wrong type stops the build with MkDocs' message and an unknown or
misspelled key fails the strict build, naming it: a typo is never ignored.

Example::

    extra:
      edition:
        nav_tail:
          - Glossary: glossary/index.md
        linkcheck_external: false
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError

from edition.content.nearest import nearest
from edition.content.problems import Problem
from edition.features.linkcheck.session import DEFAULT_CACHE

KEY = "edition"  # the mapping's key under extra:
MOVED = ("nav_tail", "linkcheck_external", "linkcheck_cache", "linkcheck_cache_ttl")  # once directly under extra:


class EditionSettings(base.Config):
    """Every setting of the edition; each option's docstring says what it does."""

    nav_tail = c.Nav(default=[])
    """Navigation entries after Home and the essays (``- Glossary: glossary/index.md``), as in MkDocs' ``nav``."""

    linkcheck_external = c.Type(bool, default=False)
    """Check web addresses online too (``LINKCHECK_EXTERNAL=1`` does the same for one build)."""

    linkcheck_cache = c.Type(str, default=DEFAULT_CACHE)
    """Where the results of online checks are kept, relative to the repository (not part of the site)."""

    linkcheck_cache_ttl = c.Type((int, float), default=86400)
    """For how many seconds a kept result of an online check is trusted."""


def load(extra: Mapping[str, Any], config_file: str) -> tuple[EditionSettings, list[Problem]]:
    """The validated settings and a warning per unknown key; a wrong type raises ``PluginError`` naming it.

    A setting still written directly under ``extra:`` (where it used to be)
    is an error too: left there it would be ignored.
    """
    moved = [key for key in MOVED if key in extra]
    if moved:
        raise PluginError(
            f"{config_file}: extra: {', '.join(moved)}: the edition's settings now live under 'extra: {KEY}:'; "
            "move them there."
        )
    raw = extra.get(KEY) or {}
    if not isinstance(raw, Mapping):
        raise PluginError(f"{config_file}: extra: {KEY}: must be a mapping of settings, not {type(raw).__name__}.")
    known = [name for name, _ in EditionSettings._schema]
    unknown = [key for key in raw if key not in known]
    settings = EditionSettings(config_file_path=config_file)
    settings.load_dict({key: value for key, value in raw.items() if key in known})
    errors, warnings = settings.validate()
    if errors:
        key, error = errors[0]
        raise PluginError(f"{config_file}: extra: {KEY}: {key}: {error}")
    found = [
        Problem(config_file, f"extra: {KEY}: '{key}' is not a setting of the edition.", _hint(key, known))
        for key in unknown
    ]
    return settings, found + [Problem(config_file, f"extra: {KEY}: {key}: {message}") for key, message in warnings]


def _hint(key: str, known: list[str]) -> str:
    close = nearest(str(key), known)
    return f"Did you mean '{close}'?" if close else f"Known settings: {', '.join(known)}."
