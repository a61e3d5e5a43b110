"""All notes as a W3C Web Annotation collection (``annotations.jsonld``).

Other tools (Hypothesis among them) read this model, so the edition's notes
can be reused outside the site. Each note targets the essay page that holds
its passage with the same selectors the build anchors by: the exact quote
with its context (TextQuoteSelector) and the paragraph id
(FragmentSelector). Orphaned notes are exported too, with the selectors
their authors wrote, as Hypothesis keeps orphans.

The essay changes between revisions while its address stays, so each
target carries the revision its selectors describe as the model's
``TimeState``: ``sourceDate`` is the day of that revision, and its number is
kept beside it as ``schema:version`` (the annotation context binds
``schema:`` to schema.org). That is the current revision for a note its
current text holds, and the revision that held the quote for a note the
essay changed under: the prefix and suffix then come from that revision's
text, as the revision record keeps it. A note that is not simply placed says
so in ``schema:creativeWorkStatus``: ``changed`` (its passage changed),
``resolved`` (a revision applied it), ``orphaned`` (its paragraph was removed,
or its quote matches no revision).
"""

from __future__ import annotations

import json
from collections.abc import Callable

from edition.addresses import essay_page, note_page
from edition.content.model import Essay
from edition.features.commentary.anchor import ORPHANED, Anchor
from edition.features.commentary.revised import REMOVED

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
FRAGMENT_SPEC = "http://tools.ietf.org/rfc/rfc3987"
MOTIVATION = {
    "context": "commenting",
    "critique": "assessing",
    "correction": "editing",
    "question": "questioning",
    "translation": "commenting",
}


STATUS = {ORPHANED: "orphaned", REMOVED: "orphaned"}  # other states are their own names; a placed note has none


def state(anchor: Anchor, essay: Essay) -> dict | None:
    """The TimeState of the revision of ``essay`` that the note's selectors describe."""
    number = anchor.history.written.number if anchor.history else essay.revision
    date = next((r.date for r in essay.revisions if r.number == number), essay.date if number == 1 else None)
    return {"type": "TimeState", "sourceDate": f"{date}T00:00:00Z", "schema:version": number} if date else None


def annotation(anchor: Anchor, url: Callable[[str], str], time_state: dict | None = None) -> dict:
    """One note as an Annotation; ``url(src_uri)`` gives a page's absolute address.

    ``time_state`` is the target's :func:`state` (none for a note on no essay).
    """
    c = anchor.comment
    paragraph = anchor.paragraph_id
    page = anchor.paragraph.page if anchor.paragraph is not None else essay_page(c.essay)
    quote = {"type": "TextQuoteSelector", "exact": c.quote}
    if anchor.placed or anchor.history:
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
            **({"state": time_state} if time_state else {}),
        },
        "dc:title": c.title,
        **({"schema:creativeWorkStatus": status} if (status := _status(anchor)) else {}),
    }


def _status(anchor: Anchor) -> str:
    if anchor.history is None and anchor.status != ORPHANED:
        return ""
    return STATUS.get(anchor.status, anchor.status)


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


def item(anchor: Anchor, url: Callable[[str], str], essay: Essay | None) -> str:
    """One note's Annotation as the collection's JSON holds it; ``essay`` gives the dates of its revisions."""
    return json.dumps(annotation(anchor, url, state(anchor, essay) if essay else None), ensure_ascii=False)


_EMPTY_TAIL = "[]}}\n"


def dumps_items(items: list[str], collection_id: str, label: str) -> str:
    """:func:`dumps` of the collection whose notes' JSON is ``items`` (from :func:`item`, oldest first), byte for byte.

    The preview writes the file after every save: encoding 10,000 notes again
    for one changed note was most of the time the file took.
    """
    head = collection([], collection_id, label)
    head["total"] = len(items)
    return dumps(head).removesuffix(_EMPTY_TAIL) + "[" + ", ".join(items) + "]}}\n"
