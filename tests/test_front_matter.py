"""Front-matter: the plain reading and the pydantic model say the same, and plain front-matter needs no pydantic."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import random

import pytest

from generator.front_matter import FrontMatterModel, validate_front_matter
from generator.model import FIELDS, FrontMatter, FrontMatterError, _plain_front_matter

#: Values YAML gives (and some it does not), for every key: right, coercible and wrong ones.
VALUES = [
    "Privacy Statement", "  Padded  ", "", "   ", "2024-03-01", " 2024-03-01 ", "2024-02-30", "March 1, 2024",
    "1st March 2024", "next week", "yes", "no", "true", "off", "1",
    0, 1, 2, 5, 1.0, 2.5, True, False, None,
    dt.date(2024, 3, 1), dt.datetime(2024, 3, 1, 12, 30), dt.datetime(2024, 3, 1, tzinfo=dt.timezone.utc),
    [], ["a"], {}, {"a": 1}, b"bytes",
]


def outcome(validate, raw):
    try:
        return validate(raw)
    except FrontMatterError as error:
        return ("error", error.key, error.problem)


def test_the_dataclass_and_the_model_declare_the_same_keys_types_and_defaults():
    fields = {f.name: f for f in dataclasses.fields(FrontMatter) if f.name != "extra"}
    assert tuple(fields) == FIELDS == tuple(FrontMatterModel.model_fields)
    for name, declared in FrontMatterModel.model_fields.items():
        assert FrontMatter.__annotations__[name] == FrontMatterModel.__annotations__[name], name  # as written
        expected = dataclasses.MISSING if declared.is_required() else declared.default
        assert fields[name].default == expected, name


@pytest.mark.parametrize("key", FIELDS)
def test_each_value_of_each_key_reads_the_same_both_ways(key):
    for value in VALUES:
        raw = {"title": "Privacy Statement", key: value}
        assert outcome(FrontMatter.validate, raw) == outcome(validate_front_matter, raw), (key, value)


def test_mixed_front_matter_reads_the_same_both_ways():
    rng = random.Random(12)
    for _ in range(3000):
        keys = rng.sample([*FIELDS, "redirect_from", "layout"], rng.randint(0, 8))
        raw = {key: rng.choice(VALUES) for key in keys}
        assert outcome(FrontMatter.validate, raw) == outcome(validate_front_matter, raw), raw


def test_the_plain_reading_takes_only_what_the_model_returns_unchanged():
    taken = 0
    for title, effective, material, summary in itertools.product(VALUES, VALUES, VALUES, VALUES[::3]):
        raw = {"title": title, "effective": effective, "material": material, "summary": summary}
        plain = _plain_front_matter(raw)
        if plain is not None:
            taken += 1
            assert plain == validate_front_matter(raw), raw
    assert taken > 100  # the common shapes are read without the model


def test_a_value_pydantic_coerces_is_coerced():
    meta = FrontMatter.validate({"title": "Privacy", "material": "yes", "summary": 12})
    assert meta.material is True and meta.summary == "12"


def test_unknown_keys_are_kept_as_written():
    meta = FrontMatter.validate({"title": "Privacy", "redirect_from": ["/old/"], "layout": "page"})
    assert meta.extra == {"redirect_from": ["/old/"], "layout": "page"}


def test_the_first_wrong_key_is_reported_in_the_schemas_order():
    with pytest.raises(FrontMatterError) as caught:
        FrontMatter.validate({"material": "perhaps", "effective": "soon", "title": 5})
    assert (caught.value.key, caught.value.problem) == ("title", "5 is not text")
