"""The preview's messages: a step's problems shown once and complete, each page's warnings kept.

A step reports every problem of the site, as a full build does (the
model's and each part's on refresh, the link check's at the end), so a
problem fixed disappears and one introduced shows at once. Warnings MkDocs
logs while it builds a page (a Markdown extension's, a theme's) are kept
per page, since a step builds only some pages: those of the others are
logged again at the end of the step (:class:`PageWarnings`).

A step that turns out to need the whole site (a title in the navigation
changed) is abandoned halfway; what it logged is held until it ends
(:class:`Held`) and dropped then, so the full build's messages are not
preceded by half of them.
"""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig

LOGGER = "mkdocs"  # MkDocs' messages and the edition's plugin loggers all go through this logger's handlers


class PageWarnings(logging.Handler):
    """Keeps the warnings logged while each page is built (MkDocs names the page being built on its config)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.config: MkDocsConfig | None = None
        self.pages: dict[str, list[logging.LogRecord]] = {}

    def emit(self, record: logging.LogRecord) -> None:
        page = getattr(self.config, "_current_page", None)
        if page is not None:
            self.pages.setdefault(page.file.src_uri, []).append(record)

    def start(self, config: MkDocsConfig, pages: list[str] | None = None) -> None:
        """Keep the warnings of ``config``'s build; of the pages ``pages`` only (None: a whole build)."""
        self.config = config
        if pages is None:
            self.pages.clear()
        for src in pages or ():
            self.pages.pop(src, None)

    def replay(self, rebuilt: set[str]) -> None:
        """Log again the kept warnings of every page that was not built again."""
        for src, records in list(self.pages.items()):
            if src not in rebuilt:
                for record in records:
                    logging.getLogger(record.name).handle(record)


class Held(logging.Handler):
    """Holds what the console would print while it is entered; prints it on leaving, unless dropped.

    Leaving because of an error drops it too: the preview then builds the
    whole site, which reports everything again.
    """

    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.records: list[logging.LogRecord] = []
        self.dropped = False
        self._consoles: list[logging.Handler] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    @property
    def warnings(self) -> int:
        return sum(record.levelno >= logging.WARNING for record in self.records)

    def __enter__(self) -> Held:
        logger = logging.getLogger(LOGGER)
        self._consoles = [h for h in logger.handlers if not isinstance(h, PageWarnings)]
        for handler in self._consoles:
            logger.removeHandler(handler)
        logger.addHandler(self)
        return self

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        logger = logging.getLogger(LOGGER)
        logger.removeHandler(self)
        for handler in self._consoles:
            logger.addHandler(handler)
        if self.dropped or error is not None:
            return
        for record in self.records:
            for handler in self._consoles:
                if record.levelno >= handler.level:
                    handler.handle(record)
