"""Every status class becomes the right exception, with a message that helps and leaks nothing."""
from __future__ import annotations

import base64
import json
from typing import Any, Callable

import pytest
import requests
from urllib3.exceptions import NewConnectionError

from bigcommerce.api import BigcommerceApi
from bigcommerce.connection import MAX_RATE_LIMIT_RETRIES, Connection, OAuthConnection
from bigcommerce.exception import (
    AccessForbidden,
    ClientRequestException,
    ConnectionFailed,
    HttpException,
    MethodNotAllowed,
    RateLimitingException,
    RedirectionException,
    ResourceNotFound,
    ResponseDecodeError,
    ServerException,
    Unauthorised,
)
from bigcommerce.rate_limit import RateLimiter
from bigcommerce.retry import RetryPolicy
from tests.conftest import replay

# Distinctive secrets: none of them may ever appear in an error's text.
TOKEN = "tok-SECRET-5c2a91e7"
PASSWORD = "pw-SECRET-91be33"
SECRETS = (TOKEN, PASSWORD, base64.b64encode(f"admin:{PASSWORD}".encode()).decode())


@pytest.fixture(autouse=True)
def default_services(monkeypatch: pytest.MonkeyPatch) -> None:
    """The cassettes name api.bigcommerce.com: a developer's own BC_API_ENDPOINT must not leak in."""
    monkeypatch.delenv("BC_API_ENDPOINT", raising=False)
    monkeypatch.delenv("BC_AUTH_SERVICE", raising=False)


def assert_no_secret_in(error: BaseException) -> None:
    for text in (str(error), repr(error), " ".join(map(str, error.args))):
        for secret in SECRETS:
            assert secret not in text


@pytest.fixture
def oauth(sleeps: Callable[[float], None]) -> BigcommerceApi:
    return BigcommerceApi(client_id="test-client-id", store_hash="abc123", access_token=TOKEN,
                          retry=RetryPolicy(sleep=sleeps, jitter=False))


@pytest.fixture
def basic(sleeps: Callable[[float], None]) -> Connection:
    return Connection("store-abc123.mybigcommerce.com", ("admin", PASSWORD),
                      retry=RetryPolicy(sleep=sleeps, jitter=False))


# -- 3xx: never followed ------------------------------------------------------------------------


def test_a_301_raises_redirection_exception_and_is_not_followed(sleeps: Any) -> None:
    moved = Connection("example-store.com", ("admin", PASSWORD), retry=RetryPolicy(sleep=sleeps))

    with replay.use_cassette("interface/redirect_301.yaml") as cassette:
        with pytest.raises(RedirectionException) as caught:
            moved.get("time")

    error = caught.value
    assert error.status_code == 301
    assert error.location == "https://www.example-store.com/api/v2/time"
    assert "GET /time -> 301 Moved Permanently" in str(error)
    assert cassette.play_count == 1
    assert sleeps.waits == []
    assert_no_secret_in(error)


def test_a_302_raises_redirection_exception_and_is_not_followed(oauth: BigcommerceApi) -> None:
    with replay.use_cassette("interface/redirect_302.yaml") as cassette:
        with pytest.raises(RedirectionException) as caught:
            oauth.connection.get("products")

    assert caught.value.status_code == 302
    assert caught.value.location == "https://api.bigcommerce.com/stores/abc123/v3/catalog/products"
    assert "GET /products -> 302 Found" in str(caught.value)
    assert cassette.play_count == 1


# -- 4xx ------------------------------------------------------------------------------------------

CLIENT_ERRORS = [
    pytest.param(
        "interface/bad_request_400.yaml",
        lambda c: c.update("orders/100/shipping_addresses", 1, {"item_total": 2}),
        "PUT /orders/100/shipping_addresses/1", 400, "Bad Request", ClientRequestException,
        ["The field 'item_total' cannot be written to. Please remove it from your request before trying again."],
        id="400",
    ),
    pytest.param(
        "interface/forbidden_403.yaml", lambda c: c.get("orders"),
        "GET /orders", 403, "Forbidden", AccessForbidden,
        ["You do not have a required scope to access this resource."],
        id="403",
    ),
    pytest.param(
        "interface/not_found_404.yaml", lambda c: c.get("orders", 999),
        "GET /orders/999", 404, "Not Found", ResourceNotFound,
        ["The requested resource was not found."],
        id="404",
    ),
    pytest.param(
        "interface/method_not_allowed_405.yaml", lambda c: c.put("orders", {"status_id": 2}),
        "PUT /orders", 405, "Method Not Allowed", MethodNotAllowed,
        ["The requested method is not supported by this resource."],
        id="405",
    ),
    pytest.param(
        "interface/conflict_409.yaml", lambda c: c.delete("categories", 18),
        "DELETE /categories/18", 409, "Conflict", ClientRequestException,
        ["The category could not be deleted because products are assigned to it."],
        id="409",
    ),
    pytest.param(
        "interface/limit_too_large_413.yaml", lambda c: c.get("products", limit=300),
        "GET /products", 413, "Request Entity Too Large", ClientRequestException,
        ["The specified limit exceeds the maximum allowed."],
        id="413",
    ),
    pytest.param(
        "interface/unprocessable_422.yaml", lambda c: c.create("customers", {"first_name": "Jane", "last_name": "Doe"}),
        "POST /customers", 422, "Unprocessable Entity", ClientRequestException,
        ["The required field email was not supplied."],
        id="422",
    ),
]


@pytest.mark.parametrize("cassette_path, call, request_line, status, reason, exception_class, messages",
                         CLIENT_ERRORS)
def test_a_client_error_raises_its_exception_with_a_full_message(
    oauth: BigcommerceApi,
    sleeps: Any,
    cassette_path: str,
    call: Callable[[OAuthConnection], Any],
    request_line: str,
    status: int,
    reason: str,
    exception_class: type[HttpException],
    messages: list[str],
) -> None:
    with replay.use_cassette(cassette_path, allow_playback_repeats=True) as cassette:
        with pytest.raises(ClientRequestException) as caught:
            call(oauth.connection)

    error = caught.value
    assert type(error) is exception_class
    assert error.status_code == status
    assert error.errors == messages
    text = str(error)
    assert f"{request_line} -> {status} {reason}" in text
    for message in messages:
        assert message in text
    assert_no_secret_in(error)
    assert cassette.play_count == 1
    assert sleeps.waits == []


def test_a_400_whose_body_says_404_is_judged_by_its_http_status(oauth: BigcommerceApi) -> None:
    with replay.use_cassette("interface/bad_request_400.yaml"):
        with pytest.raises(ClientRequestException) as caught:
            oauth.connection.update("orders/100/shipping_addresses", 1, {"item_total": 2})

    assert not isinstance(caught.value, ResourceNotFound)
    assert json.loads(caught.value.content)[0]["status"] == 404


def test_the_413_body_keeps_its_details(oauth: BigcommerceApi) -> None:
    with replay.use_cassette("interface/limit_too_large_413.yaml"):
        with pytest.raises(ClientRequestException) as caught:
            oauth.connection.get("products", limit=300)

    assert json.loads(caught.value.content)[0]["details"] == {"max_limit": 250}


def test_a_401_raises_unauthorised_without_the_password(basic: Connection) -> None:
    with replay.use_cassette("interface/unauthorised_401.yaml") as cassette:
        with pytest.raises(Unauthorised) as caught:
            basic.get("time")

    error = caught.value
    assert isinstance(error, ClientRequestException)
    assert error.status_code == 401
    assert error.headers["WWW-Authenticate"].startswith("Basic")
    assert "GET /time -> 401 Unauthorized: No credentials were supplied in the request." in str(error)
    assert_no_secret_in(error)
    assert cassette.play_count == 1


# -- 429 ----------------------------------------------------------------------------------------------


def test_a_429_beyond_the_longest_wait_raises_with_retry_after_in_seconds(sleeps: Any) -> None:
    impatient = BigcommerceApi(client_id="test-client-id", store_hash="abc123", access_token=TOKEN,
                               retry=RetryPolicy(sleep=sleeps, jitter=False), max_rate_limit_wait=0.001)

    with replay.use_cassette("interface/rate_limited_429.yaml", allow_playback_repeats=True) as cassette:
        with pytest.raises(RateLimitingException) as caught:
            impatient.connection.get("orders")

    error = caught.value
    assert isinstance(error, ClientRequestException)
    assert error.status_code == 429
    assert error.retry_after == 1.5
    assert "GET /orders -> 429 Too Many Requests" in str(error)
    assert_no_secret_in(error)
    assert cassette.play_count == 1
    assert sleeps.waits == []


def test_a_legacy_429_reads_x_retry_after_in_seconds(sleeps: Any) -> None:
    impatient = BigcommerceApi(client_id="test-client-id", store_hash="abc123", access_token=TOKEN,
                               retry=RetryPolicy(sleep=sleeps, jitter=False), max_rate_limit_wait=0.001)

    with replay.use_cassette("interface/rate_limited_429_retry_after.yaml", allow_playback_repeats=True) as cassette:
        with pytest.raises(RateLimitingException) as caught:
            impatient.connection.get("orders")

    assert caught.value.retry_after == 5.0
    assert cassette.play_count == 1


def test_a_429_is_retried_once_the_window_refills(oauth: BigcommerceApi) -> None:
    with replay.use_cassette("interface/rate_limited_then_ok.yaml") as cassette:
        assert oauth.connection.get("time") == {"time": 1529512970}

    assert cassette.all_played
    assert cassette.play_count == 2


def test_a_429_on_a_post_is_retried_because_nothing_was_processed(oauth: BigcommerceApi) -> None:
    shipment = {"tracking_number": "EJ958083578UK", "order_address_id": "128",
                "items": [{"order_product_id": 194, "product_id": 0, "quantity": 1}]}

    with replay.use_cassette("interface/rate_limited_post_then_created.yaml") as cassette:
        created = oauth.connection.create("orders/228/shipments", shipment)

    assert created.id == 11
    assert cassette.all_played


def test_a_store_that_keeps_answering_429_is_given_up_on(oauth: BigcommerceApi) -> None:
    with replay.use_cassette("interface/rate_limited_429_forever.yaml") as cassette:
        with pytest.raises(RateLimitingException) as caught:
            oauth.connection.get("orders")

    assert caught.value.status_code == 429
    assert 1 < cassette.play_count <= 1 + MAX_RATE_LIMIT_RETRIES


def test_the_wait_after_a_429_goes_through_the_retry_policys_sleep(oauth: BigcommerceApi, sleeps: Any) -> None:
    with replay.use_cassette("interface/rate_limited_then_ok.yaml"):
        oauth.connection.get("time")

    assert len(sleeps.waits) == 1
    assert sleeps.waits[0] == pytest.approx(0.02, abs=0.015)


class FakeClock:
    """A monotonic clock that only moves when told to, or when something sleeps on it."""

    def __init__(self) -> None:
        self.now = 0.0
        self.waits: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.now += seconds


def test_after_an_idle_spell_a_429_is_waited_out_only_until_the_stores_refill(oauth: BigcommerceApi) -> None:
    clock = FakeClock()
    oauth.connection.rate_limiter = RateLimiter(clock=clock, sleep=clock.sleep)

    with replay.use_cassette("interface/rate_limit_after_idle.yaml") as cassette:
        clock.now = 5.0
        oauth.connection.get("time")
        clock.now = 50.0
        oauth.connection.get("time")
        clock.now = 55.0
        order = oauth.connection.get("orders", 218)

    assert order.id == 218
    assert cassette.all_played
    assert sum(clock.waits) == pytest.approx(5.0, abs=0.5)


# -- 5xx -----------------------------------------------------------------------------------------------

SERVER_ERRORS = [
    pytest.param(500, "Internal Server Error", ["An internal error occurred."], "An internal error occurred.",
                 id="500"),
    pytest.param(502, "Bad Gateway", [], "<html><head><title>502 Bad Gateway", id="502"),
    pytest.param(503, "Service Unavailable", ["The store is down for maintenance."],
                 "The store is down for maintenance.", id="503"),
    pytest.param(504, "Gateway Timeout", [], "<html><head><title>504 Gateway Time-out", id="504"),
]


@pytest.mark.parametrize("status, reason, messages, quoted", SERVER_ERRORS)
def test_a_get_failing_with_5xx_is_retried_three_times_then_raises_server_exception(
    oauth: BigcommerceApi, sleeps: Any, status: int, reason: str, messages: list[str], quoted: str
) -> None:
    with replay.use_cassette(f"interface/server_{status}.yaml", allow_playback_repeats=True) as cassette:
        with pytest.raises(ServerException) as caught:
            oauth.connection.get("orders", 218)

    error = caught.value
    assert error.status_code == status
    assert error.errors == messages
    assert f"GET /orders/218 -> {status} {reason}" in str(error)
    assert quoted in str(error)
    assert_no_secret_in(error)
    assert cassette.play_count == 4
    assert sleeps.waits == [0.5, 1.0, 2.0]


def test_a_post_failing_with_500_is_sent_exactly_once(oauth: BigcommerceApi, sleeps: Any) -> None:
    shipment = {"tracking_number": "EJ958083578UK", "order_address_id": "128",
                "items": [{"order_product_id": 194, "product_id": 0, "quantity": 1}]}

    with replay.use_cassette("interface/server_500_post.yaml", allow_playback_repeats=True) as cassette:
        with pytest.raises(ServerException) as caught:
            oauth.connection.create("orders/228/shipments", shipment)

    assert caught.value.status_code == 500
    assert "POST /orders/228/shipments -> 500 Internal Server Error" in str(caught.value)
    assert cassette.play_count == 1
    assert sleeps.waits == []


# -- a body that is not JSON -------------------------------------------------------------------------------


def test_a_200_that_is_not_json_raises_response_decode_error_quoting_the_body(oauth: BigcommerceApi) -> None:
    with replay.use_cassette("interface/not_json_200.yaml") as cassette:
        with pytest.raises(ResponseDecodeError) as caught:
            oauth.connection.get("orders", 218)

    error = caught.value
    assert isinstance(error, HttpException)
    assert error.status_code == 200
    assert "GET /orders/218 -> 200 OK" in str(error)
    assert "<!DOCTYPE html><html><head><title>Store maintenance" in str(error)
    assert error.content.startswith(b"<!DOCTYPE html>")
    assert_no_secret_in(error)
    assert cassette.play_count == 1


# -- no response at all -------------------------------------------------------------------------------------


class FailingSession(requests.Session):
    """Every send fails the way ``error`` says; counts the attempts."""

    def __init__(self, error: Exception) -> None:
        super().__init__()
        self.error = error
        self.attempts = 0

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
        self.attempts += 1
        raise self.error


def test_a_dropped_connection_on_get_is_retried_then_raises_connection_failed(sleeps: Any) -> None:
    session = FailingSession(requests.ConnectionError("Connection reset by peer"))
    conn = OAuthConnection("test-client-id", "abc123", TOKEN, session=session,
                           retry=RetryPolicy(sleep=sleeps, jitter=False))

    with pytest.raises(ConnectionFailed) as caught:
        conn.get("orders", 218)

    assert caught.value.method == "GET"
    assert caught.value.path == "/orders/218"
    assert session.attempts == 4
    assert sleeps.waits == [0.5, 1.0, 2.0]
    assert_no_secret_in(caught.value)


def test_a_dropped_connection_on_post_is_not_sent_again(sleeps: Any) -> None:
    session = FailingSession(requests.ConnectionError("Connection reset by peer"))
    conn = OAuthConnection("test-client-id", "abc123", TOKEN, session=session,
                           retry=RetryPolicy(sleep=sleeps, jitter=False))

    with pytest.raises(ConnectionFailed):
        conn.create("orders/228/shipments", {"order_address_id": "128"})

    assert session.attempts == 1


def test_a_refused_connection_on_post_is_retried_because_nothing_left(sleeps: Any) -> None:
    refused = requests.ConnectionError(NewConnectionError(None, "Connection refused"))  # type: ignore[arg-type]
    session = FailingSession(refused)
    conn = OAuthConnection("test-client-id", "abc123", TOKEN, session=session,
                           retry=RetryPolicy(sleep=sleeps, jitter=False))

    with pytest.raises(ConnectionFailed):
        conn.create("orders/228/shipments", {"order_address_id": "128"})

    assert session.attempts == 4
