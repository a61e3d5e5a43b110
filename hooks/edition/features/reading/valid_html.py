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

TOGGLES = (
    'data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
    'data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">',
)
_FIXED_TOGGLES = [(toggle, toggle.replace(' autocomplete="off"', "")) for toggle in TOGGLES]
TOC_LABEL = '<label class="md-nav__title" for="__toc">'
TOC_INPUT = 'id="__toc"'


def fix_material_markup(page_html: str) -> str:
    """``page_html`` with the two corrections above.

    Every page of the site passes through here, so the edits are found first
    and the page is copied once, not once per correction.
    """
    edits = []
    for toggle, fixed in _FIXED_TOGGLES:
        at = page_html.find(toggle)
        if at >= 0:
            edits.append((at, at + len(toggle), fixed))
    # The label first: most pages have none, and the checkbox is then not looked for.
    if (start := page_html.find(TOC_LABEL)) >= 0 and TOC_INPUT not in page_html:
        end = page_html.index("</label>", start)
        inner = page_html[start + len(TOC_LABEL) : end]
        edits.append((start, end + len("</label>"), f'<div class="md-nav__title">{inner}</div>'))
    if not edits:
        return page_html
    pieces, done = [], 0
    for start, end, replacement in sorted(edits):
        pieces += [page_html[done:start], replacement]
        done = end
    pieces.append(page_html[done:])
    return "".join(pieces)
