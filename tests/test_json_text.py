"""generator.json_text writes the text json.dumps(indent=2, ensure_ascii=False) writes, faster."""

from __future__ import annotations

import enum
import json
from pathlib import Path

import pytest

from generator.json_text import dumps

FIXTURES = Path(__file__).parent / "fixtures" / "diff"


def standard(value: object) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)


class Level(enum.IntEnum):
    LOW = 1


VALUES = [
    None, True, False, 0, -7, 10**30, 1.5, -0.0, 1e-7, float("nan"), float("inf"), float("-inf"),
    "", "plain", "quotes \" and \\ backslashes", "line\nbreak\ttab\x00\x1f\x7f", "é ü — “curly” 中文 😀 \u2028",
    [], {}, [[]], [{}], {"a": []}, {"a": {}}, (1, "two", None), [1, [2, [3, [4]]]],
    {"nested": {"list": [1, 2.5, "x", None, True, {"deep": []}], "empty": {}}, "after": "last"},
    {1: "int key", 2.5: "float key", True: "true key", None: "null key", "é": "text key"},
    [Level.LOW, {"level": Level.LOW}],
]


@pytest.mark.parametrize("value", VALUES, ids=[repr(v)[:40] for v in VALUES])
def test_every_kind_of_value_is_written_as_json_dumps_writes_it(value):
    assert dumps(value) == standard(value)


def test_the_diff_documents_of_the_fixtures_are_written_as_json_dumps_writes_them():
    from generator import diff as engine
    from generator.material import classify_diff

    base = (FIXTURES / "base.md").read_text(encoding="utf-8")
    for fixture in sorted(FIXTURES.glob("*.md")):
        other = fixture.read_text(encoding="utf-8")
        result = engine.diff_markdown(base, other)
        document = engine.to_json(result, statement="privacy", from_="2024-01-01", to="2024-06-01")
        document["classification"] = classify_diff(result, bodies=(base, other)).to_dict()
        assert dumps(document) == standard(document), fixture.name


@pytest.mark.parametrize("value", [{"a": object()}, [b"bytes"], {1, 2}, object()], ids=["object", "bytes", "set", "top"])
def test_a_value_json_cannot_write_raises_the_same_type_error(value):
    with pytest.raises(TypeError) as ours:
        dumps(value)
    with pytest.raises(TypeError) as theirs:
        standard(value)
    assert str(ours.value) == str(theirs.value)


def test_a_key_json_cannot_write_raises_the_same_type_error():
    with pytest.raises(TypeError) as ours:
        dumps({(1, 2): "tuple key"})
    with pytest.raises(TypeError) as theirs:
        standard({(1, 2): "tuple key"})
    assert str(ours.value) == str(theirs.value)
