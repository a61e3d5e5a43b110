"""A small library of generated essays, imported with the real importer, for tests that need several essays.

The benchmark's corpus generator lives outside the runtime package and is
tuned for size; tests need a few essays of a known shape, made the way a
maintainer makes them (plain text through ``import_essay``), in a copy of
the ``import-site`` fixture.
"""

from __future__ import annotations

from pathlib import Path

from edition.features.importer.run import import_essay
from import_site import SITE, fill_stubs
from test_commentary_fixture import copy

SENTENCE = "Paragraph {p} of part {s} in essay {e} says one plain thing and ends."


def essay_text(number: int, sections: int) -> str:
    """Essay ``number`` in the importer's plain-text shape: an opening and ``sections - 1`` headed parts."""
    lines = [f"Essay {number}", f"Author {number} Writer", f"March {number} 2024", ""]
    for section in range(sections):
        if section:
            lines += [f"Part {section} of essay {number}", ""]
        lines += [SENTENCE.format(p=p, s=section, e=number) + "\n" for p in (1, 2)]
    return "\n".join(lines)


def library(tmp_path: Path, essays: int = 3, sections: int = 3) -> Path:
    """A project holding ``essays`` imported essays (``essay-1`` ...), each of ``sections`` pages; its path."""
    project = copy(SITE, tmp_path)
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    for number in range(1, essays + 1):
        source = incoming / f"essay-{number}.txt"
        source.write_text(essay_text(number, sections), encoding="utf-8")
        import_essay(source, project)
    fill_stubs(project)
    return project
