"""The export's JSON put together from each note's own line is the JSON of the whole collection, byte for byte."""

from __future__ import annotations

import json

import pytest

from edition.features.commentary.export import collection, dumps, dumps_items

ITEMS = [
    {"id": "https://example.org/a/", "dc:title": "Ünïcode \"quoted\" 'note'", "body": {"value": "x\ny</script>"}},
    {"id": "https://example.org/b/", "total": 0, "first": []},
]


@pytest.mark.parametrize("items", [[], ITEMS[:1], ITEMS], ids=["none", "one", "two"])
@pytest.mark.parametrize("label", ["Commentary on Site", 'A "total": 0 ]}} label'])
def test_dumps_items_is_dumps_of_the_collection(items: list[dict], label: str) -> None:
    lines = [json.dumps(item, ensure_ascii=False) for item in items]
    expected = dumps(collection(items, "https://example.org/annotations.jsonld", label))
    assert dumps_items(lines, "https://example.org/annotations.jsonld", label) == expected
