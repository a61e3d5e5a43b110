"""The order of the hooks in mkdocs.yml does not matter: every handler states its own priority.

The fixture holds the real essay, its glossary and its notes; it is built
with the hooks as listed and with the list reversed, and every file of the
two sites must be byte-identical.
"""

from __future__ import annotations

import re
from pathlib import Path

from import_site import site_with_real_essay
from test_commentary_fixture import run_build


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_reversing_the_hooks_list_changes_no_byte_of_the_site(tmp_path: Path) -> None:
    sites = {}
    for order in ("listed", "reversed"):
        project = site_with_real_essay(tmp_path / order)
        config = project / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        hooks = re.search(r"^hooks:\n((?:  - .*\n)+)", text, re.M)
        assert hooks is not None and hooks.group(1).count("\n") == 5
        if order == "reversed":
            lines = hooks.group(1).splitlines(keepends=True)
            text = text[: hooks.start(1)] + "".join(reversed(lines)) + text[hooks.end(1) :]
            config.write_text(text, encoding="utf-8")
        result, site = run_build(project)
        assert result.returncode == 0, result.stderr
        sites[order] = files(site)
    assert sites["listed"].keys() == sites["reversed"].keys()
    differing = [name for name in sites["listed"] if sites["listed"][name] != sites["reversed"][name]]
    assert differing == []
