"""Shared fixtures: the repository root, the seed essay and a scratch repository."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support import SEED


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """An empty project tree (docs/, sources/) to import into."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "sources").mkdir()
    return tmp_path


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    """The seed essay, copied outside the repository (as a maintainer receives it)."""
    target = tmp_path / "incoming" / "wandering-earth-ii.txt"
    target.parent.mkdir()
    shutil.copy(SEED, target)
    return target
