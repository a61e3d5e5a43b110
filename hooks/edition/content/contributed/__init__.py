"""What may come out of the folders that take pull requests: ``docs/commentary/`` and ``docs/glossary/``.

Everything in those folders arrives from strangers. ``names`` is the rule
for a file name there, ``reader`` reads one file without trusting it,
``folders`` words each folder's limits and messages, ``guard`` decides for
every path whether it may be loaded and published, and ``publish`` applies
that decision to a build's files. The loaders and the build ask the same
guard, so the model never loads what the site would not publish.
"""
