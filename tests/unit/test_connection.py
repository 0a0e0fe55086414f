"""The low-level connection: ids and paths checked before sending, filters, 204s, headers."""
from __future__ import annotations

import base64
import datetime
from typing import Any, Callable

import pytest
import requests

from bigcommerce.connection import Connection, OAuthConnection
from bigcommerce.exception import EmptyResponseWarning, HttpException, ResourceNotFound
from bigcommerce.mapping import Mapping
from bigcommerce.retry import RetryPolicy
from tests.conftest import replay

BASIC_HOST = "store-abc123.mybigcommerce.com"
TOKEN = "tok-SECRET-5c2a91e7"
PASSWORD = "pw-SECRET-91be33"


class SpySession(requests.Session):
    """A session that remembers each prepared request (credentials included) before sending it."""

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[requests.PreparedRequest] = []

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
        self.sent.append(request)
        return super().send(request, **kwargs)


@pytest.fixture
def conn(sleeps: Callable[[float], None]) -> OAuthConnection:
    return OAuthConnection("test-client-id", "abc123", TOKEN, retry=RetryPolicy(sleep=sleeps, jitter=False))


# -- 204 No Content ---------------------------------------------------------------


def test_get_answered_204_raises_empty_response_warning_with_status_204(conn: OAuthConnection) -> None:
    with replay.use_cassette("connection/empty_responses.yaml") as cassette:
        with pytest.raises(EmptyResponseWarning) as caught:
            conn.get("products", page=9)

    assert isinstance(caught.value, HttpException)
    assert caught.value.status_code == 204
    assert cassette.play_count == 1


def test_create_answered_204_raises_empty_response_warning(conn: OAuthConnection) -> None:
    data = {"carrier_id": "auspost", "connection": {"auth_key": "yourAusPostAuthKey", "test_mode": False}}

    with replay.use_cassette("connection/empty_responses.yaml") as cassette:
        with pytest.raises(EmptyResponseWarning) as caught:
            conn.create("shipping/carrier/connection", data)

    assert caught.value.status_code == 204
    assert cassette.play_count == 1


def test_update_answered_204_raises_empty_response_warning(conn: OAuthConnection) -> None:
    with replay.use_cassette("connection/empty_responses.yaml") as cassette:
        with pytest.raises(EmptyResponseWarning) as caught:
            conn.update("products", 35, {"is_visible": False})

    assert caught.value.status_code == 204
    assert cassette.play_count == 1


def test_delete_answered_204_returns_none_quietly(conn: OAuthConnection) -> None:
    with replay.use_cassette("connection/empty_responses.yaml") as cassette:
        assert conn.delete("products", 35) is None

    assert cassette.play_count == 1


def test_put_and_post_answered_204_return_none(conn: OAuthConnection) -> None:
    auspost = {"carrier_id": "auspost", "connection": {"auth_key": "yourAusPostAuthKey", "test_mode": False}}
    endicia = {"carrier_id": "endicia",
               "connection": {"account_id": "yourEndiciaAccountId", "pass_phrase": "yourEndiciaPassphrase"}}

    with replay.use_cassette("connection/empty_responses.yaml") as cassette:
        assert conn.post("shipping/carrier/connection", auspost) is None
        assert conn.put("shipping/carrier/connection", endicia) is None

    assert cassette.play_count == 2


def test_an_empty_200_is_reported_with_its_real_status(conn: OAuthConnection) -> None:
    with replay.use_cassette("connection/empty_200.yaml"):
        with pytest.raises(EmptyResponseWarning) as caught:
            conn.get("time")

    assert caught.value.status_code == 200
    assert "204" not in str(caught.value)


# -- ids ------------------------------------------------------------------------------


def test_get_with_id_zero_requests_item_zero(conn: OAuthConnection) -> None:
    with replay.use_cassette("connection/id_zero.yaml") as cassette:
        with pytest.raises(ResourceNotFound):
            conn.get("products", 0)

    assert cassette.play_count == 1
    assert cassette.play_counts[0] == 1


def test_delete_with_id_zero_deletes_item_zero_never_the_collection(conn: OAuthConnection) -> None:
    with replay.use_cassette("connection/id_zero.yaml") as cassette:
        with pytest.raises(ResourceNotFound):
            conn.delete("products", 0)

    assert cassette.play_count == 1
    assert cassette.play_counts[1] == 1


def test_none_as_the_id_means_the_collection(conn: OAuthConnection) -> None:
    with replay.use_cassette("connection/collection_without_id.yaml") as cassette:
        products = conn.get("products", None)
        assert conn.delete("coupons", None) is None

    assert [p.id for p in products] == [32, 34]
    assert cassette.all_played


UNSAFE_IDS = ["1/../customers", "1?x=y", "1#top", "", " 1", "1 ", "1\n", "%2e%2e", -1, 1.5, True, False,
              b"1", [1], {"id": 1}]
LOW_LEVEL_CALLS_WITH_ID = {
    "get": lambda c, rid: c.get("products", rid),
    "update": lambda c, rid: c.update("products", rid, {"name": "x"}),
    "delete": lambda c, rid: c.delete("products", rid),
}


@pytest.mark.parametrize("rid", UNSAFE_IDS, ids=repr)
@pytest.mark.parametrize("call", LOW_LEVEL_CALLS_WITH_ID.values(), ids=LOW_LEVEL_CALLS_WITH_ID.keys())
def test_an_unsafe_id_raises_before_any_request(conn: OAuthConnection, call: Callable, rid: object) -> None:
    with replay.use_cassette("connection/empty.yaml") as cassette:
        with pytest.raises((ValueError, TypeError)):
            call(conn, rid)

    assert cassette.play_count == 0


def test_update_with_none_as_the_id_raises_before_any_request(conn: OAuthConnection) -> None:
    with replay.use_cassette("connection/empty.yaml") as cassette:
        with pytest.raises((ValueError, TypeError)):
            conn.update("products", None, {"is_visible": False})

    assert cassette.play_count == 0


UNSAFE_RESOURCES = ["products/../customers", "../customers", "products/./35", "products?limit=5",
                    "products#top", "products//35", "products/%2e%2e/customers", "products\\35",
                    "products/ 35"]
LOW_LEVEL_CALLS_WITH_PATH = {
    "get": lambda c, path: c.get(path),
    "create": lambda c, path: c.create(path, {"name": "x"}),
    "delete": lambda c, path: c.delete(path),
    "make_request": lambda c, path: c.make_request("GET", path),
    "put": lambda c, path: c.put(path, {"name": "x"}),
    "post": lambda c, path: c.post(path, {"name": "x"}),
}


@pytest.mark.parametrize("resource", UNSAFE_RESOURCES, ids=repr)
@pytest.mark.parametrize("call", LOW_LEVEL_CALLS_WITH_PATH.values(), ids=LOW_LEVEL_CALLS_WITH_PATH.keys())
def test_an_unsafe_resource_path_raises_before_any_request(
    conn: OAuthConnection, call: Callable, resource: str
) -> None:
    with replay.use_cassette("connection/empty.yaml") as cassette:
        with pytest.raises((ValueError, TypeError)):
            call(conn, resource)

    assert cassette.play_count == 0


FOREIGN_URLS = [
    "https://evil.example/stores/abc123/v2/products",
    "https://api.bigcommerce.com.evil.example/stores/abc123/v2/products",
    "https://api.bigcommerce.com@evil.example/stores/abc123/v2/products",
    "http://api.bigcommerce.com/stores/abc123/v2/products",
    "https://api.bigcommerce.com/stores/otherstore/v2/products",
    "HTTPS://evil.example/stores/abc123/v2/products",
]


@pytest.mark.parametrize("url", FOREIGN_URLS)
@pytest.mark.parametrize("call", LOW_LEVEL_CALLS_WITH_PATH.values(), ids=LOW_LEVEL_CALLS_WITH_PATH.keys())
def test_an_absolute_url_elsewhere_is_refused_before_any_request(
    conn: OAuthConnection, call: Callable, url: str
) -> None:
    with replay.use_cassette("connection/empty.yaml") as cassette:
        with pytest.raises(ValueError):
            call(conn, url)

    assert cassette.play_count == 0


@pytest.mark.parametrize(
    "url",
    ["https://api.bigcommerce.com/stores/abc123/v2/products/../customers",
     "https://api.bigcommerce.com/stores/abc123/v2/products/../../otherstore/v2/customers"],
)
def test_an_absolute_url_on_the_same_api_with_dot_segments_is_refused(conn: OAuthConnection, url: str) -> None:
    with replay.use_cassette("connection/empty.yaml") as cassette:
        with pytest.raises(ValueError):
            conn.delete(url)

    assert cassette.play_count == 0


def test_an_absolute_url_on_the_same_basic_auth_api_is_used_as_given() -> None:
    basic = Connection(BASIC_HOST, ("admin", PASSWORD))

    with replay.use_cassette("connection/absolute_urls.yaml") as cassette:
        assert basic.get(f"https://{BASIC_HOST}/api/v2/time") == {"time": 1529512970}

    assert cassette.play_count == 1


def test_an_absolute_url_on_the_same_oauth_api_is_used_as_given(conn: OAuthConnection) -> None:
    with replay.use_cassette("connection/absolute_urls.yaml") as cassette:
        assert conn.get("https://api.bigcommerce.com/stores/abc123/v2/time") == {"time": 1529512970}

    assert cassette.play_count == 1


# -- filters -----------------------------------------------------------------------------


def test_a_list_filter_is_sent_comma_joined(conn: OAuthConnection) -> None:
    with replay.use_cassette("connection/filters.yaml") as cassette:
        products = conn.get("products", **{"id:in": [1, 2, 3]})

    assert [p.id for p in products] == [1, 2, 3]
    assert cassette.play_count == 1


def test_booleans_are_sent_as_true_and_false(conn: OAuthConnection) -> None:
    with replay.use_cassette("connection/filters.yaml") as cassette:
        products = conn.get("products", is_visible=True, is_featured=False)

    assert products[0].id == 32
    assert cassette.play_count == 1


def test_a_none_filter_is_left_out(conn: OAuthConnection) -> None:
    with replay.use_cassette("connection/filters.yaml") as cassette:
        products = conn.get("products", limit=5, page=2, name=None)

    assert products[0].id == 36
    assert cassette.play_count == 1


def test_datetime_filters_are_sent_as_rfc_2822_keeping_their_offset(conn: OAuthConnection) -> None:
    created_after = datetime.datetime(2019, 3, 5, 21, 40, 11, tzinfo=datetime.timezone.utc)
    created_before = datetime.datetime(2019, 3, 11, 10, 17, 25, tzinfo=datetime.timezone(datetime.timedelta(hours=-5)))

    with replay.use_cassette("connection/filters.yaml") as cassette:
        orders = conn.get("orders", min_date_created=created_after, max_date_created=created_before)

    assert orders[0].id == 218
    assert cassette.play_count == 1


# -- make_request, put, post ---------------------------------------------------------------


def test_make_request_get_time_returns_the_parsed_body(conn: OAuthConnection) -> None:
    with replay.use_cassette("connection/make_request.yaml"):
        answer = conn.make_request("GET", "time")

    assert answer == {"time": 1529512970}
    assert isinstance(answer, Mapping)


def test_put_sends_the_body_and_returns_the_updated_order(conn: OAuthConnection) -> None:
    with replay.use_cassette("connection/make_request.yaml") as cassette:
        order = conn.put("orders/218", {"status_id": 2})

    assert order.status_id == 2
    assert order.status == "Shipped"
    assert cassette.play_count == 1


def test_post_sends_the_body_and_returns_the_created_shipment(conn: OAuthConnection) -> None:
    shipment = {
        "tracking_number": "EJ958083578UK",
        "comments": "Janes Order",
        "order_address_id": "128",
        "shipping_provider": "",
        "items": [
            {"order_product_id": 194, "product_id": 0, "quantity": 1},
            {"order_product_id": 195, "product_id": 0, "quantity": 1},
        ],
    }

    with replay.use_cassette("connection/make_request.yaml") as cassette:
        created = conn.post("orders/228/shipments", shipment)

    assert created.id == 11
    assert [item["order_product_id"] for item in created["items"]] == [194, 195]
    assert cassette.play_count == 1


def test_rate_limit_reports_the_last_quota_headers_under_the_old_keys(conn: OAuthConnection) -> None:
    with replay.use_cassette("connection/make_request.yaml"):
        conn.get("time")

    assert conn.rate_limit == {
        "ms_until_reset": 29000,
        "window_size_ms": 30000,
        "requests_remaining": 149,
        "requests_quota": 150,
    }


# -- headers, credentials and repr ----------------------------------------------------------


def test_basic_auth_sends_authorization_basic_and_no_token_headers() -> None:
    spy = SpySession()
    basic = Connection(BASIC_HOST, ("admin", PASSWORD), session=spy)

    with replay.use_cassette("connection/absolute_urls.yaml"):
        basic.get("time")

    sent = spy.sent[0].headers
    assert sent["Authorization"] == "Basic " + base64.b64encode(f"admin:{PASSWORD}".encode()).decode()
    assert "X-Auth-Token" not in sent
    assert "X-Auth-Client" not in sent


def test_oauth_sends_x_auth_token_and_x_auth_client_and_no_authorization() -> None:
    spy = SpySession()
    oauth = OAuthConnection("test-client-id", "abc123", TOKEN, session=spy)

    with replay.use_cassette("connection/absolute_urls.yaml"):
        oauth.get("time")

    sent = spy.sent[0].headers
    assert sent["X-Auth-Token"] == TOKEN
    assert sent["X-Auth-Client"] == "test-client-id"
    assert "Authorization" not in sent


def test_requests_accept_json_and_label_json_bodies() -> None:
    spy = SpySession()
    oauth = OAuthConnection("test-client-id", "abc123", TOKEN, session=spy)
    auspost = {"carrier_id": "auspost", "connection": {"auth_key": "yourAusPostAuthKey", "test_mode": False}}

    with replay.use_cassette("connection/empty_responses.yaml"):
        oauth.delete("products", 35)
        oauth.post("shipping/carrier/connection", auspost)

    without_body, with_body = (request.headers for request in spy.sent)
    assert without_body["Accept"] == "application/json"
    assert "Content-Type" not in without_body
    assert with_body["Accept"] == "application/json"
    assert with_body["Content-Type"] == "application/json"


def test_repr_shows_the_api_base_but_never_the_credentials() -> None:
    basic = Connection(BASIC_HOST, ("admin", PASSWORD))
    oauth = OAuthConnection("test-client-id", "abc123", TOKEN)

    assert f"https://{BASIC_HOST}/api/v2/" in repr(basic)
    assert "https://api.bigcommerce.com/stores/abc123/v2/" in repr(oauth)
    for text in (repr(basic), str(basic), repr(oauth), str(oauth)):
        assert PASSWORD not in text
        assert TOKEN not in text


def test_full_path_joins_a_resource_to_the_api_base() -> None:
    assert Connection(BASIC_HOST, ("admin", PASSWORD)).full_path("products/5") == (
        f"https://{BASIC_HOST}/api/v2/products/5"
    )
    assert OAuthConnection("test-client-id", "abc123", TOKEN).full_path("/time") == (
        "https://api.bigcommerce.com/stores/abc123/v2/time"
    )


def test_an_api_path_for_v3_is_honoured_as_the_old_readme_showed() -> None:
    v3 = OAuthConnection("test-client-id", "abc123", TOKEN, api_path="/stores/{}/v3/{}")

    assert v3.full_path("catalog/products") == "https://api.bigcommerce.com/stores/abc123/v3/catalog/products"


# -- construction ----------------------------------------------------------------------------


def test_the_default_timeout_is_10_s_to_connect_and_30_s_of_read_silence() -> None:
    """A store that accepts and never answers costs 30 s before the retry, not a minute."""
    from bigcommerce.api import BigcommerceApi, Client
    from bigcommerce.connection import DEFAULT_TIMEOUT_S

    assert DEFAULT_TIMEOUT_S == (10.0, 30.0)
    assert Connection(BASIC_HOST, ("admin", PASSWORD)).timeout == (10.0, 30.0)
    assert OAuthConnection("id", "abc123", TOKEN).timeout == (10.0, 30.0)
    assert BigcommerceApi(client_id="id", store_hash="abc123", access_token=TOKEN).connection.timeout == (10.0, 30.0)
    assert Client(BASIC_HOST, PASSWORD, "admin").connection.timeout == (10.0, 30.0)


@pytest.mark.parametrize("timeout", [None, 0, -1, (5, 0), (1, 2, 3), True, "10"], ids=repr)
def test_a_timeout_that_could_hang_or_is_not_seconds_is_refused(timeout: object) -> None:
    with pytest.raises(ValueError):
        Connection(BASIC_HOST, ("admin", PASSWORD), timeout=timeout)


@pytest.mark.parametrize(
    "host",
    ["store.example.com/admin", "https://admin:pw@store.example.com", "ftp://store.example.com",
     "store.example.com?x=1", "https://store.example.com#top"],
)
def test_a_host_with_a_path_credentials_or_another_scheme_is_refused(host: str) -> None:
    with pytest.raises(ValueError):
        Connection(host, ("admin", PASSWORD))


@pytest.mark.parametrize("host", ["", "   ", None, 42], ids=repr)
def test_a_missing_host_is_refused(host: object) -> None:
    with pytest.raises((TypeError, ValueError)):
        Connection(host, ("admin", PASSWORD))  # type: ignore[arg-type]


@pytest.mark.parametrize("auth", [("admin",), ("admin", ""), ("", "key"), "admin:key", ("admin", 5)], ids=repr)
def test_basic_auth_must_be_a_pair_of_non_empty_strings(auth: object) -> None:
    with pytest.raises(TypeError):
        Connection(BASIC_HOST, auth)


@pytest.mark.parametrize("store_hash", ["", None, "abc/../x", "abc 123", "abc?x=1"], ids=repr)
def test_an_oauth_store_hash_that_is_not_a_plain_token_is_refused(store_hash: object) -> None:
    with pytest.raises((TypeError, ValueError)):
        OAuthConnection("test-client-id", store_hash, TOKEN)  # type: ignore[arg-type]


def test_the_connection_closes_its_session_as_a_context_manager() -> None:
    spy = SpySession()
    closed: list[bool] = []
    spy.close = lambda: closed.append(True)  # type: ignore[method-assign]

    with OAuthConnection("test-client-id", "abc123", TOKEN, session=spy) as oauth:
        assert isinstance(oauth, OAuthConnection)

    assert closed == [True]
