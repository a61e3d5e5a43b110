"""All notes as a W3C Web Annotation collection (``annotations.jsonld``).

Other tools (Hypothesis among them) read this model, so the edition's notes
can be reused outside the site. Each note targets the essay page that holds
its passage with the same selectors the build anchors by: the exact quote
with its context (TextQuoteSelector) and the paragraph id
(FragmentSelector). Orphaned notes are exported too, with the selectors
their authors wrote, as Hypothesis keeps orphans.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from edition.addresses import essay_page, note_page
from edition.features.commentary.anchor import Anchor

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
FRAGMENT_SPEC = "http://tools.ietf.org/rfc/rfc3987"
MOTIVATION = {
    "context": "commenting",
    "critique": "assessing",
    "correction": "editing",
    "question": "questioning",
    "translation": "commenting",
}


def annotation(anchor: Anchor, url: Callable[[str], str]) -> dict:
    """One note as an Annotation; ``url(src_uri)`` gives a page's absolute address."""
    c = anchor.comment
    paragraph = anchor.paragraph_id
    page = anchor.paragraph.page if anchor.paragraph is not None else essay_page(c.essay)
    quote = {"type": "TextQuoteSelector", "exact": c.quote}
    if anchor.placed:
        quote.update(prefix=anchor.prefix, suffix=anchor.suffix)
    creator = {"type": "Person", "name": c.author}
    if c.author_url:
        creator["homepage"] = c.author_url
    return {
        "id": url(note_page(c.essay, c.name)),
        "type": "Annotation",
        "motivation": MOTIVATION[c.kind],
        "created": c.date,
        "creator": creator,
        "body": {
            "type": "TextualBody",
            "value": c.body.strip(),
            "format": "text/markdown",
            "purpose": MOTIVATION[c.kind],
        },
        "target": {
            "source": url(page),
            "selector": [
                quote,
                {"type": "FragmentSelector", "value": paragraph, "conformsTo": FRAGMENT_SPEC},
            ],
        },
        "dc:title": c.title,
    }


def collection(anchors: list[Anchor], url: Callable[[str], str], collection_id: str, label: str) -> dict:
    """The AnnotationCollection of every note, oldest first."""
    items = [annotation(a, url) for a in sorted(anchors, key=lambda a: (a.comment.date, a.comment.path))]
    return {
        "@context": CONTEXT,
        "id": collection_id,
        "type": "AnnotationCollection",
        "label": label,
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def dumps(data: dict) -> str:
    """One line of JSON: without ``indent`` the standard library's C encoder does the work."""
    return json.dumps(data, ensure_ascii=False) + "\n"
