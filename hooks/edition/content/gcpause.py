"""Spare Python's cyclic garbage collector work it would do for nothing.

**Pauses.** The collector is paused around work that allocates much and makes no cycles.

A large build holds hundreds of thousands of objects (MkDocs' pages, the
model); every full collection walks all of them. Loading the model and
verifying the links allocate many objects in a short time, which triggers
such collections again and again, although that work creates no reference
cycles: reference counting frees its garbage all the same (figures:
PERFORMANCE.md, "Figures behind the design").

**Freezing.** The objects a build makes before its pages (the model, the
file list, the converters) live until its end. Every full collection during
the pages walks them all again, and finds nothing to free. Frozen
(``gc.freeze``), they are left out of collections until thawed at the end
of the build, when anything of them that became garbage is collected as
before; a long preview session therefore keeps nothing from one build to
the next.
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


def freeze() -> None:
    """Leave every object alive now out of the collector's passes until :func:`thaw`."""
    gc.freeze()


def thaw() -> None:
    """Give the frozen objects back to the collector: the oldest generation, collected as usual."""
    gc.unfreeze()
