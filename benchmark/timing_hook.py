"""Benchmark-only MkDocs hook: time every other hook and plugin (see ``benchmark.stages``).

Listed only in the configurations ``scripts/bench.py`` generates; the
``BENCH_TIMINGS`` environment variable names the file the totals are written
to. The clock of a build is kept on that build's config object, so nothing
outlives the build (``mkdocs serve`` keeps hook modules between builds).
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from benchmark.stages import StageClock

CLOCK = "_bench_clock"  # the attribute of the config that holds this build's clock


@event_priority(100)  # before every other on_config: the clock must wrap all of them
def on_config(config: MkDocsConfig) -> None:
    """Wrap all handlers, this hook's own excepted."""
    clock = StageClock()
    clock.instrument(config.plugins, skip=__name__)
    setattr(config, CLOCK, clock)


@event_priority(-100)  # after every other on_post_build: the totals are complete
def on_post_build(config: MkDocsConfig) -> None:
    """Write the totals."""
    clock: StageClock = getattr(config, CLOCK)
    clock.stop()
    Path(os.environ["BENCH_TIMINGS"]).write_text(clock.to_json(), encoding="utf-8")
