"""Read and write YAML front matter safely.

Front matter comes from strangers (commentary and glossary pull requests), so
it is only ever loaded with a safe loader (``CSafeLoader``, or ``SafeLoader``):
a ``!!python/object`` tag is an error, never code. Reading is done in three
steps so that every way YAML can fail ends in a :class:`FrontMatterError`
naming the line, never in a traceback or unbounded work:

1. compose the document into nodes (syntax errors carry their line);
2. check its shape before any value exists: no alias (``*name``), since one
   alias shares a whole value and nine nested ones expand a few hundred bytes
   into gigabytes for whatever walks the result (``str``, ``repr``, a
   template), and no nesting deeper than :data:`MAX_DEPTH`, since Python's
   own ``repr`` of a value nested 1,000 deep overflows the stack;
3. construct the values; PyYAML raises ``ValueError`` (``2023-02-30``,
   ``!!int 'abc'``), ``TypeError`` and others there, not only ``YAMLError``,
   and the node that failed is found again to report its line.

:func:`read` also returns the file's line of every field (``target.quote``,
``sources[2].url``), taken from the nodes' marks, so that a problem with a
field can point at its line. A leading byte order mark (U+FEFF, which some
Windows editors write) is ignored, as MkDocs ignores it. Writing is deterministic (key order kept,
Unicode kept) so that importing twice yields byte-identical files.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import yaml

# libyaml's loader when PyYAML was built with it: as safe (no Python tags) and several times faster,
# which matters when a build reads thousands of entries and notes.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # same output as SafeDumper, checked on every page
# The front matter block: two "---" lines and the YAML between them (group 1), at the very start of a file.
FENCE = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
BOM = "\ufeff"
FIRST_LINE = 2  # the front matter's first line in the file, after the opening '---'
MAX_DEPTH = 6  # the schemas nest three levels (sources: - title: ...); six leaves room for a wrong shape to be named
_SHOWN = 40  # characters of a value quoted in a message
_SHAPES = "a field holds text, a list or 'key: value' lines"
_NO_ALIAS = "aliases are not allowed: write the value out in full"
_TYPE_NAMES = {"timestamp": "a date", "int": "a whole number", "float": "a number", "bool": "true or false"}


class FrontMatterError(ValueError):
    """The front matter is not valid YAML, not a mapping, or uses what YAML allows but a file here may not.

    ``line`` is the file's line at fault, when it is known.
    """

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


def split(text: str) -> tuple[dict[str, Any], str]:
    """Return ``(meta, body)``; a file without front matter has ``meta == {}``."""
    meta, body, _ = read(text)
    return meta, body


def read(text: str) -> tuple[dict[str, Any], str, dict[str, int]]:
    """Return ``(meta, body, lines)``: ``lines`` maps each field to its line in the file (see :func:`field_lines`)."""
    text = text.removeprefix(BOM)
    match = FENCE.match(text)
    if not match:
        return {}, text, {}
    meta, node = _load(match.group(1) or "")
    meta = meta or {}
    if not isinstance(meta, dict):
        raise FrontMatterError("front matter must be a set of 'key: value' lines", FIRST_LINE)
    return meta, text[match.end() :], field_lines(node)


def load(source: str) -> Any:
    """The value of the YAML document ``source`` (the lines between the fences), checked as the module says."""
    return _load(source)[0]


def _load(source: str) -> tuple[Any, yaml.Node | None]:
    try:
        return _construct(source)
    except yaml.YAMLError as exc:
        problem = getattr(exc, "problem", None) or getattr(exc, "reason", None) or str(exc).splitlines()[0]
        line = _where(exc, source)
        where = f" (line {line})" if line else ""
        raise FrontMatterError(f"front matter is not valid YAML{where}: {_shown(problem, 200)}", line) from None


def _construct(source: str) -> tuple[Any, yaml.Node | None]:
    loader = _LOADER(source)  # the pure-Python reader refuses control characters here already
    try:
        try:
            node = loader.get_single_node()
        except RecursionError:  # the pure-Python composer recurses once per level; libyaml stops at 1,000
            raise FrontMatterError(_too_deep("")) from None
        if node is None:
            return None, None
        _check_shape(node, source)
        try:
            return loader.construct_document(node), node
        except yaml.YAMLError:
            raise
        except Exception as exc:
            raise FrontMatterError(*_unreadable(node, exc)) from None
    finally:
        loader.dispose()


def _where(exc: yaml.YAMLError, source: str) -> int | None:
    """The file's line of a syntax error: from its mark, or for a character the reader refused, its position."""
    mark = getattr(exc, "problem_mark", None)
    if mark is not None:
        return mark.line + FIRST_LINE
    if isinstance(exc, yaml.reader.ReaderError):
        return source.count(chr(10), 0, exc.position) + FIRST_LINE
    return None


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + FIRST_LINE


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return list(node.value) if isinstance(node, yaml.SequenceNode) else []


def _check_shape(root: yaml.Node, source: str) -> None:
    """Refuse aliases, then nesting deeper than :data:`MAX_DEPTH`, without recursion.

    An alias is written ``*name``: a document without a ``*`` has none, and
    one with it is parsed again as events, which name the alias and its line
    (the nodes keep neither). Without aliases the nodes are a tree, walked
    one level of collections at a time; a note's front matter has about
    five collections, so this costs a few microseconds per file.
    """
    if "*" in source:
        alias = next((e for e in yaml.parse(source, Loader=_LOADER) if isinstance(e, yaml.AliasEvent)), None)
        if alias is not None:
            at = alias.start_mark.line + FIRST_LINE if alias.start_mark else None
            where = f"'*{_shown(alias.anchor or '')}'" + (f" (line {at})" if at else "")
            raise FrontMatterError(f"front matter uses the YAML alias {where}; {_NO_ALIAS}", at)
    level, depth = [root], 1
    while level:
        if depth > MAX_DEPTH:
            raise FrontMatterError(_too_deep(f" (line {_line(level[0])})"), _line(level[0]))
        level = [child for node in level for child in _children(node) if not isinstance(child, yaml.ScalarNode)]
        depth += 1


def _too_deep(where: str) -> str:
    return f"front matter nests values more than {MAX_DEPTH} levels deep{where}; {_SHAPES}"


def _walk(root: yaml.Node) -> Iterator[yaml.Node]:
    """Every node in document order (the shape check has ruled out aliases and deep nesting)."""
    stack = [root]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(_children(node)))


def _fails(node: yaml.Node) -> Exception | None:
    try:
        yaml.constructor.SafeConstructor().construct_object(node, deep=True)
    except Exception as exc:
        return exc
    return None


def _unreadable(root: yaml.Node, error: Exception) -> tuple[str, int | None]:
    """The message for a value YAML parsed but could not construct, naming the value, and its line."""
    for node in _walk(root):
        if isinstance(node, yaml.ScalarNode) and (exc := _fails(node)) is not None:
            kind = node.tag.rsplit(":", 1)[-1]
            what = _TYPE_NAMES.get(kind, f"'!!{_shown(kind)}'")
            value = f"{_shown(node.value)!r} cannot be read as {what}: {_reason(exc)}"
            return f"front matter is not valid YAML (line {_line(node)}): {value}", _line(node)
    return f"front matter is not valid YAML: {_reason(error)}", None


def field_lines(root: yaml.Node | None) -> dict[str, int]:
    """The file's line of each field under ``root``, named as the schemas' messages name them.

    ``title``, ``target.quote``; a list's items by their number from 1,
    ``sources[2]`` and ``sources[2].url``. A key's line is where the key is
    written (a value on the lines below belongs to it). Keys that are not
    text are named by their text (``1``), as :func:`edition.content.fields.unknown_keys`
    names them.
    """
    lines: dict[str, int] = {}
    stack: list[tuple[str, yaml.Node]] = [("", root)] if root is not None else []
    while stack:
        name, node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                written = key.value if isinstance(key, yaml.ScalarNode) else "?"
                field = f"{name}.{written}" if name else written
                lines.setdefault(field, _line(key))
                stack.append((field, value))
        elif isinstance(node, yaml.SequenceNode):
            for number, item in enumerate(node.value, 1):
                lines.setdefault(f"{name}[{number}]", _line(item))
                stack.append((f"{name}[{number}]", item))
    return lines


def _reason(exc: Exception) -> str:
    return _shown(str(exc).splitlines()[0] if str(exc) else type(exc).__name__, 80)


def _shown(text: str, limit: int = _SHOWN) -> str:
    """``text`` cut to ``limit`` characters: a message quotes a value, it does not repeat a hostile one."""
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def body_line(text: str, body: str) -> int:
    """The line of ``text`` on which ``body`` (what :func:`split` returned for it) starts, counting from 1."""
    return text.count("\n", 0, len(text) - len(body)) + 1


def dump(meta: dict[str, Any], body: str) -> str:
    """Join ``meta`` and ``body`` into a Markdown file with front matter."""
    head = yaml.dump(meta, Dumper=_DUMPER, sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{head}---\n\n{body.lstrip()}"
