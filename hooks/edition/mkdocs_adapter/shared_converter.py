"""One Markdown converter for every page the build converts, where MkDocs makes a new one per page.

MkDocs' ``Page.render`` builds a ``markdown.Markdown`` with the site's
extensions for every page, then converts the page with it once. With this
site's extensions the converter costs 0.4-0.6 ms before a word is converted,
a third of converting an essay's section (figures: PERFORMANCE.md, "The
hooks' fixed cost on a small library"). Python-Markdown is made to be
reused: ``Markdown.reset()`` clears what one conversion leaves behind (the
HTML stash, link references, and each extension's own state through its
``reset``). So each page here gets MkDocs' own four per-page processors,
made afresh and registered under their names in place of the previous
page's (the registry keeps its order), on one converter reset between pages.

Only when every extension of the site is one known to keep no state from
one page to the next, or to clear it in ``reset`` (:data:`RESETTABLE`): an
extension that, say, registers a pattern per definition it reads would
carry one page's definitions into the next. A site with any other extension
keeps MkDocs' converter per page. ``tests/unit/mkdocs_adapter`` converts
pages in a row both ways and compares every field MkDocs reads.

MkDocs keeps a page a plugin made in ``on_files`` (as for
:class:`edition.mkdocs_adapter.model_page.ModelPage`), so the pages are made
there, last, for every Markdown file that has none yet.
"""

from __future__ import annotations

import logging

import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import (
    Page,
    _ExtractAnchorsTreeprocessor,
    _ExtractTitleTreeprocessor,
    _RawHTMLPreprocessor,
    _RelativePathTreeprocessor,
)
from mkdocs.structure.toc import get_toc

# Extensions that keep nothing between conversions, or clear it in reset() (checked in Markdown 3.11 and
# pymdown-extensions 13.1: abbr, footnotes, md_in_html, toc, details and superfences have a reset).
RESETTABLE = frozenset(
    {
        "abbr",
        "admonition",
        "attr_list",
        "def_list",
        "fenced_code",
        "footnotes",
        "md_in_html",
        "sane_lists",
        "tables",
        "toc",
        "pymdownx.details",
        "pymdownx.superfences",
    }
)


def shareable(config: MkDocsConfig) -> bool:
    """Whether this site's Markdown extensions allow one converter for all pages."""
    return all(isinstance(name, str) and name in RESETTABLE for name in config.markdown_extensions)


class SharedConverter:
    """The build's one converter, with the site's extensions."""

    def __init__(self, config: MkDocsConfig) -> None:
        self.md = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs or {})

    def render(self, page: Page, config: MkDocsConfig, files: Files) -> None:
        """What ``Page.render`` does (MkDocs 1.6), on this converter reset for the page."""
        if page.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        md = self.md.reset()
        raw_html_ext = _RawHTMLPreprocessor()
        raw_html_ext._register(md)
        extract_anchors_ext = _ExtractAnchorsTreeprocessor(page.file, files, config)
        extract_anchors_ext._register(md)
        relative_path_ext = _RelativePathTreeprocessor(page.file, files, config)
        relative_path_ext._register(md)
        extract_title_ext = _ExtractTitleTreeprocessor()
        extract_title_ext._register(md)
        page.content = md.convert(page.markdown)
        page.toc = get_toc(getattr(md, "toc_tokens", []))
        page._title_from_render = extract_title_ext.title
        page.present_anchor_ids = extract_anchors_ext.present_anchor_ids | raw_html_ext.present_anchor_ids
        if logging.getLogger("mkdocs.structure.pages").getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = relative_path_ext.links_to_anchors


class SharedPage(Page):
    """A Markdown page converted by the build's :class:`SharedConverter`; otherwise MkDocs' own page."""

    def __init__(self, file: File, config: MkDocsConfig, converter: SharedConverter) -> None:
        self._converter = converter
        super().__init__(None, file, config)

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self._converter.render(self, config, files)


def share(files: Files, config: MkDocsConfig) -> Files:
    """Give every Markdown file without a page one converted by a shared converter, when the extensions allow it."""
    if not shareable(config):
        return files
    converter = SharedConverter(config)
    for file in files.documentation_pages():
        if file.page is None:
            SharedPage(file, config, converter)
    return files
