"""MkDocs hook: the reading experience around the essays.

The home page's listing, the whole-essay page of every essay (and a link to
it from the essay's opening page), and each page's description and canonical
address, and valid HTML. The logic lives in :mod:`edition.features.reading.listings`,
:mod:`edition.features.reading.whole_essay`, :mod:`edition.features.reading.seo` and :mod:`edition.features.reading.valid_html`;
this file only connects it to MkDocs' events. Listed
after the commentary and glossary hooks: descriptions are set in
``on_page_context``, after every hook has finished with ``page.meta``.
"""

from urllib.parse import urljoin

from edition.addresses import page_url
from edition.content.site import ESSAYS_DIR, essay_of_page
from edition.features.reading import listings, seo
from edition.features.reading import whole_essay as print_view
from edition.features.reading.valid_html import fix_material_markup
from edition.mkdocs_adapter import build
from markupsafe import escape
from mkdocs.structure.files import File

COMMENTARY_INDEX = "commentary/index.md"
CONTENTS = "\n## Contents\n"


def on_files(files, config):
    site = build.current()
    for essay in site.essays.values():
        src = print_view.src_uri(essay.slug)
        if files.get_file_from_path(src) is None:
            files.append(File.generated(config, src, content=print_view.whole_essay(essay)))
    return files


def on_page_markdown(markdown, page, config, files):
    if page.meta.get("listing") == "home":
        page.meta.setdefault("glossary", False)  # a listing of titles and summaries, not prose to annotate
        index = COMMENTARY_INDEX if files.get_file_from_path(COMMENTARY_INDEX) else None
        return markdown + listings.home_listing(build.current(), index)
    if _essay_index(page.file.src_uri):
        link = f"\n[Read the whole essay on one page]({print_view.PAGE}.md){{: .essay-view-switch }}\n"
        return markdown.replace(CONTENTS, link + CONTENTS, 1) if CONTENTS in markdown else markdown + link
    return markdown


def on_page_content(html, page, config, files):
    """A whole-essay page's parts become the ``<div>`` elements the stylesheet skips while off screen."""
    return print_view.open_parts(html) if print_view.essay_of(page.file.src_uri) else html


def on_page_context(context, page, config, nav):
    """Describe the page; point a whole-essay page's canonical address at the essay.

    The description and the edit button's address are stored escaped
    (``Markup`` strings) because Material's templates write
    ``page.meta.description`` and ``page.edit_url`` into attributes
    unescaped; the edit address holds the file's name as it is.
    """
    if page.edit_url:
        page.edit_url = escape(page.edit_url)
    src = page.file.src_uri
    text = page.meta.get("description") or seo.description(src, build.current())
    if text:
        page.meta["description"] = escape(text)
    slug = print_view.essay_of(src)
    if slug and config["site_url"]:
        index = page_url(f"{ESSAYS_DIR}/{slug}/index.md", config["use_directory_urls"])
        page.canonical_url = urljoin(config["site_url"], index)
    return context


def on_post_page(output, page, config):
    return fix_material_markup(output)


def on_post_template(output, template_name, config):
    """The 404 page is a template, not a page: it gets the same corrections."""
    return fix_material_markup(output) if template_name == "404.html" else output


def _essay_index(src_uri):
    return src_uri.endswith("/index.md") and essay_of_page(src_uri) is not None
