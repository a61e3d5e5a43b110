"""What an essay page tells reference managers and the reader's "Cite" menu: the essay's bibliographic facts.

Reference managers read Highwire Press tags (``<meta name="citation_title">``
and the rest: Zotero's "Embedded Metadata" translator and Google Scholar
both do), so an essay page carries them, written from the model: author,
title, the publication it first appeared in, its original date, the page's
address. The reader's citations (plain text and BibTeX, built in the browser,
where the date accessed is known) read the same tags back, plus this edition's
revision and its date, for which Highwire has no tag, and the site's address
(a citation names the published address even when the page is read from a
copy): one source of facts for both.

The revision is the last one the essay's revision record holds, with the
date it was imported; an essay never revised is revision 1, the text as first
published, dated as the essay.
"""

from __future__ import annotations

from edition.content.model import Essay
from edition.content.revisions import Revision, first


def revision_of(essay: Essay) -> Revision:
    """The revision of ``essay`` the site shows (see the module's docstring)."""
    return essay.revisions[-1] if essay.revisions else first(essay.date)


def highwire_date(iso: str) -> str:
    """``2023-02-24`` as Highwire writes dates: ``2023/02/24``."""
    return iso.replace("-", "/")


def meta_tags(essay: Essay, page_url: str, language: str, site_url: str = "") -> list[tuple[str, str]]:
    """The ``(name, content)`` of every ``<meta>`` an essay page carries for citing it, in order.

    Values are text; the template escapes them. ``page_url`` is the page's
    canonical address and ``site_url`` the site's (empty when the site has
    no address: no tag then).
    """
    revision = revision_of(essay)
    tags = [("citation_title", essay.title), ("citation_author", essay.author)]
    tags.append(("citation_publication_date", highwire_date(essay.date)))
    if essay.publication:
        tags.append(("citation_journal_title", essay.publication))
    if language:
        tags.append(("citation_language", language))
    if page_url:
        tags.append(("citation_public_url", page_url))
    tags += [("edition-revision", str(revision.number)), ("edition-revision-date", revision.date)]
    tags.append(("edition-site-url", site_url))
    return [(name, value) for name, value in tags if value]
