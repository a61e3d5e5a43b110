"""The glossary: finding names in text (``matcher``), linking them (``linker``), backlinks
(``backlinks``), the linter (``lint``), entry and index pages (``pages``) and one build's
glossary (``session``). Loading entries is content (:mod:`edition.content.terms`)."""
