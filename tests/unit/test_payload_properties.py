"""Properties of the app-callback verifiers over arbitrary input: never a crash, never a forgery accepted."""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from typing import Any, Callable

import jwt
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from bigcommerce.exception import InvalidSignedPayload
from bigcommerce.payload import verify_payload, verify_payload_jwt

SECRET = "prop-client-secret-0c4e9a-5d8b71f2e3a6c"  # 32+ bytes, as PyJWT recommends
CLIENT_ID = "prop-client-id"
EXAMPLES = settings(max_examples=200, deadline=None, database=None)
REGISTERED_CLAIMS = ("aud", "exp", "iat", "nbf", "iss", "sub", "jti")
# Short keys are the point of some examples; PyJWT's advice about them is noise here.
pytestmark = pytest.mark.filterwarnings("ignore::jwt.warnings.InsecureKeyLengthWarning")

Encoder = Callable[[bytes], bytes]
ENCODERS = st.sampled_from([base64.b64encode, base64.urlsafe_b64encode])

json_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(2**53), max_value=2**53),
    st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=12),
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)
json_objects = st.dictionaries(st.text(max_size=8), json_values, max_size=4)
# Any str secret that UTF-8 can encode (lone surrogates are another test's concern: test_payload.py).
secrets_ = st.one_of(st.text(min_size=1, max_size=40), st.binary(min_size=1, max_size=40))
anything = st.one_of(
    st.text(), st.binary(), st.none(), st.integers(), st.floats(), st.booleans(),
    st.lists(st.text(max_size=5), max_size=3), st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=3),
)


def encode_json(data: dict) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def signed(body: bytes, secret: Any, encode: Encoder, pad: bool, digest: bytes | None = None) -> str:
    """``b64(json) + "." + b64(hex HMAC-SHA256)``, in the alphabet and padding asked for."""
    key = secret.encode("utf-8") if isinstance(secret, str) else secret
    digest = digest if digest is not None else hmac.new(key, body, hashlib.sha256).hexdigest().encode("ascii")
    parts = [encode(body).decode("ascii"), encode(digest).decode("ascii")]
    if not pad:
        parts = [part.rstrip("=") for part in parts]
    return ".".join(parts)


# -- verify_payload ---------------------------------------------------------------


@EXAMPLES
@given(signed_payload=anything, secret=st.one_of(secrets_, anything))
def test_verify_payload_never_raises_and_answers_a_dict_or_false(signed_payload: Any, secret: Any) -> None:
    result = verify_payload(signed_payload, secret)

    assert result is False or isinstance(result, dict)


@EXAMPLES
@given(signed_payload=st.one_of(st.text(), st.binary()), secret=secrets_)
def test_verify_payload_never_accepts_arbitrary_text_or_bytes(signed_payload: Any, secret: Any) -> None:
    assert verify_payload(signed_payload, secret) is False


@EXAMPLES
@given(data=json_objects, signature=st.one_of(st.binary(max_size=80), st.text(max_size=80).map(str.encode)),
       secret=secrets_, encode=ENCODERS, pad=st.booleans())
def test_a_forged_payload_with_a_random_signature_never_verifies(
    data: dict, signature: bytes, secret: Any, encode: Encoder, pad: bool
) -> None:
    body = encode_json(data)
    key = secret.encode("utf-8") if isinstance(secret, str) else secret
    assume(signature != hmac.new(key, body, hashlib.sha256).hexdigest().encode("ascii"))

    assert verify_payload(signed(body, secret, encode, pad, digest=signature), secret) is False


@EXAMPLES
@given(data=json_objects, secret=secrets_, encode=ENCODERS, pad=st.booleans(), as_bytes=st.booleans())
def test_a_genuine_payload_verifies_in_either_alphabet_with_or_without_padding(
    data: dict, secret: Any, encode: Encoder, pad: bool, as_bytes: bool
) -> None:
    payload = signed(encode_json(data), secret, encode, pad)

    assert verify_payload(payload.encode("ascii") if as_bytes else payload, secret) == data


@EXAMPLES
@given(data=json_objects, secret=secrets_, other=secrets_, encode=ENCODERS, pad=st.booleans())
def test_a_genuine_payload_never_verifies_with_another_secret(
    data: dict, secret: Any, other: Any, encode: Encoder, pad: bool
) -> None:
    key, other_key = (s.encode("utf-8") if isinstance(s, str) else s for s in (secret, other))
    if other_key == key:
        other_key += b"!"

    assert verify_payload(signed(encode_json(data), secret, encode, pad), other_key) is False


@EXAMPLES
@given(data=json_objects, flip=st.integers(min_value=0), bit=st.integers(min_value=0, max_value=7))
def test_changing_any_bit_of_the_signed_json_breaks_the_signature(data: dict, flip: int, bit: int) -> None:
    body = bytearray(encode_json(data))
    digest = hmac.new(SECRET.encode(), bytes(body), hashlib.sha256).hexdigest().encode("ascii")
    body[flip % len(body)] ^= 1 << bit

    assert verify_payload(signed(bytes(body), SECRET, base64.b64encode, True, digest=digest), SECRET) is False


@EXAMPLES
@given(value=json_values.filter(lambda v: not isinstance(v, dict)), encode=ENCODERS)
def test_a_genuinely_signed_json_that_is_not_an_object_is_refused(value: Any, encode: Encoder) -> None:
    assert verify_payload(signed(json.dumps(value).encode(), SECRET, encode, True), SECRET) is False


# -- verify_payload_jwt -----------------------------------------------------------------


def b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


jwt_like = st.builds(
    lambda header, claims, sig: ".".join([b64url(header), b64url(claims), b64url(sig)]),
    st.one_of(st.binary(max_size=40), json_values.map(lambda v: json.dumps(v).encode()),
              st.just(b'{"alg":"HS256","typ":"JWT"}'), st.just(b'{"alg":"none"}')),
    st.one_of(st.binary(max_size=40), json_objects.map(lambda v: json.dumps(v).encode())),
    st.binary(max_size=64),
)


@EXAMPLES
@given(token=st.one_of(st.text(), st.binary(), jwt_like), secret=st.one_of(secrets_, anything),
       client_id=st.one_of(st.text(max_size=20), anything))
def test_verify_payload_jwt_on_arbitrary_input_raises_only_invalid_signed_payload(
    token: Any, secret: Any, client_id: Any
) -> None:
    with pytest.raises(InvalidSignedPayload):
        verify_payload_jwt(token, secret, client_id)


@EXAMPLES
@given(claims=json_objects, algorithm=st.sampled_from(["HS256", "HS512"]))
def test_verify_payload_jwt_returns_the_claims_of_a_genuine_token(claims: dict, algorithm: str) -> None:
    now = int(time.time())
    full = {k: v for k, v in claims.items() if k not in REGISTERED_CLAIMS}
    full.update(aud=CLIENT_ID, iat=now - 5, exp=now + 600)
    token = jwt.encode(full, SECRET, algorithm=algorithm)

    assert verify_payload_jwt(token, SECRET, CLIENT_ID) == full


FUTURE = int(time.time()) + 3600


@EXAMPLES
@given(
    claims=json_objects,
    exp=st.one_of(json_values, st.integers(min_value=FUTURE, max_value=2**62), st.floats()),
    iat=st.one_of(json_values, st.integers(max_value=FUTURE - 3600), st.floats()),
    aud=st.one_of(json_values, st.just(CLIENT_ID), st.lists(st.sampled_from([CLIENT_ID, "other"]), max_size=3)),
)
def test_a_genuinely_signed_token_with_odd_claims_verifies_or_raises_invalid_signed_payload(
    claims: dict, exp: Any, iat: Any, aud: Any
) -> None:
    token = jwt.encode({**claims, "exp": exp, "iat": iat, "aud": aud}, SECRET, algorithm="HS256")

    try:
        result = verify_payload_jwt(token, SECRET, CLIENT_ID)
    except InvalidSignedPayload:
        return
    audience = result["aud"]
    assert audience == CLIENT_ID or (isinstance(audience, list) and CLIENT_ID in audience)


@EXAMPLES
@given(claims=json_objects, other=st.text(min_size=1, max_size=30))
def test_a_token_signed_with_another_secret_is_refused(claims: dict, other: str) -> None:
    other = other if other != SECRET else other + "!"
    now = int(time.time())
    token = jwt.encode({**claims, "aud": CLIENT_ID, "iat": now, "exp": now + 600}, other, algorithm="HS256")

    with pytest.raises(InvalidSignedPayload):
        verify_payload_jwt(token, SECRET, CLIENT_ID)


def test_an_unsigned_alg_none_token_is_refused() -> None:
    now = int(time.time())
    token = jwt.encode({"aud": CLIENT_ID, "iat": now, "exp": now + 600}, None, algorithm="none")

    with pytest.raises(InvalidSignedPayload):
        verify_payload_jwt(token, SECRET, CLIENT_ID)


def test_an_expired_genuine_token_is_refused() -> None:
    now = int(time.time())
    token = jwt.encode({"aud": CLIENT_ID, "iat": now - 1000, "exp": now - 500}, SECRET, algorithm="HS256")

    with pytest.raises(InvalidSignedPayload):
        verify_payload_jwt(token, SECRET, CLIENT_ID)
