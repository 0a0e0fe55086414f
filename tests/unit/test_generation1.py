"""Generation 1: the old README's low-level calls, word for word, over basic auth and OAuth.

Every cassette here lists the credential headers its requests must carry; the
``declared_headers`` matcher refuses a request that lacks one, carries another
value, or carries a credential header the cassette leaves out.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from vcr.cassette import Cassette

import bigcommerce
from bigcommerce import exception
from bigcommerce.connection import Connection, OAuthConnection
from bigcommerce.exception import ClientRequestException, HttpException, ResourceNotFound
from bigcommerce.mapping import Mapping
from tests.conftest import checked

CASSETTES = Path(__file__).resolve().parents[2] / "cassettes"

NEW_PRODUCT = {
    "name": "[Sample] Utility Caddy",
    "type": "physical",
    "price": "45.95",
    "categories": [18],
    "availability": "available",
    "weight": "1.00",
}


@pytest.fixture(params=["basic", "oauth"])
def readme(request: pytest.FixtureRequest) -> Iterator[tuple[Connection, Cassette]]:
    """A connection built as the old README built it, inside that walkthrough's cassette."""
    if request.param == "basic":
        conn = Connection("store-abc123.mybigcommerce.com", ("admin", "key"))
    else:
        conn = OAuthConnection("test-client-id", "abc123", "test-access-token")
    with checked.use_cassette(f"connection/readme_{request.param}.yaml") as cassette:
        yield conn, cassette


def _all_subclasses(cls: type) -> set[type]:
    found = set()
    for sub in cls.__subclasses__():
        found |= {sub} | _all_subclasses(sub)
    return found


def test_the_package_exposes_the_connections_and_every_http_exception() -> None:
    import bigcommerce as api

    assert api.Connection is Connection
    assert api.OAuthConnection is OAuthConnection
    assert api.HttpException is HttpException
    subclasses = {cls for cls in _all_subclasses(HttpException) if cls.__module__ == exception.__name__}
    names = {cls.__name__ for cls in subclasses}
    assert {
        "ClientRequestException", "ServerException", "RedirectionException",
        "RateLimitingException", "EmptyResponseWarning",
    } <= names
    for cls in subclasses:
        assert getattr(api, cls.__name__) is cls, cls.__name__


def test_get_with_a_limit_returns_a_list_of_mappings(readme: tuple[Connection, Cassette]) -> None:
    conn, cassette = readme

    products = conn.get("products", limit=5)

    assert isinstance(products, list)
    assert [p.id for p in products] == [32, 34, 35]
    assert all(isinstance(p, Mapping) for p in products)
    assert cassette.play_count == 1


def test_get_by_id_returns_a_mapping_read_by_attribute_or_key(readme: tuple[Connection, Cassette]) -> None:
    conn, _ = readme

    p = conn.get("products", 35)

    assert isinstance(p, Mapping)
    assert p.name == p["name"] == "[Sample] Orbit Terrarium - Large"
    assert p.price == "109.0000"
    assert p.date_created == "Fri, 21 Sep 2012 02:31:01 +0000"
    assert p.images.resource == "/products/35/images"


def test_update_sends_exactly_the_given_fields_as_the_put_body(readme: tuple[Connection, Cassette]) -> None:
    conn, cassette = readme
    p = conn.get("products", 35)

    updated = conn.update("products", p.id, {"name": "Something Else"})

    assert updated.name == "Something Else"
    assert updated.id == 35
    assert cassette.play_count == 2


def test_a_formatted_subresource_path_lists_the_product_images(readme: tuple[Connection, Cassette]) -> None:
    conn, _ = readme
    p = conn.get("products", 35)

    images = conn.get(f"products/{p.id}/images")

    assert [image.id for image in images] == [247, 248]
    assert all(image.product_id == 35 for image in images)
    assert images[0].is_thumbnail is True


def test_create_posts_the_data_and_returns_the_created_product(readme: tuple[Connection, Cassette]) -> None:
    conn, cassette = readme

    created = conn.create("products", NEW_PRODUCT)

    assert created.id == 36
    assert created.price == "45.9500"
    assert cassette.play_count == 1


def test_delete_by_id_returns_none(readme: tuple[Connection, Cassette]) -> None:
    conn, cassette = readme
    p = conn.get("products", 35)

    assert conn.delete("products", p.id) is None
    assert cassette.play_count == 2


def test_a_missing_product_raises_resource_not_found_with_the_response_attached(
    readme: tuple[Connection, Cassette],
) -> None:
    conn, _ = readme

    with pytest.raises(ClientRequestException) as caught:
        conn.get("products", 999)

    error = caught.value
    assert isinstance(error, ResourceNotFound)
    assert error.status_code == 404
    assert error.headers["Content-Type"] == "application/json"
    assert json.loads(error.content) == [{"status": 404, "message": "The requested resource was not found."}]
    assert error.response.status_code == 404
    assert error.errors == ["The requested resource was not found."]


def test_the_whole_walkthrough_uses_every_interaction_in_order(readme: tuple[Connection, Cassette]) -> None:
    conn, cassette = readme

    assert len(conn.get("products", limit=5)) == 3
    p = conn.get("products", 35)
    conn.update("products", p.id, {"name": "Something Else"})
    conn.get(f"products/{p.id}/images")
    conn.create("products", NEW_PRODUCT)
    conn.delete("products", p.id)
    with pytest.raises(ResourceNotFound):
        conn.get("products", 999)

    assert cassette.all_played
    assert cassette.play_count == 7


def test_fetch_token_exchanges_the_code_and_later_requests_carry_the_new_token() -> None:
    conn = OAuthConnection("test-client-id", "abc123")

    with checked.use_cassette("oauth/fetch_token.yaml") as cassette:
        token = conn.fetch_token(
            "test-client-secret",
            "qr6h3thvbvag2ffq",
            "stores/abc123",
            "store_v2_orders store_v2_products",
            "https://app.example.com/bigcommerce/auth",
            "https://login.bigcommerce.com/oauth2/token",
        )
        now = conn.get("time")

    assert token["access_token"] == "exchanged-token-4b1e9"
    assert token["context"] == "stores/abc123"
    assert token["user"]["email"] == "merchant@example.com"
    assert now == {"time": 1529512970}
    assert cassette.all_played


def test_verify_payload_is_called_on_the_class_as_before() -> None:
    secret = "app-client-secret-3f9d2c7a1e5b4d60"
    body = json.dumps({"user": {"id": 24654, "email": "merchant@example.com"}, "store_hash": "abc123"}).encode()
    digest = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest().encode()
    signed_payload = base64.b64encode(body).decode() + "." + base64.b64encode(digest).decode()

    assert OAuthConnection.verify_payload(signed_payload, secret) == json.loads(body)
    assert OAuthConnection.verify_payload(signed_payload, secret + "x") is False
    assert bigcommerce.OAuthConnection.verify_payload is OAuthConnection.verify_payload
