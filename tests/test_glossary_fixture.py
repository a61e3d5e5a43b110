"""A fixture site with one planted glossary problem of each kind: its strict build fails with exactly these messages."""

from __future__ import annotations

import os
import subprocess
import sys

from support import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "glossary-bad"
PREFIX = "WARNING -  "

EXPECTED = [
    "docs/essays/e/index.md: links to glossary entry 'soft-powr', which does not exist. Did you mean 'soft-power'? Or create docs/glossary/soft-powr.md.",
    "docs/glossary/soft-power.md: 'see_also' names 'hard-power', which is not a glossary entry. Did you mean 'soft-power'?",
    "docs/glossary/soft-power.md: claims the name 'attraction', which docs/glossary/charm.md claims too. Keep it in one entry's title or aliases.",
    "docs/glossary/stubby.md: is a stub. Write a summary and a few sentences with sources, then remove 'status: stub'.",
    "docs/glossary/blank.md: has no 'summary'. Add one plain sentence: 'summary: ...'.",
    "docs/glossary/charm.md: 'summary' is 201 characters long; the limit is 200. Shorten it; the body can say more.",
    "docs/glossary/marked.md: 'summary' contains markup; it is shown as plain hover text. Remove links, HTML and '*', '_', '`' marks.",
]


def test_strict_build_fails_with_each_planted_problem(tmp_path):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(FIXTURE / "mkdocs.yml"), "-d", str(tmp_path / "site")],
        capture_output=True, text=True, env=env,
    )
    assert result.returncode == 1
    warnings = [line[len(PREFIX):].removeprefix(": ") for line in result.stderr.splitlines() if line.startswith(PREFIX)]
    assert sorted(warnings) == sorted(EXPECTED)
    assert "glossary: 4 entries nothing links to or mentions yet: blank, charm, marked, stubby" in result.stderr
