"""OAuth helpers: the token exchange through the facade, and signed_payload_jwt verification."""
from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import jwt
import pytest
import requests

from bigcommerce.api import BigcommerceApi
from bigcommerce.connection import OAuthConnection
from bigcommerce.exception import ClientRequestException, InvalidSignedPayload, ResponseDecodeError
from tests.conftest import checked

CASSETTES = Path(__file__).resolve().parents[2] / "cassettes"

CLIENT_ID = "test-client-id"
CLIENT_SECRET = "app-client-secret-3f9d2c7a1e5b4d60-8c1e0a9b7d6f5e4c3b2a19087f6e5d4c"
CODE = "qr6h3thvbvag2ffq"
REDIRECT_URI = "https://app.example.com/bigcommerce/auth"


@pytest.fixture(autouse=True)
def default_services(monkeypatch: pytest.MonkeyPatch) -> None:
    """The cassettes name api.bigcommerce.com: a developer's own BC_API_ENDPOINT must not leak in."""
    monkeypatch.delenv("BC_API_ENDPOINT", raising=False)
    monkeypatch.delenv("BC_AUTH_SERVICE", raising=False)


def oauth_api(**options: Any) -> BigcommerceApi:
    return BigcommerceApi(client_id=CLIENT_ID, store_hash="abc123", access_token="test-access-token", **options)


# -- token exchange ---------------------------------------------------------------------------------


def test_oauth_fetch_token_posts_to_login_bigcommerce_com_by_default() -> None:
    api = oauth_api()

    with checked.use_cassette("oauth/fetch_token.yaml") as cassette:
        token = api.oauth_fetch_token("test-client-secret", CODE, "stores/abc123",
                                      "store_v2_orders store_v2_products", REDIRECT_URI)
        assert api.connection.get("time") == {"time": 1529512970}

    assert token["access_token"] == "exchanged-token-4b1e9"
    assert token["owner"]["id"] == 24654
    assert cassette.all_played


@pytest.mark.parametrize("service", ["login.example.test", "https://login.example.test", "https://login.example.test/"])
def test_oauth_fetch_token_uses_the_auth_service_named_by_bc_auth_service(
    monkeypatch: pytest.MonkeyPatch, service: str
) -> None:
    monkeypatch.setenv("BC_AUTH_SERVICE", service)
    api = oauth_api()

    with checked.use_cassette("oauth/fetch_token_custom_auth_service.yaml") as cassette:
        api.oauth_fetch_token("test-client-secret", CODE, "stores/abc123",
                              "store_v2_orders store_v2_products", REDIRECT_URI)
        api.connection.get("time")

    assert api.auth_service == service
    assert cassette.all_played


class SpySession(requests.Session):
    """A session that remembers each prepared request (credentials included) before sending it."""

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[requests.PreparedRequest] = []

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
        self.sent.append(request)
        return super().send(request, **kwargs)


def test_the_token_exchange_carries_no_api_credentials_even_when_a_token_is_set() -> None:
    spy = SpySession()
    reinstall = OAuthConnection(CLIENT_ID, "abc123", "old-token-from-the-first-install", session=spy)

    with checked.use_cassette("oauth/fetch_token.yaml"):
        reinstall.fetch_token("test-client-secret", CODE, "stores/abc123", "store_v2_orders store_v2_products",
                              REDIRECT_URI)
        reinstall.get("time")

    exchange, first_call = (request.headers for request in spy.sent)
    assert "X-Auth-Token" not in exchange
    assert "X-Auth-Client" not in exchange
    assert "Authorization" not in exchange
    assert exchange["Content-Type"] == "application/x-www-form-urlencoded"
    assert first_call["X-Auth-Token"] == "exchanged-token-4b1e9"
    assert first_call["X-Auth-Client"] == CLIENT_ID


def test_a_refused_code_raises_a_client_error_that_never_shows_the_client_secret() -> None:
    secret = "cs-SECRET-8d1f20"
    conn = OAuthConnection(CLIENT_ID, "abc123")

    with checked.use_cassette("oauth/fetch_token_rejected.yaml") as cassette:
        with pytest.raises(ClientRequestException) as caught:
            conn.fetch_token(secret, CODE, "stores/abc123", "store_v2_orders", REDIRECT_URI)

    error = caught.value
    assert error.status_code == 400
    assert error.errors == ["invalid_grant"]
    assert "POST /oauth2/token -> 400 Bad Request" in str(error)
    assert secret not in str(error)
    assert secret not in repr(error)
    assert CODE not in str(error)
    assert cassette.play_count == 1


def test_a_token_answer_without_an_access_token_raises_response_decode_error() -> None:
    conn = OAuthConnection(CLIENT_ID, "abc123")

    with checked.use_cassette("oauth/token_without_access_token.yaml"):
        with pytest.raises(ResponseDecodeError) as caught:
            conn.fetch_token("test-client-secret", CODE, "stores/abc123", "store_v2_orders", REDIRECT_URI)

    assert caught.value.status_code == 200
    assert "test-client-secret" not in str(caught.value)


@pytest.mark.parametrize("missing", ["client_secret", "code", "context", "scope", "redirect_uri"])
@pytest.mark.parametrize("value", ["", None])
def test_fetch_token_without_an_argument_raises_value_error_naming_it(missing: str, value: str | None) -> None:
    arguments = {"client_secret": "test-client-secret", "code": CODE, "context": "stores/abc123",
                 "scope": "store_v2_orders", "redirect_uri": REDIRECT_URI, missing: value}

    with checked.use_cassette("connection/empty.yaml") as cassette:
        with pytest.raises(ValueError, match=missing):
            OAuthConnection(CLIENT_ID, "abc123").fetch_token(**arguments)

    assert cassette.play_count == 0


def test_fetch_token_without_a_client_id_raises_value_error() -> None:
    with checked.use_cassette("connection/empty.yaml") as cassette:
        with pytest.raises(ValueError, match="client_id"):
            OAuthConnection(None, "abc123").fetch_token("s", CODE, "stores/abc123", "store_v2_orders", REDIRECT_URI)

    assert cassette.play_count == 0


def test_oauth_fetch_token_on_a_basic_auth_api_raises_type_error() -> None:
    api = BigcommerceApi(host="store.mybigcommerce.com", basic_auth=("admin", "key"))

    with pytest.raises(TypeError, match="OAuth"):
        api.oauth_fetch_token("s", CODE, "stores/abc123", "store_v2_orders", REDIRECT_URI)


# -- signed_payload_jwt -------------------------------------------------------------------------------


def make_jwt(secret: str = CLIENT_SECRET, algorithm: str = "HS256", drop: tuple[str, ...] = (), **changes: Any) -> str:
    """A signed_payload_jwt shaped as BigCommerce documents it, valid for the next 24 hours."""
    now = int(time.time())
    claims: dict[str, Any] = {
        "aud": CLIENT_ID,
        "iss": "bc",
        "iat": now,
        "nbf": now,
        "exp": now + 24 * 3600,
        "jti": "5b2b6a3e-8f0e-4b4d-9a7c-1f1d2c3b4a5e",
        "sub": "stores/abc123",
        "user": {"id": 24654, "email": "merchant@example.com", "locale": "en-US"},
        "owner": {"id": 24654, "email": "merchant@example.com"},
        "url": "/",
        "channel_id": None,
    }
    claims.update(changes)
    for name in drop:
        del claims[name]
    return jwt.encode(claims, secret, algorithm=algorithm)


def test_a_valid_signed_payload_jwt_returns_its_claims() -> None:
    claims = OAuthConnection.verify_payload_jwt(make_jwt(), CLIENT_SECRET, CLIENT_ID)

    assert claims["sub"] == "stores/abc123"
    assert claims["user"] == {"id": 24654, "email": "merchant@example.com", "locale": "en-US"}
    assert claims["aud"] == CLIENT_ID


def test_an_hs512_signed_payload_jwt_is_accepted_as_before() -> None:
    token = make_jwt(algorithm="HS512")

    assert OAuthConnection.verify_payload_jwt(token, CLIENT_SECRET, CLIENT_ID)["url"] == "/"


def test_the_facade_verifies_a_signed_payload_jwt_without_an_instance() -> None:
    claims = BigcommerceApi.oauth_verify_payload_jwt(make_jwt(), CLIENT_SECRET, CLIENT_ID)

    assert claims["owner"]["id"] == 24654


def _none_algorithm_token() -> str:
    return jwt.encode({"aud": CLIENT_ID, "iat": int(time.time()), "exp": int(time.time()) + 3600},
                      None, algorithm="none")


INVALID_TOKENS = [
    pytest.param(lambda: make_jwt(secret="another-app-secret-" + "0123456789abcdef" * 3), id="wrong secret"),
    pytest.param(lambda: make_jwt(aud="someone-elses-client-id"), id="wrong audience"),
    pytest.param(lambda: make_jwt(drop=("aud",)), id="no audience"),
    pytest.param(lambda: make_jwt(iat=int(time.time()) - 90000, nbf=int(time.time()) - 90000,
                                  exp=int(time.time()) - 3600), id="expired"),
    pytest.param(lambda: make_jwt(drop=("exp",)), id="no exp"),
    pytest.param(lambda: make_jwt(nbf=int(time.time()) + 3600), id="not yet valid"),
    pytest.param(lambda: make_jwt(algorithm="HS384"), id="algorithm not allowed"),
    pytest.param(_none_algorithm_token, id="alg none"),
    pytest.param(lambda: make_jwt()[:-4] + "AAAA", id="tampered signature"),
    pytest.param(lambda: "garbage", id="garbage"),
    pytest.param(lambda: "a.b.c", id="three garbage segments"),
    pytest.param(lambda: b"\xff\xfe.\x00", id="bytes garbage"),
    pytest.param(lambda: "", id="empty"),
    pytest.param(lambda: None, id="None"),
    pytest.param(lambda: 12345, id="int"),
]


@pytest.mark.parametrize("token", INVALID_TOKENS)
def test_an_invalid_signed_payload_jwt_raises_invalid_signed_payload(token: Any) -> None:
    with pytest.raises(InvalidSignedPayload) as caught:
        OAuthConnection.verify_payload_jwt(token(), CLIENT_SECRET, CLIENT_ID)

    assert isinstance(caught.value, jwt.InvalidTokenError)
    assert CLIENT_SECRET not in str(caught.value)


@pytest.mark.parametrize("secret, client_id", [(None, CLIENT_ID), ("", CLIENT_ID), (CLIENT_SECRET, None),
                                               (CLIENT_SECRET, ""), (CLIENT_SECRET, 42)])
def test_a_missing_secret_or_client_id_raises_invalid_signed_payload(secret: Any, client_id: Any) -> None:
    with pytest.raises(InvalidSignedPayload):
        BigcommerceApi.oauth_verify_payload_jwt(make_jwt(), secret, client_id)

