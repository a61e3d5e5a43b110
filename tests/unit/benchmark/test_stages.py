"""The stage clock: handlers timed per origin and event, order, priority and results unchanged."""

from __future__ import annotations

import types

import pytest
from mkdocs.plugins import BasePlugin, PluginCollection, event_priority

from benchmark.stages import StageClock, stage_name, stage_seconds, timed


class FakeClock:
    """Advances by the next of ``steps`` on each read after the first."""

    def __init__(self, steps):
        self.now, self.steps = 0.0, iter(steps)

    def __call__(self):
        value = self.now
        self.now += next(self.steps, 0.0)
        return value


@pytest.mark.parametrize(
    "durations, total, calls",
    [
        ([], 0.0, 0),
        ([0.5], 0.5, 1),
        ([0.25, 1.0, 0.75], 2.0, 3),
    ],
)
def test_wrap_adds_each_call_duration(durations, total, calls):
    steps = [0.0]  # the clock read at construction
    for duration in durations:
        steps += [duration, 0.0]  # start read advances by the duration, end read by nothing
    clock = StageClock(FakeClock(steps))
    handler = clock.wrap("hooks/glossary.py", "page_content", lambda html: html.upper())
    for _ in durations:
        assert handler("x") == "X"
    assert clock.seconds["hooks/glossary.py"]["page_content"] == pytest.approx(total)
    assert clock.calls["hooks/glossary.py"]["page_content"] == calls


def test_a_failing_handler_is_still_timed_and_raises():
    clock = StageClock(FakeClock([0.0, 2.0]))

    def boom():
        raise ValueError("no")

    with pytest.raises(ValueError):
        clock.wrap("p", "config", boom)()
    assert clock.seconds["p"]["config"] == 2.0


class Plugin(BasePlugin):
    def on_page_content(self, html, **kwargs):
        return html + "|plugin"

    @event_priority(50)
    def on_config(self, config):
        config["seen"].append("plugin")


def _hook(name, marker):
    module = types.ModuleType(name)

    def on_page_content(html, **kwargs):
        return html + f"|{marker}"

    def on_config(config):
        config["seen"].append(marker)

    module.on_page_content, module.on_config = on_page_content, on_config
    return module


@pytest.fixture
def plugins():
    collection = PluginCollection()
    collection["search"] = Plugin()
    collection["hooks/timing.py"] = _hook("hooks/timing.py", "timing")
    collection["hooks/glossary.py"] = _hook("hooks/glossary.py", "glossary")
    return collection


def test_instrument_wraps_all_but_skipped_keeping_order_and_results(plugins):
    order = [getattr(m, "mkdocs_priority", 0) for m in plugins.events["config"]]
    clock = StageClock()
    assert clock.instrument(plugins, skip="hooks/timing.py") == 4
    assert [getattr(m, "mkdocs_priority", 0) for m in plugins.events["config"]] == order
    config = {"seen": []}
    plugins.run_event("config", config)
    assert config["seen"] == ["plugin", "timing", "glossary"]
    assert plugins.run_event("page_content", "x", page=None, config=config, files=None) == "x|plugin|timing|glossary"
    assert set(clock.calls) == {"search", "hooks/glossary.py"}
    assert clock.calls["hooks/glossary.py"] == {"config": 1, "page_content": 1}


def test_a_handler_several_hooks_share_is_timed_for_each_of_them():
    """The edition's hook files import the same on_files: each call is the hook's that registered it."""

    def shared(files, **kwargs):
        return [*files, "shared"]

    collection = PluginCollection()
    for name in ("hooks/essays.py", "hooks/glossary.py"):
        module = types.ModuleType(name)
        module.on_files = shared
        collection[name] = module
    clock = StageClock()
    assert clock.instrument(collection, skip="none") == 2
    assert collection.run_event("files", [], config=None) == ["shared", "shared"]
    assert clock.calls == {"hooks/essays.py": {"files": 1}, "hooks/glossary.py": {"files": 1}}


@pytest.mark.parametrize(
    "origin, name",
    [
        ("/work/main/hooks/essays.py", "model and navigation"),
        ("hooks/glossary.py", "glossary linking"),
        ("../hooks/commentary.py", "commentary anchoring"),
        ("/x/hooks/linkcheck.py", "link checking"),
        ("hooks/reading.py", "hook:reading"),
        ("material/search", "plugin:material/search"),
        ("htmlproofer", "plugin:htmlproofer"),
    ],
)
def test_stage_name(origin, name):
    assert stage_name(origin) == name


def test_stage_seconds_sums_events_per_stage_largest_first():
    record = {"seconds": {"/a/hooks/glossary.py": {"files": 1.0, "page_content": 2.0}, "search": {"post_build": 4.0}}}
    assert list(stage_seconds(record).items()) == [("plugin:search", 4.0), ("glossary linking", 3.0)]


def test_timed_returns_result_and_both_clocks():
    result, wall, cpu = timed(sum, range(1000))
    assert result == 499500 and wall >= 0 and cpu >= 0
