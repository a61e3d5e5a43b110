"""Everything the glossary needs for one build, computed once from the model.

The hook calls :func:`prepare` after the model loads; pages then only look
things up. Kept apart from the hook so tests can build it without MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from edition.gcpause import gc_paused
from edition.glossary import backlinks, lint
from edition.glossary.matcher import Matcher
from edition.glossary.terms import name_index
from edition.problems import Problem
from edition.site import Site


@dataclass
class GlossaryBuild:
    """The matcher, hover texts, backlinks and problems of one build."""

    matcher: Matcher
    summaries: dict[str, str]
    mentions: dict[str, list[backlinks.Mention]]
    problems: list[Problem] = field(default_factory=list)
    unused: list[str] = field(default_factory=list)


def prepare(site: Site) -> GlossaryBuild:
    """Build the matcher, collect backlinks and run the linter over ``site``."""
    with gc_paused():
        return _prepare(site)


def _prepare(site: Site) -> GlossaryBuild:
    terms = site.terms
    matcher = Matcher(name_index(terms))
    mentions = backlinks.collect(list(site.essays.values()), matcher, set(terms))
    problems = lint.lint(terms, list(site.essays.values()), site.comments, site.docs_rel)
    referenced = set(mentions)
    referenced.update(slug for t in terms.values() for slug in t.see_also)
    for text in [c.body for c in site.comments] + [t.body for t in terms.values()]:
        referenced.update(backlinks.GLOSSARY_LINK.findall(text))
    return GlossaryBuild(
        matcher=matcher,
        summaries={slug: t.summary or t.title for slug, t in terms.items()},
        mentions=mentions,
        problems=problems,
        unused=sorted(set(terms) - referenced),
    )
