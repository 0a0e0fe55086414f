"""The sandbox Store answered directly through ``Store.handle`` (no HTTP)."""
from __future__ import annotations

import json
from typing import Any

import pytest

from bigcommerce.sandbox.store import Store, StoreResponse

BASE = "http://127.0.0.1:8765"
T0 = 1523386745  # Tue, 10 Apr 2018 18:59:05 +0000
NOT_FOUND = [{"status": 404, "message": "The requested resource was not found."}]


class FakeClock:
    """A clock the tests move by hand."""

    def __init__(self, now: float = T0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(clock: FakeClock) -> Store:
    return Store(store_hash="abc123", base_url=BASE, clock=clock)


def call(store: Store, method: str, path: str, query: dict[str, str] | None = None,
         body: object = None) -> tuple[int, Any, dict[str, str]]:
    answer: StoreResponse = store.handle(method, path, query or {}, body)
    parsed = json.loads(answer.body) if answer.body else None
    return answer.status, parsed, answer.headers


def ok(store: Store, method: str, path: str, body: object = None, query: dict[str, str] | None = None) -> Any:
    status, parsed, _ = call(store, method, path, query, body)
    assert status in (200, 201), (status, parsed)
    return parsed


PRODUCT = {
    "name": "Plain T-Shirt", "type": "physical", "description": "A staple.", "price": "29.99",
    "categories": [18], "availability": "available", "weight": "0.5",
}


def new_product(store: Store, **fields: Any) -> dict[str, Any]:
    return ok(store, "POST", "products", {**PRODUCT, "name": f"Shirt {fields.pop('n', '')}".strip(), **fields})


def new_order(store: Store, **fields: Any) -> dict[str, Any]:
    body = {
        "billing_address": {"first_name": "Jane", "last_name": "Doe", "street_1": "123 Main Street",
                            "city": "Austin", "state": "Texas", "zip": "78751", "country": "United States",
                            "email": "janedoe@example.com"},
        "products": [{"name": "Journal", "quantity": 2, "price_inc_tax": "12.00", "price_ex_tax": "10.00"}],
    }
    body.update(fields)
    return ok(store, "POST", "orders", body)


# ------------------------------------------------------------------ routing and errors

def test_unknown_path_is_404_with_the_v2_error_body(store: Store) -> None:
    assert call(store, "GET", "widgets") == (404, NOT_FOUND, {})
    assert call(store, "GET", "products/1/widgets")[0] == 404


@pytest.mark.parametrize("method, path", [
    ("PUT", "orders"), ("POST", "order_statuses"), ("DELETE", "products"), ("DELETE", "customers"),
    ("DELETE", "customer_groups"), ("DELETE", "option_sets"), ("POST", "products/1"),
    ("POST", "store"), ("PUT", "time"), ("GET", "shipping/carrier/connection"),
    ("DELETE", "pages"), ("POST", "countries"), ("PUT", "tax_classes/1"),
    ("POST", "products/1/configurable_fields"), ("PUT", "orders/1/products/1"),
    ("DELETE", "shipping/zones"), ("GET", "customers/1/validate"),
])
def test_undocumented_operations_on_known_paths_are_405(store: Store, method: str, path: str) -> None:
    new_product(store)
    new_order(store)
    status, body, _ = call(store, method, path, body={"name": "x"})
    assert status == 405
    assert body == [{"status": 405, "message": "The requested method is not supported by this resource."}]


def test_non_numeric_ids_are_404(store: Store) -> None:
    assert call(store, "GET", "products/abc")[0] == 404
    assert call(store, "GET", "products/abc/images")[0] == 404


def test_link_aliases_are_accepted_as_paths(store: Store) -> None:
    product = new_product(store)
    ok(store, "POST", f"products/{product['id']}/discount_rules", {"type": "percent", "type_value": 5})
    assert len(ok(store, "GET", product["discount_rules"]["resource"].lstrip("/"))) == 1


# ------------------------------------------------------------------ products

def test_create_product_answers_201_with_defaults_dates_decimals_and_location(store: Store) -> None:
    status, body, headers = call(store, "POST", "products", body=PRODUCT)
    assert status == 201
    assert headers["Location"] == f"{BASE}/api/v2/products/1"
    assert body["id"] == 1
    assert body["price"] == "29.9900" and body["calculated_price"] == "29.9900"
    assert body["weight"] == "0.5000" and body["cost_price"] == "0.0000"
    assert body["is_visible"] is False  # D16: not visible unless asked
    assert body["date_created"] == "Tue, 10 Apr 2018 18:59:05 +0000"
    assert body["date_modified"] == body["date_created"]
    assert body["custom_url"] == "/plain-t-shirt/"
    assert body["layout_file"] == "product.html" and body["option_set"] is None
    assert body["primary_image"] is None and body["brand"] is None


def test_product_body_links_subresources_with_the_store_aliases(store: Store) -> None:
    body = new_product(store, brand_id=0, tax_class_id=0)
    assert body["images"] == {"url": f"{BASE}/api/v2/products/1/images.json", "resource": "/products/1/images"}
    assert body["discount_rules"]["resource"] == "/products/1/discountrules"
    assert body["configurable_fields"]["resource"] == "/products/1/configurablefields"
    assert body["custom_fields"]["url"] == f"{BASE}/api/v2/products/1/customfields.json"
    assert body["tax_class"]["resource"] == "/taxclasses/0"
    for name in ("videos", "skus", "rules", "options"):
        assert body[name]["resource"] == f"/products/1/{name}"


def test_link_urls_follow_a_changed_base_url(store: Store) -> None:
    product = new_product(store)
    store.base_url = "http://localhost:1"
    assert ok(store, "GET", f"products/{product['id']}")["images"]["url"].startswith("http://localhost:1/api/v2/")


def test_put_merges_fields_and_moves_date_modified(store: Store, clock: FakeClock) -> None:
    product = new_product(store)
    clock.now += 3600
    updated = ok(store, "PUT", "products/1", {"sale_price": 19.5, "is_visible": True})
    assert updated["name"] == product["name"] and updated["description"] == "A staple."
    assert updated["sale_price"] == "19.5000" and updated["calculated_price"] == "19.5000"
    assert updated["date_created"] == product["date_created"]
    assert updated["date_modified"] == "Tue, 10 Apr 2018 19:59:05 +0000"
    assert ok(store, "GET", "products/1") == updated


def test_read_only_fields_are_ignored_on_input(store: Store) -> None:
    body = new_product(store, id=99, date_created="Mon, 01 Jan 2001 00:00:00 +0000", calculated_price="1.00")
    assert body["id"] == 1
    assert body["date_created"] == "Tue, 10 Apr 2018 18:59:05 +0000"
    assert body["calculated_price"] == "29.9900"


def test_delete_one_is_204_with_an_empty_body_and_ids_are_never_reused(store: Store) -> None:
    new_product(store, n=1)
    new_product(store, n=2)
    assert call(store, "DELETE", "products/2") == (204, None, {})
    assert call(store, "GET", "products/2")[0] == 404
    assert new_product(store, n=3)["id"] == 3


@pytest.mark.parametrize("missing", ["name", "type", "price", "categories", "availability", "weight"])
def test_create_product_names_the_missing_required_field(store: Store, missing: str) -> None:
    body = {key: value for key, value in PRODUCT.items() if key != missing}
    status, errors, _ = call(store, "POST", "products", body=body)
    text = f"The required field '{missing}' was not supplied."
    assert status == 400
    assert errors == [{"status": 400, "message": text, "details": {"invalid_reason": text}}]


@pytest.mark.parametrize("body", [None, [], "text", 5])
def test_a_body_that_is_not_an_object_is_400(store: Store, body: object) -> None:
    assert call(store, "POST", "products", body=body)[0] == 400
    new_product(store)
    assert call(store, "PUT", "products/1", body=body)[0] == 400


@pytest.mark.parametrize("field, value", [
    ("price", "abc"), ("price", True), ("price", [1]), ("type", "bundle"), ("categories", "18"),
    ("categories", ["x"]), ("weight", {}), ("is_visible", "maybe"), ("brand_id", "two"),
    ("availability", "soon"), ("condition", "Worn"), ("name", None),
])
def test_wrong_types_for_core_fields_are_400_naming_the_field(store: Store, field: str, value: object) -> None:
    status, errors, _ = call(store, "POST", "products", body={**PRODUCT, field: value})
    assert status == 400
    assert f"'{field}'" in errors[0]["message"]


def test_numeric_strings_and_numbers_are_both_accepted_as_prices(store: Store) -> None:
    assert new_product(store, price=12)["price"] == "12.0000"
    assert new_product(store, n=2, price="7.5")["price"] == "7.5000"


def test_product_option_set_yields_read_only_product_options(store: Store) -> None:
    option = ok(store, "POST", "options", {"name": "Colors", "display_name": "Color", "type": "CS"})
    option_set = ok(store, "POST", "option_sets", {"name": "Shirts"})
    ok(store, "POST", f"option_sets/{option_set['id']}/options", {"option_id": option["id"], "is_required": True})
    product = new_product(store, option_set_id=option_set["id"])
    assert product["option_set"]["resource"] == f"/optionsets/{option_set['id']}"
    options = ok(store, "GET", f"products/{product['id']}/options")
    assert [(o["option_id"], o["display_name"], o["is_required"]) for o in options] == [(option["id"], "Color", True)]
    assert ok(store, "GET", f"products/{product['id']}/options/{options[0]['id']}") == options[0]
    assert call(store, "POST", f"products/{product['id']}/options", body={"option_id": 1})[0] == 405
    assert call(store, "POST", "products", body={**PRODUCT, "name": "Other", "option_set_id": 99})[0] == 400


# ------------------------------------------------------------------ product subresources

def test_images_belong_to_their_product(store: Store) -> None:
    first, second = new_product(store, n=1), new_product(store, n=2)
    assert call(store, "POST", "products/99/images", body={"image_file": "a.jpg"})[0] == 404
    image = ok(store, "POST", f"products/{first['id']}/images", {"image_file": "sample_images/in_123.jpg"})
    assert image["product_id"] == first["id"] and image["is_thumbnail"] is True
    assert image["zoom_url"].startswith("https://") and image["date_created"].endswith("+0000")
    assert call(store, "GET", f"products/{second['id']}/images/{image['id']}") == (404, NOT_FOUND, {})
    assert ok(store, "GET", f"products/{first['id']}")["primary_image"]["id"] == image["id"]
    assert call(store, "POST", f"products/{first['id']}/images", body={})[0] == 400


def test_subresource_counts_per_parent_and_store_wide(store: Store) -> None:
    first, second = new_product(store, n=1), new_product(store, n=2)
    for product, count in ((first, 2), (second, 3)):
        for k in range(count):
            ok(store, "POST", f"products/{product['id']}/custom_fields", {"name": f"F{k}", "text": "x"})
    assert ok(store, "GET", f"products/{first['id']}/custom_fields/count") == {"count": 2}
    assert ok(store, "GET", "products/custom_fields/count") == {"count": 5}
    assert call(store, "GET", "products/99/custom_fields/count")[0] == 404
    assert call(store, "GET", "products/reviews/count")[0] == 404  # none documented


def test_deleting_a_product_removes_all_its_subresources(store: Store) -> None:
    product = new_product(store)
    pid = product["id"]
    other = new_product(store, n=2)
    ok(store, "POST", f"products/{pid}/images", {"image_file": "a.jpg"})
    ok(store, "POST", f"products/{pid}/skus", {"sku": "S-1", "options": []})
    ok(store, "POST", f"products/{pid}/rules", {"conditions": [{"product_option_id": 1, "option_value_id": 2}]})
    ok(store, "POST", f"products/{pid}/videos", {"url": "https://www.youtube.com/watch?v=4wZ3ZG_Wams"})
    ok(store, "POST", f"products/{pid}/custom_fields", {"name": "Made in", "text": "USA"})
    ok(store, "POST", f"products/{pid}/discount_rules", {"type": "price", "type_value": 2, "min": 1})
    ok(store, "POST", f"products/{pid}/reviews", {"author": "Jo", "title": "Good", "review": "Nice", "rating": 5})
    ok(store, "POST", f"products/{other['id']}/images", {"image_file": "b.jpg"})
    store.insert(f"products/{pid}/configurable_fields", {"name": "Engraving"})
    assert call(store, "DELETE", f"products/{pid}")[0] == 204
    for sub in ("images", "skus", "rules", "videos", "custom_fields", "discount_rules", "configurable_fields"):
        assert ok(store, "GET", f"products/{sub}/count") == {"count": 1 if sub == "images" else 0}, sub
    assert call(store, "GET", f"products/{pid}/reviews")[0] == 404
    assert store.dump()["product_reviews"] == []


def test_video_ids_are_youtube_ids_and_follow_a_new_url(store: Store) -> None:
    product = new_product(store)
    video = ok(store, "POST", "products/1/videos", {"url": "https://youtu.be/4wZ3ZG_Wams", "name": "Demo"})
    assert video == {"id": "4wZ3ZG_Wams", "product_id": product["id"], "sort_order": 0, "name": "Demo"}
    moved = ok(store, "PUT", "products/1/videos/4wZ3ZG_Wams", {"url": "https://www.youtube.com/watch?v=UmhvxsOwhqk"})
    assert moved["id"] == "UmhvxsOwhqk" and moved["name"] == "Demo"
    assert call(store, "GET", "products/1/videos/4wZ3ZG_Wams")[0] == 404
    assert call(store, "POST", "products/1/videos", body={"url": "https://vimeo.com/1"})[0] == 400
    assert call(store, "POST", "products/1/videos", body={"url": "https://youtu.be/UmhvxsOwhqk"})[0] == 409
    assert call(store, "DELETE", "products/1/videos")[0] == 204
    assert call(store, "GET", "products/1/videos")[0] == 204


def test_discount_rule_ids_print_as_strings(store: Store) -> None:
    new_product(store)
    rule = ok(store, "POST", "products/1/discount_rules", {"min": 100, "max": 500, "type": "price", "type_value": 2})
    assert rule == {"id": "1", "product_id": 1, "min": 100, "max": 500, "type": "price", "type_value": 2}
    assert ok(store, "GET", "products/1/discount_rules/1") == rule


def test_sku_adjusted_price_falls_back_to_the_product_price(store: Store) -> None:
    new_product(store)
    sku = ok(store, "POST", "products/1/skus",
             {"sku": "S-1", "options": [{"product_option_id": 1, "option_value_id": 2}]})
    assert sku["price"] is None and sku["adjusted_price"] == "29.9900"
    assert ok(store, "PUT", f"products/1/skus/{sku['id']}", {"price": "24"})["adjusted_price"] == "24.0000"


def test_reviews_validate_rating_and_default_to_pending(store: Store) -> None:
    new_product(store)
    review = ok(store, "POST", "products/1/reviews", {"author": "Jo", "title": "T", "review": "R", "rating": 4})
    assert review["status"] == 0 and review["date_created"] == "Tue, 10 Apr 2018 18:59:05 +0000"
    assert call(store, "POST", "products/1/reviews",
                body={"author": "Jo", "title": "T", "review": "R", "rating": 9})[0] == 400


def test_delete_all_of_a_subresource_only_touches_that_parent(store: Store) -> None:
    new_product(store, n=1)
    new_product(store, n=2)
    for pid in (1, 2):
        ok(store, "POST", f"products/{pid}/rules", {"conditions": []})
    assert call(store, "DELETE", "products/1/rules")[0] == 204
    assert ok(store, "GET", "products/rules/count") == {"count": 1}
    assert len(ok(store, "GET", "products/2/rules")) == 1


# ------------------------------------------------------------------ brands, categories, options

def test_brand_crud_and_count(store: Store) -> None:
    brand = ok(store, "POST", "brands", {"name": "Xmen", "page_title": "X men brand"})
    assert brand == {"id": 1, "name": "Xmen", "page_title": "X men brand", "meta_keywords": "",
                     "meta_description": "", "image_file": "", "search_keywords": ""}
    assert ok(store, "PUT", "brands/1", {"search_keywords": "xmen"})["search_keywords"] == "xmen"
    assert ok(store, "GET", "brands/count") == {"count": 1}
    product = new_product(store, brand_id=1)
    assert product["brand"] == {"url": f"{BASE}/api/v2/brands/1.json", "resource": "/brands/1"}
    assert call(store, "DELETE", "brands")[0] == 204
    assert ok(store, "GET", "brands/count") == {"count": 0}
    assert call(store, "POST", "brands", body={"page_title": "x"})[0] == 400


def test_categories_list_their_ancestry_and_refuse_orphaning_products(store: Store) -> None:
    shop = ok(store, "POST", "categories", {"name": "Shop Mac"})
    toys = ok(store, "POST", "categories", {"name": "Xmen toys", "parent_id": shop["id"]})
    assert toys["parent_category_list"] == [shop["id"], toys["id"]] and toys["url"] == "/xmen-toys/"
    new_product(store, categories=[toys["id"]])
    status, errors, _ = call(store, "DELETE", f"categories/{toys['id']}")
    assert status == 409 and errors[0]["status"] == 409
    assert call(store, "DELETE", "categories")[0] == 409
    assert call(store, "POST", "categories", body={"name": "Bad", "parent_id": 99})[0] == 400


def test_option_values_keep_a_single_default(store: Store) -> None:
    ok(store, "POST", "options", {"name": "Colors", "type": "CS"})
    first = ok(store, "POST", "options/1/values", {"label": "Silver", "value": "#cccccc", "is_default": True})
    second = ok(store, "POST", "options/1/values", {"label": "Black", "value": "#000000", "is_default": True})
    assert ok(store, "GET", f"options/1/values/{first['id']}")["is_default"] is False
    assert ok(store, "GET", f"options/1/values/{second['id']}")["is_default"] is True
    assert ok(store, "GET", "options/1")["values"]["resource"] == "/options/1/values"
    assert call(store, "POST", "options", body={"name": "X", "type": "ZZ"})[0] == 400
    assert call(store, "DELETE", "options/1")[0] == 204
    assert call(store, "GET", f"options/1/values/{first['id']}")[0] == 404
    assert store.dump()["option_values"] == []


def test_option_set_options_show_the_option_values(store: Store) -> None:
    ok(store, "POST", "options", {"name": "Size", "type": "RB"})
    ok(store, "POST", "options/1/values", {"label": "S", "value": "S"})
    ok(store, "POST", "option_sets", {"name": "T-Shirts"})
    option = ok(store, "POST", "option_sets/1/options", {"option_id": 1, "display_name": "Size"})
    assert option["option"] == {"url": f"{BASE}/api/v2/options/1.json", "resource": "/options/1"}
    assert option["values"] == [{"label": "S", "sort_order": 0, "value": "S", "option_value_id": 1}]
    assert ok(store, "GET", "option_sets/1")["options"]["resource"] == "/optionsets/1/options"
    assert call(store, "POST", "option_sets/1/options", body={"option_id": 42})[0] == 400
    assert call(store, "DELETE", "option_sets/1")[0] == 204
    assert ok(store, "GET", "option_sets/count") == {"count": 0}
    assert store.dump()["option_set_options"] == []


# ------------------------------------------------------------------ orders

def test_create_order_computes_totals_lines_and_a_shipping_address(store: Store) -> None:
    product = new_product(store)
    order = new_order(store, products=[
        {"product_id": product["id"], "quantity": 3},
        {"name": "Gift wrap", "quantity": 1, "price_inc_tax": 5.5, "price_ex_tax": 5},
    ])
    assert order["status_id"] == 1 and order["status"] == "Pending" and order["customer_id"] == 0
    assert order["subtotal_ex_tax"] == "94.9700" and order["subtotal_inc_tax"] == "95.4700"
    assert order["subtotal_tax"] == "0.5000" and order["total_inc_tax"] == "95.4700"
    assert order["items_total"] == 4 and order["shipping_address_count"] == 1
    assert order["date_created"] == "Tue, 10 Apr 2018 18:59:05 +0000"
    assert order["products"] == {"url": f"{BASE}/api/v2/orders/1/products.json", "resource": "/orders/1/products"}
    assert order["shipping_addresses"]["resource"] == "/orders/1/shippingaddresses"
    assert order["billing_address"]["country_iso2"] == "US"
    lines = ok(store, "GET", "orders/1/products")
    assert [(line["name"], line["quantity"], line["total_inc_tax"]) for line in lines] == [
        ("Shirt", 3, "89.9700"), ("Gift wrap", 1, "5.5000")]
    addresses = ok(store, "GET", "orders/1/shipping_addresses")
    assert len(addresses) == 1 and addresses[0]["city"] == "Austin" and addresses[0]["items_total"] == 4
    assert addresses[0]["shipping_quotes"]["resource"] == (
        f"/orders/1/shippingaddresses/{addresses[0]['id']}/shippingquotes")
    assert ok(store, "GET", "orders/products/count") == {"count": 2}
    assert ok(store, "GET", "orders/1/products/count") == {"count": 2}


@pytest.mark.parametrize("missing", ["products", "billing_address"])
def test_create_order_requires_products_and_billing_address(store: Store, missing: str) -> None:
    body = {"products": [{"name": "A", "quantity": 1, "price_inc_tax": 1, "price_ex_tax": 1}],
            "billing_address": {"first_name": "J"}}
    del body[missing]
    status, errors, _ = call(store, "POST", "orders", body=body)
    assert status == 400 and f"'{missing}'" in errors[0]["message"]


def test_order_lines_are_validated(store: Store) -> None:
    assert call(store, "POST", "orders", body={"billing_address": {}, "products": [{"product_id": 7}]})[0] == 400
    assert call(store, "POST", "orders",
                body={"billing_address": {}, "products": [{"name": "x", "quantity": 1}]})[0] == 400
    assert call(store, "POST", "orders", body={"billing_address": {}, "products": []})[0] == 400
    assert call(store, "POST", "orders", body={
        "billing_address": {}, "status_id": 99,
        "products": [{"name": "x", "quantity": 1, "price_ex_tax": 1, "price_inc_tax": 1}],
    })[0] == 400


def test_order_update_changes_status_and_lines(store: Store) -> None:
    new_order(store)
    updated = ok(store, "PUT", "orders/1", {"status_id": 11, "products": [{"id": 1, "quantity": 5}]})
    assert updated["status"] == "Awaiting Fulfillment" and updated["custom_status"] == "Awaiting Fulfillment"
    assert updated["subtotal_ex_tax"] == "50.0000" and updated["items_total"] == 5
    removed = ok(store, "PUT", "orders/1", {"products": [
        {"id": 1, "quantity": 0}, {"name": "Pen", "quantity": 1, "price_ex_tax": 3, "price_inc_tax": 3}]})
    assert removed["total_inc_tax"] == "3.0000"
    assert [line["name"] for line in ok(store, "GET", "orders/1/products")] == ["Pen"]


def test_deleting_an_order_archives_it(store: Store) -> None:
    new_order(store)
    new_order(store)
    assert call(store, "DELETE", "orders/1") == (204, None, {})
    assert [o["id"] for o in ok(store, "GET", "orders")] == [2]
    assert ok(store, "GET", "orders/1")["is_deleted"] is True
    assert [o["id"] for o in ok(store, "GET", "orders", query={"is_deleted": "true"})] == [1]
    assert ok(store, "GET", "orders/count")["count"] == 1
    assert len(ok(store, "GET", "orders/1/products")) == 1  # archived, not erased
    assert call(store, "DELETE", "orders")[0] == 204
    assert call(store, "GET", "orders")[0] == 204
    assert ok(store, "GET", "orders/count", query={"is_deleted": "true"})["count"] == 2


def test_order_count_reports_per_status_counts(store: Store) -> None:
    new_order(store)
    new_order(store, status_id=11)
    new_order(store, status_id=11)
    body = ok(store, "GET", "orders/count")
    assert body["count"] == 3
    by_id = {status["id"]: status for status in body["statuses"]}
    assert len(by_id) == 15 and by_id[11]["count"] == 2 and by_id[1]["count"] == 1
    assert by_id[11]["name"] == "Awaiting Fulfillment" and by_id[11]["sort_order"] == 3
    assert [s["sort_order"] for s in body["statuses"]] == sorted(s["sort_order"] for s in body["statuses"])


def test_order_statuses_are_unpaginated_and_fixed(store: Store) -> None:
    statuses = ok(store, "GET", "order_statuses", query={"page": "2", "limit": "999"})
    assert [s["id"] for s in statuses] == list(range(15))
    assert statuses[10]["name"] == "Completed"
    assert ok(store, "GET", "order_statuses/11")["name"] == "Awaiting Fulfillment"
    assert call(store, "GET", "order_statuses/15")[0] == 404


def test_shipments_need_an_address_and_items_of_their_order(store: Store) -> None:
    order = new_order(store)
    address = ok(store, "GET", "orders/1/shipping_addresses")[0]
    status, errors, _ = call(store, "POST", "orders/1/shipments", body={"items": []})
    assert status == 400 and "'order_address_id'" in errors[0]["message"]
    assert call(store, "POST", "orders/1/shipments", body={"order_address_id": 999, "items": []})[0] == 400
    assert call(store, "POST", "orders/1/shipments", body={"order_address_id": address["id"],
                                                          "items": [{"order_product_id": 99, "quantity": 1}]})[0] == 400
    shipment = ok(store, "POST", "orders/1/shipments", {
        "order_address_id": address["id"], "tracking_number": "EJ958083578US",
        "items": [{"order_product_id": 1, "quantity": 2}]})
    assert shipment["order_id"] == order["id"] and shipment["customer_id"] == 0
    assert shipment["items"] == [{"order_product_id": 1, "product_id": 0, "quantity": 2}]
    assert shipment["billing_address"]["first_name"] == "Jane" and shipment["shipping_address"]["city"] == "Austin"
    assert ok(store, "PUT", f"orders/1/shipments/{shipment['id']}",
              {"tracking_number": "X1"})["tracking_number"] == "X1"
    assert ok(store, "GET", "orders/1/shipments/count") == {"count": 1}
    assert ok(store, "GET", "orders/shipments/count") == {"count": 1}
    assert call(store, "DELETE", "orders/1/shipments")[0] == 204
    assert ok(store, "GET", "orders/1/shipments/count") == {"count": 0}


def test_order_shipping_address_update_and_quotes(store: Store) -> None:
    new_order(store)
    address = ok(store, "GET", "orders/1/shipping_addresses")[0]
    moved = ok(store, "PUT", f"orders/1/shipping_addresses/{address['id']}", {"city": "Sydney", "country": "Australia"})
    assert moved["city"] == "Sydney" and moved["country_iso2"] == "AU"
    assert call(store, "GET", f"orders/1/shipping_addresses/{address['id']}/shipping_quotes") == (204, None, {})
    assert call(store, "GET", f"orders/1/shippingaddresses/{address['id']}/shippingquotes")[0] == 204
    assert call(store, "GET", "orders/1/shipping_addresses/999/shipping_quotes")[0] == 404
    assert call(store, "GET", "orders/9/shipping_addresses/1/shipping_quotes")[0] == 404


def test_order_subresources_of_another_order_are_404(store: Store) -> None:
    new_order(store)
    new_order(store)
    assert call(store, "GET", "orders/2/products/1") == (404, NOT_FOUND, {})
    assert ok(store, "GET", "orders/2/products/2")["order_id"] == 2


def test_order_consignments_fees_and_read_only_lists(store: Store) -> None:
    new_order(store, fees=[{"type": "custom_fee", "display_name_customer": "Fee", "cost_inc_tax": "1.0000"}])
    consignments = ok(store, "GET", "orders/1/consignments")
    assert consignments["pickups"] == [] and len(consignments["shipping"]) == 1
    assert consignments["shipping"][0]["line_items"][0]["resource"] == "/orders/1/products/1"
    assert call(store, "GET", "orders/1/consignments/shipping/1/shipping_quotes")[0] == 204
    assert ok(store, "GET", "orders/1/fees")["fees"][0]["display_name_customer"] == "Fee"
    assert "fees" not in ok(store, "GET", "orders/1")
    assert ok(store, "GET", "orders/1", query={"include": "fees"})["fees"][0]["type"] == "custom_fee"
    for sub in ("coupons", "messages", "taxes"):
        assert call(store, "GET", f"orders/1/{sub}")[0] == 204
        assert call(store, "POST", f"orders/1/{sub}", body={})[0] == 405
    store.insert("orders/1/messages", {"subject": "Hi", "message": "Where is it?", "customer_id": 0})
    assert ok(store, "GET", "orders/1/messages")[0]["subject"] == "Hi"


# ------------------------------------------------------------------ customers

def test_customer_password_is_set_validated_and_never_echoed(store: Store) -> None:
    customer = ok(store, "POST", "customers", {
        "first_name": "Jane", "last_name": "Doe", "email": "jane@example.com",
        "_authentication": {"password": "s3cret!"}})
    assert "_authentication" not in customer and "_password" not in customer
    assert "s3cret" not in json.dumps(customer)
    assert ok(store, "POST", f"customers/{customer['id']}/validate", {"password": "s3cret!"}) == {"success": True}
    assert ok(store, "POST", f"customers/{customer['id']}/validate", {"password": "nope"}) == {"success": False}
    ok(store, "PUT", f"customers/{customer['id']}", {"_authentication": {"password": "n3w"}})
    assert ok(store, "POST", f"customers/{customer['id']}/validate", {"password": "n3w"}) == {"success": True}
    assert call(store, "POST", "customers/99/validate", body={"password": "x"})[0] == 404
    assert call(store, "POST", f"customers/{customer['id']}/validate", body={})[0] == 400


@pytest.mark.parametrize("missing", ["first_name", "last_name", "email"])
def test_customer_required_fields(store: Store, missing: str) -> None:
    body = {"first_name": "J", "last_name": "D", "email": "j@example.com"}
    del body[missing]
    status, errors, _ = call(store, "POST", "customers", body=body)
    assert status == 400 and f"'{missing}'" in errors[0]["message"]


def test_customer_addresses_follow_their_customer(store: Store) -> None:
    ok(store, "POST", "customers", {"first_name": "J", "last_name": "D", "email": "j@example.com"})
    ok(store, "POST", "customers", {"first_name": "K", "last_name": "E", "email": "k@example.com"})
    address = {"first_name": "J", "last_name": "D", "street_1": "1 Main", "city": "Austin", "state": "Texas",
               "zip": 78726, "country": "United States", "phone": "123"}
    created = ok(store, "POST", "customers/1/addresses", address)
    assert created["zip"] == "78726" and created["country_iso2"] == "US" and created["customer_id"] == 1
    assert call(store, "POST", "customers/1/addresses", body={**address, "city": None})[0] == 400
    assert call(store, "GET", f"customers/2/addresses/{created['id']}")[0] == 404
    assert ok(store, "GET", "customers/1/addresses/count") == {"count": 1}
    assert ok(store, "GET", "customers/addresses/count") == {"count": 1}
    assert ok(store, "GET", "customers/1")["addresses"]["resource"] == "/customers/1/addresses"
    assert call(store, "DELETE", "customers/1")[0] == 204
    assert ok(store, "GET", "customers/addresses/count") == {"count": 0}


def test_customer_groups(store: Store) -> None:
    group = ok(store, "POST", "customer_groups", {"name": "Wholesale", "discount_rules": [
        {"type": "all", "method": "percent", "amount": "5.0000"}]})
    assert group["category_access"] == {"type": "all"} and group["is_default"] is False
    assert ok(store, "GET", "customer_groups/count") == {"count": 1}
    assert call(store, "DELETE", f"customer_groups/{group['id']}")[0] == 204


# ------------------------------------------------------------------ marketing and content

def test_coupons_require_their_documented_fields_and_count(store: Store) -> None:
    body = {"name": "5% off", "type": "per_item_discount", "code": "4F75AF0C3802D39", "amount": "5",
            "applies_to": {"entity": "categories", "ids": [0]}}
    coupon = ok(store, "POST", "coupons", body)
    assert coupon["amount"] == "5.0000" and coupon["num_uses"] == 0 and coupon["enabled"] is True
    assert ok(store, "GET", f"coupons/{coupon['id']}")["code"] == "4F75AF0C3802D39"
    assert call(store, "POST", "coupons", body={**body, "type": "free_lunch"})[0] == 400
    assert call(store, "POST", "coupons", body={k: v for k, v in body.items() if k != "applies_to"})[0] == 400
    assert ok(store, "GET", "coupons/count") == {"count": 1}
    assert call(store, "DELETE", "coupons")[0] == 204 and ok(store, "GET", "coupons/count") == {"count": 0}


def test_banners_and_gift_certificates(store: Store, clock: FakeClock) -> None:
    banner = ok(store, "POST", "banners", {"name": "Sale", "content": "<p>Sale!</p>", "page": "home_page",
                                           "location": "top", "date_type": "always"})
    assert banner["date_created"] == str(T0) and banner["visible"] == "1"
    assert ok(store, "GET", "banners/count") == {"count": 1}
    card = ok(store, "POST", "gift_certificates", {"to_name": "John", "to_email": "j@example.com",
                                                    "from_name": "Jane", "from_email": "d@example.com", "amount": 10})
    assert card["amount"] == "10.0000" and card["balance"] == "10.0000" and card["status"] == "active"
    assert len(card["code"]) == 15 and card["purchase_date"] == "Tue, 10 Apr 2018 18:59:05 +0000"
    assert call(store, "GET", "gift_certificates/count")[0] == 404


def test_blog_posts_are_newest_first_and_feed_blog_tags(store: Store, clock: FakeClock) -> None:
    first = ok(store, "POST", "blog/posts", {"title": "Hello", "body": "<p>Hi there</p>", "tags": ["News"]})
    clock.now += 60
    second = ok(store, "POST", "blog/posts", {"title": "Again", "body": "<p>More</p>", "tags": ["News", "Tips"],
                                              "is_published": True})
    assert first["is_published"] is False and first["url"] == "/blog/hello/"
    assert first["published_date"] == {"date": "2018-04-10 18:59:05.000000", "timezone_type": 1, "timezone": "+00:00"}
    assert first["published_date_iso8601"] == "2018-04-10T18:59:05+0000" and first["summary"] == "Hi there"
    assert [post["id"] for post in ok(store, "GET", "blog/posts")] == [second["id"], first["id"]]
    assert ok(store, "GET", "blog/tags") == [{"tag": "News", "post_ids": [1, 2]}, {"tag": "Tips", "post_ids": [2]}]
    assert call(store, "POST", "blog/posts", body={"title": "No body"})[0] == 400
    assert ok(store, "GET", "blog/posts/count") == {"count": 2}


def test_pages_have_no_count_and_no_delete_all(store: Store) -> None:
    page = ok(store, "POST", "pages", {"name": "Contact Form", "type": "contact_form", "body": "Hi"})
    assert page["url"] == "/contact-form/" and page["is_visible"] is True
    assert call(store, "GET", "pages/count")[0] == 404
    assert call(store, "DELETE", "pages")[0] == 405
    assert call(store, "DELETE", f"pages/{page['id']}")[0] == 204


def test_redirects_resolve_their_target_url(store: Store) -> None:
    new_product(store)
    redirect = ok(store, "POST", "redirects", {"path": "/old-shirt/", "forward": {"type": "product", "ref": 1}})
    assert redirect["url"] == "https://store-abc123.mybigcommerce.com/shirt/"
    assert ok(store, "GET", "redirects/count") == {"count": 1}
    assert call(store, "POST", "redirects", body={"path": "/x"})[0] == 400


# ------------------------------------------------------------------ reference data

def test_store_info_and_time_come_from_the_store_and_clock(store: Store, clock: FakeClock) -> None:
    info = ok(store, "GET", "store", query={"page": "7"})
    assert info["id"] == "abc123" and info["domain"] == "store-abc123.mybigcommerce.com"
    assert info["secure_url"] == BASE and info["currency"] == "USD"
    assert store.store_info() == info
    assert ok(store, "GET", "time") == {"time": T0}
    clock.now += 5
    assert ok(store, "GET", "time") == {"time": T0 + 5}
    assert Store(store_hash="xyz").store_info()["secure_url"] == "https://store-xyz.mybigcommerce.com"


def test_countries_and_states(store: Store) -> None:
    countries = ok(store, "GET", "countries")
    us = next(c for c in countries if c["country_iso2"] == "US")
    assert us["states"]["resource"] == f"/countries/{us['id']}/states"
    states = ok(store, "GET", f"countries/{us['id']}/states", query={"limit": "250"})
    assert len(states) == 51 and states[0]["country_id"] == us["id"]
    texas = next(s for s in states if s["state_abbreviation"] == "TX")
    assert ok(store, "GET", f"countries/{us['id']}/states/{texas['id']}") == texas
    assert call(store, "GET", f"countries/1/states/{texas['id']}")[0] == 404
    assert ok(store, "GET", f"countries/{us['id']}/states/count") == {"count": 51}
    total = ok(store, "GET", "countries/states/count")["count"]
    assert total > 51 and len(ok(store, "GET", "countries/states", query={"limit": "250"})) == total
    assert ok(store, "GET", "countries/count") == {"count": len(countries)}


def test_currencies_keep_their_default(store: Store) -> None:
    currencies = ok(store, "GET", "currencies")
    default = next(c for c in currencies if c["is_default"])
    assert default["currency_code"] == "USD" and default["last_updated"].endswith("+0000")
    assert call(store, "DELETE", f"currencies/{default['id']}")[0] == 400
    created = ok(store, "POST", "currencies", {
        "currency_code": "NZD", "currency_exchange_rate": "1.6", "token_location": "left", "token": "$",
        "decimal_token": ".", "thousands_token": ",", "decimal_places": 2, "name": "NZ Dollar"})
    assert created["currency_exchange_rate"] == "1.6000000000"
    assert call(store, "DELETE", "currencies")[0] == 204
    assert [c["currency_code"] for c in ok(store, "GET", "currencies")] == ["USD"]


def test_read_only_reference_collections(store: Store) -> None:
    assert [t["name"] for t in ok(store, "GET", "tax_classes")] == ["Non-Taxable Products", "Shipping", "Gift Wrapping"]
    methods = ok(store, "GET", "payments/methods")
    assert [m["name"] for m in methods] == sorted(m["name"] for m in methods)
    assert set(methods[0]) == {"code", "name", "test_mode"}
    assert call(store, "GET", "payments/methods/1")[0] == 404
    assert ok(store, "GET", "shipping/methods/1") == {"id": 1, "name": "Flat Rate", "method_name": "shipping_flatrate"}


def test_shipping_zones_methods_and_carrier_connection(store: Store) -> None:
    zone = ok(store, "POST", "shipping/zones", {"name": "UnitedStates-NM", "type": "state",
                                                "locations": [{"country_iso2": "US", "state_iso2": "NM"}]})
    assert isinstance(zone["locations"][0]["id"], int)
    assert call(store, "POST", "shipping/zones", body={"type": "state"})[0] == 400
    method = ok(store, "POST", f"shipping/zones/{zone['id']}/methods", {"name": "Per Order", "type": "perorder",
                                                                       "settings": {"rate": 8}})
    assert "zone_id" not in method and method["is_fallback"] is False
    assert call(store, "GET", f"shipping/zones/1/methods/{method['id']}")[0] == 404
    assert call(store, "DELETE", f"shipping/zones/{zone['id']}")[0] == 204
    assert call(store, "GET", f"shipping/zones/{zone['id']}/methods")[0] == 404
    for verb in ("POST", "PUT", "DELETE"):
        assert call(store, verb, "shipping/carrier/connection",
                    body={"carrier_id": "usps", "connection": {"key": "x"}}) == (204, None, {})
    assert call(store, "POST", "shipping/carrier/connection", body={})[0] == 400


def test_hooks_delete_answers_with_the_deleted_hook(store: Store) -> None:
    hook = ok(store, "POST", "hooks", {"scope": "store/order/*", "destination": "https://app.example.com/orders",
                                       "is_active": True, "headers": {"X-Custom": "1"}})
    assert hook["store_hash"] == "abc123" and hook["created_at"] == T0
    assert call(store, "DELETE", f"hooks/{hook['id']}") == (200, hook, {})
    assert call(store, "GET", f"hooks/{hook['id']}")[0] == 404


# ------------------------------------------------------------------ direct insert

def test_insert_skips_validation_and_returns_the_body(store: Store) -> None:
    product = store.insert("products", {"name": "Bare", "date_created": "Wed, 10 Jan 2018 21:02:23 +0000"})
    assert product["id"] == 1 and product["date_created"] == "Wed, 10 Jan 2018 21:02:23 +0000"
    image = store.insert("products/1/images", {"image_file": "x.jpg"})
    assert ok(store, "GET", f"products/1/images/{image['id']}") == image
    with pytest.raises(KeyError):
        store.insert("products/9/images", {"image_file": "x.jpg"})
    with pytest.raises(KeyError):
        store.insert("store", {})
