"""Everything the glossary needs for one build, computed once from the model.

The hook calls :func:`prepare` after the model loads; pages then only look
things up. Kept apart from the hook so tests can build it without MkDocs.

Entries arrive by pull request like notes, so their bodies are rendered
with the notes' safe Markdown (no raw HTML, only safe addresses), once per
build, with heading ids and permalinks as the site's ``toc`` gives them. One
converter for all entries also spares MkDocs a new one per entry page, which
was most of an entry page's cost.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

from edition.content.gcpause import gc_paused
from edition.content.memo import NO_MEMO, Memo
from edition.content.problems import Problem
from edition.content.site import Site
from edition.content.terms import name_index
from edition.features.glossary import backlinks, lint
from edition.features.glossary.linker import Found
from edition.features.glossary.matcher import Matcher
from edition.features.glossary.pages import SECTION_IDS, THEME_ID_PREFIX
from edition.safe.markdown import Rendered, SafeMarkdown


@dataclass
class GlossaryBuild:
    """The matcher, summaries, backlinks and problems of one build."""

    matcher: Matcher
    summaries: dict[str, str]
    mentions: dict[str, list[backlinks.Mention]]
    problems: list[Problem] = field(default_factory=list)
    unused: list[str] = field(default_factory=list)
    entries: dict[str, Rendered] = field(default_factory=dict)  # each entry's body, relative links to fill per page
    linked_sizes: dict[str, int] = field(default_factory=dict)  # each page's HTML length once its terms were linked
    seen: Found = field(default_factory=dict)  # the names each text node holds, matched once in this build


def prepare(site: Site, toc: dict | None = None, memo: Memo = NO_MEMO) -> GlossaryBuild:
    """Build the matcher, collect backlinks, run the linter and render the entries of ``site``.

    ``toc`` holds the settings of the site's ``toc`` extension (``permalink``...);
    ``memo`` keeps the matcher, each essay's backlinks and each rendered body
    between the builds of the preview (see :mod:`edition.content.memo`).
    """
    with gc_paused():
        return _prepare(site, toc or {}, memo)


def render_entries(site: Site, toc: dict, memo: Memo = NO_MEMO) -> tuple[dict[str, Rendered], list[Problem]]:
    """Each entry's body, rendered once; an unsafe address is a problem of the entry's file."""
    settings = repr(sorted(toc.items()))  # the rendering depends on the body and these settings
    markdown = memo.value("safe markdown", ("entries", settings), lambda: SafeMarkdown(toc=toc))
    entries, problems = {}, []
    for slug, term in site.terms.items():
        body = term.body
        entries[slug] = rendered = memo.value("entry body", (body, settings), partial(markdown.render_once, body))
        problems += rendered.reported(term.path, term.body_line) + taken_ids(term.path, rendered.toc)
    return entries, problems


def taken_ids(path: str, toc: list[dict]) -> list[Problem]:
    """Body headings whose ids the entry page or the theme has already: two elements with one id, a link to either."""
    problems, tokens = [], toc[::-1]
    while tokens:  # in document order, without recursion
        token = tokens.pop()
        tokens += token.get("children", [])[::-1]
        ident = token["id"]
        if ident in SECTION_IDS or ident.startswith(THEME_ID_PREFIX):
            owner = "the page's own section" if ident in SECTION_IDS else "the theme"
            message = f"body: the heading '{token['name']}' has the id '{ident}', which {owner} uses."
            problems.append(Problem(path, message, "Rename the heading."))
    return problems


def _prepare(site: Site, toc: dict, memo: Memo) -> GlossaryBuild:
    terms = site.terms
    names = name_index(terms)
    matcher = memo.value("matcher", tuple(names.items()), lambda: Matcher(names))
    mentions = backlinks.collect(list(site.essays.values()), matcher, set(terms), memo)
    problems = lint.lint(terms, list(site.essays.values()), site.comments, site.docs_rel, memo)
    entries, unsafe = render_entries(site, toc, memo)
    referenced = set(mentions)
    referenced.update(slug for t in terms.values() for slug in t.see_also)
    for text in [c.body for c in site.comments] + [t.body for t in terms.values()]:
        referenced.update(backlinks.glossary_links(text, memo))
    return GlossaryBuild(
        matcher=matcher,
        summaries={slug: t.summary or t.title for slug, t in terms.items()},
        mentions=mentions,
        problems=problems + unsafe,
        unused=sorted(set(terms) - referenced),
        entries=entries,
    )
