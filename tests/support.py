"""Paths the tests share (importable: pytest's importlib mode does not import conftest by name)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "sources" / "wandering-earth-ii.txt"
FIXTURE_SOURCES = ROOT / "tests" / "fixtures" / "sources"


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file of the project tree except the tools' cache (``.cache/``, not part of the site)."""
    files = (p for p in sorted(root.rglob("*")) if p.is_file() and ".cache" not in p.relative_to(root).parts)
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in files}
