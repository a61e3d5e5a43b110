"""The preview's watcher wakes the server for a file written, added, removed or moved, never for a file read."""

from __future__ import annotations

import queue
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from watchdog.events import FileSystemEvent, FileSystemEventHandler

from edition.mkdocs_adapter.preview.serve import ChangesOnly


class Events(FileSystemEventHandler):
    def __init__(self) -> None:
        self.seen: queue.Queue[FileSystemEvent] = queue.Queue()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if not event.is_directory:
            self.seen.put(event)


@pytest.fixture
def watched(tmp_path: Path) -> Iterator[tuple[Path, Events]]:
    (tmp_path / "page.md").write_text("# A page\n", encoding="utf-8")
    events, observer = Events(), ChangesOnly()
    observer.schedule(events, str(tmp_path), recursive=True)
    observer.start()
    yield tmp_path, events
    observer.stop()
    observer.join()


def test_reading_a_file_wakes_nothing(watched: tuple[Path, Events]) -> None:
    folder, events = watched
    for _ in range(3):
        (folder / "page.md").read_text(encoding="utf-8")
    with pytest.raises(queue.Empty):
        events.seen.get(timeout=1)


@pytest.mark.parametrize(
    "change",
    [
        lambda folder: (folder / "page.md").write_text("# Edited\n", encoding="utf-8"),
        lambda folder: (folder / "new.md").write_text("# New\n", encoding="utf-8"),
        lambda folder: (folder / "page.md").unlink(),
        lambda folder: (folder / "page.md").rename(folder / "moved.md"),
    ],
    ids=["written", "added", "removed", "moved"],
)
def test_a_change_wakes_the_server(watched: tuple[Path, Events], change: Callable[[Path], object]) -> None:
    folder, events = watched
    change(folder)
    assert events.seen.get(timeout=30) is not None
