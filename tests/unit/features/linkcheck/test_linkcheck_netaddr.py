"""Tables for judging hosts before the online check asks them: every spelling, every DNS answer."""

from __future__ import annotations

import ipaddress

import pytest

from edition.features.linkcheck.netaddr import NotPublic, is_public, local_host, public_addresses


@pytest.mark.parametrize(
    ("host", "named"),
    [
        ("127.0.0.1", "127.0.0.1"),
        ("127.1", "127.0.0.1"),
        ("2130706433", "127.0.0.1"),
        ("0177.0.0.1", "127.0.0.1"),
        ("0x7f.0.0.1", "127.0.0.1"),
        ("0x7f.1", "127.0.0.1"),
        ("0", "0.0.0.0"),
        ("127.0.0.1.", "127.0.0.1"),
        ("%31%32%37.0.0.1", "127.0.0.1"),
        ("\uff11\uff12\uff17.\uff10.\uff10.\uff11", "127.0.0.1"),  # full-width digits
        ("::1", "::1"),
        ("[::1]", "::1"),
        ("::", "::"),
        ("::ffff:127.0.0.1", "::ffff:7f00:1"),
        ("::ffff:7f00:1", "::ffff:7f00:1"),
        ("::127.0.0.1", "::7f00:1"),
        ("fe80::1%25eth0", "fe80::1"),
        ("10.0.0.1", "10.0.0.1"),
        ("172.16.0.1", "172.16.0.1"),
        ("192.168.0.1", "192.168.0.1"),
        ("169.254.169.254", "169.254.169.254"),
        ("100.64.0.1", "100.64.0.1"),
        ("224.0.0.1", "224.0.0.1"),
        ("240.0.0.1", "240.0.0.1"),
        ("255.255.255.255", "255.255.255.255"),
        ("192.0.0.8", "192.0.0.8"),
        ("192.88.99.1", "192.88.99.1"),
        ("fc00::1", "fc00::1"),
        ("fec0::1", "fec0::1"),
        ("ff02::1", "ff02::1"),
        ("3fff::1", "3fff::1"),
        ("64:ff9b::a00:1", "64:ff9b::a00:1"),
        ("2002:a00:1::1", "2002:a00:1::1"),
        ("localhost", "localhost"),
        ("LOCALHOST.", "localhost"),
        ("app.localhost", "app.localhost"),
        # public, or names only DNS can judge
        ("8.8.8.8", None),
        ("::ffff:8.8.8.8", None),
        ("2606:4700:4700::1111", None),
        ("example.org", None),
        ("localhost.example.org", None),
        ("1.2.3.4.5", None),
        ("256.1.1.1", None),
        ("09.0.0.1", None),
    ],
)
def test_local_host(host: str, named: str | None) -> None:
    assert local_host(host) == named


def resolver(answers: dict[str, list[str]]):
    asked: list[str] = []

    def resolve(host: str, port: int) -> list[str]:
        asked.append(host)
        return answers[host]

    return resolve, asked


@pytest.mark.parametrize(
    ("host", "answers", "result"),
    [
        ("example.org", ["93.184.215.14"], ["93.184.215.14"]),
        (
            "example.org",
            ["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"],
            ["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"],
        ),
        ("rebind.example", ["127.0.0.1"], "127.0.0.1"),
        ("mixed.example", ["8.8.8.8", "10.1.2.3"], "10.1.2.3"),  # any private answer refuses the host
        ("metadata.example", ["169.254.169.254"], "169.254.169.254"),
        ("mapped.example", ["::ffff:192.168.1.1"], "::ffff:c0a8:101"),
        ("nat64.example", ["64:ff9b::7f00:1"], "64:ff9b::7f00:1"),
        ("scoped.example", ["fe80::1%eth0"], "fe80::1"),
        ("2130706433", [], "127.0.0.1"),  # a literal is read as a browser reads it, without DNS
        ("8.8.8.8", [], ["8.8.8.8"]),
        ("localhost", [], "localhost"),
    ],
)
def test_public_addresses(host: str, answers: list[str], result: list[str] | str) -> None:
    resolve, asked = resolver({host: answers})
    if isinstance(result, str):
        with pytest.raises(NotPublic) as refused:
            public_addresses(host, 80, resolve)
        assert refused.value.address == result
    else:
        assert public_addresses(host, 80, resolve) == result
    assert asked == ([host] if answers else [])


@pytest.mark.parametrize("address", ["8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8", "1.1.1.1"])
def test_public(address: str) -> None:
    assert is_public(ipaddress.ip_address(address))
