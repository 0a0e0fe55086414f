"""BigcommerceApi(...): the old README's three forms, host overrides, and clear refusals."""
from __future__ import annotations

from typing import Any

import pytest

from bigcommerce.api import BigcommerceApi
from bigcommerce.connection import Connection, OAuthConnection


@pytest.fixture(autouse=True)
def default_services(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BC_API_ENDPOINT", raising=False)
    monkeypatch.delenv("BC_AUTH_SERVICE", raising=False)


def test_client_id_store_hash_and_access_token_build_an_oauth_connection() -> None:
    api = BigcommerceApi(client_id="test-client-id", store_hash="abc123", access_token="test-access-token")

    assert isinstance(api.connection, OAuthConnection)
    assert api.connection.client_id == "test-client-id"
    assert api.connection.store_hash == "abc123"
    assert api.connection.full_path("time") == "https://api.bigcommerce.com/stores/abc123/v2/time"


def test_an_https_host_with_auth_builds_a_basic_auth_connection() -> None:
    api = BigcommerceApi(host="https://store.mybigcommerce.com", auth=("admin", "test-api-token"))

    assert type(api.connection) is Connection
    assert api.connection.full_path("time") == "https://store.mybigcommerce.com/api/v2/time"


def test_a_bare_host_with_basic_auth_builds_an_https_basic_auth_connection() -> None:
    api = BigcommerceApi(host="store.mybigcommerce.com", basic_auth=("admin", "test-api-token"))

    assert type(api.connection) is Connection
    assert api.connection.full_path("time") == "https://store.mybigcommerce.com/api/v2/time"


def test_a_host_given_with_the_api_path_is_the_same_store() -> None:
    api = BigcommerceApi(host="https://store.mybigcommerce.com/api/v2/", basic_auth=("admin", "test-api-token"))

    assert api.connection.full_path("time") == "https://store.mybigcommerce.com/api/v2/time"


@pytest.mark.parametrize(
    "credentials, expected",
    [
        ({"client_id": "test-client-id", "store_hash": "abc123", "access_token": "t"},
         "http://127.0.0.1:8000/stores/abc123/v2/time"),
        ({"basic_auth": ("admin", "test-api-token")}, "http://127.0.0.1:8000/api/v2/time"),
    ],
    ids=["oauth", "basic"],
)
def test_an_http_host_keeps_its_scheme_and_port(credentials: dict, expected: str) -> None:
    api = BigcommerceApi(host="http://127.0.0.1:8000", **credentials)

    assert api.connection.full_path("time") == expected


def test_the_services_default_to_bigcommerce_hosts() -> None:
    api = BigcommerceApi(client_id="test-client-id", store_hash="abc123", access_token="t")

    assert api.api_service == "api.bigcommerce.com"
    assert api.auth_service == "login.bigcommerce.com"


def test_bc_api_endpoint_moves_the_oauth_host(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BC_API_ENDPOINT", "api.example.test")

    api = BigcommerceApi(client_id="test-client-id", store_hash="abc123", access_token="t")

    assert api.api_service == "api.example.test"
    assert api.connection.full_path("time") == "https://api.example.test/stores/abc123/v2/time"


def test_bc_api_endpoint_leaves_a_basic_auth_store_host_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BC_API_ENDPOINT", "api.example.test")

    api = BigcommerceApi(host="store.mybigcommerce.com", basic_auth=("admin", "test-api-token"))

    assert api.connection.full_path("time") == "https://store.mybigcommerce.com/api/v2/time"


def test_bc_auth_service_is_read_into_auth_service(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BC_AUTH_SERVICE", "login.example.test")

    api = BigcommerceApi(client_id="test-client-id", store_hash="abc123", access_token="t")

    assert api.auth_service == "login.example.test"


def test_explicit_services_win_over_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BC_API_ENDPOINT", "api.example.test")
    monkeypatch.setenv("BC_AUTH_SERVICE", "login.example.test")

    api = BigcommerceApi(client_id="test-client-id", store_hash="abc123", access_token="t",
                         api_service="api.other.test", auth_service="login.other.test")

    assert api.api_service == "api.other.test"
    assert api.auth_service == "login.other.test"
    assert api.connection.full_path("time") == "https://api.other.test/stores/abc123/v2/time"


def test_oauth_without_an_access_token_is_allowed_for_the_token_exchange() -> None:
    api = BigcommerceApi(client_id="test-client-id", store_hash="abc123")

    assert isinstance(api.connection, OAuthConnection)


@pytest.mark.parametrize(
    "arguments, names",
    [
        pytest.param({}, ["client_id", "store_hash", "access_token", "host", "basic_auth"], id="nothing"),
        pytest.param({"host": "store.mybigcommerce.com"}, ["basic_auth"], id="host alone"),
        pytest.param({"client_id": "test-client-id", "access_token": "t"}, ["store_hash"], id="no store_hash"),
        pytest.param({"access_token": "t"}, ["store_hash"], id="token alone"),
        pytest.param({"basic_auth": ("admin", "key")}, ["host"], id="basic_auth without host"),
        pytest.param({"auth": ("admin", "key")}, ["host"], id="auth without host"),
    ],
)
def test_missing_credentials_raise_value_error_naming_what_is_missing(arguments: dict, names: list[str]) -> None:
    with pytest.raises(ValueError) as caught:
        BigcommerceApi(**arguments)

    for name in names:
        assert name in str(caught.value)


@pytest.mark.parametrize(
    "arguments, names",
    [
        pytest.param({"host": "s.mybigcommerce.com", "basic_auth": ("a", "k"), "auth": ("a", "k")},
                     ["basic_auth", "auth"], id="basic_auth and auth"),
        pytest.param({"host": "s.mybigcommerce.com", "basic_auth": ("a", "k"), "client_id": "c",
                      "store_hash": "abc123", "access_token": "t"}, ["basic", "OAuth"], id="basic and oauth"),
        pytest.param({"host": "s.mybigcommerce.com", "auth": ("a", "k"), "access_token": "t"},
                     ["basic", "OAuth"], id="auth and a token"),
    ],
)
def test_conflicting_credentials_raise_type_error_naming_both(arguments: dict, names: list[str]) -> None:
    with pytest.raises(TypeError) as caught:
        BigcommerceApi(**arguments)

    for name in names:
        assert name in str(caught.value)


@pytest.mark.parametrize("basic_auth", [("admin",), "admin:key", ("admin", ""), ("admin", None)], ids=repr)
def test_malformed_basic_auth_raises_type_error(basic_auth: Any) -> None:
    with pytest.raises(TypeError, match="basic auth"):
        BigcommerceApi(host="store.mybigcommerce.com", basic_auth=basic_auth)


@pytest.mark.parametrize("host", ["https://store.mybigcommerce.com/admin", "ftp://store.mybigcommerce.com",
                                  "https://admin:key@store.mybigcommerce.com"])
def test_a_host_that_is_not_just_a_store_address_is_refused(host: str) -> None:
    with pytest.raises(ValueError, match="host"):
        BigcommerceApi(host=host, basic_auth=("admin", "test-api-token"))


def test_the_repr_of_the_api_and_its_connection_never_show_a_secret() -> None:
    oauth = BigcommerceApi(client_id="test-client-id", store_hash="abc123", access_token="tok-SECRET-5c2a91e7")
    basic = BigcommerceApi(host="store.mybigcommerce.com", basic_auth=("admin", "pw-SECRET-91be33"))

    for text in (repr(oauth), repr(oauth.connection), str(oauth)):
        assert "tok-SECRET-5c2a91e7" not in text
    for text in (repr(basic), repr(basic.connection), str(basic)):
        assert "pw-SECRET-91be33" not in text
    assert "abc123" in repr(oauth)
    assert "store.mybigcommerce.com" in repr(basic)
