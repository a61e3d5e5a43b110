"""MkDocs hook: load the edition's model and build the navigation from it.

Listed first under ``hooks:`` in mkdocs.yml; the other hooks read the model it
loads through ``edition.mkdocs_adapter.build.current()``. Being first, it also sees each
essay section's HTML straight from Markdown, which the whole-essay page
reuses instead of converting the essay again (:class:`edition.features.reading.whole_essay.WholeEssays`).
It also withholds what must not be published from the contributed folders
(:mod:`edition.content.contributed.publish`), before any plugin or hook reads a file.
"""

from edition.content.contributed.links import endless_links
from edition.content.contributed.publish import withheld
from edition.content.site import essay_of_page
from edition.features.reading import whole_essay as print_view
from edition.features.reading.navigation import site_nav
from edition.mkdocs_adapter import build
from edition.mkdocs_adapter.page_nav import essay_views
from markupsafe import escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

log = get_plugin_logger(__name__)
_views = {}
_whole: print_view.WholeEssays | None = None


def on_config(config):
    """Load the model; stop at a link that MkDocs' walk of the docs folder would not finish."""
    global _whole
    site = build.load(config["docs_dir"], config.config_file_path)
    endless = endless_links(site.docs_dir, site.docs_rel)
    if endless:  # a warning would come too late: MkDocs lists the files, following links, right after this event
        raise PluginError("\n".join(str(problem) for problem in endless))
    _whole = print_view.WholeEssays(site.essays)
    for problem in site.problems:
        log.warning(str(problem))
    config["nav"] = site_nav(list(site.essays.values()), config["extra"].get("nav_tail"))
    return config


@event_priority(100)  # first of all on_files handlers: no plugin or hook may see a withheld file
def on_files(files, config):
    """Withhold every file under the contributed folders that the model did not load (MkDocs would publish it)."""
    remove, problems = withheld(build.current(), [file.src_uri for file in files if file.generated_by is None])
    for problem in problems:
        log.warning(str(problem))
    for src_uri in remove:
        files.remove(files.get_file_from_path(src_uri))
    return files


def on_nav(nav, config, files):
    """Record every file's address for the other hooks; prepare each essay's view of the navigation.

    The addresses are read here, after all hooks have added their files and
    before any page is built (see :func:`edition.mkdocs_adapter.build.urls`); the views are
    explained in :mod:`edition.mkdocs_adapter.page_nav`.
    """
    global _views
    build.set_urls({file.src_uri: file.url for file in files})
    _views = essay_views(nav)
    return nav


def on_page_markdown(markdown, page, config, files):
    """An essay page's title, escaped; a generated whole-essay page gets markers for the sections already converted.

    The title is the essay's words: Material writes ``page.meta.title`` into
    ``<title>``, the header and the ``<h1>`` as it is, so it is HTML-escaped
    once here, as ``Markup`` so that the theme's own ``| e`` leaves it as it is
    (as the navigation's titles are in :mod:`edition.features.reading.navigation`).
    """
    src = page.file.src_uri
    if essay_of_page(src) is not None and "title" in page.meta:
        page.meta["title"] = escape(str(page.meta["title"]))
    slug = print_view.essay_of(src) if page.file.generated_by else None
    return (_whole.markdown(slug) or markdown) if slug else markdown


def on_page_content(html, page, config, files):
    """Keep a section's HTML; put the kept sections into a whole-essay page (before glossary links)."""
    return _whole.take(page.file.src_uri, html)


def on_page_context(context, page, config, nav):
    """An essay's pages show only that essay under Essays, so their size does not grow with the library."""
    view = _views.get(essay_of_page(page.file.src_uri))
    if view is not None:
        context["nav"] = view
    return context
