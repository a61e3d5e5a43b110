"""The glossary: entries (``terms``), the linker that finds mentions (``matcher``,
``linker``), backlinks (``backlinks``) and the linter (``lint``)."""
