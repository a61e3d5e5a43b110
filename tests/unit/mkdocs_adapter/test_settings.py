"""The edition's settings: a typed schema under ``extra: edition:``; unknown keys named, wrong types refused."""

from __future__ import annotations

import pytest
from mkdocs.exceptions import PluginError

from edition.mkdocs_adapter import settings


def test_defaults_without_settings():
    values, problems = settings.load({}, "mkdocs.yml")
    assert (values.nav_tail, values.linkcheck_external, values.linkcheck_cache, values.linkcheck_cache_ttl) == (
        None,
        False,
        ".cache/linkcheck.json",
        86400,
    )
    assert problems == []


def test_valid_settings_are_read():
    values, problems = settings.load(
        {"edition": {"nav_tail": [{"Glossary": "glossary/index.md"}], "linkcheck_cache_ttl": 60.5}, "social": []},
        "mkdocs.yml",
    )
    assert values.nav_tail == [{"Glossary": "glossary/index.md"}] and values.linkcheck_cache_ttl == 60.5
    assert problems == []  # the theme's own keys under extra: are not the edition's to judge


@pytest.mark.parametrize(
    ("edition", "message"),
    [
        (
            {"linkcheck_externl": True},
            "mkdocs.yml: extra: edition: 'linkcheck_externl' is not a setting of the edition. "
            "Did you mean 'linkcheck_external'?",
        ),
        (
            {"colour": "red"},
            "mkdocs.yml: extra: edition: 'colour' is not a setting of the edition. Known settings: nav_tail, "
            "linkcheck_external, linkcheck_cache, linkcheck_cache_ttl.",
        ),
    ],
)
def test_an_unknown_key_is_named_and_fails_the_strict_build(edition, message):
    _, problems = settings.load({"edition": edition}, "mkdocs.yml")
    assert [str(p) for p in problems] == [message]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            {"edition": {"linkcheck_external": "yes"}},
            "mkdocs.yml: extra: edition: linkcheck_external: Expected type: <class 'bool'> but received: <class 'str'>",
        ),
        (
            {"edition": {"nav_tail": "glossary/index.md"}},
            "mkdocs.yml: extra: edition: nav_tail: Expected nav to be a list, got 'glossary/index.md'",
        ),
        ({"edition": ["nav_tail"]}, "mkdocs.yml: extra: edition: must be a mapping of settings, not list."),
        (
            {"nav_tail": [{"Glossary": "glossary/index.md"}]},
            "mkdocs.yml: extra: nav_tail: the edition's settings now live under 'extra: edition:'; move them there.",
        ),
    ],
)
def test_a_wrong_type_or_a_setting_in_its_old_place_stops_the_build(extra, message):
    with pytest.raises(PluginError) as raised:
        settings.load(extra, "mkdocs.yml")
    assert str(raised.value) == message
