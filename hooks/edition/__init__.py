"""The annotated-edition engine: essays, paragraphs, glossary terms and notes.

The package is layered; each layer imports only the layers above it in
this list (``tests/unit/test_layers.py`` checks it):

- :mod:`edition.addresses` and :mod:`edition.conventions`: the site's address
  scheme and the conventions the features share (pure values);
- :mod:`edition.content`: the one model and how it is read from and written
  to files (essays, glossary entries, notes, their schemas);
- :mod:`edition.safe`: contributed Markdown rendered so that nothing in it
  can run or restyle the site (notes and glossary entries);
- :mod:`edition.features`: what the edition does with the model (importer,
  glossary, commentary, link check, reading), each independent of the others;
- :mod:`edition.mkdocs_adapter`: the only folder that imports MkDocs; one
  build object per build routes MkDocs' events to the features.

Everything but the last is plain Python, so scripts and tests share one
model and one set of rules, and moving to another site engine (MkDocs 2
drops plugins) means rewriting one folder.
"""
