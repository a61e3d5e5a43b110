"""MkDocs hook: glossary index and entry pages, automatic term links, hover text, linter.

An entry's page is a :class:`edition.mkdocs_adapter.model_page.ModelPage`: MkDocs neither
reads the entry's file again nor converts its Markdown; the entry's body is
rendered once per build with the contributors' safe Markdown
(:func:`edition.features.glossary.session.prepare`) and put on its page in
``on_page_content``, its links made relative to that page.

Terms are linked in ``on_page_content``, in the page's own text: on an
essay page that is before the commentary hook adds its callouts and
paragraph actions (in ``on_page_context``), so the glossary annotates the
essay, the walk covers a tenth of the final markup, and a note is linked on
its own page. An entry's sources, related entries and mentions are added in
``on_page_context``, after Material's search plugin has indexed the entry
(plugins run before hooks for the same event), as HTML, with their headings
added to the table of contents. An entry's summary and other names go
before its body in ``on_page_content`` (searchable, and linked like the body).

Every glossary link carries its entry's summary as hover text, on every
page: links in the page's own text get it as terms are linked, and links
that other hooks add later (the notes the commentary hook shows on essay
pages in its ``on_page_context``) get it in this hook's ``on_page_context``,
which runs after theirs; only a page whose HTML grew since its terms were
linked is read again.
"""

from html import escape as escape_html

from edition.addresses import linker, page_url, relative_url, resolver
from edition.features.glossary import pages
from edition.features.glossary.linker import add_hover, link_terms
from edition.features.glossary.session import prepare
from edition.mkdocs_adapter import build
from edition.mkdocs_adapter.model_page import ModelPage
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File
from mkdocs.structure.toc import AnchorLink, get_toc

log = get_plugin_logger(__name__)
_glossary = None
GLOSSARY = "glossary"


def on_files(files, config):
    global _glossary
    site = build.current()
    _glossary = prepare(site, config["mdx_configs"].get("toc"))
    for problem in _glossary.problems:
        log.warning(str(problem))
    for file in list(files.documentation_pages()):
        slug = _entry_file(file.src_uri)
        if slug in site.terms:
            # The model has the entry: not read or converted again; its page's metadata is the model's.
            ModelPage(None, file, config, meta=site.terms[slug].meta)
        elif slug is not None:  # refused by the loader (which said why): MkDocs would publish its raw Markdown
            files.remove(file)
    files.append(File.generated(config, "glossary/index.md", content=pages.index_page(list(site.terms.values()))))
    return files


def on_page_markdown(markdown, page, config, files):
    """An entry's title, escaped: Material writes ``page.meta.title`` into the page as it is.

    An entry's page is its file's own Markdown (its body); the title, which
    a stranger's pull request may set, is HTML-escaped once here for every
    place the theme prints it (``<title>``, the ``<h1>``, the header).
    """
    slug = _entry_slug(page.file.src_uri)
    if slug is not None:
        page.meta["title"] = escape_html(build.current().terms[slug].title)
    return markdown


def _url_for(page, use_dirs):
    """``url_for(slug)``: an entry's address relative to ``page``."""
    return lambda slug: relative_url(page_url(f"glossary/{slug}.md", use_dirs), page.url)


def on_page_content(html, page, config, files):
    """Link terms in the page; an entry's page first gets its head and body, and their table of contents."""
    matcher = None if page.meta.get("glossary") is False else _glossary.matcher
    own = _entry_slug(page.file.src_uri)
    if own:
        body = _glossary.entries[own]
        html = pages.entry_head(build.current().terms[own]) + body.fill(resolver(GLOSSARY, linker(build.urls(), page.url)))
        page.toc = get_toc(body.toc)
    url_for = _url_for(page, config["use_directory_urls"])
    exclude = frozenset({own} if own else ())
    html, _ = link_terms(html, matcher, _glossary.summaries, url_for, exclude=exclude, base=page.url)
    _glossary.linked_sizes[page.file.src_uri] = len(html)
    return html


@event_priority(-50)  # after the commentary hook has added its notes to essay pages
def on_page_context(context, page, config, nav):
    """Hover text on links added since terms were linked; an entry's sources, related entries and mentions."""
    if len(page.content or "") != _glossary.linked_sizes.get(page.file.src_uri):
        page.content = add_hover(page.content or "", _glossary.summaries, page.url)
    own = _entry_slug(page.file.src_uri)
    if own:
        use_dirs = config["use_directory_urls"]
        tail, headings = pages.entry_tail(
            build.current().terms[own],
            build.current().terms,
            _glossary.mentions.get(own, []),
            _url_for(page, use_dirs),
            lambda m: relative_url(page_url(m.page, use_dirs), page.url) + f"#{m.paragraph}",
        )
        page.content += tail
        _add_to_toc(page, headings)
    return context


def _add_to_toc(page, headings):
    """List headings added after Markdown in the page's table of contents.

    At the top level; under the body's own ``<h1>`` if it has one, whose
    children are what Material shows as the table of contents.
    """
    items = page.toc.items
    parent = items[0].children if len(items) == 1 and items[0].level == 1 else items
    parent.extend(AnchorLink(title, ident, 2) for ident, title in headings)


def on_post_build(config):
    if _glossary.unused:
        log.info(f"glossary: {len(_glossary.unused)} entries nothing links to or mentions yet: {', '.join(_glossary.unused)}")


def _entry_file(src):
    """The slug an entry's file ``src`` (relative to the docs folder) would have, else None."""
    if src.startswith(f"{GLOSSARY}/") and src.count("/") == 1 and src != f"{GLOSSARY}/index.md":
        return src[len(GLOSSARY) + 1 : -len(".md")]
    return None


def _entry_slug(src):
    """The slug of the entry page built from ``src``, else None."""
    slug = _entry_file(src)
    return slug if slug in build.current().terms else None
