"""Figures from measured builds: medians, ratios of interleaved pairs, and the targets' verdicts."""

from __future__ import annotations

import pytest

from benchmark.builds import Build
from benchmark.report import from_json, pair_median, summarize, targets


def build(variant, cpu, stages=None, essay_kb=0.0):
    return Build(variant, cpu + 0.1, cpu, 100.0, 10.0, 1.0, 1000, stages or {}, essay_kb)


def size(builds, pages=1000):
    spec = {"essays": 1, "terms": 1, "comments": 1, "sections": 10, "pages": pages}
    corpus = {"words": 1, "import_seconds": 0.1, "import_cpu_seconds": 0.1}
    return summarize(spec, corpus, builds)


@pytest.mark.parametrize(
    ("cpus", "median_ratio", "pairs", "paired"),
    [
        ([("a", 12), ("b", 10)], 1.2, [1.2], 1.2),
        ([("a", 16), ("b", 10), ("a", 12), ("b", 12), ("a", 11), ("b", 10)], 12 / 10, [1.6, 1.0, 1.1], 1.1),
        ([("a", 10), ("b", 8), ("a", 14), ("b", 12)], 12 / 10, [1.25, 14 / 12], (1.25 + 14 / 12) / 2),
    ],
    ids=["one-pair", "drifting-host", "even-count"],
)
def test_ratios_of_medians_and_of_pairs(cpus, median_ratio, pairs, paired):
    result = size([build(v, c) for v, c in cpus])
    assert result["cpu_ratios"]["a/b"] == pytest.approx(median_ratio)
    assert result["cpu_pair_ratios"]["a/b"] == pytest.approx(pairs)
    assert pair_median(result, "a/b") == pytest.approx(paired)


def test_results_written_before_pairs_were_kept_still_report():
    assert pair_median({"cpu_ratios": {"a/b": 1.3}}, "a/b") is None


@pytest.mark.parametrize(
    ("cpus", "met"),
    [
        ([("a", 11), ("b", 10)], True),
        ([("a", 12), ("b", 10)], False),
        ([("a", 14), ("b", 10), ("a", 10), ("b", 12), ("a", 11), ("b", 10)], True),
        ([("a", 11), ("b", 10), ("a", 14), ("b", 10), ("a", 13), ("b", 12)], False),
    ],
    ids=["met", "missed", "both-measures-met", "medians-missed"],
)
def test_hooks_target_needs_both_measures(cpus, met):
    (verdict, *_) = targets([size([build(v, c) for v, c in cpus])], None)
    assert verdict.name.startswith("project hooks add at most 15%") and verdict.met is met


def test_link_checker_target_compares_stage_times():
    builds = [build("a", 12, {"link checking": 2.0}), build("b", 10), build("c", 40, {"plugin:htmlproofer": 30.0})]
    verdict = next(t for t in targets([size(builds)], None) if t.name.startswith("link checker"))
    assert (verdict.met, verdict.measured) == (True, "30.0 s / 2.00 s = x15")


def test_results_read_back_are_computed_again_from_their_runs():
    result = size([build("a", 16), build("b", 10), build("a", 12), build("b", 12)])
    stale = {**result, "cpu_ratios": {"a/b": 9.9}}
    del stale["cpu_pair_ratios"]
    assert from_json(stale) == result


STAGE = {"commentary anchoring": 1.0}


@pytest.mark.parametrize(
    ("small_kb", "large_kb", "met"),
    [(20.0, 20.5, True), (20.0, 22.0, True), (20.0, 22.1, False), (20.0, 108.3, False)],
    ids=["flat", "at-the-bar", "over", "nav-grows-with-library"],
)
def test_essay_page_size_target_compares_the_smallest_and_largest_library(small_kb, large_kb, met):
    small = size([build("a", 2, STAGE, small_kb), build("b", 2)], pages=100)
    large = size([build("a", 20, STAGE, large_kb), build("b", 20)], pages=1000)
    verdict = next(t for t in targets([large, small], None) if t.name.startswith("an essay page's size"))
    assert verdict.met is met and verdict.measured.startswith(f"{small_kb:.1f} -> {large_kb:.1f} KB (100 -> 1000 pages")


def test_essay_page_size_not_judged_on_results_without_it():
    sizes = [size([build("a", 2, STAGE), build("b", 2)], pages=100), size([build("a", 20, STAGE), build("b", 20)])]
    assert not any(t.name.startswith("an essay page's size") for t in targets(sizes, None))
