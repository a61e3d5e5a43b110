"""Every link in the docs folder is found, and those that would make MkDocs' walk endless, in bounded time."""

from __future__ import annotations

import pytest

from edition.content.contributed.links import walk_links

LOOP = "is a symbolic link to a folder that contains it: MkDocs would follow it without end, before any check runs."
BIG = "is a symbolic link to more than 10 files and folders: MkDocs would walk them all, before any check runs."


def plant(docs, outside, case):
    links = {
        "up": [("commentary/e/a", "..")],
        "two up": [("commentary/e/a", ".."), ("commentary/e/b", "..")],
        "to the docs": [("glossary/docs", str(docs))],
        "to the root": [("glossary/root", "/")],
        "in a real sub-folder": [("commentary/e/sub/loop", "../..")],
        "outside the contributed folders": [("assets/self", ".")],
        "to a small folder": [("glossary/keys", str(outside))],
        "to a file": [("glossary/passwd.md", "/etc/passwd")],
        "dangling": [("glossary/gone", str(outside / "gone"))],
        "to a big folder": [("glossary/big", str(outside))],
        "to itself": [("glossary/self", "self")],
    }[case]
    for src, target in links:
        (docs / src).parent.mkdir(parents=True, exist_ok=True)
        (docs / src).symlink_to(target)
    if case == "to a big folder":
        for number in range(12):
            (outside / f"f{number}").write_text("x")


@pytest.mark.parametrize(
    "case, found, endless",
    [
        ("up", ["commentary/e/a"], [f"docs/commentary/e/a: {LOOP} Delete the link."]),
        (
            "two up",
            ["commentary/e/a", "commentary/e/b"],
            [f"docs/commentary/e/a: {LOOP} Delete the link.", f"docs/commentary/e/b: {LOOP} Delete the link."],
        ),
        ("to the docs", ["glossary/docs"], [f"docs/glossary/docs: {LOOP} Delete the link."]),
        ("to the root", ["glossary/root"], [f"docs/glossary/root: {BIG} Delete the link."]),
        ("in a real sub-folder", ["commentary/e/sub/loop"], [f"docs/commentary/e/sub/loop: {LOOP} Delete the link."]),
        ("outside the contributed folders", ["assets/self"], [f"docs/assets/self: {LOOP} Delete the link."]),
        ("to a small folder", ["glossary/keys"], []),  # what lies behind it is reached through it, not listed
        ("to a file", ["glossary/passwd.md"], []),
        ("dangling", ["glossary/gone"], []),
        ("to itself", ["glossary/self"], []),
        ("to a big folder", ["glossary/big"], [f"docs/glossary/big: {BIG} Delete the link."]),
    ],
)
def test_walk_links(tmp_path, case, found, endless):
    docs, outside = tmp_path / "docs", tmp_path / "outside"
    (docs / "glossary").mkdir(parents=True)
    outside.mkdir()
    (outside / "id_rsa").write_text("secret")
    plant(docs, outside, case)
    links = walk_links(docs, "docs", limit=10)
    assert (links.found, [str(p) for p in links.endless]) == (found, endless)
