"""One step of the preview: the model follows the changed files, and only the pages they alter are built again.

The step works on what the last build left: MkDocs' file list, navigation
and pages, the search plugin's index and the edition's build object with
its parts. In order:

1. the memo forgets the changed files, and the build reloads the model and
   refreshes every part (:meth:`~edition.mkdocs_adapter.build.EditionBuild.refresh`),
   which report every problem of the site and name the facts that changed;
2. the contributed files are judged again: a note or entry that appeared
   (or became valid) gets its page, one that went loses it and its file;
3. the dependency graph turns the facts into pages (:mod:`edition.content.graph`),
   with every page of an undeclared kind, and the pages linking to a page
   that came or went;
4. those pages are read, converted and written with MkDocs' own functions,
   in the order of a full build, so every plugin and hook sees the events it
   would see (a title in the navigation that changed stops the step: every
   page shows the navigation);
5. the search index keeps its other pages' entries, the sitemap follows the
   pages, changed style sheets and pictures are copied, and every plugin's
   ``on_post_build`` runs: each part writes its site-wide files from its
   current state, and the link check verifies what the step can affect.

A step that cannot be done this way returns the reason, and the preview
builds the whole site instead.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

import jinja2
from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel, set_exclusions
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_build_date

from edition.addresses import page_of
from edition.content.contributed.folders import FOLDERS
from edition.content.graph import DECLARED, PAGE, Key
from edition.content.snapshot import Changes
from edition.mkdocs_adapter.build import EditionBuild
from edition.mkdocs_adapter.preview.files import insert, remove_output, walk_key
from edition.mkdocs_adapter.preview.logs import PageWarnings
from edition.mkdocs_adapter.preview.plan import Plan
from edition.mkdocs_adapter.preview.site_files import SearchEntries, search_plugin, write_sitemap


@dataclass
class Built:
    """What the preview keeps of the last build, to build again only some of its pages."""

    config: MkDocsConfig
    build: EditionBuild
    files: Files
    nav: Navigation
    env: jinja2.Environment
    search: SearchEntries | None
    date: str
    inclusion: Callable[[InclusionLevel], bool]
    kinds: dict[str, bool] = field(default_factory=dict)

    def declared(self, src: str) -> bool:
        """Whether the page of ``src`` is of a kind whose part records what it shows (asked of every page per step)."""
        known = self.kinds.get(src)
        if known is None:
            known = self.kinds[src] = page_of(src).kind in DECLARED
        return known

    @classmethod
    def after(cls, config: MkDocsConfig, serving: bool) -> Built | str:
        """The last build of ``config``, or why a step cannot follow it (then every change builds the whole site)."""
        build = getattr(config, "_edition_build", None)
        if not isinstance(build, EditionBuild) or build.files is None or build.nav is None:
            return "the site is not an edition (no hook of the edition is listed)"
        search = search_plugin(config)
        hooks = config["hooks"]
        unknown = [
            name
            for name, plugin in config.plugins.items()
            if plugin is not search and not (name in hooks and getattr(hooks[name], "PART", None) in build.listed)
        ]
        if unknown:
            return f"the preview does not know what {', '.join(unknown)} keep between builds"
        env = config.plugins.on_env(config.theme.get_env(), config=config, files=build.files)
        inclusion = InclusionLevel.is_in_serve if serving else InclusionLevel.is_included
        entries = SearchEntries(search) if search else None
        return cls(config, build, build.files, build.nav, env, entries, get_build_date(), inclusion)


@dataclass
class Report:
    """What a step did: the pages it built again (docs paths), how many it added and removed, how long it took."""

    pages: list[str]
    added: int
    removed: int
    seconds: float


def step(built: Built, plan: Plan, changes: Changes, warnings: PageWarnings) -> Report | str:
    """Build again what ``plan`` asks for; a :class:`Report`, or why the whole site must be built instead."""
    start = time.perf_counter()
    build, config = built.build, built.config
    if get_build_date() != built.date:
        return "the date changed (every page carries the build's date)"
    build.memo.forget(changes.changed, changes.moved)
    keys = build.refresh()
    if keys is None:
        return "the navigation changed"
    keys |= {(PAGE, src) for src in plan.pages}
    added, removed = _publish(built, plan)
    if added or removed:
        linking = _linking(built, {*added, *(file.src_uri for file in removed)})
        if linking is None:
            return "pages came or went, and the link check that finds the pages linking to them is not listed"
        keys |= linking
    pages = _pages(built, keys, set(added))
    warnings.start(config, [page.file.src_uri for page in pages] + [file.src_uri for file in removed])
    for file in removed:
        _forget(built, file)
    reason = _build_pages(built, pages)
    if reason:
        return reason
    for src in plan.statics:
        static = built.files.get_file_from_path(src)
        if static is not None:
            static.copy_file()
    if added or removed:
        write_sitemap(built.env, built.files, config, built.nav)
    warnings.replay({page.file.src_uri for page in pages})
    if build.linkcheck is not None:
        build.linkcheck.relist = bool(added or removed)
    config.plugins.on_post_build(config=config)
    build.memo.sweep()
    return Report([page.file.src_uri for page in pages], len(added), len(removed), time.perf_counter() - start)


def _publish(built: Built, plan: Plan) -> tuple[list[str], list[File]]:
    """Judge the contributed files again; give the new ones a page, take the page of those withheld now.

    Only a file added, removed or withheld before can have come or gone;
    whether any file is published now is the model's word (``judge``).
    """
    build, files, config = built.build, built.files, built.config
    known = {file.src_uri for file in files if file.generated_by is None and file.src_uri.partition("/")[0] in FOLDERS}
    unsure = {*build.withheld, *plan.contributed}
    sources = (known - unsure) | {src for src in unsure if (build.site.docs_dir / src).is_file()}
    remove = sorted(build.judge(list(sources))[0], key=walk_key)
    problems = build.judge(remove)[1]  # again, in the order of a full build's file list: the order of its warnings
    build.report("edition", problems)
    build.withheld = remove
    published = sources - set(remove)
    added = sorted(published - known, key=walk_key)
    removed = [file for file in files if file.src_uri in known and file.src_uri not in published]
    for src in added:
        file = File(src, config.docs_dir, config.site_dir, config.use_directory_urls)
        set_exclusions([file], config)
        files = insert(files, file, config.docs_dir)
        build.adopt(file)
        build.set_address(src, file.url)
    for file in removed:
        files.remove(file)
        build.set_address(file.src_uri, None)
    built.files = build.files = files
    return added, removed


def _linking(built: Built, srcs: set[str]) -> set[Key] | None:
    """The pages whose links name one of the pages ``srcs`` (added or removed), or None without the link check."""
    part = built.build.linkcheck
    if part is None:
        return None
    names = set()
    for src in srcs:
        stem = src.rpartition("/")[2].removesuffix(".md")
        names |= {stem, f"{stem}.md", f"{stem}.html"}
    outputs = part.linking(names)
    return {(PAGE, file.src_uri) for file in built.files.documentation_pages() if file.dest_uri in outputs}


def _pages(built: Built, keys: set[Key], added: set[str]) -> list[Page]:
    """The pages to build again, in the order of a full build: those the keys name, of undeclared kinds, new."""
    named = built.build.graph.pages(keys) | added
    found = []
    for file in built.files.documentation_pages(inclusion=built.inclusion):
        if file.src_uri in named or not built.declared(file.src_uri):
            found.append(file.page or Page(None, file, built.config))
    return found


def _forget(built: Built, file: File) -> None:
    """A page that is no longer published: its written file, its search entries, what every part keeps of it."""
    if file.page is not None:
        for part in built.build.parts():
            part.forget(file.page)
        if built.search is not None:
            built.search.forget(file.page.url)
    built.build.graph.forget(file.src_uri)
    remove_output(file, built.config.site_dir)


def _build_pages(built: Built, pages: list[Page]) -> str:
    """Read, convert and write ``pages`` as a full build does; why not, if a title in the navigation changed."""
    config, build, files, nav = built.config, built.build, built.files, built.nav
    in_nav = {id(page) for page in nav.pages}
    titles = {id(page): page.title for page in pages if id(page) in in_nav}
    for page in pages:
        build.graph.forget(page.file.src_uri)
        build.adopt(page.file)  # a note's or entry's page is made anew from the model; other pages stay
    pages = [page.file.page or page for page in pages]
    for page in pages:
        _populate_page(page, config, files)
    if any(page.title != titles[id(page)] for page in pages if id(page) in titles):
        return "a title in the navigation changed"
    if built.search is not None:
        built.search.start()
    doc_files = files.documentation_pages(inclusion=built.inclusion)
    for page in pages:
        _build_page(page, config, doc_files, nav, built.env, excluded=page.file.inclusion.is_excluded())
    for page in pages:
        page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)
    if built.search is not None:
        built.search.finish([page.url for page in pages], [file.page.url for file in doc_files if file.page])
    return ""
