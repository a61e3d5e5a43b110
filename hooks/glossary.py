"""MkDocs hook: glossary index and entry pages, automatic term links, hover text, linter.

Terms are linked in ``on_page_context``, after Material's search plugin has
indexed the page (plugins run before hooks for the same event): the index
needs the words, not the links, and parsing fewer tags keeps search cheap.
An entry's sources, related entries and mentions are added there too, as
HTML after linking, with their headings added to the table of contents.
"""

from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File
from mkdocs.structure.toc import AnchorLink

from edition import build
from edition.glossary import pages
from edition.glossary.build import prepare
from edition.glossary.linker import link_terms
from edition.urls import page_url, relative_url

log = get_plugin_logger(__name__)
_glossary = None


def on_files(files, config):
    global _glossary
    site = build.current()
    _glossary = prepare(site)
    for problem in _glossary.problems:
        log.warning(str(problem))
    files.append(File.generated(config, "glossary/index.md", content=pages.index_page(list(site.terms.values()))))
    return files


def on_page_markdown(markdown, page, config, files):
    slug = _entry_slug(page)
    if slug is None:
        return markdown
    return pages.entry_page(build.current().terms[slug])


def on_page_context(context, page, config, nav):
    use_dirs = config["use_directory_urls"]
    matcher = None if page.meta.get("glossary") is False else _glossary.matcher
    own = _entry_slug(page)

    def url_for(slug):
        return relative_url(page_url(f"glossary/{slug}.md", use_dirs), page.url)

    html, _ = link_terms(page.content, matcher, _glossary.summaries, url_for, exclude=frozenset({own} if own else ()))
    if own:
        tail, headings = pages.entry_tail(
            build.current().terms[own],
            build.current().terms,
            _glossary.mentions.get(own, []),
            url_for,
            lambda m: relative_url(page_url(m.page, use_dirs), page.url) + f"#{m.paragraph}",
        )
        html += tail
        _add_to_toc(page, headings)
    page.content = html
    return context


def _add_to_toc(page, headings):
    """List headings added after Markdown under the page's title in its table of contents."""
    items = page.toc.items
    parent = items[0].children if len(items) == 1 and items[0].level == 1 else items
    parent.extend(AnchorLink(title, ident, 2) for ident, title in headings)


def on_post_build(config):
    if _glossary.unused:
        log.info(f"glossary: {len(_glossary.unused)} entries nothing links to or mentions yet: {', '.join(_glossary.unused)}")


def _entry_slug(page):
    src = page.file.src_uri
    if src.startswith("glossary/") and src.count("/") == 1 and src != "glossary/index.md":
        slug = src[len("glossary/") : -len(".md")]
        return slug if slug in build.current().terms else None
    return None
