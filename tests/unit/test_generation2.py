"""Generation 2: BigcommerceApi as a facade over its connection and the resource classes."""
from __future__ import annotations

import pytest

from bigcommerce.api import BigcommerceApi
from bigcommerce.mapping import Mapping
from bigcommerce.resources import Orders
from tests.conftest import checked, replay


@pytest.fixture(autouse=True)
def default_services(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BC_API_ENDPOINT", raising=False)
    monkeypatch.delenv("BC_AUTH_SERVICE", raising=False)


def test_api_connection_get_time_over_oauth_sends_the_token_headers() -> None:
    api = BigcommerceApi(client_id="test-client-id", store_hash="abc123", access_token="test-access-token")

    with checked.use_cassette("interface/time_oauth.yaml") as cassette:
        assert api.connection.get("time") == {"time": 1529512970}

    assert cassette.play_count == 1


@pytest.mark.parametrize(
    "api",
    [
        pytest.param(lambda: BigcommerceApi(host="https://store.mybigcommerce.com", auth=("admin", "test-api-token")),
                     id="host and auth"),
        pytest.param(lambda: BigcommerceApi(host="store.mybigcommerce.com", basic_auth=("admin", "test-api-token")),
                     id="host and basic_auth"),
    ],
)
def test_api_connection_get_time_over_basic_auth_sends_authorization_basic(api: object) -> None:
    with checked.use_cassette("interface/time_basic.yaml") as cassette:
        assert api().connection.get("time") == {"time": 1529512970}  # type: ignore[operator]

    assert cassette.play_count == 1


def test_a_local_http_host_is_called_over_plain_http() -> None:
    api = BigcommerceApi(host="http://127.0.0.1:8000", client_id="test-client-id", store_hash="abc123",
                         access_token="test-access-token")

    with replay.use_cassette("interface/time_local_http.yaml") as cassette:
        assert api.connection.get("time")["time"] == 1529512970

    assert cassette.play_count == 1


def test_bc_api_endpoint_sends_oauth_requests_to_that_host(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BC_API_ENDPOINT", "api.example.test")
    api = BigcommerceApi(client_id="test-client-id", store_hash="abc123", access_token="test-access-token")

    with replay.use_cassette("interface/time_api_endpoint_override.yaml") as cassette:
        assert api.connection.get("time")["time"] == 1529512970

    assert cassette.play_count == 1


def test_a_resource_attribute_calls_the_class_with_the_api_connection(api: BigcommerceApi) -> None:
    with replay.use_cassette("interface/order_218.yaml") as cassette:
        order = api.Orders.get(218)

    assert isinstance(order, Orders)
    assert order.id == 218
    assert order.total_inc_tax == "69.8400"
    assert isinstance(order.billing_address, Mapping)
    assert order.billing_address.city == "Austin"
    assert cassette.play_count == 1


def test_an_unknown_resource_name_raises_attribute_error(api: BigcommerceApi) -> None:
    with pytest.raises(AttributeError, match="Widgets"):
        api.Widgets

    assert not hasattr(api, "_private")


def test_an_object_method_on_the_class_wrapper_explains_itself(api: BigcommerceApi) -> None:
    with pytest.raises(AttributeError, match=r"api\.Products\.get\(id\)\.update"):
        api.Products.update


def test_dir_of_the_api_lists_the_resource_classes(api: BigcommerceApi) -> None:
    names = dir(api)

    assert {"Products", "Orders", "Customers", "Store", "Time", "OrderShipments"} <= set(names)
    assert "oauth_fetch_token" in names


def test_the_reprs_of_the_api_its_connection_and_a_wrapper_never_show_the_token() -> None:
    token = "tok-SECRET-5c2a91e7"
    api = BigcommerceApi(client_id="test-client-id", store_hash="abc123", access_token=token)

    for text in (repr(api), repr(api.connection), repr(api.Products), str(api)):
        assert token not in text
    assert "Products" in repr(api.Products)


def test_the_reprs_of_a_basic_auth_api_never_show_the_password() -> None:
    password = "pw-SECRET-91be33"
    api = BigcommerceApi(host="store.mybigcommerce.com", basic_auth=("admin", password))

    for text in (repr(api), repr(api.connection), repr(api.Orders), str(api)):
        assert password not in text
