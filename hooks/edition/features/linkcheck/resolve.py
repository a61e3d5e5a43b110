"""Map a link in an output page to the file a browser would fetch.

Resolution works on the built site only (the files under ``site_dir`` and
the output page's own location), never on MkDocs' page objects, so the same
rules hold for links written by Markdown, raw HTML, templates and other
hooks alike, and for both ``use_directory_urls`` settings.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import unquote

from edition.content.nearest import Names, nearest

_PREFIX_LENGTH = 4  # letters typed before a longer name in the same folder is suggested for them
_NEAR_FOLDERS = 3  # folders whose addresses a mistyped folder's address is compared with


class OutsideSite(ValueError):
    """A link that leaves the site: above its root, or off its path prefix."""


@dataclass(frozen=True)
class BuiltSite:
    """What the built site holds, listed once per build.

    ``files`` are every file under ``site_dir`` (posix paths relative to it);
    ``prefix`` is the path part of ``site_url`` (``/`` when unset), which
    absolute links such as those on ``404.html`` start with; ``origin`` is
    ``site_url`` itself, so a link spelled as a full URL into the site is
    checked as an internal one.
    """

    files: frozenset[str]
    prefix: str = "/"
    origin: str = ""
    dirs: frozenset[str] = field(init=False)
    servable: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        dirs = {""}
        for f in self.files:
            d = posixpath.dirname(f)
            while d not in dirs:
                dirs.add(d)
                d = posixpath.dirname(d)
        object.__setattr__(self, "dirs", frozenset(dirs))
        # Every spelling of a good target that needs no decoding or
        # normalising ('a/b.png', 'a/', 'a', '' for the root): the fast path
        # of the checker is one set lookup against these.
        indexed = {d for d in dirs if (d + "/index.html" if d else "index.html") in self.files}
        servable = {f for f in self.files if "%" not in f}
        servable |= indexed | {d + "/" for d in indexed if d}
        object.__setattr__(self, "servable", frozenset(servable))


def split(url: str) -> tuple[str, str, str | None]:
    """``(path, query, fragment)``; fragment is ``None`` when there is no ``#``."""
    path, hash_, fragment = url.partition("#")
    path, _, query = path.partition("?")
    return path, query, fragment if hash_ else None


def fragment_id(fragment: str) -> str | None:
    """The id (or ``<a name>``) a fragment asks its page for, or None when every page has what it points at.

    As the HTML standard finds a fragment's target: an empty fragment, and
    ``top`` in any case (``#Top``, ``#%74op``), are the top of the page. A
    text fragment's directive (``#:~:text=words``, ``#part:~:text=words``)
    asks the browser to find words, not an id: only the part before it names
    one.
    """
    fragment = fragment.split(":~:", 1)[0]
    if not fragment or unquote(fragment).lower() == "top":
        return None
    return fragment


def base_dir(page_file: str) -> str:
    """The directory relative links in ``page_file`` start from (``''`` or ``a/b/``)."""
    d = posixpath.dirname(page_file)
    return d + "/" if d else ""


def ancestors(base: str) -> list[str]:
    """``base`` and each folder above it up to the root: ``['a/b/', 'a/', '']``."""
    out = [base]
    while base:
        base = base[: base.rstrip("/").rfind("/") + 1]
        out.append(base)
    return out


def join(base: str, path: str, prefix: str = "/") -> tuple[str, bool]:
    """Resolve ``path`` (percent-encoded, as in the HTML) against ``base``.

    Returns the site-relative path (no leading slash, decoded) and whether it
    names a directory (a trailing slash, ``.`` or ``..``).  Raises
    :class:`OutsideSite` for links above the root or off the site's prefix.
    """
    path = unquote(path)
    if path.startswith("/"):
        if not (path + "/").startswith(prefix):
            raise OutsideSite(f"outside the site (its root is '{prefix}')")
        rel = path[len(prefix) :] if len(path) >= len(prefix) else ""
    else:
        rel = base + path
    last = path.rsplit("/", 1)[-1]
    is_dir = last in ("", ".", "..")
    norm = posixpath.normpath(rel) if rel else "."
    if norm == "..":
        raise OutsideSite("above the site root")
    if norm.startswith("../"):
        raise OutsideSite("above the site root")
    if norm == ".":
        return "", True
    return norm, is_dir


def target_file(rel: str, is_dir: bool, site: BuiltSite) -> str | None:
    """The file served for ``rel``, or ``None``.

    A directory serves its ``index.html``; a directory named without its
    trailing slash does too, because every static host redirects it.
    """
    if is_dir:
        index = rel + "/index.html" if rel else "index.html"
        return index if index in site.files else None
    if rel in site.files:
        return rel
    if rel in site.dirs:
        index = rel + "/index.html"
        return index if index in site.files else None
    return None


def display(file: str) -> str:
    """How a page is named in messages: its URL path (``glossary/term/``)."""
    if file == "index.html":
        return "./"
    if file.endswith("/index.html"):
        return file[: -len("index.html")]
    return file


class Addresses:
    """The site's pages (or its files of one kind) by folder and name, for suggesting what a mistyped address meant.

    Listed once per check, so that each mistake costs a look at its own
    folder rather than at every address of the site: a note of 100 KB can
    hold two thousand broken links, and a site sixteen thousand pages.
    Each answer is kept per address.
    """

    def __init__(self, addresses: Iterable[str]) -> None:
        self.by_folder: dict[str, dict[str, str]] = {}
        self.pages: set[str] = set()  # every address as a folder would be named: 'essays/e' for 'essays/e/'
        for address in addresses:
            folder, name = _folder_and_name(address)
            self.by_folder.setdefault(folder, {}).setdefault(name, address)
            self.pages.add(address.rstrip("/"))
        self.folders = Names(self.by_folder)
        self._names: dict[str, Names] = {}  # each folder's names, once a mistake was made in it
        self._answers: dict[str, str | None] = {}

    def closest(self, wanted: str) -> str | None:
        """The page or file ``wanted`` most likely meant, or None when none is close.

        Addresses in one folder share all but their last part, so compared
        whole, any page of the folder looks close to any mistake made in it
        (``essays/e/missing/`` suggested ``essays/e/``, the folder's own page).
        So when the folder exists, only the last part is compared, with the
        names in that folder (or taken as the start of one: ``diplomacy/`` for
        ``diplomacy-and-geopolitics/``); when it does not, the folder is
        taken as mistyped (``glosary/soft-power/``) and the whole address is
        compared with those in the nearest few folders. No suggestion is
        better than a wrong one, so a folder whose page exists but holds no
        other gets none.
        """
        if wanted not in self._answers:
            self._answers[wanted] = self._closest(wanted)
        return self._answers[wanted]

    def _closest(self, wanted: str) -> str | None:
        folder, name = _folder_and_name(wanted)
        if folder not in self.by_folder:
            if folder in self.pages:
                return None
            near = self.folders.nearest(folder, _NEAR_FOLDERS)
            return nearest(wanted, (address for f in near for address in self.by_folder[f].values()))
        neighbours = self.by_folder[folder]
        if folder not in self._names:
            self._names[folder] = Names(neighbours)
        best = next(iter(self._names[folder].nearest(name)), None)
        if best is None and len(name) >= _PREFIX_LENGTH:
            best = next((what for what in sorted(neighbours) if what.startswith(name)), None)
        return None if best is None else neighbours[best]


def _folder_and_name(address: str) -> tuple[str, str]:
    """``essays/e/reflection/`` -> ``("essays/e", "reflection")``.

    An extension is not compared: a page may be written ``x.md`` or ``x/``,
    and files are compared with files of their own kind, whose shared
    ``.png`` would make any two names look alike.
    """
    folder, _, name = address.rstrip("/").rpartition("/")
    return folder, posixpath.splitext(name)[0]


def looks_like_page(rel: str, is_dir: bool) -> bool:
    """Whether a missing target was meant as a page rather than a file."""
    last = rel.rsplit("/", 1)[-1]
    return is_dir or "." not in last or last.endswith((".html", ".htm", ".md"))


def md_page(src_uri: str, md_path: str, use_directory_urls: bool) -> str | None:
    """The URL MkDocs gives the page ``md_path`` names, seen from ``src_uri``.

    MkDocs rewrites a Markdown link ``x.md`` to ``x/`` only when ``x.md``
    exists; a ``.md`` address in the output therefore names a missing page,
    or one written in raw HTML, which MkDocs does not rewrite.  Returns
    ``None`` when the path climbs above the docs directory.
    """
    doc = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), unquote(md_path)))
    if doc.startswith("../") or doc == "..":
        return None
    stem = doc[: -len(".md")]
    name = posixpath.basename(stem)
    folder = posixpath.dirname(stem)
    if name in ("index", "README"):
        url = folder + "/" if folder else ""
        return url if use_directory_urls else url + "index.html"
    return stem + "/" if use_directory_urls else stem + ".html"
