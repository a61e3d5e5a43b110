"""The theme's compiled templates kept between builds: read back when nothing changed, never from an unsafe folder."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import jinja2
import pytest
from mkdocs.config import load_config

from edition.mkdocs_adapter import template_cache
from edition.mkdocs_adapter.template_cache import APP, attach, cache_root, fingerprint, private_folder

ROOT = Path(__file__).resolve().parents[3]


def theme_env() -> jinja2.Environment:
    """The environment MkDocs makes for the real site's theme, as a build gets it."""
    return load_config(str(ROOT / "mkdocs.yml")).theme.get_env()


@pytest.fixture
def compiled(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the templates Jinja compiles from their source while the test runs."""
    names: list[str] = []
    compile_ = jinja2.Environment.compile

    def spy(self: jinja2.Environment, source: str, name: str | None = None, *args: object, **kwargs: object):
        names.append(name or "<string>")
        return compile_(self, source, name, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", spy)
    return names


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / APP / "templates"


def loader_env(folder: Path, **settings: object) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder)), **settings)  # type: ignore[arg-type]


def test_a_later_build_reads_the_themes_templates_back_instead_of_compiling_them(
    cache_home: Path, compiled: list[str]
) -> None:
    names = ["main.html", "base.html", "partials/nav.html", "partials/header.html"]
    first = attach(theme_env(), ROOT)
    code = [first.get_template(name).root_render_func.__code__.co_code for name in names]
    assert sorted(compiled) == sorted(names)
    compiled.clear()
    later = attach(theme_env(), ROOT)
    assert [later.get_template(name).root_render_func.__code__.co_code for name in names] == code
    assert compiled == []
    assert len(list(cache_home.glob("*/*.cache"))) == len(names)


def test_a_template_whose_source_changed_is_compiled_again(
    cache_home: Path, compiled: list[str], tmp_path: Path
) -> None:
    (tmp_path / "t").mkdir()
    page = tmp_path / "t" / "page.html"
    page.write_text("one {{ x }}", encoding="utf-8")
    assert attach(loader_env(tmp_path / "t"), ROOT).get_template("page.html").render(x=1) == "one 1"
    page.write_text("two {{ x }}", encoding="utf-8")
    assert attach(loader_env(tmp_path / "t"), ROOT).get_template("page.html").render(x=2) == "two 2"
    assert compiled == ["page.html", "page.html"]


def test_a_damaged_cache_file_is_compiled_again_not_run(cache_home: Path, compiled: list[str], tmp_path: Path) -> None:
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "page.html").write_text("{{ x }}!", encoding="utf-8")
    attach(loader_env(tmp_path / "t"), ROOT).get_template("page.html")
    for kept in cache_home.glob("*/*.cache"):
        kept.write_bytes(b"not what Jinja wrote")
    assert attach(loader_env(tmp_path / "t"), ROOT).get_template("page.html").render(x="a") == "a!"
    assert compiled == ["page.html", "page.html"]


def test_a_cache_that_cannot_be_written_leaves_the_build_as_it_was(
    cache_home: Path, compiled: list[str], tmp_path: Path
) -> None:
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "page.html").write_text("{{ x }}?", encoding="utf-8")
    env = attach(loader_env(tmp_path / "t"), ROOT)
    for folder in cache_home.iterdir():
        folder.rmdir()  # gone before the first template is kept: writing it fails
    assert env.get_template("page.html").render(x="b") == "b?"
    assert compiled == ["page.html"]


SETTINGS: dict[str, dict[str, object]] = {
    "delimiters": {"block_start_string": "<%", "block_end_string": "%>"},
    "trim_blocks": {"trim_blocks": True},
    "lstrip_blocks": {"lstrip_blocks": True},
    "newlines": {"newline_sequence": "\r\n"},
    "autoescape": {"autoescape": True},
    "an extension": {"extensions": ["jinja2.ext.loopcontrols"]},
    "finalize": {"finalize": str},
}


@pytest.mark.parametrize("settings", SETTINGS.values(), ids=SETTINGS.keys())
def test_environments_that_compile_differently_never_share_a_folder(settings: dict[str, object]) -> None:
    assert fingerprint(jinja2.Environment(**settings)) != fingerprint(jinja2.Environment())  # type: ignore[arg-type]


CHANGES: dict[str, Callable[[jinja2.Environment], object]] = {
    "a filter added": lambda env: env.filters.update(shout=str.upper),
    "a test added": lambda env: env.tests.update(loud=str.isupper),
    "new-style gettext": lambda env: env.install_null_translations(newstyle=True),  # type: ignore[attr-defined]
}


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
def test_what_a_plugin_changes_in_the_environment_changes_its_folder(change: Callable[[jinja2.Environment], object]):
    before = jinja2.Environment(extensions=["jinja2.ext.i18n"])
    before.install_null_translations()  # type: ignore[attr-defined]
    name = fingerprint(before)
    change(before)
    assert fingerprint(before) != name


def test_the_same_theme_gives_the_same_folder() -> None:
    assert fingerprint(theme_env()) == fingerprint(theme_env())


ROOTS: dict[str, tuple[dict[str, str], str | None]] = {
    "XDG_CACHE_HOME": ({"XDG_CACHE_HOME": "/var/cache/me"}, f"/var/cache/me/{APP}/templates"),
    "relative XDG_CACHE_HOME is ignored": ({"XDG_CACHE_HOME": "cache"}, f"/home/u/.cache/{APP}/templates"),
    "none set": ({}, f"/home/u/.cache/{APP}/templates"),
}


@pytest.mark.parametrize(("environ", "expected"), ROOTS.values(), ids=ROOTS.keys())
def test_the_cache_lives_in_the_users_cache_folder(
    environ: dict[str, str], expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: Path("/home/u")))
    assert str(cache_root(environ)) == expected


def test_without_a_home_there_is_no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_home(cls: type[Path]) -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", classmethod(no_home))
    assert cache_root({}) is None
    assert attach(jinja2.Environment(), ROOT).bytecode_cache is None


def test_the_folders_are_made_for_the_user_alone(tmp_path: Path) -> None:
    root = tmp_path / APP / "templates"
    folder = private_folder(root, "abc")
    assert folder == root / "abc"
    assert [oct(p.stat().st_mode & 0o777) for p in (root.parent, root, folder)] == ["0o700"] * 3


UNSAFE: dict[str, Callable[[Path], object]] = {
    "writable by the group": lambda root: root.chmod(0o770),
    "writable by anyone": lambda root: root.parent.chmod(0o777),
    "a link to another folder": lambda root: (root.rmdir(), root.symlink_to(root.parent.parent)),
    "a file": lambda root: (root.rmdir(), root.write_text("x")),
}


@pytest.mark.parametrize("spoil", UNSAFE.values(), ids=UNSAFE.keys())
def test_a_folder_others_could_write_to_is_not_used(tmp_path: Path, spoil: Callable[[Path], object]) -> None:
    root = tmp_path / APP / "templates"
    root.mkdir(parents=True)
    spoil(root)
    assert private_folder(root, "abc") is None


def test_a_folder_someone_else_owns_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    uid = os.getuid()
    monkeypatch.setattr(template_cache.os, "getuid", lambda: uid + 1)
    assert private_folder(tmp_path / APP / "templates", "abc") is None


def test_an_environment_that_has_a_cache_keeps_it(cache_home: Path) -> None:
    own = jinja2.FileSystemBytecodeCache(str(cache_home.parent))
    env = jinja2.Environment(bytecode_cache=own)
    assert attach(env, ROOT).bytecode_cache is own


def test_a_cache_folder_inside_the_project_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """XDG_CACHE_HOME pointed into the repository: a pull request could add files there, so nothing is kept."""
    project = tmp_path / "project"
    monkeypatch.setenv("XDG_CACHE_HOME", str(project / ".cache"))
    assert attach(jinja2.Environment(), project).bytecode_cache is None
    assert not (project / ".cache").exists()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "elsewhere"))
    assert attach(jinja2.Environment(), project).bytecode_cache is not None
