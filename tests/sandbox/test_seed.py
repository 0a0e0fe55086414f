"""Reference data, the seeded generator and JSON load/dump of the sandbox Store."""
from __future__ import annotations

import json
import time
from typing import Any

import pytest

from bigcommerce.sandbox import seed as seeding
from bigcommerce.sandbox.store import Store

T0 = 1700000000


def new_store(**kwargs: Any) -> Store:
    return Store(store_hash="abc123", base_url="http://sandbox.test", clock=lambda: T0, **kwargs)


def get(store: Store, path: str, **query: str) -> Any:
    answer = store.handle("GET", path, query, None)
    assert answer.status == 200, (path, answer.status, answer.body[:200])
    return json.loads(answer.body)


def test_a_fresh_store_has_reference_data_and_no_catalog() -> None:
    store = new_store()
    assert get(store, "products/count") == {"count": 0}
    assert get(store, "customers/count") == {"count": 0}
    assert get(store, "orders/count")["count"] == 0
    assert len(get(store, "order_statuses")) == 15
    assert get(store, "countries/count")["count"] >= 5
    assert [c["currency_code"] for c in get(store, "currencies") if c["is_default"]] == ["USD"]
    assert len(get(store, "tax_classes")) == 3 and len(get(store, "payments/methods")) >= 3
    assert get(store, "shipping/zones")[0]["name"] == "United States"
    assert len(get(store, "shipping/zones/1/methods")) >= 1


def test_the_same_seed_gives_the_same_data() -> None:
    first, second = new_store(), new_store()
    first.seed(products=120, customers=30, orders=40, seed=7)
    second.seed(products=120, customers=30, orders=40, seed=7)
    assert first.dump() == second.dump()
    other = new_store()
    other.seed(products=120, customers=30, orders=40, seed=8)
    assert other.dump()["products"] != first.dump()["products"]


def test_seeded_dates_do_not_depend_on_the_clock() -> None:
    early = Store(store_hash="abc123", clock=lambda: 1.0)
    late = Store(store_hash="abc123", clock=lambda: 2_000_000_000.0)
    early.seed(products=10, customers=5, orders=5)
    late.seed(products=10, customers=5, orders=5)
    assert early.dump() == late.dump()


def test_seeded_catalog_looks_like_a_store() -> None:
    store = new_store()
    store.seed(products=300, customers=40, orders=60, seed=1)
    products = get(store, "products", limit="250") + get(store, "products", limit="250", page="2")
    assert len(products) == 300
    names = [p["name"] for p in products]
    assert len(set(names)) == 300
    assert any(name.endswith(("1.7 L", "1.2 L")) for name in names)
    for product in products:
        assert product["price"].count(".") == 1 and len(product["price"].split(".")[1]) == 4
        assert product["date_created"].endswith("+0000") and product["categories"]
        assert product["primary_image"] is not None and product["brand"] is not None
    assert get(store, "brands/count")["count"] >= 5
    assert any(c["parent_id"] for c in get(store, "categories", limit="250"))
    image_count = get(store, "products/images/count")["count"]
    assert 300 <= image_count <= 900
    assert get(store, "products/custom_fields/count")["count"] > 0
    assert get(store, "products/skus/count")["count"] > 0
    assert get(store, "option_sets/count")["count"] >= 1
    customers = get(store, "customers", limit="250")
    assert len(customers) == 40 and all(get(store, f"customers/{c['id']}/addresses/count")["count"] >= 1
                                        for c in customers)
    assert any(c["customer_group_id"] for c in customers)


def test_seeded_orders_reference_existing_customers_and_products() -> None:
    store = new_store()
    store.seed(products=50, customers=10, orders=30, seed=3)
    customer_ids = {c["id"] for c in get(store, "customers")}
    product_ids = {p["id"] for p in get(store, "products")}
    orders = get(store, "orders")
    assert len(orders) == 30
    for order in orders:
        assert order["customer_id"] == 0 or order["customer_id"] in customer_ids
        lines = get(store, f"orders/{order['id']}/products")
        assert lines and all(line["product_id"] in product_ids for line in lines)
        subtotal = sum(float(line["total_ex_tax"]) for line in lines)
        assert float(order["subtotal_ex_tax"]) == pytest.approx(subtotal)
        assert order["items_total"] == sum(line["quantity"] for line in lines)
    shipped = [o for o in orders if o["status_id"] in (2, 10)]
    assert shipped and all(get(store, f"orders/{o['id']}/shipments/count")["count"] == 1 for o in shipped)


def test_seeded_customers_can_validate_their_password() -> None:
    store = new_store()
    store.seed(customers=2)
    answer = store.handle("POST", "customers/1/validate", {}, {"password": seeding.SEED_PASSWORD})
    assert json.loads(answer.body) == {"success": True}


def test_seeding_twice_reuses_the_catalog_scaffolding() -> None:
    store = new_store()
    store.seed(products=20)
    brands = get(store, "brands/count")["count"]
    store.seed(products=20, seed=1)
    assert get(store, "brands/count")["count"] == brands
    assert get(store, "products/count")["count"] == 40
    names = [p["name"] for p in get(store, "products")]
    assert len(set(names)) == 40


def test_large_catalogs_stay_light(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(seeding, "LARGE_SEED_PRODUCTS", 50)
    store = new_store()
    store.seed(products=100)
    assert get(store, "products/images/count") == {"count": 100}
    assert get(store, "products/skus/count") == {"count": 0}
    assert store.dump()["product_reviews"] == []


def test_seeding_10k_products_is_fast_and_a_page_does_not_scan_them() -> None:
    store = new_store()
    started = time.perf_counter()
    store.seed(products=10_000)
    assert time.perf_counter() - started < 5.0
    assert get(store, "products/count") == {"count": 10_000}
    first = get(store, "products", limit="250", page="20")
    assert [p["id"] for p in first] == list(range(4751, 5001))

    class NoScan(dict):  # any iteration over all rows fails the test
        def __iter__(self):  # type: ignore[no-untyped-def]
            raise AssertionError("listed by scanning every product")

        def values(self):  # type: ignore[no-untyped-def]
            raise AssertionError("listed by scanning every product")

        def items(self):  # type: ignore[no-untyped-def]
            raise AssertionError("listed by scanning every product")

    table = store.table("products")
    table.rows = NoScan(table.rows)
    assert [p["id"] for p in get(store, "products", limit="250", page="40")] == list(range(9751, 10001))
    assert get(store, "products/count") == {"count": 10_000}


# ------------------------------------------------------------------ load and dump


def test_dump_round_trips_through_load() -> None:
    source = new_store()
    source.seed(products=80, customers=20, orders=25, seed=5)
    source.handle("DELETE", "orders/3", {}, None)
    source.handle("POST", "shipping/carrier/connection", {}, {"carrier_id": "usps", "connection": {"k": "v"}})
    data = json.loads(json.dumps(source.dump()))
    copy = new_store()
    copy.load(data)
    assert copy.dump() == source.dump()
    for path in ("products", "products/7", "products/7/images", "orders", "orders/3", "orders/4/products",
                 "customers/2/addresses", "categories", "option_sets/1/options", "orders/count"):
        assert copy.handle("GET", path, {}, None).body == source.handle("GET", path, {}, None).body, path


def test_ids_are_not_reused_after_a_load() -> None:
    source = new_store()
    for n in range(3):
        source.insert("brands", {"name": f"B{n}"})
    source.handle("DELETE", "brands/3", {}, None)
    copy = new_store()
    copy.load(source.dump())
    created = json.loads(copy.handle("POST", "brands", {}, {"name": "New"}).body)
    assert created["id"] == 4


def test_load_accepts_hand_written_nested_rows() -> None:
    store = new_store()
    store.load({
        "products": [{
            "name": "Kettle", "price": 12.5, "categories": [1], "date_created": "2019-04-01T12:00:00Z",
            "images": [{"image_file": "k.jpg", "is_thumbnail": True}],
            "custom_fields": [{"name": "Material", "text": "Steel"}],
        }],
        "customers": [{"first_name": "Jo", "last_name": "Ray", "email": "jo@example.com",
                       "_authentication": {"password": "pw"}, "addresses": [{"city": "Austin"}]}],
        "orders": [{"customer_id": 1, "billing_address": {"first_name": "Jo", "country": "United States"},
                    "products": [{"product_id": 1, "quantity": 2}]}],
        "product_videos": [{"product_id": 1, "url": "https://youtu.be/4wZ3ZG_Wams"}],
    })
    product = get(store, "products/1")
    assert product["price"] == "12.5000" and product["date_created"] == "Mon, 01 Apr 2019 12:00:00 +0000"
    assert product["primary_image"]["id"] == 1
    assert get(store, "products/1/custom_fields")[0]["text"] == "Steel"
    assert get(store, "products/1/videos")[0]["id"] == "4wZ3ZG_Wams"
    assert get(store, "customers/1/addresses")[0]["city"] == "Austin"
    assert json.loads(store.handle("POST", "customers/1/validate", {}, {"password": "pw"}).body) == {"success": True}
    order = get(store, "orders/1")
    assert order["total_inc_tax"] == "25.0000" and order["items_total"] == 2
    assert get(store, "orders/1/shipping_addresses")[0]["country_iso2"] == "US"


def test_load_replaces_rows_with_the_same_id() -> None:
    store = new_store()
    store.load({"brands": [{"id": 5, "name": "Old"}]})
    store.load({"brands": [{"id": 5, "name": "New"}, {"id": 2, "name": "Two"}]})
    assert [(b["id"], b["name"]) for b in get(store, "brands")] == [(2, "Two"), (5, "New")]
    assert json.loads(store.handle("POST", "brands", {}, {"name": "Next"}).body)["id"] == 6


def test_load_rejects_rows_that_are_not_objects() -> None:
    with pytest.raises(ValueError):
        new_store().load({"products": ["not a row"]})
