"""Build the link-check fixture sites with ``mkdocs build --strict``.

The broken site plants one break of each kind (and an id given to two
elements) and must fail with exactly these messages (and plants what must pass: #TOP, text fragments, a srcset
address holding a comma, tel:, a data-linkcheck-ignore block); the clean
site uses every Material feature that writes links of its own and must
pass, with directory URLs and without.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURE = Path(__file__).parent / "fixtures" / "linkcheck-site"
REFLECTION = "docs/essays/wandering-earth-ii/reflection.md"
OPENING = "docs/essays/wandering-earth-ii/index.md"

EXPECTED = [
    "docs/commentary/wandering-earth-ii/note.md: link '../missing/' points to a page that does not exist "
    "(essays/wandering-earth-ii/missing/).",
    # the name anchor linked after it is found: reading the page from disk keeps the <a name> targets
    f"{OPENING}: link 'reflection/#nowhere-at-all': no paragraph '#nowhere-at-all' on "
    f"essays/wandering-earth-ii/reflection/.",
    f"{REFLECTION}: id 'reflection-15' is given to more than one element of essays/wandering-earth-ii/reflection/; "
    "a link to '#reflection-15' reaches the first. Give each element an id of its own.",
    f"{REFLECTION}: link '#conclusoin': no paragraph '#conclusoin' on this page. Did you mean '#conclusion'?",
    f"{REFLECTION}: link '../#the-opening-7:~:text=x': no paragraph '#the-opening-7' on essays/wandering-earth-ii/. "
    "The page has '#the-opening-1' to '#the-opening-2': copy the one meant from its ¶ link.",
    f"{REFLECTION}: link '../#the-opening-9': no paragraph '#the-opening-9' on essays/wandering-earth-ii/. "
    "The page has '#the-opening-1' to '#the-opening-2': copy the one meant from its ¶ link.",
    # a tag in capitals is read as the browser reads it (a <SCRIPT SRC> was once passed over)
    f"{REFLECTION}: link '../../../files/gone.js' points to a file that does not exist (files/gone.js).",
    f"{REFLECTION}: link '../../../files/gone.pdf' points to a file that does not exist (files/gone.pdf).",
    f"{REFLECTION}: link '../../../glossary/soft-power/#histroy': no anchor '#histroy' on glossary/soft-power/. "
    "Did you mean '#history'?",
    f"{REFLECTION}: link '../../../images/poster.png' points to a file that does not exist (images/poster.png).",
    f"{REFLECTION}: link '../../glossary/soft-powr.md' points to a page that does not exist (glossary/soft-powr/). "
    "Did you mean 'glossary/soft-power/'?",
    # a name begun: compared with the names in its folder, 'soft' is the start of 'soft-power'
    f"{REFLECTION}: link '../../glossary/soft.md' points to a page that does not exist (glossary/soft/). "
    "Did you mean 'glossary/soft-power/'?",
    f"{REFLECTION}: link '../../images/map.png' is read from the built page, not from its Markdown file "
    "(MkDocs does not rewrite raw HTML). Write '../../../images/map.png' instead.",
    f"{REFLECTION}: link '../../images/mapp.png' points to a file that does not exist (images/mapp.png). "
    "Did you mean 'images/map.png'?",
    f"{REFLECTION}: link '../missing-section/' points to a page that does not exist "
    "(essays/wandering-earth-ii/missing-section/).",  # no name in the folder is like it: no guess
    f"{REFLECTION}: link '//127.0.0.1:8080/admin' points to a private or local network address (127.0.0.1) "
    "and is not checked online. Link to a public address instead.",
    f"{REFLECTION}: link '\\\\example.org\\x' is read by browsers as 'https://example.org/x', an address on another "
    f"site. "
    "Write 'https://example.org/x' if that is meant.",
    f"{REFLECTION}: link 'http//example.org' is a malformed URL (no ':' after the scheme). "
    "Did you mean 'http://example.org'?",
    f"{REFLECTION}: link 'https:example.org' is a malformed URL (no '//' after the scheme). "
    "Did you mean 'https://example.org'?",
    f"{REFLECTION}: link 'index.md' points to a Markdown file; MkDocs rewrites '.md' links in Markdown, "
    "not in raw HTML. Write '../' instead.",
    f"{REFLECTION}: link 'javascript:alert(1)' uses a javascript: URL, which is not allowed. "
    "Link to a page or file instead.",
    f"{REFLECTION}: link 'tel:' is a tel: link with no number. Write 'tel:+15550100' with the real number.",
    f"{REFLECTION}: link with no address: [nothing](). Give it a target or remove the link.",
    f"{REFLECTION}: link with no address: [wolf warriors](#). Give it a target or remove the link.",
    "docs/glossary/term.md: link '../essays/nowhere.md' points to a page that does not exist (essays/nowhere/).",
]
SUMMARY = re.compile(
    r"^INFO +- +linkcheck: (\d+) pages?, (\d+) links? checked, (\d+) problems? in \d+\.\d\ds"
    r"(, \d+ external links? skipped \(offline\))?$",
    re.M,
)


def build(config: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict`` offline, as CI runs it."""
    env = {k: v for k, v in os.environ.items() if k != "LINKCHECK_EXTERNAL"}
    env["NO_MKDOCS_2_WARNING"] = "1"
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir)],
        cwd=config.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def warnings(output: str) -> list[str]:
    return [line.split("linkcheck: ", 1)[1] for line in output.splitlines() if line.startswith("WARNING")]


def test_every_planted_break_is_reported(tmp_path: Path) -> None:
    result = build(FIXTURE / "mkdocs.yml", tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert warnings(output) == EXPECTED
    summary = SUMMARY.search(output)
    assert summary, output
    assert (summary.group(1), summary.group(3)) == ("6", str(len(EXPECTED)))


@pytest.mark.parametrize("config", ["mkdocs.yml", "flat.yml"])
def test_clean_site_passes(tmp_path: Path, config: str) -> None:
    result = build(FIXTURE / "clean" / config, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert warnings(output) == []
    summary = SUMMARY.search(output)
    assert summary and summary.group(3) == "0", output
    assert (tmp_path / "site" / "404.html").is_file()
