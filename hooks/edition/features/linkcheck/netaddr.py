"""Which hosts the online check may ask: public addresses only, judged by the IP a request would reach.

A note's sources come from strangers, and the online check runs on the build
machine: a link to ``http://127.0.0.1:8080/admin`` or to a name that resolves
into the build's own network would make the build fetch it. So a host is
refused when it is, or resolves to, an address that is not publicly routable
(loopback, private, link-local, shared, multicast, reserved, unspecified),
including IPv6 forms that carry such an IPv4 address (mapped, 6to4, Teredo,
NAT64). Hosts are read as browsers read them (the WHATWG URL standard), so
``2130706433``, ``0177.1``, ``0x7f.0.0.1``, ``0`` and ``[::ffff:127.0.0.1]`` are
all the loopback or unspecified address they mean; names under ``localhost``
are local without asking DNS (RFC 6761).
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Sequence
from urllib.parse import unquote

IP = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Sequence[str]]

NOT_PUBLIC = "points to a private or local network address ({}) and is not checked online"
NOT_PUBLIC_HINT = "Link to a public address instead."
_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))
# Special-purpose blocks (IANA registries) that older ``ipaddress`` tables
# still call global: protocol assignments, the retired 6to4 relay, IPv6
# site-local and the 2024 documentation prefix.
_NOT_GLOBAL = tuple(ipaddress.ip_network(n) for n in ("192.0.0.0/24", "192.88.99.0/24", "fec0::/10", "3fff::/20"))


class NotPublic(Exception):
    """A host that is, or resolves to, an address the online check must not reach (``address``)."""

    def __init__(self, address: str) -> None:
        super().__init__(address)
        self.address = address


def _ipv4_number(part: str) -> int | None:
    """One dotted part as the URL standard reads it: ``0x`` hex, leading ``0`` octal, else decimal."""
    base = 10
    if part[:2] in ("0x", "0X"):
        part, base = part[2:], 16
    elif len(part) > 1 and part[0] == "0":
        part, base = part[1:], 8
    if not part:
        return 0
    try:
        return int(part, base) if part.isascii() and part.isalnum() else None
    except ValueError:
        return None


def _ipv4(host: str) -> ipaddress.IPv4Address | None:
    """The IPv4 address a browser reads in ``host`` (``127.1``, ``2130706433``), or None for a name."""
    parts = host.split(".")
    if parts[-1] == "" and len(parts) > 1:
        parts.pop()
    if len(parts) > 4 or _ipv4_number(parts[-1]) is None:
        return None  # a domain: its last label is not a number
    numbers = [_ipv4_number(p) if p else None for p in parts]
    parsed = [n for n in numbers if n is not None]
    if len(parsed) != len(numbers):
        return None
    *head, last = parsed
    if any(n > 255 for n in head) or last >= 256 ** (5 - len(numbers)):
        return None
    value = last
    for i, n in enumerate(head):
        value += n * 256 ** (3 - i)
    return ipaddress.IPv4Address(value)


def host_address(host: str) -> IP | None:
    """The IP address ``host`` (as in a URL: ``[::1]``, ``%31%32%37.0.0.1``) names literally, or None."""
    host = unquote(host).rstrip(".") if "%" in host or host.endswith(".") else host
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    if ":" in host:
        try:
            return ipaddress.IPv6Address(host.split("%", 1)[0])
        except ValueError:
            return None
    try:
        host = host.encode("idna").decode("ascii")  # full-width digits and dots are digits and dots
    except UnicodeError:
        return None
    return _ipv4(host)


def _embedded(ip: IP) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 one carries (6to4, Teredo, NAT64), if any."""
    if ip.version == 4:
        return None
    if ip.sixtofour:
        return ip.sixtofour
    if ip.teredo:
        return ip.teredo[1]
    if any(ip in net for net in _NAT64):
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def is_public(ip: IP) -> bool:
    """Whether ``ip`` is a globally routable unicast address, and so is any IPv4 address inside it.

    An IPv4-mapped address is the IPv4 address itself (a socket connects
    there), so only that is judged.
    """
    if ip.version == 6 and ip.ipv4_mapped:
        return is_public(ip.ipv4_mapped)
    if not ip.is_global or ip.is_multicast or ip.is_reserved or ip.is_unspecified:
        return False
    if any(ip.version == net.version and ip in net for net in _NOT_GLOBAL):
        return False
    inner = _embedded(ip)
    return inner is None or is_public(inner)


def _localhost(host: str) -> str | None:
    """The name, when ``host`` is ``localhost`` or a name under it (always loopback, RFC 6761)."""
    name = host.lower().rstrip(".")
    return name if name == "localhost" or name.endswith(".localhost") else None


def local_host(host: str) -> str | None:
    """How to name ``host`` in a message when it is local without asking DNS, else None.

    A literal address that is not public, or a name under ``localhost``.
    """
    ip = host_address(host)
    if ip is not None:
        return None if is_public(ip) else str(ip)
    return _localhost(host)


def resolve(host: str, port: int) -> list[str]:
    """Every address DNS gives ``host`` (``socket.getaddrinfo``), in its order, without repeats."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def public_addresses(
    host: str, port: int, resolver: Resolver = resolve, allowed: Callable[[IP], bool] = is_public
) -> list[str]:
    """The addresses to connect to for ``host``; raises :class:`NotPublic` when any is not ``allowed``.

    A literal address is used as a browser reads it, without DNS. Every
    answer DNS gives is judged, not only the first: a name that answers with
    one public and one private address could be connected to either.
    """
    ip = host_address(host)
    if ip is None and _localhost(host):
        raise NotPublic(_localhost(host) or host)
    addresses = [str(ip)] if ip is not None else list(resolver(host, port))
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        if not allowed(ip):
            raise NotPublic(str(ip))
    return addresses
