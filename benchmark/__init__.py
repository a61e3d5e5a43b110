"""The benchmark: a synthetic corpus, timed builds from outside, per-hook stage timers, a report.

Nothing here runs in a normal build: it lives outside the runtime package
(which ``mkdocs serve`` watches), ``scripts/bench.py`` drives it, and only
the benchmark's own generated configuration lists ``timing_hook.py``.
"""
