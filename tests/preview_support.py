"""The preview driven in process, and the clean full build every state of it must equal.

A :class:`Session` builds a fixture project with the preview, applies edits
and lets the preview follow them (:meth:`Session.update`); :meth:`Session.check`
then builds the same files from scratch with MkDocs and compares every file
of the two sites byte for byte, and the warnings of the step with those of
the full build. The full build runs in process (a fresh configuration, no
memo: MkDocs' own ``build``) or, with ``fresh=True``, as ``mkdocs build`` in
a new process.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from mkdocs.config import load_config

from benchmark.preview import differences, files
from edition.mkdocs_adapter.preview import Outcome, Preview
from test_commentary_fixture import PREFIX, run_build


class Lines(logging.Handler):
    """The warning lines logged to MkDocs' logger, as its console shows them without the level."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


class Session:
    """A project whose site the preview keeps up to date in ``site``."""

    def __init__(self, project: Path) -> None:
        self.project = project
        self.site = project.parent / "preview-site"
        self.reference = project.parent / "full-site"
        self.preview = Preview(self._loader(self.site))
        self.lines: list[str] = []
        self.outcome = self._logged(self.preview.build)

    def _loader(self, site: Path):  # type: ignore[no-untyped-def]
        return lambda: load_config(config_file=str(self.project / "mkdocs.yml"), site_dir=str(site))

    def _logged(self, action) -> Outcome | None:  # type: ignore[no-untyped-def]
        """Run ``action`` with MkDocs' logger at INFO, keeping its warning lines in ``self.lines``."""
        logger = logging.getLogger("mkdocs")
        handler, level = Lines(), logger.level
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        try:
            return action()
        finally:
            logger.removeHandler(handler)
            logger.setLevel(level)
            self.lines = handler.lines

    def update(self) -> Outcome:
        """Let the preview follow the files; what it did (its warnings are in ``self.lines``).

        An update that finds nothing changed builds nothing and reports
        nothing: the problems standing are those of the last build or step.
        """
        standing = self.lines
        outcome = self._logged(self.preview.update)
        assert outcome is not None
        if outcome.kind == "nothing":
            self.lines = standing
        return outcome

    def full_build(self, fresh: bool = False) -> tuple[dict[str, bytes], list[str]]:
        """A clean full build of the project as it is now: its files and its warning lines."""
        shutil.rmtree(self.reference, ignore_errors=True)
        if fresh:
            result, site = run_build(self.project, strict=False)
            assert result.returncode == 0, result.stderr
            lines = [line[len(PREFIX) :] for line in result.stderr.splitlines() if line.startswith(PREFIX)]
            return files(site), lines
        preview_lines = self.lines
        self._logged(Preview(self._loader(self.reference)).build)
        lines, self.lines = self.lines, preview_lines
        return files(self.reference), lines

    def check(self, what: str = "", fresh: bool = False) -> None:
        """The served site equals a clean full build, file for file, and the step warned of the same problems."""
        full, lines = self.full_build(fresh)
        found = differences(files(self.site), full)
        if found:
            raise AssertionError(f"after {what}: the preview's site is not the full build's: {found}")
        if sorted(self.lines) != sorted(lines):
            missing, extra = sorted(set(lines) - set(self.lines)), sorted(set(self.lines) - set(lines))
            raise AssertionError(f"after {what}: problems the preview missed {missing}, reported in excess {extra}")
