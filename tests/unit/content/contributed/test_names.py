"""The name rule for contributed files, the suggested name and the printable form of a hostile name."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from edition.content.contributed.names import NAME, ascii_name, is_name, printable


@pytest.mark.parametrize(
    "text, valid",
    [
        ("soft-power", True),
        ("g20", True),
        ("2023", True),
        ("a", True),
        ("Soft-power", False),
        ("soft power", False),
        ("soft--power", False),
        ("-soft", False),
        ("soft-", False),
        ("soft_power", False),
        ("q&a", False),
        ('say"hi"', False),
        ("caf\u00e9", False),
        (unicodedata.normalize("NFD", "caf\u00e9"), False),
        ("\u5317\u4eac", False),
        ("soft-power\n", False),
        ("", False),
        ("index.md", False),
    ],
)
def test_is_name(text, valid):
    assert is_name(text) is valid


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Soft Power", "soft-power"),
        ("China's global strategy", "chinas-global-strategy"),
        ("caf\u00e9", "cafe"),
        (unicodedata.normalize("NFD", "caf\u00e9"), "cafe"),
        ("Zh\u014du \u0112nl\u00e1i", "zhou-enlai"),
        ('x" onmouseover="alert(1)" y="', "x-onmouseover-alert-1-y"),
        ("q&a", "q-a"),
        ("snake_case__name", "snake-case-name"),
        ("\u5317\u4eac", "fallback"),
        ("\u5317\u4eac-3", "3"),
        ("!!!", "fallback"),
    ],
)
def test_ascii_name_follows_the_rule(text, expected):
    assert ascii_name(text, "fallback") == expected
    assert is_name(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("docs/glossary/soft-power.md", "docs/glossary/soft-power.md"),
        ("caf\u00e9 \u5317\u4eac.md", "caf\u00e9 \u5317\u4eac.md"),
        ("two\nlines.md", "two\\nlines.md"),
        ("tab\there.md", "tab\\there.md"),
        ("evil\u202egnp.md", "evil\\u202egnp.md"),
        ("\udcff\udcfe.md", "\\udcff\\udcfe.md"),
        ("line\u2028sep.md", "line\\u2028sep.md"),
    ],
    ids=["plain", "letters", "newline", "tab", "bidi override", "not utf-8", "line separator"],
)
def test_printable_escapes_what_would_break_or_forge_a_message(text, expected):
    assert printable(text) == expected
    printable(text).encode("utf-8")  # always printable to a UTF-8 log


@given(st.from_regex(NAME, fullmatch=True))
def test_a_name_is_its_own_ascii_name(name: str) -> None:
    """Paragraph ids are mostly names already: they are given back as they are, by the short way."""
    assert ascii_name(name, "fallback") == name
