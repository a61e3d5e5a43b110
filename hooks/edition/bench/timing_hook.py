"""Benchmark-only MkDocs hook: time every other hook and plugin (see ``edition.bench.stages``).

Listed only in the configurations ``scripts/bench.py`` generates, which also
set ``extra.bench_timings`` (where to write the record) and put ``hooks/`` on
``PYTHONPATH`` so that this file, loaded from its own folder, can import the
package.
"""

from pathlib import Path

from mkdocs.plugins import event_priority

from edition.bench.stages import StageClock

_clock: StageClock | None = None


@event_priority(100)
def on_config(config):
    """Before every other ``on_config``: wrap all handlers, this hook's own excepted."""
    global _clock
    _clock = StageClock()
    _clock.instrument(config.plugins, skip=__name__)


@event_priority(-100)
def on_post_build(config):
    """After every other ``on_post_build``: write the totals."""
    _clock.stop()
    Path(config.extra["bench_timings"]).write_text(_clock.to_json(), encoding="utf-8")
