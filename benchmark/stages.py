"""Time each hook and plugin inside a build, without touching the project's hooks.

MkDocs keeps, per event, a list of handlers sorted by priority
(``config.plugins.events``) and remembers which plugin or hook registered
each one (``_event_origins``: for a hook, its path as written under
``hooks:``). :meth:`StageClock.instrument` replaces every handler in those
lists with a wrapper that adds its ``time.perf_counter`` duration to a total
per (origin, event). Time is CPU time of the build process
(``time.process_time``): the benchmark shares a small machine with other
work, and CPU time, unlike the wall clock, does not grow when another
process takes the core. It is called by ``timing_hook.py`` from an
``on_config`` of the highest priority, so it runs before any other
``on_config`` and even those are timed. The wrapper keeps the handler's
priority and origin, so the order of events and MkDocs' messages do not
change; its own cost is two clock reads per call (about a microsecond).

This is the least invasive design: no line of the project's hooks changes,
and a normal build never loads any of it.
"""

from __future__ import annotations

import functools
import json
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import PurePosixPath
from typing import Any

# The project's hooks and the stage of the edition each one is.
STAGES = {
    "essays": "model and navigation",
    "glossary": "glossary linking",
    "commentary": "commentary anchoring",
    "linkcheck": "link checking",
}
PLUGIN_PREFIX = "plugin:"


class StageClock:
    """Accumulates the time spent in each (origin, event) handler of one build."""

    def __init__(self, clock: Callable[[], float] = time.process_time):
        self.clock = clock
        self.seconds: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        self.calls: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        self.started = clock()
        self.build_seconds = 0.0

    def wrap(self, origin: str, event: str, method: Callable) -> Callable:
        """``method`` timed under ``(origin, event)``, with its attributes (the priority) kept."""
        seconds, calls, clock = self.seconds[origin], self.calls[origin], self.clock

        @functools.wraps(method)
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = clock()
            try:
                return method(*args, **kwargs)
            finally:
                seconds[event] += clock() - start
                calls[event] += 1

        return timed

    def instrument(self, plugins: Any, skip: str) -> int:
        """Wrap every handler of ``plugins`` (a PluginCollection) except those of ``skip``; return the count.

        A function several hooks share (the edition's hooks import the same
        ``on_files``) appears once per hook in an event's list, in the order
        the hooks registered it, while ``_event_origins`` remembers only the
        last: each appearance is given its own hook, in that order.
        """
        origins = getattr(plugins, "_event_origins", {})
        wrapped = 0
        for event, methods in plugins.events.items():
            owners = _owners(plugins, event)
            for index, method in enumerate(methods):
                queue = owners.get(id(method))
                origin = queue.pop(0) if queue else origins.get(method, "<unknown>")
                if origin == skip:
                    continue
                timed = self.wrap(origin, event, method)
                methods[index] = timed  # in place: MkDocs may be iterating this very list
                origins[timed] = origin
                wrapped += 1
        return wrapped

    def stop(self) -> None:
        self.build_seconds = self.clock() - self.started

    def to_json(self) -> str:
        return json.dumps({"build_seconds": self.build_seconds, "seconds": self.seconds, "calls": self.calls}, indent=1)


def _owners(plugins: Any, event: str) -> dict[int, list[str]]:
    """For each handler of ``event`` (by identity), the plugins and hooks that registered it, in registration order."""
    owners: dict[int, list[str]] = defaultdict(list)
    for name, plugin in plugins.items():
        handler = getattr(plugin, f"on_{event}", None)
        for method in getattr(handler, "methods", None) or ([handler] if callable(handler) else []):
            owners[id(method)].append(name)
    return owners


def timed(function: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[Any, float, float]:
    """``function(*args, **kwargs)`` with its wall-clock and CPU seconds, for work timed outside a build."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - wall, time.process_time() - cpu


def stage_name(origin: str) -> str:
    """The report's name for an origin: a project hook's stage, else ``plugin:<name>``."""
    stem = PurePosixPath(origin).stem if origin.endswith(".py") else None
    if stem is not None:
        return STAGES.get(stem, f"hook:{stem}")
    return PLUGIN_PREFIX + origin


def stage_seconds(timings: dict) -> dict[str, float]:
    """Seconds per stage (summed over events) from a ``to_json`` record, largest first."""
    totals: dict[str, float] = defaultdict(float)
    for origin, events in timings.get("seconds", {}).items():
        totals[stage_name(origin)] += sum(events.values())
    return dict(sorted(totals.items(), key=lambda item: -item[1]))
