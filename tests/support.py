"""Paths the tests share (importable: pytest's importlib mode does not import conftest by name)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "sources" / "wandering-earth-ii.txt"
FIXTURE_SOURCES = ROOT / "tests" / "fixtures" / "sources"
