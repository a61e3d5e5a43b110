"""One build object per build: made once per config, holding only the listed parts, guarding what is published."""

from __future__ import annotations

import types
from pathlib import Path

import pytest
from mkdocs.config import load_config

from edition.mkdocs_adapter.build import EditionBuild, listed, listed_parts

CONFIG = """site_name: Build object fixture
site_url: https://example.org/
hooks:
{hooks}
"""


def module(part: object) -> types.ModuleType:
    hook = types.ModuleType("hook")
    if part is not None:
        hook.PART = part  # type: ignore[attr-defined]
    return hook


@pytest.mark.parametrize(
    ("parts", "listed_names"),
    [
        (["essays", "commentary"], {"essays", "commentary"}),
        (["linkcheck", None], {"linkcheck"}),  # a module of someone else's: no PART
        ([3], set()),  # a PART that is not a name
        ([], set()),
    ],
)
def test_listed_parts_are_read_from_each_hook_module(parts, listed_names):
    assert listed_parts([module(p) for p in parts]) == listed_names


def project(tmp_path: Path, hooks: list[str]) -> str:
    (tmp_path / "docs").mkdir(exist_ok=True)
    (tmp_path / "docs" / "index.md").write_text("# Home\n")
    root = Path(__file__).resolve().parents[3]
    listed_hooks = "\n".join(f"  - {root}/hooks/{name}.py" for name in hooks)
    (tmp_path / "mkdocs.yml").write_text(CONFIG.format(hooks=listed_hooks))
    return str(tmp_path / "mkdocs.yml")


def test_one_object_per_build_and_a_new_one_for_the_next(tmp_path: Path) -> None:
    """``mkdocs serve`` loads a new config for every rebuild (and keeps the hook modules): a fresh build object."""
    path = project(tmp_path, ["commentary"])
    first = load_config(path)
    build = EditionBuild.of(first)
    assert EditionBuild.of(first) is build
    assert EditionBuild.of(load_config(path)) is not build


@pytest.mark.parametrize(
    ("hooks", "made"),
    [
        (
            ["essays", "commentary", "glossary", "reading", "linkcheck"],
            {"essays", "commentary", "glossary", "reading", "linkcheck"},
        ),
        (["commentary"], {"commentary"}),
        (["linkcheck", "glossary"], {"glossary", "linkcheck"}),
    ],
)
def test_only_the_parts_of_listed_hooks_are_made(tmp_path: Path, hooks: list[str], made: set[str]) -> None:
    """Each listed hook makes its own part on ``on_config`` (as MkDocs runs it), whatever the others."""
    config = load_config(project(tmp_path, hooks))
    config = config.plugins.on_config(config)
    build = EditionBuild.of(config)
    parts = {name: getattr(build, name) for name in ("essays", "commentary", "glossary", "reading", "linkcheck")}
    assert {name for name, part in parts.items() if part is not None} == made


def test_start_refuses_a_part_that_does_not_exist(tmp_path: Path) -> None:
    build = EditionBuild.of(load_config(project(tmp_path, ["essays"])))
    with pytest.raises(ValueError, match="no part named 'notes'"):
        build.start("notes")


def test_listed_names_a_missing_part_instead_of_failing_later() -> None:
    assert listed("part") == "part"
    with pytest.raises(RuntimeError, match="does not name in PART"):
        listed(None)
