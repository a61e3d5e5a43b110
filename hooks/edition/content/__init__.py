"""The edition's content: the one model, and how it is read from files and written to them.

``model`` defines Essay, Section, Paragraph, Term and Comment; ``site`` loads
a whole edition once per build; ``essay_pages`` is the imported essay's page
format (both directions); ``terms`` and ``notes`` load glossary entries and
notes through their schemas (``term_schema``, ``note_schema``, sharing
``fields``) and the ``contributed`` guard; the rest are the small text,
date, front-matter and file helpers that all of it agrees on.
"""
