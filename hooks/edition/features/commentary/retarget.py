"""Point a moved note at its new paragraph by editing one value in its file.

The file belongs to a contributor, so it is not re-serialised (that would
reorder keys, re-quote strings and drop comments): the front matter is
parsed into YAML nodes, which carry the exact span of each value in the
text, and only the span of ``target.paragraph`` is replaced. Every other
byte stays as it was, however the title, a comment or the body happens to
mention ``paragraph:`` (a text search edited those).
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from edition.content.contributed.folders import COMMENTARY
from edition.content.files import write_atomic
from edition.content.frontmatter import FENCE

_PROPERTIES = re.compile(r"(?:[&!]\S*\s+)*")  # an anchor or tag before the value: part of the node, kept


def _value(mapping: yaml.Node, key: str) -> tuple[yaml.Node, yaml.Node] | None:
    """The key and value nodes of ``key`` in a mapping node; None when absent, repeated or not a mapping."""
    if not isinstance(mapping, yaml.MappingNode):
        return None
    pairs = [(k, v) for k, v in mapping.value if isinstance(k, yaml.ScalarNode) and k.value == key]
    return pairs[0] if len(pairs) == 1 else None


def _scalar(value: str, style: str | None) -> str:
    """``value`` written in the quoting style of the value it replaces (double quotes if plain would not read back)."""
    if style in ("'", '"'):
        return f"{style}{value}{style}"
    return value if yaml.safe_load(value) == value else f'"{value}"'


def retarget(text: str, old: str, new: str) -> str | None:
    """``text`` with the front matter's ``target.paragraph`` set from ``old`` to ``new``.

    None when there is no front matter, it is not valid YAML, or it has no
    single ``target.paragraph`` whose value is ``old`` written in place
    (an alias to a value elsewhere is not edited: that would change the other key).
    A byte order mark before the front matter is accepted, as the build accepts
    it, and kept.
    """
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    changed = _retarget(text[len(bom) :], old, new)
    return None if changed is None else bom + changed


def _retarget(text: str, old: str, new: str) -> str | None:
    fence = FENCE.match(text)
    if not fence or fence.group(1) is None:
        return None
    try:
        root = yaml.compose(fence.group(1), Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    if root is None:
        return None
    target = _value(root, "target")
    paragraph = _value(target[1], "paragraph") if target else None
    if paragraph is None:
        return None
    key, value = paragraph
    if not isinstance(value, yaml.ScalarNode) or value.value != old or value.start_mark.index < key.end_mark.index:
        return None
    start, end = fence.start(1) + value.start_mark.index, fence.start(1) + value.end_mark.index
    properties = _PROPERTIES.match(text, start, end)  # always matches, perhaps nothing
    start = properties.end() if properties else start
    return text[:start] + _scalar(new, value.style) + text[end:]


def retarget_file(path: Path, old: str, new: str) -> bool:
    """Rewrite ``path`` in place (atomically); False if the value could not be found exactly once.

    The note is read as the build reads it (:meth:`edition.content.contributed.folders.Folder.read_text`):
    a file that is no longer a regular, small UTF-8 file is left alone.
    """
    text, _ = COMMENTARY.read_text(path, "")
    changed = None if text is None else retarget(text, old, new)
    if changed is None:
        return False
    write_atomic(path, changed.encode("utf-8"))
    return True
