"""Dates as readers see them: ``2023-02-24`` becomes ``24 February 2023``.

One function for the whole site (bylines, listings, note headers), in
English whatever the build machine's locale.
"""

from __future__ import annotations

import datetime as dt
import functools
import html


@functools.lru_cache(maxsize=4096)
def long_date(iso: str) -> str:
    """``2023-02-24`` as ``24 February 2023``; text that is not an ISO date is returned unchanged.

    Cached: a note's date is printed on its page, beside its passage and in
    two indexes, and a library has far fewer dates than notes.
    """
    try:
        day = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.day} {day.strftime('%B')} {day.year}"


def time_tag(iso: str) -> str:
    """A ``<time>`` element for ``iso``, escaped for use in HTML."""
    return f'<time datetime="{html.escape(iso)}">{html.escape(long_date(iso))}</time>'
