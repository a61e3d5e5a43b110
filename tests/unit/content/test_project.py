"""A project's docs folder is read from its mkdocs.yml, as MkDocs reads it."""

from __future__ import annotations

import pytest

from edition.content.project import ProjectError, docs_dir


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
