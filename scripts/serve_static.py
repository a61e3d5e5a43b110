"""Serve a built site on 127.0.0.1 the way GitHub Pages does: gzip, 404.html, directory indexes.

Lighthouse and the browser tests measure the site as readers get it, and
GitHub Pages compresses text; Python's own ``http.server`` does not, which
would cost performance points the real site never loses. The site is served
under the path of ``site_url`` in mkdocs.yml (a project site lives under
``/<repository>/``), where MkDocs' 404 page expects its assets; ``--base``
names another path. Prints one line,
``Serving <dir> at http://127.0.0.1:<port><base>``, once it accepts connections
(``--port 0``, the default, picks a free port), so a caller can read the
address from its output; stop it by its process id.

    python scripts/serve_static.py site/ [--port 8000] [--base /other/]
"""

from __future__ import annotations

import argparse
import gzip
import mimetypes
import posixpath
import re
import sys
from functools import partial
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")
mimetypes.add_type("application/javascript", ".js")


class StaticHandler(BaseHTTPRequestHandler):
    """GET and HEAD of files under ``root``; everything else is refused."""

    server_version = "serve_static"
    protocol_version = "HTTP/1.1"  # keep-alive, as a real host does

    def __init__(self, *args, root: Path, base: str = "/", **kwargs):
        self.root, self.base = root, base
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:
        self._respond(send_body=True)

    def do_HEAD(self) -> None:
        self._respond(send_body=False)

    def _respond(self, send_body: bool) -> None:
        url_path = unquote(urlsplit(self.path).path)
        target = self._resolve(url_path[len(self.base) - 1 :]) if url_path.startswith(self.base) else None
        if target is not None and target.is_dir():
            if not url_path.endswith("/"):
                self._redirect(url_path + "/")
                return
            target = target / "index.html"
        status = HTTPStatus.OK
        if target is None or not target.is_file():
            status, target = HTTPStatus.NOT_FOUND, self.root / "404.html"
        body = target.read_bytes() if target.is_file() else b"Not found\n"
        ctype = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        self.send_response(status)
        self.send_header("Content-Type", f"{ctype}; charset=utf-8" if ctype.startswith("text/") else ctype)
        if ctype.startswith(COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, compresslevel=6)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def _resolve(self, url_path: str) -> Path | None:
        """The file or folder for ``url_path``, or None when it would leave the root."""
        clean = posixpath.normpath(url_path).lstrip("/")
        if clean.startswith(".."):
            return None
        path = (self.root / clean).resolve()
        return path if path == self.root or self.root in path.parents else None

    def _redirect(self, location: str) -> None:
        self.send_response(HTTPStatus.MOVED_PERMANENTLY)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args) -> None:
        """Quiet: the browser tests and the audit report failures themselves."""


class StaticServer(ThreadingHTTPServer):
    """Lighthouse and browsers drop connections they no longer need: that is no error, so no traceback."""

    def handle_error(self, request, client_address) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def site_path(config: Path = ROOT / "mkdocs.yml") -> str:
    """The path part of ``site_url`` in ``config`` (``/annotated-essays/``), or ``/``."""
    match = re.search(r"^site_url:\s*['\"]?([^'\"\s]+)", config.read_text(encoding="utf-8"), re.M)
    return urlsplit(match.group(1)).path if match else "/"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path, help="the built site (e.g. site/)")
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (0: any free port)")
    parser.add_argument("--base", help="the path the site lives under (default: the path of site_url in mkdocs.yml)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if not (root / "index.html").is_file():
        print(f"{args.root}: no index.html here; build the site first (make build).", file=sys.stderr)
        return 2
    wanted = site_path() if args.base is None else args.base
    base = "/" + wanted.strip("/") + "/" if wanted.strip("/") else "/"
    server = StaticServer(("127.0.0.1", args.port), partial(StaticHandler, root=root, base=base))
    print(f"Serving {args.root} at http://127.0.0.1:{server.server_address[1]}{base}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
