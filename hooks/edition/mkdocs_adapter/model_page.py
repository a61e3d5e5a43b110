"""A page whose HTML the edition writes from its model: MkDocs neither reads nor renders its Markdown.

MkDocs reads every page's file, parses its front matter (YAML) and converts
its Markdown with a new ``markdown.Markdown`` instance per page, even for an
empty page. A note's page needs none of that: the model has already read,
checked and rendered the note once, and the commentary part fills the
page's HTML in ``on_page_content``. On a library of thousands of notes the
unused converters alone cost seconds (figures: PERFORMANCE.md, "Figures behind the design").

Glossary entries are such pages too: the model has read each entry and
renders its body once with the contributors' safe Markdown. So are the
generated pages whose HTML a hook writes whole: the commentary's indexes,
each essay's revisions page and the pages of retired sections (an empty
page still cost MkDocs a converter).

A hook makes such a page by constructing it in ``on_files``, before MkDocs
builds the navigation (MkDocs keeps a ``File.page`` that a plugin set). The
``on_page_read_source`` event is not fired for it; every other page event is.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc


class ModelPage(Page):
    """A page with empty Markdown, left to the hooks to fill; ``meta`` is its front matter if the model read it."""

    def __init__(self, title: str | None, file: File, config: MkDocsConfig, meta: dict | None = None) -> None:
        self._model_meta = meta or {}
        super().__init__(title, file, config)

    def read_source(self, config: MkDocsConfig) -> None:
        self.markdown, self.meta = "", dict(self._model_meta)

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.content = ""
        self.toc = get_toc([])
        self.present_anchor_ids = set()
        self.links_to_anchors = {}
