"""When each handler of the edition's hooks runs: one table of event priorities, each with its reason.

MkDocs runs an event's handlers from the highest priority to the lowest; at
equal priority, plugins run before hooks, and hooks in the order mkdocs.yml
lists them. Every handler of the edition takes its priority from here
(``@event_priority(order.X)``), so the order of the ``hooks:`` list never
matters: ``tests/test_hook_order.py`` builds a fixture with the list reversed
and compares every byte. Material's search plugin indexes a page in
``on_page_context`` at the default priority, 0.
"""

from __future__ import annotations

from typing import Final

# on_config
PART_SETUP: Final = 0  # the first makes the build object (settings, model, guards); each makes its own part from it

# on_files
WITHHOLD: Final = 100  # first of all: no plugin or part may see a contributed file that will not be published
# Each part adds only its own pages, but the order they are added in is their order in the sitemap and the
# search index: notes and commentary indexes, then the glossary's, then the whole-essay pages.
NOTE_PAGES: Final = 3
ENTRY_PAGES: Final = 2
WHOLE_ESSAY_PAGES: Final = 1
SHARED_CONVERTER: Final = -100  # the Markdown files no part made a page for get one converter between them
FREEZE: Final = -200  # last: what is alive now (the model, the files) lives through the build; collections pass it over

# on_nav
ADDRESSES: Final = 100  # every page's address, read once the file list is final and before any page is built
ESSAY_VIEWS: Final = 0  # each essay's view of the navigation, from the final navigation

# on_env
TEMPLATE_CACHE: Final = -100  # last: the environment is fingerprinted as every plugin left it (template_cache)

# on_page_markdown
PAGE_SOURCE: Final = 0  # each part sets the title or Markdown of its own pages only

# on_page_content
KEEP_SECTIONS: Final = 50  # an essay section's HTML as Markdown made it, before terms are linked (whole-essay page)
NOTE_TEXT: Final = 40  # a note page's title and body, before terms are linked in them
LINK_TERMS: Final = 0  # once a page's own text is complete

# on_page_context (search indexes at 0)
ESSAY_VIEW: Final = 0  # swaps the navigation only, which search does not read
PERMALINKS: Final = -5  # after search has indexed the page (old paragraphs are not the essay's text), before notes
DECORATE_ESSAYS: Final = -10  # after search has indexed the page: callouts are found once, on the note's page
ENTRY_TAIL: Final = -20  # after the notes are on essay pages, so that their glossary links are marked to preview
DESCRIBE: Final = -30  # last: descriptions and addresses once every part has finished with the page

# on_template_context (the pages that are templates only: 404.html, sitemap.xml)
ANNOUNCE_FEEDS: Final = 0  # the feeds the 404 page announces; only the reading part reads a template's context

# on_post_page and on_post_template
VALID_HTML: Final = 0  # corrections to the theme's markup, before the page is collected
COLLECT_LINKS: Final = -100  # last: the link check reads the page exactly as it is written

# on_post_build
SITE_FILES: Final = 0  # annotations.jsonld, reports, the feeds again in the preview: any order
VERIFY_LINKS: Final = -100  # last: every file of the site is written
JOB_SUMMARY: Final = -200  # after the link check: every problem of the build has been reported
THAW: Final = -300  # last of all: the objects frozen on_files are collected again (and on_build_error)
