"""The legacy signed_payload: b64(json) + "." + b64(hex(HMAC-SHA256(client_secret, json))).

A valid payload returns its dict; anything else returns False and never raises.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
from typing import Any, Callable

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from bigcommerce.api import BigcommerceApi
from bigcommerce.connection import OAuthConnection
from bigcommerce.payload import verify_payload

SECRET = "app-client-secret-3f9d2c7a1e5b4d60"
# Non-ASCII email: its standard base64 contains '/' and ends in '=', so the two alphabets differ.
PAYLOAD = {
    "user": {"id": 24654, "email": "zoë.ångström@example.com"},
    "store_hash": "abc123",
    "timestamp": 1529512970,
}
PAYLOAD_BYTES = json.dumps(PAYLOAD, ensure_ascii=False).encode("utf-8")

Encoder = Callable[[bytes], bytes]


def sign(body: bytes, secret: str = SECRET, encode: Encoder = base64.b64encode, pad: bool = True) -> str:
    """A signed_payload as BigCommerce builds it, in the alphabet and padding asked for."""
    digest = hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest().encode("ascii")
    parts = [encode(body).decode("ascii"), encode(digest).decode("ascii")]
    if not pad:
        parts = [part.rstrip("=") for part in parts]
    return ".".join(parts)


def test_the_sample_payload_really_differs_between_the_alphabets() -> None:
    standard = base64.b64encode(PAYLOAD_BYTES).decode()

    assert "/" in standard or "+" in standard
    assert standard.endswith("=")


@pytest.mark.parametrize("encode", [base64.b64encode, base64.urlsafe_b64encode], ids=["standard", "urlsafe"])
@pytest.mark.parametrize("pad", [True, False], ids=["padded", "unpadded"])
def test_a_valid_payload_returns_its_dict(encode: Encoder, pad: bool) -> None:
    assert verify_payload(sign(PAYLOAD_BYTES, encode=encode, pad=pad), SECRET) == PAYLOAD


def test_a_valid_payload_verifies_as_bytes_and_with_a_bytes_secret() -> None:
    signed = sign(PAYLOAD_BYTES)

    assert verify_payload(signed.encode("ascii"), SECRET.encode("utf-8")) == PAYLOAD


def test_both_old_entry_points_verify_the_same_way() -> None:
    signed = sign(PAYLOAD_BYTES)

    assert OAuthConnection.verify_payload(signed, SECRET) == PAYLOAD
    assert BigcommerceApi.oauth_verify_payload(signed, SECRET) == PAYLOAD
    assert BigcommerceApi.oauth_verify_payload(signed, "wrong") is False


def _swap_json(signed: str) -> str:
    forged_body = base64.b64encode(json.dumps({**PAYLOAD, "store_hash": "zzz999"}).encode()).decode()
    return forged_body + "." + signed.split(".", 1)[1]


REJECTED = [
    pytest.param(lambda: "no-dot-at-all", id="no dot"),
    pytest.param(lambda: "!!!.???", id="bad base64"),
    pytest.param(lambda: sign(PAYLOAD_BYTES).replace(".", ".%"), id="bad base64 signature"),
    pytest.param(lambda: sign(PAYLOAD_BYTES, secret="another-secret"), id="wrong signature"),
    pytest.param(lambda: _swap_json(sign(PAYLOAD_BYTES)), id="json swapped under a valid signature"),
    pytest.param(lambda: sign(PAYLOAD_BYTES) + ".extra", id="extra segment"),
    pytest.param(lambda: sign(b"not json at all"), id="signed but not json"),
    pytest.param(lambda: sign(b"[1, 2, 3]"), id="json that is not an object"),
    pytest.param(lambda: sign(b'"a string"'), id="json string"),
    pytest.param(lambda: sign(b"\xff\xfe\x00"), id="signed but not utf-8"),
    pytest.param(lambda: "", id="empty"),
    pytest.param(lambda: ".", id="only a dot"),
    pytest.param(lambda: None, id="None"),
    pytest.param(lambda: 12345, id="int"),
    pytest.param(lambda: b"\xff\xfe.\x80\x81", id="bytes garbage"),
    pytest.param(lambda: ["a", "b"], id="list"),
]


@pytest.mark.parametrize("signed_payload", REJECTED)
def test_a_bad_payload_returns_false(signed_payload: Callable[[], Any]) -> None:
    assert verify_payload(signed_payload(), SECRET) is False


@pytest.mark.parametrize("secret", ["", b"", None, 42], ids=repr)
def test_an_empty_or_missing_secret_returns_false(secret: Any) -> None:
    assert verify_payload(sign(PAYLOAD_BYTES), secret) is False


def test_a_payload_signed_with_an_empty_secret_does_not_verify_with_an_empty_secret() -> None:
    assert verify_payload(sign(PAYLOAD_BYTES, secret=""), "") is False


def test_a_secret_that_cannot_be_encoded_returns_false_instead_of_raising() -> None:
    assert verify_payload(sign(PAYLOAD_BYTES), "secret-\ud800") is False


# -- properties ----------------------------------------------------------------------------------------

ANY_INPUT = st.one_of(st.none(), st.text(), st.binary(), st.integers(), st.floats(allow_nan=False))
PROPERTY_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(), children, max_size=3),
    max_leaves=8,
)


@PROPERTY_SETTINGS
@given(signed_payload=ANY_INPUT, secret=ANY_INPUT)
def test_arbitrary_input_never_raises_and_never_verifies(signed_payload: Any, secret: Any) -> None:
    assert verify_payload(signed_payload, secret) is False


@PROPERTY_SETTINGS
@given(left=st.text(), right=st.text())
def test_arbitrary_text_around_a_dot_never_verifies(left: str, right: str) -> None:
    assert verify_payload(f"{left}.{right}", SECRET) is False


@PROPERTY_SETTINGS
@given(data=st.dictionaries(st.text(), JSON_VALUES, max_size=4), other_secret=st.text(min_size=1))
def test_a_payload_signed_with_another_secret_never_verifies(data: dict, other_secret: str) -> None:
    assume(other_secret != SECRET)

    assert verify_payload(sign(json.dumps(data).encode(), secret=other_secret), SECRET) is False


@PROPERTY_SETTINGS
@given(
    data=st.dictionaries(st.text(), JSON_VALUES, max_size=4),
    encode=st.sampled_from([base64.b64encode, base64.urlsafe_b64encode]),
    pad=st.booleans(),
)
def test_any_object_signed_with_the_secret_round_trips(data: dict, encode: Encoder, pad: bool) -> None:
    assert verify_payload(sign(json.dumps(data).encode(), encode=encode, pad=pad), SECRET) == data


@PROPERTY_SETTINGS
@given(data=st.dictionaries(st.text(), JSON_VALUES, min_size=1, max_size=4), flip=st.integers(min_value=0))
def test_changing_any_byte_of_the_signed_json_breaks_verification(data: dict, flip: int) -> None:
    body = bytearray(json.dumps(data).encode())
    body[flip % len(body)] ^= 0x01
    signed = sign(json.dumps(data).encode())
    forged = base64.b64encode(bytes(body)).decode() + "." + signed.split(".", 1)[1]

    assert verify_payload(forged, SECRET) is False
