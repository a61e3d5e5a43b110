"""Reading note files: refusals before parsing, and every problem naming the file."""

from __future__ import annotations

import pytest

from edition.commentary.load import load_comments
from edition.glossary.terms import load_terms

GOOD = "---\ntitle: T\nauthor: A\ndate: 2024-01-01\nkind: context\ntarget:\n  paragraph: opening-1\n  quote: q\n---\n\nBody.\n"


@pytest.mark.parametrize(
    "content, expected",
    [
        (b"x" * (200 * 1024), "docs/commentary/e/n.md: is 200 KB; a note may be at most 100 KB. Shorten it or split it into several notes."),
        (b"---\ntitle: caf\xe9\n---\n", "docs/commentary/e/n.md: is not UTF-8 text. Save it as UTF-8."),
        (b"---\ntitle: !!python/object/apply:os.system ['echo hi']\n---\n",
         "docs/commentary/e/n.md: front matter is not valid YAML (line 2): could not determine a constructor for the tag "
         "'tag:yaml.org,2002:python/object/apply:os.system'. Fix the lines between the two '---'; see CONTRIBUTING.md for an example."),
        (b"Just text.\n", "docs/commentary/e/n.md: has no front matter. Start the file with the '---' block shown in CONTRIBUTING.md."),
        (b"---\n- a list\n---\n", "docs/commentary/e/n.md: front matter must be a set of 'key: value' lines. Fix the lines between the two '---'; see CONTRIBUTING.md for an example."),
    ],
    ids=["too large", "not utf-8", "python tag", "no front matter", "not a mapping"],
)
def test_refused_files_are_named(tmp_path, content, expected):
    folder = tmp_path / "docs" / "commentary" / "e"
    folder.mkdir(parents=True)
    (folder / "n.md").write_bytes(content)
    comments, problems = load_comments(tmp_path / "docs", tmp_path)
    assert comments == []
    assert [str(p) for p in problems] == [expected]


def test_good_note_loads_and_generated_index_is_skipped(tmp_path):
    folder = tmp_path / "docs" / "commentary" / "e"
    folder.mkdir(parents=True)
    (folder / "n.md").write_text(GOOD)
    (folder / "index.md").write_text("# generated\n")
    comments, problems = load_comments(tmp_path / "docs", tmp_path)
    assert problems == []
    assert [(c.essay, c.name, c.path, c.paragraph, c.body.strip()) for c in comments] == [
        ("e", "n", "docs/commentary/e/n.md", "opening-1", "Body.")
    ]


@pytest.mark.parametrize("content, line", [
    (GOOD, 10), (GOOD.replace("\n", "\r\n"), 10),
    (GOOD.replace("---\n\nBody", "---\nBody"), 10), (GOOD.replace("\n\nBody.\n", ""), 9),
], ids=["blank line first", "crlf", "body at once", "no body"])
def test_a_note_knows_the_line_its_body_starts_on(tmp_path, content, line):
    folder = tmp_path / "docs" / "commentary" / "e"
    folder.mkdir(parents=True)
    (folder / "n.md").write_bytes(content.encode())
    comments, _ = load_comments(tmp_path / "docs", tmp_path)
    assert [c.body_line for c in comments] == [line]


def test_an_entry_knows_the_line_its_body_starts_on(tmp_path):
    folder = tmp_path / "docs" / "glossary"
    folder.mkdir(parents=True)
    (folder / "x.md").write_text("---\ntitle: X\nsummary: An x.\n---\n\nBody.\n")
    terms, _ = load_terms(tmp_path / "docs", tmp_path)
    assert terms["x"].body_line == 5 and terms["x"].body.splitlines()[1] == "Body."
