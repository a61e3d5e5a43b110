"""A fixture site with one planted glossary problem of each kind: its strict build fails with exactly these messages."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from support import ROOT
from test_commentary_fixture import warnings

FIXTURE = ROOT / "tests" / "fixtures" / "glossary-bad"


EXPECTED = [
    "docs/essays/e/index.md: links to glossary entry 'soft-powr', which does not exist. Did you mean 'soft-power'? "
    "Or create docs/glossary/soft-powr.md.",
    "docs/glossary/soft-power.md: 'see_also' names 'hard-power', which is not a glossary entry. Did you mean "
    "'soft-power'?",
    "docs/glossary/soft-power.md: claims the name 'attraction', which docs/glossary/charm.md claims too. Keep it in "
    "one entry's title or aliases.",
    "docs/glossary/stubby.md: is a stub. Write a summary and a few sentences with sources, then remove 'status: stub'.",
    "docs/glossary/blank.md: has no 'summary'. Add one plain sentence: 'summary: ...'.",
    "docs/glossary/charm.md: 'summary' is 201 characters long; the limit is 200. Shorten it; the body can say more.",
    "docs/glossary/marked.md: 'summary' contains markup; it is shown as plain hover text. Remove links, HTML and "
    "'*', '_', '`' marks.",
    "docs/glossary/charm.md: body: link address 'javascript:alert(1)' is not allowed (only http, https, mailto or "
    "relative addresses); "
    "it was replaced by its text. Use an http(s), mailto or relative address.",
]


def test_strict_build_fails_with_each_planted_problem(tmp_path):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(FIXTURE / "mkdocs.yml"),
            "-d",
            str(tmp_path / "site"),
        ],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 1
    assert sorted(warnings(result)) == sorted(EXPECTED)
    assert "glossary: 4 entries nothing links to or mentions yet: blank, charm, marked, stubby" in result.stderr


def test_a_hostile_entry_title_stays_text_everywhere_the_theme_prints_it(tmp_path):
    project = tmp_path / "glossary"
    shutil.copytree(FIXTURE, project)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("../../../hooks/", f"{ROOT.as_posix()}/hooks/"))
    (project / "docs" / "glossary" / "evil.md").write_text(
        "---\ntitle: </title><script>alert(1)</script>\nsummary: A test entry.\n---\n\n"
        "Body <script>alert(2)</script> <img src=x onerror=alert(3)> [x](javascript:alert(4)).\n\n"
        '<div onclick="alert(5)">raw block</div>\n\n## History\n\nSee [charm](charm.md).\n',
        encoding="utf-8",
    )
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    site = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site)],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    page = (site / "glossary" / "evil" / "index.html").read_text(encoding="utf-8")
    assert "<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; - " in page
    assert "<h1>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</h1>" in page
    for built in site.rglob("*.html"):
        assert "<script>alert(1)" not in built.read_text(encoding="utf-8"), built
    # the body: raw HTML is text, the unsafe link its words, headings and links work as in notes
    assert "Body &lt;script&gt;alert(2)&lt;/script&gt; &lt;img src=x onerror=alert(3)&gt; x." in page
    assert '&lt;div onclick="alert(5)"&gt;raw block&lt;/div&gt;' in page
    assert "javascript:" not in page and "<script>alert(2)" not in page and "<div onclick" not in page
    assert '<h2 id="history">History</h2>' in page  # as the site's toc settings say (no permalinks in this fixture)
    assert (
        '<a href="../charm/"' in page and 'href="#history"' in page.split("md-nav--secondary")[1]
    )  # in the table of contents
