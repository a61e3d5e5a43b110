"""The collector is off inside the block only, and its previous state comes back whatever happens."""

from __future__ import annotations

import gc

import pytest

from edition.content.gcpause import gc_paused


@pytest.mark.parametrize("enabled", [True, False], ids=["was on", "was off"])
@pytest.mark.parametrize("fails", [False, True], ids=["returns", "raises"])
def test_collection_is_paused_inside_the_block_only(enabled: bool, fails: bool) -> None:
    (gc.enable if enabled else gc.disable)()
    try:
        try:
            with gc_paused():
                assert not gc.isenabled()
                if fails:
                    raise ZeroDivisionError
        except ZeroDivisionError:
            assert fails
        assert gc.isenabled() is enabled
    finally:
        gc.enable()
