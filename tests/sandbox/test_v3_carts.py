"""v3 carts, checkouts and wishlists over the sandbox's HTTP surface (state-only tables, cart uuids).

Each test cites the section of v3-resources.md (or the spec file) whose rule it checks:
§3.21 carts, §3.23 checkouts, §3.11 wishlists.
"""
from __future__ import annotations

import json
from typing import Any, Callable

import pytest

from bigcommerce.sandbox import Sandbox
from bigcommerce.sandbox.store import Store
from tests.sandbox.v3_http import data, error_of, product_body, size_variants, v2, v3

MakeSandbox = Callable[..., Sandbox]


@pytest.fixture
def sb(make_real_sandbox: MakeSandbox) -> Sandbox:
    return make_real_sandbox()


def product(sb: Sandbox, name: str = "Mug", price: float = 12.5, **fields: Any) -> dict[str, Any]:
    return data(v3(sb, "POST", "catalog/products", json=product_body(name, price=price, **fields)))  # type: ignore[no-any-return]


def customer(sb: Sandbox, email: str = "ann@example.com") -> dict[str, Any]:
    answer = v2(sb, "POST", "customers", json={"first_name": "Ann", "last_name": "Lee", "email": email})
    assert answer.status_code == 201, answer.text
    return answer.json()  # type: ignore[no-any-return]


def cart(sb: Sandbox, *lines: dict[str, Any], params: dict[str, str] | None = None, **fields: Any) -> dict[str, Any]:
    return data(v3(sb, "POST", "carts", params=params, json={"line_items": list(lines), **fields}), 201)  # type: ignore[no-any-return]


def physical(body: dict[str, Any]) -> list[dict[str, Any]]:
    return body["line_items"]["physical_items"]  # type: ignore[no-any-return]


# -- carts: create and the arithmetic (§3.21, carts.v3.yml Cart_Full) ---------------------------------

def test_a_cart_prices_its_lines_from_the_catalog_and_sums_them(sb: Sandbox) -> None:
    mug, plate = product(sb, "Mug", 12.5), product(sb, "Plate", 3.3)
    made = cart(sb, {"product_id": mug["id"], "quantity": 3}, {"product_id": plate["id"], "quantity": 2})
    assert len(made["id"]) == 36 and made["id"].count("-") == 4  # a uuid
    assert (made["customer_id"], made["channel_id"], made["currency"], made["version"]) == (0, 1, {"code": "USD"}, 1)
    first, second = physical(made)
    assert (first["product_id"], first["quantity"], first["list_price"], first["extended_list_price"]) == (
        mug["id"], 3, 12.5, 37.5)
    assert (second["original_price"], second["sale_price"], second["extended_sale_price"]) == (3.3, 3.3, 6.6)
    assert (made["base_amount"], made["discount_amount"], made["cart_amount"]) == (44.1, 0, 44.1)
    assert made["line_items"]["digital_items"] == [] and isinstance(first["id"], str) and first["id"] != made["id"]


def test_a_sale_price_and_a_list_price_override_change_the_line_price(sb: Sandbox) -> None:
    on_sale = product(sb, "Lamp", 40, sale_price=30)
    made = cart(sb, {"product_id": on_sale["id"], "quantity": 1}, {"product_id": on_sale["id"], "quantity": 2,
                                                                  "list_price": 5})
    sale_line, override = physical(made)
    assert (sale_line["original_price"], sale_line["list_price"]) == (40, 30)
    assert (override["list_price"], override["extended_list_price"]) == (5, 10)
    assert made["cart_amount"] == 40


def test_a_variant_line_takes_the_variant_price_sku_and_options(sb: Sandbox) -> None:
    shirt = data(v3(sb, "POST", "catalog/products", json=product_body(
        "Shirt", price=20, variants=[{**size_variants("S")[0], "price": 22}, *size_variants("M")])))
    small = data(v3(sb, "GET", f"catalog/products/{shirt['id']}/variants"))[0]
    made = cart(sb, {"product_id": shirt["id"], "variant_id": small["id"], "quantity": 2},
                params={"include": "line_items.physical_items.options"})
    line = physical(made)[0]
    assert (line["variant_id"], line["sku"], line["list_price"], made["cart_amount"]) == (small["id"], "V-S", 22, 44)
    assert line["options"] == [{"name": "Size", "nameId": small["option_values"][0]["option_id"], "value": "S",
                                "valueId": small["option_values"][0]["id"]}]
    assert "options" not in physical(data(v3(sb, "GET", f"carts/{made['id']}")))[0]


def test_the_same_line_added_twice_adds_to_its_quantity(sb: Sandbox) -> None:
    mug = product(sb)
    made = cart(sb, {"product_id": mug["id"], "quantity": 1})
    more = data(v3(sb, "POST", f"carts/{made['id']}/items", json={"line_items": [
        {"product_id": mug["id"], "quantity": 2}]}), 201)
    assert [line["quantity"] for line in physical(more)] == [3] and more["cart_amount"] == 37.5


def test_a_missing_product_or_variant_or_a_quantity_below_1_is_a_422(sb: Sandbox) -> None:
    mug = product(sb)
    shirt = data(v3(sb, "POST", "catalog/products", json=product_body("Shirt", variants=size_variants("S", "M"))))
    assert "line_items[0].product_id" in error_of(v3(sb, "POST", "carts", json={"line_items": [
        {"product_id": 999, "quantity": 1}]}), 422)["errors"]
    assert "line_items[0].quantity" in error_of(v3(sb, "POST", "carts", json={"line_items": [
        {"product_id": mug["id"], "quantity": 0}]}), 422)["errors"]
    assert "line_items[0].variant_id" in error_of(v3(sb, "POST", "carts", json={"line_items": [
        {"product_id": mug["id"], "variant_id": 999, "quantity": 1}]}), 422)["errors"]
    assert "line_items[0].variant_id" in error_of(v3(sb, "POST", "carts", json={"line_items": [
        {"product_id": shirt["id"], "quantity": 1}]}), 422)["errors"]  # the product has variants
    assert "line_items" in error_of(v3(sb, "POST", "carts", json={"line_items": []}), 422)["errors"]
    assert "customer_id" in error_of(v3(sb, "POST", "carts", json={"customer_id": 77, "line_items": [
        {"product_id": mug["id"], "quantity": 1}]}), 422)["errors"]


def test_a_cart_of_a_customer_takes_the_customers_email_and_put_changes_the_customer_with_201(sb: Sandbox) -> None:
    mug, ann, bob = product(sb), customer(sb), customer(sb, "bob@example.com")
    made = cart(sb, {"product_id": mug["id"], "quantity": 1}, customer_id=ann["id"], channel_id=1)
    assert (made["customer_id"], made["email"]) == (ann["id"], "ann@example.com")
    moved = data(v3(sb, "PUT", f"carts/{made['id']}", json={"customer_id": bob["id"]}), 201)
    assert (moved["customer_id"], moved["email"], moved["version"]) == (bob["id"], "bob@example.com", 2)
    assert "channel_id" in error_of(v3(sb, "POST", "carts", json={"channel_id": 42, "line_items": [
        {"product_id": mug["id"], "quantity": 1}]}), 422)["errors"]


def test_get_an_unknown_cart_is_a_404_without_a_body_and_delete_answers_204(sb: Sandbox) -> None:
    made = cart(sb, {"product_id": product(sb)["id"], "quantity": 1})
    assert data(v3(sb, "GET", f"carts/{made['id']}"))["id"] == made["id"]
    assert v3(sb, "DELETE", f"carts/{made['id']}").status_code == 204
    missing = v3(sb, "GET", f"carts/{made['id']}")
    assert missing.status_code == 404 and missing.content == b""
    error_of(v3(sb, "DELETE", f"carts/{made['id']}"), 404)
    error_of(v3(sb, "POST", f"carts/{made['id']}/items", json={"line_items": []}), 404)


def test_a_cart_expires_30_days_after_its_last_change(sb: Sandbox) -> None:
    now = [1_700_000_000.0]
    store = Store(store_hash=sb.store.store_hash, clock=lambda: now[0])
    store.load(json.loads(json.dumps(sb.store.dump())))
    mug = json.loads(store.handle_v3("POST", "catalog/products", {}, product_body("Mug")).body)["data"]
    made = json.loads(store.handle_v3("POST", "carts", {}, {"line_items": [
        {"product_id": mug["id"], "quantity": 1}]}).body)["data"]
    now[0] += 29 * 86400
    line_id = physical(made)[0]["id"]
    assert store.handle_v3("PUT", f"carts/{made['id']}/items/{line_id}", {}, {
        "line_item": {"product_id": mug["id"], "quantity": 2}}).status == 200  # a change: 30 more days
    now[0] += 29 * 86400
    assert store.handle_v3("GET", f"carts/{made['id']}", {}, None).status == 200
    now[0] += 2 * 86400
    assert store.handle_v3("GET", f"carts/{made['id']}", {}, None).status == 404
    assert store.handle_v3("GET", f"checkouts/{made['id']}", {}, None).status == 404


# -- line items (§3.21) --------------------------------------------------------------------------------

def test_an_item_put_changes_its_quantity_and_price_and_the_sums(sb: Sandbox) -> None:
    mug = product(sb)
    made = cart(sb, {"product_id": mug["id"], "quantity": 1})
    line_id = physical(made)[0]["id"]
    changed = data(v3(sb, "PUT", f"carts/{made['id']}/items/{line_id}", json={
        "line_item": {"product_id": mug["id"], "quantity": 4}}))
    assert (physical(changed)[0]["quantity"], changed["cart_amount"], changed["version"]) == (4, 50, 2)
    priced = data(v3(sb, "PUT", f"carts/{made['id']}/items/{line_id}", json={
        "line_item": {"product_id": mug["id"], "quantity": 2, "list_price": 1.25}}))
    assert (priced["base_amount"], priced["cart_amount"]) == (2.5, 2.5)
    assert "line_item.quantity" in error_of(v3(sb, "PUT", f"carts/{made['id']}/items/{line_id}", json={
        "line_item": {"product_id": mug["id"], "quantity": 0}}), 422)["errors"]
    error_of(v3(sb, "PUT", f"carts/{made['id']}/items/nope", json={"line_item": {"quantity": 1}}), 404)


def test_deleting_an_item_answers_the_cart_and_deleting_the_last_deletes_the_cart(sb: Sandbox) -> None:
    mug, plate = product(sb), product(sb, "Plate", 2)
    made = cart(sb, {"product_id": mug["id"], "quantity": 1}, {"product_id": plate["id"], "quantity": 1})
    first, second = (line["id"] for line in physical(made))
    left = data(v3(sb, "DELETE", f"carts/{made['id']}/items/{first}"))
    assert [line["id"] for line in physical(left)] == [second] and left["cart_amount"] == 2
    emptied = v3(sb, "DELETE", f"carts/{made['id']}/items/{second}")
    assert emptied.status_code == 204 and emptied.content == b""
    assert v3(sb, "GET", f"carts/{made['id']}").status_code == 404
    assert v3(sb, "GET", f"checkouts/{made['id']}").status_code == 404


# -- optimistic concurrency: the 409 (§3.21, §3.23) -----------------------------------------------------

def test_every_change_increments_the_version_and_a_stale_version_is_a_409(sb: Sandbox) -> None:
    mug = product(sb)
    made = cart(sb, {"product_id": mug["id"], "quantity": 1}, {"product_id": product(sb, "Cup")["id"], "quantity": 1})
    cart_id, line_id = made["id"], physical(made)[0]["id"]
    added = data(v3(sb, "POST", f"carts/{cart_id}/items", json={
        "line_items": [{"product_id": mug["id"], "quantity": 1}], "version": 1}), 201)
    assert added["version"] == 2
    stale = error_of(v3(sb, "PUT", f"carts/{cart_id}/items/{line_id}", json={
        "line_item": {"product_id": mug["id"], "quantity": 9}, "version": 1}), 409)
    assert stale["title"].startswith("The request cannot be processed due to a possible conflict")
    error_of(v3(sb, "POST", f"carts/{cart_id}/items", json={
        "line_items": [{"product_id": mug["id"], "quantity": 1}], "version": 1}), 409)
    error_of(v3(sb, "PUT", f"carts/{cart_id}", json={"customer_id": 0, "version": 7}), 409)
    error_of(v3(sb, "DELETE", f"carts/{cart_id}/items/{line_id}", json={"version": 1}), 409)
    error_of(v3(sb, "POST", f"checkouts/{cart_id}/billing-address", json={
        "email": "a@example.com", "country_code": "US", "version": 1}), 409)
    unchanged = data(v3(sb, "GET", f"carts/{cart_id}"))
    assert (unchanged["version"], physical(unchanged)[0]["quantity"]) == (2, 2)
    fresh = data(v3(sb, "PUT", f"carts/{cart_id}/items/{line_id}", json={
        "line_item": {"product_id": mug["id"], "quantity": 3}, "version": 2}))
    assert fresh["version"] == 3
    assert data(v3(sb, "DELETE", f"carts/{cart_id}/items/{line_id}", json={"version": 3}))["version"] == 4


# -- redirect URLs (§3.21) --------------------------------------------------------------------------------

def test_redirect_urls_come_with_include_and_from_their_own_post(sb: Sandbox) -> None:
    made = cart(sb, {"product_id": product(sb)["id"], "quantity": 1}, params={"include": "redirect_urls"})
    urls = made["redirect_urls"]
    assert set(urls) == {"cart_url", "checkout_url", "embedded_checkout_url"} and made["id"] in urls["cart_url"]
    again = data(v3(sb, "POST", f"carts/{made['id']}/redirect_urls", json={"query_params": {"utm": "mail"}}), 201)
    assert again["checkout_url"] != urls["checkout_url"] and again["checkout_url"].endswith("&utm=mail")
    assert "redirect_urls" not in data(v3(sb, "GET", f"carts/{made['id']}"))


# -- checkouts (§3.23) ---------------------------------------------------------------------------------------

def test_the_checkout_of_a_cart_has_its_id_and_computed_totals(sb: Sandbox) -> None:
    made = cart(sb, {"product_id": product(sb, "Mug", 12.5)["id"], "quantity": 2})
    checkout = data(v3(sb, "GET", f"checkouts/{made['id']}"))
    assert checkout["id"] == made["id"] == checkout["cart"]["id"]
    assert (checkout["billing_address"], checkout["consignments"], checkout["taxes"]) == (None, [], [])
    assert checkout["cart"]["cart_amount_ex_tax"] == 25 and checkout["cart"]["line_items"] == made["line_items"]
    assert (checkout["subtotal_ex_tax"], checkout["tax_total"], checkout["grand_total"]) == (25, 0, 25)
    assert checkout["version"] == 1
    error_of(v3(sb, "GET", "checkouts/0d55bc05-8260-59e8-b612-0d006014c392"), 404)


def test_a_billing_address_is_added_and_updated_and_needs_email_and_country_code(sb: Sandbox) -> None:
    made = cart(sb, {"product_id": product(sb)["id"], "quantity": 1})
    missing = error_of(v3(sb, "POST", f"checkouts/{made['id']}/billing-address", json={"first_name": "Ann"}), 422)
    assert {"email", "country_code"} <= set(missing["errors"])
    added = data(v3(sb, "POST", f"checkouts/{made['id']}/billing-address", json={
        "first_name": "Ann", "email": "ann@example.com", "country_code": "US", "version": 1}))
    address = added["billing_address"]
    assert (address["first_name"], address["email"], address["country_code"]) == ("Ann", "ann@example.com", "US")
    assert added["cart"]["email"] == "ann@example.com" and added["version"] == 2
    changed = data(v3(sb, "PUT", f"checkouts/{made['id']}/billing-address/{address['id']}", json={
        "city": "Austin", "version": 2}))
    assert (changed["billing_address"]["city"], changed["billing_address"]["first_name"]) == ("Austin", "Ann")
    error_of(v3(sb, "PUT", f"checkouts/{made['id']}/billing-address/999", json={"city": "X"}), 404)
    error_of(v3(sb, "PUT", f"checkouts/{made['id']}/billing-address/{address['id']}", json={
        "city": "Y", "version": 2}), 409)
    noted = data(v3(sb, "PUT", f"checkouts/{made['id']}", json={"customer_message": "Leave at door"}))
    assert noted["customer_message"] == "Leave at door" and noted["version"] == 4


def address(**fields: Any) -> dict[str, Any]:
    return {"first_name": "Ann", "email": "ann@example.com", "country_code": "US", "state_or_province": "Texas",
            "postal_code": "78751", **fields}


def test_consignments_are_posted_as_an_array_and_custom_shipping_adds_to_the_grand_total(sb: Sandbox) -> None:
    mug, cup = product(sb, "Mug", 10), product(sb, "Cup", 5)
    made = cart(sb, {"product_id": mug["id"], "quantity": 2}, {"product_id": cup["id"], "quantity": 1})
    mug_line, cup_line = (line["id"] for line in physical(made))
    path = f"checkouts/{made['id']}/consignments"
    bad = error_of(v3(sb, "POST", path, json=[{"address": {"email": "a@example.com"},
                                               "line_items": [{"item_id": "nope", "quantity": 1}]}]), 422)
    assert {"[0].address.country_code", "[0].address.postal_code", "[0].line_items[0].item_id"} <= set(bad["errors"])
    error_of(v3(sb, "POST", path, json={"address": address()}), 422)  # an object, not the array
    added = data(v3(sb, "POST", path, json=[{"address": address(), "line_items": [
        {"item_id": mug_line, "quantity": 2}, {"item_id": cup_line, "quantity": 1}], "version": 1}]))
    (consignment,) = added["consignments"]
    assert consignment["line_item_ids"] == [mug_line, cup_line] and consignment["address"]["postal_code"] == "78751"
    assert (added["grand_total"], added["version"]) == (25, 2)
    shipped = data(v3(sb, "PUT", f"{path}/{consignment['id']}", json={
        "custom_shipping": {"price": 7.5, "description": "Courier"}, "version": 2}))
    totals = (shipped["shipping_cost_total_inc_tax"], shipped["subtotal_ex_tax"], shipped["grand_total"])
    assert totals == (7.5, 25, 32.5)
    assert shipped["consignments"][0]["selected_shipping_option"]["description"] == "Courier"
    assert "shipping_option_id" in error_of(v3(sb, "PUT", f"{path}/{consignment['id']}", json={
        "shipping_option_id": "abc"}), 422)["errors"]
    error_of(v3(sb, "PUT", f"{path}/{consignment['id']}", json={"custom_shipping": {"price": 1}, "version": 2}), 409)
    error_of(v3(sb, "DELETE", f"{path}/{consignment['id']}", json={"version": 1}), 409)
    error_of(v3(sb, "DELETE", f"{path}/unknown"), 404)
    removed = data(v3(sb, "DELETE", f"{path}/{consignment['id']}", json={"version": 3}))
    assert (removed["consignments"], removed["grand_total"], removed["version"]) == ([], 25, 4)


def test_a_line_named_again_moves_and_a_new_customer_drops_the_consignments(sb: Sandbox) -> None:
    mug, cup, ann = product(sb, "Mug", 10), product(sb, "Cup", 5), customer(sb)
    made = cart(sb, {"product_id": mug["id"], "quantity": 1}, {"product_id": cup["id"], "quantity": 1})
    mug_line, cup_line = (line["id"] for line in physical(made))
    path = f"checkouts/{made['id']}/consignments"
    data(v3(sb, "POST", path, json=[{"address": address(), "line_items": [{"item_id": mug_line, "quantity": 1}]},
                                     {"address": address(city="Austin"),
                                      "line_items": [{"item_id": cup_line, "quantity": 1}]}]))
    moved = data(v3(sb, "POST", path, json=[{"address": address(city="Dallas"), "line_items": [
        {"item_id": mug_line, "quantity": 1}, {"item_id": cup_line, "quantity": 1}]}]))
    assert [c["address"]["city"] for c in moved["consignments"]] == ["Dallas"]
    data(v3(sb, "DELETE", f"carts/{made['id']}/items/{mug_line}"))
    assert data(v3(sb, "GET", f"checkouts/{made['id']}"))["consignments"][0]["line_item_ids"] == [cup_line]
    data(v3(sb, "PUT", f"carts/{made['id']}", json={"customer_id": ann["id"]}), 201)
    assert data(v3(sb, "GET", f"checkouts/{made['id']}"))["consignments"] == []


def test_a_checkout_order_is_a_v2_order_in_incomplete_status_with_the_carts_lines_and_shipping(sb: Sandbox) -> None:
    mug, ann = product(sb, "Mug", 10), customer(sb)
    made = cart(sb, {"product_id": mug["id"], "quantity": 3, "list_price": 8}, customer_id=ann["id"])
    line_id = physical(made)[0]["id"]
    orders = f"checkouts/{made['id']}/orders"
    assert "billing_address" in error_of(v3(sb, "POST", orders), 422)["errors"]
    data(v3(sb, "POST", f"checkouts/{made['id']}/billing-address", json=address(last_name="Lee")))
    (consignment,) = data(v3(sb, "POST", f"checkouts/{made['id']}/consignments", json=[
        {"address": address(), "line_items": [{"item_id": line_id, "quantity": 3}]}]))["consignments"]
    data(v3(sb, "PUT", f"checkouts/{made['id']}/consignments/{consignment['id']}", json={
        "custom_shipping": {"price": 5, "description": "Courier"}}))
    answer = v3(sb, "POST", orders)
    assert answer.status_code == 200 and set(answer.json()["data"]) == {"id"}
    order_id = answer.json()["data"]["id"]
    order = v2(sb, "GET", f"orders/{order_id}").json()
    assert (order["status_id"], order["status"], order["customer_id"]) == (0, "Incomplete", ann["id"])
    assert (order["subtotal_ex_tax"], order["shipping_cost_ex_tax"], order["total_inc_tax"]) == (
        "24.0000", "5.0000", "29.0000")
    assert order["billing_address"]["email"] == "ann@example.com" and order["billing_address"]["zip"] == "78751"
    lines = v2(sb, "GET", f"orders/{order_id}/products").json()
    assert [(line["product_id"], line["quantity"], line["price_ex_tax"]) for line in lines] == [
        (mug["id"], 3, "8.0000")]
    assert data(v3(sb, "GET", f"checkouts/{made['id']}"))["order_id"] == order_id
    again = data(v3(sb, "POST", orders))["id"]
    assert again != order_id and v2(sb, "GET", f"orders/{again}").status_code == 200  # called repeatedly


# -- wishlists (§3.11) ---------------------------------------------------------------------------------------

def test_a_wishlist_names_a_customer_and_products_and_is_listed_by_customer(sb: Sandbox) -> None:
    ann, bob, mug = customer(sb), customer(sb, "bob@example.com"), product(sb)
    made = data(v3(sb, "POST", "wishlists", json={"customer_id": ann["id"], "name": "Gifts", "is_public": True,
                                                   "items": [{"product_id": mug["id"]}]}), 201)
    assert (made["customer_id"], made["name"], made["is_public"]) == (ann["id"], "Gifts", True)
    assert [item["product_id"] for item in made["items"]] == [mug["id"]] and len(made["token"]) == 36
    data(v3(sb, "POST", "wishlists", json={"customer_id": bob["id"], "name": "Other"}), 201)
    answer = v3(sb, "GET", "wishlists", params={"customer_id": ann["id"]}).json()
    assert [w["name"] for w in answer["data"]] == ["Gifts"]
    assert answer["meta"]["pagination"]["total"] == 1 and "links" not in answer["meta"]["pagination"]
    assert len(data(v3(sb, "GET", "wishlists"))) == 2
    error_of(v3(sb, "GET", "wishlists", params={"limit": 251}), 422)


def test_a_wishlist_of_an_unknown_customer_or_product_is_a_422(sb: Sandbox) -> None:
    ann = customer(sb)
    assert "customer_id" in error_of(v3(sb, "POST", "wishlists", json={"name": "X"}), 422)["errors"]
    assert "customer_id" in error_of(v3(sb, "POST", "wishlists", json={"customer_id": 99}), 422)["errors"]
    assert "items[0].product_id" in error_of(v3(sb, "POST", "wishlists", json={
        "customer_id": ann["id"], "items": [{"product_id": 99}]}), 422)["errors"]


def test_wishlist_put_answers_201_and_replaces_the_items_and_items_are_added_and_removed(sb: Sandbox) -> None:
    ann, mug, cup = customer(sb), product(sb), product(sb, "Cup")
    made = data(v3(sb, "POST", "wishlists", json={"customer_id": ann["id"], "name": "W",
                                                   "items": [{"product_id": mug["id"]}]}), 201)
    kept = made["items"][0]["id"]
    assert "items" in error_of(v3(sb, "PUT", f"wishlists/{made['id']}", json={"customer_id": ann["id"]}), 422)["errors"]
    put = data(v3(sb, "PUT", f"wishlists/{made['id']}", json={
        "customer_id": ann["id"], "name": "Renamed", "items": [{"id": kept, "product_id": mug["id"]},
                                                               {"product_id": cup["id"]}]}), 201)
    assert put["name"] == "Renamed" and [i["product_id"] for i in put["items"]] == [mug["id"], cup["id"]]
    added = data(v3(sb, "POST", f"wishlists/{made['id']}/items", json={"items": [{"product_id": cup["id"]}]}), 201)
    assert len(added["items"]) == 3
    removed = data(v3(sb, "DELETE", f"wishlists/{made['id']}/items/{kept}"))  # 200 with the wishlist (§3.11)
    assert kept not in [i["id"] for i in removed["items"]] and len(removed["items"]) == 2
    error_of(v3(sb, "DELETE", f"wishlists/{made['id']}/items/{kept}"), 404)
    assert v3(sb, "DELETE", f"wishlists/{made['id']}").status_code == 204
    error_of(v3(sb, "GET", f"wishlists/{made['id']}"), 404)
    error_of(v3(sb, "POST", f"wishlists/{made['id']}/items", json={"items": [{"product_id": cup["id"]}]}), 404)


# -- cart settings (§3.21) ------------------------------------------------------------------------------------

def test_cart_settings_of_the_store_and_of_a_channel(sb: Sandbox) -> None:
    assert data(v3(sb, "GET", "carts/settings")) == {"allow_purchasing": True}
    assert data(v3(sb, "GET", "carts/settings/channels/1")) == {"allow_purchasing": None}  # follows the store
    assert "allow_purchasing" in error_of(v3(sb, "PUT", "carts/settings", json={}), 422)["errors"]
    assert data(v3(sb, "PUT", "carts/settings", json={"allow_purchasing": False})) == {"allow_purchasing": False}
    assert data(v3(sb, "PUT", "carts/settings/channels/1", json={"allow_purchasing": True}))["allow_purchasing"]
    assert data(v3(sb, "GET", "carts/settings")) == {"allow_purchasing": False}
    assert data(v3(sb, "PUT", "carts/settings/channels/1", json={"allow_purchasing": None})) == {
        "allow_purchasing": None}
    error_of(v3(sb, "PUT", "carts/settings/channels/1", json={"allow_purchasing": "yes"}), 422)
    error_of(v3(sb, "GET", "carts/settings/channels/99"), 404)


def test_a_digital_product_is_a_digital_item_that_ships_in_no_consignment(sb: Sandbox) -> None:
    ebook = product(sb, "Ebook", 9, type="digital")
    made = cart(sb, {"product_id": ebook["id"], "quantity": 1}, params={"include": "line_items.digital_items.options"})
    (line,) = made["line_items"]["digital_items"]
    assert physical(made) == [] and line["is_require_shipping"] is False and line["options"] == []
    assert made["cart_amount"] == 9
    error_of(v3(sb, "POST", f"checkouts/{made['id']}/consignments", json=[
        {"address": address(), "line_items": [{"item_id": line["id"], "quantity": 1}]}]), 422)


# -- one state, two views: the v2 catalog and customers under carts and wishlists ---------------------------

def test_a_cart_reads_the_catalog_live_and_a_product_deleted_through_v2_leaves_carts_and_wishlists(
        sb: Sandbox) -> None:
    mug, cup, ann = product(sb, "Mug", 10), product(sb, "Cup", 4), customer(sb)
    made = cart(sb, {"product_id": mug["id"], "quantity": 2}, {"product_id": cup["id"], "quantity": 1})
    wishlist = data(v3(sb, "POST", "wishlists", json={"customer_id": ann["id"], "items": [
        {"product_id": mug["id"]}, {"product_id": cup["id"]}]}), 201)
    assert v2(sb, "PUT", f"products/{mug['id']}", json={"price": "11.00"}).status_code == 200
    repriced = data(v3(sb, "GET", f"carts/{made['id']}"))
    assert (physical(repriced)[0]["list_price"], repriced["cart_amount"]) == (11, 26)
    data(v3(sb, "POST", f"checkouts/{made['id']}/consignments", json=[{"address": address(), "line_items": [
        {"item_id": line["id"], "quantity": line["quantity"]} for line in physical(repriced)]}]))
    assert v2(sb, "DELETE", f"products/{mug['id']}").status_code == 204
    (consignment,) = data(v3(sb, "GET", f"checkouts/{made['id']}"))["consignments"]
    assert consignment["line_item_ids"] == [physical(repriced)[1]["id"]]  # the cup's line only
    left = data(v3(sb, "GET", f"carts/{made['id']}"))
    assert [line["product_id"] for line in physical(left)] == [cup["id"]] and left["cart_amount"] == 4
    assert [i["product_id"] for i in data(v3(sb, "GET", f"wishlists/{wishlist['id']}"))["items"]] == [cup["id"]]


# -- dump()/load() -------------------------------------------------------------------------------------------

def test_carts_wishlists_and_cart_settings_survive_dump_and_load(sb: Sandbox) -> None:
    ann, mug = customer(sb), product(sb)
    made = cart(sb, {"product_id": mug["id"], "quantity": 2}, customer_id=ann["id"])
    wishlist = data(v3(sb, "POST", "wishlists", json={"customer_id": ann["id"], "items": [
        {"product_id": mug["id"]}]}), 201)
    before = data(v3(sb, "GET", f"carts/{made['id']}"))
    data(v3(sb, "PUT", "carts/settings", json={"allow_purchasing": False}))
    store = Store(store_hash=sb.store.store_hash)  # the same store: line urls name its host
    store.load(json.loads(json.dumps(sb.store.dump())))
    again = json.loads(store.handle_v3("GET", f"carts/{made['id']}", {}, None).body)["data"]
    assert again == before
    assert json.loads(store.handle_v3("GET", f"wishlists/{wishlist['id']}", {}, None).body)["data"] == wishlist
    assert json.loads(store.handle_v3("GET", "carts/settings", {}, None).body)["data"] == {"allow_purchasing": False}
    fresh = json.loads(store.handle_v3("POST", "carts", {}, {"line_items": [
        {"product_id": mug["id"], "quantity": 1}]}).body)["data"]
    assert fresh["id"] != made["id"] and physical(fresh)[0]["id"] != physical(before)[0]["id"]


def test_a_carts_metafields_are_named_by_its_uuid_and_go_with_it(sb: Sandbox) -> None:
    made = cart(sb, {"product_id": product(sb)["id"], "quantity": 1})
    path = f"carts/{made['id']}/metafields"
    field = data(v3(sb, "POST", path, json={"namespace": "gift", "key": "note", "value": "Happy birthday",
                                             "permission_set": "write"}))
    assert field["resource_type"] == "cart" and field["resource_id"] == made["id"]  # a string: the uuid
    assert [m["key"] for m in data(v3(sb, "GET", path))] == ["note"]
    assert data(v3(sb, "PUT", f"{path}/{field['id']}", json={"value": "Congrats"}))["value"] == "Congrats"
    assert "namespace" in error_of(v3(sb, "POST", path, json={"key": "k", "value": "v", "permission_set": "read"}),
                                   422)["errors"]
    error_of(v3(sb, "GET", "carts/00000000-0000-0000-0000-000000000000/metafields"), 404)
    assert v3(sb, "DELETE", f"carts/{made['id']}").status_code == 204
    assert not [m for m in sb.store.dump()["metafields"] if m.get("resource_type") == "cart"]
    assert v3(sb, "GET", "carts/metafields").status_code == 501  # its items name carts by uuid: not served
