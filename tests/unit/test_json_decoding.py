"""parse_json: orjson when installed, the json module otherwise, the same values either way."""
from __future__ import annotations

import json
import math
import types
from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bigcommerce import mapping
from bigcommerce.mapping import parse_json


@pytest.fixture(params=["orjson", "json module"])
def decoder(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "json module":
        monkeypatch.setattr(mapping, "orjson", None)
    return request.param


def same(a: Any, b: Any) -> bool:
    """Equal and of the same types all the way down (1 == 1.0 is not good enough here)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return a == b


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(), children, max_size=5),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(value=json_values)
def test_both_decoders_give_exactly_what_the_json_module_gives(value: Any) -> None:
    body = json.dumps(value).encode("utf-8")

    with pytest.MonkeyPatch.context() as patch:
        fast = parse_json(body)
        patch.setattr(mapping, "orjson", None)
        plain = parse_json(body)

    assert same(fast, json.loads(body)) and same(plain, json.loads(body))


@pytest.mark.parametrize("number", [2**64 + 1, 18446744073709551616, -(2**63) - 1, -(10**19), 10**30])
def test_an_integer_beyond_64_bits_keeps_every_digit(decoder: str, number: int) -> None:
    body = json.dumps({"id": number, "sku": "x"}).encode()

    assert parse_json(body) == {"id": number, "sku": "x"}
    assert type(parse_json(body)["id"]) is int


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (b'{"weight": NaN}', {"weight": float("nan")}),
        (b"[1e400]", [float("inf")]),
        (b'\xef\xbb\xbf{"id": 1}'.decode("utf-8-sig").encode(), {"id": 1}),
        ('{"id": 1}'.encode("utf-16"), {"id": 1}),
        (b'{"name": "\\ud800"}', {"name": "\ud800"}),
        (b'{"id": 1, "id": 2}', {"id": 2}),
    ],
    ids=["NaN", "infinity", "after-a-BOM", "utf-16", "lone-surrogate", "duplicate-key"],
)
def test_what_orjson_refuses_the_json_module_still_reads(decoder: str, body: bytes, expected: Any) -> None:
    assert same(parse_json(body), expected)


@pytest.mark.parametrize("body", [b"", b"{", b"<html>502</html>", b'{"id": 1} trailing'])
def test_invalid_json_raises_the_json_modules_error(decoder: str, body: bytes) -> None:
    with pytest.raises(json.JSONDecodeError):
        parse_json(body)


def test_orjson_does_the_parsing_when_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[bytes] = []

    def loads(body: bytes) -> Any:
        calls.append(body)
        return orjson.loads(body)

    monkeypatch.setattr(mapping, "orjson", types.SimpleNamespace(loads=loads, JSONDecodeError=orjson.JSONDecodeError))

    assert parse_json(b'[{"id": 1}]') == [{"id": 1}]
    assert parse_json(b'{"id": 123456789012345678901}') == {"id": 123456789012345678901}
    assert calls == [b'[{"id": 1}]']
