"""Commentary: notes anchored to passages, shown beside them and on pages of their own.

``anchor`` (with ``closest``) places a note's quote in its essay, ``render``
puts highlights, callouts and paragraph actions on essay pages, ``pages``
writes note and index pages, ``export`` the W3C Web Annotation collection,
``session`` holds one build's commentary, and ``scaffold``/``retarget`` serve
the command-line tools. Loading and validating notes is content
(:mod:`edition.content.notes`).
"""
