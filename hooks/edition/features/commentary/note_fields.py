"""Set values in a note's front matter by editing only their spans: the tools' one way to change a note.

The file belongs to a contributor, so it is not re-serialised (that would
reorder keys, re-quote strings and drop comments): the front matter is
parsed into YAML nodes, which carry the exact span of each value in the
text, and only those spans are replaced. A top-level key the note does not
have yet (``revision:``, ``status:``) is added as one line at the end of the
front matter. Every other byte stays as it was, however the title, a
comment or the body happens to mention the key.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path

import yaml

from edition.content.contributed.folders import COMMENTARY
from edition.content.files import write_atomic
from edition.content.frontmatter import BOM, FENCE

Key = tuple[str, ...]  # a path of keys: ("target", "quote")
_PROPERTIES = re.compile(r"(?:[&!]\S*\s+)*")  # an anchor or tag before the value: part of the node, kept


def value_node(mapping: yaml.Node, key: str) -> tuple[yaml.Node, yaml.Node] | None:
    """The key and value nodes of ``key`` in a mapping node; None when absent, repeated or not a mapping."""
    if not isinstance(mapping, yaml.MappingNode):
        return None
    pairs = [(k, v) for k, v in mapping.value if isinstance(k, yaml.ScalarNode) and k.value == key]
    return pairs[0] if len(pairs) == 1 else None


def scalar(value: str | int, style: str | None) -> str:
    """``value`` as YAML in the quoting style of the value it replaces, quoted whenever plain would not read back."""
    if isinstance(value, int):
        return str(value)
    if style == "'":
        return "'" + value.replace("'", "''") + "'"
    if style != '"' and "\n" not in value and yaml.safe_load(value) == value and value.strip() == value:
        return value
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def set_values(text: str, values: Mapping[Key, str | int], expect: Mapping[Key, str] | None = None) -> str | None:
    """``text`` with each key path of ``values`` set; None when that cannot be done exactly.

    ``expect`` names values that must be found as they are (a retarget
    edits only the paragraph it was told of). None when there is no front
    matter, it is not valid YAML, a key is there twice, a value is not a
    plain value written in place (an alias would change another key, a block
    scalar spans lines), an
    expected value differs, or a missing key is not a top-level one of a
    block mapping. A byte order mark before the front matter is kept.
    """
    bom = BOM if text.startswith(BOM) else ""
    body = text[len(bom) :]
    fence = FENCE.match(body)
    if not fence or fence.group(1) is None:
        return None
    try:
        root = yaml.compose(fence.group(1), Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    if not isinstance(root, yaml.MappingNode):
        return None
    edits: list[tuple[int, int, str]] = []
    added: list[str] = []
    for path, value in values.items():
        found = _find(root, path)
        if found is None:
            if len(path) != 1 or root.flow_style or value_node(root, path[0]) is not None:
                return None
            added.append(f"{path[0]}: {scalar(value, None)}")
            continue
        node = found[1]
        if expect and path in expect and node.value != expect[path]:
            return None
        start, end = fence.start(1) + node.start_mark.index, fence.start(1) + node.end_mark.index
        properties = _PROPERTIES.match(body, start, end)  # always matches, perhaps nothing
        edits.append((properties.end() if properties else start, end, scalar(value, node.style)))
    for start, end, replacement in sorted(edits, reverse=True):
        body = body[:start] + replacement + body[end:]
    if added:
        newline = "\r\n" if fence.group(0).endswith("\r\n") else "\n"
        at = fence.end(1) + sum(len(r) - (e - s) for s, e, r in edits)
        body = body[:at] + "".join(line + newline for line in added) + body[at:]
    return bom + body


def _find(root: yaml.MappingNode, path: Key) -> tuple[yaml.Node, yaml.ScalarNode] | None:
    node: yaml.Node = root
    found = None
    for key in path:
        found = value_node(node, key)
        if found is None:
            return None
        node = found[1]
    if found is None or not isinstance(node, yaml.ScalarNode) or node.style in ("|", ">"):
        return None  # a block scalar ends on the next line: it is not a span to put one value in
    if node.start_mark.index < found[0].end_mark.index:
        return None  # an alias: the value is written elsewhere, for another key too
    return found[0], node


def set_file_values(path: Path, values: Mapping[Key, str | int], expect: Mapping[Key, str] | None = None) -> bool:
    """Rewrite ``path`` in place (atomically) with :func:`set_values`; False when it could not be done exactly.

    The note is read as the build reads it (:meth:`edition.content.contributed.folders.Folder.read_text`):
    a file that is no longer a regular, small UTF-8 file is left alone.
    """
    text, _ = COMMENTARY.read_text(path, "")
    changed = None if text is None else set_values(text, values, expect)
    if changed is None:
        return False
    write_atomic(path, changed.encode("utf-8"))
    return True
