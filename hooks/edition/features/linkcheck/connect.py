"""One GET over a connection to addresses already judged, never to what DNS answers later.

The online check first resolves a host and judges every address
(:mod:`.netaddr`); a second lookup at connect time could answer differently
(DNS rebinding: public when asked, ``127.0.0.1`` when connecting). So the
socket is opened to the judged addresses themselves, while the request still
names the host (``Host`` header, TLS server name and certificate check), as
``http.client``'s ``connect`` allows a subclass to do. Proxies from the
environment are not used: a proxy would resolve the name itself.
"""

from __future__ import annotations

import http.client
import socket
import ssl
from collections.abc import Mapping, Sequence
from email.message import Message
from urllib.parse import quote, urlsplit

# Everything printable in ASCII stays as written; other characters are
# percent-encoded as a browser sends them.
_SAFE = "".join(chr(c) for c in range(0x21, 0x7F))


def connect_any(addresses: Sequence[str], port: int, timeout: float | None) -> socket.socket:
    """A socket to the first of ``addresses`` that answers, as ``socket.create_connection`` tries a name's."""
    error: OSError = OSError("no address to connect to")
    for address in addresses:
        try:
            return socket.create_connection((address, port), timeout)
        except OSError as exc:
            error = exc
    raise error


class _Pinned(http.client.HTTPConnection):
    """Plain HTTP to the judged addresses."""

    def __init__(self, host: str, port: int, addresses: Sequence[str], timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self.addresses = addresses

    def connect(self) -> None:
        self.sock = connect_any(self.addresses, self.port, self.timeout)


class _PinnedTLS(http.client.HTTPSConnection):
    """HTTPS to the judged addresses; the certificate is checked against the host's name."""

    def __init__(self, host: str, port: int, addresses: Sequence[str], timeout: float, tls: ssl.SSLContext) -> None:
        super().__init__(host, port, timeout=timeout, context=tls)
        self.addresses = addresses
        self.tls = tls

    def connect(self) -> None:
        sock = connect_any(self.addresses, self.port, self.timeout)
        self.sock = self.tls.wrap_socket(sock, server_hostname=self.host)


def get(
    url: str,
    addresses: Sequence[str],
    *,
    timeout: float,
    headers: Mapping[str, str],
    max_body: int,
    want_body: bool,
    tls: ssl.SSLContext | None = None,
) -> tuple[int, Message, bytes]:
    """``GET url`` from one of ``addresses``: ``(status, headers, body)``.

    The body is read (at most ``max_body`` bytes) only when ``want_body``
    and the answer is HTML. Raises ``OSError`` (timeouts included),
    ``ValueError`` or ``http.client.HTTPException`` when no answer comes.
    """
    parts = urlsplit(url)
    secure = parts.scheme.lower() == "https"
    port = parts.port or (443 if secure else 80)
    host = parts.hostname or ""
    if secure:
        tls = tls or ssl.create_default_context()
        conn: http.client.HTTPConnection = _PinnedTLS(host, port, addresses, timeout, tls)
    else:
        conn = _Pinned(host, port, addresses, timeout)
    target = quote(parts.path or "/", safe=_SAFE) + (f"?{quote(parts.query, safe=_SAFE)}" if parts.query else "")
    try:
        conn.request("GET", target, headers=dict(headers))
        response = conn.getresponse()
        html = "html" in (response.headers.get("Content-Type") or "")
        body = response.read(max_body) if want_body and html else b""
        return response.status, response.headers, body
    finally:
        conn.close()
