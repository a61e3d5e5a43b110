"""What a build withholds from MkDocs' files: all but the loaded notes and entries, each refusal said once."""

from __future__ import annotations

import pytest

from edition.content.contributed import publish
from edition.content.contributed.publish import linked, withheld
from edition.content.site import load_site

NOTE = "---\ntitle: T\nauthor: A\ndate: 2024-01-01\nkind: context\ntarget:\n  paragraph: p-1\n  quote: q\n---\n\nB.\n"
RENDERED = {"commentary", "glossary"}
ENTRY = "---\ntitle: T\nsummary: S.\n---\n\nB.\n"
LINKED = (
    "docs/glossary/keys: is a symbolic link; only regular files are published from docs/glossary/. "
    "Replace the link with what it points to, or delete it."
)
LATE = (
    "docs/glossary/late.html: is not a glossary entry: only glossary entries (docs/glossary/<name>.md) "
    "are published from docs/glossary/. Delete it, or ask a maintainer to add it under docs/assets/."
)


def test_only_loaded_notes_and_entries_are_kept_and_each_refusal_is_reported_once(tmp_path):
    docs = tmp_path / "docs"
    (docs / "commentary" / "e").mkdir(parents=True)
    (docs / "glossary").mkdir()
    (tmp_path / "outside").mkdir()
    (docs / "commentary" / "e" / "n.md").write_text(NOTE)
    (docs / "glossary" / "good.md").write_text(ENTRY)
    (docs / "glossary" / "broken.md").write_text("---\ntitle: [\n---\n")
    (docs / "glossary" / "keys").symlink_to(tmp_path / "outside", target_is_directory=True)
    site = load_site(docs, tmp_path)
    assert LINKED in [str(p) for p in site.problems]
    (docs / "glossary" / "late.html").write_text("<script></script>")  # appeared after the model loaded
    listed = [  # as MkDocs lists them, following the link
        "index.md",
        "assets/x.html",
        "essays/e/index.md",
        "commentary/e/n.md",
        "glossary/good.md",
        "glossary/broken.md",
        "glossary/keys/a.md",
        "glossary/keys/b.html",
        "glossary/late.html",
    ]
    remove, problems = withheld(site, listed, RENDERED)
    assert remove == ["glossary/broken.md", "glossary/keys/a.md", "glossary/keys/b.html", "glossary/late.html"]
    assert [str(p) for p in problems] == [LATE]
    assert withheld(site, ["glossary/late.html", "glossary/late.html"], RENDERED)[1] == problems  # once


def test_a_folder_the_build_does_not_render_is_withheld_whole_and_said_once(tmp_path):
    docs = tmp_path / "docs"
    (docs / "commentary" / "e").mkdir(parents=True)
    (docs / "commentary" / "e" / "n.md").write_text(NOTE)
    (docs / "commentary" / "e" / "m.md").write_text(NOTE)
    site = load_site(docs, tmp_path)
    remove, problems = withheld(site, ["index.md", "commentary/e/n.md", "commentary/e/m.md"], {"glossary"})
    assert remove == ["commentary/e/n.md", "commentary/e/m.md"]
    assert [str(p) for p in problems] == [
        "docs/commentary/: is not published: this site does not render notes from the model. "
        "List hooks/commentary.py under 'hooks:' in mkdocs.yml, or remove the folder."
    ]


@pytest.mark.parametrize(
    ("links", "removed", "named"),
    [
        ([], [], []),
        (["leak.txt"], ["leak.txt"], ["leak.txt"]),
        (["assets/keys"], ["assets/keys/id_rsa", "assets/keys/sub/x.png"], ["assets/keys"]),
        (["assets/k"], [], ["assets/k"]),  # a link reaches what is under it, not a sibling sharing its prefix
        (["commentary/e/x.md", "glossary/keys"], [], []),  # the contributed folders' links are the guard's
        (["gone"], [], ["gone"]),  # a dangling link is named though nothing is reached through it
    ],
    ids=["none", "a file", "a folder", "a prefix only", "contributed folders", "dangling"],
)
def test_nothing_is_published_through_a_link_outside_the_contributed_folders(links, removed, named):
    sources = ["index.md", "leak.txt", "assets/keys/id_rsa", "assets/keys/sub/x.png", "assets/kx.png"]
    sources += ["commentary/e/x.md", "glossary/keys/a.md"]
    remove, problems = linked(links, sources, "docs")
    assert remove == removed
    assert [str(p) for p in problems] == [f"docs/{link}: {publish.LINKED} {publish.LINKED_HINT}" for link in named]
