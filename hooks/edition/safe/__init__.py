"""Contributed Markdown rendered so that nothing in it can run, restyle the site or grow without bound.

Notes and glossary entries come from strangers' pull requests. ``markdown``
renders a body with a private converter (raw HTML as text, only safe
addresses), ``fences`` replaces code fences that could carry attributes,
``limits`` refuses bodies whose nesting would make rendering super-linear,
and ``allowlist`` is the one table of elements and attributes that may
remain, applied by the project's own pass and again by ``nh3``.
"""
