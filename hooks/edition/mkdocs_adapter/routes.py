"""The handlers every hook file of the edition shares, whatever its part.

A hook file imports the ones it needs under MkDocs' event names: MkDocs
registers every ``on_*`` function a hook module holds, imported or not, and
each of these is safe to run once per listed hook (the build does its work
once).
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from edition.content import gcpause
from edition.mkdocs_adapter import order, template_cache
from edition.mkdocs_adapter.build import EditionBuild


@event_priority(order.WITHHOLD)
def withhold(files: Files, /, *, config: MkDocsConfig) -> Files:
    """``on_files``, first of all: the contributed files the build will not render never reach a plugin."""
    return EditionBuild.of(config).withhold(files)


@event_priority(order.SHARED_CONVERTER)
def share_converter(files: Files, /, *, config: MkDocsConfig) -> Files:
    """``on_files``, last of all: the pages MkDocs converts share one converter (:mod:`.shared_converter`)."""
    return EditionBuild.of(config).share_converter(files)


@event_priority(order.FREEZE)
def freeze(files: Files, /, *, config: MkDocsConfig) -> Files:
    """``on_files``, last of all: what lives through the build is left out of collections (:mod:`.gcpause`)."""
    gcpause.freeze()
    return files


@event_priority(order.THAW)
def thaw(*, config: MkDocsConfig) -> None:
    """``on_post_build``, last of all: the frozen objects are collected again, as in a build without the edition."""
    gcpause.thaw()


def thaw_after_error(*, error: Exception) -> None:
    """``on_build_error``: a build that stops gives its frozen objects back too (a preview session goes on)."""
    gcpause.thaw()


@event_priority(order.ADDRESSES)
def record_addresses(nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
    """``on_nav``: every file's address, once the file list is final."""
    EditionBuild.of(config).record_addresses(files, nav)
    return nav


@event_priority(order.TEMPLATE_CACHE)
def keep_templates(env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
    """``on_env``: the theme's templates are compiled by the first build only (:mod:`.template_cache`)."""
    return template_cache.attach(env, Path(config.config_file_path or ".").parent)
