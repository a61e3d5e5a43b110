"""Fixture sites built with the real hooks: the planted problems and the hostile notes.

Each fixture is copied to a temporary folder (its ``mkdocs.yml`` pointed at
this repository's hooks) so that tests can add generated files and config
variants without touching the tree.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import ROOT

FIXTURES = ROOT / "tests" / "fixtures"
PREFIX = "WARNING -  "

BAD_EXPECTED = [
    "docs/commentary/e/bad-kind.md: 'kind' is 'gossip'; allowed: context, critique, correction, question, translation.",
    "docs/commentary/e/ambiguous-essay.md: target.paragraph names paragraph 'gone-9', which does not exist in essay "
    "'e'; "
    "the quote 'wolf warrior' occurs 2 times in the essay ('opening-1', 'opening-2'). "
    "Set target.paragraph to the right one and quote more words so that it occurs once there.",
    "docs/commentary/e/ambiguous-here.md: target quote 'the' occurs 2 times in paragraph 'opening-1'. "
    "Quote more words (target.quote) so that it occurs only once.",
    "docs/commentary/e/approximate.md: target quote 'creative concept, symbol and narratives' is not in paragraph "
    "'opening-1' "
    "nor anywhere else in essay 'e'. The closest passage is 'creative concepts, symbols, and narratives,' in "
    "'opening-1' "
    "(95% similar): copy the words exactly from the page into target.quote.",
    "docs/commentary/e/moved.md: target quote 'was shifted aside' is not in paragraph 'opening-1'; it appears in "
    "'opening-2'. "
    "Run: python scripts/reanchor.py --write",
    "docs/commentary/e/orphan.md: target quote 'nothing of the kind here at all' is not in paragraph 'opening-2' nor "
    "anywhere "
    "else in essay 'e'. No similar passage was found: copy the words exactly from the page into target.quote.",
    "docs/commentary/nope/stray.md: is in a folder with no essay: there is no docs/essays/nope/. "
    "Move the note into docs/commentary/<essay-slug>/ of the essay it discusses.",
    "docs/commentary/e/bad-link.md: body: link address 'JaVaScRiPt:alert(1)' is not allowed (only http, https, "
    "mailto or "
    "relative addresses); it was replaced by its text. Use an http(s), mailto or relative address.",
]


def copy(name: str, tmp_path: Path, extra_config: str = "") -> Path:
    """Copy fixture ``name`` to ``tmp_path``, its ``mkdocs.yml`` pointed at this repository's hooks."""
    project = tmp_path / name
    shutil.copytree(FIXTURES / name, project)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("../../../hooks/", f"{ROOT.as_posix()}/hooks/") + extra_config)
    return project


def run_build(project: Path, strict: bool = True) -> tuple[subprocess.CompletedProcess, Path]:
    site = project.parent / "site"
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        command + (["--strict"] if strict else []), capture_output=True, text=True, env=env, cwd=project
    )
    return result, site


def build(
    name: str, tmp_path: Path, strict: bool = True, extra_config: str = ""
) -> tuple[subprocess.CompletedProcess, Path]:
    return run_build(copy(name, tmp_path, extra_config), strict)


def warnings(result: subprocess.CompletedProcess) -> list[str]:
    """The warning lines, without the logger's name (``edition: ``, ``commentary: ``, ``linkcheck: ``...)."""
    return [
        re.sub(r"^\S*: (?=docs/)", "", line[len(PREFIX) :])
        for line in result.stderr.splitlines()
        if line.startswith(PREFIX)
    ]


def test_strict_build_fails_with_one_line_per_planted_problem(tmp_path):
    result, _ = build("commentary-bad", tmp_path)
    assert result.returncode == 1
    assert sorted(warnings(result)) == sorted(BAD_EXPECTED)


@pytest.mark.parametrize(
    "directory_urls, essay_page, note_page, back_link, permalink",
    [
        (
            True,
            "essays/e/index.html",
            "commentary/e/good/index.html",
            "../../../essays/e/#opening-1",
            "../../commentary/e/good/",
        ),
        (
            False,
            "essays/e/index.html",
            "commentary/e/good.html",
            "../../essays/e/index.html#opening-1",
            "../../commentary/e/good.html",
        ),
    ],
    ids=["directory urls", "file urls"],
)
def test_pages_link_to_each_other(tmp_path, directory_urls, essay_page, note_page, back_link, permalink):
    result, site = build(
        "commentary-bad", tmp_path, strict=False, extra_config=f"use_directory_urls: {str(directory_urls).lower()}\n"
    )
    assert result.returncode == 0, result.stderr
    essay = (site / essay_page).read_text()
    note = (site / note_page).read_text()
    assert f'href="{back_link}"' in note
    assert f'<a class="note-permalink" href="{permalink}">' in essay
    mark = '<mark class="note-quote" id="quote--good" aria-details="note--good" data-kind="context">'
    assert f"{mark}creative concepts</mark>" in essay
    assert 'data-source="docs/commentary/e/good.md"' in essay
    assert "note--ambiguous-here" not in essay  # orphans are not placed...
    index = (site / "commentary" / ("e/index.html")).read_text()
    assert "ambiguous-here" in index and "Orphaned" in index  # ...but listed
    assert (site / "commentary" / "index.html").exists()


def test_annotations_export(tmp_path):
    _, site = build("commentary-bad", tmp_path, strict=False)
    data = json.loads((site / "annotations.jsonld").read_text())
    assert data["type"] == "AnnotationCollection" and data["@context"] == "http://www.w3.org/ns/anno.jsonld"
    items = {item["id"]: item for item in data["first"]["items"]}
    assert data["total"] == len(items) == 8
    good = items["https://example.org/edition/commentary/e/good/"]
    assert good["type"] == "Annotation" and good["motivation"] == "commenting"
    assert good["target"]["source"] == "https://example.org/edition/essays/e/"
    quote, fragment = good["target"]["selector"]
    assert quote == {
        "type": "TextQuoteSelector",
        "exact": "creative concepts, symbols",
        "prefix": "ot well received. Soft power is built through "[-32:],
        "suffix": ", and narratives, and the films ",
    }
    assert fragment == {
        "type": "FragmentSelector",
        "value": "opening-1",
        "conformsTo": "http://tools.ietf.org/rfc/rfc3987",
    }
    assert good["body"] == {
        "type": "TextualBody",
        "value": "See [the essay](../../essays/e/index.md#opening-2).",
        "format": "text/markdown",
        "purpose": "commenting",
    }
    moved = items["https://example.org/edition/commentary/e/moved/"]
    assert moved["target"]["selector"][1]["value"] == "opening-2"


def test_a_hand_written_commentary_index_is_reported_and_the_generated_one_published(tmp_path):
    project = copy("commentary-bad", tmp_path)
    (project / "docs" / "commentary" / "e" / "index.md").write_text("# My own index\n\nHand-written.\n")
    result, site = run_build(project, strict=False)
    assert result.returncode == 0, result.stderr
    assert "docs/commentary/e/index.md: is generated by the build. Delete this file." in warnings(result)
    assert (project / "docs" / "commentary" / "e" / "index.md").exists()  # reported, never deleted
    page = (site / "commentary" / "e" / "index.html").read_text()
    assert "Hand-written" not in page and "note-list" in page


SPY_HOOK = """
import json, pathlib
import markdown
from mkdocs.plugins import event_priority

made = []
_init = markdown.Markdown.__init__


def _counting_init(self, *args, **kwargs):
    made.append(1)
    _init(self, *args, **kwargs)


markdown.Markdown.__init__ = _counting_init
seen = {}


@event_priority(100)  # before every other handler: what MkDocs itself read
def on_page_markdown(markdown, page, config, files):
    seen[page.file.src_uri] = [markdown, page.meta, len(made)]


@event_priority(-100)  # after every other handler: Markdown instances made for this page
def on_page_content(html, page, config, files):
    seen[page.file.src_uri][2] = len(made) - seen[page.file.src_uri][2]


def on_post_build(config):
    out = pathlib.Path(config.config_file_path).parent / "seen.json"
    out.write_text(json.dumps(seen, default=str))
"""


def test_note_files_are_read_once_by_the_model_not_again_by_mkdocs(tmp_path):
    project = copy("commentary-bad", tmp_path)
    (project / "spy.py").write_text(SPY_HOOK)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text() + "  - spy.py\n")
    result, _ = run_build(project, strict=False)
    assert result.returncode == 0, result.stderr
    seen = json.loads((project / "seen.json").read_text())
    # neither its Markdown nor its front matter parsed again, and no Markdown converter made for it
    assert seen["commentary/e/good.md"] == ["", {}, 0]
    markdown, _, made = seen["essays/e/index.md"]
    # other pages are read as usual and converted by the build's one converter, made before any page (on_files)
    assert "creative concepts" in markdown and made == 0


# --- hostile notes -------------------------------------------------------

TAG = re.compile(r"<([a-zA-Z][\w-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
ATTR = re.compile(r"""([^\s"'>/=]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")


def executable_from_notes(page: str) -> list[str]:
    """Scripts, event handlers and script URLs in a built page that did not come from the theme."""
    found = []
    for match in TAG.finditer(page):
        tag, attrs = match.group(1).lower(), match.group(2)
        for name, *values in ATTR.findall(attrs):
            value = html.unescape(next(v for v in values if v is not None) or "")
            plain = re.sub(r"[\x00-\x20]", "", value).lower()
            if name.lower().startswith("on") or plain.startswith(("javascript:", "vbscript:", "data:text")):
                found.append(match.group())
        if (
            tag in ("script", "iframe", "object", "embed")
            and "alert" in page[match.end() : match.end() + 200].split("</")[0]
        ):
            found.append(match.group())
    return found


def test_hostile_notes_cannot_run_code(tmp_path):
    folder = FIXTURES / "commentary-hostile" / "docs" / "commentary" / "e"
    head = (folder / "links.md").read_text().split("\n\n", 1)[0]
    extra = {"huge.md": (head + "\n\n" + "x" * 200 * 1024).encode(), "latin1.md": head.encode() + b"\n\ncaf\xe9\n"}
    project = copy("commentary-hostile", tmp_path)
    for name, data in extra.items():  # generated, not committed: a 200 KB file and invalid UTF-8
        (project / "docs" / "commentary" / "e" / name).write_bytes(data)
    result, site = run_build(project, strict=False)
    assert result.returncode == 0, result.stderr
    lines = warnings(result)
    for expected in [
        "docs/commentary/e/huge.md: is 200 KB; a note may be at most 100 KB. Shorten it or split it into several "
        "notes.",
        "docs/commentary/e/latin1.md: is not UTF-8 text. Save it as UTF-8.",
        "docs/commentary/e/script-title.md: 'title' must be plain text: '<' and '>' are not allowed.",
    ]:
        assert expected in lines
    assert any(line.startswith("docs/commentary/e/python-tag.md: front matter is not valid YAML") for line in lines)
    assert sum(line.startswith("docs/commentary/e/links.md: body: ") for line in lines) == 6
    pages = sorted(site.rglob("*.html"))
    assert pages
    for page in pages:
        assert executable_from_notes(page.read_text()) == [], page
    essay = (site / "essays" / "e" / "index.html").read_text()
    assert '&lt;script&gt;alert("raw")&lt;/script&gt;' in essay  # shown as text, in the callout
    note = (site / "commentary" / "e" / "quoting" / "index.html").read_text()
    assert '<meta name="author" content="&#34; onload=&#34;alert(1)">' not in note
    assert "Q&amp;A &quot; onmouseover=&quot;alert(1)" in note
