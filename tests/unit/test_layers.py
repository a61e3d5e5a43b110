"""The package's layers hold: imports only go down, features stay apart, only the adapter imports MkDocs.

Layers from the bottom up: the address scheme and conventions, content,
safe rendering, the features, the MkDocs adapter (see ``edition/__init__``).
These checks read every module's imports (``ast``), so a new module is
covered the day it is written.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from support import ROOT

PACKAGE = ROOT / "hooks" / "edition"
LAYERS = {"addresses": 0, "conventions": 0, "content": 1, "safe": 2, "features": 3, "mkdocs_adapter": 4}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> list[tuple[str, list[str]]]:
    """Each imported module of ``path`` with the names taken from it."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module, [alias.name for alias in node.names]))
        elif isinstance(node, ast.Import):
            found += [(alias.name, []) for alias in node.names]
    return found


MODULES = sorted(PACKAGE.rglob("*.py"))


def layer(module: str) -> int | None:
    parts = module.split(".")
    return LAYERS.get(parts[1]) if parts[0] == "edition" and len(parts) > 1 else None


def feature(module: str) -> str | None:
    parts = module.split(".")
    return parts[2] if len(parts) > 2 and parts[:2] == ["edition", "features"] else None


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_imports_only_go_down_and_features_stay_apart(path: Path) -> None:
    me = module_name(path)
    for imported, _ in imports(path):
        if layer(me) is None or layer(imported) is None:
            continue
        assert layer(imported) <= layer(me), f"{me} imports {imported}, a layer above it"
        if feature(me) and feature(imported):
            assert feature(imported) == feature(me), f"{me} imports {imported}: the build composes features"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_only_the_adapter_imports_mkdocs(path: Path) -> None:
    me = module_name(path)
    uses_mkdocs = any(imported == "mkdocs" or imported.startswith("mkdocs.") for imported, _ in imports(path))
    assert not uses_mkdocs or me.startswith("edition.mkdocs_adapter"), f"{me} imports MkDocs"


@pytest.mark.parametrize("path", [*MODULES, *sorted((ROOT / "hooks").glob("*.py"))], ids=lambda p: p.name)
def test_nothing_private_is_imported_from_another_module(path: Path) -> None:
    for imported, names in imports(path):
        if imported.startswith("edition"):
            assert not [name for name in names if name.startswith("_")], (
                f"{path.name} imports private names of {imported}"
            )


@pytest.mark.parametrize("path", sorted((ROOT / "hooks").glob("*.py")), ids=lambda p: p.name)
def test_hook_files_only_route_events_to_the_adapter(path: Path) -> None:
    """A hook file imports MkDocs' types and the adapter, nothing else of the edition, and keeps no state."""
    for imported, _ in imports(path):
        if imported.startswith("edition"):
            assert imported.startswith("edition.mkdocs_adapter"), f"{path.name} imports {imported}"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Global):
            raise AssertionError(f"{path.name} keeps module state")
        for inner in ast.walk(node):
            assert not isinstance(inner, ast.Global), f"{path.name} rebinds module state"
