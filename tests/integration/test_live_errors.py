"""Errors built from real sandbox responses: the right class, the whole response, and never a secret."""
from __future__ import annotations

import base64
import json
import time
from typing import Any, Callable

import pytest
import requests

import bigcommerce
from bigcommerce.api import BigcommerceApi
from bigcommerce.connection import Connection, OAuthConnection
from bigcommerce.exception import (
    AccessForbidden,
    BigcommerceError,
    ClientRequestException,
    ConnectionFailed,
    EmptyResponseWarning,
    HttpException,
    MethodNotAllowed,
    RedirectionException,
    RequestTimeout,
    ResourceNotFound,
    ResponseDecodeError,
    ServerException,
    TransportError,
    Unauthorised,
)
from bigcommerce.retry import RetryPolicy
from bigcommerce.sandbox import FaultRule, Sandbox

NOT_FOUND = "The requested resource was not found."


def no_retry_api(sandbox: Sandbox, **options: Any) -> BigcommerceApi:
    return BigcommerceApi(**sandbox.oauth_kwargs(), retry=RetryPolicy.none(), **options)


def product_fields(sandbox: Sandbox, **overrides: Any) -> dict[str, Any]:
    fields = {"name": "Error Kettle", "type": "physical", "price": "10.00",
              "categories": [sandbox.store.dump()["categories"][0]["id"]], "availability": "available",
              "weight": 1}
    fields.update(overrides)
    return fields


# -- 404 ------------------------------------------------------------------------------------------


def test_a_missing_product_raises_resource_not_found_carrying_the_whole_response(
    any_api: BigcommerceApi,
) -> None:
    with pytest.raises(bigcommerce.ResourceNotFound) as caught:
        any_api.Products.get(999)

    e = caught.value
    assert (e.status_code, e.errors) == (404, [NOT_FOUND])
    assert e.headers["Content-Type"] == "application/json"
    assert int(e.headers["X-Rate-Limit-Requests-Left"]) > 0
    assert json.loads(e.content) == [{"status": 404, "message": NOT_FOUND}]
    assert isinstance(e.response, requests.Response) and e.response.status_code == 404
    assert isinstance(e, ClientRequestException) and isinstance(e, HttpException)
    assert isinstance(e, BigcommerceError)


def test_the_404_message_names_the_method_path_status_reason_and_api_message(api: BigcommerceApi) -> None:
    with pytest.raises(ResourceNotFound) as caught:
        api.Products.get(999)

    assert str(caught.value) == f"GET /products/999 -> 404 Not Found: {NOT_FOUND}"


def test_a_missing_subresource_parent_raises_resource_not_found(any_api: BigcommerceApi) -> None:
    with pytest.raises(ResourceNotFound):
        any_api.ProductImages.all(999_999)
    with pytest.raises(ResourceNotFound):
        any_api.ProductImages.get(1, 999_999)


def test_id_zero_is_product_zero_never_the_whole_collection(api: BigcommerceApi, sandbox: Sandbox) -> None:
    with pytest.raises(ResourceNotFound):
        api.Products.get(0)

    assert sandbox.stats.count("GET", "products/0") == 1
    assert sandbox.stats.count("GET", "products") == 0


@pytest.mark.parametrize("bad_id", ["1/../customers", "1?x=y", "1 2", None, 1.5, True])
def test_an_id_that_is_not_an_int_or_a_plain_token_raises_before_any_request(
    api: BigcommerceApi, sandbox: Sandbox, bad_id: Any
) -> None:
    with pytest.raises((ValueError, TypeError)):
        api.Products.get(bad_id)
    with pytest.raises((ValueError, TypeError)):
        api.ProductImages.all(bad_id)

    assert sandbox.stats.total == 0


# -- 400: validation -------------------------------------------------------------------------------


def test_a_product_without_a_name_is_refused_with_a_400_naming_the_field(
    any_api: BigcommerceApi, sandbox: Sandbox
) -> None:
    fields = product_fields(sandbox)
    del fields["name"]
    before = len(sandbox.store.dump()["products"])

    with pytest.raises(ClientRequestException) as caught:
        any_api.Products.create(**fields)

    e = caught.value
    assert type(e) is ClientRequestException and e.status_code == 400
    assert e.errors == ["The required field 'name' was not supplied."]
    assert "'name'" in str(e) and "POST /products -> 400 Bad Request" in str(e)
    assert json.loads(e.content)[0]["details"]["invalid_reason"]
    assert len(sandbox.store.dump()["products"]) == before


def test_the_low_level_create_without_a_name_raises_the_same_400(conn: Connection, sandbox: Sandbox) -> None:
    fields = product_fields(sandbox)
    del fields["name"]

    with pytest.raises(ClientRequestException) as caught:
        conn.create("products", fields)

    assert caught.value.status_code == 400 and "name" in caught.value.errors[0]


def test_a_field_of_the_wrong_type_is_refused_naming_the_field(api: BigcommerceApi, sandbox: Sandbox) -> None:
    with pytest.raises(ClientRequestException) as caught:
        api.Products.create(**product_fields(sandbox, price="cheap"))

    assert caught.value.status_code == 400
    assert caught.value.errors == ["The field 'price' is invalid."]


def test_a_filter_of_the_wrong_type_is_refused_with_a_400(api: BigcommerceApi) -> None:
    with pytest.raises(ClientRequestException) as caught:
        api.Products.all(min_price="cheap")

    assert caught.value.status_code == 400 and "min_price" in str(caught.value)


# -- 403, 405, 409, 413 -----------------------------------------------------------------------------------


def test_more_than_1000_categories_raises_access_forbidden(api: BigcommerceApi, sandbox: Sandbox) -> None:
    with pytest.raises(AccessForbidden) as caught:
        api.Products.create(**product_fields(sandbox, categories=list(range(1, 1002))))

    assert caught.value.status_code == 403


def test_a_method_the_path_lacks_raises_method_not_allowed(any_api: BigcommerceApi) -> None:
    with pytest.raises(MethodNotAllowed) as caught:
        any_api.connection.make_request("PUT", "orders")

    e = caught.value
    assert e.status_code == 405 and isinstance(e, ClientRequestException)
    assert str(e).startswith("PUT /orders -> 405 Method Not Allowed")


def test_deleting_a_category_that_products_need_raises_a_409(api: BigcommerceApi, sandbox: Sandbox) -> None:
    category = sandbox.store.dump()["products"][0]["categories"][0]

    with pytest.raises(ClientRequestException) as caught:
        api.Categories.get(category).delete()

    assert caught.value.status_code == 409
    assert api.Categories.get(category).id == category


def test_a_limit_above_250_sent_by_the_low_level_interface_is_a_413(any_api: BigcommerceApi) -> None:
    with pytest.raises(ClientRequestException) as caught:
        any_api.connection.get("products", limit=300)

    e = caught.value
    assert e.status_code == 413 and type(e) is ClientRequestException
    assert e.errors == ["The specified limit exceeds the maximum allowed."]
    assert json.loads(e.content)[0]["details"] == {"max_limit": 250}


# -- 401 -------------------------------------------------------------------------------------------------


def test_a_wrong_access_token_raises_unauthorised_without_the_token(sandbox: Sandbox) -> None:
    wrong = "wrong-token-" + sandbox.access_token[::-1]
    api = BigcommerceApi(client_id=sandbox.client_id, store_hash=sandbox.store_hash, access_token=wrong,
                         host=sandbox.base_url)

    with pytest.raises(Unauthorised) as caught:
        api.Products.all()

    e = caught.value
    assert e.status_code == 401 and isinstance(e, ClientRequestException)
    assert e.errors == ["The access token is invalid or has been revoked."]
    shown = str(e) + repr(e) + repr(e.args)
    assert wrong not in shown and sandbox.access_token not in shown


def test_a_wrong_basic_password_raises_unauthorised_without_the_password(sandbox: Sandbox) -> None:
    wrong = "wrong-" + sandbox.api_token
    api = BigcommerceApi(host=sandbox.base_url, basic_auth=(sandbox.username, wrong))

    with pytest.raises(Unauthorised) as caught:
        api.Products.count()

    e = caught.value
    assert e.status_code == 401
    assert e.headers["WWW-Authenticate"].startswith("Basic")
    shown = str(e) + repr(e) + repr(e.args)
    encoded = base64.b64encode(f"{sandbox.username}:{wrong}".encode()).decode()
    for secret in (wrong, sandbox.api_token, encoded):
        assert secret not in shown


def test_a_wrong_basic_username_raises_unauthorised(sandbox: Sandbox) -> None:
    conn = Connection(sandbox.base_url, ("intruder", sandbox.api_token))

    with pytest.raises(Unauthorised):
        conn.get("time")


def test_an_oauth_connection_without_a_token_raises_unauthorised(sandbox: Sandbox) -> None:
    conn = OAuthConnection(sandbox.client_id, sandbox.store_hash, host=sandbox.base_url)

    with pytest.raises(Unauthorised) as caught:
        conn.get("products", limit=1)

    assert caught.value.errors == ["No access token was supplied (X-Auth-Token header)."]


def test_a_wrong_store_hash_raises_resource_not_found(sandbox: Sandbox) -> None:
    api = BigcommerceApi(client_id=sandbox.client_id, store_hash="notmystore", access_token=sandbox.access_token,
                         host=sandbox.base_url)

    with pytest.raises(ResourceNotFound) as caught:
        api.Time.all()

    assert caught.value.errors == ["The requested store was not found."]


# -- 5xx and other answers from sb.faults --------------------------------------------------------------------


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_a_5xx_raises_server_exception_and_is_not_retried_with_retries_off(
    sandbox: Sandbox, status: int
) -> None:
    sandbox.faults.add(FaultRule(kind="status", status=status, path="products/1", times=1))
    api = no_retry_api(sandbox)

    with pytest.raises(ServerException) as caught:
        api.Products.get(1)

    e = caught.value
    assert e.status_code == status and isinstance(e, HttpException)
    assert not isinstance(e, ClientRequestException)
    assert sandbox.stats.count("GET", "products/1") == 1
    assert api.Products.get(1).id == 1  # the fault was used up


def test_a_5xx_html_page_raises_server_exception_quoting_the_body(sandbox: Sandbox) -> None:
    page = b"<html><body><h1>502 Bad Gateway</h1></body></html>"
    sandbox.faults.add(FaultRule(kind="status", status=502, path="orders", body=page, content_type="text/html"))

    with pytest.raises(ServerException) as caught:
        no_retry_api(sandbox).Orders.all()

    assert caught.value.content == page
    assert caught.value.errors == []
    assert "502 Bad Gateway" in str(caught.value)


def test_a_5xx_on_a_create_is_never_sent_twice_even_with_default_retries(sandbox: Sandbox) -> None:
    sandbox.faults.add(FaultRule(kind="status", status=500, method="POST", path="brands", times=1))
    api = BigcommerceApi(**sandbox.oauth_kwargs())

    with pytest.raises(ServerException):
        api.Brands.create(name="Only once")

    assert sandbox.stats.count("POST", "brands") == 1


def test_a_redirect_is_not_followed_and_raises_redirection_exception(sandbox: Sandbox) -> None:
    sandbox.faults.add(FaultRule(kind="redirect", status=301, path="store", location="https://elsewhere.example/"))

    with pytest.raises(RedirectionException) as caught:
        no_retry_api(sandbox).Store.all()

    assert caught.value.status_code == 301
    assert caught.value.location == "https://elsewhere.example/"
    assert sandbox.stats.total == 1


def test_a_2xx_body_that_is_not_json_raises_response_decode_error(sandbox: Sandbox) -> None:
    sandbox.faults.add(FaultRule(kind="invalid_json", path="time"))

    with pytest.raises(ResponseDecodeError) as caught:
        no_retry_api(sandbox).Time.all()

    assert caught.value.status_code == 200
    assert "not valid JSON" in str(caught.value)


def test_a_204_where_the_low_level_get_wanted_a_body_raises_empty_response_warning(any_api: BigcommerceApi) -> None:
    with pytest.raises(EmptyResponseWarning) as caught:
        any_api.connection.get("products", page=99)

    assert caught.value.status_code == 204 and caught.value.content == b""


# -- no response at all ------------------------------------------------------------------------------------


def test_a_stopped_store_raises_connection_failed_naming_method_and_path(
    fresh_sandbox: Callable[..., Sandbox],
) -> None:
    sb = fresh_sandbox(products=1, customers=0, orders=0)
    api = no_retry_api(sb)
    sb.stop()

    with pytest.raises(ConnectionFailed) as caught:
        api.Products.get(1)

    e = caught.value
    assert isinstance(e, TransportError) and not isinstance(e, HttpException)
    assert (e.method, e.path) == ("GET", "/products/1")
    assert sb.access_token not in str(e)


def test_a_store_that_never_answers_raises_request_timeout(sandbox: Sandbox) -> None:
    sandbox.faults.add(FaultRule(kind="hang", path="products/2", hang_s=0.6))
    api = no_retry_api(sandbox, timeout=(2, 0.2))

    with pytest.raises(RequestTimeout) as caught:
        api.Products.get(2)

    assert (caught.value.method, caught.value.path) == ("GET", "/products/2")
    assert "read timeout" in str(caught.value)
    deadline = time.monotonic() + 5  # let the sandbox release the hung request before the next test
    while sandbox.stats.in_flight and time.monotonic() < deadline:
        time.sleep(0.02)
    assert sandbox.stats.in_flight == 0
