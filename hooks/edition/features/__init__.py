"""What the edition does with its content: one folder per feature, independent of one another.

``importer`` turns plain-text essays into pages; ``glossary`` links terms and
builds entry pages; ``commentary`` anchors notes and shows them; ``linkcheck``
checks every link of the built site; ``reading`` makes the pages around the
essays (home listing, whole-essay page, navigation, descriptions). A feature
imports content and safe rendering, never another feature: the build object
(:mod:`edition.mkdocs_adapter.build`) composes them.
"""
