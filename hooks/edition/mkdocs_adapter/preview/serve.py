"""``make serve``: MkDocs' live-reloading server in front of the :class:`~edition.mkdocs_adapter.preview.Preview`.

It serves like ``mkdocs serve`` (the same server, address, mount path,
error pages and ``--strict``) with two differences: a change builds only
the pages it alters (``--full`` builds everything, as ``mkdocs serve``
does), and the watcher uses the system's file events (Linux inotify, macOS
FSEvents) instead of reading every file's status twice a second, which on
a library of 16,000 files is work of its own and up to half a second of
delay (``--poll`` polls as MkDocs does, for file systems without events).
The folders watched are :func:`~edition.mkdocs_adapter.preview.watched`:
the theme's overrides too, which ``mkdocs serve`` watches only when asked.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from os.path import isfile, join
from pathlib import Path
from typing import Any, cast
from urllib.parse import urlsplit

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from watchdog.events import (
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import ObservedWatch

from edition.mkdocs_adapter.preview import Preview, watched

log = logging.getLogger("mkdocs.preview")


def serve(
    config_file: str | None = None,
    dev_addr: str | None = None,
    *,
    strict: bool = False,
    incremental: bool = True,
    site_dir: str | None = None,
    poll: bool = False,
) -> None:
    """Build the site, serve it and keep it up to date until interrupted.

    ``site_dir`` keeps the built site there (default: a temporary folder,
    removed at the end). MkDocs' ``Abort`` (a strict first build with
    warnings, a configuration error) is raised to the caller.
    """
    folder = site_dir or tempfile.mkdtemp(prefix="mkdocs_")
    options: dict[str, Any] = {"dev_addr": dev_addr, "strict": strict or None}
    options = {key: value for key, value in options.items() if value}

    def load() -> MkDocsConfig:
        config = load_config(config_file=config_file, site_dir=folder, **options)
        config.site_url = url
        return config

    first = load_config(config_file=config_file, site_dir=folder, **options)
    host, port = first.dev_addr
    mount = urlsplit(first.site_url or "/").path
    url = first.site_url = f"http://{host}:{port}{mount}"
    first.plugins.on_startup(command="serve", dirty=False)
    preview = Preview(load, url, incremental)
    try:
        preview.build(first)
        server = LiveReloadServer(builder=preview.rebuild, host=host, port=port, root=folder, mount_path=mount)
        server.error_handler = lambda code: _error_page(folder, code)
        if not poll:
            server.observer = cast(Any, ChangesOnly())
        server = first.plugins.on_serve(server, config=first, builder=preview.rebuild)
        for path in watched(first):
            server.watch(str(path))
        try:
            server.serve()
        except KeyboardInterrupt:
            log.info("Shutting down...")
        finally:
            server.shutdown()
    finally:
        first.plugins.on_shutdown()
        if site_dir is None:
            shutil.rmtree(folder, ignore_errors=True)


WRITES: list[type[FileSystemEvent]] = [
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileClosedEvent,
]


class ChangesOnly(Observer):  # type: ignore[misc,valid-type]
    """The system's file events, only those of a file written, added, removed or moved.

    inotify also reports a file opened, and closed without a write: every
    build reads the docs folder, so each would start another build (MkDocs'
    server wakes on any event), forever.
    """

    def schedule(
        self,
        event_handler: FileSystemEventHandler,
        path: str | Path,
        *,
        recursive: bool = False,
        event_filter: list[type[FileSystemEvent]] | None = None,
        follow_symlink: bool = False,
    ) -> ObservedWatch:
        return super().schedule(
            event_handler, path, recursive=recursive, event_filter=event_filter or WRITES, follow_symlink=follow_symlink
        )


def _error_page(folder: str, code: int) -> bytes | None:
    """The site's own 404 page, as ``mkdocs serve`` serves it."""
    page = join(folder, f"{code}.html")
    if code in (404, 500) and isfile(page):
        with open(page, "rb") as file:
            return file.read()
    return None
