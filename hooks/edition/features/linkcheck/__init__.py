"""Check every link and anchor in the built site, after the build.

The pipeline is "collect, then verify": :mod:`.collect` scans each page's
final HTML once (ids, links and who wrote each link), :mod:`.resolve` maps a
link to a file under ``site_dir``, :mod:`.check` verifies all links once every
page is known and returns :class:`~edition.content.problems.Problem` objects, and
:mod:`.external` checks web addresses online when asked to. An id that a
page's body gives to two elements is a problem too: a link to it reaches
the first only. Nothing here imports MkDocs, so the same code can check
any static site.
"""
