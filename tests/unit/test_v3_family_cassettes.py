"""One call per v3 family, replayed from a cassette answered with its spec's example.

``cassettes/v3/families/`` is written by ``tools/v3_family_cassettes.py`` from BigCommerce's
OpenAPI files: per family, the first class whose GET (or, for POST-only families, POST) has an
example, called the way a user calls it. The request must be the one recorded (method, path,
query, body) and the call must return the example's data as objects of the class: the envelope,
bare bodies and the family's declaration, on the specs' own answers.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import bigcommerce.v3
from bigcommerce.api import BigcommerceApi
from tests.conftest import ACCESS_TOKEN, CLIENT_ID, STORE_HASH, replay

CALLS: dict[str, dict[str, Any]] = json.loads(
    (Path(__file__).resolve().parents[2] / "cassettes" / "v3" / "families" / "calls.json").read_text(encoding="utf-8"))
GENERATED = sorted(
    path.stem for path in (Path(bigcommerce.v3.__file__).parent).glob("*.py")
    if path.stem not in {"__init__", "api", "base", "batch", "connection", "declared", "paging", "uploads"})


def plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


def test_every_family_has_a_cassette() -> None:
    assert sorted(CALLS) == GENERATED


@pytest.mark.parametrize("module", sorted(CALLS))
def test_the_familys_call_replays_its_spec_example(module: str) -> None:
    call = CALLS[module]
    api = BigcommerceApi(client_id=CLIENT_ID, store_hash=STORE_HASH, access_token=ACCESS_TOKEN)
    cls = getattr(bigcommerce.v3, call["class"])
    with replay.use_cassette(f"v3/families/{module}.yaml", allow_playback_repeats=False) as cassette:
        result = getattr(getattr(api.v3, call["class"]), call["verb"])(*call["args"], **call.get("fields", {}))
    assert cassette.all_played
    if call["verb"] == "all":
        assert [plain(item) for item in result] == call["data"]
        assert all(isinstance(item, cls) for item in result if isinstance(item, dict))
    else:
        assert plain(result) == call["data"]
        if isinstance(call["data"], dict):
            assert isinstance(result, cls)
