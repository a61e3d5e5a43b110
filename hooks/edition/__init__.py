"""The annotated-edition engine: essays, paragraphs, glossary terms and notes.

Everything here is plain Python, importable without MkDocs, so that scripts,
tests and the thin hook files in ``hooks/`` share one model and one set of
rules, and so that moving to another site engine later is a small change.
"""
