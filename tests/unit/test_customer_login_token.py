"""Customer Login API tokens: an HS256 JWT with the documented claims, and its storefront URL."""
from __future__ import annotations

import time
from typing import Any

import jwt
import pytest

from bigcommerce.api import BigcommerceApi
from bigcommerce.customer_login_token import CustomerLoginTokens
from tests.conftest import replay

SECRET = "app-client-secret-3f9d2c7a1e5b4d60-8c1e0a9b7d6f5e4c"
ENV_SECRET = "env-client-secret-71b0c2d94e8a5f36-1d2c3b4a5f6e7d8c"


@pytest.fixture(autouse=True)
def default_services(monkeypatch: pytest.MonkeyPatch) -> None:
    """The cassettes name api.bigcommerce.com: a developer's own BC_API_ENDPOINT must not leak in."""
    monkeypatch.delenv("BC_API_ENDPOINT", raising=False)
    monkeypatch.delenv("BC_AUTH_SERVICE", raising=False)


@pytest.fixture(autouse=True)
def no_secret_in_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("APP_CLIENT_SECRET", raising=False)


def decode(token: str, secret: str = SECRET) -> dict[str, Any]:
    return jwt.decode(token, secret, algorithms=["HS256"])


def test_the_token_is_an_hs256_jwt_with_the_documented_claims(api: BigcommerceApi) -> None:
    before = int(time.time())

    token = CustomerLoginTokens.create(api, 11, redirect_url="/checkout", request_ip="203.0.113.9",
                                       client_secret=SECRET, channel_id=2)

    header = jwt.get_unverified_header(token)
    assert header["typ"] == "JWT"
    assert header["alg"] == "HS256"
    claims = decode(token)
    assert claims["iss"] == "test-client-id"
    assert before <= claims["iat"] <= int(time.time())
    assert isinstance(claims["jti"], str) and claims["jti"]
    assert claims["operation"] == "customer_login"
    assert claims["store_hash"] == "abc123"
    assert claims["customer_id"] == 11
    assert claims["redirect_to"] == "/checkout"
    assert claims["request_ip"] == "203.0.113.9"
    assert claims["channel_id"] == 2


def test_optional_claims_are_left_out_when_not_given(api: BigcommerceApi) -> None:
    claims = decode(CustomerLoginTokens.create(api, 11, client_secret=SECRET))

    assert set(claims) == {"iss", "iat", "jti", "operation", "store_hash", "customer_id"}


def test_every_token_has_its_own_jti(api: BigcommerceApi) -> None:
    jtis = {decode(CustomerLoginTokens.create(api, 11, client_secret=SECRET))["jti"] for _ in range(20)}

    assert len(jtis) == 20


def test_an_explicit_iat_is_used_as_given(api: BigcommerceApi) -> None:
    claims = decode(CustomerLoginTokens.create(api, 11, iat=1529512970, client_secret=SECRET))

    assert claims["iat"] == 1529512970


def test_the_secret_falls_back_to_app_client_secret(api: BigcommerceApi, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("APP_CLIENT_SECRET", ENV_SECRET)

    token = CustomerLoginTokens.create(api, 11)

    assert decode(token, ENV_SECRET)["customer_id"] == 11
    with pytest.raises(jwt.InvalidSignatureError):
        decode(token, SECRET)


def test_an_explicit_secret_wins_over_the_environment(api: BigcommerceApi, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("APP_CLIENT_SECRET", ENV_SECRET)

    token = CustomerLoginTokens.create(api, 11, client_secret=SECRET)

    assert decode(token, SECRET)["customer_id"] == 11


def test_without_any_secret_create_raises_value_error_naming_app_client_secret(api: BigcommerceApi) -> None:
    with pytest.raises(ValueError, match="APP_CLIENT_SECRET"):
        CustomerLoginTokens.create(api, 11)


def test_a_basic_auth_api_cannot_sign_customer_login_tokens(basic_api: BigcommerceApi) -> None:
    with pytest.raises(ValueError, match="OAuth"):
        CustomerLoginTokens.create(basic_api, 11, client_secret=SECRET)


def test_an_oauth_api_without_a_client_id_cannot_sign_customer_login_tokens() -> None:
    anonymous = BigcommerceApi(store_hash="abc123", access_token="test-access-token")

    with pytest.raises(ValueError, match="client_id"):
        CustomerLoginTokens.create(anonymous, 11, client_secret=SECRET)


@pytest.mark.parametrize("customer_id", [0, -1, True, "11", None, 1.5], ids=repr)
def test_a_customer_id_that_is_not_a_positive_int_raises_value_error(api: BigcommerceApi, customer_id: Any) -> None:
    with pytest.raises(ValueError):
        CustomerLoginTokens.create(api, customer_id, client_secret=SECRET)


def test_create_url_points_at_the_store_secure_url(api: BigcommerceApi) -> None:
    with replay.use_cassette("interface/store_information.yaml") as cassette:
        url = CustomerLoginTokens.create_url(api, 11, redirect_url="/account.php", client_secret=SECRET)

    prefix = "https://my-awesome.stor/login/token/"
    assert url.startswith(prefix)
    claims = decode(url[len(prefix):])
    assert claims["customer_id"] == 11
    assert claims["redirect_to"] == "/account.php"
    assert abs(claims["iat"] - time.time()) < 5
    assert cassette.play_count == 1


def test_create_url_with_bc_time_takes_iat_from_get_time(api: BigcommerceApi) -> None:
    with replay.use_cassette("interface/store_information_and_time.yaml") as cassette:
        url = CustomerLoginTokens.create_url(api, 11, use_bc_time=True, client_secret=SECRET)

    token = url.rsplit("/", 1)[1]
    assert decode(token)["iat"] == 1529512970
    assert cassette.all_played
