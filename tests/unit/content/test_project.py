"""A project's docs folder is read from its mkdocs.yml, as MkDocs reads it."""

from __future__ import annotations

import pytest

from edition.content.project import ProjectError, docs_dir, open_project


@pytest.mark.parametrize(
    ("config", "folder"),
    [
        (None, "docs"),
        ("site_name: S\n", "docs"),
        ("site_name: S\ndocs_dir: pages\n", "pages"),
        (
            "site_name: S\ndocs_dir: src/pages\nmarkdown_extensions:\n  - pymdownx.emoji:\n"
            "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n",
            "src/pages",
        ),
        ("site_name: !ENV [SITE, 'S']\ndocs_dir: other\n", "other"),
    ],
    ids=["no mkdocs.yml", "default", "named", "with MkDocs' python tags", "with !ENV"],
)
def test_docs_dir_is_mkdocs_ymls(tmp_path, config, folder):
    if config is not None:
        (tmp_path / "mkdocs.yml").write_text(config)
    assert docs_dir(tmp_path) == tmp_path / folder


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ("site_name: [\n", "cannot be read (while parsing a flow node)"),
        ("docs_dir: [a, b]\n", "docs_dir must be a folder name, not list"),
    ],
)
def test_a_mkdocs_yml_that_cannot_be_read_is_named(tmp_path, config, message):
    (tmp_path / "mkdocs.yml").write_text(config)
    with pytest.raises(ProjectError) as raised:
        docs_dir(tmp_path)
    assert str(raised.value) == f"{tmp_path / 'mkdocs.yml'}: {message}"


@pytest.mark.parametrize(
    ("config", "make_docs", "said"),
    [
        (None, False, "tool: {root}/docs: no docs folder here; pass --root\n"),
        ("docs_dir: [a]\n", True, "tool: {root}/mkdocs.yml: docs_dir must be a folder name, not list\n"),
        ("docs_dir: pages\n", False, "tool: {root}/pages: no docs folder here; pass --root\n"),
    ],
    ids=["no docs folder", "unreadable mkdocs.yml", "the named folder missing"],
)
def test_a_project_that_cannot_be_opened_is_one_line_and_none(tmp_path, capsys, config, make_docs, said):
    if config is not None:
        (tmp_path / "mkdocs.yml").write_text(config)
    if make_docs:
        (tmp_path / "docs").mkdir()
    assert open_project(tmp_path, "tool") is None
    assert capsys.readouterr().err == said.format(root=tmp_path.resolve())


def test_a_project_opens_with_its_absolute_root_its_docs_and_its_site(tmp_path, monkeypatch):
    (tmp_path / "pages").mkdir()
    (tmp_path / "mkdocs.yml").write_text("docs_dir: pages\n")
    monkeypatch.chdir(tmp_path.parent)
    root, docs, site = open_project(tmp_path.relative_to(tmp_path.parent), "tool")
    assert (root, docs, site.essays, site.problems) == (tmp_path.resolve(), tmp_path.resolve() / "pages", {}, [])
