"""Two corrections to Material's page skeleton, so that every page is valid HTML (Nu checker).

- Material writes ``autocomplete="off"`` on the hidden checkboxes that open
  the drawer and the search; HTML allows that attribute only on text-like
  inputs. It is dropped (Material resets both toggles itself on every load).
- The table of contents' title is a ``<label for="__toc">``; the ``__toc``
  checkbox exists only on pages that are leaves of the navigation, so on the
  others (section indexes, glossary entries, notes) the label points at
  nothing. There it becomes a plain ``<div>`` with the same class and look.

Exact-string replacements of Material's own markup, never of page content.
"""

from __future__ import annotations

TOGGLES = ('data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
           'data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">')
TOC_LABEL = '<label class="md-nav__title" for="__toc">'
TOC_INPUT = 'id="__toc"'


def fix_material_markup(page_html: str) -> str:
    """``page_html`` with the two corrections above."""
    for toggle in TOGGLES:
        page_html = page_html.replace(toggle, toggle.replace(' autocomplete="off"', ""), 1)
    if TOC_INPUT not in page_html and TOC_LABEL in page_html:
        start = page_html.index(TOC_LABEL)
        end = page_html.index("</label>", start)
        inner = page_html[start + len(TOC_LABEL) : end]
        page_html = f'{page_html[:start]}<div class="md-nav__title">{inner}</div>{page_html[end + len("</label>") :]}'
    return page_html
