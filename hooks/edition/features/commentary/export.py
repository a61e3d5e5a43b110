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


def oldest_first(anchors: list[Anchor]) -> list[Anchor]:
    """The collection's order: by date, then by file."""
    return sorted(anchors, key=lambda a: (a.comment.date, a.comment.path))


def collection(items: list, collection_id: str, label: str) -> dict:
    """The AnnotationCollection of ``items``, every note's Annotation, oldest first."""
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


def item(anchor: Anchor, url: Callable[[str], str]) -> str:
    """One note's Annotation as the collection's JSON holds it."""
    return json.dumps(annotation(anchor, url), ensure_ascii=False)


_EMPTY_TAIL = "[]}}\n"


def dumps_items(items: list[str], collection_id: str, label: str) -> str:
    """:func:`dumps` of the collection whose notes' JSON is ``items`` (from :func:`item`, oldest first), byte for byte.

    The preview writes the file after every save: encoding 10,000 notes again
    for one changed note was most of the time the file took.
    """
    head = collection([], collection_id, label)
    head["total"] = len(items)
    return dumps(head).removesuffix(_EMPTY_TAIL) + "[" + ", ".join(items) + "]}}\n"
