"""One converter for the build's pages renders each page exactly as MkDocs' converter per page does, in any order."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from edition.mkdocs_adapter.model_page import ModelPage
from edition.mkdocs_adapter.shared_converter import SharedConverter, SharedPage, share, shareable

SITE_EXTENSIONS = """markdown_extensions:
  - abbr
  - admonition
  - attr_list
  - footnotes
  - md_in_html
  - pymdownx.details
  - pymdownx.superfences
  - toc:
      permalink: true
"""

# Each page leaves something a converter could carry into the next one: definitions, footnotes, ids, stashes.
PAGES = {
    "abbr.md": "# Abbreviations\n\nThe HTML spec.\n\n*[HTML]: Hyper Text Markup Language\n*[spec]: specification\n",
    "uses-abbr.md": "# No definitions here\n\nHTML and the spec again, and a [link](abbr.md#abbreviations).\n",
    "footnotes.md": "# Notes\n\nA claim[^1] and another[^a].\n\n[^1]: First.\n[^a]: Second.\n",
    "more-footnotes.md": "# More\n\nOnly one[^1].\n\n[^1]: Its own.\n\n## Notes\n\n## Notes\n",
    "html.md": (
        '# Raw\n\n<div id="kept" markdown>\n*inside* and [out](missing.md)\n</div>\n\n'
        '<span id="inline">x</span>\n\n!!! note "Careful"\n    Body.\n\n??? tip\n    Hidden.\n'
    ),
    "fences.md": "# Code\n\n```python\nprint('<b>')\n```\n\nText {: #para .cls }\n{: #block-id }\n",
    "untitled.md": "Text before any heading, and [home](index.md).\n\n## Later\n",
    "index.md": "# Home\n\n[Abbreviations](abbr.md) [notes](footnotes.md#fn:1) [gone](gone.md#x)\n",
}


@pytest.fixture
def site(tmp_path: Path):
    """A site with this project's Markdown extensions and the pages above; (config, files)."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in PAGES.items():
        (docs / name).write_text(text, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(f"site_name: T\n{SITE_EXTENSIONS}", encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    files = Files([File(name, str(docs), str(tmp_path / "site"), True) for name in PAGES])
    return config, files


def rendered(page: Page, config, files) -> tuple:
    """Every field of a page MkDocs reads after rendering it."""
    page.read_source(config)
    page.render(config, files)
    return (
        page.content,
        [str(item) for item in page.toc],
        page._title_from_render,
        page.present_anchor_ids,
        page.links_to_anchors,
    )


def fresh(name: str, config, files) -> tuple:
    return rendered(Page(None, files.get_file_from_path(name), config), config, files)


@pytest.mark.parametrize("order", list(itertools.permutations(["abbr.md", "uses-abbr.md", "footnotes.md"])))
def test_pages_converted_in_any_order_are_converted_as_alone(site, order):
    config, files = site
    converter = SharedConverter(config)
    for name in [*order, *PAGES]:  # every page after the three, each once more after all the others
        shared = rendered(SharedPage(files.get_file_from_path(name), config, converter), config, files)
        assert shared == fresh(name, config, files), name


def test_a_page_converted_twice_is_the_same_page(site):
    """The preview and the whole-essay page's fallback render a page again."""
    config, files = site
    page = SharedPage(files.get_file_from_path("html.md"), config, SharedConverter(config))
    assert rendered(page, config, files) == rendered(page, config, files) == fresh("html.md", config, files)


@pytest.mark.parametrize(
    ("extensions", "expected"),
    [
        (SITE_EXTENSIONS, True),
        ("", True),  # MkDocs' own: toc, tables, fenced_code
        ("markdown_extensions:\n  - def_list\n  - sane_lists\n", True),
        ("markdown_extensions:\n  - pymdownx.snippets\n", False),  # not known to reset: a converter per page
        ("markdown_extensions:\n  - smarty\n", False),
    ],
)
def test_only_extensions_known_to_reset_share_a_converter(tmp_path, extensions, expected):
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(f"site_name: T\n{extensions}", encoding="utf-8")
    assert shareable(load_config(str(tmp_path / "mkdocs.yml"))) is expected


def test_share_gives_the_converter_to_the_pages_no_part_made(site):
    config, files = site
    made = ModelPage(None, files.get_file_from_path("abbr.md"), config)
    share(files, config)
    assert files.get_file_from_path("abbr.md").page is made
    others = [f.page for f in files.documentation_pages() if f.src_uri != "abbr.md"]
    assert others and all(isinstance(page, SharedPage) for page in others)
    assert len({page._converter for page in others}) == 1
