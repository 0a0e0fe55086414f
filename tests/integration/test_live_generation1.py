"""The first generation's low-level interface, call by call, over basic auth and OAuth.

Every call of README.rst "Low-level interface" runs against the sandbox over
loopback HTTP: ``Connection``/``OAuthConnection`` ``get``, ``create``,
``update``, ``delete`` and ``make_request``, and ``api.connection`` of the facade.
"""
from __future__ import annotations

from typing import Any

import pytest

import bigcommerce
import bigcommerce as api_module
from bigcommerce.api import BigcommerceApi
from bigcommerce.connection import Connection, OAuthConnection
from bigcommerce.exception import (
    ClientRequestException,
    EmptyResponseWarning,
    HttpException,
    MethodNotAllowed,
    ResourceNotFound,
)
from bigcommerce.mapping import Mapping
from bigcommerce.sandbox import Sandbox


def product_data(sandbox: Sandbox, name: str = "Low-level Kettle") -> dict[str, Any]:
    category = sandbox.store.dump()["categories"][0]["id"]
    return {"name": name, "type": "physical", "price": "49.99", "categories": [category],
            "availability": "available", "weight": 1.2}


def stored_product(sandbox: Sandbox, product_id: int) -> dict[str, Any] | None:
    return next((row for row in sandbox.store.dump()["products"] if row["id"] == product_id), None)


# -- the README's walk-through, on both connections -------------------------------------


def test_the_readme_constructor_takes_a_host_and_a_username_token_pair(sandbox: Sandbox) -> None:
    conn = api_module.Connection(sandbox.base_url, (sandbox.username, sandbox.api_token))

    assert conn.full_path("products") == f"{sandbox.base_url}/api/v2/products"
    assert len(conn.get("products", limit=5)) == 5


def test_get_with_a_limit_returns_a_list_of_that_many_mappings(any_conn: Connection) -> None:
    products = any_conn.get("products", limit=5)

    assert isinstance(products, list) and len(products) == 5
    assert all(isinstance(p, Mapping) for p in products)
    assert [p.id for p in products] == [1, 2, 3, 4, 5]


def test_get_with_an_id_returns_one_mapping_readable_by_key_and_attribute(any_conn: Connection) -> None:
    p = any_conn.get("products", 35)

    assert isinstance(p, Mapping)
    assert p.id == p["id"] == 35
    assert p.name == p["name"] and p.name


def test_update_changes_the_field_at_the_store_and_returns_the_updated_object(
    any_conn: Connection, sandbox: Sandbox
) -> None:
    p = any_conn.get("products", 35)

    updated = any_conn.update("products", p.id, {"name": "Something Else"})

    assert updated.id == 35 and updated.name == "Something Else"
    assert any_conn.get("products", 35).name == "Something Else"
    assert stored_product(sandbox, 35)["name"] == "Something Else"


def test_get_of_a_subresource_path_lists_the_products_images(any_conn: Connection, sandbox: Sandbox) -> None:
    p = any_conn.get("products", 35)

    images = any_conn.get(f"products/{p.id}/images")

    expected = [row["id"] for row in sandbox.store.dump()["product_images"] if row["product_id"] == 35]
    assert [image.id for image in images] == expected and expected
    assert all(image.product_id == 35 for image in images)


def test_create_returns_the_new_object_and_delete_returns_none(any_conn: Connection, sandbox: Sandbox) -> None:
    data = product_data(sandbox)

    created = any_conn.create("products", data)

    assert isinstance(created, Mapping) and created.name == "Low-level Kettle"
    assert created.price == "49.9900"
    assert stored_product(sandbox, created.id) is not None
    assert any_conn.delete("products", created.id) is None
    assert stored_product(sandbox, created.id) is None
    with pytest.raises(ResourceNotFound):
        any_conn.get("products", created.id)


def test_a_missing_id_raises_client_request_exception_with_status_headers_and_content(any_conn: Connection) -> None:
    with pytest.raises(api_module.ClientRequestException) as caught:
        any_conn.get("products", 999)

    e = caught.value
    assert e.status_code == 404
    assert e.headers["Content-Type"] == "application/json"
    assert "X-Rate-Limit-Requests-Left" in e.headers
    assert e.content == b'[{"status":404,"message":"The requested resource was not found."}]'


def test_the_readme_oauth_constructor_defaults_to_the_bigcommerce_api_host() -> None:
    conn = api_module.OAuthConnection("client-id", "abc123", "token")  # built, never called

    assert conn.full_path("products") == "https://api.bigcommerce.com/stores/abc123/v2/products"
    assert "token" not in repr(conn)


def test_an_oauth_connection_with_a_host_reaches_the_stores_oauth_path(
    oauth_conn: OAuthConnection, sandbox: Sandbox
) -> None:
    assert oauth_conn.get("products", 1).id == 1
    assert sandbox.stats.count("GET", "products/1") == 1
    assert oauth_conn.full_path("products") == f"{sandbox.api_url}/products"


# -- 204s and None ----------------------------------------------------------------------


def test_get_past_the_last_page_raises_empty_response_warning(any_conn: Connection) -> None:
    with pytest.raises(EmptyResponseWarning) as caught:
        any_conn.get("products", page=100, limit=50)

    assert caught.value.status_code == 204
    assert isinstance(caught.value, HttpException)


def test_get_with_a_filter_matching_nothing_raises_empty_response_warning(any_conn: Connection) -> None:
    with pytest.raises(EmptyResponseWarning):
        any_conn.get("products", name="No product has this name")


def test_create_answered_204_raises_empty_response_warning(any_conn: Connection, sandbox: Sandbox) -> None:
    with pytest.raises(EmptyResponseWarning) as caught:
        any_conn.create("shipping/carrier/connection", {"carrier_id": "usps", "connection": {"key": "k"}})

    assert caught.value.status_code == 204
    assert sandbox.store.dump()["carrier_connections"] == {"usps": {"key": "k"}}


def test_delete_of_a_collection_path_returns_none(any_conn: Connection, sandbox: Sandbox) -> None:
    image = sandbox.store.dump()["product_images"][-1]

    assert any_conn.delete(f"products/{image['product_id']}/images") is None
    assert not [row for row in sandbox.store.dump()["product_images"] if row["product_id"] == image["product_id"]]


# -- ids and URLs are checked before any request ----------------------------------------------


def test_delete_with_id_zero_deletes_product_zero_not_the_collection(any_conn: Connection, sandbox: Sandbox) -> None:
    before = len(sandbox.store.dump()["products"])

    with pytest.raises(ResourceNotFound):
        any_conn.delete("products", 0)

    assert sandbox.stats.count("DELETE", "products/0") == 1
    assert sandbox.stats.count("DELETE", "products") == 0
    assert len(sandbox.store.dump()["products"]) == before


@pytest.mark.parametrize("rid", ["1/../customers", "1?x=y", "../products"])
def test_an_id_that_is_not_a_plain_token_raises_before_any_request(
    any_conn: Connection, sandbox: Sandbox, rid: str
) -> None:
    with pytest.raises(ValueError):
        any_conn.get("products", rid)
    with pytest.raises(ValueError):
        any_conn.delete("products", rid)

    assert sandbox.stats.total == 0


def test_an_absolute_url_on_the_connections_own_api_is_accepted(oauth_conn: OAuthConnection, sandbox: Sandbox) -> None:
    product = oauth_conn.get(f"{sandbox.api_url}/products/2")

    assert product.id == 2


def test_an_absolute_url_on_another_host_is_refused_before_any_request(
    any_conn: Connection, sandbox: Sandbox
) -> None:
    with pytest.raises(ValueError, match="credentials are never sent elsewhere"):
        any_conn.get("http://127.0.0.2:9/api/v2/products")

    assert sandbox.stats.total == 0


# -- api.connection of the facade ------------------------------------------------------------


def test_api_connection_get_time_returns_the_stores_clock(any_api: BigcommerceApi, sandbox: Sandbox) -> None:
    before = sandbox.store.now()

    answer = any_api.connection.get("time")

    assert isinstance(answer, Mapping)
    assert before <= answer["time"] <= sandbox.store.now()
    assert sandbox.stats.count("GET", "time") == 1


def test_api_connection_is_a_first_generation_connection_of_the_right_kind(
    api: BigcommerceApi, basic_api: BigcommerceApi
) -> None:
    assert type(api.connection) is OAuthConnection
    assert type(basic_api.connection) is Connection
    assert isinstance(api.connection, bigcommerce.Connection)


def test_api_connection_create_update_delete_round_trip(any_api: BigcommerceApi, sandbox: Sandbox) -> None:
    created = any_api.connection.create("brands", {"name": "Low Level Brand"})
    assert created.name == "Low Level Brand"

    updated = any_api.connection.update("brands", created.id, {"page_title": "Low level"})
    assert updated.page_title == "Low level" and updated.name == "Low Level Brand"

    assert any_api.connection.delete("brands", created.id) is None
    with pytest.raises(ResourceNotFound):
        any_api.connection.get("brands", created.id)


def test_make_request_get_with_params_returns_the_parsed_list(any_api: BigcommerceApi, sandbox: Sandbox) -> None:
    products = any_api.connection.make_request("GET", "products", None, {"limit": 3, "page": 2})

    assert [p.id for p in products] == [4, 5, 6]
    assert sandbox.stats.count("GET", "products") == 1


def test_make_request_post_put_delete_round_trip(any_api: BigcommerceApi) -> None:
    made = any_api.connection.make_request("POST", "categories", {"name": "Made by make_request"})
    assert made.name == "Made by make_request"

    changed = any_api.connection.make_request("PUT", f"categories/{made.id}", {"name": "Changed"})
    assert changed.name == "Changed"

    assert any_api.connection.make_request("DELETE", f"categories/{made.id}") is None
    with pytest.raises(ResourceNotFound):
        any_api.connection.make_request("GET", f"categories/{made.id}")


def test_make_request_returns_none_for_a_204_instead_of_raising(any_api: BigcommerceApi) -> None:
    assert any_api.connection.make_request("GET", "products", params={"page": 1000}) is None


def test_make_request_with_a_method_the_path_lacks_raises_method_not_allowed(api: BigcommerceApi) -> None:
    with pytest.raises(MethodNotAllowed) as caught:
        api.connection.make_request("PUT", "orders")

    assert caught.value.status_code == 405
    assert isinstance(caught.value, ClientRequestException)
