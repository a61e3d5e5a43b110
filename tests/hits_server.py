"""A small HTTP server for the online-check tests, run as its own process and stopped by its pid.

``python tests/hits_server.py ADDRESS HITS_FILE`` listens on ADDRESS (a
loopback address) at a free port, prints the port, and appends one line per
request to HITS_FILE: the path and the Host header. Paths: ``/redirect?to=URL``
answers 302 to URL; anything else 200 with a small HTML page. A test proves
that the link check did not fetch an address by finding no line for it.
"""

from __future__ import annotations

import sys
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlsplit


class Handler(BaseHTTPRequestHandler):
    hits_file = ""

    def do_GET(self) -> None:
        with open(self.hits_file, "a", encoding="utf-8") as hits:
            hits.write(f"{self.path} {self.headers.get('Host', '')}\n")
        parts = urlsplit(self.path)
        if parts.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", parse_qs(parts.query)["to"][0])
            body = b""
        else:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            body = b'<h2 id="part">Part</h2>'
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def main(address: str, hits_file: str) -> None:
    Handler.hits_file = hits_file
    server = HTTPServer((address, 0), Handler)
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main(*sys.argv[1:3])
