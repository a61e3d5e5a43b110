"""One object per build: the settings, the model, every page's address and each listed part's state.

MkDocs loads hook files as separate modules and keeps them between the
builds of ``mkdocs serve``, so state kept in a hook file would outlive its
build and hide which part needs what. Instead the first handler of a build
creates an :class:`EditionBuild` and keeps it on that build's config object
(:meth:`EditionBuild.of`); every hook file only routes its events to it, and
every handler's priority comes from :mod:`.order`.

The build creates only the parts whose hook files mkdocs.yml lists (each
hook file names its part in ``PART``), so a fixture site can list a few.
The model and the addresses belong to the build, not to a part: any part
may be listed alone (the link check alone checks any site, edition or
not). Problems are collected by the features and logged here, in one
place, each as one warning through a named plugin logger, so that
``mkdocs build --strict`` fails on any of them; in GitHub Actions each is
also an annotation on its file and line (:mod:`.github`).

The build also keeps what the preview behind ``make serve`` needs to build
again only what a save changed (:mod:`.preview`): a memo of the work done
on unchanged files (:mod:`edition.content.memo`), the dependency graph its
parts record while pages are built (:mod:`edition.content.graph`), and the
final file list and navigation. :meth:`EditionBuild.refresh` reloads the
model and asks every part for the facts that changed.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Protocol, TypeVar

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from edition.addresses import COMMENTARY, GLOSSARY, Linker, is_revision_record, linker
from edition.content.contributed.links import walk_links
from edition.content.contributed.publish import linked, withheld
from edition.content.gcpause import gc_paused
from edition.content.graph import ESSAY, DependencyGraph, Key, UnrecordedGraph
from edition.content.memo import NO_MEMO, Memo
from edition.content.problems import Problem
from edition.content.site import Site, load_site
from edition.mkdocs_adapter import settings
from edition.mkdocs_adapter.commentary import CommentaryPart
from edition.mkdocs_adapter.essays import EssaysPart
from edition.mkdocs_adapter.github import GitHubActions
from edition.mkdocs_adapter.glossary import GlossaryPart
from edition.mkdocs_adapter.linkcheck import LinkCheckPart
from edition.mkdocs_adapter.reading import ReadingPart
from edition.mkdocs_adapter.shared_converter import share

ATTRIBUTE = "_edition_build"  # the attribute of a build's config object that holds its EditionBuild
MEMO = "_edition_memo"  # the attribute by which the preview hands its memo to a build's config before the build
RENDERS = {COMMENTARY: "commentary", GLOSSARY: "glossary"}  # contributed folder -> the part that renders it
# The parts that make a site an edition: with any of them the model is loaded and the contributed folders
# guarded; the link check alone checks any site and touches none of its files.
EDITION_PARTS = frozenset({"essays", "reading", "commentary", "glossary"})


class Part(Protocol):
    """What every part offers the preview (:meth:`EditionBuild.refresh`, :mod:`.preview`)."""

    def refresh(self, before: Site) -> set[Key] | None:
        """Follow the model from ``before`` to the build's new one; the keys of the facts that changed, or None."""

    def forget(self, page: Page) -> None:
        """Drop what the part keeps of a page that is no longer written."""


class EditionBuild:
    """The edition's state for one build; its parts exist only for the hooks listed."""

    @classmethod
    def of(cls, config: MkDocsConfig) -> EditionBuild:
        """This build's object, made by whichever of the edition's handlers runs first."""
        build = getattr(config, ATTRIBUTE, None)
        if build is None:
            build = cls(config)
            setattr(config, ATTRIBUTE, build)
        return build

    def __init__(self, config: MkDocsConfig) -> None:
        self.config = config
        self.github = GitHubActions.from_env(os.environ)  # before the first report
        config_file = config.config_file_path or "mkdocs.yml"
        self.settings, self.unknown = settings.load(config.extra, Path(config_file).name)
        self.report("edition", self.unknown)
        self.listed = listed_parts(config["hooks"].values())
        self.memo: Memo = getattr(config, MEMO, NO_MEMO)
        self.preview = self.memo is not NO_MEMO  # built by the preview, which will ask for changes after it
        self.graph = DependencyGraph() if self.preview else UnrecordedGraph()  # only the preview asks it
        self.site = Site()
        self.links: list[str] = []  # every symbolic link in the docs folder, relative to it
        if self.listed & EDITION_PARTS:
            self._load_model(config_file)
        self.urls: dict[str, str] = {}  # every file's SiteUrl by DocsPath, once the file list is final
        self._site_urls: frozenset[str] | None = None  # the same addresses as a set, made when first asked for
        self.files: Files | None = None  # the final file list and navigation, kept for the preview
        self.nav: Navigation | None = None
        self.started: list[str] = []  # the parts, in the order their hooks made them
        self.withheld: list[str] = []  # the files on_files withheld
        self._withheld = not self.listed & EDITION_PARTS  # a site that is not an edition keeps all its files
        self._shared = False  # the Markdown pages were given the shared converter
        self.essays: EssaysPart | None = None
        self.reading: ReadingPart | None = None
        self.commentary: CommentaryPart | None = None
        self.glossary: GlossaryPart | None = None
        self.linkcheck: LinkCheckPart | None = None

    def start(self, part: str) -> None:
        """Make the part of a listed hook file, from that file's ``on_config``.

        Parts are made in no particular order: a part reads only the build's
        model and addresses, never another part, when it is made. Making it
        in its own hook's event keeps the work where MkDocs (and the
        benchmark's stage clock) sees it.
        """
        if part == "essays":
            self.essays = EssaysPart(self)
        elif part == "reading":
            self.reading = ReadingPart(self)
        elif part == "commentary":
            self.commentary = CommentaryPart(self)
        elif part == "glossary":
            self.glossary = GlossaryPart(self)
        elif part == "linkcheck":
            self.linkcheck = LinkCheckPart(self)
        else:
            raise ValueError(f"no part named {part!r}")
        self.started.append(part)

    def _load_model(self, config_file: str) -> None:
        """Load the model once; stop before MkDocs walks a folder it would walk without end."""
        docs = Path(self.config.docs_dir).resolve()
        root = Path(config_file).resolve().parent if self.config.config_file_path else docs.parent
        with gc_paused():  # thousands of files' worth of objects, no cycles
            self.site = load_site(docs, root, self.memo)
        links = walk_links(self.site.docs_dir, self.site.docs_rel)
        # A warning would come too late: MkDocs walks the docs folder, following links, after on_config.
        if links.endless:
            raise PluginError("\n".join(str(problem) for problem in links.endless))
        self.links = links.found
        self.report("edition", self.site.problems)

    def parts(self) -> list[Part]:
        """The parts made for this build, in the order their hooks made them."""
        return [getattr(self, name) for name in self.started]

    def refresh(self) -> set[Key] | None:
        """After files changed (and the memo forgot them): reload the model, refresh every part, report problems.

        Returns the keys of the facts that changed (:mod:`edition.content.graph`),
        or None when a part cannot follow the change and the whole site must
        be built again. Problems are reported as a full build reports them:
        the model's, then each part's in the order of its hook. A new link
        to a folder is not looked for here: the preview builds everything
        again when a link or folder appears.
        """
        before = self.site
        with gc_paused():
            self.site = load_site(before.docs_dir, before.root, self.memo)
        self.report("edition", [*self.unknown, *self.site.problems])
        essays = {*before.essays, *self.site.essays}
        keys: set[Key] = {(ESSAY, slug) for slug in essays if before.essays.get(slug) is not self.site.essays.get(slug)}
        for part in self.parts():
            found = part.refresh(before)
            if found is None:
                return None
            keys |= found
        return keys

    def log(self, name: str) -> logging.LoggerAdapter:
        """The plugin logger ``name``: its lines start with ``name: `` and, as warnings, fail ``--strict``.

        A fixed name, not the hook module's: MkDocs names a hook module after
        its path as written in mkdocs.yml.
        """
        return get_plugin_logger(name)

    def report(self, logger: str, problems: Iterable[Problem]) -> None:
        """Log each problem as one warning (``mkdocs build --strict`` fails on any); ``logger`` prefixes it.

        In GitHub Actions each is also printed as an annotation of its file and line.
        """
        log = self.log(logger)
        for problem in problems:
            log.warning(str(problem))
            self.github.annotate(logger, problem)

    def share_converter(self, files: Files) -> Files:
        """Once per build, whichever hook asks first: the remaining Markdown pages get one shared converter."""
        if not self._shared:
            self._shared = True
            share(files, self.config)
        return files

    def withhold(self, files: Files) -> Files:
        """Remove every contributed file the build will not render from the model; report each refusal once.

        Every hook routes its ``on_files`` here first (``order.WITHHOLD``), so
        the guard holds whichever hooks are listed; it runs once per build.
        The essays' revision records go too: MkDocs would copy them into the
        site as they are, and the site shows them as revisions pages.
        """
        if self._withheld:
            return files
        self._withheld = True
        for record in [file for file in files if is_revision_record(file.src_uri)]:
            files.remove(record)
        sources = [file.src_uri for file in files if file.generated_by is None]
        remove, problems = self.judge(sources)
        self.report("edition", problems)
        self.withheld = remove
        for src in remove:
            file = files.get_file_from_path(src)
            if file is not None:
                files.remove(file)
        return files

    def adopt(self, file: File) -> bool:
        """Give a new note's or entry's file the page its part makes from the model; whether a part did."""
        return any(part is not None and part.adopt(file) for part in (self.commentary, self.glossary))

    def judge(self, sources: list[str]) -> tuple[list[str], list[Problem]]:
        """Of the docs files ``sources``, those not to publish, and the problems not reported yet.

        The contributed folders' files the model does not hold, then the
        files reached through a link anywhere else; each such link is a
        problem on every judgement, as the build reports it on every build.
        """
        rendered = {folder for folder, part in RENDERS.items() if part in self.listed}
        remove, problems = withheld(self.site, sources, rendered)
        through, links = linked(self.links, sources, self.site.docs_rel)
        return remove + [src for src in through if src not in remove], problems + links

    def record_addresses(self, files: Files, nav: Navigation) -> None:
        """Read every file's address once, after all parts have added their files (``on_nav``).

        A link between pages is then a lookup and the arithmetic of
        :func:`edition.addresses.relative_url`, not MkDocs' ``url_relative_to``.
        """
        if not self.urls:
            self.urls = {file.src_uri: file.url for file in files}
            self._site_urls = None
            self.files, self.nav = files, nav

    def site_urls(self) -> frozenset[str]:
        """Every file's address: what a link MkDocs wrote may lead to (:func:`edition.addresses.moved_address`)."""
        if self._site_urls is None:
            self._site_urls = frozenset(self.urls.values())
        return self._site_urls

    def set_address(self, src: str, url: str | None) -> None:
        """The preview adds a file's address (``url``) or removes it (None)."""
        if url is None:
            self.urls.pop(src, None)
        else:
            self.urls[src] = url
        self._site_urls = None

    def linker(self, page_url: str) -> Linker:
        """``link(src, fragment="")``: a docs file's address as seen from the page at ``page_url``."""
        return linker(self.urls, page_url)


P = TypeVar("P")


def listed(part: P | None) -> P:
    """A part of a listed hook file, typed: it exists, since the build makes the part of every listed hook."""
    if part is None:
        raise RuntimeError("a hook file routed an event to a part it does not name in PART")
    return part


def listed_parts(hooks: Iterable[object]) -> frozenset[str]:
    """The parts the hook modules name in their ``PART``: which of the edition's hook files mkdocs.yml lists."""
    return frozenset(part for hook in hooks if isinstance(part := getattr(hook, "PART", None), str))
