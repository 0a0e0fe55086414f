"""The v3 client's cart, checkout and wishlist classes against the sandbox over loopback.

Each test runs on a private store and checks what the client's calls changed through the
client itself (carts and wishlists are state-only: no v2 resource shows them).
"""
from __future__ import annotations

from typing import Any, Callable

import pytest

from bigcommerce.api import BigcommerceApi
from bigcommerce.exception import ClientRequestException, ResourceNotFound
from bigcommerce.sandbox import Sandbox
from bigcommerce.v3 import (
    CartItems,
    Carts,
    CheckoutBillingAddress,
    CheckoutConsignments,
    Checkouts,
    WishlistItems,
    Wishlists,
)

MakeStore = Callable[..., Sandbox]


@pytest.fixture
def store(fresh_sandbox: MakeStore) -> Sandbox:
    return fresh_sandbox(products=3, customers=2, orders=0)


@pytest.fixture
def client(store: Sandbox) -> BigcommerceApi:
    return BigcommerceApi(**store.oauth_kwargs())


def _simple_products(client: BigcommerceApi) -> list[Any]:
    """Products a line item can name without a variant (no option SKUs)."""
    return [client.v3.Products.create(name=f"Plain {n}", type="physical", weight=1, price=price)
            for n, price in ((1, 10), (2, 2.5))]


def test_a_cart_is_created_read_moved_to_a_customer_and_deleted(client: BigcommerceApi) -> None:
    first, second = _simple_products(client)
    created = client.v3.Carts.create(line_items=[{"product_id": first["id"], "quantity": 2},
                                                 {"product_id": second["id"], "quantity": 4}])
    assert isinstance(created, Carts) and created["cart_amount"] == 30 and created["base_amount"] == 30

    fetched = client.v3.Carts.get(created["id"])
    assert fetched["id"] == created["id"] and fetched["version"] == 1

    customer_id = client.Customers.all()[0]["id"]
    moved = fetched.update(customer_id=customer_id)
    assert moved["customer_id"] == customer_id and moved["version"] == 2

    moved.delete()
    with pytest.raises(ResourceNotFound):
        client.v3.Carts.get(created["id"])


def test_cart_items_are_added_updated_and_deleted_through_the_client(client: BigcommerceApi) -> None:
    first, second = _simple_products(client)
    cart = client.v3.Carts.create(line_items=[{"product_id": first["id"], "quantity": 1}])
    added = client.v3.CartItems.create(cart["id"], line_items=[{"product_id": second["id"], "quantity": 2}])
    assert isinstance(added, CartItems) and added["cart_amount"] == 15
    lines = added["line_items"]["physical_items"]

    line = CartItems({"id": lines[1]["id"]}, client.v3.connection, (cart["id"],))
    changed = line.update(line_item={"product_id": second["id"], "quantity": 6}, version=added["version"])
    assert changed["cart_amount"] == 25

    with pytest.raises(ClientRequestException) as stale:
        line.update(line_item={"product_id": second["id"], "quantity": 1}, version=1)
    assert stale.value.status_code == 409

    line.delete()
    left = client.v3.Carts.get(cart["id"])
    assert [item["product_id"] for item in left["line_items"]["physical_items"]] == [first["id"]]
    CartItems({"id": lines[0]["id"]}, client.v3.connection, (cart["id"],)).delete()  # the last one: 204
    with pytest.raises(ResourceNotFound):
        client.v3.Carts.get(cart["id"])


def test_the_checkout_of_a_cart_and_its_billing_address(client: BigcommerceApi) -> None:
    first, _ = _simple_products(client)
    cart = client.v3.Carts.create(line_items=[{"product_id": first["id"], "quantity": 3}])
    checkout = client.v3.Checkouts.get(cart["id"])
    assert isinstance(checkout, Checkouts) and checkout["grand_total"] == 30 and checkout["billing_address"] is None

    with_address = client.v3.CheckoutBillingAddress.create(cart["id"], email="ann@example.com", country_code="US")
    assert isinstance(with_address, CheckoutBillingAddress)
    address = with_address["billing_address"]
    assert address["email"] == "ann@example.com"

    billing = CheckoutBillingAddress({"id": address["id"]}, client.v3.connection, (cart["id"],))
    updated = billing.update(city="Austin")
    assert updated["billing_address"]["city"] == "Austin"
    assert client.v3.Checkouts.get(cart["id"])["cart"]["email"] == "ann@example.com"

    noted = checkout.update(customer_message="Ring twice")
    assert noted["customer_message"] == "Ring twice"

    order = client.v3.CheckoutOrders.create(cart["id"])
    assert client.Orders.get(order["id"])["status"] == "Incomplete"  # the v2 order the checkout made
    assert client.v3.Checkouts.get(cart["id"])["order_id"] == order["id"]


def test_checkout_consignments_are_created_updated_and_deleted_through_the_client(client: BigcommerceApi) -> None:
    first, _ = _simple_products(client)
    cart = client.v3.Carts.create(line_items=[{"product_id": first["id"], "quantity": 2}])
    line_id = cart["line_items"]["physical_items"][0]["id"]
    address = {"email": "ann@example.com", "country_code": "US", "state_or_province": "Texas", "postal_code": "78751"}
    result = client.v3.CheckoutConsignments.create_many(
        [{"address": address, "line_items": [{"item_id": line_id, "quantity": 2}]}], cart["id"])
    assert not result.failed
    (consignment,) = client.v3.Checkouts.get(cart["id"])["consignments"]
    assert consignment["line_item_ids"] == [line_id]

    shipped = CheckoutConsignments({"id": consignment["id"]}, client.v3.connection, (cart["id"],))
    checkout = shipped.update(custom_shipping={"price": 4.5, "description": "Courier"})
    assert checkout["grand_total"] == 24.5

    with pytest.raises(ClientRequestException) as stale:
        shipped.update(custom_shipping={"price": 1, "description": "Late"}, version=1)
    assert stale.value.status_code == 409
    shipped.delete()
    assert client.v3.Checkouts.get(cart["id"])["consignments"] == []


def test_wishlists_are_created_listed_counted_updated_and_deleted(client: BigcommerceApi) -> None:
    first, second = _simple_products(client)
    customers = client.Customers.all()
    made = client.v3.Wishlists.create(customer_id=customers[0]["id"], name="Gifts",
                                      items=[{"product_id": first["id"]}])
    assert isinstance(made, Wishlists) and [i["product_id"] for i in made["items"]] == [first["id"]]
    client.v3.Wishlists.create(customer_id=customers[1]["id"], name="Other")

    assert [w["name"] for w in client.v3.Wishlists.all(customer_id=customers[0]["id"])] == ["Gifts"]
    assert client.v3.Wishlists.count() == 2
    assert client.v3.Wishlists.get(made["id"])["name"] == "Gifts"

    with_items = client.v3.WishlistItems.create(made["id"], items=[{"product_id": second["id"]}])
    assert isinstance(with_items, WishlistItems) and len(with_items["items"]) == 2
    kept = with_items["items"][1]
    after_delete = WishlistItems({"id": with_items["items"][0]["id"]}, client.v3.connection, (made["id"],))
    after_delete.delete()
    assert client.v3.Wishlists.get(made["id"])["items"] == [kept]

    renamed = client.v3.Wishlists.get(made["id"]).update(customer_id=customers[0]["id"], name="Renamed",
                                                         items=[kept])
    assert renamed["name"] == "Renamed" and renamed["items"] == [kept]

    renamed.delete()
    with pytest.raises(ResourceNotFound):
        client.v3.Wishlists.get(made["id"])


def test_cart_settings_are_read_and_written_through_the_client(client: BigcommerceApi) -> None:
    assert client.v3.CartSettings.get()["allow_purchasing"] is True
    assert client.v3.CartSettings.update(allow_purchasing=False)["allow_purchasing"] is False
    assert client.v3.CartSettingsChannels.get(1)["allow_purchasing"] is None
    assert client.v3.CartSettingsChannels.update(1, allow_purchasing=True)["allow_purchasing"] is True
    assert client.v3.CartSettings.get()["allow_purchasing"] is False


def test_a_carts_metafields_through_the_client(client: BigcommerceApi) -> None:
    first, _ = _simple_products(client)
    made = client.v3.Carts.create(line_items=[{"product_id": first["id"], "quantity": 1}])
    note = client.v3.CartMetafields.create(made["id"], namespace="gift", key="note", value="Hello",
                                           permission_set="write")
    assert note["resource_id"] == made["id"]
    assert [m["value"] for m in client.v3.CartMetafields.all(made["id"])] == ["Hello"]
    assert note.update(value="Bye")["value"] == "Bye"
    note.delete()
    assert client.v3.CartMetafields.all(made["id"]) == []
