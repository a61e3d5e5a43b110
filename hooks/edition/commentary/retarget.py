"""Point a moved note at its new paragraph by editing one value in its file.

The file belongs to a contributor, so it is not re-serialised (that would
reorder keys, re-quote strings and drop comments): only the text of the
``paragraph:`` value inside the front matter changes, and every other byte
stays as it was.
"""

from __future__ import annotations

import re
from pathlib import Path

from edition.contributed.folders import COMMENTARY
from edition.files import write_atomic
from edition.frontmatter import _FENCE


def retarget(text: str, old: str, new: str) -> str | None:
    """``text`` with the front matter's ``paragraph: old`` set to ``new``; None if not found exactly once."""
    fence = _FENCE.match(text)
    if not fence:
        return None
    head = fence.group(0)
    value = re.compile(r"(\bparagraph\s*:[ \t]*)([\"']?)" + re.escape(old) + r"\2(?=[ \t]*(?:[,}#\r\n]|$))", re.M)
    matches = list(value.finditer(head))
    if len(matches) != 1:
        return None
    m = matches[0]
    return text[: m.start()] + m.group(1) + m.group(2) + new + m.group(2) + text[m.end() :]


def retarget_file(path: Path, old: str, new: str) -> bool:
    """Rewrite ``path`` in place (atomically); False if the value could not be found exactly once.

    The note is read as the build reads it (:meth:`edition.contributed.folders.Folder.read_text`):
    a file that is no longer a regular, small UTF-8 file is left alone.
    """
    text, _ = COMMENTARY.read_text(path, "")
    changed = None if text is None else retarget(text, old, new)
    if changed is None:
        return False
    write_atomic(path, changed.encode("utf-8"))
    return True
