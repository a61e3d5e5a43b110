"""Point a moved note at its new paragraph by editing one value in its file.

Only the span of ``target.paragraph`` changes (:mod:`.note_fields`): every
other byte stays as it was, however the title, a comment or the body
happens to mention ``paragraph:`` (a text search edited those).
"""

from __future__ import annotations

from pathlib import Path

from edition.features.commentary.note_fields import set_file_values, set_values

PARAGRAPH = ("target", "paragraph")


def retarget(text: str, old: str, new: str) -> str | None:
    """``text`` with the front matter's ``target.paragraph`` set from ``old`` to ``new``.

    None when there is no front matter, it is not valid YAML, or it has no
    single ``target.paragraph`` whose value is ``old`` written in place
    (an alias to a value elsewhere is not edited: that would change the other key).
    A byte order mark before the front matter is accepted, as the build accepts
    it, and kept.
    """
    return set_values(text, {PARAGRAPH: new}, {PARAGRAPH: old})


def retarget_file(path: Path, old: str, new: str) -> bool:
    """Rewrite ``path`` in place (atomically); False if the value could not be found exactly once."""
    return set_file_values(path, {PARAGRAPH: new}, {PARAGRAPH: old})
