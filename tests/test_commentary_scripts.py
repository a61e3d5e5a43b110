"""scripts/reanchor.py and scripts/new_commentary.py on a copy of the commentary fixture."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
import yaml

from support import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "commentary-bad"


@pytest.fixture
def project(tmp_path):
    target = tmp_path / "project"
    shutil.copytree(FIXTURE / "docs", target / "docs")
    return target


def run(script, *args):
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / script), *map(str, args)], capture_output=True, text=True
    )


def test_reanchor_reports_each_note(project):
    result = run("reanchor.py", "--root", project)
    assert result.returncode == 2  # a note that cannot be read is bad input
    lines = result.stdout.splitlines()
    assert "anchored  docs/commentary/e/good.md -> opening-1" in lines
    assert "moved     docs/commentary/e/moved.md: opening-1 -> opening-2" in lines
    assert any(line.startswith("orphaned  docs/commentary/e/orphan.md: ") for line in lines)
    assert result.stderr.splitlines() == [
        "reanchor: docs/commentary/e/bad-kind.md: 'kind' is 'gossip'; "
        "allowed: context, critique, correction, question, translation."
    ]
    (project / "docs" / "commentary" / "e" / "bad-kind.md").unlink()
    assert run("reanchor.py", "--root", project).returncode == 1  # moved and orphaned notes remain


def test_reanchor_write_changes_only_the_paragraph_line(project):
    path = project / "docs" / "commentary" / "e" / "moved.md"
    before = path.read_bytes()
    result = run("reanchor.py", "--root", project, "--write")
    assert "updated   docs/commentary/e/moved.md: opening-1 -> opening-2" in result.stdout
    after = path.read_bytes()
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=False) if a != b]
    assert changed == [(b"  paragraph: opening-1", b"  paragraph: opening-2")]
    assert len(before.splitlines()) == len(after.splitlines())
    assert "moved " not in run("reanchor.py", "--root", project).stdout


TRICKY = {
    "title.md": (
        "---\ntitle: 'Moved from paragraph: opening-1, see below'\nauthor: Tester\ndate: 2024-02-01\n"
        'kind: context\ntarget: {"paragraph": opening-1, quote: "was shifted aside"}\n---\n\nBody.\n'
    ),
    "comment.md": (
        "---\r\ntitle: A note\r\nauthor: Tester   # paragraph: opening-1\r\n"
        "date: 2024-02-01\r\nkind: context\r\ntarget:\r\n  \"paragraph\": 'opening-1'\r\n"
        "  quote: was shifted aside\r\n---\r\n\r\nBody.\r\n"
    ),
    "alias.md": (
        "---\ntitle: A note\nauthor: &who opening-1\ndate: 2024-02-01\nkind: context\n"
        "target:\n  paragraph: *who\n  quote: was shifted aside\n---\n\nBody.\n"
    ),
}


def test_reanchor_write_edits_target_paragraph_not_a_title_or_comment_that_mentions_it(project):
    folder = project / "docs" / "commentary" / "e"
    for name, text in TRICKY.items():
        (folder / name).write_bytes(text.encode())
    result = run("reanchor.py", "--root", project, "--write")
    lines = result.stdout.splitlines()
    assert "updated   docs/commentary/e/title.md: opening-1 -> opening-2" in lines
    assert "updated   docs/commentary/e/comment.md: opening-1 -> opening-2" in lines
    assert (
        "reanchor: docs/commentary/e/alias.md: front matter uses the YAML alias '*who' (line 7); aliases are not "
        "allowed: write the value out in full. Fix the lines between the two '---'; see CONTRIBUTING.md for an example."
    ) in result.stderr.splitlines()  # an alias is refused before reanchor could mistake it for the value
    title = TRICKY["title.md"].replace('"paragraph": opening-1', '"paragraph": opening-2')
    assert (folder / "title.md").read_bytes() == title.encode()
    assert (folder / "comment.md").read_bytes() == TRICKY["comment.md"].replace("'opening-1'", "'opening-2'").encode()
    assert (folder / "alias.md").read_bytes() == TRICKY["alias.md"].encode()


def test_reanchor_without_docs_exits_2(tmp_path):
    result = run("reanchor.py", "--root", tmp_path)
    assert result.returncode == 2 and len(result.stderr.splitlines()) == 1


def test_new_commentary_writes_a_valid_anchored_skeleton(project):
    args = [
        "--paragraph",
        "opening-2",
        "--quote",
        "change of tack",
        "--author",
        "Ann",
        "--kind",
        "question",
        "--root",
        project,
    ]
    first, second = run("new_commentary.py", *args), run("new_commentary.py", *args)
    assert first.returncode == second.returncode == 0
    folder = project / "docs" / "commentary" / "e"
    assert "wrote docs/commentary/e/change-of-tack.md" in first.stdout
    assert "wrote docs/commentary/e/change-of-tack-2.md" in second.stdout  # never overwrites
    meta = yaml.safe_load((folder / "change-of-tack.md").read_text().split("---")[1])
    assert meta["target"] == {"paragraph": "opening-2", "quote": "change of tack"}
    assert meta["revision"] == 1  # an essay without a revision record is at revision 1
    assert (meta["kind"], meta["author"], meta["title"]) == ("question", "Ann", "On \u201cchange of tack\u201d")
    assert "anchored  docs/commentary/e/change-of-tack.md -> opening-2" in run("reanchor.py", "--root", project).stdout


@pytest.mark.parametrize("occurrence, prefix, suffix", [(1, "and", "films"), (2, "of", "effort.")])
def test_new_commentary_writes_the_context_of_a_repeated_quote(project, occurrence, prefix, suffix):
    args = ["--paragraph", "opening-1", "--quote", "the", "--author", "Ann", "--occurrence", occurrence]
    result = run("new_commentary.py", *args, "--root", project)
    assert result.returncode == 0, result.stderr
    meta = yaml.safe_load((project / "docs" / "commentary" / "e" / "the.md").read_text().split("---")[1])
    assert meta["target"] == {"paragraph": "opening-1", "quote": "the", "prefix": prefix, "suffix": suffix}
    assert "anchored  docs/commentary/e/the.md -> opening-1" in run("reanchor.py", "--root", project).stdout


@pytest.mark.parametrize(
    "paragraph, quote, more, message",
    [
        (
            "gone-1",
            "x",
            (),
            "new_commentary: paragraph 'gone-1' does not exist; copy the id after '#' from the paragraph's ¶ link",
        ),
        (
            "opening-1",
            "was shifted aside",
            (),
            "new_commentary: target quote 'was shifted aside' is not in paragraph 'opening-1'; it appears in "
            "'opening-2'. Use --paragraph opening-2.",
        ),
        (
            "opening-2",
            "was shiftd aside",
            (),
            "new_commentary: target quote 'was shiftd aside' is not in paragraph 'opening-2' nor anywhere else in "
            "essay 'e'. "
            "The closest passage is 'was shifted aside' in 'opening-2' (97% similar): copy the words exactly from "
            "the page into target.quote.",
        ),
        (
            "opening-1",
            "the",
            (),
            "new_commentary: target quote 'the' occurs 2 times in paragraph 'opening-1' "
            "(1: '\u2026and narratives, and [the] films are part\u2026'; 2: '\u2026are part of [the] effort.'). "
            "Say which with --occurrence 1 to 2, or quote more words so that it occurs once.",
        ),
        (
            "opening-1",
            "the",
            ("--occurrence", 3),
            "new_commentary: target quote 'the' occurs 2 times in paragraph 'opening-1' "
            "(1: '\u2026and narratives, and [the] films are part\u2026'; 2: '\u2026are part of [the] effort.'). "
            "Say which with --occurrence 1 to 2, or quote more words so that it occurs once.",
        ),
        (
            "opening-2",
            "change of tack",
            ("--occurrence", 2),
            "new_commentary: target quote 'change of tack' occurs once in paragraph 'opening-2'; "
            "leave out --occurrence",
        ),
    ],
    ids=["unknown paragraph", "quote elsewhere", "approximate", "ambiguous", "no such occurrence", "needs none"],
)
def test_new_commentary_refuses_bad_anchor_with_one_line(project, paragraph, quote, more, message):
    command = ["--paragraph", paragraph, "--quote", quote, "--author", "Ann", "--root", project, *more]
    result = run("new_commentary.py", *command)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [message]
    assert "Traceback" not in result.stderr
