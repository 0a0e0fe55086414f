"""The 0.9 client: ``import bigcommerce as api`` and ``api.Client(host, token, user_id)``.

Its README: "import bigcommerce as api  # imports Client, Connection,
OAuthConnection, and HttpException classes"; ``Client`` was the resource
client over basic auth, the user's API token and username.
"""
from __future__ import annotations

import pytest

import bigcommerce as api
from bigcommerce.resources import Products, Time
from tests.conftest import checked

HOST = "store.mybigcommerce.com"


def test_import_bigcommerce_as_api_gives_the_four_classes_the_09_readme_names() -> None:
    assert api.Client is api.api.Client
    assert api.Connection is api.connection.Connection
    assert api.OAuthConnection is api.connection.OAuthConnection
    assert issubclass(api.HttpException, Exception)
    assert {"Client", "Connection", "OAuthConnection", "HttpException"} <= set(api.__all__)


def test_client_host_token_user_id_reaches_resources_over_basic_auth() -> None:
    client = api.Client(HOST, "test-api-token", "admin")

    with checked.use_cassette("interface/time_basic.yaml") as cassette:
        now = client.Time.all()

    assert cassette.play_count == 1  # Authorization: Basic admin:test-api-token
    assert isinstance(now, Time) and now["time"] == 1529512970
    assert isinstance(client, api.BigcommerceApi)
    assert isinstance(client.connection, api.Connection)
    assert not isinstance(client.connection, api.OAuthConnection)


def test_client_takes_the_facades_options_by_keyword() -> None:
    client = api.Client(HOST, "test-api-token", "admin", timeout=5, max_rate_limit_wait=1)

    assert client.connection.timeout == 5
    assert client.connection.rate_limiter.max_wait_s == 1
    assert client.Products.resource_name == Products.resource_name


def test_client_repr_never_shows_the_token() -> None:
    client = api.Client(HOST, "tok-SECRET-8841", "admin")
    assert "tok-SECRET-8841" not in repr(client) and "Client" in repr(client)


@pytest.mark.parametrize("args", [("", "token", "admin"), (HOST, "", "admin"), (HOST, "token", "")])
def test_client_with_a_missing_credential_raises_before_any_request(args: tuple[str, str, str]) -> None:
    with pytest.raises((TypeError, ValueError)):
        api.Client(*args)
