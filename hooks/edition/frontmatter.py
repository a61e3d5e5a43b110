"""Read and write YAML front matter safely.

Front matter comes from strangers (commentary pull requests), so it is only
ever loaded with a safe loader (``CSafeLoader``, or ``SafeLoader``): a ``!!python/object`` tag is an error,
never code. Writing is deterministic (key order kept, Unicode kept) so that
importing twice yields byte-identical files.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

# libyaml's loader when PyYAML was built with it: as safe (no Python tags), about 8x faster,
# which matters when a build reads thousands of entries and notes.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # same output as SafeDumper, checked on every page
_FENCE = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.DOTALL)


class FrontMatterError(ValueError):
    """The front matter is not valid YAML or not a mapping."""


def split(text: str) -> tuple[dict[str, Any], str]:
    """Return ``(meta, body)``; a file without front matter has ``meta == {}``."""
    match = _FENCE.match(text)
    if not match:
        return {}, text
    try:
        meta = yaml.load(match.group(1) or "", Loader=_LOADER) or {}  # noqa: S506 (a safe loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise FrontMatterError(f"front matter is not valid YAML{where}: {problem}") from None
    if not isinstance(meta, dict):
        raise FrontMatterError("front matter must be a set of 'key: value' lines")
    return meta, text[match.end() :]


def body_line(text: str, body: str) -> int:
    """The line of ``text`` on which ``body`` (what :func:`split` returned for it) starts, counting from 1."""
    return text.count("\n", 0, len(text) - len(body)) + 1


def dump(meta: dict[str, Any], body: str) -> str:
    """Join ``meta`` and ``body`` into a Markdown file with front matter."""
    head = yaml.dump(meta, Dumper=_DUMPER, sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{head}---\n\n{body.lstrip()}"
