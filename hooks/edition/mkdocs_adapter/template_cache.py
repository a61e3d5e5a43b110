"""The theme's compiled templates, kept between builds: a build loads them instead of compiling them again.

MkDocs makes a new Jinja environment for every build (and the preview for
every step that renders), and Jinja compiles each template it is asked for
from its source: Material's 43 templates took 0.2 to 0.4 CPU s of every
build, about a twentieth of a bare build of the 794-page benchmark library,
paid again by every build for the same sources (PERFORMANCE.md). Jinja can
keep what it compiled (a bytecode cache); a template whose source is
unchanged is then read back, not compiled.

What the cache holds is Python code the build runs, so it lives where only
the user can write: the user's cache folder (``$XDG_CACHE_HOME``, else
``~/.cache``), under ``annotated-edition/templates/``, never in the
project's folder, where a pull request could add a file. Every folder of that
path from ``annotated-edition`` down must be a real folder (not a link) that
the user owns and nobody else can write to; otherwise the build compiles as
it always did. The last folder is named by a fingerprint of everything in
the environment that changes the code Jinja makes (Jinja's and Python's
versions, the extensions, the delimiters and whitespace settings, the
filters and tests known when compiling), so environments that would compile
a template differently never share one. Jinja rejects a kept file whose
template source changed (a checksum of the source is kept with it) and
writes each file whole before renaming it into place, so a build never
reads another's half-written file. A file that cannot be written (a full
disk, a read-only home) leaves that template to be compiled next time.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import sys
from collections.abc import Mapping
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket, FileSystemBytecodeCache

APP = "annotated-edition"  # the project's folder in the user's cache folder
_SETTINGS = (  # the environment's settings that change a template's compiled code
    "block_start_string",
    "block_end_string",
    "variable_start_string",
    "variable_end_string",
    "comment_start_string",
    "comment_end_string",
    "line_statement_prefix",
    "line_comment_prefix",
    "trim_blocks",
    "lstrip_blocks",
    "newline_sequence",
    "keep_trailing_newline",
    "optimized",
    "is_async",
    "autoescape",
    "finalize",
    "newstyle_gettext",  # the i18n extension compiles {% trans %} one way or the other
)


class TemplateCache(FileSystemBytecodeCache):
    """Jinja's own cache in a folder, except that a file it cannot write is left out, not an error."""

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):  # the template is compiled again by the next build, as without a cache
            super().dump_bytecode(bucket)


def fingerprint(env: jinja2.Environment) -> str:
    """A short name for how ``env`` compiles: equal for environments whose compiled templates are the same."""
    facts: list[object] = [jinja2.__version__, sys.version, type(env).__qualname__, sorted(env.extensions)]
    facts += [sorted(env.filters), sorted(env.tests)]
    facts += [_described(getattr(env, name, None)) for name in _SETTINGS]
    return hashlib.sha256(repr(facts).encode("utf-8")).hexdigest()[:20]


def _described(value: object) -> object:
    """A setting as plain data: a function (``finalize``, ``autoescape``) by its name."""
    if value is None or isinstance(value, str | bool | int):
        return value
    return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', type(value).__qualname__)}"


def cache_root(environ: Mapping[str, str] = os.environ) -> Path | None:
    """The user's cache folder for the project's templates, or None when there is no home to find it in."""
    base = environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # the XDG rule: a relative path is to be ignored
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError:
            return None
    return Path(base) / APP / "templates"


def private_folder(root: Path, name: str) -> Path | None:
    """``root/name``, made if missing, when it and the folders from ``root``'s parent down are the user's alone.

    None where a folder cannot be made, or is a link, someone else's, or
    writable by others: the files in it are code the build would run.
    """
    if not hasattr(os, "getuid"):
        return None
    chain = [root.parent, root, root / name]
    try:
        root.parent.parent.mkdir(parents=True, exist_ok=True)
        for path in chain:
            path.mkdir(mode=0o700, exist_ok=True)
            info = path.lstat()
            if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o022:
                return None
    except OSError:
        return None
    return chain[-1]


def attach(env: jinja2.Environment, project: Path) -> jinja2.Environment:
    """``env`` with the cache for its fingerprint, when the environment has none and the folder is safe.

    ``project`` is the folder of ``mkdocs.yml``: a cache folder inside it
    (``XDG_CACHE_HOME`` set to a folder of the repository) is not used,
    since a pull request could put files there.
    """
    if env.bytecode_cache is not None:  # its own, or ours: every listed hook file asks, the first attaches it
        return env
    root = cache_root()
    if root is not None and not root.resolve().is_relative_to(project.resolve()):
        folder = private_folder(root, fingerprint(env))
        if folder is not None:
            env.bytecode_cache = TemplateCache(str(folder), "%s.cache")
    return env
