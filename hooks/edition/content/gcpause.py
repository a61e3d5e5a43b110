"""Pause Python's cyclic garbage collector around work that allocates much and makes no cycles.

A large build holds hundreds of thousands of objects (MkDocs' pages, the
model); every full collection walks all of them. Loading the model and
verifying the links allocate many objects in a short time, which triggers
such collections again and again, although that work creates no reference
cycles: reference counting frees its garbage all the same (figures:
PERFORMANCE.md, "Figures behind the design").
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Run the ``with`` block with collection off; restore the previous state afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
