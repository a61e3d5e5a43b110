"""The preview behind ``make serve``: after a save, only the pages the change alters are built again.

``mkdocs serve`` builds the whole site after every save: on a library of a
thousand essay pages (16,000 pages with the glossary and the notes) that is
a minute before a corrected note shows. :class:`Preview` builds the site
once with MkDocs' own build, then, after each change, asks a
:class:`~edition.content.snapshot.Snapshot` which files changed, sorts them
(:mod:`.plan`) and lets one step (:mod:`.step`) bring the model, the parts,
the pages they alter and the site-wide files up to date. What a change can
alter is what the parts recorded while building each page
(:mod:`edition.content.graph`); work on unchanged files is kept in a memo
(:mod:`edition.content.memo`).

The served site must always equal what a clean full build of the same
files produces, byte for byte: whatever a step cannot do exactly (a
template, ``mkdocs.yml``, the navigation, a plugin the preview does not
know) it leaves to a full build, and says why. ``tests/test_preview_*``
apply scripted and random edits and compare every file with a full build.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

from edition.content.memo import Memo
from edition.content.snapshot import Changes, Snapshot
from edition.content.text import counted
from edition.mkdocs_adapter.build import MEMO
from edition.mkdocs_adapter.preview.logs import LOGGER, Held, PageWarnings
from edition.mkdocs_adapter.preview.plan import Plan, plan
from edition.mkdocs_adapter.preview.step import Built, Report, step

log = logging.getLogger("mkdocs.preview")


@dataclass
class Outcome:
    """What an update did: ``"nothing"``, ``"pages"`` (a step, see ``report``) or ``"full"`` (and why)."""

    kind: str
    reason: str = ""
    report: Report | None = None


class Preview:
    """The site in ``site_dir`` kept up to date with its files.

    ``load`` makes a new configuration of the site (each full build reads
    ``mkdocs.yml`` again); ``serve_url`` is the server's address when serving
    (MkDocs then builds draft pages too); ``incremental`` false makes every
    change build the whole site, as ``mkdocs serve`` does.
    """

    def __init__(self, load: Callable[[], MkDocsConfig], serve_url: str | None = None, incremental: bool = True):
        self.load = load
        self.serve_url = serve_url
        self.incremental = incremental
        self.memo = Memo()
        self.warnings = PageWarnings()
        self.config: MkDocsConfig | None = None
        self.built: Built | str = "nothing is built yet"
        self.snapshot: Snapshot | None = None

    def build(self, config: MkDocsConfig | None = None) -> None:
        """Build the whole site with MkDocs' own build (raises its ``Abort`` in strict mode), keep what steps need."""
        config = config or self.load()
        setattr(config, MEMO, self.memo)
        self.config, self.built = config, "the last build failed"
        self.snapshot = Snapshot(watched(config))  # before any file is read: an edit during the build is seen next
        logger = logging.getLogger(LOGGER)
        if self.warnings not in logger.handlers:
            logger.addHandler(self.warnings)
        self.warnings.start(config)
        try:
            build(config, serve_url=self.serve_url)
        finally:
            self.built = Built.after(config, self.serve_url is not None)
            self.memo.sweep()

    def update(self) -> Outcome:
        """Bring the site up to date with its files; what it took."""
        if self.snapshot is None or self.config is None:
            self.build()
            return Outcome("full", "nothing was built yet")
        changes = self.snapshot.diff()
        wanted = plan(changes, self.config) if changes else None
        if wanted is None or not (wanted.full or wanted.pages or wanted.contributed or wanted.statics):
            return Outcome("nothing")
        reason = wanted.full or ("" if self.incremental else "the preview builds everything (--full)")
        if not reason and isinstance(self.built, str):
            reason = self.built
        if not reason and isinstance(self.built, Built):
            held = Held()
            with held:
                result = self._step(self.built, wanted, changes)
                held.dropped = isinstance(result, str)
            if isinstance(result, Report):
                log.info(
                    f"Preview: {counted(len(result.pages), 'page')} built again in {result.seconds:.2f} s "
                    f"({wanted.describe()}); {counted(held.warnings, 'problem')}"
                )
                return Outcome("pages", report=result)
            reason = result
        log.info(f"Preview: building the whole site: {reason}")
        try:
            self.build()
        except Abort as exc:  # strict mode: the site is written, the warnings are above
            log.error(str(exc))
        return Outcome("full", reason)

    def rebuild(self) -> None:
        """:meth:`update`, as the livereload server calls it after changes."""
        self.update()

    def _step(self, built: Built, wanted: Plan, changes: Changes) -> Report | str:
        try:
            return step(built, wanted, changes, self.warnings)
        except Exception as exc:  # a bug must not leave a stale site: build it all, and say what happened
            log.debug(traceback.format_exc())
            return f"the step failed ({type(exc).__name__}: {exc})"


def watched(config: MkDocsConfig) -> list[Path]:
    """Where a change can alter the site: the docs folder, ``mkdocs.yml``, the theme's overrides, ``watch:``."""
    roots = [Path(config.docs_dir)]
    if config.config_file_path:
        roots.append(Path(config.config_file_path))
    if config.theme.custom_dir:
        roots.append(Path(config.theme.custom_dir))
    roots += [Path(item) for item in config.watch]
    return roots
