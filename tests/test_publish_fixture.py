"""A fixture site whose contributed folders receive every kind of file that must not be published.

The hostile files are made at test time in the copied fixture (git and
``shutil.copytree`` cannot carry symbolic links to system files, named
pipes or names that are not UTF-8). The strict build must fail with
exactly one message for each, and the site must hold exactly the files a
build without them holds, none of their content.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

from test_commentary_fixture import copy, executable_from_notes, run_build, warnings

NOTE = (
    "---\ntitle: A planted note\nauthor: A. Reader\ndate: 2024-02-01\nkind: context\n"
    "target:\n  paragraph: opening-1\n  quote: \"wolf warrior style\"\n---\n\n<script>alert('note')</script>\n"
)
ENTRY = (
    "---\ntitle: A planted entry\nsummary: An entry that must not be published.\n---\n\n"
    "<script>alert('entry')</script>\n"
)
SECRET = "PLANTED-SECRET-7f3a"  # in every planted file, so a copy of any of them in site/ is found
CAFE = "caf\u00e9.md"
NFD_CAFE = unicodedata.normalize("NFD", CAFE)
HOSTILE = 'x" onmouseover="alert(1)" y=".md'
UNREADABLE_NAME = os.fsdecode(b"\xff\xfe.md")  # not UTF-8: MkDocs gets it with surrogate escapes

# Regular files: path under docs/ -> content.
FILES = {
    "commentary/e/evil.html": f"<script>alert('{SECRET}')</script>",
    "glossary/evil.svg": f'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><title>{SECRET}</title></svg>',
    "commentary/e/old.markdown": NOTE,
    "glossary/Entry.MD": ENTRY,
    "commentary/e/README.md": NOTE,
    "commentary/e/sub/deep.md": NOTE,
    "commentary/top.md": NOTE,
    "commentary/e/my note.md": NOTE,
    "commentary/e/Upper.md": NOTE,
    "commentary/e/q&a.md": NOTE,
    'commentary/e/say "hi".md': NOTE,
    f"glossary/{HOSTILE}": ENTRY,
    f"glossary/{CAFE}": ENTRY,
    f"glossary/{NFD_CAFE}": ENTRY,
    f"glossary/{UNREADABLE_NAME}": ENTRY,
    "glossary/two\nlines.md": ENTRY,
    "glossary/index.md": "# My own glossary\n",
    "glossary/broken.md": "---\ntitle: [\n---\n<script>alert('broken')</script>\n",
    "glossary/huge.md": ENTRY + "x" * (200 * 1024),
}
D = "docs/"
ALLOWED = "allowed: title, summary, aliases, zh, see_also, sources, status."
# The fixture's soft-power entry carries keys Material would act on: the entry schema refuses them by name.
SCHEMA = [
    f"{D}glossary/soft-power.md: 'author' is not a known field; {ALLOWED}",
    f"{D}glossary/soft-power.md: 'template' is not a known field; {ALLOWED}",
]
EXPECTED = [
    f"{D}commentary/e/passwd.md: is a symbolic link; only regular files are published from docs/commentary/. "
    "Replace the link with what it points to, or delete it.",
    f"{D}commentary/e/keys: is a symbolic link; only regular files are published from docs/commentary/. "
    "Replace the link with what it points to, or delete it.",
    f"{D}glossary/keys: is a symbolic link; only regular files are published from docs/glossary/. "
    "Replace the link with what it points to, or delete it.",
    f"{D}glossary/zero.md: is a symbolic link; only regular files are published from docs/glossary/. "
    "Replace the link with what it points to, or delete it.",
    f"{D}commentary/e/pipe.md: is a named pipe; only regular files are published from docs/commentary/. Delete it.",
    f"{D}commentary/e/evil.html: is not a note: only notes (docs/commentary/<essay-slug>/<name>.md) are published "
    "from docs/commentary/. Delete it, or ask a maintainer to add it under docs/assets/.",
    f"{D}glossary/evil.svg: is not a glossary entry: only glossary entries (docs/glossary/<name>.md) are published "
    "from docs/glossary/. Delete it, or ask a maintainer to add it under docs/assets/.",
    f"{D}commentary/e/old.markdown: the file name 'old.markdown' is not allowed: use lower-case letters a-z, digits "
    "and single hyphens, ending in '.md'. Rename it, e.g. to 'old.md'.",
    f"{D}glossary/Entry.MD: the file name 'Entry.MD' is not allowed: use lower-case letters a-z, digits and single "
    "hyphens, ending in '.md'. Rename it, e.g. to 'entry.md'.",
    f"{D}commentary/e/README.md: the file name 'README.md' is not allowed: use lower-case letters a-z, digits and "
    "single hyphens, ending in '.md'. Rename it, e.g. to 'readme.md'.",
    f"{D}commentary/e/sub: is a sub-folder; notes are published only as docs/commentary/<essay-slug>/<name>.md. "
    "Move the files in it up into docs/commentary/e/, or delete it.",
    f"{D}commentary/top.md: is in the wrong place: notes are published only as "
    "docs/commentary/<essay-slug>/<name>.md. Move it to docs/commentary/<essay-slug>/top.md.",
    f"{D}commentary/e/my note.md: the file name 'my note.md' is not allowed: use lower-case letters a-z, digits and "
    "single hyphens, ending in '.md'. Rename it, e.g. to 'my-note.md'.",
    f"{D}commentary/e/Upper.md: the file name 'Upper.md' is not allowed: use lower-case letters a-z, digits and "
    "single hyphens, ending in '.md'. Rename it, e.g. to 'upper.md'.",
    f"{D}commentary/e/q&a.md: the file name 'q&a.md' is not allowed: use lower-case letters a-z, digits and single "
    "hyphens, ending in '.md'. Rename it, e.g. to 'q-a.md'.",
    f'{D}commentary/e/say "hi".md: the file name \'say "hi".md\' is not allowed: use lower-case letters a-z, '
    "digits and single hyphens, ending in '.md'. Rename it, e.g. to 'say-hi.md'.",
    f"{D}glossary/{HOSTILE}: the file name '{HOSTILE}' is not allowed: use lower-case letters a-z, digits and single "
    "hyphens, ending in '.md'. Rename it, e.g. to 'x-onmouseover-alert-1-y.md'.",
    f"{D}glossary/{CAFE}: the file name '{CAFE}' is not allowed: use lower-case letters a-z, digits and single "
    "hyphens, ending in '.md'. Rename it, e.g. to 'cafe.md'.",
    f"{D}glossary/{NFD_CAFE}: the file name '{NFD_CAFE}' is not allowed: use lower-case letters a-z, digits and "
    "single hyphens, ending in '.md'. Rename it, e.g. to 'cafe.md'.",
    f"{D}glossary/\\udcff\\udcfe.md: the file name '\\udcff\\udcfe.md' is not allowed: use lower-case letters a-z, "
    "digits and single hyphens, ending in '.md'. Rename it, e.g. to 'entry.md'.",
    f"{D}glossary/two\\nlines.md: the file name 'two\\nlines.md' is not allowed: use lower-case letters a-z, "
    "digits and single hyphens, ending in '.md'. Rename it, e.g. to 'two-lines.md'.",
    f"{D}glossary/index.md: is generated by the build. Delete this file.",
    f"{D}glossary/broken.md: front matter is not valid YAML (line 3): did not find expected node content. "
    "Fix the lines between the two '---'.",
    f"{D}glossary/huge.md: is 200 KB; a glossary entry may be at most 100 KB. Shorten it; the sources can say more.",
]


def plant(project: Path, outside: Path) -> None:
    """Put every hostile file into the copied fixture; ``outside`` is a folder beyond the docs folder."""
    docs = project / "docs"
    for name, content in FILES.items():
        path = docs / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content.replace("alert(", f"alert('{SECRET}',"), encoding="utf-8")
    (outside / "id_rsa").write_text(f"-----BEGIN PRIVATE KEY----- {SECRET}\n")
    (outside / "note.md").write_text(NOTE + SECRET)
    (docs / "commentary/e/passwd.md").symlink_to("/etc/passwd")
    (docs / "commentary/e/keys").symlink_to(outside, target_is_directory=True)
    (docs / "glossary/keys").symlink_to(outside, target_is_directory=True)
    (docs / "glossary/zero.md").symlink_to("/dev/zero")
    os.mkfifo(docs / "commentary/e/pipe.md")


def site_files(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}


def test_nothing_but_notes_and_entries_is_published(tmp_path):
    clean, clean_site = run_build(copy("publish-hostile", tmp_path / "clean"), strict=False)
    assert clean.returncode == 0 and sorted(warnings(clean)) == sorted(SCHEMA), clean.stderr
    (tmp_path / "outside").mkdir()
    project = copy("publish-hostile", tmp_path / "hostile")
    plant(project, tmp_path / "outside")

    result, _ = run_build(project)
    assert result.returncode == 1
    assert sorted(warnings(result)) == sorted(EXPECTED + SCHEMA)
    assert "Traceback" not in result.stderr

    result, site = run_build(project, strict=False)
    assert result.returncode == 0, result.stderr
    assert site_files(site) == site_files(clean_site)
    passwd = Path("/etc/passwd").read_text()[:40]
    for path in site.rglob("*"):
        if path.is_file():
            text = path.read_bytes().decode("utf-8", "replace")
            assert SECRET not in text and passwd not in text, path
            if path.suffix == ".html":
                assert executable_from_notes(text) == [], path


def test_a_linked_contributed_folder_is_refused_whole(tmp_path):
    """``docs/commentary`` or ``docs/glossary`` itself a link: one message each, nothing from them published."""
    (tmp_path / "outside" / "e").mkdir(parents=True)
    (tmp_path / "outside" / "e" / "note.md").write_text(NOTE + SECRET)
    project = copy("publish-hostile", tmp_path)
    for folder in ("commentary", "glossary"):
        os.rename(project / "docs" / folder, tmp_path / f"real-{folder}")
        (project / "docs" / folder).symlink_to(tmp_path / "outside", target_is_directory=True)
    result, site = run_build(project, strict=False)
    assert result.returncode == 0, result.stderr
    assert sorted(warnings(result)) == [
        f"{D}commentary: is a symbolic link; only regular files are published from docs/commentary/. "
        "Replace the link with what it points to, or delete it.",
        f"{D}glossary: is a symbolic link; only regular files are published from docs/glossary/. "
        "Replace the link with what it points to, or delete it.",
    ]
    assert not (site / "commentary" / "e" / "note").exists() and not (site / "glossary" / "e").exists()
    for path in site.rglob("*"):
        assert not path.is_file() or SECRET not in path.read_bytes().decode("utf-8", "replace"), path


ELSEWHERE = (
    "is a symbolic link; nothing is published through a link, which can point anywhere on the machine "
    "that builds the site."
)
LINKED = [  # outside the contributed folders: a pull request can add files anywhere
    ("leak.txt", "outside/id_rsa"),
    ("assets/keys", "outside"),
    ("essays/e/secret.md", "outside/note.md"),
    ("essays/e/keys", "outside"),
    ("essays/linked", "outside"),
    ("essays/e/revisions.yml", "/dev/zero"),  # never read: the loader stops at the link
]


def test_a_link_anywhere_in_the_docs_folder_publishes_nothing(tmp_path):
    """Links outside the contributed folders too: MkDocs copies what a link points to, a private key as well."""
    clean, clean_site = run_build(copy("publish-hostile", tmp_path / "clean"), strict=False)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "id_rsa").write_text(f"-----BEGIN PRIVATE KEY----- {SECRET}\n")
    (outside / "note.md").write_text(f"# Secret\n\n{SECRET}\n")
    project = copy("publish-hostile", tmp_path / "hostile")
    (project / "docs" / "assets").mkdir()
    for name, target in LINKED:
        (project / "docs" / name).symlink_to(tmp_path / target, target_is_directory=(tmp_path / target).is_dir())
    result, site = run_build(project, strict=False)
    assert result.returncode == 0, result.stderr
    expected = [f"{D}{name}: {ELSEWHERE} Replace the link with what it points to, or delete it." for name, _ in LINKED]
    expected.append(
        f"{D}essays/e/revisions.yml: is not a regular file; the importer writes the record as one. "
        "Restore it from git: the revisions page and the addresses of old paragraphs are built from it."
    )
    assert sorted(warnings(result)) == sorted(expected + warnings(clean))
    assert site_files(site) == site_files(clean_site)
    for path in site.rglob("*"):
        assert not path.is_file() or SECRET not in path.read_bytes().decode("utf-8", "replace"), path


def test_edit_button_address_is_escaped(tmp_path):
    """Material prints ``page.edit_url`` unescaped; a page named with quotes must not add attributes."""
    project = copy("publish-hostile", tmp_path)
    (project / "docs" / HOSTILE).write_text("# Odd name\n\nA maintainer's page with an odd name.\n")
    result, site = run_build(project, strict=False)
    assert result.returncode == 0, result.stderr
    page = (site / HOSTILE.removesuffix(".md") / "index.html").read_text()
    assert (
        'href="https://github.com/example/edition/edit/trunk/docs/'
        'x&#34; onmouseover=&#34;alert(1)&#34; y=&#34;.md"' in page
    )
    assert executable_from_notes(page) == []


def test_a_link_mkdocs_would_follow_without_end_stops_the_build_before_its_walk(tmp_path):
    """Two links to ``..`` made MkDocs walk ``a/b/a/b/...`` in every combination: the build never ended."""
    project = copy("publish-hostile", tmp_path)
    (project / "docs" / "commentary" / "e" / "a").symlink_to("..")
    (project / "docs" / "commentary" / "e" / "b").symlink_to("..")
    result, site = run_build(project, strict=False)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    loop = "is a symbolic link to a folder that contains it: MkDocs would follow it without end, before any check runs."
    errors = [line for line in result.stderr.splitlines() if "Delete the link." in line]
    assert errors == [
        f"ERROR   -  {D}commentary/e/a: {loop} Delete the link.",
        f"{D}commentary/e/b: {loop} Delete the link.",
    ]
    assert not site.exists()
